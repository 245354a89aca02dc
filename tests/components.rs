#![cfg(target_arch = "wasm32")]
//! Component tests in headless Chromium (wasm-bindgen-test): the Yew app rendered into a plain
//! element with the bundled seed data, driven through real DOM events.

use std::rc::Rc;

use std::cell::RefCell;

use vitrine::catalogue::Catalogue;
use vitrine::embed::url::UrlState;
use vitrine::model::{self, Date};
use vitrine::ui::favourites::Favourites;
use vitrine::ui::host::{Host, ShareOutcome};
use vitrine::ui::{App, AppProps, HostRef};
use yew::Callback;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

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

async fn mount_with(today: &str, postings: Vec<model::Posting>, host: Rc<FakeHost>) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        catalogue: Rc::new(Catalogue::new(postings)),
        today: today.parse::<Date>().unwrap(),
        uid: "t".into(),
        page_size: 20,
        title: None,
        host: HostRef(host),
        notice: None,
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
    all(root, "li.card h3 a").iter().map(text).collect()
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
    assert!(text(&one(&root, ".empty")).contains("Aucune offre ne correspond"));
    click(&one(&root, ".empty button.secondary")).await;
    assert_eq!(titles(&root).len(), 5, "reset from the empty state restores the list");
}

#[wasm_bindgen_test]
async fn facet_counts_tell_what_a_click_gives() {
    let root = mount("2023-07-03").await;
    for label in all(&root, "fieldset.facet label") {
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
    let button = one(&root, "li.card h3 a");
    let title = text(&button);
    let button_id = button.id();
    click(&button).await;
    let detail = one(&root, "article.detail");
    assert_eq!(text(&one(&detail, "h2")), title);
    let facts = text(&one(&detail, "dl.facts"));
    assert!(facts.contains("10 janvier 2024"), "{facts}");
    let mail = one(&detail, "a[href^='mailto:']");
    assert!(mail.get_attribute("href").unwrap().starts_with("mailto:recrutement@ilot.be?subject="));
    // The body is rendered as text: headings and lists.
    assert!(!all(&detail, ".body h3").is_empty());
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
    let link = one(&root, "li.card h3 a");
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
    assert_eq!(text(&one(&root, "article.detail h2")), b.title);
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
    assert_eq!(text(&one(&root, "article.detail h2")), "Cette offre n’est plus disponible");
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
