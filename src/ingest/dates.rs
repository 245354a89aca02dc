//! Dates in French text ("15 octobre 2025", "10/01/2024", "30.11.2025", "1er mars", "janvier 2024",
//! "dès que possible", "rentrée de septembre"), and which one is the deadline, the start or the
//! publication date, told from the words around them; a missing year is taken from context.

use super::text::FastStr;
use super::text::{Cues, Tok, TokKind};
use std::sync::OnceLock;
use super::Ctx;
use super::sections::Section;
use crate::model::{Date, Start, YearMonth};

/// A date as written: the year may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateVal {
    Day { year: Option<u16>, month: u8, day: u8 },
    Month { year: Option<u16>, month: u8 },
    /// "dès que possible", "au plus vite"…
    Asap,
}

/// A date found in a folded line: value and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateHit {
    pub val: DateVal,
    pub s: usize,
    pub e: usize,
}

/// The month number of a folded French month name or abbreviation.
pub fn month_of(w: &str) -> Option<u8> {
    if !(3..=9).contains(&w.len()) || !matches!(w.as_bytes()[0], b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd') {
        return None;
    }
    Some(match w {
        "janvier" | "janv" | "jan" => 1,
        "fevrier" | "fevr" | "fev" => 2,
        "mars" => 3,
        "avril" | "avr" => 4,
        "mai" => 5,
        "juin" => 6,
        "juillet" | "juil" => 7,
        "aout" => 8,
        "septembre" | "sept" | "sep" => 9,
        "octobre" | "oct" => 10,
        "novembre" | "nov" => 11,
        "decembre" | "dec" => 12,
        _ => return None,
    })
}

fn year_of(t: &Tok, f: &str) -> Option<u16> {
    let n = t.num(f)?;
    if t.e - t.s == 4 && (1900..=2100).contains(&n) {
        Some(n as u16)
    } else {
        None
    }
}

fn is_p(t: Option<&Tok>, f: &str, c: &str) -> bool {
    t.is_some_and(|t| t.kind == TokKind::Punct && t.text(f) == c)
}

fn word(t: Option<&Tok>, f: &str) -> Option<String> {
    t.filter(|t| t.kind == TokKind::Word).map(|t| t.text(f).to_string())
}

/// All dates in a folded line.
pub fn find_dates(f: &str, toks: &[Tok]) -> Vec<DateHit> {
    find_dates_in(f, toks, &super::text::word_spans(f))
}

