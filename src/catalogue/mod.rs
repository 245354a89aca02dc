//! Records → searchable index; `Query` → `Results` (ordered ids + facet counts).
//!
//! `Catalogue::new` builds everything a search needs once (text index, per-posting facet value
//! ids, sort keys); `Catalogue::search` then works on integers only: score the query terms over
//! the index, filter by facets and expiry, count facet values, sort ids.

mod deadline;
mod facets;
pub mod fold;
mod index;
pub mod length;
mod places;
pub mod order;
mod query;
pub mod pay;
pub mod regions;
pub mod start;
mod typo;
#[cfg(test)]
mod tests;

use std::cmp::Reverse;
use std::rc::Rc;

pub use crate::model::{Date, Posting};
pub use deadline::{deadline_status, DeadlineStatus};
pub use query::{Facet, FacetSet, FilterEntry, Filters, KeySet, Query, Sort};

use facets::FacetTable;
use index::{IndexBuilder, TextIndex};
use crate::model::body::Text;

/// Index of a posting in the catalogue (`0..len`).
pub type Id = u32;

/// The postings with their prebuilt search index. Cloning is cheap (the parts are shared).
#[derive(Debug, Clone)]
pub struct Catalogue {
    base: Rc<Base>,
    /// The index of the bodies that were not in the records (split feeds), once they are in: a
    /// few segments, each of a run of postings (built one after the other, so building never
    /// needs room for the whole index twice).
    bodies: Option<Rc<Vec<TextIndex>>>,
}

/// Words to index for a posting besides its own texts: the labels of its values in the language
/// of the interface, when that is not French (the record's labels are French), so that a visitor
/// can type what the filters say. The UI, which holds the wording, gives them
/// (`ui::i18n::label_words`).
pub type LabelWords = fn(&Posting, &mut dyn FnMut(&str));

/// Everything built from the records themselves.
#[derive(Debug)]
struct Base {
    postings: Vec<Posting>,
    labels: Option<LabelWords>,
    /// The index of the records' own texts, built at the first search with words (or in steps
    /// by a [`RecordsIndexer`]), so a first list is shown without waiting for it.
    text: std::cell::OnceCell<TextIndex>,
    /// One table per facet, in `Facet::ALL` order.
    facets: Vec<FacetTable>,
    /// Ids sorted by slug (stable, so the first of duplicate slugs comes first).
    by_slug: Vec<Id>,
    /// Position of each posting in `Sort::Recent` order.
    recent_rank: Vec<u32>,
    /// Deadline as a day number, per posting.
    deadline_day: Vec<Option<i64>>,
    /// `Pay::yearly`, per posting.
    yearly_pay: Vec<Option<u32>>,
}

impl Base {
    /// Adds the words of posting `n` to `builder`: its texts, and its label words if any.
    fn add_words(&self, builder: &mut IndexBuilder, n: usize) {
        let p = &self.postings[n];
        builder.add(n, |emit| {
            index::for_each_field(p, &mut *emit);
            if let Some(labels) = self.labels {
                labels(p, &mut |word| emit(word, index::OTHER));
            }
        });
    }
}

/// Builds a catalogue's index of its records' texts in steps; see [`Catalogue::records_indexer`].
pub struct RecordsIndexer {
    base: Rc<Base>,
    builder: IndexBuilder,
    next: usize,
}

impl RecordsIndexer {
    /// Indexes up to `count` more postings. Once all are in, the index becomes the catalogue's
    /// (unless a search built it meanwhile) and this returns `true`.
    pub fn step(&mut self, count: usize) -> bool {
        let postings = &self.base.postings;
        let end = self.next.saturating_add(count).min(postings.len());
        for n in self.next..end {
            self.base.add_words(&mut self.builder, n);
        }
        self.next = end;
        if end < postings.len() {
            return false;
        }
        if self.base.text.get().is_none() {
            let builder = std::mem::take(&mut self.builder);
            let _ = self.base.text.set(builder.finish(postings.len()));
        }
        true
    }
}

