//! The one table of accented Latin letters and ligatures, shared by every place that compares
//! French words (search index, extractor, feed merging): `é` → "e", `Œ` → "oe"; and lower-casing
//! for the widget's comparisons, from a table seven times smaller than the standard library's.

/// The lowercase ASCII spelling of an accented Latin letter or a ligature, or `None` for any
/// other character (plain ASCII included).
pub fn ascii_letter(c: char) -> Option<&'static str> {
    Some(match c {
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
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        _ => return None,
    })
}

/// The lower case of a character, as `char::to_lowercase` gives it (a test compares every
/// character): one character, or two for `İ` (`i` and a combining dot above).
///
/// The standard library's table has a pair per character (11.7 kB in the wasm); `LOWER` has a
/// run per stretch of letters that lower-case by the same offset (1.5 kB).
pub fn lower(c: char) -> impl Iterator<Item = char> {
    let (first, second) = lower_pair(c);
    core::iter::once(first).chain(second)
}

fn lower_pair(c: char) -> (char, Option<char>) {
    if c.is_ascii() {
        return (c.to_ascii_lowercase(), None);
    }
    if c == '\u{130}' {
        return ('i', Some('\u{307}'));
    }
    let code = u32::from(c);
    let run = LOWER.partition_point(|&(packed, _)| packed & START <= code);
    let Some(&(packed, offset)) = run.checked_sub(1).and_then(|i| LOWER.get(i)) else {
        return (c, None);
    };
    let (start, count, step) = (packed & START, ((packed >> 21) & 0x7f) + 1, (packed >> 28) + 1);
    let from = code - start;
    if from >= count * step || from % step != 0 {
        return (c, None);
    }
    (code.checked_add_signed(offset).and_then(char::from_u32).unwrap_or(c), None)
}

/// The bits of a `LOWER` entry's first number that hold the run's first character.
const START: u32 = 0x1f_ffff;

