//! What the visitor asks for (`Query`: text, facet filters, sort, expired toggle), the keys
//! that name facets and sorts in URLs and in the UI, and the small sorted collections a query
//! holds (`KeySet`, `Filters`, `FacetSet`): sorted vectors and a bit set, which compile to far
//! less wasm than `BTreeSet`/`BTreeMap` and keep the same order and equality.

use std::ops::Index;

use super::order;

/// A search request: a plain value the UI keeps in its state and passes to `Catalogue::search`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Query {
    /// Free text; every word must match (as a word prefix) somewhere in the posting.
    pub text: String,
    /// Selected value keys per facet: OR within a facet, AND between facets. An empty set is
    /// the same as no entry.
    pub filters: Filters,
    /// Result order.
    pub sort: Sort,
    /// Also list postings whose deadline has passed.
    pub show_expired: bool,
    /// Only these postings (by slug), e.g. the visitor's saved offers; `None` for all.
    pub only: Option<KeySet>,
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
    Length,
    Start,
    Pay,
    Country,
    Region,
    City,
    Remote,
    Theme,
    Organization,
}

impl Facet {
    /// Every facet, in the order `Results::facets` lists them.
    pub const ALL: [Facet; 11] = [
        Facet::Kind,
        Facet::Contract,
        Facet::Length,
        Facet::Start,
        Facet::Pay,
        Facet::Country,
        Facet::Region,
        Facet::City,
        Facet::Remote,
        Facet::Theme,
        Facet::Organization,
    ];

    /// The key used in URLs and config (`"kind"`, `"contract"`…).
    pub fn key(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::Contract => "contract",
            Facet::Length => "length",
            Facet::Start => "start",
            Facet::Pay => "pay",
            Facet::Country => "country",
            Facet::Region => "region",
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

/// A set of strings (facet value keys, posting slugs) as a sorted vector without duplicates:
/// iterates in byte order, like a `BTreeSet<String>`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct KeySet(Vec<String>);

impl KeySet {
    /// An empty set.
    pub fn new() -> KeySet {
        KeySet(Vec::new())
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|k| k.as_str().cmp(key))
    }

    /// Whether `key` is in the set.
    pub fn contains(&self, key: &str) -> bool {
        self.position(key).is_ok()
    }

    /// Adds `key`; whether it was not there yet.
    pub fn insert(&mut self, key: String) -> bool {
        match self.position(&key) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, key);
                true
            }
        }
    }

    /// Removes `key`; whether it was there.
    pub fn remove(&mut self, key: &str) -> bool {
        match self.position(key) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the set has no key.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys in byte order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }
}

impl FromIterator<String> for KeySet {
    fn from_iter<I: IntoIterator<Item = String>>(keys: I) -> KeySet {
        let mut v: Vec<String> = keys.into_iter().collect();
        order::sort_by(&mut v, String::cmp);
        v.dedup();
        KeySet(v)
    }
}

impl<const N: usize> From<[String; N]> for KeySet {
    fn from(keys: [String; N]) -> KeySet {
        keys.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a KeySet {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Extend<String> for KeySet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, keys: I) {
        for key in keys {
            self.insert(key);
        }
    }
}

impl IntoIterator for KeySet {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Selected value keys per facet, in `Facet` order, like a `BTreeMap<Facet, KeySet>`: a facet
/// may be present with an empty set (which selects nothing, the same as absent).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Filters(Vec<(Facet, KeySet)>);

/// A facet's place in a `Filters`, from `Filters::entry`.
pub struct FilterEntry<'a> {
    filters: &'a mut Filters,
    facet: Facet,
}

impl<'a> FilterEntry<'a> {
    /// The facet's keys, added as an empty set when absent.
    pub fn or_default(self) -> &'a mut KeySet {
        let list = &mut self.filters.0;
        let at = match Filters::position(list, self.facet) {
            Ok(at) => at,
            Err(at) => {
                list.insert(at, (self.facet, KeySet::new()));
                at
            }
        };
        &mut list[at].1
    }
}