/// Collects the words of bodies that arrive apart from the records; see
/// [`Catalogue::body_indexer`].
pub struct BodyIndexer {
    segments: Vec<TextIndex>,
    builder: IndexBuilder,
    len: usize,
    segment_entries: usize,
}

/// A body index segment is closed once it holds this many (word, posting) pairs (4 MB of them).
const SEGMENT_ENTRIES: usize = 1 << 20;

impl BodyIndexer {
    /// Indexes the text of posting `id` (its body, and the contact named with its ways to apply,
    /// which the record would otherwise hold). Ids come in increasing order; a posting never given
    /// has no body words. Ids out of order or out of range are ignored.
    pub fn add(&mut self, id: Id, text: &Text) {
        let id = id as usize;
        if id < self.builder.next_id() || id >= self.len {
            return;
        }
        self.builder.add(id, |emit| {
            if let Some(contact) = &text.apply.contact {
                emit(contact, index::OTHER);
            }
            index::for_each_block(&text.body, emit)
        });
        if self.builder.entries() >= self.segment_entries {
            self.seal();
        }
    }

    /// Segments of at most about `entries` pairs instead (tests).
    #[cfg(test)]
    pub(crate) fn segment_every(mut self, entries: usize) -> BodyIndexer {
        self.segment_entries = entries;
        self
    }

    /// Closes the segment being built; the next starts after the last id added.
    fn seal(&mut self) {
        if self.builder.entries() == 0 {
            return;
        }
        let next = self.builder.next_id();
        let builder = std::mem::replace(&mut self.builder, IndexBuilder::starting_at(next));
        self.segments.push(builder.finish(self.len));
    }
}

/// What a query that finds nothing can offer instead ([`Catalogue::nearest`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Nearest {
    /// Nothing close enough.
    Nothing,
    /// The filters are what empties the list: without them the same search finds `count` offers.
    WithoutFilters { count: usize },
    /// Offers matched with relaxed rules (any of the words, one edit more), best first.
    Offers(Vec<Id>),
}

/// The answer to a `Query`.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// Matching postings, ordered by the sort.
    pub ids: Vec<Id>,
    /// `Catalogue::len()`.
    pub total: usize,
    /// Postings that match text and filters but are hidden because their deadline has passed
    /// (0 when the query shows expired postings).
    pub expired_hidden: usize,
    /// One entry per facet, in `Facet::ALL` order.
    pub facets: Vec<FacetCounts>,
}

/// The values of one facet with their counts.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetCounts {
    pub facet: Facet,
    /// By count (highest first), then label.
    pub values: Vec<FacetValue>,
}

/// One facet value and what selecting it would give.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetValue {
    /// The key: `Kind::key()`, `Contract::key()`, `Country::key()`, the city as written,
    /// `Remote::key()`, `Theme::key()`, or the organization name.
    pub value: String,
    /// The number of results with text and the other facets applied and this facet's
    /// selection being this value alone: while nothing is selected in the facet, the result
    /// count after clicking it. Values at 0 are listed only when selected.
    pub count: usize,
    pub selected: bool,
    /// For cities: the key of the city's country; `None` otherwise.
    pub parent: Option<String>,
}

impl Catalogue {
    /// Builds the index once.
    ///
    /// # Panics
    /// With more than 2^28 postings (ids share 32 bits with field flags in the index).
    pub fn new(postings: Vec<Posting>) -> Catalogue {
        Catalogue::with_label_words(postings, None)
    }

