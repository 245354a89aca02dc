//! Working time and length of the contract: hours a week ("37h/semaine", "temps partiel 28h",
//! "0,8 ETP", "taux d'activité 80 %", "mi-temps") and duration in months ("12 mois", "4 à 6 mois",
//! "CDD 1 an", "durée : 18 mois"), ignoring years of experience, ages and project lengths.

use super::text::FastStr;
use super::text::{find_word, has_any_word, Tok, TokKind};
use super::Ctx;
use crate::model::{Country, MonthRange};

fn num_at(f: &str, toks: &[Tok], i: usize) -> Option<(f32, usize)> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Num || t.e - t.s > 3 {
        return None;
    }
    let mut v: f32 = t.text(f).parse().ok()?;
    let mut j = i + 1;
    if let (Some(p), Some(d)) = (toks.get(j), toks.get(j + 1)) {
        if p.kind == TokKind::Punct && matches!(p.text(f), "," | ".") && !p.space_before && !d.space_before && d.kind == TokKind::Num && d.e - d.s <= 2 {
            v += d.text(f).parse::<f32>().unwrap_or(0.0) / 10f32.powi((d.e - d.s) as i32);
            j += 2;
        }
    }
    Some((v, j))
}

const WEEK: [&str; 7] = ["semaine", "semaines", "hebdomadaire", "hebdomadaires", "hebdo", "sem", "/semaine"];
const TIME_CUES: [&str; 9] = [
    "temps partiel", "temps plein", "temps de travail", "horaire", "horaires", "duree hebdomadaire", "duree du travail",
    "par semaine", "hebdomadaire",
];

/// Hours a week stated in a folded line, if any.
pub fn hours_in(f: &str, toks: &[Tok], base: f32) -> Option<f32> {
    for i in 0..toks.len() {
        let Some((v, j)) = num_at(f, toks, i) else { continue };
        // "37h", "35 heures", "28 h"
        let unit = toks.get(j).filter(|t| t.kind == TokKind::Word).map(|t| t.text(f));
        if matches!(unit, Some("h" | "heures" | "heure" | "hrs" | "hr")) {
            // Not a time of day ("9h30", "9h-17h") nor "24h/24"; but "17 h 30 par semaine" is
            // seventeen and a half hours.
            let after = toks.get(j + 1);
            let minutes = after.filter(|a| a.kind == TokKind::Num && a.e - a.s == 2).and_then(|a| a.num(f)).filter(|m| *m < 60);
            let week_after = |k: usize| {
                let end = toks.get(k + 3).map_or(f.len(), |t| t.e);
                toks.get(k).is_some_and(|t| WEEK.iter().any(|w| f[t.s..end].fhas(w)))
            };
            let v = match minutes {
                Some(m) if week_after(j + 2) => v + m as f32 / 60.0,
                _ if after.is_some_and(|a| a.kind == TokKind::Num && !a.space_before) => continue,
                _ => v,
            };
            if after.is_some_and(|a| a.text(f) == "-") && toks.get(j + 2).is_some_and(|a| a.kind == TokKind::Num) {
                continue;
            }
            let rest_end = toks.get(j + 4).map_or(f.len(), |t| t.e);
            let rest = &f[toks[j].e..rest_end];
            let before = &f[f[..toks[i].s].char_indices().rev().nth(40).map_or(0, |(k, _)| k)..toks[i].s];
            let week = WEEK.iter().any(|w| rest.fhas(w)) || rest.trim_start().starts_with("/s");
            if rest.trim_start().starts_with("/24") || rest.fhas("par jour") || rest.fhas("/jour") || rest.fhas("par mois") {
                continue;
            }
            if (week || has_any_word(before, &TIME_CUES)) && (1.0..=60.0).contains(&v) {
                return Some(v);
            }
        }
        // "0,8 ETP"
        if matches!(unit, Some("etp")) && v > 0.0 && v < 1.0 {
            return Some((v * base * 10.0).round() / 10.0);
        }
        // "80 %" after "taux d'activité", "taux d'occupation", "temps partiel à", "à 80 % ETP"
        // "4/5e temps", "3/4 temps": a share of the legal week.
        if toks.get(j).is_some_and(|t| t.text(f) == "/" && !t.space_before) {
            if let Some(d) = toks.get(j + 1).filter(|t| t.kind == TokKind::Num && !t.space_before).and_then(|t| t.num(f)) {
                let rest = &f[toks[j + 1].e..];
                let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic() && c != ' ').trim_start();
                if rest.starts_with("temps") && (2..=10).contains(&d) && v < d as f32 && v >= 1.0 {
                    return Some((v / d as f32 * base * 10.0).round() / 10.0);
                }
            }
        }
        if toks.get(j).is_some_and(|t| t.text(f) == "%") && (10.0..=100.0).contains(&v) {
            let before = &f[f[..toks[i].s].char_indices().rev().nth(40).map_or(0, |(k, _)| k)..toks[i].s];
            let after = toks.get(j + 1).map(|t| t.text(f));
            if before.fhas("taux d'activite") || before.fhas("taux d'occupation") || before.fhas("temps partiel")
                || before.fhas("taux de travail") || matches!(after, Some("etp")) || before.fhas("taux :")
                || before.trim_end().ends_with("poste a") || before.trim_end().ends_with("temps de travail :")
            {
                return Some((v / 100.0 * base * 10.0).round() / 10.0);
            }
        }
    }
    if find_word(f, "mi-temps").is_some() && !f.fhas("mi-temps therapeutique") {
        return Some(base / 2.0);
    }
    None
}

