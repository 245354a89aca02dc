//! Folding (case, French accents, ligatures) and tokenising of text into the words the index
//! stores and the terms a query looks for, including inclusive writing and hyphenated compounds.
//!
//! Rules, shared by indexing and querying so both sides agree:
//! - letters are lower-cased and lose their accents; `œ`/`æ` become `oe`/`ae`; combining marks
//!   (decomposed accents) are dropped without breaking the word;
//! - words are runs of letters and digits; apostrophes, spaces and other punctuation split them;
//! - inclusive writing (`chargé·e`, `chargé.e`, `chargé-e`, `chargé(e)`, `acteur·rice·s`) is read
//!   as one word with a suffix: the index gets the base (`charge`), the joined form (`chargee`)
//!   and, for the usual alternations, the feminine form (`acteur·rice` → `actrice`);
//! - a hyphenated compound (`recherche-action`) is indexed by its parts and by their
//!   concatenation (`rechercheaction`); a query reads it as its parts, all required.

use crate::model::letters::{ascii_letter, lower};

/// Longest word kept, in characters; longer words are cut (the same way in index and query).
pub const MAX_WORD: usize = 48;

/// What a character is to the tokeniser.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// Letter or digit (already pushed, folded).
    Word,
    /// Combining mark: dropped, the word goes on.
    Mark,
    /// Punctuation that may join word pieces without a space (`-`, `.`, `·`, `(`…).
    Joiner,
    /// Anything else: ends the word.
    Break,
}

/// Punctuation that can sit inside a word group without a space.
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '.' | '/' | '(' | ')' | '·' | '\u{2027}' | '\u{22c5}' | '\u{2219}' | '\u{2022}'
    )
}

fn push_folded(c: char, out: &mut String) -> Class {
    match c {
        'a'..='z' | '0'..='9' => out.push(c),
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        '\u{300}'..='\u{36f}' => return Class::Mark,
        c if is_joiner(c) => return Class::Joiner,
        c => match ascii_letter(c) {
            Some(s) => out.push_str(s),
            None if c.is_alphanumeric() => {
                out.extend(lower(c).filter(|l| !matches!(l, '\u{300}'..='\u{36f}')))
            }
            None => return Class::Break,
        },
    }
    Class::Word
}

/// Folds a string for comparison: letters lower-cased without accents, ligatures expanded;
/// other characters are kept as they are. `fold("Œuvre Éducative")` is `"oeuvre educative"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match push_folded(c, &mut out) {
            Class::Word | Class::Mark => {}
            Class::Joiner | Class::Break => out.push(c),
        }
    }
    out
}

/// Suffixes that may follow a word after `.`, `-`, `/` or `(` in inclusive writing.
const SUFFIXES: &[&str] = &[
    "e", "es", "ne", "nes", "nne", "nnes", "le", "les", "lle", "lles", "fe", "fes", "ve", "ves", "se", "ses", "te",
    "tes", "rice", "rices", "trice", "trices", "ice", "ices", "ric", "euse", "euses", "ere", "eres",
];

/// Whether `seg` can be an inclusive suffix after separator `sep`; `later` when the word already
/// has a suffix (`élu·e·s`: the `s`).
fn is_suffix(sep: &str, seg: &str, later: bool) -> bool {
    let alpha = !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_lowercase());
    if !alpha {
        return false;
    }
    let plural = seg == "s" || seg == "x";
    let listed = SUFFIXES.contains(&seg) || (later && plural);
    match sep {
        "·" | "\u{2027}" | "\u{22c5}" | "\u{2219}" | "\u{2022}" => seg.len() <= 5,
        "." | "-" | "\u{2010}" | "\u{2011}" | "/" => listed,
        "(" => listed || plural,
        ")" | ")-" | ")." => later && listed,
        _ => false,
    }
}

fn is_hyphen(sep: &str) -> bool {
    matches!(sep, "-" | "\u{2010}" | "\u{2011}")
}

/// The feminine form for the usual alternations (`acteur` + `rice` → `actrice`,
/// `décideur` + `euse` → `décideuse`, `usager` + `ère` → `usagère`, `sportif` + `ve` → `sportive`).
fn feminine(base: &str, suffix: &str, out: &mut String) -> bool {
    let (cut, insert) = if suffix.starts_with("trice") && base.ends_with("teur") {
        (4, "")
    } else if suffix.starts_with("ric") && base.ends_with("teur") {
        (3, "")
    } else if suffix.starts_with("ice") && base.ends_with("teur") {
        (3, "r")
    } else if suffix.starts_with("euse") && base.ends_with("eur") {
        (3, "")
    } else if suffix.starts_with("ere") && base.ends_with("er") {
        (2, "")
    } else if (suffix.starts_with("ve") && base.ends_with('f')) || (suffix.starts_with("se") && base.ends_with('x')) {
        (1, "")
    } else {
        return false;
    };
    out.clear();
    out.push_str(&base[..base.len() - cut]);
    out.push_str(insert);
    out.push_str(suffix);
    true
}