/// Runs of characters that lower-case to themselves plus an offset: `(start | (count - 1) << 21 |
/// (step - 1) << 28, offset)`, `count` characters from `start`, every one (`step` 1) or every other
/// one (`step` 2), sorted by `start`. Characters outside the runs are their own lower case. Written
/// by the test `lower_table_is_the_standard_librarys`, which prints it again when a Rust release
/// changes Unicode's tables.
#[rustfmt::skip]
const LOWER: [(u32, i32); 184] = [
(0x2c000c0, 32), (0xc000d8, 32), (0x12e00100, 1), (0x10400132, 1), (0x10e00139, 1), (0x12c0014a, 1), (0x178, -121), (0x10400179, 1),
(0x181, 210), (0x10200182, 1), (0x186, 206), (0x187, 1), (0x200189, 205), (0x18b, 1), (0x18e, 79), (0x18f, 202),
(0x190, 203), (0x191, 1), (0x193, 205), (0x194, 207), (0x196, 211), (0x197, 209), (0x198, 1), (0x19c, 211),
(0x19d, 213), (0x19f, 214), (0x104001a0, 1), (0x1a6, 218), (0x1a7, 1), (0x1a9, 218), (0x1ac, 1), (0x1ae, 218),
(0x1af, 1), (0x2001b1, 217), (0x102001b3, 1), (0x1b7, 219), (0x1b8, 1), (0x1bc, 1), (0x1c4, 2), (0x1c5, 1),
(0x1c7, 2), (0x1c8, 1), (0x1ca, 2), (0x110001cb, 1), (0x110001de, 1), (0x1f1, 2), (0x102001f2, 1), (0x1f6, -97),
(0x1f7, -56), (0x126001f8, 1), (0x220, -130), (0x11000222, 1), (0x23a, 10795), (0x23b, 1), (0x23d, -163), (0x23e, 10792),
(0x241, 1), (0x243, -195), (0x244, 69), (0x245, 71), (0x10800246, 1), (0x10200370, 1), (0x376, 1), (0x37f, 116),
(0x386, 38), (0x400388, 37), (0x38c, 64), (0x20038e, 63), (0x2000391, 32), (0x10003a3, 32), (0x3cf, 8), (0x116003d8, 1),
(0x3f4, -60), (0x3f7, 1), (0x3f9, -7), (0x3fa, 1), (0x4003fd, -130), (0x1e00400, 80), (0x3e00410, 32), (0x12000460, 1),
(0x1340048a, 1), (0x4c0, 15), (0x10c004c1, 1), (0x15e004d0, 1), (0x4a00531, 48), (0x4a010a0, 7264), (0x10c7, 7264), (0x10cd, 7264),
(0x9e013a0, 38864), (0xa013f0, 8), (0x1c89, 1), (0x5401c90, -3008), (0x401cbd, -3008), (0x19401e00, 1), (0x1e9e, -7615), (0x15e01ea0, 1),
(0xe01f08, -8), (0xa01f18, -8), (0xe01f28, -8), (0xe01f38, -8), (0xa01f48, -8), (0x10601f59, -8), (0xe01f68, -8), (0xe01f88, -8),
(0xe01f98, -8), (0xe01fa8, -8), (0x201fb8, -8), (0x201fba, -74), (0x1fbc, -9), (0x601fc8, -86), (0x1fcc, -9), (0x201fd8, -8),
(0x201fda, -100), (0x201fe8, -8), (0x201fea, -112), (0x1fec, -7), (0x201ff8, -128), (0x201ffa, -126), (0x1ffc, -9), (0x2126, -7517),
(0x212a, -8383), (0x212b, -8262), (0x2132, 28), (0x1e02160, 16), (0x2183, 1), (0x32024b6, 26), (0x5e02c00, 48), (0x2c60, 1),
(0x2c62, -10743), (0x2c63, -3814), (0x2c64, -10727), (0x10402c67, 1), (0x2c6d, -10780), (0x2c6e, -10749), (0x2c6f, -10783), (0x2c70, -10782),
(0x2c72, 1), (0x2c75, 1), (0x202c7e, -10815), (0x16202c80, 1), (0x10202ceb, 1), (0x2cf2, 1), (0x12c0a640, 1), (0x11a0a680, 1),
(0x10c0a722, 1), (0x13c0a732, 1), (0x1020a779, 1), (0xa77d, -35332), (0x1080a77e, 1), (0xa78b, 1), (0xa78d, -42280), (0x1020a790, 1),
(0x1120a796, 1), (0xa7aa, -42308), (0xa7ab, -42319), (0xa7ac, -42315), (0xa7ad, -42305), (0xa7ae, -42308), (0xa7b0, -42258), (0xa7b1, -42282),
(0xa7b2, -42261), (0xa7b3, 928), (0x10e0a7b4, 1), (0xa7c4, -48), (0xa7c5, -42307), (0xa7c6, -35384), (0x1020a7c7, 1), (0xa7cb, -42343),
(0x10e0a7cc, 1), (0xa7dc, -42561), (0xa7f5, 1), (0x320ff21, 32), (0x4e10400, 40), (0x46104b0, 40), (0x1410570, 39), (0x1c1057c, 39),
(0xc1058c, 39), (0x210594, 39), (0x6410c80, 64), (0x2a10d50, 32), (0x3e118a0, 32), (0x3e16e40, 32), (0x3016ea0, 27), (0x421e900, 34),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_ligatures() {
        let folded: String = "ÉléphantŒuvreÇaﬁn".chars().map(|c| ascii_letter(c).map_or(c.to_string(), str::to_string)).collect();
        assert_eq!(folded, "eLephantoeuvrecafin".replace('L', "l"));
        assert_eq!(ascii_letter('a'), None);
        assert_eq!(ascii_letter('·'), None);
    }

    /// The runs of `LOWER` as the standard library's lower-casing gives them, in Rust source.
    fn runs_of_std() -> String {
        let pairs: Vec<(u32, i64)> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| c != '\u{130}')
            .filter_map(|c| {
                let mut l = c.to_lowercase();
                let (first, rest) = (l.next().unwrap(), l.next());
                assert!(rest.is_none(), "{c:?} lower-cases to several characters");
                (first != c).then(|| (u32::from(c), i64::from(u32::from(first)) - i64::from(u32::from(c))))
            })
            .collect();
        let mut out = String::new();
        let mut entries = 0;
        let mut i = 0;
        while i < pairs.len() {
            let (start, offset) = pairs[i];
            // The longest run from here, every character or every other one.
            let run = |step: u32| {
                pairs[i..].iter().enumerate().take_while(|(k, p)| p.1 == offset && p.0 == start + *k as u32 * step).count()
            };
            let (count, step) = if run(1) >= run(2) { (run(1), 1) } else { (run(2), 2) };
            let count = count.min(128);
            out.push_str(&format!("(0x{:x}, {offset}),", start | ((count as u32 - 1) << 21) | ((step - 1) << 28)));
            entries += 1;
            out.push(if entries % 8 == 0 { '\n' } else { ' ' });
            i += count;
        }
        format!("const LOWER: [(u32, i32); {entries}] = [\n{}\n];", out.trim_end())
    }

    #[test]
    fn lower_table_is_the_standard_librarys() {
        let source = include_str!("letters.rs");
        let written = source.split("#[rustfmt::skip]\n").nth(1).and_then(|s| s.split("\n];").next()).unwrap();
        let expected = runs_of_std();
        assert!(
            expected.starts_with(written) && expected.len() == written.len() + 3,
            "model::letters::LOWER differs from this Rust release's lower-casing; replace it with:\n{expected}"
        );
    }

    #[test]
    fn lower_is_char_to_lowercase() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(lower(c).eq(c.to_lowercase()), "{c:?}: {:?}, not {:?}", lower(c).collect::<String>(), c.to_lowercase().to_string());
        }
        assert_eq!(lower('É').collect::<String>(), "é");
        assert_eq!(lower('Ő').collect::<String>(), "ő");
        assert_eq!(lower('Σ').collect::<String>(), "σ");
        assert_eq!(lower('Ж').collect::<String>(), "ж");
        assert_eq!(lower('İ').collect::<String>(), "i\u{307}");
        assert_eq!(lower('ß').collect::<String>(), "ß");
        assert_eq!(lower('\u{212A}').collect::<String>(), "k");
    }
}