/// Labels of a working-time line ("Temps de travail :", "Horaires :", "Taux d'activité :").
const HOURS_LABELS: [&str; 7] = [
    "temps de travail", "horaire", "duree hebdomadaire", "duree du travail", "taux d'activite", "taux d'occupation",
    "taux de travail",
];

/// A "Temps de travail : …" line: its folded label and its value.
pub fn hours_label(line: &super::clean::Line) -> Option<(&str, &str)> {
    line.label_value(4).filter(|(l, _)| HOURS_LABELS.iter().any(|h| l.starts_with(h)))
}

/// Hours a week of the posting.
pub fn hours(cx: &Ctx, country: Country) -> Option<f32> {
    let base = country.full_time_week();
    let mut best: Option<(i32, f32)> = None;
    for (i, line) in cx.doc.lines.iter().enumerate() {
        if line.skipped() || line.footer {
            continue;
        }
        let f = line.fold();
        if !(f.bytes().any(|b| b.is_ascii_digit()) || f.fhas("mi-temps")) {
            continue;
        }
        if let Some(h) = hours_in(f, &cx.toks[i], base) {
            let score = match cx.layout.section[i] {
                super::sections::Section::Conditions | super::sections::Section::Top => 2,
                super::sections::Section::Profile => 0,
                _ => 1,
            } + if line.label_value(4).is_some() { 1 } else { 0 };
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, h));
            }
        }
    }
    // Full time without a number of hours: the country's legal week.
    best.map(|(_, h)| h).or_else(|| full_time_said(cx).then_some(base))
}

/// True when the text says the job is full time ("temps plein", "temps complet") and never part
/// time.
fn full_time_said(cx: &Ctx) -> bool {
    let said = |cues: &[&str]| cx.doc.lines.iter().any(|l| !l.skipped() && !l.footer && cues.iter().any(|c| l.fold().fhas(c)));
    said(&["temps plein", "temps complet", "plein temps", "full-time"]) && !said(&["temps partiel", "mi-temps", "mi temps", "part-time"])
}

fn word_number(w: &str) -> Option<f32> {
    if !(2..=12).contains(&w.len()) || !matches!(w.as_bytes()[0], b'u' | b'd' | b't' | b'q' | b'c' | b's' | b'h' | b'n' | b'o' | b'v') {
        return None;
    }
    Some(match w {
        "un" | "une" => 1.0,
        "deux" => 2.0,
        "trois" => 3.0,
        "quatre" => 4.0,
        "cinq" => 5.0,
        "six" => 6.0,
        "sept" => 7.0,
        "huit" => 8.0,
        "neuf" => 9.0,
        "dix" => 10.0,
        "onze" => 11.0,
        "douze" => 12.0,
        "dix-huit" => 18.0,
        "vingt-quatre" => 24.0,
        _ => return None,
    })
}

