//! Browser glue: `mount(host, script, heading_before)` reads the configuration (and the page's `<html lang>` for the
//! interface language), opens the host's Shadow DOM, adopts the stylesheet and renders the app
//! inside. Called by the loader (`vitrine.js`) once per widget.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::config::{self, Config};
use super::sources;
use wasm_bindgen_futures::JsFuture;
use crate::catalogue::{Catalogue, RecordsIndexer};
use crate::model::{self, Date, Posting};
use super::page::PageHost;
use super::bodies;
use crate::model::feed::BodiesRef;
use crate::ui::{i18n, App, AppProps, BodyStoreRef, HostRef};

/// The offers bundled with this build (`data/postings.json`).
const BUNDLED: &str = include_str!(concat!(env!("OUT_DIR"), "/postings.json"));
/// The widget's stylesheet, adopted by each shadow root.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));

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

/// Name of the Cache Storage bucket holding the last good copy of each feed.
const FEED_CACHE: &str = "vitrine-feeds";
/// Header of a kept feed copy that records the day it was fetched.
const SAVED_HEADER: &str = "x-vitrine-saved";

/// Everything a widget needs besides its data.
struct Mounted {
    container: Element,
    base: AppProps,
    preset: crate::catalogue::Filters,
    handle: Option<yew::AppHandle<App>>,
    /// The properties shown now.
    current: Option<AppProps>,
}

impl Mounted {
    /// Shows `postings` (narrowed by the partner's preset) with `notice`. `origins` says where
    /// the text of each posting of a split feed is (see `sources::Plan`); the store that will
    /// hold those texts is returned when there are any.
    fn show(
        &mut self,
        postings: Vec<Posting>,
        origins: Vec<Option<(usize, u32)>>,
        sources: usize,
        notice: Option<String>,
    ) -> Option<Rc<bodies::Store>> {
        let mut chosen = Vec::with_capacity(postings.len());
        let mut from = Vec::with_capacity(postings.len());
        for (p, o) in postings.into_iter().zip(origins.into_iter().chain(std::iter::repeat(None))) {
            if config::preset_accepts(&self.preset, &p) {
                chosen.push(p);
                from.push(o);
            }
        }
        let store = from.iter().any(Option::is_some).then(|| Rc::new(bodies::Store::new(from, sources)));
        let props = AppProps {
            catalogue: Rc::new(Catalogue::with_label_words(chosen, i18n::label_words(self.base.locale.lang()))),
            notice: notice.map(Into::into),
            bodies: store.clone().map(|store| BodyStoreRef { store, version: 0, searchable: false }),
            ..self.base.clone()
        };
        self.render(props);
        store
    }

    fn render(&mut self, props: AppProps) {
        self.current = Some(props.clone());
        match &mut self.handle {
            Some(handle) => handle.update(props),
            None => {
                self.handle = Some(
                    yew::Renderer::<App>::with_root_and_props(self.container.clone().unchecked_into(), props).render(),
                )
            }
        }
    }

    /// Fetches and indexes the texts of the split feeds shown: the detail view gets them as soon
    /// as they are in, the search once they are indexed.
    async fn load_bodies(&mut self, store: Rc<bodies::Store>, urls: &[String], split: &[Option<BodiesRef>], cache: Option<&web_sys::Cache>, today: Date) {
        bodies::fetch_all(&store, urls, split, cache, |c, url, blob| keep_blob(c, url, blob, today)).await;
        let Some(current) = self.current.clone() else { return };
        let catalogue = current.catalogue.clone();
        let dyn_store: Rc<dyn crate::ui::BodyStore> = store.clone();
        self.render(AppProps { bodies: Some(BodyStoreRef { store: dyn_store.clone(), version: 1, searchable: false }), ..current });
        let indexer = bodies::index(&store, &catalogue, split, urls).await;
        let Some(current) = self.current.clone() else { return };
        self.render(AppProps {
            catalogue: Rc::new(catalogue.with_bodies(indexer)),
            bodies: Some(BodyStoreRef { store: dyn_store, version: 2, searchable: true }),
            ..current
        });
    }
}

