//! Pay: amounts ("29K€", "2 150 € bruts mensuels", "entre 32 000 et 36 000 €", "85'000 CHF",
//! "25 $ de l'heure"), ranges, period, gross/net and currency; scales without amounts ("selon grille
//! CCN 66", "barème 2 de la CCT 319.02", "gratification légale"). Budgets and grants are not pay.

use super::text::FastStr;
use super::text::{find_word, has_any_word, Tok, TokKind};
use super::Ctx;
use crate::model::{Currency, Pay, PayBasis, PayPeriod};

/// An amount of money found in a folded line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub currency: Option<Currency>,
    /// Written with a "k" ("29K€").
    pub thousands: bool,
    pub s: usize,
    pub e: usize,
    /// Index of the token after the amount.
    next: usize,
}

/// A single amount or a range, with the byte range it covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Money {
    pub min: f64,
    pub max: f64,
    pub currency: Option<Currency>,
    pub thousands: bool,
    pub s: usize,
    pub e: usize,
}

fn punct<'a>(t: Option<&Tok>, f: &'a str) -> Option<&'a str> {
    t.filter(|t| t.kind == TokKind::Punct).map(|t| t.text(f))
}
fn wordt<'a>(t: Option<&Tok>, f: &'a str) -> Option<&'a str> {
    t.filter(|t| t.kind == TokKind::Word).map(|t| t.text(f))
}

/// A number at token `i`: thousands groups ("2 150", "32.000", "85'000"), decimals ("4,35").
fn number(f: &str, toks: &[Tok], i: usize) -> Option<(f64, usize, usize)> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Num || t.e - t.s > 7 {
        return None;
    }
    let mut int: u64 = f[t.s..t.e].parse().ok()?;
    let mut end = t.e;
    let mut j = i + 1;
    let first_len = t.e - t.s;
    let mut grouped = false;
    while first_len <= 3 || grouped {
        let g = toks.get(j);
        if let Some(g) = g.filter(|g| g.kind == TokKind::Num && g.e - g.s == 3 && g.space_before && (int < 1000 || grouped)) {
            // "2 150" (a space), not "en 2019 2 000".
            if f[end..g.s].len() != 1 {
                break;
            }
            int = int * 1000 + f[g.s..g.e].parse::<u64>().ok()?;
            end = g.e;
            j += 1;
            grouped = true;
            continue;
        }
        let sep = punct(toks.get(j), f);
        let g2 = toks.get(j + 1);
        if matches!(sep, Some("." | "'")) && !toks[j].space_before {
            if let Some(g2) = g2.filter(|g| g.kind == TokKind::Num && g.e - g.s == 3 && !g.space_before) {
                // "32.000" but not "319.02" (two digits) nor "1.5".
                let after = toks.get(j + 2);
                if !(after.is_some_and(|a| a.kind == TokKind::Num && !a.space_before)) {
                    int = int * 1000 + f[g2.s..g2.e].parse::<u64>().ok()?;
                    end = g2.e;
                    j += 2;
                    grouped = true;
                    continue;
                }
            }
        }
        break;
    }
    let mut value = int as f64;
    // Decimals: "4,35", "11.88" (1 or 2 digits).
    if let (Some("," | "."), Some(d)) = (punct(toks.get(j), f), toks.get(j + 1)) {
        if !toks[j].space_before && !d.space_before && d.kind == TokKind::Num && d.e - d.s <= 2 {
            let frac: f64 = f[d.s..d.e].parse().unwrap_or(0.0);
            value += frac / 10f64.powi((d.e - d.s) as i32);
            end = d.e;
            j += 2;
        }
    }
    Some((value, j, end))
}

fn currency_word(w: &str) -> Option<Currency> {
    match w {
        "euros" | "euro" | "eur" | "keur" => Some(Currency::EUR),
        "chf" | "francs" => Some(Currency::CHF),
        "cad" => Some(Currency::CAD),
        _ => None,
    }
}