/// Cuts a word to `MAX_WORD` characters.
fn cut(word: &str) -> &str {
    if word.len() <= MAX_WORD {
        return word;
    }
    match word.char_indices().nth(MAX_WORD) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// One piece of a word group: a base run and its inclusive suffix runs (`runs[base+1..end]`).
#[derive(Clone, Copy, Debug)]
struct Part {
    base: usize,
    end: usize,
}

/// A reusable tokeniser: keeps its buffers between calls so indexing a large catalogue does not
/// allocate per word.
#[derive(Default)]
pub struct Tokenizer {
    /// The current chunk: folded word characters and raw joiners.
    buf: String,
    /// Byte ranges of the word runs in `buf`.
    runs: Vec<(usize, usize)>,
    parts: Vec<Part>,
    word: String,
    other: String,
}

impl Tokenizer {
    /// A tokeniser with empty buffers.
    pub fn new() -> Tokenizer {
        Tokenizer::default()
    }

    /// Calls `f` with every word the index stores for `text` (a word may come more than once).
    pub fn words(&mut self, text: &str, mut f: impl FnMut(&str)) {
        self.groups(text, |g| g.index_words(&mut f));
    }

    /// Splits `text` into word groups (a word with its inclusive suffixes, or a compound).
    fn groups(&mut self, text: &str, mut f: impl FnMut(&mut Group<'_>)) {
        let bytes = text.as_bytes();
        let is_break = |b: u8| b.is_ascii() && !b.is_ascii_alphanumeric() && !is_joiner(b as char);
        let mut i = 0;
        while i < bytes.len() {
            // Fast path (most words): ASCII letters and digits up to an ASCII break or the end.
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i == bytes.len() || is_break(bytes[i]) {
                if i > start {
                    let word = &text[start..i];
                    self.runs.clear();
                    self.runs.push((0, word.len()));
                    self.parts.clear();
                    self.parts.push(Part { base: 0, end: 1 });
                    let buf = if word.bytes().any(|b| b.is_ascii_uppercase()) {
                        self.buf.clear();
                        self.buf.push_str(word);
                        self.buf.make_ascii_lowercase();
                        &self.buf
                    } else {
                        word
                    };
                    let (runs, parts) = (&self.runs, &self.parts);
                    f(&mut Group { buf, runs, parts, word: &mut self.word, other: &mut self.other });
                }
                i += 1;
                continue;
            }
            // General path: fold characters up to the next break, keeping joiners.
            i = start;
            self.buf.clear();
            let (mut any, mut joined) = (false, false);
            while i < bytes.len() {
                let b = bytes[i];
                let class = if b.is_ascii() {
                    i += 1;
                    if b.is_ascii_alphanumeric() {
                        self.buf.push(b.to_ascii_lowercase() as char);
                        Class::Word
                    } else if is_joiner(b as char) {
                        self.buf.push(b as char);
                        Class::Joiner
                    } else {
                        Class::Break
                    }
                } else {
                    let c = text[i..].chars().next().expect("a char at a boundary");
                    i += c.len_utf8();
                    match push_folded(c, &mut self.buf) {
                        Class::Joiner => {
                            self.buf.push(c);
                            Class::Joiner
                        }
                        class => class,
                    }
                };
                match class {
                    Class::Word => any = true,
                    Class::Mark => {}
                    Class::Joiner => joined = true,
                    Class::Break => break,
                }
            }
            if any && joined {
                self.chunk(&mut f);
            } else if any {
                self.runs.clear();
                self.runs.push((0, self.buf.len()));
                self.parts.clear();
                self.parts.push(Part { base: 0, end: 1 });
                self.hand_over(&mut f);
            }
        }
    }

    /// Hands the group made of the current `parts` to `f`.
    fn hand_over(&mut self, f: &mut impl FnMut(&mut Group<'_>)) {
        f(&mut Group { buf: &self.buf, runs: &self.runs, parts: &self.parts, word: &mut self.word, other: &mut self.other });
    }

    /// Parses the chunk in `buf` into groups and hands each to `f`.
    fn chunk(&mut self, f: &mut impl FnMut(&mut Group<'_>)) {
        self.runs.clear();
        let mut start = None;
        for (i, c) in self.buf.char_indices() {
            let joiner = is_joiner(c);
            match (start, joiner) {
                (None, false) => start = Some(i),
                (Some(s), true) => {
                    self.runs.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            self.runs.push((s, self.buf.len()));
        }
        self.parts.clear();
        let mut k = 0;
        while k < self.runs.len() {
            let buf = &self.buf;
            let run = |k: usize| &buf[self.runs[k].0..self.runs[k].1];
            let sep = |k: usize| &buf[self.runs[k - 1].1..self.runs[k].0];
            if let Some(last) = self.parts.last_mut() {
                let later = last.end > last.base + 1;
                let base_alpha = run(last.base).bytes().last().is_some_and(|b| !b.is_ascii_digit());
                if base_alpha && is_suffix(sep(k), run(k), later) {
                    last.end = k + 1;
                    k += 1;
                    continue;
                }
                if !is_hyphen(sep(k)) {
                    // Not part of this group: hand it over and start a new one.
                    self.hand_over(f);
                    self.parts.clear();
                }
            }
            self.parts.push(Part { base: k, end: k + 1 });
            k += 1;
        }
        if !self.parts.is_empty() {
            self.hand_over(f);
        }
    }
}

/// A word group found in the text, borrowed from the tokeniser's buffers.
struct Group<'a> {
    buf: &'a str,
    runs: &'a [(usize, usize)],
    parts: &'a [Part],
    word: &'a mut String,
    other: &'a mut String,
}

impl Group<'_> {
    fn run(&self, k: usize) -> &str {
        &self.buf[self.runs[k].0..self.runs[k].1]
    }

    /// Writes a part's joined form (base + suffixes) into `self.word`; returns the base length.
    fn joined(&mut self, p: Part) -> usize {
        let buf = self.buf;
        self.word.clear();
        for k in p.base..p.end {
            self.word.push_str(&buf[self.runs[k].0..self.runs[k].1]);
        }
        self.runs[p.base].1 - self.runs[p.base].0
    }

    /// Every word the index stores for this group.
    fn index_words(&mut self, f: &mut impl FnMut(&str)) {
        for i in 0..self.parts.len() {
            let p = self.parts[i];
            f(cut(self.run(p.base)));
            if p.end > p.base + 1 {
                let n = self.joined(p);
                f(cut(self.word));
                if feminine(&self.word[..n], &self.word[n..], self.other) {
                    f(cut(self.other));
                }
            }
        }
        if self.parts.len() > 1 {
            self.word.clear();
            for p in self.parts {
                self.word.push_str(&self.buf[self.runs[p.base].0..self.runs[p.base].1]);
            }
            f(cut(self.word));
        }
    }

    /// The query terms of this group: one per part.
    fn terms(&mut self, out: &mut Vec<Term>) {
        for i in 0..self.parts.len() {
            let p = self.parts[i];
            let base = cut(self.run(p.base)).to_string();
            let mut term = Term { prefixes: vec![base.clone()], exact: vec![base] };
            if p.end > p.base + 1 {
                let n = self.joined(p);
                term.exact.push(cut(self.word).to_string());
                if feminine(&self.word[..n], &self.word[n..], self.other) {
                    let fem = cut(self.other).to_string();
                    term.exact.push(fem.clone());
                    term.prefixes.push(fem);
                }
            }
            term.normalize();
            if !out.contains(&term) {
                out.push(term);
            }
        }
    }
}

/// One query word: it matches an indexed word that starts with any of `prefixes`; the match
/// is "whole word" when the indexed word equals one of `exact`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// Folded prefixes, none a prefix of another.
    pub prefixes: Vec<String>,
    /// Folded whole words.
    pub exact: Vec<String>,
}

impl Term {
    fn normalize(&mut self) {
        super::order::sort_by(&mut self.prefixes, String::cmp);
        self.prefixes.dedup();
        let all = self.prefixes.clone();
        self.prefixes.retain(|p| !all.iter().any(|q| q != p && p.starts_with(q.as_str())));
        super::order::sort_by(&mut self.exact, String::cmp);
        self.exact.dedup();
    }
}

/// The terms of a query text, in order of appearance, without duplicates.
pub fn query_terms(text: &str) -> Vec<Term> {
    let mut out = Vec::new();
    Tokenizer::new().groups(text, |g| g.terms(&mut out));
    out
}

/// Every indexed word of `text`, in order (convenience for tests and tools).
pub fn index_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    Tokenizer::new().words(text, |w| out.push(w.to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        index_words(text)
    }

    fn has(text: &str, word: &str) -> bool {
        words(text).iter().any(|w| w == word)
    }

    fn prefixes(text: &str) -> Vec<Vec<String>> {
        query_terms(text).into_iter().map(|t| t.prefixes).collect()
    }

    #[test]
    fn folds_case_accents_ligatures() {
        assert_eq!(fold("Télétravail"), "teletravail");
        assert_eq!(fold("Œuvre ÆTHER Straße"), "oeuvre aether strasse");
        assert_eq!(fold("Ça, c'est Noël!"), "ca, c'est noel!");
        // Decomposed accent (e + combining acute).
        assert_eq!(fold("e\u{301}te\u{301}"), "ete");
        assert_eq!(words("e\u{301}te\u{301} été"), ["ete", "ete"]);
    }

    #[test]
    fn splits_on_spaces_apostrophes_punctuation() {
        assert_eq!(words("Chargé d'études"), ["charge", "d", "etudes"]);
        assert_eq!(words("l’ESS, la «Maison» : 29K€!"), ["l", "ess", "la", "maison", "29k"]);
        assert_eq!(words("contact@archipel.org"), ["contact", "archipel", "org"]);
        assert_eq!(words("fin. Début"), ["fin", "debut"]);
        assert_eq!(words(""), Vec::<String>::new());
        assert_eq!(words(" -- ... ' "), Vec::<String>::new());
    }

    #[test]
    fn inclusive_writing_forms() {
        for text in ["chargé·e", "chargé.e", "chargé-e", "chargé(e)", "Chargé·E", "chargé/e"] {
            assert!(has(text, "charge"), "{text}: {:?}", words(text));
            assert!(has(text, "chargee"), "{text}: {:?}", words(text));
            assert!(!has(text, "e"), "{text}: {:?}", words(text));
        }
        assert!(has("chargé(e)s de mission", "chargees"));
        assert!(has("élu-e-s", "elues"));
        assert!(has("citoyen.ne.s", "citoyennes"));
        assert!(has("usager.ère.s", "usageres"));
        assert!(has("acteur·rice·s", "actrices"));
        assert!(has("acteur-ric-e", "actrice"));
        assert!(has("coordinateur·rice", "coordinatrice"));
        assert!(has("directeur·trice", "directrice"));
        assert!(has("organisateur·ice", "organisatrice"));
        assert!(has("décideur·euse·s", "decideuses"));
        assert!(has("sportif·ve", "sportive"));
        assert!(has("professionnel·les", "professionnelles"));
        assert!(has("un·e", "une"));
    }

    #[test]
    fn hyphenated_compounds() {
        let w = words("Recherche-action collective");
        assert_eq!(w, ["recherche", "action", "rechercheaction", "collective"]);
        let w = words("Saint-Étienne");
        assert_eq!(w, ["saint", "etienne", "saintetienne"]);
        assert!(has("co-fondateur·rice", "cofondateur"));
        assert!(has("co-fondateur·rice", "fondatrice"));
        assert!(has("lelabo-ess", "lelaboess"));
        // A dot between two ordinary words is no compound.
        assert_eq!(words("archipel.org"), ["archipel", "org"]);
    }

    #[test]
    fn long_words_are_cut() {
        let long = "a".repeat(100);
        assert_eq!(words(&long), ["a".repeat(MAX_WORD)]);
        assert_eq!(prefixes(&long), [vec!["a".repeat(MAX_WORD)]]);
    }

    #[test]
    fn query_terms_read_parts_and_inclusive() {
        assert_eq!(prefixes("Chargée d'études"), [vec!["chargee"], vec!["d"], vec!["etudes"]]);
        assert_eq!(prefixes("recherche-action"), [vec!["recherche"], vec!["action"]]);
        assert_eq!(prefixes("chargé·e"), [vec!["charge"]]);
        assert_eq!(prefixes("acteur·rice"), [vec!["acteur", "actrice"]]);
        let t = &query_terms("chargé·e")[0];
        assert_eq!(t.exact, ["charge", "chargee"]);
        // Duplicates are dropped, order kept.
        assert_eq!(prefixes("lyon Lyon LYON paris"), [vec!["lyon"], vec!["paris"]]);
        assert!(query_terms("  ,;! ").is_empty());
    }
}
