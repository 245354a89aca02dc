//! Browser glue: `mount(host, script)` reads the configuration, opens the host's Shadow DOM, adopts
//! the stylesheet and renders the app inside. Called by the loader (`vitrine.js`) once per widget.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::config::{self, Config};
use crate::catalogue::Catalogue;
use crate::model::{self, Date, Posting};
use super::page::PageHost;
use crate::ui::{App, AppProps, HostRef};

/// The offers bundled with this build (`data/postings.json`).
const BUNDLED: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/postings.json"));
/// The widget's stylesheet, adopted by each shadow root.
const CSS: &str = include_str!("../ui/style.css");

thread_local! {
    /// Bundled postings, parsed once per page and shared by every widget on it.
    static POSTINGS: OnceCell<Rc<Vec<Posting>>> = const { OnceCell::new() };
    /// Numbering of widgets on the page, for unique element ids.
    static NEXT_UID: Cell<u32> = const { Cell::new(1) };
}

fn bundled_postings() -> Result<Rc<Vec<Posting>>, JsValue> {
    POSTINGS.with(|cell| {
        if let Some(p) = cell.get() {
            return Ok(p.clone());
        }
        let parsed = model::from_json(BUNDLED)
            .map_err(|e| JsValue::from_str(&format!("vitrine: bundled data is invalid: {e}")))?;
        let rc = Rc::new(parsed);
        let _ = cell.set(rc.clone());
        Ok(rc)
    })
}

fn data_attributes(el: &Element, into: &mut Vec<(String, String)>) {
    for name in el.get_attribute_names().iter().filter_map(|n| n.as_string()) {
        if name.starts_with("data-") {
            into.push((name.clone(), el.get_attribute(&name).unwrap_or_default()));
        }
    }
}

fn local_today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as u16, now.get_month() as u8 + 1, now.get_date() as u8)
        .expect("the browser's clock gives a real date")
}

fn shadow_root(host: &Element) -> Result<ShadowRoot, JsValue> {
    match host.shadow_root() {
        Some(root) => Ok(root),
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
    }
}

fn adopt_styles(root: &ShadowRoot) -> Result<(), JsValue> {
    // Constructable stylesheets work under a strict CSP (no inline <style> needed).
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(CSS)?;
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &sheets)?;
    Ok(())
}

/// Mounts one widget in `host`, configured by the `data-` attributes of `script` (defaults) and
/// of `host` (overrides). Returns an error the loader shows when the widget cannot start.
#[wasm_bindgen]
pub fn mount(host: Element, script: Option<Element>) -> Result<(), JsValue> {
    let mut attributes = Vec::new();
    if let Some(script) = &script {
        data_attributes(script, &mut attributes);
    }
    if script.as_ref() != Some(&host) {
        data_attributes(&host, &mut attributes);
    }
    let (config, errors) = config::parse(&attributes);
    for e in &errors {
        web_sys::console::warn_1(&JsValue::from_str(&e.to_string()));
    }
    let Config { today, preset, page_size, title, url_prefix, .. } = config;

    let all = bundled_postings()?;
    let postings: Vec<Posting> = all.iter().filter(|p| config::preset_accepts(&preset, p)).cloned().collect();
    let catalogue = Rc::new(Catalogue::new(postings));

    let root = shadow_root(&host)?;
    adopt_styles(&root)?;
    root.set_inner_html("");
    let document = host.owner_document().ok_or("vitrine: host element has no document")?;
    let container = document.create_element("div")?;
    root.append_child(&container)?;

    let number = NEXT_UID.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    });
    let uid = format!("vitrine-{number}");
    // URL parameters: the first widget uses plain names, the others a prefix of their own.
    let host_id: String = host.id().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    let prefix = match url_prefix {
        Some(p) => p,
        None if number == 1 => String::new(),
        None if !host_id.is_empty() => host_id,
        None => format!("vitrine{number}"),
    };
    let window = web_sys::window().ok_or("vitrine: no window")?;
    let page_host = PageHost::new(window, prefix, uid.clone());
    let props = AppProps {
        catalogue,
        today: today.unwrap_or_else(local_today),
        uid: uid.into(),
        page_size,
        title: title.map(Into::into),
        host: HostRef(Rc::new(page_host)),
        notice: None,
    };
    yew::Renderer::<App>::with_root_and_props(container.unchecked_into(), props).render();
    Ok(())
}
