//! The full-text index: a sorted vocabulary of folded words, each with the ids of the postings
//! containing it and the kinds of field it appears in; and the scoring of query terms over it.
//!
//! Layout (built once, no per-word allocation afterwards): all words concatenated in one
//! `String`; per word an end offset and a slice of `entries`, each entry `id << 4 | fields`.
//! A prefix is a binary-searched range of the vocabulary. A query word of 5 letters or more also
//! matches the words one or two edits away (`typo`): the vocabulary is scanned with a 4-byte
//! letter signature per word, and such matches score below every exact or prefix match.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::fold::{Term, Tokenizer};
use super::typo::{self, Probe};
use crate::model::{Block, Posting};

/// Field bits of an entry, from the weakest to the strongest.
pub const BODY: u8 = 1;
pub const OTHER: u8 = 2;
pub const ORGANIZATION: u8 = 4;
pub const TITLE: u8 = 8;
const FIELD_BITS: u32 = 4;

/// Most postings an index can hold (ids share a `u32` with the field bits).
pub const MAX_POSTINGS: usize = 1 << (32 - FIELD_BITS);

/// A small multiply-rotate hasher for short keys (words, facet values): much faster than the
/// default SipHash when indexing millions of words, and needs no random seed in the browser.
/// Keys come from the catalogue's own data, so flooding resistance is not needed.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl KeyHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last) ^ (rest.len() as u64) << 59);
    }

    fn write_u8(&mut self, b: u8) {
        self.add(b as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by the catalogue's own strings.
pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// Calls `f` with each searchable text of `p` and its field bit.
pub fn for_each_field(p: &Posting, mut f: impl FnMut(&str, u8)) {
    f(&p.title, TITLE);
    f(&p.organization, ORGANIZATION);
    for partner in &p.partners {
        f(partner, OTHER);
    }
    for place in &p.places {
        for s in [&place.city, &place.postal_code, &place.department, &place.region].into_iter().flatten() {
            f(s, OTHER);
        }
        if let (Some(city), crate::model::Country::BE) = (&place.city, place.country) {
            for name in super::places::other_names(city) {
                f(name, OTHER);
            }
        }
        f(place.country.label(), OTHER);
    }
    f(p.kind.label(), OTHER);
    if p.contract != crate::model::Contract::None {
        f(p.contract.label(), OTHER);
    }
    for t in &p.themes {
        f(t.label(), OTHER);
    }
    if let Some(pay) = &p.pay {
        f(&pay.text, OTHER);
    }
    if let Some(c) = &p.apply.contact {
        f(c, OTHER);
    }
    for_each_block(&p.body, f);
}

/// Calls `f` with each text of `body` and the field bit `BODY`.
pub fn for_each_block(body: &[Block], mut f: impl FnMut(&str, u8)) {
    for block in body {
        match block {
            Block::Heading { text } | Block::Paragraph { text } => f(text, BODY),
            Block::List { items } => {
                for item in items {
                    f(&item.text, BODY);
                    for child in &item.children {
                        f(child, BODY);
                    }
                }
            }
        }
    }
}

/// How an indexed word matched a query word, from the weakest to the strongest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    /// Two edits or more away (typos).
    FarTypo,
    /// One edit away.
    Typo,
    /// Starts with the query word.
    Prefix,
    /// Is the query word.
    Whole,
}

/// A term's score in a posting above which it matched exactly or as a prefix (not by a typo).
const TYPO_SCORES: u8 = 8;

/// What a term adds to a posting's score: an exact or prefix match outweighs any number of
/// typo matches, so postings that need no typo come first.
fn term_weight(best: u8) -> u32 {
    if best > TYPO_SCORES {
        (1 << 16) + best as u32
    } else {
        best as u32
    }
}

/// Score of one term in one posting, from how its word matched and the best field it matched
/// in: exact or prefix (9–16) above typos (1–8); then title > organization > other > body;
/// then whole > prefix, one edit > two.
fn entry_score(fields: u8, m: Match) -> u8 {
    let class = if fields & TITLE != 0 {
        3
    } else if fields & ORGANIZATION != 0 {
        2
    } else if fields & OTHER != 0 {
        1
    } else {
        0
    };
    let (base, strong) = match m {
        Match::FarTypo => (0, 0),
        Match::Typo => (0, 1),
        Match::Prefix => (TYPO_SCORES, 0),
        Match::Whole => (TYPO_SCORES, 1),
    };
    base + 1 + class * 2 + strong
}

/// One query term's work: the entry lists to walk (each with how its word matched), and their
/// total length.
type Plan<'a> = (Vec<(&'a [u32], Match)>, usize);

