//! Remote work: none ("pas de télétravail", "présentiel uniquement"), partial ("2 jours de
//! télétravail", "télétravail possible", "hybride") or full ("100 % télétravail", "full remote").

use super::text::FastStr;
use super::text::{find_word, has_any_word};
use super::Ctx;
use crate::model::Remote;

const MENTIONS: [&str; 8] = [
    "teletravail", "teletravailler", "remote", "travail a distance", "poste a distance", "hybride", "home office",
    "travail a domicile",
];
const FULL: [&str; 18] = [
    "integralement a distance", "totalement a distance", "100 % a distance", "integralement en teletravail",
    "100 % teletravail", "100% teletravail", "100 % en teletravail", "100% en teletravail", "teletravail complet",
    "teletravail total", "teletravail integral", "entierement en teletravail", "entierement a distance", "full remote",
    "100% remote", "100 % remote", "totalement en teletravail", "exclusivement en teletravail",
];
const NEGATIONS: [&str; 12] = [
    "pas de teletravail", "teletravail : non", "teletravail: non", "teletravail non", "sans teletravail",
    "teletravail impossible", "teletravail n'est pas", "aucun teletravail", "ne permet pas le teletravail",
    "pas possible en teletravail", "presentiel uniquement", "uniquement en presentiel",
];

/// A "Télétravail : …" line (a label naming remote work): its folded label and its value.
pub fn label(line: &super::clean::Line) -> Option<(&str, &str)> {
    line.label_value(4).filter(|(l, _)| has_any_word(l, &MENTIONS))
}

/// Classifies remote work from the whole text: `None` when the text says nothing about it, so
/// that on-site work is only claimed where the text says so.
pub fn extract(cx: &Ctx) -> Option<Remote> {
    let mut partial = false;
    let mut negated = false;
    for (i, line) in cx.doc.lines.iter().enumerate() {
        if line.skipped() || line.footer {
            continue;
        }
        let f = line.fold();
        static WORDS: std::sync::OnceLock<super::text::Cues> = std::sync::OnceLock::new();
        let words = WORDS.get_or_init(|| {
            super::text::Cues::new(&["teletravail", "teletravailler", "remote", "distance", "hybride", "presentiel", "domicile", "home"])
        });
        if !words.any_in(f, &cx.fspans[i]) {
            continue;
        }
        if FULL.iter().any(|c| f.fhas(c)) {
            return Some(Remote::Full);
        }
        if NEGATIONS.iter().any(|c| f.fhas(c)) {
            negated = true;
            continue;
        }
        if has_any_word(f, &MENTIONS) {
            // "formation à distance", "suivi à distance" are not remote work; only the cues above.
            let p = MENTIONS.iter().filter_map(|m| find_word(f, m)).min().unwrap_or(0);
            let before = &f[f.ceil_char_boundary(p.saturating_sub(25))..p];
            if !(before.fhas("pas de") || before.fhas("sans")) {
                partial = true;
            } else {
                negated = true;
            }
        }
    }
    // A negation next to details ("pas de télétravail les 3 premiers mois, puis 2 jours") still
    // means partial remote work; a negation alone means none.
    if partial {
        Some(Remote::Partial)
    } else if negated {
        Some(Remote::None)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::Ctx;
    use super::*;

    fn r(t: &str) -> Option<Remote> {
        extract(&Ctx::new(t))
    }

    #[test]
    fn remote_levels() {
        assert_eq!(r("Télétravail possible."), Some(Remote::Partial));
        assert_eq!(r("2 jours de télétravail flexibles possibles par semaine"), Some(Remote::Partial));
        assert_eq!(r("Télétravail : possible deux jours par semaine"), Some(Remote::Partial));
        assert_eq!(r("Poste en 100 % télétravail"), Some(Remote::Full));
        assert_eq!(r("Full remote"), Some(Remote::Full));
        assert_eq!(r("La mission se déroule intégralement à distance."), Some(Remote::Full));
        assert_eq!(r("Télétravail : non"), Some(Remote::None));
        assert_eq!(r("Pas de télétravail possible."), Some(Remote::None));
        assert_eq!(r("Entretiens en visioconférence envisageable"), None, "nothing said about remote work");
        assert_eq!(r("Suivi à distance des bénéficiaires"), None);
    }

    #[test]
    fn non_latin_letters_before_the_mention() {
        // Found by fuzzing: the 25 bytes before "télétravail" started inside a non-Latin letter.
        for k in 0..3 {
            let text = format!("{}{} télétravail possible", "攀".repeat(10), "a".repeat(k));
            assert_eq!(r(&text), Some(Remote::Partial), "{text}");
        }
    }
}