/// Reads a currency at token `j`; returns it and the next index/end byte.
fn currency_at(f: &str, toks: &[Tok], j: usize) -> Option<(Currency, usize, usize)> {
    let t = toks.get(j)?;
    match t.kind {
        TokKind::Punct if t.text(f) == "€" => Some((Currency::EUR, j + 1, t.e)),
        TokKind::Punct if t.text(f) == "$" => {
            // "$ CA", "$ CAN", "$CAD"
            if let Some(w) = wordt(toks.get(j + 1), f).filter(|w| matches!(*w, "ca" | "can" | "cad")) {
                let _ = w;
                return Some((Currency::CAD, j + 2, toks[j + 1].e));
            }
            Some((Currency::CAD, j + 1, t.e))
        }
        TokKind::Word => {
            let w = t.text(f);
            if let Some(c) = currency_word(w) {
                return Some((c, j + 1, t.e));
            }
            // "Fr." for francs
            if w == "fr" && punct(toks.get(j + 1), f) == Some(".") {
                return Some((Currency::CHF, j + 2, toks[j + 1].e));
            }
            None
        }
        _ => None,
    }
}

/// An amount at token `i` (currency before or after, optional "k").
fn amount_at(f: &str, toks: &[Tok], i: usize) -> Option<Amount> {
    let mut cur = None;
    let mut s_byte = toks.get(i)?.s;
    let mut i = i;
    if let Some((c, nj, _)) = currency_at(f, toks, i) {
        if toks.get(nj).is_some_and(|t| t.kind == TokKind::Num) && c != Currency::EUR {
            cur = Some(c);
            s_byte = toks[i].s;
            i = nj;
        } else {
            return None;
        }
    }
    let (mut value, mut j, mut end) = number(f, toks, i)?;
    let mut thousands = false;
    if let Some(w) = wordt(toks.get(j), f) {
        if w == "k" || w == "keur" {
            value *= 1000.0;
            thousands = true;
            end = toks[j].e;
            if w == "keur" {
                cur = Some(Currency::EUR);
            }
            j += 1;
        }
    }
    if cur.is_none() {
        if let Some((c, nj, e)) = currency_at(f, toks, j) {
            cur = Some(c);
            end = e;
            j = nj;
        }
    }
    // "6'500.-", "85'000.–": Swiss whole francs.
    if punct(toks.get(j), f) == Some(".") && punct(toks.get(j + 1), f) == Some("-") && !toks[j].space_before {
        end = toks[j + 1].e;
        j += 2;
    }
    Some(Amount { value, currency: cur, thousands, s: s_byte, e: end, next: j })
}

/// Cheap test: can the folded line hold an amount (a currency sign or word, or "29k")?
fn maybe_money(f: &str, spans: &[(u32, u32)]) -> bool {
    let b = f.as_bytes();
    if !b.iter().any(u8::is_ascii_digit) {
        return false;
    }
    if f.contains('€') || f.contains('$') {
        return true;
    }
    // "29k", "29 k"
    let k = b.windows(3).any(|w| w[0].is_ascii_digit() && (w[1] == b'k' || (w[1] == b' ' && w[2] == b'k')))
        || b.last().is_some_and(|&l| l == b'k');
    static WORDS: std::sync::OnceLock<super::text::Cues> = std::sync::OnceLock::new();
    k || WORDS
        .get_or_init(|| super::text::Cues::new(&["eur", "euro", "euros", "keur", "chf", "cad", "franc", "francs", "fr"]))
        .any_in(f, spans)
}

/// Every amount or range of amounts in a folded line. Bare numbers only count when a range
/// partner carries the currency ("entre 32 000 et 36 000 €").
pub fn find_money(f: &str, toks: &[Tok]) -> Vec<Money> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(a) = amount_at(f, toks, i) else {
            i += 1;
            continue;
        };
        // A range: "A à B", "A et B" (after "entre"), "A - B", "A / B".
        let conn = toks.get(a.next);
        let is_conn = conn.is_some_and(|c| {
            let t = c.text(f);
            matches!(t, "a" | "et" | "-" | "/" | "au")
        });
        let mut money = None;
        if is_conn {
            if let Some(b) = amount_at(f, toks, a.next + 1) {
                if b.value >= a.value && (a.currency.is_some() || b.currency.is_some() || a.thousands || b.thousands) {
                    let k = a.thousands || b.thousands;
                    let mut lo = a.value;
                    // "29 à 32 k€": the k applies to both.
                    if b.thousands && !a.thousands && a.value < 1000.0 {
                        lo *= 1000.0;
                    }
                    money = Some((
                        Money { min: lo, max: b.value.max(lo), currency: b.currency.or(a.currency), thousands: k, s: a.s, e: b.e },
                        b.next,
                    ));
                }
            }
        }
        if money.is_none() && (a.currency.is_some() || a.thousands) {
            money = Some((Money { min: a.value, max: a.value, currency: a.currency, thousands: a.thousands, s: a.s, e: a.e }, a.next));
        }
        match money {
            Some((m, next)) => {
                // Include a leading "entre" / "de" / "à partir de" / "jusqu'à" in the text range.
                out.push(m);
                i = next.max(i + 1);
            }
            None => i = a.next.max(i + 1),
        }
    }
    out
}