    /// [`Catalogue::new`], whose search also finds each posting by the `labels` words of its values.
    pub fn with_label_words(postings: Vec<Posting>, labels: Option<LabelWords>) -> Catalogue {
        assert!(
            postings.len() <= index::MAX_POSTINGS,
            "a catalogue holds at most {} postings, got {}",
            index::MAX_POSTINGS,
            postings.len()
        );
        let text = std::cell::OnceCell::new();
        let facets = Facet::ALL.iter().map(|&f| FacetTable::build(f, &postings)).collect();
        let mut by_slug: Vec<Id> = (0..postings.len() as Id).collect();
        order::sort_ids(&mut by_slug, &|a, b| postings[a as usize].id.cmp(&postings[b as usize].id));
        let mut recent: Vec<Id> = (0..postings.len() as Id).collect();
        order::sort_ids_by_key(&mut recent, |&i| (postings[i as usize].published.is_none(), Reverse(postings[i as usize].published)));
        let mut recent_rank = vec![0u32; postings.len()];
        for (r, &i) in recent.iter().enumerate() {
            recent_rank[i as usize] = r as u32;
        }
        let deadline_day = postings.iter().map(|p| p.deadline.map(Date::day_number)).collect();
        let yearly_pay = postings.iter().map(|p| p.pay.as_ref().and_then(|pay| pay.yearly())).collect();
        let base = Base { postings, labels, text, facets, by_slug, recent_rank, deadline_day, yearly_pay };
        Catalogue { base: Rc::new(base), bodies: None }
    }

    /// Starts an index of bodies kept apart from the records (a split feed's bodies file): add
    /// them with [`BodyIndexer::add`], then [`Catalogue::with_bodies`].
    pub fn body_indexer(&self) -> BodyIndexer {
        BodyIndexer {
            segments: Vec::new(),
            builder: IndexBuilder::default(),
            len: self.len(),
            segment_entries: SEGMENT_ENTRIES,
        }
    }

    /// This catalogue, whose search also looks in the bodies indexed by `indexer`.
    pub fn with_bodies(&self, mut indexer: BodyIndexer) -> Catalogue {
        indexer.seal();
        Catalogue { base: self.base.clone(), bodies: Some(Rc::new(indexer.segments)) }
    }

    /// Builds the index of the records' texts a few postings at a time, so the page stays
    /// responsive meanwhile (the widget starts it once the first list is on screen): call
    /// [`RecordsIndexer::step`] until it says all are in. `None` when the index is built already.
    pub fn records_indexer(&self) -> Option<RecordsIndexer> {
        self.base.text.get().is_none().then(|| RecordsIndexer { base: self.base.clone(), builder: IndexBuilder::default(), next: 0 })
    }

    /// The index of the records' texts, built whole now if the steps have not finished it.
    fn text_index(&self) -> &TextIndex {
        if let Some(mut indexer) = self.records_indexer() {
            indexer.step(usize::MAX);
        }
        self.base.text.get().expect("the indexer's last step sets the index")
    }

    /// Whether bodies kept apart from the records are indexed.
    pub fn has_separate_bodies(&self) -> bool {
        self.bodies.is_some()
    }

    /// Number of postings.
    pub fn len(&self) -> usize {
        self.base.postings.len()
    }

    /// Whether there are no postings.
    pub fn is_empty(&self) -> bool {
        self.base.postings.is_empty()
    }

    /// The posting with this id.
    ///
    /// # Panics
    /// When `id >= len()`.
    pub fn get(&self, id: Id) -> &Posting {
        &self.base.postings[id as usize]
    }

    /// All postings, indexed by `Id`.
    pub fn postings(&self) -> &[Posting] {
        &self.base.postings
    }

    /// The id of the posting whose slug (`Posting::id`) is `slug`.
    pub fn id_of(&self, slug: &str) -> Option<Id> {
        let i = self.base.by_slug.partition_point(|&id| self.base.postings[id as usize].id.as_str() < slug);
        self.base.by_slug.get(i).copied().filter(|&id| self.base.postings[id as usize].id == slug)
    }

    /// Number of distinct indexed words and of (word, posting) pairs: for size reports.
    pub fn index_size(&self) -> (usize, usize) {
        let bodies = self.bodies.iter().flat_map(|s| s.iter()).fold((0, 0), |(w, e), b| (w + b.vocabulary_len(), e + b.entries_len()));
        let text = self.text_index();
        (text.vocabulary_len() + bodies.0, text.entries_len() + bodies.1)
    }

    /// Bytes held by the text index (records and bodies), and by the typo signatures among them:
    /// for size reports.
    pub fn index_bytes(&self) -> (usize, usize) {
        let all = std::iter::once(self.text_index()).chain(self.bodies.iter().flat_map(|s| s.iter()));
        all.fold((0, 0), |(b, s), ix| (b + ix.heap_bytes(), s + 4 * ix.vocabulary_len()))
    }

