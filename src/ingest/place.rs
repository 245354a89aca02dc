//! Workplace: city with postal code ("69007 Lyon", "1050 Bruxelles", "Lyon 9ème", "Paris (7ème
//! arrondissement)", "Lyon (69)"), country, département/region; the workplace is told apart from
//! addresses for applications, footers and places the job only travels to.

use super::text::FastStr;
use super::clean::Line;
use super::gazetteer::{self, City, AMBIGUOUS};
use super::text::{find_word, fold, is_upper_text, title_case, Tok, TokKind};
use super::Ctx;
use super::sections::Section;
use crate::model::{Country, Place};

#[derive(Debug, Clone)]
struct Cand {
    city: String,
    city_fold: String,
    postal: Option<String>,
    dept_no: Option<String>,
    known: Option<City>,
    country: Option<Country>,
    score: i32,
    line: usize,
    order: usize,
    footer: bool,
}

const PLACE_LABELS: [&str; 16] = [
    "lieu", "lieu de travail", "lieux", "localisation", "lieu de mission", "lieu du stage", "ville", "adresse",
    "poste base a", "lieu d'affectation", "implantation", "site", "lieu de la mission", "lieu du poste", "localite",
    "zone geographique",
];
const WORKPLACE_CUES: [&str; 22] = [
    "base a", "basee a", "base.e a", "base(e) a", "bases a", "situe a", "situee a", "localise a", "poste a pourvoir a",
    "lieu de travail", "travail a", "poste est base", "au siege", "dans nos locaux",
    // Where a call's projects take place ("projets menés à …", "sur le territoire de …").
    "menes a", "realises a", "territoire de", "se derouler a", "se deroulant a", "mis en oeuvre a", "implantes a",
    "doivent avoir lieu a",
];
const STREET_WORDS: [&str; 14] = [
    "rue", "route", "avenue", "av", "bd", "boulevard", "chemin", "place", "quai", "allee", "impasse", "cours", "square", "chaussee",
];
const CONNECT: [&str; 12] = ["sur", "de", "la", "le", "les", "en", "du", "d", "l", "aux", "et", "des"];