const PAY_LABELS: [&str; 11] = [
    "remuneration", "salaire", "gratification", "indemnite", "indemnisation", "traitement", "paie", "paye", "tarif", "bareme",
    "echelle salariale",
];
const PAY_CUES: [&str; 22] = [
    "remuneration", "remunere", "remuneree", "salaire", "gratification", "indemnite", "brut", "brute", "bruts",
    "brutes", "net", "nette", "nets", "par mois", "mensuel", "mensuelle", "annuel", "annuelle", "par an",
    "de l'heure", "taux horaire", "paye",
];
const PAY_NOUNS: [&str; 9] = [
    "remuneration", "remunere", "remuneree", "salaire", "gratification", "indemnite", "paye", "traitement", "smic",
];
const NOT_PAY_CUES: [&str; 30] = [
    "budget", "subvention", "subventions", "financement", "finance", "financee", "dotation", "fonds",
    "prix", "chiffre d'affaires", "cout", "montant", "leve", "levee", "don", "dons", "collecte", "million",
    "millions", "aide de", "enveloppe", "investissement", "laureat", "frais", "capital", "pret", "cotisation",
    "loyer", "tarif", "recettes",
];
const NOT_COMMUNICATED: [&str; 8] = [
    "non communique", "non communiquee", "nc", "n/c", "non precise", "non precisee", "a definir", "non renseigne",
];
const SCALE_CUES: [&str; 16] = [
    "grille", "bareme", "convention collective", "ccn", "cct", "legale", "legal", "smic", "selon profil",
    "selon experience", "selon l'experience", "a negocier", "negociable", "selon le", "selon la", "echelon",
];

fn period_in(s: &str) -> Option<PayPeriod> {
    let y = [
        "par an", "/an", "annuel", "annuelle", "annuels", "annuelles", "par annee", "l'annee", "/ an", "an brut", "ans brut",
    ]
    .iter()
    .filter_map(|c| s.ffind(c))
    .min();
    let m = ["par mois", "/mois", "mensuel", "mensuelle", "mensuels", "mensuelles", "/ mois", "mois brut"]
        .iter()
        .filter_map(|c| s.ffind(c))
        .min();
    let h = ["de l'heure", "/h", "/ h", "par heure", "horaire", "/heure", "l'heure", "brut/h", "net/h"]
        .iter()
        .filter_map(|c| s.ffind(c))
        .min();
    [(y, PayPeriod::Year), (m, PayPeriod::Month), (h, PayPeriod::Hour)]
        .into_iter()
        .filter_map(|(p, k)| p.map(|p| (p, k)))
        .min_by_key(|&(p, _)| p)
        .map(|(_, k)| k)
}

fn basis_in(s: &str) -> Option<PayBasis> {
    let g = ["brut", "brute", "bruts", "brutes"].iter().filter_map(|c| find_word(s, c)).min();
    let n = ["net", "nette", "nets", "nettes"].iter().filter_map(|c| find_word(s, c)).min();
    match (g, n) {
        (Some(g), Some(n)) => Some(if g < n { PayBasis::Gross } else { PayBasis::Net }),
        (Some(_), None) => Some(PayBasis::Gross),
        (None, Some(_)) => Some(PayBasis::Net),
        _ => None,
    }
}

/// Clause bounds around a byte range: from the previous sentence break to the next one.
fn clause(f: &str, s: usize, e: usize) -> (usize, usize) {
    let b = f.as_bytes();
    let mut a = s;
    while a > 0 && !(matches!(b[a - 1], b';' | b'!' | b'?') || (b[a - 1] == b'.' && (a >= b.len() || b[a] == b' '))) {
        a -= 1;
    }
    let mut z = e;
    while z < b.len() && !(matches!(b[z], b';' | b'!' | b'?') || (b[z] == b'.' && (z + 1 >= b.len() || b[z + 1] == b' '))) {
        z += 1;
    }
    (a, z)
}

#[derive(Debug, Clone)]
struct Cand {
    pay: Pay,
    score: i32,
}

