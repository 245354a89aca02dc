//! The root component: owns the reducer and the saved offers, runs the search (memoised on the
//! query), provides the catalogue by context, keeps the page URL, history and JSON-LD in step
//! through the `Host`, and switches between the list and the detail of one offer. It also provides
//! the interface's locale by context, and sets the root's `lang` and colour scheme.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::card::Card;
use super::detail::{Detail, Gone};
use super::facets::FacetPanel;
use super::favourites::Favourites;
use super::host::{offer_body, BodyStoreRef, HostRef, OfferBody, ShareOutcome};
use super::i18n::{self, Locale};
use super::results::ResultList;
use super::search_box::SearchBox;
use super::state::{Action, State};
use super::toolbar::Toolbar;
use super::{Headings, Shared};
use crate::catalogue::{Catalogue, FacetSet, Id, Nearest};
use crate::embed::config::ColorScheme;
use crate::embed::{jsonld, url::UrlState};
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
    /// The page's URL, history, storage and head.
    pub host: HostRef,
    /// A short note about the data ("Offres mises à jour le …", a feed that failed).
    #[prop_or_default]
    pub notice: Option<AttrValue>,
    /// Language and number/date conventions of the interface (offer texts keep theirs).
    #[prop_or_default]
    pub locale: Locale,
    /// Light, dark, or as the visitor's system says.
    #[prop_or_default]
    pub color_scheme: ColorScheme,
    /// Facets whose filter group is not shown; their URL parameters are ignored too.
    #[prop_or_default]
    pub hidden_facets: FacetSet,
    /// The texts of split feeds, kept apart from the records; `None` when every record has its own.
    #[prop_or_default]
    pub bodies: Option<BodyStoreRef>,
    /// The level of the widget's first headings (1–6), chosen from the host page's outline.
    #[prop_or(2)]
    pub heading_level: u8,
}

impl PartialEq for AppProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.catalogue, &o.catalogue)
            && self.today == o.today
            && self.uid == o.uid
            && self.page_size == o.page_size
            && self.title == o.title
            && self.host == o.host
            && self.notice == o.notice
            && self.locale == o.locale
            && self.color_scheme == o.color_scheme
            && self.hidden_facets == o.hidden_facets
            && self.bodies == o.bodies
            && self.heading_level == o.heading_level
    }
}

/// How many offers near a search that found none are shown.
const NEAREST_SHOWN: usize = 3;

/// Id of the title link of a card, to give focus back to it.
pub fn card_link_id(uid: &str, id: Id) -> String {
    format!("{uid}-offer-{id}")
}

fn focus(el: Element) {
    if let Ok(el) = el.dyn_into::<HtmlElement>() {
        let _ = el.focus();
    }
}