/// Sorted vocabulary with posting lists.
#[derive(Debug, Default)]
pub struct TextIndex {
    words: String,
    /// `word_end[i]` is where word `i` ends in `words` (it starts where word `i-1` ends).
    word_end: Vec<u32>,
    /// Word `i`'s entries are `entries[list_start[i]..list_start[i+1]]`.
    list_start: Vec<u32>,
    /// `id << 4 | field bits`, ids ascending within a word.
    entries: Vec<u32>,
    /// Per word, its letter signature (`typo::signature`), to find typos' words quickly.
    signatures: Vec<u32>,
    /// Prefixes whose words together have more than two entries per posting (`c`, `de`,
    /// `pro`…), sorted, with their lists merged: one entry per posting, fields OR'ed. A short
    /// query word then costs at most one entry per posting instead of a walk over thousands of
    /// words.
    merged_prefixes: Vec<Box<str>>,
    /// Prefix `i`'s merged entries are `merged[merged_start[i]..merged_start[i+1]]`.
    merged_start: Vec<u32>,
    merged: Vec<u32>,
}

/// Collects the words of postings one at a time, then freezes them into a [`TextIndex`]. Lets an
/// index be built in steps (the bodies of a split feed arrive after the list is shown).
pub struct IndexBuilder {
    tok: Tokenizer,
    ids: Map<Box<str>, u32>,
    vocab: Vec<Box<str>>,
    /// Per posting, its distinct words as `word id << 4 | fields`.
    flat: Vec<u32>,
    flat_end: Vec<u32>,
    /// Per word: 1 + the last posting it was seen in, and where its entry is in `flat`.
    seen_in: Vec<u32>,
    seen_at: Vec<u32>,
}

impl Default for IndexBuilder {
    fn default() -> Self {
        IndexBuilder {
            tok: Tokenizer::new(),
            ids: Map::default(),
            vocab: Vec::new(),
            flat: Vec::new(),
            flat_end: Vec::new(),
            seen_in: Vec::new(),
            seen_at: Vec::new(),
        }
    }
}

impl IndexBuilder {
    /// A builder whose first posting is `id` (the ids before it have no words).
    pub fn starting_at(id: usize) -> IndexBuilder {
        IndexBuilder { flat_end: vec![0; id], ..IndexBuilder::default() }
    }

    /// Number of (word, posting) pairs so far.
    pub fn entries(&self) -> usize {
        self.flat.len()
    }

    /// Number of postings added or skipped so far: the next id `add` accepts.
    pub fn next_id(&self) -> usize {
        self.flat_end.len()
    }

    /// Adds posting `id`, whose texts `texts` hands to the callback it is given (text, field
    /// bit). Ids come in increasing order; ids skipped have no words.
    ///
    /// # Panics
    /// When `id` is below `next_id()`.
    pub fn add(&mut self, id: usize, texts: impl FnOnce(&mut dyn FnMut(&str, u8))) {
        assert!(id >= self.flat_end.len(), "posting {id} added after posting {}", self.flat_end.len());
        while self.flat_end.len() < id {
            self.flat_end.push(self.flat.len() as u32);
        }
        let mark = id as u32 + 1;
        let IndexBuilder { tok, ids, vocab, flat, seen_in, seen_at, .. } = self;
        texts(&mut |text, field| {
            tok.words(text, |w| {
                let id = match ids.get(w) {
                    Some(&id) => id as usize,
                    None => {
                        let id = vocab.len();
                        vocab.push(w.into());
                        ids.insert(w.into(), id as u32);
                        seen_in.push(0);
                        seen_at.push(0);
                        id
                    }
                };
                if seen_in[id] == mark {
                    flat[seen_at[id] as usize] |= field as u32;
                } else {
                    seen_in[id] = mark;
                    seen_at[id] = flat.len() as u32;
                    flat.push((id as u32) << FIELD_BITS | field as u32);
                }
            })
        });
        self.flat_end.push(self.flat.len() as u32);
    }