/// An amount kept to the cent ("4,35 €" stays 4.35).
fn to_amount(v: f64) -> Option<crate::model::Amount> {
    crate::model::Amount::from_f64(v)
}

/// A "Rémunération : …" line (any label naming pay): its folded label and its value.
pub fn label(line: &super::clean::Line) -> Option<(&str, &str)> {
    line.label_value(5).filter(|(l, _)| PAY_LABELS.iter().any(|p| l.fhas(p)))
}

/// Finds the pay of the posting, if it states one.
pub fn extract(cx: &Ctx) -> Option<Pay> {
    let mut cands: Vec<Cand> = Vec::new();
    let country_ch = cx.doc.lines.iter().any(|l| find_word(l.fold(), "chf").is_some());
    for (i, line) in cx.doc.lines.iter().enumerate() {
        if line.skipped() || line.footer {
            continue;
        }
        let f = line.fold();
        let label = label(line);
        // The heading just above ("Rémunération" on its own line) acts as a label too.
        let heading_label = i > 0
            && cx.layout.heading[i - 1]
            && cx.doc.lines[i - 1].words() <= 4
            && PAY_LABELS.iter().any(|p| cx.doc.lines[i - 1].fold().fhas(p))
            && line.words() <= 25;
        let monies = if maybe_money(f, &cx.fspans[i]) { find_money(f, &cx.toks[i]) } else { Vec::new() };
        let mut found_amount = false;
        for m in monies {
            let (cs, ce) = clause(f, m.s, m.e);
            let before = &f[cs..m.s];
            let after = &f[m.e..ce];
            let near_after = &after[..after.floor_char_boundary(40)];
            let in_label = label.is_some() && line.label_end().is_some_and(|c| c < m.s);
            let pay_cue = in_label
                || heading_label
                || has_any_word(before, &PAY_CUES)
                || has_any_word(near_after, &PAY_CUES)
                || period_in(near_after).is_some();
            // The nearest of a pay noun and a not-pay cue before the amount decides ("budget
            // annuel de 145 000 €" is not pay: "annuel" alone does not make it so).
            let last = |cues: &[&str]| cues.iter().filter_map(|c| before.frfind(c)).max();
            let not_pay = last(&NOT_PAY_CUES);
            let is_pay_nearer = match (last(&PAY_NOUNS), not_pay) {
                (_, None) => true,
                (Some(p), Some(n)) => p > n,
                (None, Some(_)) => false,
            };
            if !pay_cue || (!in_label && !is_pay_nearer) || f[m.e..].trim_start().starts_with("million") {
                continue;
            }
            found_amount = true;
            let window = format!("{} {}", label.map(|(l, _)| l).unwrap_or(""), &f[cs..ce]);
            // Without period words, the size tells: "29K€" or 32 000 € a year, 1 800 € a month, 12 € an hour.
            let period = period_in(&f[m.e..ce]).or_else(|| period_in(&window)).or(if m.thousands || m.max >= 10_000.0 {
                Some(PayPeriod::Year)
            } else if m.max >= 400.0 {
                Some(PayPeriod::Month)
            } else if m.max <= 80.0 {
                Some(PayPeriod::Hour)
            } else {
                None
            });
            let basis = basis_in(&f[m.s..ce]).or_else(|| basis_in(&window));
            let currency = m.currency.unwrap_or(if country_ch { Currency::CHF } else { Currency::EUR });
            // The original words: from a leading "de"/"entre"/"à partir de" to the period words.
            let text = pay_text(line, f, cs, m, ce, label.map(|(_, v)| v));
            let (min, max) = lead_bounds(before, m);
            cands.push(Cand {
                pay: Pay { min: min.and_then(to_amount), max: max.and_then(to_amount), period, currency, basis, text },
                score: if in_label { 6 } else if heading_label { 5 } else { 4 } - (i as i32 / 200),
            });
        }
        if found_amount {
            continue;
        }
        // No amount: a scale or a legal minimum, in a pay label line or a pay sentence.
        let value = label.map(|(_, v)| v.to_string()).or_else(|| heading_label.then(|| line.text.clone()));
        if let Some(v) = value {
            let vf = super::text::fold(&v);
            let vf = vf.trim().trim_end_matches('.');
            if NOT_COMMUNICATED.iter().any(|c| vf == *c || vf.starts_with(c)) || vf.fhas("benevol") {
                continue;
            }
            let label_word = label.map(|(l, _)| l).unwrap_or("");
            let text = if v.split_whitespace().count() <= 2 && !label_word.is_empty() {
                // "Gratification : légale." says nothing without its label.
                line.text.trim().trim_end_matches('.').to_string()
            } else {
                first_clause(&v)
            };
            cands.push(Cand { pay: Pay { min: None, max: None, period: None, currency: Currency::EUR, basis: None, text }, score: 3 });
            continue;
        }
        const SENTENCE_CUES: [&str; 4] = ["gratification", "remuneration", "salaire", "indemnite"];
        static SENTENCE: std::sync::OnceLock<super::text::Cues> = std::sync::OnceLock::new();
        if !SENTENCE.get_or_init(|| super::text::Cues::new(&SENTENCE_CUES)).any_in(f, &cx.fspans[i]) {
            continue;
        }
        for cue in SENTENCE_CUES {
            if let Some(p) = find_word(f, cue) {
                let (cs, ce) = clause(f, p, p + cue.len());
                let c = &f[cs..ce];
                if has_any_word(c, &SCALE_CUES) && !has_any_word(c, &NOT_PAY_CUES) {
                    let (os, oe) = line.f.orig_range(p, ce);
                    let text = super::text::capitalize_first(line.text[os..oe].trim());
                    cands.push(Cand { pay: Pay { min: None, max: None, period: None, currency: Currency::EUR, basis: None, text }, score: 2 });
                    break;
                }
            }
        }
    }
    let best = cands.iter().enumerate().max_by_key(|(k, c)| (c.score, std::cmp::Reverse(*k))).map(|(_, c)| c.clone())?;
    // The same amounts said earlier in a sentence keep their words ("29K€ brut par an" rather
    // than the bare "29K€" of a later label line).
    let mut pay = best.pay;
    if pay.min.is_some() || pay.max.is_some() {
        if let Some(first) = cands.iter().find(|c| c.pay.min == pay.min && c.pay.max == pay.max) {
            pay.text = first.pay.text.clone();
            pay.basis = pay.basis.or(first.pay.basis);
            pay.period = pay.period.or(first.pay.period);
        }
    }
    Some(pay)
}