/// Mounts one widget in `host`, configured by the `data-` attributes of `script` (defaults) and
/// of `host` (overrides); `heading_before` is the level of the nearest heading before the host in
/// the page (the loader reads it), which places the widget's headings under it. Returns an error
/// the loader shows when the widget cannot start.
#[wasm_bindgen]
pub fn mount(host: Element, script: Option<Element>, heading_before: Option<u8>) -> Result<(), JsValue> {
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
    let Config { lang, color_scheme, hidden_facets, today, preset, page_size, title, url_prefix, sources, heading_level, .. } =
        config;
    let bundled = bundled_postings()?;

    let root = shadow_root(&host)?;
    adopt_styles(&root)?;
    let document = host.owner_document().ok_or("vitrine: host element has no document")?;
    let page_lang = document.document_element().and_then(|html| html.get_attribute("lang"));
    let locale = config::resolve_locale(lang, page_lang.as_deref());
    let container = document.create_element("div")?;
    let heading_level = config::heading_level(heading_level, heading_before);

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
    let today = today.unwrap_or_else(local_today);
    let base = AppProps {
        catalogue: Rc::new(Catalogue::new(Vec::new())),
        today,
        uid: uid.clone().into(),
        page_size,
        title: title.map(Into::into),
        host: HostRef(Rc::new(PageHost::new(window.clone(), prefix, uid))),
        notice: None,
        locale,
        color_scheme,
        hidden_facets,
        bodies: None,
        heading_level,
    };
    let mut mounted = Mounted { container: container.clone(), base, preset, handle: None, current: None };

    if sources.is_empty() {
        root.replace_children_with_node_1(&container);
        mounted.show(bundled.to_vec(), Vec::new(), 0, None);
        return Ok(());
    }
    // With feeds the loading message stays until a kept copy or an answer is there.
    wasm_bindgen_futures::spawn_local(async move {
        let base_url = document.base_uri().ok().flatten().unwrap_or_default();
        let urls: Vec<String> = sources
            .iter()
            .map(|s| web_sys::Url::new_with_base(s, &base_url).map(|u| u.href()).unwrap_or_else(|_| s.clone()))
            .collect();
        // Start every request at once; read the kept copies while they run.
        // (Each becomes a future at once, so a request that fails early is already handled.)
        let requests: Vec<JsFuture> = urls.iter().map(|u| JsFuture::from(window.fetch_with_str(u))).collect();
        let cache = open_cache(&window).await;
        let mut state = Vec::new();
        for url in &urls {
            let cached = match &cache {
                Some(c) => read_cached(c, url).await,
                None => None,
            };
            state.push(sources::Source { url: url.clone(), fresh: None, cached });
        }
        let first = sources::plan(&state, &bundled, today, locale);
        if !first.postings.is_empty() {
            root.replace_children_with_node_1(&container);
            mounted.show(first.postings, first.origins, urls.len(), first.notice);
        }
        for (source, request) in state.iter_mut().zip(requests) {
            source.fresh = Some(fetch_text(request).await);
        }
        let done = sources::plan(&state, &bundled, today, locale);
        for line in &done.problems {
            web_sys::console::warn_1(&JsValue::from_str(&format!("vitrine: feed {line}")));
        }
        // Show first, keep the copies after: the visitor does not wait for the cache.
        root.replace_children_with_node_1(&container);
        let store = mounted.show(done.postings, done.origins, urls.len(), done.notice);
        // Once the list is on screen: the search index of the records (in slices, so a tap
        // meanwhile is answered at once), then the kept copies.
        bodies::after_paint().await;
        if let Some(indexer) = mounted.current.as_ref().and_then(|props| props.catalogue.records_indexer()) {
            index_records(indexer).await;
        }
        if let Some(c) = &cache {
            for &i in &done.to_cache {
                if let (Some(Ok(text)), url) = (&state[i].fresh, &state[i].url) {
                    keep(c, url, text, today).await;
                }
            }
        }
        drop(state);
        if let Some(store) = store {
            mounted.load_bodies(store, &urls, &done.split, cache.as_ref(), today).await;
        }
    });
    Ok(())
}

async fn open_cache(window: &web_sys::Window) -> Option<web_sys::Cache> {
    // Cache Storage exists only in secure contexts (https, localhost).
    let caches = window.caches().ok()?;
    JsFuture::from(caches.open(FEED_CACHE)).await.ok()?.dyn_into().ok()
}

async fn read_cached(cache: &web_sys::Cache, url: &str) -> Option<sources::Cached> {
    let hit = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let response: web_sys::Response = hit.dyn_into().ok()?;
    let saved = response.headers().get(SAVED_HEADER).ok().flatten()?.parse::<Date>().ok()?;
    let text = read_text(&response).await?;
    Some(sources::Cached { text, saved })
}

/// Keeps `text` (a feed) as the last good copy of `url`.
async fn keep(cache: &web_sys::Cache, url: &str, text: &str, today: Date) {
    if let Ok(response) = web_sys::Response::new_with_opt_str_and_init(Some(text), &kept_copy(today)) {
        let _ = JsFuture::from(cache.put_with_str(url, &response)).await;
    }
}

/// The headers of a kept copy: JSON, fetched on `today`.
fn kept_copy(today: Date) -> web_sys::ResponseInit {
    let init = web_sys::ResponseInit::new();
    if let Ok(h) = web_sys::Headers::new() {
        let _ = h.set(SAVED_HEADER, &today.to_string());
        let _ = h.set("content-type", "application/json");
        init.set_headers(&h);
    }
    init
}

/// Runs `indexer` to the end in slices of about 8 ms, letting the browser handle events between them.
async fn index_records(mut indexer: RecordsIndexer) {
    let mut slices = bodies::Slices::new();
    while !indexer.step(64) {
        slices.pause().await;
    }
}

/// Keeps `blob` (a bodies file) as the last good copy of `url`, without it entering the wasm memory.
fn keep_blob(cache: &web_sys::Cache, url: &str, blob: web_sys::Blob, today: Date) -> js_sys::Promise {
    match web_sys::Response::new_with_opt_blob_and_init(Some(&blob), &kept_copy(today)) {
        Ok(response) => cache.put_with_str(url, &response),
        Err(e) => js_sys::Promise::reject(&e),
    }
}

/// The body of a feed request, or why there is none ("HTTP 500", "network error").
async fn fetch_text(request: JsFuture) -> Result<String, String> {
    let response = bodies::answer(request).await?;
    read_text(&response).await.ok_or_else(|| "unreadable body".to_string())
}

/// A response's text, copied into the wasm memory once, at its exact size (a JS string passed
/// in would first take three bytes per character: 26 MB of memory for a 9 MB feed).
async fn read_text(response: &web_sys::Response) -> Option<String> {
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Some(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}
