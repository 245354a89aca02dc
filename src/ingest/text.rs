//! Text primitives shared by the field extractors: accent/case folding with an offset map back to
//! the original, word-boundary search, a small tokenizer (words, numbers, punctuation).

use crate::model::letters::ascii_letter;

/// Appends the folded form of `c` to `out`: lowercase ASCII where a Latin letter has an ASCII base
/// (`é`→`e`, `œ`→`oe`), typographic quotes and dashes reduced to `'`, `"` and `-`, the middle dot
/// of inclusive writing to `.`, every kind of space to ` `. Other characters are lowercased.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(s) = ascii_letter(c) {
        out.push_str(s);
        return;
    }
    let s: &str = match c {
        '’' | '‘' | '´' | 'ʼ' | '′' => "'",
        '«' | '»' | '“' | '”' | '„' | '‹' | '›' => "\"",
        '–' | '—' | '‐' | '‑' | '−' | '―' => "-",
        '·' | '•' | '∙' | '⋅' | '●' => ".",
        '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\u{2002}' | '\u{2003}' | '\u{200a}' => " ",
        '…' => "...",
        '€' => "€",
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push_str(s);
}

/// Folds a whole string (see [`fold_char`]).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out, |_, _| {});
    out
}

/// Folds `s` onto `out`, ASCII runs in bulk; `mark(at, added)` is told, for each run or character,
/// its byte offset in `s` and how many bytes it added to `out`.
fn fold_into(s: &str, out: &mut String, mut mark: impl FnMut(usize, usize)) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let before = out.len();
        if b[i] < 0x80 {
            let start = i;
            while i < b.len() && b[i] < 0x80 {
                i += 1;
            }
            out.push_str(&s[start..i]);
            out[before..].make_ascii_lowercase();
            mark(start, i - start);
            continue;
        }
        let c = s[i..].chars().next().expect("char boundary");
        fold_char(c, out);
        mark(i, out.len() - before);
        i += c.len_utf8();
    }
}

/// A folded string that remembers, for each of its bytes, the byte offset of the original
/// character it came from, so a match found in the folded text can be cut from the original.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    map: Vec<u32>,
    orig_len: u32,
}

impl Folded {
    /// Folds `orig`, keeping the offset map.
    pub fn new(orig: &str) -> Folded {
        let mut text = String::with_capacity(orig.len() + 8);
        let mut map: Vec<u32> = Vec::with_capacity(orig.len() + 8);
        fold_into(orig, &mut text, |at, added| {
            // An ASCII run maps byte to byte; a folded character's bytes all map to its start.
            if orig.as_bytes()[at] < 0x80 {
                map.extend((at..at + added).map(|k| k as u32));
            } else {
                map.extend(std::iter::repeat_n(at as u32, added));
            }
        });
        Folded { text, map, orig_len: orig.len() as u32 }
    }
    /// The original byte offset of folded byte `i` (`i == len` maps to the original's end).
    pub fn orig(&self, i: usize) -> usize {
        if i >= self.map.len() {
            self.orig_len as usize
        } else {
            self.map[i] as usize
        }
    }
    /// The original byte range of the folded range `s..e`.
    pub fn orig_range(&self, s: usize, e: usize) -> (usize, usize) {
        let os = self.orig(s);
        // The end is the start of the first folded byte that belongs to a later original char.
        let mut j = e;
        while j < self.map.len() && j > 0 && self.map[j] == self.map[j - 1] {
            j += 1;
        }
        (os, self.orig(j))
    }
}

/// True when the byte is part of a word (ASCII letter or digit, or any non-ASCII byte).
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Byte offset of `needle` in `hay` from `from`: a first-byte scan, much cheaper than a general
/// substring searcher for the short cues and lines the extractors work on.
pub fn find_from(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(from.min(h.len()));
    }
    if n.len() > h.len() {
        return None;
    }
    let first = n[0];
    let last = h.len() - n.len();
    let mut i = from;
    while i <= last {
        match h[i..=last].iter().position(|&b| b == first) {
            Some(k) => {
                let at = i + k;
                // A byte loop: cheaper than a memcmp call for cue-sized needles.
                if h[at + 1..at + n.len()].iter().zip(&n[1..]).all(|(a, b)| a == b) {
                    return Some(at);
                }
                i = at + 1;
            }
            None => return None,
        }
    }
    None
}

