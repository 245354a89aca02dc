//! The root component: owns the reducer, runs the search (memoised on the query), provides the
//! catalogue by context, and switches between the list and the detail of one offer.

use std::rc::Rc;

use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::card::Card;
use super::detail::Detail;
use super::facets::FacetPanel;
use super::format;
use super::results::ResultList;
use super::search_box::SearchBox;
use super::state::{Action, State};
use super::toolbar::Toolbar;
use super::Shared;
use crate::catalogue::{Catalogue, Id};
use crate::model::Date;

#[derive(Properties, Clone)]
pub struct AppProps {
    pub catalogue: Rc<Catalogue>,
    /// The date deadlines are judged against.
    pub today: Date,
    /// Prefix for element ids, unique on the page.
    pub uid: AttrValue,
    pub page_size: usize,
    #[prop_or_default]
    pub title: Option<AttrValue>,
}

impl PartialEq for AppProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.catalogue, &o.catalogue)
            && self.today == o.today
            && self.uid == o.uid
            && self.page_size == o.page_size
            && self.title == o.title
    }
}

/// Id of the title button of a card, to give focus back to it.
pub fn card_button_id(uid: &str, id: Id) -> String {
    format!("{uid}-offer-{id}")
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let page_size = props.page_size;
        move || State::new(page_size)
    });
    let catalogue = props.catalogue.clone();
    let today = props.today;
    let results = use_memo((state.query.clone(), today), {
        let catalogue = catalogue.clone();
        move |(query, today)| catalogue.search(query, *today)
    });

    let root = use_node_ref();
    // Page scroll position when an offer was opened, restored on the way back.
    let saved_scroll = use_mut_ref(|| None::<f64>);
    let previous_open = use_mut_ref(|| None::<Id>);

    let dispatch = {
        let state = state.clone();
        let saved_scroll = saved_scroll.clone();
        Callback::from(move |action: Action| {
            if matches!(action, Action::Open(_)) {
                *saved_scroll.borrow_mut() = web_sys::window().and_then(|w| w.scroll_y().ok());
            }
            state.dispatch(action)
        })
    };

    // Focus and scroll after the view switched.
    {
        let root = root.clone();
        let uid = props.uid.clone();
        use_effect_with(state.open, move |open| {
            let was = previous_open.replace(*open);
            let Some(root) = root.cast::<Element>() else { return };
            match (was, *open) {
                (_, Some(_)) => {
                    if let Ok(Some(h)) = root.query_selector("[data-detail-heading]") {
                        let top = h.get_bounding_client_rect().top();
                        if top < 0.0 {
                            h.scroll_into_view();
                        }
                        if let Ok(h) = h.dyn_into::<HtmlElement>() {
                            let _ = h.focus();
                        }
                    }
                }
                (Some(closed), None) => {
                    if let (Some(y), Some(w)) = (saved_scroll.borrow_mut().take(), web_sys::window()) {
                        w.scroll_to_with_x_and_y(0.0, y);
                    }
                    let selector = format!("#{}", card_button_id(&uid, closed));
                    if let Ok(Some(el)) = root.query_selector(&selector) {
                        if let Ok(el) = el.dyn_into::<HtmlElement>() {
                            let _ = el.focus();
                        }
                    }
                }
                (None, None) => {}
            }
        });
    }

    // The list stays mounted (hidden) while an offer is open, so coming back finds the filters
    // panel, "voir tout" choices and page length exactly as they were.
    let list_hidden = state.open.is_some_and(|id| (id as usize) < catalogue.len());
    let shown = results.ids.len().min(state.limit);
    let list = html! {
        <div class="layout" hidden={list_hidden}>
            <FacetPanel uid={props.uid.clone()} facets={results.facets.clone()}
                selected={state.selected_count()} on_action={dispatch.clone()} />
            <section class="results" aria-label="Résultats">
                <Toolbar uid={props.uid.clone()} count={results.ids.len()} total={results.total}
                    expired_hidden={results.expired_hidden} query={state.query.clone()}
                    filtered={state.is_filtered()} on_action={dispatch.clone()} />
                if results.ids.is_empty() {
                    <div class="empty">
                        <p class="empty-title">{ "Aucune offre ne correspond à votre recherche." }</p>
                        if results.expired_hidden > 0 {
                            <p>
                                { format::expired_matching(results.expired_hidden) }{ " " }
                                <button type="button" class="link"
                                    onclick={dispatch.reform(|_| Action::ShowExpired(true))}>
                                    { "Les afficher" }
                                </button>
                            </p>
                        }
                        if state.is_filtered() {
                            <button type="button" class="secondary" onclick={dispatch.reform(|_| Action::Reset)}>
                                { "Réinitialiser les filtres" }
                            </button>
                        }
                    </div>
                } else {
                    <ResultList>
                        { for results.ids[..shown].iter().map(|&id| html! {
                            <Card key={id} {id} {today} button_id={card_button_id(&props.uid, id)}
                                on_open={dispatch.reform(Action::Open)} />
                        }) }
                    </ResultList>
                    if shown < results.ids.len() {
                        <button type="button" class="more" onclick={dispatch.reform(|_| Action::ShowMore)}>
                            { format!("Voir plus d’offres ({} sur {})", shown, results.ids.len()) }
                        </button>
                    }
                }
            </section>
        </div>
    };
    let detail = match state.open {
        Some(id) if list_hidden => html! { <Detail {id} {today} on_action={dispatch.clone()} /> },
        _ => html! {},
    };

    html! {
        <ContextProvider<Shared> context={Shared(catalogue)}>
            <div class="vitrine" ref={root}>
                if let Some(title) = &props.title {
                    <h2 class="widget-title">{ title.clone() }</h2>
                }
                <div hidden={list_hidden}>
                    <SearchBox uid={props.uid.clone()} text={state.query.text.clone()} on_action={dispatch.clone()} />
                </div>
                { list }
                { detail }
            </div>
        </ContextProvider<Shared>>
    }
}

use wasm_bindgen::JsCast;