/// The URL state without filters on hidden facets (a link made on another page may carry them).
fn visible_only(mut url: UrlState, hidden: &FacetSet) -> UrlState {
    url.query.filters.retain(|f, _| !hidden.contains(f));
    url
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let host = props.host.0.clone();
    let locale = props.locale;
    let headings = Headings::new(props.heading_level, props.title.is_some());
    let t = locale.texts();
    let state = use_reducer({
        let (host, page_size, hidden) = (host.clone(), props.page_size, props.hidden_facets.clone());
        move || State::from_url(visible_only(host.initial_state(), &hidden), page_size)
    });
    let favourites = use_state({
        let host = host.clone();
        move || {
            let (favs, note) = host.load_favourites().map(|t| Favourites::decode(&t)).unwrap_or_default();
            if let Some(note) = note {
                web_sys::console::warn_1(&format!("vitrine: {note}").into());
            }
            favs
        }
    });
    let catalogue = props.catalogue.clone();
    let today = props.today;

    // The query the catalogue runs: the visitor's, narrowed to saved offers for "mes offres".
    let query = {
        let mut q = state.query.clone();
        if state.saved_only {
            q.only = Some(favourites.saved.iter().map(|s| s.id.clone()).collect());
        }
        q
    };
    let results = use_memo((query.clone(), today, Shared(catalogue.clone())), |(query, today, shared)| {
        shared.0.search(query, *today)
    });
    // When the search finds nothing (saved offers aside): the filters to clear, or offers near it.
    let nearest_wanted = results.ids.is_empty() && !state.saved_only;
    let nearest = use_memo((query, today, Shared(catalogue.clone()), nearest_wanted), |(query, today, shared, wanted)| {
        if *wanted {
            shared.0.nearest(query, *today, NEAREST_SHOWN)
        } else {
            Nearest::Nothing
        }
    });
    let open_id = state.open.as_deref().and_then(|slug| catalogue.id_of(slug));

    let root = use_node_ref();
    // Page scroll position when an offer was opened, restored on the way back.
    let saved_scroll = use_mut_ref(|| None::<f64>);
    let previous_open = use_mut_ref(|| state.open.clone());
    // The URL state last written or read, so history moves are not written back.
    let url_state = use_mut_ref(|| state.to_url());
    let share_outcome = use_state(|| None::<ShareOutcome>);

    // Whether the open offer's history entry was pushed by this widget: closing it then goes
    // back in history (so Back and "Retour" agree), instead of adding yet another entry.
    let pushed_open = use_mut_ref(|| false);
    let dispatch = {
        let (state, saved_scroll, pushed_open, host) = (state.clone(), saved_scroll.clone(), pushed_open.clone(), host.clone());
        Callback::from(move |action: Action| {
            match &action {
                Action::Open(_) => {
                    *saved_scroll.borrow_mut() = web_sys::window().and_then(|w| w.scroll_y().ok());
                    *pushed_open.borrow_mut() = true;
                }
                Action::Close if pushed_open.replace(false) => return host.back(),
                Action::Sync(_) => *pushed_open.borrow_mut() = false,
                _ => {}
            }
            state.dispatch(action)
        })
    };
    let open = {
        let (catalogue, dispatch) = (catalogue.clone(), dispatch.clone());
        Callback::from(move |id: Id| dispatch.emit(Action::Open(catalogue.get(id).id.clone())))
    };
    let toggle_saved = {
        let (catalogue, favourites, host) = (catalogue.clone(), favourites.clone(), host.clone());
        Callback::from(move |slug: String| {
            let mut next = (*favourites).clone();
            match catalogue.id_of(&slug) {
                Some(id) => {
                    next.toggle(catalogue.get(id));
                }
                None => {
                    next.remove(&slug);
                }
            }
            if !host.save_favourites(&next.encode()) {
                web_sys::console::warn_1(&"vitrine: saved offers could not be stored (private mode or full storage)".into());
            }
            favourites.set(next);
        })
    };

    // Back/Forward: take the URL's state.
    {
        let (host, dispatch, url_state) = (host.clone(), dispatch.clone(), url_state.clone());
        let hidden = props.hidden_facets.clone();
        use_effect_with((), move |_| {
            host.on_history(Callback::from(move |url: UrlState| {
                let url = visible_only(url, &hidden);
                *url_state.borrow_mut() = url.clone();
                dispatch.emit(Action::Sync(url));
            }));
        });
    }

    // Keep the page URL in step: a history entry when an offer opens, in place otherwise.
    {
        let (host, url_state) = (host.clone(), url_state.clone());
        use_effect_with(state.to_url(), move |now| {
            let before = url_state.replace(now.clone());
            if before != *now {
                host.save_state(now, now.offer.is_some() && before.offer != now.offer);
            }
        });
    }

    // The open offer's text, when its record came without it.
    let open_body = open_id.map(|id| offer_body(&catalogue, props.bodies.as_ref(), id));

    // JSON-LD for the open offer, removed when it closes (and written again when its text arrives).
    {
        let (host, catalogue) = (host.clone(), catalogue.clone());
        let url = open_id.map(|_| host.offer_link(&state.to_url()));
        use_effect_with((open_id, url, open_body.clone()), move |(open_id, url, body)| {
            let json = open_id.zip(url.as_deref()).and_then(|(id, url)| {
                let p = catalogue.get(id);
                match body {
                    Some(b @ OfferBody::Ready(text)) => jsonld::job_posting(p, b.apply_of(p), &text.body, url),
                    // Not before its text is in: crawlers would keep an empty description.
                    Some(OfferBody::Loading) => None,
                    _ => jsonld::job_posting(p, &p.apply, &p.body, url),
                }
            });
            host.set_structured_data(json);
        });
    }

    // Focus and scroll after the view switched.
    {
        let root = root.clone();
        let uid = props.uid.clone();
        let catalogue = catalogue.clone();
        let share_outcome = share_outcome.clone();
        use_effect_with(state.open.clone(), move |open| {
            let was = previous_open.replace(open.clone());
            share_outcome.set(None);
            let Some(root) = root.cast::<Element>() else { return };
            match (was, open) {
                (was, Some(now)) if was.as_ref() != Some(now) => {
                    if let Ok(Some(h)) = root.query_selector("[data-detail-heading]") {
                        if h.get_bounding_client_rect().top() < 0.0 {
                            h.scroll_into_view();
                        }
                        focus(h);
                    }
                }
                (Some(closed), None) => {
                    if let (Some(y), Some(w)) = (saved_scroll.borrow_mut().take(), web_sys::window()) {
                        w.scroll_to_with_x_and_y(0.0, y);
                    }
                    if let Some(id) = catalogue.id_of(&closed) {
                        if let Ok(Some(el)) = root.query_selector(&format!("#{}", card_link_id(&uid, id))) {
                            focus(el);
                        }
                    }
                }
                _ => {}
            }
        });
    }

    let share = {
        let (host, share_outcome, catalogue) = (host.clone(), share_outcome.clone(), catalogue.clone());
        let url_now = state.to_url();
        Callback::from(move |id: Id| {
            let link = host.offer_link(&url_now);
            let outcome = share_outcome.clone();
            host.share(&catalogue.get(id).title, &link, Callback::from(move |o| outcome.set(Some(o))));
        })
    };

    let detail_open = state.open.is_some();
    let shown = results.ids.len().min(state.limit);
    // Saved offers that are no longer in the data, listed under "mes offres".
    let gone: Vec<_> = if state.saved_only {
        favourites.saved.iter().filter(|s| catalogue.id_of(&s.id).is_none()).cloned().collect()
    } else {
        Vec::new()
    };
    // The list stays mounted (hidden) while an offer is open, so coming back finds the filters
    // panel, "voir tout" choices and page length exactly as they were.
    let facets: Vec<_> = results.facets.iter().filter(|f| !props.hidden_facets.contains(&f.facet)).cloned().collect();
    let card = |id: Id| {
        let slug = &catalogue.get(id).id;
        let mut link_state = state.to_url();
        link_state.offer = Some(slug.clone());
        html! {
            <Card key={id} {id} {today} {headings} link_id={card_link_id(&props.uid, id)}
                href={host.offer_link(&link_state)} saved={favourites.contains(slug)}
                on_open={open.clone()} on_save={toggle_saved.clone()} />
        }
    };
    let text = state.query.text.trim();
    let empty_title = if state.saved_only && favourites.saved.is_empty() {
        t.no_saved_yet.to_string()
    } else if !state.saved_only && !text.is_empty() {
        i18n::no_match_for(locale.lang(), text)
    } else {
        t.no_match.to_string()
    };
    let list = html! {
        <div class="layout" hidden={detail_open}>
            <FacetPanel uid={props.uid.clone()} {facets}
                selected={state.selected_count()} on_action={dispatch.clone()} />
            <section class="results" aria-label={t.results_region}>
                <Toolbar uid={props.uid.clone()} count={results.ids.len()} total={results.total}
                    expired_hidden={results.expired_hidden} query={state.query.clone()}
                    filtered={state.is_filtered()} saved_only={state.saved_only}
                    saved_count={favourites.saved.len()} on_action={dispatch.clone()} />
                if results.ids.is_empty() && gone.is_empty() {
                    <div class="empty">
                        <p class="empty-title">{ empty_title }</p>
                        if let Nearest::WithoutFilters { count } = *nearest {
                            <p class="without-filters">
                                { i18n::without_filters(locale, count) }{ " " }
                                <button type="button" class="link"
                                    onclick={dispatch.reform(|_| Action::ClearFilters)}>
                                    { t.clear_filters }
                                </button>
                            </p>
                        }
                        if let Nearest::Offers(ids) = &*nearest {
                            <p class="nearest-intro" id={format!("{}-nearest", props.uid)}>{ t.nearest_intro }</p>
                            <div class="nearest" aria-labelledby={format!("{}-nearest", props.uid)} role="group">
                                <ResultList>{ for ids.iter().map(|&id| card(id)) }</ResultList>
                            </div>
                        }
                        if results.expired_hidden > 0 {
                            <p>
                                { i18n::expired_matching(locale, results.expired_hidden) }{ " " }
                                <button type="button" class="link"
                                    onclick={dispatch.reform(|_| Action::ShowExpired(true))}>
                                    { t.show_them }
                                </button>
                            </p>
                        }
                        if state.is_filtered() {
                            <button type="button" class="secondary" onclick={dispatch.reform(|_| Action::Reset)}>
                                { t.reset_filters }
                            </button>
                        }
                    </div>
                } else {
                    <ResultList>
                        { for results.ids[..shown].iter().map(|&id| card(id)) }
                        { for gone.iter().map(|s| html! {
                            <Gone key={s.id.clone()} {headings} saved={s.clone()} on_remove={toggle_saved.clone()} />
                        }) }
                    </ResultList>
                    if shown < results.ids.len() {
                        <button type="button" class="more" onclick={dispatch.reform(|_| Action::ShowMore)}>
                            { i18n::show_more(locale, shown, results.ids.len()) }
                        </button>
                    }
                }
            </section>
        </div>
    };
    let detail = match (&state.open, open_id) {
        (Some(slug), Some(id)) => html! {
            <Detail {id} {today} {headings} body={open_body.clone().unwrap_or(OfferBody::InRecord)}
                saved={favourites.contains(slug)} on_action={dispatch.clone()}
                on_save={toggle_saved.clone()} on_share={share} share_outcome={*share_outcome} />
        },
        (Some(_), None) => html! {
            <article class="detail" aria-labelledby={format!("{}-missing", props.uid)}>
                <@{headings.offer()} class="detail-title" id={format!("{}-missing", props.uid)} tabindex="-1"
                    data-detail-heading="">
                    { t.missing_title }
                </@>
                <p>{ t.missing_text }</p>
                <button type="button" class="back" onclick={dispatch.reform(|_| Action::Close)}>
                    { t.missing_back }
                </button>
            </article>
        },
        _ => html! {},
    };

    html! {
        <ContextProvider<Shared> context={Shared(catalogue)}>
        <ContextProvider<Locale> context={locale}>
            <div class="vitrine" ref={root} lang={locale.tag()} data-color-scheme={props.color_scheme.key()}
                data-texts={props.bodies.as_ref().map(|b| if b.searchable { "ready" } else { "loading" })}>
                if let Some(title) = &props.title {
                    <@{headings.title()} class="widget-title">{ title.clone() }</@>
                }
                if let Some(notice) = &props.notice {
                    <p class="notice" role="status">{ notice.clone() }</p>
                }
                <div hidden={detail_open}>
                    <SearchBox uid={props.uid.clone()} text={state.query.text.clone()} on_action={dispatch.clone()} />
                </div>
                { list }
                { detail }
            </div>
        </ContextProvider<Locale>>
        </ContextProvider<Shared>>
    }
}
