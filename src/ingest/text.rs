//! Text primitives shared by the field extractors: accent/case folding with an offset map back to
//! the original, word-boundary search, a small tokenizer (words, numbers, punctuation), and `slugify`.

/// Appends the folded form of `c` to `out`: lowercase ASCII where a Latin letter has an ASCII base
/// (`é`→`e`, `œ`→`oe`), typographic quotes and dashes reduced to `'`, `"` and `-`, the middle dot
/// of inclusive writing to `.`, every kind of space to ` `. Other characters are lowercased.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let s: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
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
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
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
        let mut map = Vec::with_capacity(orig.len() + 8);
        for (i, c) in orig.char_indices() {
            let before = text.len();
            fold_char(c, &mut text);
            for _ in before..text.len() {
                map.push(i as u32);
            }
        }
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

/// Finds `needle` in `hay` at word boundaries (both ends), from byte `from`.
pub fn find_word_from(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let hb = hay.as_bytes();
    let nb = needle.as_bytes();
    let mut start = from;
    while start <= hay.len() {
        let i = start + hay.get(start..)?.find(needle)?;
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
        let i = start + hay.get(start..)?.find(stem)?;
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

/// The id slug: accents folded to ASCII, lowercase, every run of other characters made one `-`,
/// trimmed, and only the first `max_words` `-`-separated words kept.
pub fn slugify(s: &str, max_words: usize) -> String {
    let f = fold(s);
    let mut out = String::with_capacity(f.len());
    let mut words = 0;
    for w in f.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if words == max_words {
            break;
        }
        if words > 0 {
            out.push('-');
        }
        out.push_str(w);
        words += 1;
    }
    out
}

/// Removes the marks of French inclusive writing from folded text, for matching only:
/// `charge.e`, `charge-e`, `charge(e)`, `acteur.rice.s`, `animateur.trice` all lose their suffix.
pub fn strip_inclusive(f: &str) -> String {
    const SUFFIXES: [&str; 24] = [
        "e", "es", "s", "ne", "nes", "le", "les", "ve", "ves", "ere", "eres", "ice", "ices", "rice",
        "rices", "trice", "trices", "euse", "euses", "x", "ale", "ales", "te", "fe",
    ];
    let b = f.as_bytes();
    let mut out = String::with_capacity(f.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let prev_letter = i > 0 && b[i - 1].is_ascii_alphabetic();
        if prev_letter && (c == b'.' || c == b'-' || c == b'(') {
            // Try to read one or two suffix pieces.
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
                // `-e` alone could be an ordinary compound ("porte-e" never is, but keep the rule safe):
                // only drop when the suffix run ends at a word end.
                i = j;
                continue;
            }
        }
        out.push(c as char);
        i += 1;
    }
    // `out` was built byte by byte: rebuild safely when the input was not ASCII.
    if f.is_ascii() {
        out
    } else {
        strip_inclusive_slow(f)
    }
}

fn strip_inclusive_slow(f: &str) -> String {
    // Apply the ASCII rule to ASCII runs, keep other characters as they are.
    let mut out = String::with_capacity(f.len());
    let mut run = String::new();
    for c in f.chars() {
        if c.is_ascii() {
            run.push(c);
        } else {
            out.push_str(&strip_inclusive(&run));
            run.clear();
            out.push(c);
        }
    }
    out.push_str(&strip_inclusive(&run));
    out
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
    fn tokenizes_numbers_words_punct() {
        let s = "29k€ brut, 2 150 € le 1er";
        let t = tokenize(s);
        let texts: Vec<&str> = t.iter().map(|t| t.text(s)).collect();
        assert_eq!(texts, ["29", "k", "€", "brut", ",", "2", "150", "€", "le", "1", "er"]);
        assert!(t[5].space_before && !t[1].space_before);
        assert_eq!(t[6].num(s), Some(150));
    }

    #[test]
    fn slugs_follow_the_id_rule() {
        assert_eq!(slugify("Le Labo de l'ESS", 4), "le-labo-de-l");
        assert_eq!(slugify("Chargé·e des projets collectifs", 6), "charge-e-des-projets-collectifs");
        assert_eq!(slugify("  Éducateur (H/F) — Œuvre ", 6), "educateur-h-f-oeuvre");
        assert_eq!(slugify("", 4), "");
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