/// True when `needle` occurs in `hay` (see [`find_from`]).
pub fn contains(hay: &str, needle: &str) -> bool {
    find_from(hay, needle, 0).is_some()
}

/// Cheap substring search on `str` (see [`find_from`]) for the extractors' many short cues.
pub trait FastStr {
    /// First byte offset of `n`.
    fn ffind(&self, n: &str) -> Option<usize>;
    /// Last byte offset of `n`.
    fn frfind(&self, n: &str) -> Option<usize>;
    /// True when `n` occurs.
    fn fhas(&self, n: &str) -> bool;
}

impl FastStr for str {
    fn ffind(&self, n: &str) -> Option<usize> {
        find_from(self, n, 0)
    }
    fn frfind(&self, n: &str) -> Option<usize> {
        let (h, nb) = (self.as_bytes(), n.as_bytes());
        if nb.len() > h.len() {
            return None;
        }
        (0..=h.len() - nb.len()).rev().find(|&i| h[i] == nb[0] && &h[i..i + nb.len()] == nb)
    }
    fn fhas(&self, n: &str) -> bool {
        find_from(self, n, 0).is_some()
    }
}

/// Finds `needle` in `hay` at word boundaries (both ends), from byte `from`.
pub fn find_word_from(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let hb = hay.as_bytes();
    let nb = needle.as_bytes();
    let mut start = from;
    while start <= hay.len() {
        let i = find_from(hay, needle, start)?;
        let end = i + nb.len();
        let left_ok = i == 0 || !is_word_byte(hb[i - 1]) || !is_word_byte(nb[0]);
        let right_ok = end >= hb.len() || !is_word_byte(hb[end]) || !is_word_byte(nb[nb.len() - 1]);
        if left_ok && right_ok {
            return Some(i);
        }
        start = i + 1;
        while start < hay.len() && !hay.is_char_boundary(start) {
            start += 1;
        }
    }
    None
}

/// Finds `needle` in `hay` at word boundaries.
pub fn find_word(hay: &str, needle: &str) -> Option<usize> {
    find_word_from(hay, needle, 0)
}

/// Finds `stem` at the start of a word (its end may run on: `benevol` finds `benevoles`).
pub fn find_stem(hay: &str, stem: &str) -> Option<usize> {
    let hb = hay.as_bytes();
    let mut start = 0;
    while start <= hay.len() {
        let i = find_from(hay, stem, start)?;
        if i == 0 || !is_word_byte(hb[i - 1]) {
            return Some(i);
        }
        start = i + 1;
        while start < hay.len() && !hay.is_char_boundary(start) {
            start += 1;
        }
    }
    None
}

/// True when any of `needles` occurs as a word (or phrase) in `hay`.
pub fn has_any_word(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| find_word(hay, n).is_some())
}

/// True when any of `stems` starts a word in `hay`.
pub fn has_any_stem(hay: &str, stems: &[&str]) -> bool {
    stems.iter().any(|n| find_stem(hay, n).is_some())
}

/// FNV-1a: a fast hash for the short words used as map keys (no need for DoS resistance here).
#[derive(Debug, Clone, Copy)]
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by words, with [`WordHasher`].
pub type WordMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

/// A set of cue phrases matched in one pass over a folded text: each word start is looked up
/// by its first word, then the candidate phrases are compared there. Build once, reuse.
#[derive(Debug, Clone)]
pub struct Cues {
    by_first: WordMap<&'static str, Vec<(usize, &'static str)>>,
    /// Quick rejection before hashing: the first bytes and lengths of the cues' first words.
    first_bytes: [bool; 256],
    lens: u64,
    /// Cues are word beginnings ("ecologi" finds "ecologique"): no boundary needed at their end.
    prefix: bool,
}

impl Cues {
    /// Cue phrases (folded, starting with a letter or digit).
    pub fn new(list: &[&'static str]) -> Cues {
        let mut by_first: WordMap<&'static str, Vec<(usize, &'static str)>> = WordMap::default();
        for (k, cue) in list.iter().enumerate() {
            let end = cue.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(cue.len());
            assert!(end > 0, "cue «{cue}» must start with a letter or digit");
            by_first.entry(&cue[..end]).or_default().push((k, cue));
        }
        let mut first_bytes = [false; 256];
        let mut lens = 0u64;
        for w in by_first.keys() {
            first_bytes[w.as_bytes()[0] as usize] = true;
            lens |= 1 << w.len().min(63);
        }
        Cues { by_first, first_bytes, lens, prefix: false }
    }

