//! The widget's one reducer: visitor actions → a new `State` holding a `catalogue::Query`.
//! Pure (tested natively); the yew `Reducible` impl is a thin wrapper on wasm32.

use crate::catalogue::{Facet, Query, Sort};
use crate::embed::url::UrlState;

/// Everything the visitor has chosen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    pub query: Query,
    /// The slug (`Posting::id`) of the offer whose detail is open.
    pub open: Option<String>,
    /// Only the visitor's saved offers ("mes offres").
    pub saved_only: bool,
    /// How many results are rendered (grows by one page with "Voir plus").
    pub limit: usize,
    pub page_size: usize,
}

/// What the visitor can do. Callbacks carry ids and keys, never postings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    SetText(String),
    Toggle(Facet, String),
    ClearFacet(Facet),
    /// Clears text and filters (sort and the expired toggle stay as chosen).
    Reset,
    /// Clears the filters, keeping the text.
    ClearFilters,
    SetSort(Sort),
    ShowExpired(bool),
    ShowMore,
    /// Opens the offer with this slug.
    Open(String),
    Close,
    ToggleSavedOnly,
    /// Back/Forward changed the URL: take its state.
    Sync(UrlState),
}

impl State {
    pub fn new(page_size: usize) -> State {
        State { query: Query::default(), open: None, saved_only: false, limit: page_size, page_size }
    }

    /// The state a shared link describes.
    pub fn from_url(url: UrlState, page_size: usize) -> State {
        State { query: url.query, open: url.offer.filter(|o| !o.is_empty()), ..State::new(page_size) }
    }

    /// What goes in the page URL.
    pub fn to_url(&self) -> UrlState {
        UrlState { offer: self.open.clone(), query: self.query.clone() }
    }

    /// Whether the visitor has narrowed the list (text or any filter).
    pub fn is_filtered(&self) -> bool {
        self.saved_only || !self.query.text.trim().is_empty() || self.query.filters.values().any(|v| !v.is_empty())
    }

    /// Number of selected filter values.
    pub fn selected_count(&self) -> usize {
        self.query.filters.values().map(|v| v.len()).sum()
    }

    /// The state after `action`. Changing the query shows the first page again.
    pub fn apply(&self, action: Action) -> State {
        let mut next = self.clone();
        let mut query_changed = true;
        match action {
            Action::SetText(t) => next.query.text = t,
            Action::Toggle(facet, value) => next.query.toggle(facet, &value),
            Action::ClearFacet(facet) => {
                next.query.filters.remove(&facet);
            }
            Action::Reset => {
                next.query.text.clear();
                next.query.filters.clear();
                next.saved_only = false;
            }
            Action::ClearFilters => next.query.filters.clear(),
            Action::ToggleSavedOnly => next.saved_only = !next.saved_only,
            Action::Sync(url) => {
                query_changed = url.query != self.query;
                next.query = url.query;
                next.open = url.offer.filter(|o| !o.is_empty());
            }
            Action::SetSort(s) => next.query.sort = s,
            Action::ShowExpired(b) => next.query.show_expired = b,
            Action::ShowMore => {
                next.limit += self.page_size;
                query_changed = false;
            }
            Action::Open(slug) => {
                next.open = Some(slug);
                query_changed = false;
            }
            Action::Close => {
                next.open = None;
                query_changed = false;
            }
        }
        if query_changed {
            next.limit = self.page_size;
        }
        next
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;
    fn reduce(self: std::rc::Rc<Self>, action: Action) -> std::rc::Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            std::rc::Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_adds_then_removes_a_value() {
        let s = State::new(20).apply(Action::Toggle(Facet::Kind, "stage".into()));
        assert!(s.query.filters[&Facet::Kind].contains("stage"));
        assert_eq!(s.selected_count(), 1);
        let s = s.apply(Action::Toggle(Facet::Kind, "stage".into()));
        assert!(!s.query.filters.contains_key(&Facet::Kind));
        assert!(!s.is_filtered());
    }

    #[test]
    fn query_changes_return_to_the_first_page_but_paging_keeps_it() {
        let s = State::new(20).apply(Action::ShowMore).apply(Action::ShowMore);
        assert_eq!(s.limit, 60);
        let opened = s.apply(Action::Open("x".into())).apply(Action::Close);
        assert_eq!(opened.limit, 60, "opening an offer and coming back keeps the list as it was");
        assert_eq!(s.apply(Action::SetText("lyon".into())).limit, 20);
    }

    #[test]
    fn reset_keeps_sort_and_expired_choice() {
        let s = State::new(20)
            .apply(Action::SetSort(Sort::Pay))
            .apply(Action::ShowExpired(true))
            .apply(Action::SetText("chargé".into()))
            .apply(Action::Toggle(Facet::Country, "BE".into()))
            .apply(Action::Reset);
        assert!(!s.is_filtered());
        assert_eq!(s.query.sort, Sort::Pay);
        assert!(s.query.show_expired);
    }

    #[test]
    fn clearing_the_filters_keeps_the_text() {
        let s = State::new(20)
            .apply(Action::SetText("animatrise".into()))
            .apply(Action::Toggle(Facet::Kind, "emploi".into()))
            .apply(Action::Toggle(Facet::Country, "BE".into()))
            .apply(Action::ShowMore)
            .apply(Action::ClearFilters);
        assert_eq!(s.selected_count(), 0);
        assert_eq!(s.query.text, "animatrise");
        assert_eq!(s.limit, 20);
    }

    #[test]
    fn open_and_close() {
        let s = State::new(20).apply(Action::Open("ama-charge".into()));
        assert_eq!(s.open.as_deref(), Some("ama-charge"));
        assert_eq!(s.to_url().offer.as_deref(), Some("ama-charge"));
        assert_eq!(s.apply(Action::Close).open, None);
    }

    #[test]
    fn history_sync_takes_the_url_state() {
        let s = State::new(20).apply(Action::ShowMore).apply(Action::SetText("lyon".into())).apply(Action::ShowMore);
        let same_query = s.apply(Action::Sync(UrlState { offer: Some("a".into()), query: s.query.clone() }));
        assert_eq!(same_query.open.as_deref(), Some("a"));
        assert_eq!(same_query.limit, 40, "Back to the same list keeps its length");
        let other = s.apply(Action::Sync(UrlState::default()));
        assert_eq!(other.query, Query::default());
        assert_eq!(other.open, None);
        assert_eq!(other.limit, 20);
        let from = State::from_url(UrlState { offer: Some(String::new()), query: s.query.clone() }, 20);
        assert_eq!(from.open, None, "an empty offre= opens nothing");
        assert_eq!(from.query.text, "lyon");
    }

    #[test]
    fn saved_only_counts_as_a_filter_and_reset_clears_it() {
        let s = State::new(20).apply(Action::ToggleSavedOnly);
        assert!(s.saved_only && s.is_filtered());
        assert!(!s.apply(Action::Reset).saved_only);
    }
}
