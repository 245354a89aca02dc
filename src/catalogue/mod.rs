//! Records → searchable index; `Query` → `Results` (ordered ids + facet counts).
//!
//! `Catalogue::new` builds everything a search needs once (text index, per-posting facet value
//! ids, sort keys); `Catalogue::search` then works on integers only: score the query terms over
//! the index, filter by facets and expiry, count facet values, sort ids.

mod deadline;
mod facets;
pub mod fold;
mod index;
pub mod order;
mod query;
#[cfg(test)]
mod tests;

use std::cmp::Reverse;

pub use crate::model::{Date, Posting};
pub use deadline::{deadline_status, DeadlineStatus};
pub use query::{Facet, FacetSet, FilterEntry, Filters, KeySet, Query, Sort};

use facets::FacetTable;
use index::TextIndex;

/// Index of a posting in the catalogue (`0..len`).
pub type Id = u32;

/// The postings with their prebuilt search index.
#[derive(Debug)]
pub struct Catalogue {
    postings: Vec<Posting>,
    text: TextIndex,
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
        assert!(
            postings.len() <= index::MAX_POSTINGS,
            "a catalogue holds at most {} postings, got {}",
            index::MAX_POSTINGS,
            postings.len()
        );
        let text = TextIndex::build(&postings);
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
        Catalogue { postings, text, facets, by_slug, recent_rank, deadline_day, yearly_pay }
    }

    /// Number of postings.
    pub fn len(&self) -> usize {
        self.postings.len()
    }

    /// Whether there are no postings.
    pub fn is_empty(&self) -> bool {
        self.postings.is_empty()
    }

    /// The posting with this id.
    ///
    /// # Panics
    /// When `id >= len()`.
    pub fn get(&self, id: Id) -> &Posting {
        &self.postings[id as usize]
    }

    /// All postings, indexed by `Id`.
    pub fn postings(&self) -> &[Posting] {
        &self.postings
    }

    /// The id of the posting whose slug (`Posting::id`) is `slug`.
    pub fn id_of(&self, slug: &str) -> Option<Id> {
        let i = self.by_slug.partition_point(|&id| self.postings[id as usize].id.as_str() < slug);
        self.by_slug.get(i).copied().filter(|&id| self.postings[id as usize].id == slug)
    }

    /// Number of distinct indexed words and of (word, posting) pairs: for size reports.
    pub fn index_size(&self) -> (usize, usize) {
        (self.text.vocabulary_len(), self.text.entries_len())
    }

    /// Runs `query` as of `today` (which decides what is expired).
    pub fn search(&self, query: &Query, today: Date) -> Results {
        let n = self.len();
        let terms = fold::query_terms(&query.text);
        // Per posting, its text score (0: no match); `None` when the query has no text.
        let scores = (!terms.is_empty()).then(|| self.text.score(&terms, n));
        let today = today.day_number();

        // The selected value ids of each filtered facet; unknown keys select nothing.
        let selections: Vec<(usize, Vec<bool>)> = Facet::ALL
            .iter()
            .filter_map(|f| {
                let keys = query.filters.get(f).filter(|k| !k.is_empty())?;
                let table = &self.facets[f.index()];
                let mut sel = vec![false; table.len()];
                for v in keys.iter().filter_map(|k| table.find(k)) {
                    sel[v as usize] = true;
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

        let mut counts: Vec<Vec<u32>> = self.facets.iter().map(|t| vec![0u32; t.len()]).collect();
        let mut ids: Vec<Id> = Vec::new();
        let mut expired_hidden = 0;
        for id in 0..n {
            if scores.as_ref().is_some_and(|s| s[id] == 0) || allowed.as_ref().is_some_and(|a| !a[id]) {
                continue;
            }
            let expired = self.deadline_day[id].is_some_and(|d| d < today);
            let hidden = expired && !query.show_expired;
            // Facets the posting fails: none → in the results; one → still counts for that
            // facet's values (what the results would be with that facet changed).
            let mut failed = None;
            let mut fails = 0;
            for (f, sel) in &selections {
                if !self.facets[*f].of(id).iter().any(|&v| sel[v as usize]) {
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
                    for (t, c) in self.facets.iter().zip(counts.iter_mut()) {
                        for &v in t.of(id) {
                            c[v as usize] += 1;
                        }
                    }
                }
                (1, false) => {
                    let f = failed.expect("one failed facet");
                    for &v in self.facets[f].of(id) {
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
        let rank = |id: &Id| self.recent_rank[*id as usize];
        match sort {
            Sort::Relevance if scores.is_some() => {
                let scores = scores.expect("checked");
                order::sort_ids_by_key(ids, |id| (Reverse(scores[*id as usize]), rank(id)))
            }
            Sort::Relevance | Sort::Recent => order::sort_ids_by_key(ids, rank),
            Sort::ClosingSoon => order::sort_ids_by_key(ids, |id| {
                let key = match self.deadline_day[*id as usize] {
                    Some(d) if d >= today => (0, d),
                    None => (1, 0),
                    Some(d) => (2, -d),
                };
                (key, rank(id))
            }),
            Sort::Pay => order::sort_ids_by_key(ids, |id| {
                let pay = self.yearly_pay[*id as usize];
                (pay.is_none(), Reverse(pay), rank(id))
            }),
        }
    }

    fn facet_counts(&self, facet: Facet, counts: &[u32], query: &Query) -> FacetCounts {
        let table = &self.facets[facet.index()];
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
        order::sort_by(&mut values, |(ra, a), (rb, b)| b.count.cmp(&a.count).then(ra.cmp(rb)).then_with(|| a.value.cmp(&b.value)));
        FacetCounts { facet, values: values.into_iter().map(|(_, v)| v).collect() }
    }
}
