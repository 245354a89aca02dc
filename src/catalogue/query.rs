//! What the visitor asks for (`Query`: text, facet filters, sort, expired toggle) and the keys
//! that name facets and sorts in URLs and in the UI.

use std::collections::{BTreeMap, BTreeSet};

/// A search request: a plain value the UI keeps in its state and passes to `Catalogue::search`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Query {
    /// Free text; every word must match (as a word prefix) somewhere in the posting.
    pub text: String,
    /// Selected value keys per facet: OR within a facet, AND between facets. An empty set is
    /// the same as no entry.
    pub filters: BTreeMap<Facet, BTreeSet<String>>,
    /// Result order.
    pub sort: Sort,
    /// Also list postings whose deadline has passed.
    pub show_expired: bool,
    /// Only these postings (by slug), e.g. the visitor's saved offers; `None` for all.
    pub only: Option<BTreeSet<String>>,
}

impl Query {
    /// Whether `value` is selected in `facet`.
    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.filters.get(&facet).is_some_and(|s| s.contains(value))
    }

    /// Selects `value` in `facet`, or unselects it when it was selected (dropping an emptied facet).
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let set = self.filters.entry(facet).or_default();
        if !set.remove(value) {
            set.insert(value.to_string());
        }
        if set.is_empty() {
            self.filters.remove(&facet);
        }
    }
}

/// A dimension the results can be filtered and counted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Kind,
    Contract,
    Country,
    City,
    Remote,
    Theme,
    Organization,
}

impl Facet {
    /// Every facet, in the order `Results::facets` lists them.
    pub const ALL: [Facet; 7] =
        [Facet::Kind, Facet::Contract, Facet::Country, Facet::City, Facet::Remote, Facet::Theme, Facet::Organization];

    /// The key used in URLs and config (`"kind"`, `"contract"`…).
    pub fn key(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::Contract => "contract",
            Facet::Country => "country",
            Facet::City => "city",
            Facet::Remote => "remote",
            Facet::Theme => "theme",
            Facet::Organization => "organization",
        }
    }

    /// The facet named by `key`, if any.
    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Position in `Facet::ALL`.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Result order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best text matches first; without text, the same as `Recent`.
    #[default]
    Relevance,
    /// Most recently published first; undated postings after, in data order.
    Recent,
    /// Nearest open deadline first, then postings without deadline, then expired ones.
    ClosingSoon,
    /// Highest yearly pay first; unknown pay last.
    Pay,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Recent, Sort::ClosingSoon, Sort::Pay];

    /// The key used in URLs (`"relevance"`, `"recent"`, `"closing"`, `"pay"`).
    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Recent => "recent",
            Sort::ClosingSoon => "closing",
            Sort::Pay => "pay",
        }
    }

    /// The sort named by `key`, if any.
    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for f in Facet::ALL {
            assert_eq!(Facet::from_key(f.key()), Some(f));
            assert_eq!(Facet::ALL[f.index()], f);
        }
        for s in Sort::ALL {
            assert_eq!(Sort::from_key(s.key()), Some(s));
        }
        assert_eq!(Facet::from_key("ville"), None);
        assert_eq!(Sort::from_key("closing"), Some(Sort::ClosingSoon));
        assert_eq!(Sort::from_key(""), None);
        assert_eq!(Sort::default(), Sort::Relevance);
    }

    #[test]
    fn toggle_adds_and_removes() {
        let mut q = Query::default();
        q.toggle(Facet::City, "Lyon");
        q.toggle(Facet::City, "Paris");
        assert!(q.is_selected(Facet::City, "Lyon"));
        q.toggle(Facet::City, "Lyon");
        assert!(!q.is_selected(Facet::City, "Lyon"));
        q.toggle(Facet::City, "Paris");
        assert!(q.filters.is_empty());
    }
}