/// What a call for projects grants each project, or a call for tenders' budget ("Une
/// subvention de 3 000 à 10 000 € par projet", "Dotation : de 5 000 € à 15 000 €", "Budget
/// indicatif : entre 12 000 et 15 000 € TTC"): an amount without a period. The whole call's
/// envelope ("l'enveloppe totale de l'appel est de 60 000 €") is not what one project gets.
pub fn grant(cx: &Ctx) -> Option<Pay> {
    const GRANT_CUES: [&str; 17] = [
        "subvention", "dotation", "bourse", "bourses", "prix", "montant", "budget", "financement", "soutien", "aide",
        "recevoir", "recevra", "allouee", "accordee", "enveloppe", "subventions", "dotations",
    ];
    const EACH: [&str; 7] = ["par projet", "chaque projet", "chacun", "chacune", "par laureat", "par structure", "par dossier"];
    const WHOLE: [&str; 6] = ["totale", "total", "globale", "global", "l'ensemble", "au total"];
    let mut best: Option<(i32, Pay)> = None;
    for (i, line) in cx.doc.lines.iter().enumerate() {
        if line.skipped() || line.footer || !maybe_money(line.fold(), &cx.fspans[i]) {
            continue;
        }
        let f = line.fold();
        let label = label(line).or_else(|| line.label_value(4).filter(|(l, _)| has_any_word(l, &GRANT_CUES)));
        for m in find_money(f, &cx.toks[i]) {
            let (cs, ce) = clause(f, m.s, m.e);
            let before = &f[cs..m.s];
            let clause_text = &f[cs..ce];
            let in_label = label.is_some() && line.label_end().is_some_and(|c| c < m.s);
            if !(in_label || has_any_word(before, &GRANT_CUES)) {
                continue;
            }
            let each = EACH.iter().any(|c| clause_text.fhas(c));
            if !each && WHOLE.iter().any(|w| find_word(before, w).is_some()) {
                continue;
            }
            let score = 2 + each as i32 * 3 + in_label as i32;
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                let (mut min, max) = lead_bounds(before, m);
                // "Le budget maximum … est de 18 000 €": a ceiling.
                if ["maximum", "plafond", "au plus", "maximal", "plafonnee", "plafonne"].iter().any(|w| find_word(before, w).is_some()) {
                    min = None;
                }
                // The whole clause says what the amount is for.
                let (os, oe) = line.f.orig_range(cs, ce);
                let words = line.text[os..oe].trim().trim_start_matches(['-', ':', ' ']).trim_end_matches(['.', ',', ';']);
                let text = if words.chars().count() <= 140 {
                    super::text::capitalize_first(words)
                } else {
                    pay_text(line, f, cs, m, ce, label.map(|(_, v)| v))
                };
                let currency = m.currency.unwrap_or(Currency::EUR);
                best = Some((score, Pay { min: min.and_then(to_amount), max: max.and_then(to_amount), period: None, currency, basis: None, text }));
            }
        }
    }
    best.map(|(_, p)| p)
}