    /// The index of the `n` postings added (ids from `next_id()` to `n` have no words).
    pub fn finish(self, n: usize) -> TextIndex {
        let IndexBuilder { vocab, flat, mut flat_end, ids, seen_in, seen_at, .. } = self;
        drop((ids, seen_in, seen_at));
        while flat_end.len() < n {
            flat_end.push(flat.len() as u32);
        }
        // Alphabetical order of the vocabulary.
        let mut order: Vec<u32> = (0..vocab.len() as u32).collect();
        super::order::sort_ids(&mut order, &|a, b| vocab[a as usize].cmp(&vocab[b as usize]));
        let mut rank = vec![0u32; vocab.len()];
        for (r, &w) in order.iter().enumerate() {
            rank[w as usize] = r as u32;
        }
        let mut count = vec![0u32; vocab.len() + 1];
        for &e in &flat {
            count[rank[(e >> FIELD_BITS) as usize] as usize + 1] += 1;
        }
        for i in 1..count.len() {
            count[i] += count[i - 1];
        }
        let list_start = count.clone();
        let mut entries = vec![0u32; flat.len()];
        let mut start = 0usize;
        for (id, &end) in flat_end.iter().enumerate() {
            for &e in &flat[start..end as usize] {
                let slot = &mut count[rank[(e >> FIELD_BITS) as usize] as usize];
                entries[*slot as usize] = (id as u32) << FIELD_BITS | (e & 0xf);
                *slot += 1;
            }
            start = end as usize;
        }
        drop(flat);
        let mut words = String::with_capacity(vocab.iter().map(|w| w.len()).sum());
        let mut word_end = Vec::with_capacity(vocab.len());
        let mut signatures = Vec::with_capacity(vocab.len());
        for &w in &order {
            words.push_str(&vocab[w as usize]);
            word_end.push(words.len() as u32);
            signatures.push(typo::signature(&vocab[w as usize]));
        }
        let mut ix =
            TextIndex { words, word_end, list_start, entries, signatures, merged_start: vec![0], ..TextIndex::default() };
        ix.merge_heavy_prefixes(n);
        ix
    }
}

impl TextIndex {
    /// Indexes `postings` (at most `MAX_POSTINGS`; the caller checks); the catalogue builds its
    /// own the same way, with its label words (`Base::add_words`).
    #[cfg(test)]
    pub fn build(postings: &[Posting]) -> TextIndex {
        let mut builder = IndexBuilder::default();
        for (n, p) in postings.iter().enumerate() {
            builder.add(n, |emit| for_each_field(p, emit));
        }
        builder.finish(postings.len())
    }