    /// Per posting, its score for `terms` under `rules` (0: no match).
    fn text_scores(&self, terms: &[fold::Term], rules: index::Rules) -> Vec<u32> {
        let all: Vec<&TextIndex> =
            std::iter::once(self.text_index()).chain(self.bodies.iter().flat_map(|s| s.iter())).collect();
        index::score(&all, terms, self.len(), rules)
    }

    /// Runs `query` as of `today` (which decides what is expired).
    pub fn search(&self, query: &Query, today: Date) -> Results {
        let terms = fold::query_terms(&query.text);
        // Per posting, its text score (0: no match); `None` when the query has no text.
        let scores = (!terms.is_empty()).then(|| self.text_scores(&terms, index::Rules::STRICT));
        self.search_scored(query, scores, today)
    }

    /// What to offer when `query` finds nothing as of `today`: when its filters are what empties
    /// the list, to clear them; else up to `limit` offers matched with relaxed rules (any of the
    /// words, one edit more than the search forgives, words of 4 letters one), under the same
    /// filters, or without them when none is found with them. [`Nearest::Nothing`] when the query
    /// finds offers, or nothing is near.
    pub fn nearest(&self, query: &Query, today: Date, limit: usize) -> Nearest {
        if !self.search(query, today).ids.is_empty() {
            return Nearest::Nothing;
        }
        let filtered = query.filters.values().any(|v| !v.is_empty());
        let unfiltered = Query { filters: Filters::default(), ..query.clone() };
        if filtered {
            let count = self.search(&unfiltered, today).ids.len();
            if count > 0 {
                return Nearest::WithoutFilters { count };
            }
        }
        let terms = fold::query_terms(&query.text);
        if terms.is_empty() {
            return Nearest::Nothing;
        }
        let scores = self.text_scores(&terms, index::Rules::RELAXED);
        let relaxed = Query { sort: Sort::Relevance, ..query.clone() };
        let mut ids = self.search_scored(&relaxed, Some(scores.clone()), today).ids;
        if ids.is_empty() && filtered {
            ids = self.search_scored(&Query { sort: Sort::Relevance, ..unfiltered }, Some(scores), today).ids;
        }
        ids.truncate(limit);
        if ids.is_empty() {
            Nearest::Nothing
        } else {
            Nearest::Offers(ids)
        }
    }

    /// [`Catalogue::search`] with the text scores given (`None`: no text).
    fn search_scored(&self, query: &Query, scores: Option<Vec<u32>>, today: Date) -> Results {
        let n = self.len();
        let today = today.day_number();

        // The selected value ids of each filtered facet; unknown keys select nothing.
        let selections: Vec<(usize, Vec<bool>)> = Facet::ALL
            .iter()
            .filter_map(|f| {
                let keys = query.filters.get(f).filter(|k| !k.is_empty())?;
                let table = &self.base.facets[f.index()];
                let mut sel = vec![false; table.len()];
                if matches!(f, Facet::Start | Facet::Pay) {
                    // Month ranges select every month within them; a minimum every amount above.
                    for (v, key) in table.keys.iter().enumerate() {
                        sel[v] = if *f == Facet::Start { start::selects(keys, key) } else { pay::selects(keys, key) };
                    }
                } else {
                    for v in keys.iter().filter_map(|k| table.find(k)) {
                        sel[v as usize] = true;
                    }
                }
                Some((f.index(), sel))
            })
            .collect();

        // The postings `query.only` allows, by id; `None` allows all.
        let allowed = query.only.as_ref().map(|slugs| {
            let mut allowed = vec![false; n];
            for id in slugs.iter().filter_map(|s| self.id_of(s)) {
                allowed[id as usize] = true;
            }
            allowed
        });

        let mut counts: Vec<Vec<u32>> = self.base.facets.iter().map(|t| vec![0u32; t.len()]).collect();
        let mut ids: Vec<Id> = Vec::new();
        let mut expired_hidden = 0;
        for id in 0..n {
            if scores.as_ref().is_some_and(|s| s[id] == 0) || allowed.as_ref().is_some_and(|a| !a[id]) {
                continue;
            }
            let expired = self.base.deadline_day[id].is_some_and(|d| d < today);
            let hidden = expired && !query.show_expired;
            // Facets the posting fails: none → in the results; one → still counts for that
            // facet's values (what the results would be with that facet changed).
            let mut failed = None;
            let mut fails = 0;
            for (f, sel) in &selections {
                if !self.base.facets[*f].of(id).iter().any(|&v| sel[v as usize]) {
                    fails += 1;
                    failed = Some(*f);
                    if fails > 1 {
                        break;
                    }
                }
            }
            match (fails, hidden) {
                (0, true) => expired_hidden += 1,
                (0, false) => {
                    ids.push(id as Id);
                    for (t, c) in self.base.facets.iter().zip(counts.iter_mut()) {
                        for &v in t.of(id) {
                            c[v as usize] += 1;
                        }
                    }
                }
                (1, false) => {
                    let f = failed.expect("one failed facet");
                    for &v in self.base.facets[f].of(id) {
                        counts[f][v as usize] += 1;
                    }
                }
                _ => {}
            }
        }

        self.sort(&mut ids, query.sort, scores.as_deref(), today);
        let facets =
            Facet::ALL.iter().zip(counts).map(|(&facet, counts)| self.facet_counts(facet, &counts, query)).collect();
        Results { ids, total: n, expired_hidden, facets }
    }