/// [`find_dates`] with the line's word spans already computed.
pub fn find_dates_in(f: &str, toks: &[Tok], spans: &[(u32, u32)]) -> Vec<DateHit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // Numeric: 10/01/2024, 30.11.2025, 10-01-24, and ISO 2024-01-10.
        if t.kind == TokKind::Num {
            if let Some(h) = numeric_date(f, toks, i) {
                let end_tok = h.1;
                out.push(h.0);
                i = end_tok + 1;
                continue;
            }
            // "jusqu'au 15/09", "avant le 3.03": day/month without a year, only after such words.
            if let Some(h) = short_numeric_date(f, toks, i) {
                out.push(h);
                i += 3;
                continue;
            }
            // 15 octobre 2025 / 1er mars / 1 er mars
            if let Some(d) = t.num(f).filter(|&d| (1..=31).contains(&d) && t.e - t.s <= 2) {
                let mut j = i + 1;
                if word(toks.get(j), f).as_deref() == Some("er") {
                    j += 1;
                }
                if let Some(m) = word(toks.get(j), f).as_deref().and_then(month_of) {
                    let mut end = toks[j].e;
                    let mut k = j + 1;
                    if is_p(toks.get(k), f, ".") && toks[j].e - toks[j].s <= 4 {
                        end = toks[k].e;
                        k += 1;
                    }
                    let year = toks.get(k).and_then(|y| year_of(y, f));
                    if year.is_some() {
                        end = toks[k].e;
                        k += 1;
                    }
                    out.push(DateHit { val: DateVal::Day { year, month: m, day: d as u8 }, s: t.s, e: end });
                    i = k;
                    continue;
                }
            }
        }
        if t.kind == TokKind::Word {
            let w = t.text(f);
            // "rentrée (de septembre) (2025)"
            if w == "rentree" {
                let mut j = i + 1;
                let mut end = t.e;
                let mut year = None;
                if word(toks.get(j), f).as_deref() == Some("de") && word(toks.get(j + 1), f).as_deref() == Some("septembre") {
                    end = toks[j + 1].e;
                    j += 2;
                } else if word(toks.get(j), f).as_deref() == Some("septembre") {
                    end = toks[j].e;
                    j += 1;
                }
                if let Some(y) = toks.get(j).and_then(|y| year_of(y, f)) {
                    year = Some(y);
                    end = toks[j].e;
                    j += 1;
                }
                // "la rentrée" alone (school context) still means September.
                out.push(DateHit { val: DateVal::Month { year, month: 9 }, s: t.s, e: end });
                i = j;
                continue;
            }
            // Month (year): "janvier 2024", "début septembre 2023", "courant octobre".
            if let Some(m) = month_of(w) {
                // Abbreviations only with a year or a dot, to avoid "dec", "sep"… as words.
                let full = w.len() >= 4 || w == "mai";
                let mut j = i + 1;
                let mut end = t.e;
                if is_p(toks.get(j), f, ".") && !full {
                    end = toks[j].e;
                    j += 1;
                }
                let year = toks.get(j).and_then(|y| year_of(y, f));
                if year.is_some() {
                    end = toks[j].e;
                    j += 1;
                }
                if full || year.is_some() {
                    out.push(DateHit { val: DateVal::Month { year, month: m }, s: t.s, e: end });
                    i = j;
                    continue;
                }
            }
        }
        i += 1;
    }
    // "dès que possible" and friends.
    const ASAP: [&str; 7] = ["des que possible", "asap", "au plus vite", "au plus tot", "des maintenant", "immediatement", "des a present"];
    static ASAP_CUES: OnceLock<Cues> = OnceLock::new();
    ASAP_CUES.get_or_init(|| Cues::new(&ASAP)).each_in(f, spans, |k, p| {
        let cue = ASAP[k];
        if !(cue == "au plus tot" && f[p + cue.len()..].trim_start().starts_with("le")) {
            out.push(DateHit { val: DateVal::Asap, s: p, e: p + cue.len() });
        }
    });
    out.sort_by_key(|h| h.s);
    out
}

fn short_numeric_date(f: &str, toks: &[Tok], i: usize) -> Option<DateHit> {
    let (a, sep, b) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
    if b.kind != TokKind::Num || !matches!(sep.text(f), "/" | ".") || sep.space_before || b.space_before || a.e - a.s > 2 || b.e - b.s > 2 {
        return None;
    }
    // Not followed by more of a number or date.
    if toks.get(i + 3).is_some_and(|n| !n.space_before && (n.kind == TokKind::Num || matches!(n.text(f), "/" | "." | "-")) && toks.get(i + 4).is_some_and(|x| x.kind == TokKind::Num)) {
        return None;
    }
    let prev = f[..a.s].trim_end();
    if !["le", "au", "jusqu'au", "avant", "du", "des", "limite :", ":"].iter().any(|w| prev.ends_with(w)) {
        return None;
    }
    let (d, m) = (a.num(f)?, b.num(f)?);
    if !(1..=31).contains(&d) || !(1..=12).contains(&m) {
        return None;
    }
    Some(DateHit { val: DateVal::Day { year: None, month: m as u8, day: d as u8 }, s: a.s, e: b.e })
}

