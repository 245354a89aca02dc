#![cfg(target_arch = "wasm32")]
//! Component tests in headless Chromium (wasm-bindgen-test): the Yew app rendered into a plain
//! element with the bundled seed data, driven through real DOM events.

use std::rc::Rc;

use std::cell::RefCell;

use vitrine::catalogue::FacetSet;

use vitrine::catalogue::{Catalogue, Facet};
use vitrine::embed::config::ColorScheme;
use vitrine::embed::url::UrlState;
use vitrine::model::{self, Date};
use vitrine::ui::favourites::Favourites;
use vitrine::ui::host::{Host, ShareOutcome};
use vitrine::ui::i18n::{self, Lang, Locale};
use vitrine::ui::{App, AppProps, BodyStore, BodyStoreRef, HostRef, OfferBody};
use yew::Callback;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, Node};

wasm_bindgen_test_configure!(run_in_browser);

const DATA: &str = include_str!("../data/postings.json");

/// A page that records what the app asks of it.
#[derive(Default)]
struct FakeHost {
    initial: UrlState,
    saved_states: RefCell<Vec<(UrlState, bool)>>,
    history: RefCell<Option<Callback<UrlState>>>,
    backs: RefCell<usize>,
    /// The page's history entries after the first, and how many of them are behind the current one.
    entries: RefCell<Vec<UrlState>>,
    jsonld: RefCell<Vec<Option<String>>>,
    favourites: RefCell<Option<String>>,
}

impl Host for FakeHost {
    fn initial_state(&self) -> UrlState {
        self.initial.clone()
    }
    fn save_state(&self, state: &UrlState, push: bool) {
        self.saved_states.borrow_mut().push((state.clone(), push));
        let mut entries = self.entries.borrow_mut();
        if push || entries.is_empty() {
            entries.push(state.clone());
        } else {
            *entries.last_mut().unwrap() = state.clone();
        }
    }
    /// Like a browser: drops the current entry and reports the previous one through the listener.
    fn back(&self) {
        *self.backs.borrow_mut() += 1;
        let previous = {
            let mut entries = self.entries.borrow_mut();
            entries.pop();
            entries.last().cloned().unwrap_or_else(|| self.initial.clone())
        };
        let listener = self.history.borrow().clone();
        if let Some(listener) = listener {
            listener.emit(previous);
        }
    }
    fn on_history(&self, listener: Callback<UrlState>) {
        *self.history.borrow_mut() = Some(listener);
    }
    fn offer_link(&self, state: &UrlState) -> String {
        format!("https://asso.example/offres?offre={}", state.offer.clone().unwrap_or_default())
    }
    fn share(&self, _title: &str, _url: &str, done: Callback<ShareOutcome>) {
        done.emit(ShareOutcome::Copied);
    }
    fn set_structured_data(&self, json: Option<String>) {
        self.jsonld.borrow_mut().push(json);
    }
    fn load_favourites(&self) -> Option<String> {
        self.favourites.borrow().clone()
    }
    fn save_favourites(&self, text: &str) -> bool {
        *self.favourites.borrow_mut() = Some(text.to_string());
        true
    }
}

/// What a partner's attributes set besides the data.
#[derive(Clone, Default)]
struct Look {
    locale: Locale,
    color_scheme: ColorScheme,
    hidden_facets: FacetSet,
    /// The level of the first headings (2 when `None`, as without a heading before the host).
    heading_level: Option<u8>,
    title: Option<&'static str>,
}

async fn mount_with(today: &str, postings: Vec<model::Posting>, host: Rc<FakeHost>) -> Element {
    mount_look(today, postings, host, Look::default()).await
}

async fn mount_look(today: &str, postings: Vec<model::Posting>, host: Rc<FakeHost>, look: Look) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        catalogue: Rc::new(Catalogue::new(postings)),
        today: today.parse::<Date>().unwrap(),
        uid: "t".into(),
        page_size: 20,
        title: look.title.map(Into::into),
        host: HostRef(host),
        notice: None,
        locale: look.locale,
        color_scheme: look.color_scheme,
        hidden_facets: look.hidden_facets,
        bodies: None,
        heading_level: look.heading_level.unwrap_or(2),
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

