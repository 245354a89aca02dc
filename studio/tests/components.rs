#![cfg(target_arch = "wasm32")]
//! Component tests of the studio in headless Chromium (wasm-bindgen-test): the review form and
//! the review state, driven through real DOM events.

use std::cell::RefCell;
use std::rc::Rc;
use vitrine_studio::components::{App, AppProps};
use vitrine_studio::state::{Action, Studio};
use vitrine_studio::storage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "Éducateur spécialisé (H/F)\n\nAssociation Les Écureuils — Lyon (France)\nType de contrat : CDI\n\
                    Rémunération : 2 150 € bruts mensuels\n\nCandidature\nCV à recrutement@ecureuils.org avant le 15 octobre 2025.";

async fn mount(initial: Studio, saved: Rc<RefCell<Vec<String>>>) -> Element {
    mount_with(initial, saved, "../pkg/").await
}

async fn mount_with(initial: Studio, saved: Rc<RefCell<Vec<String>>>, widget_files: &'static str) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        initial: Rc::new(initial),
        today: "2025-10-10".parse().unwrap(),
        on_save: yew::Callback::from(move |t: String| {
            saved.borrow_mut().push(t);
            true
        }),
        preview: None,
        widget_files: widget_files.into(),
        lang: Default::default(),
        on_lang: yew::Callback::from(|_| ()),
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

async fn type_into(input: &Element, value: &str) {
    let input: HtmlInputElement = input.clone().dyn_into().unwrap();
    input.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
}

fn studio_with_two() -> Studio {
    Studio::default().reduce(Action::AddTexts(vec![(TEXT.into(), Some("a.txt".into())), ("Comptable\nCDI".into(), None)]))
}

#[wasm_bindgen_test]
async fn the_form_shows_each_field_with_its_line_and_the_doubts_first() {
    let s = studio_with_two();
    let second = s.offers[1].key;
    let root = mount(s.reduce(Action::Select(second)), Rc::default()).await;
    // The second offer has no organization: it is marked and comes first.
    let first = one(&root, "form.fields fieldset.field");
    assert!(first.class_list().contains("to-check"), "{}", first.outer_html());
    assert!(text(&one(&root, "fieldset.field.to-check legend")).contains("à vérifier"));
    // The list shows the status and how many fields to check.
    assert!(text(&one(&root, "ol.offers")).contains("Se clôt dans 5 jours"));
    one(&root, "ol.offers li:first-child button.pick").dyn_into::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    let pay = one(&root, "fieldset.field[data-field=pay] .source");
    assert_eq!(text(&pay), "Ligne 5 : Rémunération : 2 150 € bruts mensuels");
}

#[wasm_bindgen_test]
async fn a_correction_becomes_an_override_saved_at_once_and_bad_input_keeps_the_record() {
    let saved: Rc<RefCell<Vec<String>>> = Rc::default();
    let root = mount(studio_with_two(), saved.clone()).await;
    let org = one(&root, "fieldset.field[data-field=organization] input");
    type_into(&org, "Les Écureuils").await;
    let last = storage::decode(saved.borrow().last().unwrap(), Default::default()).unwrap();
    assert_eq!(last.offers[0].overrides["organization"], serde_json_value("Les Écureuils"));
    assert!(text(&one(&root, "fieldset.field[data-field=organization] legend")).contains("vérifié"));
    assert!(text(&one(&root, "ol.offers")).contains("Les Écureuils"));

    let n = saved.borrow().len();
    let hours = one(&root, "fieldset.field[data-field=hours_per_week] input");
    type_into(&hours, "trente-cinq").await;
    let err = one(&root, "fieldset.field[data-field=hours_per_week] .error");
    assert!(text(&err).contains("trente-cinq"), "{}", text(&err));
    assert_eq!(err.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(saved.borrow().len(), n, "nothing changed, nothing saved");
    // What was typed stays in the input, to be fixed.
    assert_eq!(hours.dyn_into::<HtmlInputElement>().unwrap().value(), "trente-cinq");

    // Back to what the extractor read.
    let revert = root.query_selector_all("fieldset.field[data-field=organization] .row-actions button").unwrap();
    revert.item(revert.length() - 1).unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(one(&root, "fieldset.field[data-field=organization] input").dyn_into::<HtmlInputElement>().unwrap().value(), "Association Les Écureuils");
}

#[wasm_bindgen_test]
async fn offer_text_is_shown_as_text() {
    let s = Studio::default().reduce(Action::AddTexts(vec![("<img src=x onerror=alert(1)> Comptable\nCDI".into(), None)]));
    let root = mount(s, Rc::default()).await;
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(text(&root).contains("<img src=x"));
}

/// Waits `ms` milliseconds (lets fetches and timers run).
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    yew::scheduler::flush().await;
}

fn button(root: &Element, label: &str) -> web_sys::HtmlElement {
    let all = root.query_selector_all("button").unwrap();
    (0..all.length())
        .filter_map(|i| all.item(i))
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button «{label}»"))
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_folder_says_which_widget_file_it_cannot_fetch_and_keeps_the_work() {
    let saved: Rc<RefCell<Vec<String>>> = Rc::default();
    let root = mount_with(studio_with_two(), saved.clone(), "/introuvable/").await;
    let n = saved.borrow().len();
    button(&root, "Télécharger le dossier prêt à héberger (.zip)").click();
    let mut message = String::new();
    for _ in 0..50 {
        sleep(100).await;
        if let Some(m) = root.query_selector(".message.error").unwrap() {
            message = text(&m);
            break;
        }
    }
    assert!(message.contains("« /introuvable/vitrine.js »") && message.contains("Votre travail n’a pas changé"), "{message}");
    assert_eq!(saved.borrow().len(), n);
    assert_eq!(root.query_selector_all("ol.offers li.offer").unwrap().length(), 2);
}

#[wasm_bindgen_test]
async fn choosing_english_shows_the_interface_in_english_and_the_offers_as_written() {
    let s = studio_with_two();
    let second = s.offers[1].key;
    let root = mount(s.reduce(Action::Select(second)), Rc::default()).await;
    assert_eq!(text(&one(&root, "#add-title")), "Ajouter des offres");
    let select: web_sys::HtmlSelectElement = one(&root, "#ui-lang").dyn_into().unwrap();
    select.set_value("en");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&one(&root, "#add-title")), "Add offers");
    assert_eq!(text(&one(&root, "#publish-title")), "Publish");
    assert_eq!(text(&one(&root, "label[for=paste]")), "Text of an offer");
    assert_eq!(one(&root, ".studio").get_attribute("lang").as_deref(), Some("en"));
    assert!(text(&one(&root, "p.counts")).ends_with("closing soon · 0 closed"), "{}", text(&one(&root, "p.counts")));
    assert!(text(&one(&root, "fieldset.field.to-check legend")).contains("to check"));
    assert_eq!(text(&one(&root, "fieldset.field[data-field=organization] legend")).trim_end_matches("to check"), "Organisation");
    // The offer's own words are not translated; the widget's language setting is another thing.
    assert!(text(&one(&root, "ol.offers")).contains("Éducateur spécialisé"));
    assert_eq!(one(&root, "#set-lang").dyn_into::<web_sys::HtmlSelectElement>().unwrap().value(), "fr");
    // Messages follow the interface's language too.
    type_into(&one(&root, "fieldset.field[data-field=hours_per_week] input"), "thirty").await;
    assert_eq!(
        text(&one(&root, "fieldset.field[data-field=hours_per_week] .error")),
        "Hours per week: “thirty” is not a number — the previous value is kept."
    );
    // Back to French.
    select.set_value("fr");
    select.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&one(&root, "#add-title")), "Ajouter des offres");
}

fn serde_json_value(s: &str) -> serde_json::Value {
    serde_json::Value::String(s.into())
}
