#![cfg(target_arch = "wasm32")]
//! Component tests in headless Chromium (wasm-bindgen-test): the Yew app rendered into a plain
//! element with the bundled seed data, driven through real DOM events.

use std::rc::Rc;

use vitrine::catalogue::Catalogue;
use vitrine::model::{self, Date};
use vitrine::ui::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const DATA: &str = include_str!("../data/postings.json");

async fn mount(today: &str) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let postings = model::from_json(DATA).expect("bundled data parses");
    let props = AppProps {
        catalogue: Rc::new(Catalogue::new(postings)),
        today: today.parse::<Date>().unwrap(),
        uid: "t".into(),
        page_size: 20,
        title: None,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
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
    all(root, "li.card h3 button").iter().map(text).collect()
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
    let button = one(&root, "li.card h3 button");
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
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let mut postings = model::from_json(DATA).unwrap();
    postings[0].title = "<img src=x onerror=alert(1)>Chargé".into();
    let props = AppProps {
        catalogue: Rc::new(Catalogue::new(postings)),
        today: "2023-07-03".parse().unwrap(),
        uid: "x".into(),
        page_size: 20,
        title: None,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(titles(&root).iter().any(|t| t == "<img src=x onerror=alert(1)>Chargé"));
}