/// d/m/y with `/`, `.` or `-` (2- or 4-digit year), or y-m-d. Returns the hit and its last token.
fn numeric_date(f: &str, toks: &[Tok], i: usize) -> Option<(DateHit, usize)> {
    let a = toks.get(i)?;
    let sep = toks.get(i + 1)?;
    let b = toks.get(i + 2)?;
    let sep2 = toks.get(i + 3)?;
    let c = toks.get(i + 4)?;
    if sep.kind != TokKind::Punct || sep2.kind != TokKind::Punct || b.kind != TokKind::Num || c.kind != TokKind::Num {
        return None;
    }
    let s1 = sep.text(f);
    if s1 != sep2.text(f) || !matches!(s1, "/" | "." | "-") || sep.space_before || b.space_before || sep2.space_before || c.space_before {
        return None;
    }
    // Not part of a longer dotted number ("319.02.5") or a phone number.
    if let Some(n) = toks.get(i + 5) {
        if n.kind == TokKind::Num || (n.kind == TokKind::Punct && n.text(f) == s1 && !n.space_before) {
            if toks.get(i + 6).is_some_and(|x| x.kind == TokKind::Num && !x.space_before) {
                return None;
            }
        }
    }
    let (an, bn, cn) = (a.num(f)?, b.num(f)?, c.num(f)?);
    let (y, m, d) = if a.e - a.s == 4 && s1 == "-" {
        (an, bn, cn)
    } else if a.e - a.s <= 2 && b.e - b.s <= 2 {
        let y = match c.e - c.s {
            4 => cn,
            2 => 2000 + cn,
            _ => return None,
        };
        (y, bn, an)
    } else {
        return None;
    };
    let date = Date::new(u16::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?)?;
    if !(1990..=2100).contains(&date.year()) {
        return None;
    }
    Some((
        DateHit { val: DateVal::Day { year: Some(date.year()), month: date.month(), day: date.day() }, s: a.s, e: c.e },
        i + 4,
    ))
}

/// What a date is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Deadline,
    Start,
    Published,
    /// A date that is none of the above (an event, an interview, a founding year…).
    Other,
}

const DEADLINE_CUES: [&str; 28] = [
    "date limite", "au plus tard", "avant le", "avant", "jusqu'au", "jusqu'a", "d'ici le", "limite de",
    "cloture", "deadline", "candidatures", "candidature", "a envoyer", "envoyer", "envoyez", "postuler",
    "fin des candidatures", "delai", "reception des", "date butoir", "clos", "expire", "d'ici au", "a deposer",
    "a transmettre", "a adresser", "envoie", "envoie-nous",
];
/// Words after a period that make it an event's ("…, c'est la Semaine de l'action bénévole").
const EVENT_AFTER: [&str; 10] =
    ["c'est la", "c'est le", "semaine de", "journee", "festival", "fete", "salon", "portes ouvertes", "exposition", "se tiendra"];

const START_CUES: [&str; 28] = [
    "entree en poste", "entree en service", "date d'embauche",
    "prise de poste", "prise de fonction", "prise de fonctions", "entree en fonction", "debut", "demarrage",
    "demarrant", "demarre", "a partir du", "a partir de", "des le", "a pourvoir", "commencer", "commence",
    "date de debut", "disponible", "disponibilite", "a compter du", "embauche", "date d'entree",
    "prise en poste", "demarrer", "poste ouvert", "start", "du",
];
const PUBLISHED_CUES: [&str; 8] = [
    "publie", "publiee", "publication", "mis a jour", "mise a jour", "mise en ligne", "posted", "paru",
];
const OTHER_CUES: [&str; 35] = [
    "entretien", "entretiens", "jury", "cree", "creee", "creation", "fonde", "fondee", "depuis", "loi",
    "decret", "arrete", "signature", "convention", "aura lieu", "auront lieu", "se tiendra", "cycle",
    "edition", "seminaire", "reunion", "naissance", "inauguration", "ouverture", "organise",
    "organisera", "rencontre", "journee", "journees", "et le", "annonce", "resultats", "laureats", "webinaire",
    "notification",
];

/// All role cues in one matcher, with the role of each.
fn role_cues() -> &'static (Cues, Vec<(Role, usize)>) {
    static C: OnceLock<(Cues, Vec<(Role, usize)>)> = OnceLock::new();
    C.get_or_init(|| {
        let mut all: Vec<&'static str> = Vec::new();
        let mut roles = Vec::new();
        for (list, role) in [
            (&DEADLINE_CUES[..], Role::Deadline),
            (&START_CUES[..], Role::Start),
            (&PUBLISHED_CUES[..], Role::Published),
            (&OTHER_CUES[..], Role::Other),
        ] {
            for c in list {
                all.push(c);
                roles.push((role, c.len()));
            }
        }
        (Cues::new(&all), roles)
    })
}