fn is_cap(orig: &str) -> bool {
    orig.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Evidence for a country in the whole text, when no city says it.
pub fn country_evidence(cx: &Ctx) -> Option<Country> {
    const EVIDENCE: [(&str, usize, i32); 15] = [
        ("belgique", 1, 3), ("asbl", 1, 3), ("cpas", 1, 2), ("wallonie", 1, 2), ("federation wallonie-bruxelles", 1, 3),
        ("suisse", 2, 3), ("chf", 2, 3), ("canton", 2, 2), ("romandie", 2, 3),
        ("quebec", 3, 3), ("canada", 3, 3), ("cad", 3, 2), ("france", 0, 1), ("departement", 0, 1), ("cdi", 0, 1),
    ];
    static CUES: std::sync::OnceLock<super::text::Cues> = std::sync::OnceLock::new();
    let cues = CUES.get_or_init(|| super::text::Cues::new(&EVIDENCE.map(|e| e.0)));
    let mut score = [0i32; 4];
    for (i, l) in cx.doc.lines.iter().enumerate() {
        // Each cue counts once per line.
        let mut seen = [false; EVIDENCE.len()];
        cues.each_in(l.fold(), &cx.fspans[i], |k, _| {
            if !seen[k] {
                seen[k] = true;
                score[EVIDENCE[k].1] += EVIDENCE[k].2;
            }
        });
    }
    let (i, best) = score.iter().enumerate().max_by_key(|(i, s)| (**s, std::cmp::Reverse(*i)))?;
    if *best == 0 {
        // A French region or département named ("implantées en Occitanie").
        return fr_area_named(cx).then_some(Country::FR);
    }
    Some(Country::ALL[i])
}



/// Reads a city name starting at token `i`: capitalized words joined by hyphens, apostrophes
/// and small connectors ("Saint-Étienne", "Aix-en-Provence", "La Roche-sur-Yon").
fn city_words(line: &Line, toks: &[Tok], i: usize) -> Option<(usize, usize, usize)> {
    let f = line.fold();
    let first = toks.get(i)?;
    if first.kind != TokKind::Word {
        return None;
    }
    let orig_at = |t: &Tok| {
        let (s, e) = line.f.orig_range(t.s, t.e);
        &line.text[s..e]
    };
    if !is_cap(orig_at(first)) || first.text(f) == "cedex" {
        return None;
    }
    let mut j = i + 1;
    let mut end = first.e;
    let mut n = 1;
    while j < toks.len() && n < 6 {
        let t = &toks[j];
        let txt = t.text(f);
        if t.kind == TokKind::Punct && (txt == "-" || txt == "'") && !t.space_before {
            if let Some(w) = toks.get(j + 1).filter(|w| w.kind == TokKind::Word && !w.space_before) {
                end = w.e;
                j += 2;
                n += 1;
                continue;
            }
            break;
        }
        if t.kind == TokKind::Word && t.space_before && txt != "cedex" {
            if is_cap(orig_at(t)) && !CONNECT.contains(&txt) {
                end = t.e;
                j += 1;
                n += 1;
                continue;
            }
            if CONNECT.contains(&txt) {
                if let Some(w) = toks.get(j + 1).filter(|w| w.kind == TokKind::Word && is_cap(orig_at(w))) {
                    end = w.e;
                    j += 2;
                    n += 2;
                    continue;
                }
            }
        }
        break;
    }
    Some((first.s, end, j))
}

fn arrondissement(f: &str, toks: &[Tok], j: usize) -> Option<(u32, usize)> {
    // "9eme", "11e", "1er", "(7eme arrondissement)", "9e arr."
    let mut k = j;
    let paren = toks.get(k).is_some_and(|t| t.kind == TokKind::Punct && t.text(f) == "(");
    if paren {
        k += 1;
    }
    let n = toks.get(k).and_then(|t| t.num(f)).filter(|n| (1..=20).contains(n))?;
    let suf = toks.get(k + 1).filter(|t| t.kind == TokKind::Word && !t.space_before)?.text(f);
    if !matches!(suf, "e" | "eme" | "er" | "ieme" | "eme arrondissement") {
        return None;
    }
    let mut end = k + 2;
    if toks.get(end).is_some_and(|t| t.kind == TokKind::Word && t.text(f).starts_with("arr")) {
        end += 1;
    }
    if paren && toks.get(end).is_some_and(|t| t.text(f) == ")") {
        end += 1;
    }
    Some((n, end))
}

fn arr_code(city_fold: &str, n: u32) -> Option<String> {
    match city_fold {
        "paris" if n <= 20 => Some(format!("750{n:02}")),
        "lyon" if n <= 9 => Some(format!("6900{n}")),
        "marseille" if n <= 16 => Some(format!("130{n:02}")),
        _ => None,
    }
}

const NOT_TOWNS: [&str; 26] = [
    "teletravail", "domicile", "siege", "france", "belgique", "suisse", "canada", "remote", "hybride", "a", "au", "nos",
    "dans", "sur", "plusieurs", "toute", "maison", "centre", "espace", "locaux", "bureaux", "antenne", "pole", "service",
    "association", "foyer",
];

fn unknown_town(line: &Line, toks: &[Tok], k: usize, li: usize, labelled: bool) -> Option<Cand> {
    let f = line.fold();
    let (cs, ce, j) = city_words(line, toks, k)?;
    let name_fold = &f[cs..ce];
    let first = name_fold.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
    if NOT_TOWNS.contains(&first) || name_fold.split(' ').count() > 4 {
        return None;
    }
    // A département or region name is not a town.
    if gazetteer::FR_DEPARTEMENTS.iter().any(|d| fold(d.1) == name_fold || fold(d.2) == name_fold) {
        return None;
    }
    let (os, oe) = line.f.orig_range(cs, ce);
    // An acronym ("locaux de VNP à …") is an organization, not a town.
    let orig = &line.text[os..oe];
    if orig.chars().filter(|c| c.is_alphabetic()).count() <= 5 && orig.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    let mut dept_no = None;
    let mut postal = None;
    if toks.get(j).is_some_and(|x| x.text(f) == "(") {
        if let Some(d) = toks.get(j + 1).filter(|x| x.kind == TokKind::Num && x.e - x.s == 2) {
            dept_no = Some(d.text(f).to_string());
        }
        postal = bracketed_code(f, toks, j, None);
    }
    let country = postal.as_deref().and_then(|c| (c.len() == 5).then_some(Country::FR));
    Some(Cand {
        city: canonical_name(&line.text[os..oe]),
        city_fold: name_fold.to_string(),
        postal,
        dept_no,
        known: None,
        country,
        score: if labelled { 9 } else { 7 },
        line: li,
        order: 0,
        footer: line.footer,
    })
}

/// A postal code in brackets at token `j` (the `(`): "(72300)" for a French commune, "(1020)" for a
/// Belgian or Swiss one.
fn bracketed_code(f: &str, toks: &[Tok], j: usize, country: Option<Country>) -> Option<String> {
    let d = toks.get(j + 1).filter(|x| x.kind == TokKind::Num)?;
    if !toks.get(j + 2).is_some_and(|x| x.text(f) == ")") {
        return None;
    }
    let code = d.text(f);
    let ok = match code.len() {
        5 => gazetteer::fr_department(code).is_some() && country.is_none_or(|c| c == Country::FR),
        4 => country.is_none_or(|c| matches!(c, Country::BE | Country::CH)),
        _ => false,
    };
    ok.then(|| code.to_string())
}

/// A Canadian postal code ("H2J 2L3"), upper-cased.
fn canadian_postal(f: &str, toks: &[Tok]) -> Option<String> {
    let one = |t: &Tok, k: TokKind| t.kind == k && t.e - t.s == 1;
    for w in toks.windows(6) {
        if one(&w[0], TokKind::Word) && one(&w[1], TokKind::Num) && one(&w[2], TokKind::Word) && one(&w[3], TokKind::Num)
            && one(&w[4], TokKind::Word) && one(&w[5], TokKind::Num)
            && !w[1].space_before && !w[2].space_before && !w[4].space_before && !w[5].space_before
            && (w[0].space_before || w[0].s == 0)
        {
            let a = &f[w[0].s..w[2].e];
            let b = &f[w[3].s..w[5].e];
            return Some(format!("{} {}", a.to_uppercase(), b.to_uppercase()));
        }
    }
    None
}

fn canonical_name(orig: &str) -> String {
    if is_upper_text(orig) {
        title_case(&orig.to_lowercase())
    } else {
        orig.to_string()
    }
}

/// A "Lieu : …" line (a label naming the workplace): its folded label and its value.
pub fn label(line: &Line) -> Option<(&str, &str)> {
    line.label_value(6).filter(|(l, _)| PLACE_LABELS.iter().any(|p| l == p || l.starts_with(p)))
}

/// Finds the workplace(s).
pub fn extract(cx: &Ctx) -> Vec<Place> {
    scored(cx).0
}

/// [`extract`] with the score of the chosen city: one read only from an address (a footer, the
/// application address) scores low; a labelled or cued workplace high (`i32::MIN` without a city).
pub fn scored(cx: &Ctx) -> (Vec<Place>, i32) {
    let mut cands: Vec<Cand> = Vec::new();
    let evidence = cx.country_evidence();
    let by_first = gazetteer::by_first_word();
    let mut ca_postal: Option<String> = None;
    for (li, line) in cx.doc.lines.iter().enumerate() {
        if line.skipped() {
            continue;
        }
        let f = line.fold();
        let toks = &cx.toks[li];
        if ca_postal.is_none() && f.bytes().any(|b| b.is_ascii_digit()) {
            ca_postal = canadian_postal(f, toks);
        }
        let label = label(line).map(|(l, _)| l);
        let colon = line.label_end().unwrap_or(0);
        let sec = cx.layout.section[li];
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let mut found: Option<Cand> = None;
            let mut next = i + 1;
            // Postal code + city.
            if t.kind == TokKind::Num && (t.e - t.s == 5 || t.e - t.s == 4) {
                let code = t.text(f).to_string();
                if let Some((cs, ce, j)) = city_words(line, toks, i + 1) {
                    let name_fold = f[cs..ce].to_string();
                    let (os, oe) = line.f.orig_range(cs, ce);
                    let orig = &line.text[os..oe];
                    let known = gazetteer::lookup(&name_fold, None);
                    let fr = code.len() == 5 && gazetteer::fr_department(&code).is_some();
                    let four_known = code.len() == 4 && known.is_some_and(|k| matches!(k.country, Country::BE | Country::CH));
                    // "5100 Jambes", "1020 Renens": a town the gazetteer does not know, with a
                    // four-digit code, on a labelled line or in a Belgian or Swiss text.
                    let four_unknown = code.len() == 4
                        && known.is_none()
                        && (label.is_some() || matches!(evidence, Some(Country::BE | Country::CH)))
                        && !NOT_TOWNS.contains(&name_fold.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or(""));
                    if fr || four_known || four_unknown {
                        let country = if fr {
                            Some(Country::FR)
                        } else if four_known {
                            known.map(|k| k.country)
                        } else if gazetteer::be_province(&code).is_some() && evidence != Some(Country::CH) {
                            Some(Country::BE)
                        } else {
                            evidence
                        };
                        let known = known.filter(|k| Some(k.country) == country);
                        found = Some(Cand {
                            city: known.map_or_else(|| canonical_name(orig), |k| k.name.to_string()),
                            city_fold: name_fold,
                            postal: Some(code),
                            dept_no: None,
                            known,
                            country,
                            score: 3,
                            line: li,
                            order: 0,
                            footer: line.footer,
                        });
                        next = j;
                    }
                }
            }
            // A known city name.
            // City names are capitalized in the original: skip other words before hashing.
            let cap_word = t.kind == TokKind::Word && {
                let o = line.text.as_bytes()[line.f.orig(t.s)];
                o.is_ascii_uppercase() || o >= 0x80
            };
            if found.is_none() && cap_word {
                if let Some(list) = by_first.get(t.text(f)) {
                    for (name, city) in list {
                        let rest = &f[t.s..];
                        if !rest.starts_with(name.as_str()) {
                            continue;
                        }
                        let e = t.s + name.len();
                        if e < f.len() && super::text::is_word_byte(f.as_bytes()[e]) {
                            continue;
                        }
                        // Part of a longer compound name: "Ottignies-Louvain-la-Neuve",
                        // "Vandœuvre-lès-Nancy" are other towns.
                        let fb = f.as_bytes();
                        let hyphen_after = e + 1 < f.len() && fb[e] == b'-' && fb[e + 1].is_ascii_alphabetic();
                        let hyphen_before = t.s >= 2 && fb[t.s - 1] == b'-' && fb[t.s - 2].is_ascii_alphabetic();
                        if hyphen_after || hyphen_before {
                            continue;
                        }
                        // "au Québec", "du Québec", "(Québec)": the province, not the city.
                        if name == "quebec" && {
                            let b = f[..t.s].trim_end();
                            b.ends_with(" au") || b.ends_with(" du") || b.ends_with('(') || b.ends_with(" le") || b.ends_with("province de") || b == "au" || b == "du"
                        } {
                            continue;
                        }
                        let (os, _) = line.f.orig_range(t.s, e);
                        if !is_cap(&line.text[os..]) {
                            continue;
                        }
                        let before = f[..t.s].trim_end();
                        let prev_word = before.rsplit(|c: char| !c.is_ascii_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
                        let prev2 = before.trim_end_matches(|c: char| c.is_ascii_alphanumeric()).trim_end();
                        let prev2 = prev2.rsplit(|c: char| !c.is_ascii_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
                        if STREET_WORDS.contains(&prev_word) || (matches!(prev_word, "de" | "du" | "des" | "d") && STREET_WORDS.contains(&prev2)) {
                            continue;
                        }
                        let j_end = toks.iter().position(|x| x.s >= e).unwrap_or(toks.len());
                        // The name must not run on into more capitalized words ("Tours Métropole Habitat").
                        let runs_on = toks.get(j_end).is_some_and(|x| {
                            x.kind == TokKind::Word && x.space_before && {
                                let (a, b) = line.f.orig_range(x.s, x.e);
                                is_cap(&line.text[a..b]) && !matches!(x.text(f), "cedex")
                            }
                        }) && !matches!(toks.get(j_end).map(|x| x.text(f)), Some("et" | "ou"));
                        // A postal code in brackets after it settles it: "de Mons (7000)".
                        let coded = toks.get(j_end).is_some_and(|x| x.text(f) == "(")
                            && toks.get(j_end + 1).is_some_and(|x| x.kind == TokKind::Num && (4..=5).contains(&(x.e - x.s)));
                        if AMBIGUOUS.contains(&name.as_str()) && !coded && (runs_on || !matches!(prev_word, "a" | "lieu" | "sur") && label.is_none()) {
                            continue;
                        }
                        // "Montréal (Québec)": a province or canton in brackets after a city.
                        if before.ends_with('(') && cands.last().is_some_and(|c: &Cand| c.line == li) {
                            continue;
                        }
                        let mut c = Cand {
                            city: city.name.to_string(),
                            city_fold: name.clone(),
                            postal: None,
                            dept_no: None,
                            known: Some(*city),
                            country: Some(city.country),
                            score: if runs_on { 0 } else { 1 },
                            line: li,
                            order: 0,
                            footer: line.footer,
                        };
                        next = j_end;
                        if let Some((n, end)) = arrondissement(f, toks, j_end) {
                            c.postal = arr_code(name, n);
                            next = end;
                        } else if toks.get(j_end).is_some_and(|x| x.text(f) == "(") {
                            if let Some(d) = toks.get(j_end + 1).filter(|x| x.kind == TokKind::Num && x.e - x.s == 2) {
                                if toks.get(j_end + 2).is_some_and(|x| x.text(f) == ")") {
                                    c.dept_no = Some(d.text(f).to_string());
                                    next = j_end + 3;
                                }
                            }
                            if let Some(code) = bracketed_code(f, toks, j_end, Some(city.country)) {
                                c.postal = Some(code);
                                next = j_end + 3;
                            }
                        }
                        found = Some(c);
                        break;
                    }
                }
            }
            if let Some(mut c) = found {
                let s_byte = t.s;
                let before = &f[..s_byte];
                let window = &before[before.ceil_char_boundary(before.len().saturating_sub(40))..];
                if label.is_some() && s_byte > colon {
                    c.score += 10;
                } else if WORKPLACE_CUES.iter().any(|w| window.fhas(w)) {
                    c.score += 8;
                }
                match sec {
                    Section::Conditions => c.score += 2,
                    Section::Top if li < 12 => c.score += 2,
                    Section::Apply | Section::Contact => c.score -= 1,
                    _ => {}
                }
                // A header line "Organisation — Ville (Pays)".
                if li < 6 && line.words() <= 14 && (f.fhas(" - ") || f.fhas(" | ")) {
                    c.score += 4;
                }
                if line.footer {
                    c.score -= 3;
                }
                if f[..s_byte].fhas("deplacement") {
                    c.score -= 4;
                }
                c.order = cands.len();
                cands.push(c);
            }
            i = next.max(i + 1);
        }
        // A town the gazetteer does not know, in a strong context: "Lieu : Pontarlier (25)",
        // "poste basé à Saint-Affrique".
        // On a labelled line, a town named first outranks towns named after it ("Lieu : Saint-Flour,
        // déplacements à Clermont-Ferrand"), so it is looked for unless a city scored as the label's.
        if !cands.iter().any(|c| c.line == li && (label.is_none() || c.score >= 10)) {
            let start = if label.is_some() {
                toks.iter().position(|t| t.s > colon)
            } else {
                // The cues that name a workplace ("basé à", "poste à pourvoir à"), in one pass.
                static NAMING: std::sync::OnceLock<super::text::Cues> = std::sync::OnceLock::new();
                let naming = NAMING.get_or_init(|| super::text::Cues::new(&WORKPLACE_CUES[..9]));
                let mut end: Option<usize> = None;
                naming.each_in(f, &cx.fspans[li], |k, p| {
                    let e = p + WORKPLACE_CUES[k].len();
                    end = Some(end.map_or(e, |x| x.min(e)));
                });
                end.and_then(|p| toks.iter().position(|t| t.s >= p))
            };
            if let Some(k) = start {
                // On a labelled line, the town may come after a building's name ("Lieu du stage :
                // siège de l'association, Castelnau-le-Lez (34170)"): the first capitalized
                // words that carry a postal code, else the first ones that read as a town.
                let tries = if label.is_some() { toks.len() } else { k + 1 };
                let mut first_town = None;
                for k2 in k..tries {
                    if let Some(c) = unknown_town(line, toks, k2, li, label.is_some()) {
                        if c.postal.is_some() {
                            first_town = Some(c);
                            break;
                        }
                        first_town.get_or_insert(c);
                    }
                }
                if let Some(c) = first_town {
                    cands.push(Cand { order: cands.len(), ..c });
                }
            } else {
                // "Montbrison (42600) – Loire": a town the gazetteer does not know, with its postal
                // code in brackets.
                let code_at = f.contains('(').then(|| toks.windows(3).position(|w| w[0].text(f) == "(" && w[1].kind == TokKind::Num && w[1].e - w[1].s == 5 && w[2].text(f) == ")")).flatten();
                let bracketed = code_at.and_then(|j| {
                    (j.saturating_sub(6)..j).filter(|&k| toks[k].kind == TokKind::Word).find_map(|k| {
                        unknown_town(line, toks, k, li, false).filter(|c| c.postal.as_ref().is_some_and(|p| p.len() == 5))
                    })
                });
                if let Some(c) = bracketed {
                    cands.push(Cand { order: cands.len(), score: c.score - 2, ..c });
                }
            }
        }
    }
    if let Some(code) = ca_postal {
        for c in cands.iter_mut().filter(|c| c.country == Some(Country::CA) && c.postal.is_none()) {
            c.postal = Some(code.clone());
        }
    }
    if cands.is_empty() {
        let places = evidence.filter(|&c| c != Country::FR || has_france(cx) || fr_area_named(cx)).map_or_else(Vec::new, |country| {
            vec![Place { city: None, postal_code: None, department: None, region: None, country }]
        });
        return (places, i32::MIN);
    }
    // Best city: highest single score, then most mentions, then first.
    let mentions = |cf: &str| cands.iter().filter(|c| c.city_fold == cf).count() as i32;
    let best = cands
        .iter()
        .max_by_key(|c| (c.score, mentions(&c.city_fold), std::cmp::Reverse(c.order)))
        .cloned()
        .expect("non-empty");
    let mut places = vec![to_place(&best, &cands, evidence)];
    // Other workplaces named on the same labelled line ("Lieu : Lyon ou Grenoble").
    if best.score >= 10 {
        for c in cands.iter().filter(|c| c.line == best.line && c.city_fold != best.city_fold && c.score >= 10) {
            if !places.iter().any(|p| p.city.as_deref() == Some(c.city.as_str())) {
                places.push(to_place(c, &cands, evidence));
            }
        }
    }
    (places, best.score)
}

/// A French region, or a département with a long name (not "Vienne", "Nord" or "Lot", which are
/// also words and streets), named in the text.
fn fr_area_named(cx: &Ctx) -> bool {
    static AREAS: std::sync::OnceLock<super::text::Cues> = std::sync::OnceLock::new();
    let areas = AREAS.get_or_init(|| {
        let mut names: Vec<&'static str> = Vec::new();
        for d in gazetteer::FR_DEPARTEMENTS.iter() {
            for n in [d.2, d.1] {
                if n == d.2 || d.1.chars().count() >= 8 {
                    let f: &'static str = Box::leak(fold(n).into_boxed_str());
                    if !names.contains(&f) {
                        names.push(f);
                    }
                }
            }
        }
        super::text::Cues::new(&names)
    });
    cx.doc.lines.iter().enumerate().filter(|(_, l)| !l.junk).any(|(i, l)| areas.any_in(l.fold(), &cx.fspans[i]))
}

fn has_france(cx: &Ctx) -> bool {
    cx.doc.lines.iter().any(|l| find_word(l.fold(), "france").is_some())
}

fn to_place(best: &Cand, all: &[Cand], evidence: Option<Country>) -> Place {
    // A postal code for the same city from another mention (an address in the text rather than in
    // the page footer), else the commune's only code.
    let postal = best
        .postal
        .clone()
        .or_else(|| {
            // A footer's address (the head office) only for a town with one code: a city's
            // head office may be in another district than the workplace.
            let one_code = best.known.is_none_or(|k| gazetteer::has_unique_code(k.name));
            all.iter()
                .filter(|c| c.city_fold == best.city_fold && c.postal.is_some() && (!c.footer || one_code))
                .max_by_key(|c| (!c.footer, c.score))
                .and_then(|c| c.postal.clone())
        })
        .or_else(|| best.known.filter(|k| gazetteer::has_unique_code(k.name)).and_then(|k| k.postal_code.map(str::to_string)));
    let country = best.country.or(best.known.map(|k| k.country)).or(evidence).unwrap_or(Country::FR);
    let (mut department, mut region) = (None, None);
    match country {
        Country::FR => {
            let d = postal
                .as_deref()
                .and_then(gazetteer::fr_department)
                .or_else(|| best.dept_no.as_deref().and_then(gazetteer::fr_department_by_number))
                .or_else(|| best.known.and_then(|k| k.department.zip(k.region)));
            if let Some((dn, rn)) = d {
                department = Some(dn.to_string());
                region = Some(rn.to_string());
            }
        }
        Country::BE => {
            if let Some((p, r)) = postal.as_deref().and_then(gazetteer::be_province).or_else(|| best.known.and_then(|k| k.department.zip(k.region))) {
                department = (!p.is_empty()).then(|| p.to_string());
                region = Some(r.to_string());
            }
        }
        Country::CH => department = best.known.and_then(|k| k.department).map(str::to_string),
        Country::CA => region = best.known.and_then(|k| k.region).map(str::to_string),
    }
    Place { city: Some(best.city.clone()), postal_code: postal, department, region, country }
}

/// The folded name of the main workplace's city, for other extractors.
pub fn city_fold(p: &[Place]) -> Option<String> {
    p.first().and_then(|p| p.city.as_deref()).map(fold)
}

#[cfg(test)]
mod tests {
    use super::super::Ctx;
    use super::*;

    fn place(text: &str) -> Option<(Option<String>, Option<String>, Country)> {
        extract(&Ctx::new(text)).first().map(|p| (p.city.clone(), p.postal_code.clone(), p.country))
    }
    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn postal_codes_and_arrondissements() {
        assert_eq!(place("Adresse : 12 rue Garibaldi, 69007 Lyon"), Some((s("Lyon"), s("69007"), Country::FR)));
        assert_eq!(place("Siège : 1050 Bruxelles"), Some((s("Bruxelles"), s("1050"), Country::BE)));
        assert_eq!(place("Il s'agit d'un CDD, basé à Lyon 9ème (69)."), Some((s("Lyon"), s("69009"), Country::FR)));
        assert_eq!(place("Lieu de travail : Paris (7ème arrondissement), déplacements"), Some((s("Paris"), s("75007"), Country::FR)));
        assert_eq!(place("Poste basé à Paris 11e"), Some((s("Paris"), s("75011"), Country::FR)));
        assert_eq!(place("[69372 LYON cedex 08](#)"), Some((s("Lyon"), s("69372"), Country::FR)));
    }

    #[test]
    fn workplace_wins_over_other_mentions() {
        let p = place(
            "Une association à Lyon recrute.\nLieu : Villeurbanne.\nDéplacements ponctuels à Paris.\n\
             Les candidatures papier sont à envoyer au 3 rue X, 75011 Paris.",
        );
        assert_eq!(p, Some((s("Villeurbanne"), s("69100"), Country::FR)));
        let p = place("Lieu de travail : Bruxelles\nNOUS SUIVRE\nBRUXELLES\n13 Rue des Champs – 1050 Bruxelles\nRue de Bomel 154 – 4000 Namur");
        assert_eq!(p, Some((s("Bruxelles"), None, Country::BE)));
        assert_eq!(place("Lieu : Villeurbanne"), Some((s("Villeurbanne"), s("69100"), Country::FR)));
        // Towns the gazetteer does not know, after the words that name a workplace.
        assert_eq!(place("Le poste est basé·e à Saint-Affrique, en Aveyron.").map(|p| p.0), Some(s("Saint-Affrique")));
        assert_eq!(place("Poste basé(e) à Saint-Affrique.").map(|p| p.0), Some(s("Saint-Affrique")));
    }

    #[test]
    fn swiss_quebec_and_ambiguous_names() {
        assert_eq!(place("Lieu : Genève").map(|p| p.2), Some(Country::CH));
        assert_eq!(place("Poste basé à Montréal (Québec)").map(|p| p.2), Some(Country::CA));
        let p = extract(&Ctx::new("Lieu : 4530 rue Saint-Denis, Montréal (Québec) H2J 2L3"));
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].city.as_deref(), p[0].postal_code.as_deref()), (Some("Montréal"), Some("H2J 2L3")));
        assert_eq!(place("Deux tours d'entretiens. Route de Vienne."), None);
        assert_eq!(place("Lieu : Tours").map(|p| p.0), Some(s("Tours")));
        let p = extract(&Ctx::new("Lieu : Genève\nTaux d'activité 80 %"));
        assert_eq!(p[0].department.as_deref(), Some("Genève"));
    }

    #[test]
    fn towns_outside_the_gazetteer() {
        assert_eq!(place("Lieu : Pontarlier (25)"), Some((s("Pontarlier"), None, Country::FR)));
        let p = extract(&Ctx::new("Lieu : Pontarlier (25)"));
        assert_eq!(p[0].department.as_deref(), Some("Doubs"));
        assert_eq!(place("Le poste est basé à Saint-Affrique, dans l'Aveyron."), Some((s("Saint-Affrique"), None, Country::FR)));
        assert_eq!(place("Lieu : Télétravail"), None);
        // A region is no town, but it says which country.
        assert_eq!(place("Lieu : Bretagne"), Some((None, None, Country::FR)));
    }

    #[test]
    fn several_workplaces_on_a_label_line() {
        let p = extract(&Ctx::new("Lieux : Lyon ou Grenoble"));
        let cities: Vec<_> = p.iter().map(|p| p.city.clone().unwrap()).collect();
        assert_eq!(cities, ["Lyon", "Grenoble"]);
    }

    #[test]
    fn non_latin_letters_before_the_city() {
        // Found by fuzzing: the 40 bytes before a city started inside a non-Latin letter.
        for k in 13..16 {
            let text = format!("{}a Lyon", "攀".repeat(k));
            assert_eq!(place(&text).map(|p| p.0), Some(s("Lyon")), "{text}");
        }
    }
}