async fn mount(today: &str) -> Element {
    mount_with(today, model::from_json(DATA).expect("bundled data parses"), Rc::new(FakeHost::default())).await
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

async fn type_text(root: &Element, value: &str) {
    let input: HtmlInputElement = one(root, "input[type=search]").dyn_into().unwrap();
    input.set_value(value);
    let ev = web_sys::InputEvent::new_with_event_init_dict("input", &{ let init = web_sys::InputEventInit::new(); init.set_bubbles(true); init }).unwrap();
    input.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
}

async fn click(el: &Element) {
    el.clone().dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

fn titles(root: &Element) -> Vec<String> {
    all(root, "li.card .card-title a").iter().map(text).collect()
}

#[wasm_bindgen_test]
async fn lists_every_open_offer_with_a_labelled_search_box() {
    let root = mount("2023-07-03").await;
    let data = model::from_json(DATA).unwrap();
    let mut shown = titles(&root);
    shown.sort();
    let mut expected: Vec<String> = data.iter().map(|p| p.title.clone()).collect();
    expected.sort();
    assert_eq!(shown, expected);
    assert_eq!(text(&one(&root, "[role=status]")).trim(), format!("{} offres", data.len()));
    let input = one(&root, "input[type=search]");
    let id = input.id();
    assert!(!id.is_empty());
    assert_eq!(text(&one(&root, &format!("label[for='{id}']"))), "Rechercher une offre");
    assert_eq!(all(&root, "fieldset legend").is_empty(), false, "facet groups have legends");
}

#[wasm_bindgen_test]
async fn expired_offers_are_hidden_until_asked_for() {
    // On 2026-11-24 the three dated seeds are past their deadline.
    let root = mount("2026-11-24").await;
    let data = model::from_json(DATA).unwrap();
    let today: Date = "2026-11-24".parse().unwrap();
    let open = data.iter().filter(|p| p.deadline.map_or(true, |d| d >= today)).count();
    assert_eq!(titles(&root).len(), open);
    let toggle = one(&root, ".toolbar input[type=checkbox]");
    click(&toggle).await;
    assert_eq!(titles(&root).len(), data.len());
    assert!(all(&root, ".badge.closed").len() >= data.len() - open);
}

#[wasm_bindgen_test]
async fn typing_narrows_and_folds_accents() {
    let root = mount("2023-07-03").await;
    type_text(&root, "bruxelles").await;
    assert_eq!(titles(&root).len(), 1);
    assert_eq!(text(&one(&root, "[role=status]")).trim(), "1 offre sur 5");
    type_text(&root, "zzzzqqq").await;
    assert!(titles(&root).is_empty());
    assert_eq!(text(&one(&root, ".empty-title")), "Aucune offre pour «\u{a0}zzzzqqq\u{a0}».");
    assert!(root.query_selector(".nearest").unwrap().is_none(), "nothing is near zzzzqqq");
    click(&one(&root, ".empty button.secondary")).await;
    assert_eq!(titles(&root).len(), 5, "reset from the empty state restores the list");
}

#[wasm_bindgen_test]
async fn a_search_without_result_offers_the_nearest_offers_or_to_clear_the_filters() {
    let root = mount("2023-07-03").await;
    let brussels = "Chargé.e de projet – étude recherche-action";
    // A typo is forgiven.
    type_text(&root, "bruxeles").await;
    assert_eq!(titles(&root), [brussels]);
    // No offer has both words: the offers with any of them (or a typo more) are offered.
    type_text(&root, "bruxelles xylophone").await;
    assert_eq!(text(&one(&root, ".empty-title")), "Aucune offre pour «\u{a0}bruxelles xylophone\u{a0}».");
    assert_eq!(text(&one(&root, ".empty .nearest-intro")), "Offres proches :");
    let near: Vec<String> = all(&root, ".empty .nearest li.card a").iter().map(text).collect();
    assert_eq!(near, [brussels]);
    assert_eq!(text(&one(&root, "[role=status]")).trim(), "Aucune offre sur 5");
    click(&one(&root, ".empty .nearest li.card a")).await;
    assert_eq!(text(&one(&root, "article.detail [data-detail-heading]")), brussels, "a near offer opens");
    click(&one(&root, "article.detail button.back")).await;
    // The filters empty the list: clearing them keeps the words.
    type_text(&root, "").await;
    click(&one(&root, "fieldset.facet input[id*='-kind-stage']")).await;
    type_text(&root, "bruxelles").await;
    assert!(titles(&root).is_empty());
    assert!(root.query_selector(".nearest").unwrap().is_none());
    let offer = one(&root, ".empty .without-filters");
    assert!(text(&offer).starts_with("Avec ces filtres, aucune offre ; sans eux, 1 offre correspond."), "{}", text(&offer));
    click(&one(&offer, "button")).await;
    assert_eq!(titles(&root), [brussels]);
    assert!(all(&root, "fieldset.facet input:checked").is_empty(), "the filters are cleared");
    let input: HtmlInputElement = one(&root, "input[type=search]").dyn_into().unwrap();
    assert_eq!(input.value(), "bruxelles", "the words stay");
}

#[wasm_bindgen_test]
async fn the_region_group_lists_each_area_under_its_country_and_filters() {
    let root = mount("2023-07-03").await;
    let group = all(&root, "fieldset.facet")
        .into_iter()
        .find(|f| text(&one(f, "legend")) == "Région")
        .expect("a Région group");
    let countries: Vec<String> = all(&group, ".subgroup-title").iter().map(text).collect();
    assert_eq!(countries, ["Belgique", "France"]);
    let labels: Vec<String> = all(&group, "label").iter().map(text).collect();
    assert_eq!(labels, ["Bruxelles-Capitale : 1", "Auvergne-Rhône-Alpes : 3", "Île-de-France : 1"]);
    click(&one(&group, "input[id*='-region-']")).await;
    assert_eq!(titles(&root), ["Chargé.e de projet – étude recherche-action"]);
    assert_eq!(text(&one(&root, "[role=status]")).trim(), "1 offre sur 5");
}

#[wasm_bindgen_test]
async fn the_length_group_lists_buckets_shortest_first_and_filters() {
    let root = mount_in(Locale::En, "2023-07-03").await;
    let group = all(&root, "fieldset.facet").into_iter().find(|f| text(&one(f, "legend")) == "Length").expect("a Length group");
    let labels: Vec<String> = all(&group, "label").iter().map(text).collect();
    assert_eq!(labels, ["3 to 6 months: 1", "6 to 12 months: 2"]);
    click(&one(&group, "input")).await;
    assert_eq!(status(&root), "1 offer of 5");
}

#[wasm_bindgen_test]
async fn the_start_group_offers_asap_and_a_range_of_months() {
    let root = mount("2023-07-03").await;
    let group = all(&root, "fieldset.facet").into_iter().find(|f| text(&one(f, "legend")) == "Début").expect("a Début group");
    assert_eq!(text(&one(&group, "label")), "Dès que possible : 1");
    let options: Vec<String> = all(&group, "select")[0].query_selector_all("option").map(|l| {
        (0..l.length()).map(|i| l.item(i).unwrap().text_content().unwrap_or_default()).collect()
    }).unwrap();
    assert_eq!(options, ["Tous les mois", "septembre 2023", "janvier 2024", "février 2026"]);
    // "À partir de janvier 2024": the offers starting then or later.
    let from: web_sys::HtmlSelectElement = one(&group, "select").dyn_into().unwrap();
    from.set_value("2024-01");
    let ev = web_sys::InputEvent::new_with_event_init_dict("change", &{ let init = web_sys::InputEventInit::new(); init.set_bubbles(true); init }).unwrap();
    from.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(status(&root), "2 offres sur 5");
    // And the offers to start as soon as possible.
    let group = all(&root, "fieldset.facet").into_iter().find(|f| text(&one(f, "legend")) == "Début").unwrap();
    click(&one(&group, "input[type=checkbox]")).await;
    assert_eq!(status(&root), "3 offres sur 5");
}

#[wasm_bindgen_test]
async fn the_pay_group_sets_a_monthly_minimum_and_keeps_unstated_offers_by_choice() {
    let root = mount("2023-07-03").await;
    let group = || all(&root, "fieldset.facet").into_iter().find(|f| text(&one(f, "legend")) == "Salaire").expect("a Salaire group");
    assert!(group().query_selector("input[type=checkbox]").unwrap().is_none(), "no minimum, nothing to keep");
    let options: Vec<String> = all(&group(), "option").iter().map(text).collect();
    assert_eq!(options.len(), 8);
    assert!(options[3].ends_with("/ mois (1)"), "{options:?}");
    assert!(options[4].ends_with("(0)"), "29 000 € a year is 2 416 a month: {options:?}");
    let min: web_sys::HtmlSelectElement = one(&group(), "select").dyn_into().unwrap();
    min.set_value("2000");
    let ev = web_sys::InputEvent::new_with_event_init_dict("change", &{ let init = web_sys::InputEventInit::new(); init.set_bubbles(true); init }).unwrap();
    min.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(status(&root), "1 offre sur 5");
    assert_eq!(text(&one(&group(), "li label")), "Aussi les offres sans montant : 4");
    click(&one(&group(), "input[type=checkbox]")).await;
    assert_eq!(status(&root), "5 offres sur 5", "a filter is on, keeping every offer");
}

/// The tag names of the headings under `root`, in document order.
fn heading_tags(root: &Element) -> Vec<String> {
    all(root, "h1, h2, h3, h4, h5, h6").iter().map(|h| h.tag_name().to_lowercase()).collect()
}

#[wasm_bindgen_test]
async fn heading_levels_follow_the_level_given() {
    let data = || model::from_json(DATA).unwrap();
    // Without a title the offers' titles are the first headings; their sections one below.
    let root = mount_look("2023-07-03", data(), Rc::new(FakeHost::default()), Look::default()).await;
    assert_eq!(heading_tags(&root), ["h2"; 5]);
    click(&one(&root, "li.card .card-title a")).await;
    let detail = one(&root, "article.detail");
    assert_eq!(one(&detail, "[data-detail-heading]").tag_name(), "H2");
    assert!(heading_tags(&detail)[1..].iter().all(|h| h == "h3"), "{:?}", heading_tags(&detail));
    // Under a page's <h3>: the title at h4, the offers at h5, their sections at h6 (and no lower).
    let look = Look { heading_level: Some(4), title: Some("Nos offres"), ..Look::default() };
    let root = mount_look("2023-07-03", data(), Rc::new(FakeHost::default()), look).await;
    assert_eq!(one(&root, ".widget-title").tag_name(), "H4");
    assert_eq!(heading_tags(&root)[1..], ["h5"; 5]);
    click(&one(&root, "li.card .card-title a")).await;
    let detail = one(&root, "article.detail");
    assert_eq!(one(&detail, "[data-detail-heading]").tag_name(), "H5");
    let sections = heading_tags(&detail);
    assert!(sections.len() > 2 && sections[1..].iter().all(|h| h == "h6"), "{sections:?}");
    // At the top of a page: the offers are its <h1>s.
    let look = Look { heading_level: Some(1), ..Look::default() };
    let root = mount_look("2023-07-03", data(), Rc::new(FakeHost::default()), look).await;
    assert_eq!(heading_tags(&root), ["h1"; 5]);
}

#[wasm_bindgen_test]
async fn facet_counts_tell_what_a_click_gives() {
    let root = mount("2023-07-03").await;
    for label in all(&root, "fieldset.facet li label") {
        let count: usize = text(&one(&label, ".n")).trim_start_matches(" : ").trim().parse().unwrap_or(0);
        let input_id = label.get_attribute("for").unwrap();
        let input = one(&root, &format!("#{input_id}"));
        click(&input).await;
        assert_eq!(titles(&root).len(), count, "facet value {}", text(&label));
        let input = one(&root, &format!("#{input_id}"));
        click(&input).await;
        assert_eq!(titles(&root).len(), 5);
    }
}

#[wasm_bindgen_test]
async fn detail_opens_shows_fields_and_goes_back_with_focus() {
    let root = mount("2023-07-03").await;
    type_text(&root, "bruxelles").await;
    let button = one(&root, "li.card .card-title a");
    let title = text(&button);
    let button_id = button.id();
    click(&button).await;
    let detail = one(&root, "article.detail");
    assert_eq!(text(&one(&detail, "[data-detail-heading]")), title);
    let facts = text(&one(&detail, "dl.facts"));
    assert!(facts.contains("10 janvier 2024"), "{facts}");
    let mail = one(&detail, "a[href^='mailto:']");
    assert!(mail.get_attribute("href").unwrap().starts_with("mailto:recrutement@ilot.be?subject="));
    // The body is rendered as text: headings and lists.
    assert!(!all(&detail, ".body :is(h2, h3, h4, h5, h6)").is_empty());
    assert!(!all(&detail, ".body li").is_empty());
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active.tag_name(), "H2", "the heading takes focus");

    click(&one(&detail, "button.back")).await;
    assert!(root.query_selector("article.detail").unwrap().is_none());
    assert_eq!(titles(&root).len(), 1, "the query is kept");
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active.id(), button_id, "focus returns to the card");
}