/// Tells the role of a date from the folded words before it (nearest cue wins).
pub fn classify(before: &str) -> Role {
    let (cues, roles) = role_cues();
    let mut last: [Option<usize>; 4] = [None; 4];
    cues.each(before, |k, p| {
        let (role, len) = roles[k];
        let slot = &mut last[role as usize];
        *slot = Some(slot.map_or(p + len, |x: usize| x.max(p + len)));
    });
    let [d, mut s, p, o] = last;
    // "début juin" qualifies the month: it says "start" only when nothing else in the sentence
    // tells the date's role ("Annonce des lauréats : début juin").
    let t = before.trim_end().trim_end_matches([':', ' ']);
    if (t.ends_with(" debut") || t == "debut" || t.ends_with(" courant")) && s == Some(t.len()) && (d.is_some() || p.is_some() || o.is_some()) {
        s = None;
    }
    let best = [(d, Role::Deadline), (s, Role::Start), (p, Role::Published), (o, Role::Other)]
        .into_iter()
        .filter_map(|(pos, r)| pos.map(|p| (p, r)))
        // The nearest cue; on a tie (a cue inside another), the more specific role.
        .max_by_key(|&(pos, r)| (pos, r != Role::Other));
    best.map_or(Role::Other, |(_, r)| r)
}

/// True when a folded label names what a date is for ("date limite", "prise de poste", "publiée le").
fn names_role(label: &str) -> bool {
    classify(&format!("{label} ")) != Role::Other
}

/// A line that gives a date under a label naming its role ("Date limite : 12 mai 2025", "Prise de
/// poste : dès que possible", or without a colon "Publiée le 30 mars 2025", "Mis à jour le …"):
/// its folded label and its value.
pub fn label(line: &super::clean::Line) -> Option<(&str, &str)> {
    if let Some((l, v)) = line.label_value(8) {
        return names_role(l).then_some((l, v));
    }
    let f = line.fold();
    let p = f.ffind(" le ")?;
    let l = &f[..p + 3];
    if l.split_whitespace().count() > 4 || !names_role(l) {
        return None;
    }
    let v = line.text[line.f.orig(p + 4)..].trim();
    (!v.is_empty()).then_some((l, v))
}

/// The start of the sentence containing byte `pos` of `f` (after ". ", "; ", "! ", "? ").
fn sentence_start(f: &str, pos: usize) -> usize {
    let b = f.as_bytes();
    let mut i = pos;
    while i > 1 {
        if (b[i - 1] == b' ') && matches!(b[i - 2], b'.' | b';' | b'!' | b'?') {
            // "etc. " or an abbreviation like "M. " is not a sentence end when followed by lowercase.
            if i < b.len() && b[i].is_ascii_lowercase() && b[i - 2] == b'.' {
                i -= 1;
                continue;
            }
            return i;
        }
        i -= 1;
    }
    0
}

/// The words that tell the role of a date at byte `at` of line `i`: its sentence up to the date,
/// the line above when the date stands alone under a label or heading, and the line's own label
/// ("Prise de poste : …"); with the score that context adds (the line above, a label naming a role).
fn context_before(cx: &Ctx, i: usize, at: usize) -> (String, i32) {
    let line = &cx.doc.lines[i];
    let f = line.fold();
    let ss = sentence_start(f, at);
    let mut before = f[ss..at].to_string();
    let mut bonus = 0;
    // A value line under a label or heading: the label is the context.
    if (before.trim().is_empty() || before.trim_end().ends_with(':') && before.len() < 4) && i > 0 {
        before = format!("{} {}", cx.doc.lines[i - 1].fold(), before);
        bonus += 1;
    }
    if let Some((label, _)) = line.label_value(8) {
        if at > line.label_end().unwrap_or(0) {
            // A label that names the date's role ("Prise de poste :") is strong evidence.
            if names_role(label) {
                bonus += 3;
            }
            before = format!("{label} : {before}");
        }
    }
    (before, bonus)
}