fn value_at(f: &str, toks: &[Tok], i: usize) -> Option<(f32, usize)> {
    if let Some(r) = num_at(f, toks, i) {
        return Some(r);
    }
    let t = toks.get(i).filter(|t| t.kind == TokKind::Word)?;
    // "dix-huit"
    if let (Some(d), Some(w2)) = (toks.get(i + 1), toks.get(i + 2)) {
        if d.text(f) == "-" && !d.space_before && !w2.space_before {
            if let Some(v) = word_number(&f[t.s..w2.e]) {
                return Some((v, i + 3));
            }
        }
    }
    word_number(t.text(f)).map(|v| (v, i + 1))
}

const DURATION_CUES: [&str; 18] = [
    "cdd", "contrat", "duree", "stage", "mission", "service civique", "volontariat", "engagement", "alternance",
    "apprentissage", "determinee", "remplacement", "pour une periode", "periode de", "renouvelable", "poste de",
    "convention", "prolongation",
];
const NOT_DURATION: [&str; 14] = [
    "experience", "age", "ages", "ans minimum", "depuis", "il y a", "au moins", "minimum", "annees d'experience",
    "essai", "periode d'essai", "plus de", "moins de", "entre 16",
];

/// A duration in months in a folded line: "12 mois", "4 à 6 mois", "1 an", "18 mois renouvelable".
pub fn duration_in(f: &str, toks: &[Tok], cue_required: bool) -> Option<MonthRange> {
    for i in 0..toks.len() {
        let Some((a, j)) = value_at(f, toks, i) else { continue };
        let (mut lo, mut hi, mut k) = (a, a, j);
        // A range: "4 à 6 mois", "4-6 mois", "de 6 à 12 mois"
        if let Some(c) = toks.get(j).map(|t| t.text(f)) {
            if matches!(c, "a" | "-" | "ou") {
                if let Some((b, j2)) = value_at(f, toks, j + 1) {
                    if b > a {
                        hi = b;
                        k = j2;
                    }
                }
            }
        }
        let unit = toks.get(k).filter(|t| t.kind == TokKind::Word).map(|t| t.text(f));
        let factor = match unit {
            Some("mois") => 1.0,
            Some("an" | "ans" | "annee" | "annees") => 12.0,
            _ => continue,
        };
        let start = toks[i].s;
        let end = toks[k].e;
        let window = &f[f[..start].char_indices().rev().nth(45).map_or(0, |(p, _)| p)..start];
        // Within the clause: "dès l'âge de 16 ans, contrat de 8 mois"; but a clause that is only
        // "pour" or "sur" goes on the one before ("en contrat de professionnalisation, pour 12 mois").
        let clause = window.rfind([',', ';']).map_or(window, |p| &window[p + 1..]);
        let before = if matches!(clause.trim(), "pour" | "sur" | "pendant" | "durant") { window } else { clause };
        let after = &f[end..f[end..].char_indices().nth(25).map_or(f.len(), |(p, _)| end + p)];
        // Whole words only: "age" is not in "stage", "engagement" or "apprentissage".
        if NOT_DURATION.iter().any(|n| super::text::find_word(before, n).is_some() || after.starts_with(&format!(" {n}")) || after.fhas("d'experience")) {
            continue;
        }
        if cue_required && !DURATION_CUES.iter().any(|c| before.fhas(c)) && !after.fhas("renouvelable") {
            continue;
        }
        lo *= factor;
        hi *= factor;
        if lo >= 1.0 && hi <= 60.0 {
            return Some(MonthRange { min: lo.round() as u16, max: hi.round() as u16 });
        }
    }
    None
}

/// A "Durée : …" line (a label naming a length or the contract): its folded label and its value.
pub fn duration_label(line: &super::clean::Line) -> Option<(&str, &str)> {
    line.label_value(4).filter(|(l, _)| l.fhas("duree") || l.fhas("contrat") || l.fhas("periode"))
}