#[wasm_bindgen_test]
async fn a_projects_grant_is_an_amount_not_pay() {
    let mut p = model::from_json(DATA).unwrap().remove(0);
    p.kind = model::Kind::Projet;
    p.contract = model::Contract::None;
    p.pay = Some(model::Pay {
        min: Some(model::Amount::units(3_000)),
        max: Some(model::Amount::units(10_000)),
        period: None,
        currency: model::Currency::EUR,
        basis: None,
        text: "Une subvention de 3 000 à 10 000 € par projet".into(),
    });
    p.deadline = None;
    let root = mount_with("2023-07-03", vec![p], Rc::new(FakeHost::default())).await;
    click(&one(&root, "li.card .card-title a")).await;
    let facts = text(&one(&one(&root, "article.detail"), "dl.facts"));
    assert!(facts.contains("Montant") && !facts.contains("Rémunération"), "{facts}");
    assert!(facts.contains("3\u{202f}000 – 10\u{202f}000\u{a0}€"), "{facts}");
}

#[wasm_bindgen_test]
async fn markup_in_offer_text_is_shown_as_text() {
    let mut postings = model::from_json(DATA).unwrap();
    postings[0].title = "<img src=x onerror=alert(1)>Chargé".into();
    let root = mount_with("2023-07-03", postings, Rc::new(FakeHost::default())).await;
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(titles(&root).iter().any(|t| t == "<img src=x onerror=alert(1)>Chargé"));
}