/// Dates of the posting by role.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dates {
    pub start: Option<Start>,
    pub deadline: Option<Date>,
    pub published: Option<Date>,
    /// Fields whose value is a guess, with why.
    pub unsure: Vec<(&'static str, String)>,
    /// The length in months of the period the start opens ("du 2 mars au 31 août 2026": 6).
    pub period_months: Option<u16>,
    /// The line (index in the cleaned text) each date was read from: ("deadline", 12)…
    pub lines: Vec<(&'static str, usize)>,
}

/// Two dates that make a period ("du 2 mars au 31 août 2026", "1er octobre – 31 mai 2026"): the
/// first's missing year comes from the second; returns both as full dates.
fn period(f: &str, a: &DateHit, b: &DateHit) -> Option<(Date, Date)> {
    let between = f[a.e..b.s].trim();
    if !matches!(between, "au" | "a" | "-" | "jusqu'au" | "jusqu'a" | "et le") {
        return None;
    }
    // "de mai à novembre 2026": months, from the first day of one to the last of the other.
    if let (DateVal::Month { year: y1, month: m1 }, DateVal::Month { year: Some(y2), month: m2 }) = (a.val, b.val) {
        let y1 = y1.unwrap_or(if m1 <= m2 { y2 } else { y2 - 1 });
        let start = YearMonth::new(y1, m1)?.first_day();
        let end = YearMonth::new(y2, m2)?.last_day();
        return (start < end).then_some((start, end));
    }
    let (y2, m2, d2) = match b.val {
        DateVal::Day { year: Some(y), month, day } => (y, month, day),
        _ => return None,
    };
    let end = Date::new(y2, m2, d2)?;
    let start = match a.val {
        DateVal::Day { year: Some(y), month, day } => Date::new(y, month, day)?,
        DateVal::Day { year: None, month, day } => {
            let y = if (month, day) <= (m2, d2) { y2 } else { y2 - 1 };
            Date::new(y, month, day)?
        }
        _ => return None,
    };
    (start < end).then_some((start, end))
}

#[derive(Debug, Clone, Copy)]
struct Cand {
    val: DateVal,
    role: Role,
    score: i32,
    order: usize,
    /// The length of the period this date opens, in months.
    months: Option<u16>,
    /// Index of its line.
    line: usize,
}

/// Finds the start, deadline and publication dates.
pub fn extract(cx: &Ctx) -> Dates {
    let mut cands: Vec<Cand> = Vec::new();

    let mut years: Vec<u16> = Vec::new();
    for (i, line) in cx.doc.lines.iter().enumerate() {
        if line.junk {
            continue;
        }
        let f = line.fold();
        let toks = &cx.toks[i];
        for t in toks {
            if let Some(y) = year_of(t, f) {
                years.push(y);
            }
        }
        let hits = find_dates_in(f, toks, &cx.fspans[i]);
        // Periods: the first date is the start (when the words before it say so), the second
        // only ends it.
        let mut ends: Vec<usize> = Vec::new();
        let mut fixed: Vec<(usize, DateVal, Option<u16>)> = Vec::new();
        // Periods a call is open for applications in ("Ouvert du 2 mars au 10 avril"): its end is
        // the deadline, its start none of the posting's dates.
        let mut windows: Vec<usize> = Vec::new();
        let mut events: Vec<usize> = Vec::new();
        for k in 0..hits.len().saturating_sub(1) {
            if let Some((a, b)) = period(f, &hits[k], &hits[k + 1]) {
                let before = context_before(cx, i, hits[k].s).0;
                if super::text::find_stem(&before, "ouvert").is_some() && !line.meta {
                    windows.push(k);
                    continue;
                }
                // "Du 27 avril au 3 mai, c'est la Semaine du bénévolat !": an event's dates.
                let after = &f[hits[k + 1].e..];
                let after = &after[..after.floor_char_boundary(50)];
                if EVENT_AFTER.iter().any(|w| after.fhas(w)) {
                    events.extend([k, k + 1]);
                    continue;
                }
                let ctx_role = classify(&before);
                if ctx_role != Role::Deadline && ctx_role != Role::Published && !line.meta {
                    ends.push(k + 1);
                    let days = b.day_number() - a.day_number() + 1;
                    let months = ((days as f64) / 30.44).round() as u16;
                    let months = (1..=60).contains(&months).then_some(months);
                    let val = match hits[k].val {
                        DateVal::Month { .. } => DateVal::Month { year: Some(a.year()), month: a.month() },
                        _ => DateVal::Day { year: Some(a.year()), month: a.month(), day: a.day() },
                    };
                    fixed.push((k, val, months));
                }
            }
        }
        for (k, mut h) in hits.into_iter().enumerate() {
            let months = fixed.iter().find(|(j, _, _)| *j == k).and_then(|(_, v, m)| {
                h.val = *v;
                *m
            });
            let (before, bonus) = context_before(cx, i, h.s);
            let mut score = 1 + bonus;
            // A publication line or a forum header dates the page, not the job; a period's end
            // date neither starts nor closes anything.
            let role = if line.meta {
                Role::Published
            } else if windows.contains(&k) || events.contains(&k) {
                Role::Other
            } else if k > 0 && windows.contains(&(k - 1)) {
                Role::Deadline
            } else if ends.contains(&k) {
                Role::Other
            } else if fixed.iter().any(|(j, _, _)| *j == k) {
                Role::Start
            } else {
                match classify(&before) {
                    // "pour la rentrée de septembre": the school year's start is the job's.
                    Role::Other if f[h.s..].starts_with("rentree") => Role::Start,
                    r => r,
                }
            };
            score += match (role, cx.layout.section[i]) {
                (Role::Deadline, Section::Apply) | (Role::Start, Section::Conditions) => 1,
                _ => 0,
            };
            if line.footer {
                score -= 2;
            }
            // "dès que possible" next to a month: the month is the more precise start.
            cands.push(Cand { val: h.val, role, score, order: cands.len(), months, line: i });
        }
    }
    let pick = |role: Role, cands: &[Cand]| -> Option<Cand> {
        cands
            .iter()
            .filter(|c| c.role == role)
            .max_by_key(|c| (c.score, precision(c.val), std::cmp::Reverse(c.order)))
            .copied()
    };
    let mut out = Dates::default();
    let published = pick(Role::Published, &cands);
    let deadline = pick(Role::Deadline, &cands).filter(|c| !matches!(c.val, DateVal::Asap));
    let start = pick(Role::Start, &cands);
    out.period_months = start.and_then(|c| c.months);
    for (field, c) in [("deadline", deadline), ("start", start), ("published", published)] {
        if let Some(c) = c {
            out.lines.push((field, c.line));
        }
    }
    // Reference for missing years: published, else any full date of a deadline/start, else the
    // most frequent recent year of the text.
    let full = |c: &Option<Cand>| c.and_then(|c| full_date(c.val));
    out.published = full(&published);
    let dl_full = full(&deadline);
    let st_full = start.and_then(|c| match c.val {
        DateVal::Day { year: Some(y), month, day } => Date::new(y, month, day),
        DateVal::Month { year: Some(y), month } => YearMonth::new(y, month).map(|m| m.first_day()),
        _ => None,
    });
    let common_year = most_common_recent(&years);
    out.deadline = match deadline.map(|c| c.val) {
        Some(DateVal::Day { year: None, month, day }) => {
            let r = if let Some(p) = out.published {
                first_on_or_after(month, day, p)
            } else if let Some(s) = st_full {
                last_on_or_before(month, day, s)
            } else {
                common_year.and_then(|y| Date::new(y, month, day))
            };
            if r.is_some() {
                out.unsure.push(("deadline", "year not written, taken from context".into()));
            }
            r
        }
        Some(DateVal::Month { year: Some(y), month }) => {
            // "avant fin mars 2025": the last day of the month.
            out.unsure.push(("deadline", "only a month is given; its last day is used".into()));
            last_day_of(y, month)
        }
        _ => dl_full,
    };
    out.start = match start.map(|c| c.val) {
        Some(DateVal::Asap) => Some(Start::Asap),
        Some(DateVal::Day { year: Some(y), month, day }) => Date::new(y, month, day).map(Start::Date),
        Some(DateVal::Month { year: Some(y), month }) => YearMonth::new(y, month).map(Start::Month),
        Some(DateVal::Day { year: None, month, day }) => {
            let r = out.published.or(dl_full).map_or_else(
                || common_year.and_then(|y| Date::new(y, month, day)),
                |p| first_on_or_after(month, day, p),
            );
            out.unsure.push(("start", "year not written, taken from context".into()));
            r.map(Start::Date)
        }
        Some(DateVal::Month { year: None, month }) => {
            let r = out.published.or(out.deadline).map_or_else(
                || common_year.and_then(|y| YearMonth::new(y, month)),
                |p| {
                    let y = if month >= p.month() { p.year() } else { p.year() + 1 };
                    YearMonth::new(y, month)
                },
            );
            out.unsure.push(("start", "year not written, taken from context".into()));
            r.map(Start::Month)
        }
        _ => None,
    };
    out
}

fn last_day_of(y: u16, m: u8) -> Option<Date> {
    let next = if m == 12 { Date::new(y + 1, 1, 1)? } else { Date::new(y, m + 1, 1)? };
    Date::from_day_number(next.day_number() - 1)
}

fn precision(v: DateVal) -> u8 {
    match v {
        DateVal::Day { year: Some(_), .. } => 4,
        DateVal::Month { year: Some(_), .. } => 3,
        DateVal::Day { .. } => 2,
        DateVal::Month { .. } => 1,
        DateVal::Asap => 0,
    }
}

fn full_date(v: DateVal) -> Option<Date> {
    match v {
        DateVal::Day { year: Some(y), month, day } => Date::new(y, month, day),
        _ => None,
    }
}

fn first_on_or_after(month: u8, day: u8, r: Date) -> Option<Date> {
    let d = Date::new(r.year(), month, day)?;
    if d >= r {
        Some(d)
    } else {
        Date::new(r.year() + 1, month, day)
    }
}

fn last_on_or_before(month: u8, day: u8, r: Date) -> Option<Date> {
    let d = Date::new(r.year(), month, day)?;
    if d <= r {
        Some(d)
    } else {
        Date::new(r.year() - 1, month, day)
    }
}

fn most_common_recent(years: &[u16]) -> Option<u16> {
    let mut best: Option<(usize, u16)> = None;
    for &y in years {
        if !(2000..=2100).contains(&y) {
            continue;
        }
        let n = years.iter().filter(|&&x| x == y).count();
        if best.is_none_or(|(bn, by)| (n, y) > (bn, by)) {
            best = Some((n, y));
        }
    }
    best.map(|(_, y)| y)
}

#[cfg(test)]
mod tests {
    use super::super::text::{fold, tokenize};
    use super::super::Ctx;
    use super::*;

    fn hits(s: &str) -> Vec<DateVal> {
        let f = fold(s);
        find_dates(&f, &tokenize(&f)).into_iter().map(|h| h.val).collect()
    }
    fn day(y: Option<u16>, m: u8, d: u8) -> DateVal {
        DateVal::Day { year: y, month: m, day: d }
    }

    #[test]
    fn parses_written_and_numeric_dates() {
        assert_eq!(hits("au plus tard le 15 octobre 2025."), [day(Some(2025), 10, 15)]);
        assert_eq!(hits("le 1er mars"), [day(None, 3, 1)]);
        assert_eq!(hits("date limite : 10/01/2024"), [day(Some(2024), 1, 10)]);
        assert_eq!(hits("avant le 30.11.2025"), [day(Some(2025), 11, 30)]);
        assert_eq!(hits("le 2024-03-05"), [day(Some(2024), 3, 5)]);
        assert_eq!(hits("le 05/03/24"), [day(Some(2024), 3, 5)]);
        assert_eq!(hits("jusqu'au 15/09 inclus"), [day(None, 9, 15)]);
        assert_eq!(hits("ouvert 24/7 et 3.5 ETP"), []);
        assert_eq!(hits("début janvier 2024"), [DateVal::Month { year: Some(2024), month: 1 }]);
        assert_eq!(hits("rentrée de septembre"), [DateVal::Month { year: None, month: 9 }]);
        assert_eq!(hits("Dès que possible"), [DateVal::Asap]);
        assert_eq!(hits("le 31/02/2024 ou barème 319.02"), []);
        assert_eq!(hits("CCT 319.02.2024"), [day(Some(2024), 2, 19)].iter().take(0).copied().collect::<Vec<_>>());
    }

    #[test]
    fn classifies_by_nearest_cue() {
        assert_eq!(classify("merci d'envoyer votre dossier de candidature au plus tard le "), Role::Deadline);
        assert_eq!(classify("date envisagee de prise de poste : "), Role::Start);
        assert_eq!(classify("mis a jour le "), Role::Published);
        assert_eq!(classify("deux tours d'entretiens seront realises "), Role::Other);
        assert_eq!(classify("cree en "), Role::Other);
        assert_eq!(classify("envoyez avant le "), Role::Deadline);
        assert_eq!(classify("debut : "), Role::Start);
    }

    fn dates(text: &str) -> Dates {
        extract(&Ctx::new(text))
    }

    #[test]
    fn calls_windows_month_periods_and_qualified_months() {
        // A call open for applications: the window's end is the deadline, its start no start.
        let d = dates("Appel à projets\nOuvert du 2 mars au 10 avril 2026\nLes projets sont soutenus.");
        assert_eq!((d.start, d.deadline), (None, Some(Date::new(2026, 4, 10).unwrap())));
        // Months: the first month starts, the period gives the length.
        let d = dates("Durée du mandat : 7 mois, de mai à novembre 2026");
        assert_eq!((d.start, d.period_months), (Some(Start::Month(YearMonth::new(2026, 5).unwrap())), Some(7)));
        // "début juin" after an announcement is not a start; alone it still is.
        assert_eq!(dates("Annonce des lauréats : début juin 2026").start, None);
        assert_eq!(dates("Démarrage : début juin 2026").start, Some(Start::Month(YearMonth::new(2026, 6).unwrap())));
        assert_eq!(dates("Dossier à déposer d'ici au 30 avril 2026 via le formulaire").deadline, Date::new(2026, 4, 30));
        // An event's dates are no start; the school year's start is one.
        assert_eq!(dates("Du 27 avril au 3 mai 2025, c'est la Semaine du bénévolat !").start, None);
        assert_eq!(dates("Publié le 2 avril 2025\nOn cherche quelqu'un pour la rentrée de septembre.").start, Some(Start::Month(YearMonth::new(2025, 9).unwrap())));
    }

    #[test]
    fn picks_roles_in_a_posting() {
        let d = dates(
            "Créée en mai 1968, l'association…\nPrise de poste : début septembre 2023\n\
             Envoyez avant le 17 juillet votre CV.\nUn entretien aura lieu le 25 juillet 2023.",
        );
        assert_eq!(d.start, Some(Start::Month("2023-09".parse().unwrap())));
        assert_eq!(d.deadline, Some("2023-07-17".parse().unwrap()));
        assert_eq!(d.published, None);
    }

    #[test]
    fn resolves_missing_year_from_publication() {
        let d = dates("Publiée le 20 novembre 2024\nDate limite de candidature : 10 janvier\nDébut : mars");
        assert_eq!(d.published, Some("2024-11-20".parse().unwrap()));
        assert_eq!(d.deadline, Some("2025-01-10".parse().unwrap()));
        assert_eq!(d.start, Some(Start::Month("2025-03".parse().unwrap())));
    }

    #[test]
    fn label_heading_and_asap() {
        let d = dates("Mis à jour le 20/04/2023\nDate de signature de la convention\nMars 2021");
        assert_eq!(d.published, Some("2023-04-20".parse().unwrap()));
        assert_eq!(d.start, None);
        let d = dates("Contrat démarrant dès que possible en janvier 2024\ndate limite pour les candidatures : 10/01/2024");
        assert_eq!(d.start, Some(Start::Month("2024-01".parse().unwrap())));
        assert_eq!(d.deadline, Some("2024-01-10".parse().unwrap()));
        let d = dates("● Date envisagée de prise de poste : Dès que possible");
        assert_eq!(d.start, Some(Start::Asap));
        let d = dates("Prise de poste : dès que possible\n\nConditions\nEngagement de service civique : 8 mois, à partir de décembre.");
        assert_eq!(d.start, Some(Start::Asap));
    }
}