    /// Single-word stems that match the start of longer words ("benevol" → "benevoles").
    pub fn stems(list: &[&'static str]) -> Cues {
        let mut c = Cues::new(&[]);
        for (k, cue) in list.iter().enumerate() {
            assert!(cue.bytes().all(|b| b.is_ascii_alphanumeric()), "stem «{cue}» must be one word");
            c.by_first.entry(cue).or_default().push((k, cue));
            c.first_bytes[cue.as_bytes()[0] as usize] = true;
        }
        c.prefix = true;
        c
    }

    /// Calls `hit(cue index, byte position)` for every cue found at word boundaries, in order.
    pub fn each(&self, hay: &str, hit: impl FnMut(usize, usize)) {
        self.each_in(hay, &word_spans(hay), hit)
    }

    /// Like [`Cues::each`], with the word spans of `hay` already computed ([`word_spans`]).
    pub fn each_in(&self, hay: &str, spans: &[(u32, u32)], mut hit: impl FnMut(usize, usize)) {
        let b = hay.as_bytes();
        for &(s, e) in spans {
            let (i, j) = (s as usize, e as usize);
            if !self.first_bytes[b[i] as usize] {
                continue;
            }
            if self.prefix {
                // Try every stem that is a prefix of this word.
                for l in 1..=(j - i) {
                    if let Some(list) = self.by_first.get(&hay[i..i + l]) {
                        for (k, _) in list {
                            hit(*k, i);
                        }
                    }
                }
                continue;
            }
            if self.lens & (1 << (j - i).min(63)) == 0 {
                continue;
            }
            if let Some(list) = self.by_first.get(&hay[i..j]) {
                for (k, cue) in list {
                    let end = i + cue.len();
                    if b[i..].starts_with(cue.as_bytes())
                        && (end >= b.len() || !is_word_byte(b[end]) || !cue.as_bytes()[cue.len() - 1].is_ascii_alphanumeric())
                    {
                        hit(*k, i);
                    }
                }
            }
        }
    }

    /// True when any cue occurs.
    pub fn any(&self, hay: &str) -> bool {
        self.any_in(hay, &word_spans(hay))
    }

    /// Like [`Cues::any`], with the word spans already computed.
    pub fn any_in(&self, hay: &str, spans: &[(u32, u32)]) -> bool {
        let mut found = false;
        self.each_in(hay, spans, |_, _| found = true);
        found
    }
}

/// Byte spans of the alphanumeric runs that start words (the units [`Cues`] looks up).
pub fn word_spans(hay: &str) -> Vec<(u32, u32)> {
    let b = hay.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 5);
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() || (i > 0 && is_word_byte(b[i - 1])) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        out.push((i as u32, j as u32));
        i = j;
    }
    out
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of ASCII letters (or other letters left by folding).
    Word,
    /// A run of ASCII digits.
    Num,
    /// One other visible character.
    Punct,
}

/// A token of a folded line: byte range, kind, and whether whitespace came right before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub kind: TokKind,
    pub s: usize,
    pub e: usize,
    pub space_before: bool,
}

impl Tok {
    /// The token's text in `src` (the folded line it was cut from).
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.s..self.e]
    }
    /// The token's value when it is a number that fits.
    pub fn num(&self, src: &str) -> Option<u32> {
        if self.kind == TokKind::Num && self.e - self.s <= 9 {
            src[self.s..self.e].parse().ok()
        } else {
            None
        }
    }
}