    /// Orders result ids; every order ends with `Recent` order so it is total and stable.
    fn sort(&self, ids: &mut [Id], sort: Sort, scores: Option<&[u32]>, today: i64) {
        let rank = |id: &Id| self.base.recent_rank[*id as usize];
        match sort {
            Sort::Relevance if scores.is_some() => {
                let scores = scores.expect("checked");
                order::sort_ids_by_key(ids, |id| (Reverse(scores[*id as usize]), rank(id)))
            }
            Sort::Relevance | Sort::Recent => order::sort_ids_by_key(ids, rank),
            Sort::ClosingSoon => order::sort_ids_by_key(ids, |id| {
                let key = match self.base.deadline_day[*id as usize] {
                    Some(d) if d >= today => (0, d),
                    None => (1, 0),
                    Some(d) => (2, -d),
                };
                (key, rank(id))
            }),
            Sort::Pay => order::sort_ids_by_key(ids, |id| {
                let pay = self.base.yearly_pay[*id as usize];
                (pay.is_none(), Reverse(pay), rank(id))
            }),
        }
    }

    fn facet_counts(&self, facet: Facet, counts: &[u32], query: &Query) -> FacetCounts {
        let table = &self.base.facets[facet.index()];
        let selected = query.filters.get(&facet);
        let is_selected = |key: &str| selected.is_some_and(|s| s.contains(key));
        let mut values: Vec<(u32, FacetValue)> = Vec::new();
        for (v, &count) in counts.iter().enumerate() {
            let key = &table.keys[v];
            let sel = is_selected(key);
            if count > 0 || sel {
                let value = FacetValue {
                    value: key.clone(),
                    count: count as usize,
                    selected: sel,
                    parent: table.parents[v].map(|c| c.key().to_string()),
                };
                values.push((table.label_rank[v], value));
            }
        }
        // Selected keys no posting has (an old link): listed so they can be unselected.
        for key in selected.into_iter().flatten().filter(|k| table.find(k).is_none()) {
            values.push((u32::MAX, FacetValue { value: key.clone(), count: 0, selected: true, parent: None }));
        }
        // Lengths and starts keep their own order (shortest, soonest first); other values go by
        // count, then label.
        let by_rank = matches!(facet, Facet::Length | Facet::Start | Facet::Pay);
        order::sort_by(&mut values, |(ra, a), (rb, b)| {
            let by_count = if by_rank { std::cmp::Ordering::Equal } else { b.count.cmp(&a.count) };
            by_count.then(ra.cmp(rb)).then_with(|| a.value.cmp(&b.value))
        });
        FacetCounts { facet, values: values.into_iter().map(|(_, v)| v).collect() }
    }
}
