//! Typo matching for the search: how many edits a query word forgives, a letter signature that
//! rules most vocabulary words out with one `xor`, and a bounded edit distance (optimal string
//! alignment: a letter wrong, missing, extra, or two adjacent letters swapped, each one edit).
//!
//! A word of 5 to 8 letters forgives one edit, 9 letters or more two; shorter words and words
//! with digits (postal codes, amounts) none. The index keeps one signature per vocabulary word
//! (4 bytes) and scans its vocabulary with it; see `TextIndex::typo_matches`.

use super::fold::MAX_WORD;

/// Letters a query word needs before it forgives one edit.
pub const ONE_EDIT_FROM: usize = 5;
/// Letters a query word needs before it forgives two edits.
pub const TWO_EDITS_FROM: usize = 9;

/// Signature bit of the digits (one for all ten).
pub const DIGIT: u32 = 1 << 26;
/// Signature bit of the characters that are not ASCII (one for all).
pub const NON_ASCII: u32 = 1 << 27;

/// One bit per letter `a`–`z`, [`DIGIT`] for any digit, [`NON_ASCII`] for any other character
/// (folded words hold nothing else). Each edit adds at most one bit and removes at most one, so
/// two words within `k` edits have signatures differing in at most `2 k` bits.
pub fn signature(word: &str) -> u32 {
    let mut sig = 0;
    for b in word.bytes() {
        sig |= match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => DIGIT,
            _ => NON_ASCII,
        };
    }
    sig
}

/// The edits a query word of `letters` characters forgives, with `extra` more (the relaxed
/// rules of "nearest offers" use one more, from one letter fewer).
pub fn max_edits(letters: usize, extra: usize) -> usize {
    let base = if letters >= TWO_EDITS_FROM {
        2
    } else if letters >= ONE_EDIT_FROM {
        1
    } else {
        0
    };
    if letters + extra < ONE_EDIT_FROM {
        0
    } else {
        base + extra
    }
}

/// A query word ready to be compared with many vocabulary words.
#[derive(Clone, Debug)]
pub struct Probe {
    chars: Vec<char>,
    /// Its length in bytes, and whether it is ASCII (bytes then count letters).
    bytes: usize,
    ascii: bool,
    sig: u32,
    /// Edits forgiven (0: the word only matches exactly or as a prefix).
    pub edits: usize,
}

impl Probe {
    /// `word` (folded) forgiving the edits its length allows, `extra` more; none when it has a
    /// digit.
    pub fn new(word: &str, extra: usize) -> Probe {
        let chars: Vec<char> = word.chars().collect();
        let sig = signature(word);
        let edits = if sig & DIGIT != 0 { 0 } else { max_edits(chars.len(), extra) };
        Probe { bytes: word.len(), ascii: word.is_ascii(), chars, sig, edits }
    }

    /// The edit distance from the probe to `word` (whose signature is `sig`), if at most the
    /// probe's `edits` and not 0. Words with digits never match.
    pub fn distance(&self, word: &str, sig: u32) -> Option<usize> {
        let k = self.edits;
        if k == 0 || sig & DIGIT != 0 || (self.sig ^ sig).count_ones() as usize > 2 * k {
            return None;
        }
        if self.ascii && sig & NON_ASCII == 0 && self.bytes.abs_diff(word.len()) > k {
            return None;
        }
        let d = bounded_osa(&self.chars, word, k)?;
        (d > 0).then_some(d)
    }
}