/// "à partir de X" → min only; "jusqu'à X" → max only; otherwise both.
fn lead_bounds(before: &str, m: Money) -> (Option<f64>, Option<f64>) {
    let b = before.trim_end();
    if m.min == m.max {
        if b.ends_with("a partir de") || b.ends_with("minimum") || b.ends_with("au moins") || b.ends_with("des") {
            return (Some(m.min), None);
        }
        if b.ends_with("jusqu'a") || b.ends_with("maximum") || b.ends_with("au plus") {
            return (None, Some(m.max));
        }
    }
    (Some(m.min), Some(m.max))
}

fn first_clause(v: &str) -> String {
    let t = v.trim();
    let cut = t.ffind(". ").map(|i| &t[..i]).unwrap_or(t);
    cut.trim_end_matches('.').trim().to_string()
}

fn pay_text(line: &super::clean::Line, f: &str, cs: usize, m: Money, ce: usize, label_value: Option<&str>) -> String {
    if let Some(v) = label_value {
        if v.len() <= 120 {
            return first_clause(v);
        }
    }
    // Start at a leading range word when there is one.
    let before = &f[cs..m.s];
    let mut s = m.s;
    for lead in ["entre ", "de ", "a partir de ", "jusqu'a ", "environ "] {
        let range_word = lead == "entre " || lead == "de ";
        if before.ends_with(lead) && (!range_word || m.min != m.max) {
            s = m.s - lead.len();
            break;
        }
    }
    // End after the period/basis words that follow directly.
    let after = &f[m.e..ce];
    let mut e = m.e;
    let mut rest = after;
    loop {
        let t = rest.trim_start();
        let skipped = rest.len() - t.len();
        let mut advanced = false;
        for w in [
            "bruts", "brut", "brutes", "brute", "nets", "net", "nettes", "nette", "par mois", "par an", "par annee",
            "mensuels", "mensuel", "mensuelles", "mensuelle", "annuels", "annuel", "annuelles", "annuelle", "/mois",
            "/an", "de l'heure", "par heure", "/h", "de l'annee", "sur 12 mois", "sur 13 mois",
        ] {
            if t.starts_with(w) && !t[w.len()..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                e += skipped + w.len();
                rest = &t[w.len()..];
                advanced = true;
                break;
            }
        }
        if !advanced {
            break;
        }
    }
    let (os, oe) = line.f.orig_range(s, e);
    line.text[os..oe].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::super::text::{fold, tokenize};
    use super::super::Ctx;
    use super::*;

    fn money(s: &str) -> Vec<(f64, f64, Option<Currency>)> {
        let f = fold(s);
        find_money(&f, &tokenize(&f)).into_iter().map(|m| (m.min, m.max, m.currency)).collect()
    }

    #[test]
    fn what_each_project_of_a_call_gets() {
        let g = |t: &str| grant(&Ctx::new(t)).map(|p| (p.min.map(|a| a.whole()), p.max.map(|a| a.whole()), p.period));
        assert_eq!(g("L'enveloppe totale de l'appel est de 60 000 €. Chaque projet retenu peut recevoir une subvention jusqu'à 12 000 €."), Some((None, Some(12_000), None)));
        assert_eq!(g("Une subvention de 3 000 à 10 000 € par projet."), Some((Some(3_000), Some(10_000), None)));
        assert_eq!(g("Dotation : de 5 000 € à 15 000 € par projet"), Some((Some(5_000), Some(15_000), None)));
        assert_eq!(g("L'enveloppe globale de l'appel est de 200 000 €."), None);
    }

    #[test]
    fn reads_amounts_and_ranges() {
        assert_eq!(money("29K€ brut par an"), [(29000.0, 29000.0, Some(Currency::EUR))]);
        assert_eq!(money("2\u{a0}150 € bruts mensuels"), [(2150.0, 2150.0, Some(Currency::EUR))]);
        assert_eq!(money("entre 32 000 et 36 000 €"), [(32000.0, 36000.0, Some(Currency::EUR))]);
        assert_eq!(money("de 42\u{202f}500 € à 49\u{202f}500 €"), [(42500.0, 49500.0, Some(Currency::EUR))]);
        assert_eq!(money("85'000 CHF"), [(85000.0, 85000.0, Some(Currency::CHF))]);
        assert_eq!(money("CHF 6'500.- par mois"), [(6500.0, 6500.0, Some(Currency::CHF))]);
        assert_eq!(money("CHF 85'000.– à 95'000.– selon"), [(85000.0, 95000.0, Some(Currency::CHF))]);
        assert_eq!(money("25 $ de l'heure"), [(25.0, 25.0, Some(Currency::CAD))]);
        assert_eq!(money("11,88 € brut de l'heure"), [(11.88, 11.88, Some(Currency::EUR))]);
        assert_eq!(money("29 à 32 k€"), [(29000.0, 32000.0, Some(Currency::EUR))]);
        assert_eq!(money("en 2019, 12 mois, CCT 319.02"), []);
    }

    fn pay(text: &str) -> Option<Pay> {
        extract(&Ctx::new(text))
    }

    #[test]
    fn pay_from_sentences_and_labels() {
        let p = pay("Le poste est en CDD avec une rémunération de 29K€ brut par an. Télétravail possible.").unwrap();
        assert_eq!((p.min, p.max, p.period, p.basis), (Some(crate::model::Amount::units(29000)), Some(crate::model::Amount::units(29000)), Some(PayPeriod::Year), Some(PayBasis::Gross)));
        assert_eq!(p.text, "29K€ brut par an");
        let p = pay("Salaire : 2 150 € bruts mensuels").unwrap();
        assert_eq!((p.min, p.period), (Some(crate::model::Amount::units(2150)), Some(PayPeriod::Month)));
        let p = pay("Rémunération : entre 32 000 et 36 000 € selon expérience").unwrap();
        assert_eq!((p.min, p.max, p.period), (Some(crate::model::Amount::units(32000)), Some(crate::model::Amount::units(36000)), Some(PayPeriod::Year)));
        let p = pay("Salaire : 32 $ de l'heure").unwrap();
        assert_eq!((p.min, p.period, p.currency), (Some(crate::model::Amount::units(32)), Some(PayPeriod::Hour), Currency::CAD));
    }

    #[test]
    fn scales_without_amounts() {
        let p = pay("Rémunération : selon les barèmes en vigueur (barème 2 de la CCT 319.02)").unwrap();
        assert_eq!(p.min, None);
        assert_eq!(p.text, "selon les barèmes en vigueur (barème 2 de la CCT 319.02)");
        assert_eq!(pay("Gratification : légale.").unwrap().text, "Gratification : légale");
        assert_eq!(pay("Rémunération selon grille CCN 66.").unwrap().text, "Rémunération selon grille CCN 66");
        assert_eq!(pay("Rémunération : non communiquée"), None);
    }

    #[test]
    fn budgets_and_grants_are_not_pay() {
        assert_eq!(pay("Le projet dispose d'un budget de 120 000 € sur trois ans."), None);
        assert_eq!(pay("La fondation a accordé une subvention de 45 000 €."), None);
        assert_eq!(pay("Un fonds de 2,5 millions d'euros finance la recherche."), None);
        assert_eq!(pay("Le budget annuel de la maison dépasse 145 000 €, dont 36 % de fonds publics."), None);
        let p = pay("Budget du projet : 80 000 €. Rémunération : 2 000 € brut par mois.").unwrap();
        assert_eq!(p.min, Some(crate::model::Amount::units(2000)));
    }

    #[test]
    fn non_latin_letters_after_the_amount() {
        // Same bug as fuzzing found in `header` and `place`: 40 bytes after an amount could end
        // inside a non-Latin letter.
        for k in 0..3 {
            let text = format!("Rémunération : 2 000 € {}{}", "a".repeat(k), "攀".repeat(20));
            assert_eq!(pay(&text).and_then(|p| p.min), Some(crate::model::Amount::units(2000)), "{text}");
        }
    }
}