    /// Fills `merged_*` for every prefix whose range has more than `2 n` entries. Such a
    /// prefix's parent prefix is heavy too, so the search walks down from one-letter prefixes.
    fn merge_heavy_prefixes(&mut self, n: usize) {
        let threshold = 2 * n.max(1);
        let mut mask = vec![0u8; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut heavy: Vec<(String, Vec<u32>)> = Vec::new();
        // Prefixes one character longer than `prefix` among the words of `range`.
        let children = |prefix: &str, range: Range<usize>| {
            let mut out = Vec::new();
            let mut i = range.start;
            while i < range.end {
                let w = self.word(i);
                match w[prefix.len()..].chars().next() {
                    Some(c) => {
                        let child = &w[..prefix.len() + c.len_utf8()];
                        let r = self.prefix_range(child);
                        i = r.end;
                        out.push((child.to_string(), r));
                    }
                    None => i += 1,
                }
            }
            out
        };
        let mut level = children("", 0..self.vocabulary_len());
        while !level.is_empty() {
            let mut next = Vec::new();
            for (prefix, range) in level {
                if self.entries_of(range.clone()).len() <= threshold {
                    continue;
                }
                for &e in self.entries_of(range.clone()) {
                    let id = (e >> FIELD_BITS) as usize;
                    if mask[id] == 0 {
                        touched.push(id as u32);
                    }
                    mask[id] |= (e & 0xf) as u8;
                }
                let list = touched.iter().map(|&id| id << FIELD_BITS | std::mem::take(&mut mask[id as usize]) as u32);
                heavy.push((prefix.clone(), list.collect()));
                touched.clear();
                next.extend(children(&prefix, range));
            }
            level = next;
        }
        super::order::sort_by(&mut heavy, |a, b| a.0.cmp(&b.0));
        for (prefix, list) in heavy {
            self.merged_prefixes.push(prefix.into());
            self.merged.extend(list);
            self.merged_start.push(self.merged.len() as u32);
        }
    }

    /// The merged list of `prefix`, if it is a heavy prefix.
    fn merged_of(&self, prefix: &str) -> Option<&[u32]> {
        let i = self.merged_prefixes.binary_search_by(|p| (**p).cmp(prefix)).ok()?;
        Some(&self.merged[self.merged_start[i] as usize..self.merged_start[i + 1] as usize])
    }

    /// Number of distinct words.
    pub fn vocabulary_len(&self) -> usize {
        self.word_end.len()
    }

    /// Number of (word, posting) pairs.
    pub fn entries_len(&self) -> usize {
        self.entries.len()
    }

    /// Word `i` of the sorted vocabulary.
    pub fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.word_end[i - 1] as usize };
        &self.words[start..self.word_end[i] as usize]
    }

    /// The vocabulary words starting with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let n = self.vocabulary_len();
        let lo = partition(n, |i| self.word(i) < prefix);
        let hi = lo + partition(n - lo, |i| self.word(lo + i).starts_with(prefix));
        lo..hi
    }

    /// The vocabulary position of `word`, if indexed.
    pub fn find(&self, word: &str) -> Option<usize> {
        let i = partition(self.vocabulary_len(), |i| self.word(i) < word);
        (i < self.vocabulary_len() && self.word(i) == word).then_some(i)
    }

    fn entries_of(&self, words: Range<usize>) -> &[u32] {
        &self.entries[self.list_start[words.start] as usize..self.list_start[words.end] as usize]
    }

    /// Scores every posting against all `terms` (AND): `scores[id]` is 0 when some term does
    /// not match, else the sum over terms of the best match's score. `n` = number of postings.
    #[cfg(test)]
    pub fn score(&self, terms: &[Term], n: usize) -> Vec<u32> {
        score(&[self], terms, n, Rules::STRICT)
    }

    /// The vocabulary words a typo away from one of `probes` (each forgiving its own number of
    /// edits) that do not start with any of `prefixes` (those match already), with their
    /// distance. A scan of the vocabulary: signatures and lengths rule out nearly every word
    /// before an edit distance is computed.
    pub fn typo_matches(&self, probes: &[Probe], prefixes: &[String], mut found: impl FnMut(usize, usize)) {
        if probes.iter().all(|p| p.edits == 0) {
            return;
        }
        let mut start = 0usize;
        for (i, (&end, &sig)) in self.word_end.iter().zip(&self.signatures).enumerate() {
            let word = &self.words[start..end as usize];
            start = end as usize;
            let best = probes.iter().filter_map(|p| p.distance(word, sig)).min();
            if let Some(d) = best {
                if !prefixes.iter().any(|p| word.starts_with(p.as_str())) {
                    found(i, d);
                }
            }
        }
    }

    /// The lists one term walks in this index, each with how its word matched.
    fn term_lists<'a>(&'a self, t: &Term, rules: Rules, lists: &mut Vec<(&'a [u32], Match)>) {
        let exact: Vec<usize> = t.exact.iter().filter_map(|w| self.find(w)).collect();
        let kind = |w: &usize| if exact.contains(w) { Match::Whole } else { Match::Prefix };
        for prefix in &t.prefixes {
            let range = self.prefix_range(prefix);
            if let Some(merged) = self.merged_of(prefix) {
                lists.push((merged, Match::Prefix));
                let whole = exact.iter().filter(|w| range.contains(w));
                lists.extend(whole.map(|&w| (self.entries_of(w..w + 1), Match::Whole)));
            } else {
                lists.extend(range.map(|w| (self.entries_of(w..w + 1), kind(&w))));
            }
        }
        if let Some(extra) = rules.typos {
            let probes: Vec<Probe> = t.prefixes.iter().map(|p| Probe::new(p, extra)).collect();
            self.typo_matches(&probes, &t.prefixes, |w, d| {
                lists.push((self.entries_of(w..w + 1), if d == 1 { Match::Typo } else { Match::FarTypo }))
            });
        }
    }

    /// Bytes held by the index's arrays (the vocabulary, its offsets and signatures, the entry
    /// lists, the merged prefixes): for size reports.
    pub fn heap_bytes(&self) -> usize {
        let merged_names: usize = self.merged_prefixes.iter().map(|p| p.len() + 16).sum();
        self.words.len()
            + 4 * (self.word_end.len() + self.list_start.len() + self.entries.len() + self.signatures.len())
            + 4 * (self.merged_start.len() + self.merged.len())
            + merged_names
    }
}