fn brussels() -> model::Posting {
    model::from_json(DATA).unwrap().into_iter().find(|p| p.city() == Some("Bruxelles")).expect("a Brussels seed")
}

#[wasm_bindgen_test]
async fn opening_an_offer_records_it_in_the_url_and_the_head() {
    let host = Rc::new(FakeHost::default());
    let root = mount_with("2023-07-03", model::from_json(DATA).unwrap(), host.clone()).await;
    let b = brussels();
    type_text(&root, "bruxelles").await;
    assert_eq!(host.saved_states.borrow().last().map(|(s, push)| (s.query.text.clone(), *push)), Some(("bruxelles".into(), false)),
        "typing replaces the URL state in place");
    let link = one(&root, "li.card .card-title a");
    assert_eq!(link.get_attribute("href").unwrap(), format!("https://asso.example/offres?offre={}", b.id));
    click(&link).await;
    let (state, push) = host.saved_states.borrow().last().cloned().unwrap();
    assert_eq!(state.offer.as_deref(), Some(b.id.as_str()));
    assert!(push, "opening an offer is a new history entry");
    let json = host.jsonld.borrow().last().cloned().flatten().expect("JSON-LD while open");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["@type"], "JobPosting");
    assert_eq!(v["title"], b.title.as_str());
    let writes = host.saved_states.borrow().len();
    click(&one(&root, "article.detail button.back")).await;
    assert_eq!(*host.backs.borrow(), 1, "closing an offer opened here goes back in history");
    assert_eq!(host.saved_states.borrow().len(), writes, "and writes no new entry");
    assert!(root.query_selector("article.detail").unwrap().is_none());
    assert_eq!(host.jsonld.borrow().last().cloned(), Some(None), "removed when the offer closes");
    assert_eq!(titles(&root).len(), 1, "the query is as it was");
}

#[wasm_bindgen_test]
async fn a_shared_link_opens_its_offer_and_history_moves_follow() {
    let b = brussels();
    let host = Rc::new(FakeHost { initial: UrlState { offer: Some(b.id.clone()), ..UrlState::default() }, ..FakeHost::default() });
    let root = mount_with("2023-07-03", model::from_json(DATA).unwrap(), host.clone()).await;
    assert_eq!(text(&one(&root, "article.detail [data-detail-heading]")), b.title);
    assert!(host.saved_states.borrow().is_empty(), "reading the URL does not write it back");
    let back = host.history.borrow().clone().expect("listens to history");
    back.emit(UrlState::default());
    yew::scheduler::flush().await;
    assert!(root.query_selector("article.detail").unwrap().is_none(), "Back closes the offer");
    assert!(host.saved_states.borrow().is_empty(), "a history move is not recorded again");
    let mut q = UrlState::default();
    q.query.text = "lyon".into();
    back.emit(q);
    yew::scheduler::flush().await;
    assert_eq!(one(&root, "input[type=search]").dyn_into::<HtmlInputElement>().unwrap().value(), "lyon");
}

#[wasm_bindgen_test]
async fn a_link_to_a_vanished_offer_says_so() {
    let host = Rc::new(FakeHost { initial: UrlState { offer: Some("retiree".into()), ..UrlState::default() }, ..FakeHost::default() });
    let root = mount_with("2023-07-03", model::from_json(DATA).unwrap(), host.clone()).await;
    assert_eq!(text(&one(&root, "article.detail [data-detail-heading]")), "Cette offre n’est plus disponible");
    click(&one(&root, "article.detail button.back")).await;
    assert_eq!(*host.backs.borrow(), 0, "an offer opened by the link itself closes in place");
    assert_eq!(host.saved_states.borrow().last().map(|(s, push)| (s.offer.clone(), *push)), Some((None, false)));
    assert_eq!(titles(&root).len(), 5);
}