/// Splits a folded line into tokens.
pub fn tokenize(src: &str) -> Vec<Tok> {
    let b = src.as_bytes();
    let mut toks = Vec::with_capacity(src.len() / 4);
    let mut i = 0;
    let mut space = false;
    while i < b.len() {
        let c = b[i];
        if c == b' ' || c == b'\t' {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            TokKind::Num
        } else if c.is_ascii_alphabetic() || (c >= 0x80 && is_letter_at(src, i)) {
            while i < b.len() && (b[i].is_ascii_alphabetic() || (b[i] >= 0x80 && is_letter_at(src, i))) {
                i += utf8_len(b[i]);
            }
            TokKind::Word
        } else {
            i += utf8_len(c);
            TokKind::Punct
        };
        toks.push(Tok { kind, s: start, e: i.min(b.len()), space_before: space });
        space = false;
    }
    toks
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

fn is_letter_at(src: &str, i: usize) -> bool {
    src.get(i..).and_then(|s| s.chars().next()).is_some_and(|c| c.is_alphabetic())
}

/// Removes the marks of French inclusive writing from folded text, for matching only:
/// `charge.e`, `charge-e`, `charge(e)`, `acteur.rice.s`, `animateur.trice` all lose their suffix.
pub fn strip_inclusive(f: &str) -> String {
    const SUFFIXES: [&str; 24] = [
        "e", "es", "s", "ne", "nes", "le", "les", "ve", "ves", "ere", "eres", "ice", "ices", "rice",
        "rices", "trice", "trices", "euse", "euses", "x", "ale", "ales", "te", "fe",
    ];
    let b = f.as_bytes();
    // Most lines have no mark: a letter, then '.', '-' or '(', then a lowercase letter.
    let first = b.windows(3).position(|w| matches!(w[1], b'.' | b'-' | b'(') && w[0].is_ascii_alphabetic() && w[2].is_ascii_lowercase()).map(|p| p + 1);
    let Some(first) = first else { return f.to_string() };
    // Only ASCII bytes are ever dropped, so the result stays valid UTF-8.
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    out.extend_from_slice(&b[..first]);
    let mut i = first;
    while i < b.len() {
        let c = b[i];
        let prev_letter = i > 0 && b[i - 1].is_ascii_alphabetic();
        if prev_letter && (c == b'.' || c == b'-' || c == b'(') {
            let mut j = i;
            let mut matched = false;
            for _ in 0..2 {
                if j >= b.len() || !(b[j] == b'.' || b[j] == b'-' || b[j] == b'(') {
                    break;
                }
                let open = b[j] == b'(';
                let k0 = j + 1;
                let mut k = k0;
                while k < b.len() && b[k].is_ascii_lowercase() {
                    k += 1;
                }
                let piece = &f[k0..k];
                if piece.is_empty() || !SUFFIXES.contains(&piece) {
                    break;
                }
                let mut end = k;
                if open {
                    if end < b.len() && b[end] == b')' {
                        end += 1;
                    } else {
                        break;
                    }
                }
                // A suffix must end the word.
                if end < b.len() && b[end].is_ascii_alphanumeric() {
                    break;
                }
                j = end;
                matched = true;
            }
            if matched {
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    String::from_utf8(out).expect("only ASCII bytes were removed")
}

/// Upper-cases the first letter.
pub fn capitalize_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// True when the string's letters are (nearly) all uppercase and there are at least three.
pub fn is_upper_text(s: &str) -> bool {
    let mut up = 0;
    let mut low = 0;
    for c in s.chars() {
        if c.is_uppercase() {
            up += 1;
        } else if c.is_lowercase() {
            low += 1;
        }
    }
    up >= 3 && low * 8 <= up
}

/// Turns an all-caps name into title case, keeping short function words lowercase and short
/// acronyms as they are ("ASSOCIATION POSSIBLE" → "Association Possible", "LE LABO DE L'ESS" →
/// "Le Labo de l'ESS").
pub fn title_case(s: &str) -> String {
    const SMALL: [&str; 11] = ["de", "du", "des", "la", "le", "les", "et", "en", "au", "aux", "sur"];
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // An elided article or preposition: "L'ESS", "D'AVENIR".
        let (prefix, rest) = match w.find(|c| c == '\'' || c == '’') {
            Some(p) if w[..p].chars().count() == 1 => w.split_at(p + w[p..].chars().next().map_or(1, |c| c.len_utf8())),
            _ => ("", w),
        };
        if !prefix.is_empty() {
            if i == 0 {
                out.push_str(&capitalize_first(&prefix.to_lowercase()));
            } else {
                out.push_str(&prefix.to_lowercase());
            }
        }
        let lower = rest.to_lowercase();
        let letters: Vec<char> = rest.chars().filter(|c| c.is_alphabetic()).collect();
        let vowels = letters.iter().filter(|c| "AEIOUYÉÈÊÀÂÎÔÛ".contains(**c)).count();
        let acronym = !letters.is_empty()
            && letters.iter().all(|c| c.is_uppercase())
            && (letters.len() <= 3 || (letters.len() == 4 && vowels <= 1))
            && !SMALL.contains(&fold(&lower).as_str());
        if acronym && (i > 0 || !prefix.is_empty() || letters.len() <= 4) {
            out.push_str(rest);
        } else if i > 0 && prefix.is_empty() && SMALL.contains(&fold(&lower).as_str()) {
            out.push_str(&lower);
        } else {
            // Capitalize after hyphens too ("SAINT-ÉTIENNE" → "Saint-Étienne").
            let mut cap = true;
            for c in lower.chars() {
                if cap && c.is_alphabetic() {
                    out.extend(c.to_uppercase());
                    cap = false;
                } else {
                    out.push(c);
                }
                if c == '-' {
                    cap = true;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_quotes_and_spaces() {
        assert_eq!(fold("Chargé·e d’études – Œuvre\u{a0}Sociale"), "charge.e d'etudes - oeuvre sociale");
        assert_eq!(fold("«Déjà»"), "\"deja\"");
    }

    #[test]
    fn folded_maps_back_to_original() {
        let f = Folded::new("Rémunération : 29K€");
        let i = f.text.find("29k").unwrap();
        let (s, e) = f.orig_range(i, i + 3);
        assert_eq!(&"Rémunération : 29K€"[s..e], "29K");
        let j = f.text.find("munera").unwrap();
        let (s, e) = f.orig_range(j, j + 6);
        assert_eq!(&"Rémunération : 29K€"[s..e], "munéra");
    }

    #[test]
    fn word_search_respects_boundaries() {
        assert_eq!(find_word("un cdi a lyon", "cdi"), Some(3));
        assert_eq!(find_word("cdisation", "cdi"), None);
        assert_eq!(find_word("des tours d'entretien", "tours"), Some(4));
        assert!(find_stem("les benevoles", "benevol").is_some());
        assert!(find_stem("nonbenevoles", "benevol").is_none());
    }

    #[test]
    fn cue_sets_match_phrases_at_word_starts() {
        let c = Cues::new(&["cdi", "contrat a duree determinee", "jusqu'au", "cdd"]);
        let mut hits = Vec::new();
        c.each("un contrat a duree determinee, pas un cdisation, jusqu'au cdd", |k, p| hits.push((k, p)));
        assert_eq!(hits, [(1, 3), (2, 49), (3, 58)]);
        assert!(!c.any("acdi"));
        let s = Cues::stems(&["benevol", "ecologi"]);
        let mut hits = Vec::new();
        s.each("les benevoles et l'ecologie, pas nonbenevoles", |k, p| hits.push((k, p)));
        assert_eq!(hits, [(0, 4), (1, 19)]);
    }

    #[test]
    fn tokenizes_numbers_words_punct() {
        let s = "29k€ brut, 2 150 € le 1er";
        let t = tokenize(s);
        let texts: Vec<&str> = t.iter().map(|t| t.text(s)).collect();
        assert_eq!(texts, ["29", "k", "€", "brut", ",", "2", "150", "€", "le", "1", "er"]);
        assert!(t[5].space_before && !t[1].space_before);
        assert_eq!(t[6].num(s), Some(150));
    }

    #[test]
    fn strips_inclusive_marks() {
        assert_eq!(strip_inclusive("charge.e de projet"), "charge de projet");
        assert_eq!(strip_inclusive("charge-e de mission"), "charge de mission");
        assert_eq!(strip_inclusive("charge(e) d'etudes"), "charge d'etudes");
        assert_eq!(strip_inclusive("acteur.rice.s locaux.ales"), "acteur locaux");
        assert_eq!(strip_inclusive("recherche-action"), "recherche-action");
        assert_eq!(strip_inclusive("fin. et"), "fin. et");
    }

    #[test]
    fn title_cases_capital_names() {
        assert_eq!(title_case("ASSOCIATION POSSIBLE"), "Association Possible");
        assert_eq!(title_case("MAISON DE LA JEUNESSE"), "Maison de la Jeunesse");
        assert_eq!(title_case("LE LABO DE L'ESS"), "Le Labo de l'ESS");
        assert!(is_upper_text("LE PROJET SOUTENU"));
        assert!(!is_upper_text("Le projet"));
    }
}