/// How query terms match postings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// Every term must match (AND), else any (OR: postings that match more terms score higher).
    pub all: bool,
    /// Typos forgiven: `None` for none, else this many edits more than `typo::max_edits` gives.
    pub typos: Option<usize>,
}

impl Rules {
    /// The search's rules: every word, typos forgiven by length.
    pub const STRICT: Rules = Rules { all: true, typos: Some(0) };
    /// The rules of the nearest offers: any word, one edit more.
    pub const RELAXED: Rules = Rules { all: false, typos: Some(1) };
}

/// Scores every posting against `terms` over several indexes of the same postings (a term
/// matches a posting when it matches in any of them). With `rules.all` (AND), `scores[id]` is 0
/// when some term does not match, else the sum over terms of the best match's weight
/// (`term_weight`). Without (OR), it is 0 when no term matches, else the number of terms matched
/// (first) and the sum of their weights. `n` = number of postings.
pub fn score(indexes: &[&TextIndex], terms: &[Term], n: usize, rules: Rules) -> Vec<u32> {
    {
        let mut scores = vec![0u32; n];
        let mut plans: Vec<Plan> = terms
            .iter()
            .map(|t| {
                let mut lists = Vec::new();
                for ix in indexes {
                    ix.term_lists(t, rules, &mut lists);
                }
                let cost = lists.iter().map(|l| l.0.len()).sum();
                (lists, cost)
            })
            .collect();
        if !rules.all {
            return score_any(&plans, n);
        }
        if plans.is_empty() || plans.iter().any(|p| p.1 == 0) {
            return scores;
        }
        // Rarest term first: later terms only look at postings that matched all earlier ones.
        super::order::sort_by(&mut plans, |a, b| a.1.cmp(&b.1));
        let mut matched = vec![0u32; n];
        let mut best = vec![0u8; n];
        let mut touched: Vec<u32> = Vec::new();
        for (t, (lists, _)) in plans.iter().enumerate() {
            let t = t as u32;
            touched.clear();
            for &(list, how) in lists {
                for &e in list {
                    let id = (e >> FIELD_BITS) as usize;
                    if matched[id] != t {
                        continue;
                    }
                    let s = entry_score((e & 0xf) as u8, how);
                    if best[id] == 0 {
                        touched.push(id as u32);
                    }
                    if s > best[id] {
                        best[id] = s;
                    }
                }
            }
            if touched.is_empty() {
                return vec![0u32; n];
            }
            for &id in &touched {
                let id = id as usize;
                matched[id] += 1;
                scores[id] = scores[id].saturating_add(term_weight(best[id]));
                best[id] = 0;
            }
        }
        let all = plans.len() as u32;
        for (s, m) in scores.iter_mut().zip(&matched) {
            if *m != all {
                *s = 0;
            }
        }
        scores
    }
}

/// The OR scores of [`score`]: per posting, the terms it matches (above all) and their weights.
fn score_any(plans: &[Plan], n: usize) -> Vec<u32> {
    let mut scores = vec![0u32; n];
    let mut best = vec![0u8; n];
    let mut touched: Vec<u32> = Vec::new();
    for (lists, _) in plans {
        for &(list, how) in lists {
            for &e in list {
                let id = (e >> FIELD_BITS) as usize;
                let s = entry_score((e & 0xf) as u8, how);
                if best[id] == 0 {
                    touched.push(id as u32);
                }
                best[id] = best[id].max(s);
            }
        }
        for id in touched.drain(..) {
            let id = id as usize;
            let weight = (1 << 24) + term_weight(std::mem::take(&mut best[id]));
            scores[id] = scores[id].saturating_add(weight);
        }
    }
    scores
}