#[wasm_bindgen_test]
async fn saved_offers_persist_and_survive_leaving_the_data() {
    let host = Rc::new(FakeHost::default());
    let root = mount_with("2023-07-03", model::from_json(DATA).unwrap(), host.clone()).await;
    let stars = all(&root, "li.card button.star");
    assert_eq!(stars.len(), 5);
    click(&stars[0]).await;
    let first_title = titles(&root)[0].clone();
    assert_eq!(one(&root, "li.card button.star").get_attribute("aria-pressed").as_deref(), Some("true"));
    let stored = host.favourites.borrow().clone().expect("stored");
    let (saved, _) = Favourites::decode(&stored);
    assert_eq!(saved.saved.len(), 1);
    assert_eq!(saved.saved[0].title, first_title);
    click(&one(&root, "button.mine")).await;
    assert_eq!(titles(&root), [first_title.clone()], "mes offres lists the saved offer only");

    // A new page load where that offer left the data: it is shown as no longer available.
    let mut postings = model::from_json(DATA).unwrap();
    postings.retain(|p| p.title != first_title);
    let host2 = Rc::new(FakeHost { favourites: RefCell::new(Some(stored)), ..FakeHost::default() });
    let root2 = mount_with("2023-07-03", postings, host2.clone()).await;
    assert!(text(&one(&root2, "button.mine")).contains("(1)"));
    click(&one(&root2, "button.mine")).await;
    let gone = one(&root2, "li.card.gone");
    assert!(text(&gone).contains(&first_title));
    assert!(text(&gone).contains("plus disponible"));
    click(&one(&gone, "button")).await;
    assert!(root2.query_selector("li.card.gone").unwrap().is_none());
    assert!(Favourites::decode(&host2.favourites.borrow().clone().unwrap()).0.saved.is_empty(), "removed from storage");
}

// ---------------------------------------------------------------------------------------------
// Languages, colour scheme, hidden facets

fn in_lang(locale: Locale) -> Look {
    Look { locale, ..Look::default() }
}

async fn mount_in(locale: Locale, today: &str) -> Element {
    mount_look(today, model::from_json(DATA).unwrap(), Rc::new(FakeHost::default()), in_lang(locale)).await
}

fn legends(root: &Element) -> Vec<String> {
    all(root, "fieldset legend").iter().map(text).collect()
}

fn status(root: &Element) -> String {
    text(&one(root, ".toolbar [role=status]")).trim().to_string()
}