/// Duration of the contract or mission.
pub fn duration(cx: &Ctx) -> Option<MonthRange> {
    let mut best: Option<(i32, MonthRange)> = None;
    for (i, line) in cx.doc.lines.iter().enumerate() {
        if line.skipped() || line.footer {
            continue;
        }
        let f = line.fold();
        // A duration needs a unit word.
        static UNITS: std::sync::OnceLock<super::text::Cues> = std::sync::OnceLock::new();
        if !UNITS.get_or_init(|| super::text::Cues::new(&["mois", "an", "ans", "annee", "annees"])).any_in(f, &cx.fspans[i]) {
            continue;
        }
        let label = duration_label(line);
        let r = if label.is_some() {
            duration_in(f, &cx.toks[i], false)
        } else {
            // A short line right after the title ("CDD 1 an") or a sentence with a contract cue.
            duration_in(f, &cx.toks[i], true)
        };
        if let Some(r) = r {
            let score = if label.is_some() { 3 } else if i < 6 { 2 } else { 1 };
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, r));
            }
        }
    }
    best.map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::super::text::{fold, tokenize};
    use super::super::Ctx;
    use super::*;

    #[test]
    fn full_time_is_the_legal_week() {
        let week = |s: &str, c: Country| hours(&Ctx::new(s), c);
        assert_eq!(week("Stage\nRégime : temps plein\nTexte.", Country::BE), Some(38.0));
        assert_eq!(week("CDI à temps plein, 39 heures par semaine", Country::FR), Some(39.0));
        assert_eq!(week("Temps plein ou temps partiel à discuter", Country::FR), None);
        assert_eq!(week("Horaires souples", Country::FR), None);
        assert_eq!(week("CDI à temps partiel — 17 h 30 par semaine", Country::FR), Some(17.5));
        assert_eq!(week("Permanence de 9h30 à 12h, 20 heures par semaine", Country::FR), Some(20.0));
    }

    #[test]
    fn guards_match_whole_words() {
        let d = |s: &str| {
            let f = fold(s);
            duration_in(&f, &tokenize(&f), true).map(|r| (r.min, r.max))
        };
        assert_eq!(d("Un stage de 6 mois au sein de l'équipe"), Some((6, 6)));
        assert_eq!(d("Un engagement souhaité sur 6 mois"), Some((6, 6)));
        assert_eq!(d("Contrat d'apprentissage de 24 mois"), Some((24, 24)));
        assert_eq!(d("Mission ouverte dès l'âge de 16 ans, contrat de 8 mois"), Some((8, 8)));
        assert_eq!(d("Contrat pour les jeunes de moins de 26 ans"), None);
        assert_eq!(d("un·e alternant·e en contrat de professionnalisation, pour 12 mois, pour nous aider"), Some((12, 12)));
        assert_eq!(d("Nous avons 40 ans, pour 12 mois de fête"), None);
    }

    fn h(s: &str) -> Option<f32> {
        let f = fold(s);
        hours_in(&f, &tokenize(&f), 35.0)
    }
    fn d(s: &str) -> Option<(u16, u16)> {
        duration(&Ctx::new(s)).map(|r| (r.min, r.max))
    }

    #[test]
    fn hours_forms() {
        assert_eq!(h("Horaire : 37h/semaine en journée"), Some(37.0));
        assert_eq!(h("CDI à temps plein (39 heures par semaine)"), Some(39.0));
        assert_eq!(h("temps partiel 28h"), Some(28.0));
        assert_eq!(h("35 heures hebdomadaires"), Some(35.0));
        assert_eq!(h("Un contrat à durée indéterminée à 4/5e temps"), Some(28.0));
        let f = fold("6 mois · taux d'activité 100 %");
        assert_eq!(hours_in(&f, &tokenize(&f), 42.0), Some(42.0));
        assert_eq!(h("poste à 0,8 ETP"), Some(28.0));
        assert_eq!(h("taux d'activité 80 %"), Some(28.0));
        assert_eq!(h("Poste à 80 %"), Some(28.0));
        assert_eq!(h("poste à mi-temps"), Some(17.5));
        assert_eq!(h("accueil de 9h30 à 17h"), None);
        assert_eq!(h("permanence 24h/24"), None);
        assert_eq!(h("80 % des bénéficiaires"), None);
    }

    #[test]
    fn durations() {
        assert_eq!(d("Il s'agit d'un contrat à durée déterminée de 12 mois, basé à Lyon."), Some((12, 12)));
        assert_eq!(d("Titre\nCDD 1 an"), Some((12, 12)));
        assert_eq!(d("Durée : 4 à 6 mois (stage long)."), Some((4, 6)));
        assert_eq!(d("Contrat : CDD (12 mois), opportunités de pérennisation"), Some((12, 12)));
        assert_eq!(d("Une expérience professionnelle de 3 années minimum."), None);
        assert_eq!(d("Vous avez entre 16 et 25 ans."), None);
        assert_eq!(d("Mission de service civique de huit mois"), Some((8, 8)));
    }
}