/// The first `i` in `0..n` for which `before(i)` is false (`before` must be true then false).
fn partition(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::fold::query_terms;
    use crate::model::{Contract, Kind};

    fn posting(title: &str, org: &str, body: &str) -> Posting {
        Posting {
            id: fold_slug(title),
            kind: Kind::Emploi,
            contract: Contract::None,
            title: title.into(),
            organization: org.into(),
            partners: vec![],
            places: vec![],
            remote: Default::default(),
            pay: None,
            hours_per_week: None,
            duration_months: None,
            start: None,
            deadline: None,
            published: None,
            apply: Default::default(),
            themes: vec![],
            body: vec![Block::Paragraph { text: body.into() }],
            source: None,
        }
    }

    fn fold_slug(s: &str) -> String {
        crate::catalogue::fold::index_words(s).join("-")
    }

    fn sample() -> TextIndex {
        TextIndex::build(&[
            posting("Chargé·e de mission", "Maison des Solidarités", "Lyon, télétravail partiel"),
            posting("Animateur jeunesse", "Centre social", "Chargé de la mission jeunesse"),
            posting("Comptable", "Chargeurs Réunis", "œuvre collective"),
        ])
    }

    #[test]
    fn vocabulary_is_sorted_and_unique() {
        let ix = sample();
        let words: Vec<&str> = (0..ix.vocabulary_len()).map(|i| ix.word(i)).collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]), "{words:?}");
        assert!(words.contains(&"chargee") && words.contains(&"oeuvre"));
        assert_eq!(ix.find("mission"), words.iter().position(|w| *w == "mission"));
        assert_eq!(ix.find("missio"), None);
        assert_eq!(ix.find("zzz"), None);
    }

    #[test]
    fn prefix_ranges() {
        let ix = sample();
        let r = ix.prefix_range("charg");
        let words: Vec<&str> = r.map(|i| ix.word(i)).collect();
        assert_eq!(words, ["charge", "chargee", "chargeurs"]);
        assert!(ix.prefix_range("zz").is_empty());
        assert!(ix.prefix_range("").len() == ix.vocabulary_len());
    }

    #[test]
    fn posting_lists_merge_fields() {
        let ix = sample();
        let w = ix.find("mission").unwrap();
        // Posting 0: title; posting 1: body.
        assert_eq!(ix.entries_of(w..w + 1), [TITLE as u32, 1 << FIELD_BITS | BODY as u32]);
        let w = ix.find("jeunesse").unwrap();
        assert_eq!(ix.entries_of(w..w + 1), [1 << FIELD_BITS | (TITLE | BODY) as u32]);
    }

    #[test]
    fn merged_prefixes_score_like_plain_lists() {
        let texts = [
            "Chargé de mission développement durable, coordination des chantiers",
            "Coordinatrice de projets culturels ; chargée de la communication",
            "Comptable, contrôle de gestion, clôture des comptes, de décembre à décembre",
            "Directeur·rice d'un centre social de quartier, cadre de direction",
            "Développeur web pour une coopérative de données",
        ];
        let ps: Vec<Posting> =
            texts.iter().enumerate().map(|(i, t)| posting(&format!("P{i} {t}"), "Coop", t)).collect();
        let ix = TextIndex::build(&ps);
        assert!(ix.merged_of("c").is_some() && ix.merged_of("d").is_some(), "{:?}", ix.merged_prefixes);
        assert!(ix.merged_of("zz").is_none());
        // Each posting appears once per merged list.
        let c = ix.merged_of("c").unwrap();
        let mut ids: Vec<u32> = c.iter().map(|e| e >> FIELD_BITS).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), c.len());
        let mut plain = TextIndex::build(&ps);
        plain.merged_prefixes.clear();
        plain.merged_start.truncate(1);
        plain.merged.clear();
        for q in ["c", "d", "de", "co", "coo", "ch", "charge", "d c", "de de", "p", "p0 c", "directrice", "x", "cl d"] {
            let terms = query_terms(q);
            assert_eq!(ix.score(&terms, ps.len()), plain.score(&terms, ps.len()), "{q}");
        }
    }

    #[test]
    fn scores_and_and() {
        let ix = sample();
        let score = |q: &str| ix.score(&query_terms(q), 3);
        // "charg" is in all three: title (0), body (1), organization (2).
        let s = score("charg");
        assert!(s[0] > s[2] && s[2] > s[1] && s[1] > 0, "{s:?}");
        // AND: only posting 1 has both.
        let s = score("charg jeunesse");
        assert_eq!(s.iter().map(|&x| x > 0).collect::<Vec<_>>(), [false, true, false]);
        // A whole word beats a prefix in the same field.
        let s = score("mission");
        let p = score("missio");
        assert!(s[0] > p[0] && s[1] > p[1]);
        assert_eq!(score("introuvable"), [0, 0, 0]);
        assert_eq!(score("charg introuvable"), [0, 0, 0]);
        assert_eq!(score("oeuvre"), [0, 0, term_weight(entry_score(BODY, Match::Whole))]);
    }

    /// A random edit of `w`: a letter wrong, missing, extra, or two neighbours swapped.
    fn edit(w: &mut Vec<char>, rng: &mut crate::catalogue::typo::testing::Rng) {
        const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
        let letter = |rng: &mut crate::catalogue::typo::testing::Rng| LETTERS[rng.below(26)] as char;
        match rng.below(4) {
            0 if !w.is_empty() => {
                let i = rng.below(w.len());
                w[i] = letter(rng);
            }
            1 if !w.is_empty() => {
                w.remove(rng.below(w.len()));
            }
            3 if w.len() > 1 => {
                let i = rng.below(w.len() - 1);
                w.swap(i, i + 1);
            }
            _ => {
                let i = rng.below(w.len() + 1);
                w.insert(i, letter(rng));
            }
        }
    }

    #[test]
    fn typo_matches_are_what_a_plain_scan_of_the_vocabulary_finds() {
        use crate::catalogue::typo::testing::{plain_osa, Rng};
        use crate::catalogue::typo::Probe;
        let vocabulary: Vec<&str> = include_str!("../../tests/fixtures/typo-vocabulary.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        let ps: Vec<Posting> =
            vocabulary.chunks(40).enumerate().map(|(i, c)| posting(&format!("p{i}"), "", &c.join(" "))).collect();
        let ix = TextIndex::build(&ps);
        assert!(ix.vocabulary_len() > 6000, "{}", ix.vocabulary_len());
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let (mut checked, mut with_matches) = (0, 0);
        for _ in 0..200 {
            let mut w: Vec<char> = ix.word(rng.below(ix.vocabulary_len())).chars().collect();
            for _ in 0..rng.below(4) {
                edit(&mut w, &mut rng);
            }
            let q: String = w.into_iter().collect();
            for extra in [0, 1] {
                let probe = Probe::new(&q, extra);
                let mut got = Vec::new();
                ix.typo_matches(std::slice::from_ref(&probe), std::slice::from_ref(&q), |i, d| got.push((i, d)));
                let digits = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
                let want: Vec<(usize, usize)> = (0..ix.vocabulary_len())
                    .filter_map(|i| {
                        let v = ix.word(i);
                        if v.starts_with(q.as_str()) || digits(v) || digits(&q) || v.len().abs_diff(q.len()) > 3 {
                            return None;
                        }
                        let d = plain_osa(&q, v);
                        (d > 0 && d <= probe.edits).then_some((i, d))
                    })
                    .collect();
                assert_eq!(got, want, "{q:?} (+{extra})");
                checked += 1;
                with_matches += usize::from(!want.is_empty());
                if q.chars().count() < 5 && extra == 0 {
                    assert!(got.is_empty(), "{q:?}: a word under 5 letters never matches a typo");
                }
            }
        }
        assert!(with_matches > checked / 4, "{with_matches} of {checked}: too few queries exercise matches");
    }
}