#[wasm_bindgen_test]
async fn english_interface() {
    let root = mount_in(Locale::En, "2023-07-03").await;
    let vitrine = one(&root, ".vitrine");
    assert_eq!(vitrine.get_attribute("lang").as_deref(), Some("en"));
    let id = one(&root, "input[type=search]").id();
    assert_eq!(text(&one(&root, &format!("label[for='{id}']"))), "Search offers");
    assert_eq!(one(&root, "input[type=search]").get_attribute("placeholder").as_deref(), Some("Job, organisation, city…"));
    assert_eq!(status(&root), "5 offers");
    assert_eq!(legends(&root), ["Type of offer", "Contract", "Length", "Start", "Pay", "Country", "Region", "City", "Remote work", "Theme", "Organisation"]);
    assert_eq!(text(&one(&root, "button.filters-toggle")), "Filters");
    assert_eq!(text(&one(&root, "button.mine")), "★ My offers (0)");
    let kinds: Vec<String> = all(&root, "li.card .tag.kind").iter().map(text).collect();
    assert!(kinds.contains(&"Fixed-term (CDD)".to_string()) && kinds.contains(&"Internship".to_string()), "{kinds:?}");
    // Offer texts keep their language, and say so.
    for el in all(&root, "li.card .card-title, li.card .org") {
        assert_eq!(el.get_attribute("lang").as_deref(), Some("fr"), "{}", text(&el));
    }
    type_text(&root, "bruxelles").await;
    assert_eq!(status(&root), "1 offer of 5");
    assert_eq!(text(&one(&root, "li.card .badge")), "Until 10 January 2024");
    click(&one(&root, "li.card .card-title a")).await;
    let detail = one(&root, "article.detail");
    let facts = text(&one(&detail, "dl.facts"));
    for want in ["Offer type", "Fixed-term (CDD)", "Bruxelles", ", Belgium", "37\u{a0}hours a week", "Application deadline",
        "10 January 2024", "Start", "January 2024", "Poverty, homelessness"]
    {
        assert!(facts.contains(want), "{want:?} not in {facts}");
    }
    assert_eq!(text(&one(&detail, "button.back")), "← Back to the offers");
    assert_eq!(text(&one(&detail, "button.share")), "Share");
    assert_eq!(one(&detail, "[data-detail-heading]").get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(one(&detail, ".body").get_attribute("lang").as_deref(), Some("fr"));
    let mail = one(&detail, "a[href^='mailto:']");
    assert_eq!(text(&mail), "Apply by e-mail");
    assert!(mail.get_attribute("href").unwrap().contains("subject=Candidature%20%3A%20"), "the organization reads French");
}

#[wasm_bindgen_test]
async fn dutch_interface() {
    let root = mount_in(Locale::NlBe, "2023-07-03").await;
    assert_eq!(one(&root, ".vitrine").get_attribute("lang").as_deref(), Some("nl-BE"));
    assert_eq!(status(&root), "5 vacatures");
    assert_eq!(legends(&root)[0], "Soort aanbod");
    type_text(&root, "bruxelles").await;
    assert_eq!(status(&root), "1 vacature van 5");
    type_text(&root, "lyon").await;
    assert_eq!(status(&root), "2 vacatures van 5");
    let titles = titles(&root);
    let lyon = titles.iter().find(|t| t.starts_with("Chargé.e d’études")).expect("the Lyon job");
    let card = all(&root, "li.card").into_iter().find(|c| text(c).contains(lyon.as_str())).unwrap();
    let pay = text(&one(&card, ".pay"));
    assert_eq!(pay, "29.000\u{a0}€ bruto / jaar");
    assert_eq!(text(&one(&card, ".badge")), "Tot 15 oktober 2025");
    click(&one(&card, ".card-title a")).await;
    let facts = text(&one(&root, "article.detail dl.facts"));
    for want in ["Soort", "Tijdelijk contract (CDD)", "Lyon (69009), Rhône, Auvergne-Rhône-Alpes, Frankrijk", "Gedeeltelijk telewerk", "29.000\u{a0}€ bruto / jaar (29K€ brut par an)",
        "12 maanden", "Zo snel mogelijk", "15 oktober 2025", "Justitie, Inschakeling in werk"]
    {
        assert!(facts.contains(want), "{want:?} not in {facts}");
    }
    // The original pay words are French text inside a Dutch interface.
    assert!(all(&root, "article.detail dl.facts [lang=fr]").iter().any(|el| text(el) == "29K€ brut par an"));
}

#[wasm_bindgen_test]
async fn french_stays_as_it_was() {
    let root = mount_in(Locale::FrBe, "2023-07-03").await;
    assert_eq!(one(&root, ".vitrine").get_attribute("lang").as_deref(), Some("fr-BE"));
    assert_eq!(status(&root), "5 offres");
    assert_eq!(legends(&root), ["Type d’offre", "Contrat", "Durée", "Début", "Salaire", "Pays", "Région", "Ville", "Télétravail", "Thématique", "Organisation"]);
    // Nothing but the root carries a lang: offer texts and interface share the language.
    assert_eq!(all(&root, "[lang]").len(), 1);
    type_text(&root, "lyon").await;
    assert_eq!(status(&root), "2 offres sur 5");
    let pays: Vec<String> = all(&root, "li.card .pay").iter().map(text).collect();
    assert_eq!(pays, ["29\u{202F}000\u{a0}€ brut / an"]);
}

/// Signs of French left in an English or Dutch interface: letters and spacing those languages do
/// not use, French month names, and the longer French labels themselves.
fn french_left(s: &str, lang: Lang) -> Vec<String> {
    let mut found: Vec<String> = s.chars().filter(|c| "éèêàâçùûôîœÉÈÀ«»".contains(*c)).map(|c| c.to_string()).collect();
    for pattern in [" :", "\u{a0}:", " ;", "l’", "d’", "n’", "qu’", "offre", " sur ", " le ", " la ", " les ", " des "] {
        if s.contains(pattern) {
            found.push(format!("{pattern:?}"));
        }
    }
    for m in 1..=12 {
        let month = format!(" {} ", i18n::month_name(Lang::Fr, m));
        if format!(" {s} ").contains(&month) {
            found.push(month);
        }
    }
    let own: Vec<&str> = lang.texts().fields().into_iter().map(|(_, t)| t).collect();
    for (name, french) in i18n::FR.fields() {
        if french.chars().count() >= 8 && !own.iter().any(|t| t.contains(french)) && s.contains(french) {
            found.push(format!("FR.{name}"));
        }
    }
    found
}

/// The interface's own text in `el`: text nodes and the aria-label, title and placeholder
/// attributes, skipping elements marked as offer text (`lang="fr"`).
fn interface_texts(el: &Element, out: &mut Vec<String>) {
    if el.get_attribute("lang").as_deref() == Some("fr") {
        return;
    }
    for attr in ["aria-label", "title", "placeholder"] {
        if let Some(v) = el.get_attribute(attr) {
            out.push(v);
        }
    }
    let children = el.child_nodes();
    for i in 0..children.length() {
        let node = children.item(i).unwrap();
        match node.node_type() {
            Node::TEXT_NODE => out.extend(node.text_content().filter(|t| !t.trim().is_empty())),
            Node::ELEMENT_NODE => interface_texts(node.unchecked_ref::<Element>(), out),
            _ => {}
        }
    }
}

/// Checks the widget's current state: no French outside offer texts. Offer titles quoted in
/// button names ("Save “…” to my offers") are taken out first.
fn assert_translated(root: &Element, lang: Lang, state: &str, seen: &mut usize) {
    let data = model::from_json(DATA).unwrap();
    let mut texts = Vec::new();
    interface_texts(root, &mut texts);
    assert!(!texts.is_empty());
    for t in texts {
        let mut stripped = t.clone();
        for p in &data {
            stripped = stripped.replace(&p.title, "");
        }
        let left = french_left(&stripped, lang);
        assert!(left.is_empty(), "{lang:?}, {state}: {t:?} looks French ({left:?})");
        *seen += 1;
    }
}

/// Walks every state a visitor can reach and checks each for untranslated text.
async fn walk_every_state(locale: Locale) {
    let lang = locale.lang();
    let data = model::from_json(DATA).unwrap();
    let mut seen = 0;
    for today in ["2023-07-03", "2026-11-24"] {
        let host = Rc::new(FakeHost::default());
        let root = mount_look(today, data.clone(), host.clone(), in_lang(locale)).await;
        assert_translated(&root, lang, &format!("list on {today}"), &mut seen);
        // Only closed offers match: the sentence that offers to show them.
        type_text(&root, "bruxelles").await;
        assert_translated(&root, lang, "search", &mut seen);
        type_text(&root, "zzzzqqq").await;
        assert_translated(&root, lang, "empty result", &mut seen);
        type_text(&root, "bruxelles xylophone").await;
        assert_translated(&root, lang, "nearest offers", &mut seen);
        type_text(&root, "").await;
        click(&one(&root, "fieldset.facet input[id*='-kind-projet']")).await;
        type_text(&root, "bruxelles").await;
        assert_translated(&root, lang, "filters empty the list", &mut seen);
        // (On the later day the Brussels offer is closed: the filters are not what empties the list.)
        match root.query_selector(".empty .without-filters button").unwrap() {
            Some(clear) => click(&clear).await,
            None => click(&one(&root, ".empty button.secondary")).await,
        }
        type_text(&root, "").await;
        if let Some(toggle) = root.query_selector(".toolbar input[type=checkbox]").unwrap() {
            click(&toggle).await;
        }
        click(&one(&root, "fieldset.facet input[type=checkbox]")).await;
        assert_translated(&root, lang, "a filter chosen", &mut seen);
        click(&one(&root, ".toolbar button.secondary:not(.mine)")).await;
        for i in 0..all(&root, "li.card .card-title a").len() {
            click(&all(&root, "li.card .card-title a")[i]).await;
            click(&one(&root, "article.detail button.share")).await;
            click(&one(&root, "article.detail button.star")).await;
            assert_translated(&root, lang, &format!("detail {i} on {today}"), &mut seen);
            click(&one(&root, "article.detail button.back")).await;
        }
        click(&one(&root, "button.mine")).await;
        assert_translated(&root, lang, "saved offers", &mut seen);
    }
    // Nothing saved yet; a saved offer that left the data; a link to a vanished offer.
    let root = mount_in(locale, "2023-07-03").await;
    click(&one(&root, "button.mine")).await;
    assert_translated(&root, lang, "nothing saved", &mut seen);
    let stored = r#"{"saved":[{"id":"retiree","title":"Coordination Jeunesse","organization":"Asso"}]}"#;
    let host = Rc::new(FakeHost { favourites: RefCell::new(Some(stored.into())), ..FakeHost::default() });
    let root = mount_look("2023-07-03", data.clone(), host, in_lang(locale)).await;
    click(&one(&root, "button.mine")).await;
    assert!(root.query_selector("li.card.gone").unwrap().is_some());
    assert_translated(&root, lang, "saved offer gone", &mut seen);
    let host = Rc::new(FakeHost { initial: UrlState { offer: Some("retiree".into()), ..UrlState::default() }, ..FakeHost::default() });
    let root = mount_look("2023-07-03", data, host, in_lang(locale)).await;
    assert_translated(&root, lang, "vanished offer", &mut seen);
    assert!(seen > 200, "only {seen} texts checked");
}

#[wasm_bindgen_test]
async fn no_french_left_in_english() {
    walk_every_state(Locale::En).await;
}

#[wasm_bindgen_test]
async fn no_french_left_in_dutch() {
    walk_every_state(Locale::NlBe).await;
}

#[wasm_bindgen_test]
async fn the_walk_does_see_french() {
    // The same walk on the French interface must find French (else it checks nothing).
    let root = mount_in(Locale::FrFr, "2023-07-03").await;
    let mut texts = Vec::new();
    interface_texts(&root, &mut texts);
    let flagged = texts.iter().filter(|t| !french_left(t, Lang::En).is_empty()).count();
    assert!(flagged >= 10, "only {flagged} of {} French texts flagged", texts.len());
}

#[wasm_bindgen_test]
async fn hidden_facets_are_not_shown_and_their_url_filters_ignored() {
    let mut initial = UrlState::default();
    initial.query.filters.entry(Facet::City).or_default().insert("Lyon".into());
    let host = Rc::new(FakeHost { initial, ..FakeHost::default() });
    let look = Look { hidden_facets: [Facet::City, Facet::Organization].into_iter().collect(), ..Look::default() };
    let root = mount_look("2023-07-03", model::from_json(DATA).unwrap(), host, look).await;
    assert_eq!(legends(&root), ["Type d’offre", "Contrat", "Durée", "Début", "Salaire", "Pays", "Région", "Télétravail", "Thématique"]);
    assert_eq!(titles(&root).len(), 5, "a city filter from the URL does not narrow a widget without the city facet");
    assert_eq!(status(&root), "5 offres");
    // The other facets still work inside.
    let be = one(&root, "fieldset.facet input[id*='-country-BE']");
    click(&be).await;
    assert_eq!(status(&root), "1 offre sur 5");
}

#[wasm_bindgen_test]
async fn the_colour_scheme_is_on_the_root() {
    for scheme in ColorScheme::ALL {
        let look = Look { color_scheme: scheme, ..Look::default() };
        let root = mount_look("2023-07-03", model::from_json(DATA).unwrap(), Rc::new(FakeHost::default()), look).await;
        assert_eq!(one(&root, ".vitrine").get_attribute("data-color-scheme").as_deref(), Some(scheme.key()));
    }
}

/// Texts kept apart from the records (a split feed): none yet, then these, or none to be had.
struct FakeBodies {
    texts: RefCell<Option<Vec<model::body::Text>>>,
    failed: RefCell<bool>,
}

impl BodyStore for FakeBodies {
    fn body(&self, id: u32) -> OfferBody {
        match (&*self.texts.borrow(), *self.failed.borrow()) {
            (_, true) => OfferBody::Unavailable,
            (None, false) => OfferBody::Loading,
            (Some(texts), false) => OfferBody::Ready(Rc::new(texts[id as usize].clone())),
        }
    }
}

#[wasm_bindgen_test]
async fn texts_of_split_feeds_show_when_they_arrive_then_become_searchable() {
    let whole = model::from_json(DATA).unwrap();
    // As `vitrine pack` writes them: the ways to apply travel with the texts.
    let bare: Vec<model::Posting> =
        whole.iter().map(|p| model::Posting { body: vec![], apply: Default::default(), ..p.clone() }).collect();
    let catalogue = Catalogue::new(bare.clone());
    let full = Catalogue::new(whole.clone());
    let open = vitrine::catalogue::Query { show_expired: true, ..Default::default() };
    // A word only the texts have.
    let word = whole
        .iter()
        .flat_map(|p| p.body.iter())
        .filter_map(|b| match b { model::Block::Paragraph { text } => Some(text), _ => None })
        .flat_map(|t| vitrine::catalogue::fold::index_words(t))
        .find(|w| {
            let q = vitrine::catalogue::Query { text: w.clone(), ..open.clone() };
            catalogue.search(&q, "2023-07-03".parse().unwrap()).ids.is_empty()
                && !full.search(&q, "2023-07-03".parse().unwrap()).ids.is_empty()
        })
        .expect("some word is only in the texts");

    let store = Rc::new(FakeBodies { texts: RefCell::new(None), failed: RefCell::new(false) });
    let host = Rc::new(FakeHost::default());
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = |catalogue: &Catalogue, version: u32, searchable: bool| AppProps {
        catalogue: Rc::new(catalogue.clone()),
        today: "2023-07-03".parse::<Date>().unwrap(),
        uid: "t".into(),
        page_size: 20,
        title: None,
        host: HostRef(host.clone()),
        notice: None,
        locale: Locale::default(),
        color_scheme: ColorScheme::default(),
        hidden_facets: Default::default(),
        bodies: Some(BodyStoreRef { store: store.clone(), version, searchable }),
        heading_level: 2,
    };
    let mut handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props(&catalogue, 0, false)).render();
    yew::scheduler::flush().await;
    assert_eq!(one(&root, ".vitrine").get_attribute("data-texts").as_deref(), Some("loading"));
    type_text(&root, &word).await;
    assert!(titles(&root).is_empty(), "{word}: not searchable before the texts are in");
    type_text(&root, "").await;

    // The detail says the text is on its way, then shows it.
    let b = brussels();
    let link = all(&root, "li.card .card-title a").into_iter().find(|a| text(a) == b.title).unwrap();
    click(&link).await;
    let note = text(&one(&root, "article.detail .body-note"));
    assert_eq!(note, i18n::Locale::default().texts().body_loading);
    assert!(root.query_selector("article.detail .body").unwrap().is_none());
    assert!(root.query_selector("article.detail section.apply").unwrap().is_none(), "the ways to apply come with the text");
    let jsonld_before = host.jsonld.borrow().last().cloned().flatten().unwrap_or_default();

    *store.texts.borrow_mut() =
        Some(whole.iter().map(|p| model::body::Text { apply: p.apply.clone(), body: p.body.clone() }).collect());
    handle.update(props(&catalogue, 1, false));
    yew::scheduler::flush().await;
    assert!(root.query_selector("article.detail .body-note").unwrap().is_none());
    assert!(!all(&root, "article.detail .body :is(h2, h3, h4, h5, h6)").is_empty());
    assert!(!all(&root, "article.detail .body li").is_empty());
    let mailto = one(&root, "article.detail section.apply a[href^='mailto:']").get_attribute("href").unwrap();
    assert!(mailto.contains(&b.apply.emails[0]), "{mailto}");
    let first_paragraph = b.body.iter().find_map(|bl| match bl { model::Block::Paragraph { text } => Some(text.clone()), _ => None }).unwrap();
    assert!(text(&one(&root, "article.detail .body")).contains(&first_paragraph));
    let jsonld_after = host.jsonld.borrow().last().cloned().flatten().unwrap_or_default();
    let sentence: String = first_paragraph.chars().take(30).collect();
    assert!(!jsonld_before.contains(&sentence) && jsonld_after.contains(&sentence), "the JSON-LD gets the description");

    // Once indexed, the texts are searched too.
    let mut indexer = catalogue.body_indexer();
    for (id, p) in whole.iter().enumerate() {
        indexer.add(id as u32, &model::body::Text { apply: p.apply.clone(), body: p.body.clone() });
    }
    let indexed = catalogue.with_bodies(indexer);
    handle.update(props(&indexed, 2, true));
    yew::scheduler::flush().await;
    assert_eq!(one(&root, ".vitrine").get_attribute("data-texts").as_deref(), Some("ready"));
    click(&one(&root, "article.detail button.back")).await;
    type_text(&root, &word).await;
    assert!(!titles(&root).is_empty(), "{word}: found in the texts");

    // Texts that cannot be had are said so.
    *store.failed.borrow_mut() = true;
    handle.update(props(&indexed, 3, true));
    type_text(&root, "").await;
    let link = all(&root, "li.card .card-title a").into_iter().find(|a| text(a) == b.title).unwrap();
    click(&link).await;
    assert_eq!(text(&one(&root, "article.detail .body-note")), i18n::Locale::default().texts().body_unavailable);
    handle.destroy();
}