impl Filters {
    fn position(list: &[(Facet, KeySet)], facet: Facet) -> Result<usize, usize> {
        list.binary_search_by(|(f, _)| f.cmp(&facet))
    }

    /// The keys of `facet`, if present.
    pub fn get(&self, facet: &Facet) -> Option<&KeySet> {
        Filters::position(&self.0, *facet).ok().map(|at| &self.0[at].1)
    }

    /// Whether `facet` is present (possibly with no key).
    pub fn contains_key(&self, facet: &Facet) -> bool {
        self.get(facet).is_some()
    }

    /// Sets the keys of `facet`; the ones it replaced, if any.
    pub fn insert(&mut self, facet: Facet, keys: KeySet) -> Option<KeySet> {
        match Filters::position(&self.0, facet) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, keys)),
            Err(at) => {
                self.0.insert(at, (facet, keys));
                None
            }
        }
    }

    /// Removes `facet`; its keys, if it was present.
    pub fn remove(&mut self, facet: &Facet) -> Option<KeySet> {
        Filters::position(&self.0, *facet).ok().map(|at| self.0.remove(at).1)
    }

    /// The place of `facet`, to add it when absent (`entry(f).or_default().insert(…)`).
    pub fn entry(&mut self, facet: Facet) -> FilterEntry<'_> {
        FilterEntry { filters: self, facet }
    }

    /// Keeps the facets for which `keep` says so.
    pub fn retain(&mut self, mut keep: impl FnMut(&Facet, &mut KeySet) -> bool) {
        self.0.retain_mut(|(f, keys)| keep(f, keys));
    }

    /// Removes every facet.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Number of facets present.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no facet is present.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The facets present with their keys, in `Facet` order.
    pub fn iter(&self) -> impl Iterator<Item = (&Facet, &KeySet)> {
        self.into_iter()
    }

    /// The key sets, in `Facet` order.
    pub fn values(&self) -> impl Iterator<Item = &KeySet> {
        self.0.iter().map(|(_, keys)| keys)
    }
}

impl Index<&Facet> for Filters {
    type Output = KeySet;
    /// # Panics
    /// When the facet is absent.
    fn index(&self, facet: &Facet) -> &KeySet {
        self.get(facet).expect("the facet is present in the filters")
    }
}

impl<'a> IntoIterator for &'a Filters {
    type Item = (&'a Facet, &'a KeySet);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (Facet, KeySet)>, fn(&'a (Facet, KeySet)) -> (&'a Facet, &'a KeySet)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(f, keys)| (f, keys))
    }
}

impl FromIterator<(Facet, KeySet)> for Filters {
    /// Later entries of a facet replace earlier ones.
    fn from_iter<I: IntoIterator<Item = (Facet, KeySet)>>(entries: I) -> Filters {
        let mut filters = Filters::default();
        for (facet, keys) in entries {
            filters.insert(facet, keys);
        }
        filters
    }
}

impl<const N: usize> From<[(Facet, KeySet); N]> for Filters {
    fn from(entries: [(Facet, KeySet); N]) -> Filters {
        entries.into_iter().collect()
    }
}

/// A set of facets as bits, like a `BTreeSet<Facet>` (iterates in `Facet` order).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FacetSet(u16);

/// `Facet::ALL` with a `'static` address, so `FacetSet::iter` can lend references.
static FACETS: [Facet; 11] = Facet::ALL;

impl FacetSet {
    /// An empty set.
    pub fn new() -> FacetSet {
        FacetSet(0)
    }

    fn bit(facet: Facet) -> u16 {
        1 << facet.index()
    }

    /// Whether `facet` is in the set.
    pub fn contains(&self, facet: &Facet) -> bool {
        self.0 & FacetSet::bit(*facet) != 0
    }

