//! The widget's one reducer: visitor actions → a new `State` holding a `catalogue::Query`.
//! Pure (tested natively); the yew `Reducible` impl is a thin wrapper on wasm32.

use crate::catalogue::{Facet, Id, Query, Sort};

/// Everything the visitor has chosen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    pub query: Query,
    /// The offer whose detail is open.
    pub open: Option<Id>,
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
    SetSort(Sort),
    ShowExpired(bool),
    ShowMore,
    Open(Id),
    Close,
}

impl State {
    pub fn new(page_size: usize) -> State {
        State { query: Query::default(), open: None, limit: page_size, page_size }
    }

    /// Whether the visitor has narrowed the list (text or any filter).
    pub fn is_filtered(&self) -> bool {
        !self.query.text.trim().is_empty() || self.query.filters.values().any(|v| !v.is_empty())
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
            Action::Toggle(facet, value) => {
                let set = next.query.filters.entry(facet).or_default();
                if !set.remove(&value) {
                    set.insert(value);
                }
                if set.is_empty() {
                    next.query.filters.remove(&facet);
                }
            }
            Action::ClearFacet(facet) => {
                next.query.filters.remove(&facet);
            }
            Action::Reset => {
                next.query.text.clear();
                next.query.filters.clear();
            }
            Action::SetSort(s) => next.query.sort = s,
            Action::ShowExpired(b) => next.query.show_expired = b,
            Action::ShowMore => {
                next.limit += self.page_size;
                query_changed = false;
            }
            Action::Open(id) => {
                next.open = Some(id);
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
        let opened = s.apply(Action::Open(3)).apply(Action::Close);
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
    fn open_and_close() {
        let s = State::new(20).apply(Action::Open(4));
        assert_eq!(s.open, Some(4));
        assert_eq!(s.apply(Action::Close).open, None);
    }
}
