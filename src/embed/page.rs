//! `PageHost`: the app's `Host` services on a real page — the widget's own URL parameters and
//! history entries, the saved offers in localStorage, one JSON-LD block in <head>, sharing.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, Window};
use yew::Callback;

use super::url::{self, UrlState};
use crate::ui::host::{Host, ShareOutcome};

/// localStorage key of the saved offers, shared by every widget of the site.
const FAVOURITES_KEY: &str = "vitrine:favoris";

pub struct PageHost {
    window: Window,
    /// Prefix of this widget's URL parameters ("" for `offre`, "emplois" for `emplois-offre`).
    prefix: String,
    /// Marks this widget's JSON-LD block in <head>.
    uid: String,
    jsonld: RefCell<Option<Element>>,
}

impl PageHost {
    pub fn new(window: Window, prefix: String, uid: String) -> PageHost {
        PageHost { window, prefix, uid, jsonld: RefCell::new(None) }
    }

    fn search(&self) -> String {
        self.window.location().search().unwrap_or_default()
    }

    /// The page URL with this widget's parameters set to `state`, others kept.
    fn url_for(&self, state: &UrlState) -> String {
        let loc = self.window.location();
        let path = loc.pathname().unwrap_or_default();
        let hash = loc.hash().unwrap_or_default();
        format!("{path}{}{hash}", url::write(&self.search(), &self.prefix, state))
    }
}

impl PageHost {
    /// Sets the text of a script element, through a Trusted Types policy named `vitrine` where the
    /// page enforces them. False (and no exception) when the page's policy forbids it: the
    /// JSON-LD is then left out, the widget works on.
    fn set_script_text(&self, el: &Element, text: &str) -> bool {
        let value = match trusted_script(&self.window, text) {
            Ok(v) => v,
            Err(_) => return false,
        };
        js_sys::Reflect::set(el, &"textContent".into(), &value).is_ok()
    }
}

thread_local! {
    /// The `vitrine` Trusted Types policy, created once per page (`None`: none needed or allowed).
    static POLICY: std::cell::OnceCell<Option<JsValue>> = const { std::cell::OnceCell::new() };
}

/// `text` as a TrustedScript when the page has Trusted Types, else as a plain string.
fn trusted_script(window: &Window, text: &str) -> Result<JsValue, JsValue> {
    let policy = POLICY.with(|cell| {
        cell.get_or_init(|| {
            let tt = js_sys::Reflect::get(window, &"trustedTypes".into()).ok().filter(|v| v.is_object())?;
            let create = js_sys::Reflect::get(&tt, &"createPolicy".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
            let rules = js_sys::Object::new();
            let identity = Closure::<dyn Fn(String) -> String>::new(|s: String| s);
            js_sys::Reflect::set(&rules, &"createScript".into(), identity.as_ref()).ok()?;
            identity.forget();
            create.call2(&tt, &"vitrine".into(), &rules).ok()
        })
        .clone()
    });
    let has_tt = js_sys::Reflect::get(window, &"trustedTypes".into()).map(|v| v.is_object()).unwrap_or(false);
    match policy {
        Some(policy) => {
            let create = js_sys::Reflect::get(&policy, &"createScript".into())?.dyn_into::<js_sys::Function>()?;
            create.call1(&policy, &text.into())
        }
        // Trusted Types exist but our policy was refused: assigning a string would throw.
        None if has_tt => Err(JsValue::from_str("vitrine: Trusted Types policy not allowed")),
        None => Ok(text.into()),
    }
}

impl Host for PageHost {
    fn initial_state(&self) -> UrlState {
        url::read(&self.search(), &self.prefix)
    }

    fn save_state(&self, state: &UrlState, push: bool) {
        let Ok(history) = self.window.history() else { return };
        let target = self.url_for(state);
        // Keep whatever state object the host page's own code put in history.
        let page_state = history.state().unwrap_or(JsValue::NULL);
        let _ = if push {
            history.push_state_with_url(&page_state, "", Some(&target))
        } else {
            history.replace_state_with_url(&page_state, "", Some(&target))
        };
    }

    fn back(&self) {
        if let Ok(history) = self.window.history() {
            let _ = history.back();
        }
    }

    fn on_history(&self, listener: Callback<UrlState>) {
        let window = self.window.clone();
        let prefix = self.prefix.clone();
        let handler = Closure::<dyn Fn()>::new(move || {
            let search = window.location().search().unwrap_or_default();
            listener.emit(url::read(&search, &prefix));
        });
        let _ = self.window.add_event_listener_with_callback("popstate", handler.as_ref().unchecked_ref());
        // The widget lives as long as the page.
        handler.forget();
    }

    fn offer_link(&self, state: &UrlState) -> String {
        let origin = self.window.location().origin().unwrap_or_default();
        format!("{origin}{}", self.url_for(state))
    }

    fn share(&self, title: &str, link: &str, done: Callback<ShareOutcome>) {
        let navigator = self.window.navigator();
        let can_share = js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false);
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(link);
        let sheet = can_share.then(|| navigator.share_with_data(&data));
        let clipboard = navigator.clipboard();
        let link = link.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(promise) = sheet {
                if JsFuture::from(promise).await.is_ok() {
                    return done.emit(ShareOutcome::Sheet);
                }
            }
            let copied = JsFuture::from(clipboard.write_text(&link)).await.is_ok();
            done.emit(if copied { ShareOutcome::Copied } else { ShareOutcome::Failed });
        });
    }

    fn set_structured_data(&self, json: Option<String>) {
        let Some(document) = self.window.document() else { return };
        let mut slot = self.jsonld.borrow_mut();
        match (json, slot.as_ref()) {
            (Some(json), Some(el)) => {
                if !self.set_script_text(el, &json) {
                    el.remove();
                    *slot = None;
                }
            }
            (Some(json), None) => {
                let Some(head) = document.head() else { return };
                let Ok(el) = document.create_element("script") else { return };
                let _ = el.set_attribute("type", "application/ld+json");
                let _ = el.set_attribute("data-vitrine", &self.uid);
                if self.set_script_text(&el, &json) && head.append_child(&el).is_ok() {
                    *slot = Some(el);
                }
            }
            (None, Some(el)) => {
                el.remove();
                *slot = None;
            }
            (None, None) => {}
        }
    }

    fn load_favourites(&self) -> Option<String> {
        self.window.local_storage().ok().flatten()?.get_item(FAVOURITES_KEY).ok().flatten()
    }

    fn save_favourites(&self, text: &str) -> bool {
        match self.window.local_storage() {
            Ok(Some(storage)) => storage.set_item(FAVOURITES_KEY, text).is_ok(),
            _ => false,
        }
    }
}