    /// Adds `facet`; whether it was not there yet.
    pub fn insert(&mut self, facet: Facet) -> bool {
        let new = !self.contains(&facet);
        self.0 |= FacetSet::bit(facet);
        new
    }

    /// Removes `facet`; whether it was there.
    pub fn remove(&mut self, facet: &Facet) -> bool {
        let was = self.contains(facet);
        self.0 &= !FacetSet::bit(*facet);
        was
    }

    /// Removes every facet.
    pub fn clear(&mut self) {
        self.0 = 0;
    }

    /// Number of facets in the set.
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the set has no facet.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The facets in `Facet` order.
    pub fn iter(&self) -> impl Iterator<Item = &'static Facet> + '_ {
        FACETS.iter().filter(|f| self.contains(f))
    }
}

impl FromIterator<Facet> for FacetSet {
    fn from_iter<I: IntoIterator<Item = Facet>>(facets: I) -> FacetSet {
        let mut set = FacetSet::new();
        for f in facets {
            set.insert(f);
        }
        set
    }
}

impl<const N: usize> From<[Facet; N]> for FacetSet {
    fn from(facets: [Facet; N]) -> FacetSet {
        facets.into_iter().collect()
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

    #[test]
    fn key_sets_are_sorted_and_distinct() {
        let mut s: KeySet = ["b".to_string(), "a".to_string(), "é".to_string(), "b".to_string(), "Z".to_string()].into();
        assert_eq!(s.iter().map(String::as_str).collect::<Vec<_>>(), ["Z", "a", "b", "é"]);
        assert!(s.insert("c".into()) && !s.insert("c".into()));
        s.extend(["a".to_string(), "0".to_string()]);
        assert_eq!(s.iter().map(String::as_str).collect::<Vec<_>>(), ["0", "Z", "a", "b", "c", "é"]);
        assert!(s.remove("0"));
        assert!(s.contains("c") && !s.contains("d"));
        assert!(s.remove("a") && !s.remove("a"));
        assert_eq!(s.into_iter().collect::<Vec<_>>(), ["Z", "b", "c", "é"]);
        assert!(KeySet::new().is_empty());
    }

    #[test]
    fn filters_keep_facet_order_and_empty_entries() {
        let mut f = Filters::default();
        f.entry(Facet::Theme).or_default().insert("ess".into());
        f.insert(Facet::Kind, KeySet::new());
        f.entry(Facet::Theme).or_default().insert("sante".into());
        assert_eq!(f.iter().map(|(f, k)| (*f, k.len())).collect::<Vec<_>>(), [(Facet::Kind, 0), (Facet::Theme, 2)]);
        assert!(f.contains_key(&Facet::Kind) && f.get(&Facet::City).is_none());
        assert_eq!(f[&Facet::Theme].iter().collect::<Vec<_>>(), ["ess", "sante"]);
        assert_eq!(f.insert(Facet::Kind, ["stage".to_string()].into()), Some(KeySet::new()));
        f.retain(|facet, _| *facet != Facet::Theme);
        assert_eq!(f, [(Facet::Kind, ["stage".to_string()].into())].into());
        assert_eq!(f.remove(&Facet::Kind).map(|k| k.len()), Some(1));
        assert!(f.is_empty() && f.remove(&Facet::Kind).is_none());
    }

    #[test]
    fn facet_sets_iterate_in_facet_order() {
        let mut s: FacetSet = [Facet::Organization, Facet::Kind, Facet::City].into();
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), [Facet::Kind, Facet::City, Facet::Organization]);
        assert!(!s.insert(Facet::Kind) && s.insert(Facet::Theme));
        assert!(s.remove(&Facet::City) && !s.contains(&Facet::City));
        assert_eq!(s.len(), 3);
        s.clear();
        assert!(s.is_empty());
        assert_eq!(Facet::ALL.into_iter().collect::<FacetSet>().len(), Facet::ALL.len());
    }
}