/// The optimal-string-alignment distance between `a` and `b` if it is at most `k`, else `None`.
/// Works on rows of at most `MAX_WORD` + 1 cells (longer words are cut by the tokeniser already).
pub fn bounded_osa(a: &[char], b: &str, k: usize) -> Option<usize> {
    const W: usize = MAX_WORD + 1;
    let mut bc = ['\0'; MAX_WORD];
    let mut m = 0;
    for c in b.chars() {
        if m == MAX_WORD {
            return None;
        }
        bc[m] = c;
        m += 1;
    }
    let n = a.len();
    if n > MAX_WORD || n.abs_diff(m) > k {
        return None;
    }
    let b = &bc[..m];
    // Rows i-2, i-1 and i of the distance table; cells beyond `k + 1` are capped there.
    let cap = k + 1;
    let (mut before, mut prev, mut cur) = ([0usize; W], [0usize; W], [0usize; W]);
    for (j, cell) in prev.iter_mut().enumerate().take(m + 1) {
        *cell = j.min(cap);
    }
    for i in 1..=n {
        cur[0] = i.min(cap);
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = (a[i - 1] != b[j - 1]) as usize;
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            cur[j] = d.min(cap);
            row_min = row_min.min(cur[j]);
        }
        if row_min > k {
            return None;
        }
        before = prev;
        prev = cur;
    }
    (prev[m] <= k).then_some(prev[m])
}

/// What the typo tests share: the plain distance they compare with, and a seeded generator.
#[cfg(test)]
pub mod testing {
    /// The plain optimal-string-alignment distance, the whole table, no bound.
    pub fn plain_osa(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for j in 0..=b.len() {
            d[0][j] = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    /// A small deterministic generator (xorshift), so failures replay.
    pub struct Rng(pub u64);
    impl Rng {
        pub fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        pub fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{plain_osa as osa, Rng};
    use super::*;

    #[test]
    fn bounded_distance_agrees_with_the_plain_table() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let letters: Vec<char> = "aeioucdnrst".chars().chain(['é', 'ø']).collect();
        for _ in 0..20_000 {
            let word = |rng: &mut Rng| -> String {
                let n = rng.below(12);
                (0..n).map(|_| letters[rng.below(letters.len())]).collect()
            };
            let (a, b) = (word(&mut rng), word(&mut rng));
            let d = osa(&a, &b);
            let ac: Vec<char> = a.chars().collect();
            for k in 0..4 {
                assert_eq!(bounded_osa(&ac, &b, k), (d <= k).then_some(d), "{a:?} {b:?} k={k}");
            }
        }
    }

    #[test]
    fn each_kind_of_edit_is_one() {
        let one = |a: &str, b: &str| bounded_osa(&a.chars().collect::<Vec<_>>(), b, 2);
        assert_eq!(one("educatuer", "educateur"), Some(1), "two letters swapped");
        assert_eq!(one("cordinateur", "coordinateur"), Some(1), "a letter missing");
        assert_eq!(one("bruxeles", "bruxelles"), Some(1));
        assert_eq!(one("accompagnemnt", "accompagnement"), Some(1));
        assert_eq!(one("maisson", "maison"), Some(1), "a letter extra");
        assert_eq!(one("jardimier", "jardinier"), Some(1), "a letter wrong");
        assert_eq!(one("ca", "abc"), None, "OSA, not Damerau: no edit inside a swapped pair");
    }

    #[test]
    fn edits_forgiven_by_length() {
        assert_eq!([3, 4, 5, 8, 9, 20].map(|n| max_edits(n, 0)), [0, 0, 1, 1, 2, 2]);
        assert_eq!([2, 3, 4, 6, 8, 9].map(|n| max_edits(n, 1)), [0, 0, 1, 2, 2, 3]);
        assert_eq!(Probe::new("lyon", 0).edits, 0);
        assert_eq!(Probe::new("75001", 0).edits, 0, "digits never forgive");
        assert_eq!(Probe::new("75001", 0).distance("75002", signature("75002")), None);
        let p = Probe::new("bruxeles", 0);
        assert_eq!(p.distance("bruxelles", signature("bruxelles")), Some(1));
        assert_eq!(p.distance("bruxeles", signature("bruxeles")), None, "the word itself is no typo");
        assert_eq!(p.distance("bruxelle5", signature("bruxelle5")), None, "words with digits never match");
    }
}
