//! The texts of split feeds (bodies and ways to apply) in the browser. A feed's bodies file is
//! fetched once its list is on screen (its kept copy when the network fails) and stays outside the
//! wasm memory, as the bytes of the file with the place of each text (the file `vitrine pack`
//! writes has one text per line), or, for a file laid out otherwise, as the strings the browser's
//! `JSON.parse` makes of it. The wasm memory only ever holds the text being indexed or shown. The
//! texts are indexed for search a few at a time, so typing stays smooth meanwhile.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::catalogue::{BodyIndexer, Catalogue, Id};
use crate::model::{body, json};
use crate::model::feed::BodiesRef;
use crate::model::pack;
use crate::ui::{BodyStore, OfferBody};

/// Where a loading stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Done,
}

/// The bodies of every split feed a widget shows, by catalogue id.
pub struct Store {
    /// Per catalogue id, where its text is: (source, row in that source's bodies file).
    origins: Vec<Option<(usize, u32)>>,
    /// Per source, its texts, once fetched and checked.
    arrays: RefCell<Vec<Option<Texts>>>,
    phase: Cell<Phase>,
}

impl Store {
    /// A store for a catalogue whose posting `id` has its text at `origins[id]`, from `sources` feeds.
    pub fn new(origins: Vec<Option<(usize, u32)>>, sources: usize) -> Store {
        Store { origins, arrays: RefCell::new(vec![None; sources]), phase: Cell::new(Phase::Loading) }
    }

    fn text(&self, id: Id) -> Option<String> {
        let (source, row) = (*self.origins.get(id as usize)?)?;
        let arrays = self.arrays.borrow();
        arrays.get(source)?.as_ref()?.get(row)
    }
}

/// The texts of one bodies file, kept by the browser.
#[derive(Clone)]
pub enum Texts {
    /// The file's bytes, and where each text's line starts and ends.
    Lines { bytes: js_sys::Uint8Array, lines: Vec<(u32, u32)> },
    /// The strings of the file as `JSON.parse` read it.
    Parsed(js_sys::Array),
}

impl Texts {
    fn len(&self) -> usize {
        match self {
            Texts::Lines { lines, .. } => lines.len(),
            Texts::Parsed(a) => a.length() as usize,
        }
    }

    /// Text `row`, copied into the wasm memory.
    fn get(&self, row: u32) -> Option<String> {
        match self {
            Texts::Lines { bytes, lines } => {
                let &(start, end) = lines.get(row as usize)?;
                let line = String::from_utf8(bytes.subarray(start, end).to_vec()).ok()?;
                json::from_str::<String>(line.trim_end().trim_end_matches(',')).ok()
            }
            Texts::Parsed(a) => a.get(row).as_string(),
        }
    }
}

/// The layout `vitrine pack` writes: `{"stamp":"…","bodies":[`, then one JSON string per line
/// (with a comma but for the last), then `]}`. Gives the stamp and the byte range of each text's
/// line, or `None` for a file laid out otherwise. Reads the bytes a chunk at a time.
fn lines_of(bytes: &js_sys::Uint8Array) -> Option<(String, Vec<(u32, u32)>)> {
    const CHUNK: u32 = 1 << 20;
    let total = bytes.length();
    let mut buf = vec![0u8; CHUNK.min(total) as usize];
    // Start of each line.
    let mut starts = vec![0u32];
    let mut at = 0;
    while at < total {
        let end = (at + CHUNK).min(total);
        let chunk = &mut buf[..(end - at) as usize];
        bytes.subarray(at, end).copy_to(chunk);
        starts.extend(chunk.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(i, _)| at + i as u32 + 1));
        at = end;
    }
    let line = |i: usize| -> Option<String> {
        let (start, end) = (*starts.get(i)?, starts.get(i + 1).map_or(total, |&next| next - 1));
        String::from_utf8(bytes.subarray(start, end).to_vec()).ok().map(|l| l.trim_end().to_string())
    };
    let stamp = line(0)?.strip_prefix("{\"stamp\":\"")?.strip_suffix("\",\"bodies\":[")?.to_string();
    if !stamp.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    // The closing line, then nothing but an empty last line.
    let mut last = starts.len() - 1;
    while last > 0 && line(last)?.is_empty() {
        last -= 1;
    }
    if last == 0 || line(last)? != "]}" {
        return None;
    }
    let lines: Vec<(u32, u32)> = (1..last).map(|i| (starts[i], starts[i + 1] - 1)).collect();
    Some((stamp, lines))
}

impl BodyStore for Store {
    fn body(&self, id: Id) -> OfferBody {
        match self.origins.get(id as usize) {
            Some(Some(_)) => match self.text(id) {
                Some(text) => OfferBody::Ready(std::rc::Rc::new(body::decode(&text))),
                None if self.phase.get() == Phase::Loading => OfferBody::Loading,
                None => OfferBody::Unavailable,
            },
            // A record of a feed that is not split, with no text of its own.
            _ => OfferBody::InRecord,
        }
    }
}

/// Long work cut into slices of about 8 ms, the browser handling events and rendering between
/// them: call [`Slices::pause`] between small units of the work.
pub struct Slices {
    since: f64,
}

impl Slices {
    pub fn new() -> Slices {
        Slices { since: js_sys::Date::now() }
    }

    /// Lets the browser have a turn if the current slice has run 8 ms.
    pub async fn pause(&mut self) {
        if js_sys::Date::now() - self.since > 8.0 {
            yield_to_browser().await;
            self.since = js_sys::Date::now();
        }
    }
}

/// Resolves after the browser has had a turn (other events, rendering). A message to itself
/// comes back at once, where a `setTimeout(0)` in a loop would wait 4 ms each time.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::UNDEFINED);
        }
        Err(_) => {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves once the browser has painted the next frame (then had a turn).
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let next = js_sys::Function::from(Closure::once_into_js(move || {
                if let Some(w) = web_sys::window() {
                    let _ = w.set_timeout_with_callback(&resolve);
                }
            }));
            let _ = w.request_animation_frame(&next);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Fetches the bodies files of `split` (per source, with the feed's address in `urls`), keeps
/// good fresh copies in `cache`, and puts what checks out into `store`. Problems go to the console.
pub async fn fetch_all(
    store: &Store,
    urls: &[String],
    split: &[Option<BodiesRef>],
    cache: Option<&web_sys::Cache>,
    keep: impl Fn(&web_sys::Cache, &str, web_sys::Blob) -> js_sys::Promise,
) {
    let window = match web_sys::window() {
        Some(w) => w,
        None => return,
    };
    // Start every request at once (or join one already made for this page).
    let mut pending = Vec::new();
    for (source, reference) in split.iter().enumerate() {
        let Some(reference) = reference else { continue };
        let url = match web_sys::Url::new_with_base(&reference.href, &urls[source]) {
            Ok(u) => u.href(),
            Err(_) => {
                warn(&format!("{}: the bodies file address «{}» is not valid", urls[source], reference.href));
                continue;
            }
        };
        pending.push((source, reference, JsFuture::from(shared_fetch(&window, &url)), url));
    }
    for (source, reference, request, url) in pending {
        let fresh = match shared_answer(request).await {
            Ok((blob, bytes)) => match read(&bytes).await.and_then(|t| check(t, reference)) {
                Ok(array) => {
                    if let Some(c) = cache {
                        let _ = JsFuture::from(keep(c, &url, blob)).await;
                    }
                    Some(array)
                }
                Err(e) => {
                    warn(&format!("{url}: {e}"));
                    None
                }
            },
            Err(e) => {
                warn(&format!("{url}: {e}"));
                None
            }
        };
        let array = match fresh {
            Some(a) => Some(a),
            None => match cache {
                Some(c) => kept_bodies(c, &url, reference).await,
                None => None,
            },
        };
        store.arrays.borrow_mut()[source] = array;
    }
    store.phase.set(Phase::Done);
}

fn warn(line: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("vitrine: feed {line}")));
}

/// The response to a request that succeeded, or why there is none ("HTTP 500", "network error").
pub async fn answer(request: JsFuture) -> Result<web_sys::Response, String> {
    let response: web_sys::Response = request
        .await
        .map_err(|_| "network error (offline, blocked, or no CORS header)".to_string())?
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    Ok(response)
}

thread_local! {
    /// The bodies files this page asked for, by address: the widgets that show the same split feed
    /// share one request and one copy of its bytes. A request that failed is forgotten, so a widget
    /// mounted later asks again.
    static ASKED: RefCell<Vec<(String, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
}

/// The request for the bodies file at `url`, made now or joined: a promise of `[blob, bytes]`,
/// or rejected with why there is none.
fn shared_fetch(window: &web_sys::Window, url: &str) -> js_sys::Promise {
    if let Some(asked) = ASKED.with(|a| a.borrow().iter().find(|(u, _)| u == url).map(|(_, p)| p.clone())) {
        return asked;
    }
    let request = JsFuture::from(window.fetch_with_str(url));
    let key = url.to_string();
    let promise = wasm_bindgen_futures::future_to_promise(async move {
        match fresh_bodies(request).await {
            Ok((blob, bytes)) => Ok(js_sys::Array::of2(&blob, &bytes).into()),
            Err(e) => {
                ASKED.with(|a| a.borrow_mut().retain(|(u, _)| *u != key));
                Err(JsValue::from_str(&e))
            }
        }
    });
    ASKED.with(|a| a.borrow_mut().push((url.to_string(), promise.clone())));
    promise
}

/// What a [`shared_fetch`] gives: the file and its bytes, or why there are none.
async fn shared_answer(request: JsFuture) -> Result<(web_sys::Blob, js_sys::Uint8Array), String> {
    match request.await {
        Ok(pair) => {
            let pair: js_sys::Array = pair.unchecked_into();
            Ok((pair.get(0).unchecked_into(), pair.get(1).unchecked_into()))
        }
        Err(why) => Err(why.as_string().unwrap_or_else(|| "bodies file: unreadable".to_string())),
    }
}

/// The answer to a bodies request: the file (to keep) and its bytes.
async fn fresh_bodies(request: JsFuture) -> Result<(web_sys::Blob, js_sys::Uint8Array), String> {
    let response = answer(request).await.map_err(|e| format!("bodies file: {e}"))?;
    let blob: web_sys::Blob = JsFuture::from(response.blob().map_err(|_| "bodies file: unreadable".to_string())?)
        .await
        .map_err(|_| "bodies file: unreadable (cut short?)".to_string())?
        .unchecked_into();
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| "bodies file: unreadable".to_string())?;
    Ok((blob, js_sys::Uint8Array::new(&buffer)))
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a JS string, which so never enters the wasm memory.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;
}

fn parse(text: &JsValue) -> Result<JsValue, String> {
    parse_json(text).map_err(|e| {
        let why = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        format!("bodies file: not valid JSON ({why})")
    })
}

/// The last good copy of a bodies file, if it belongs to `reference`.
async fn kept_bodies(cache: &web_sys::Cache, url: &str, reference: &BodiesRef) -> Option<Texts> {
    let hit = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let response: web_sys::Response = hit.dyn_into().ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    let texts = read(&js_sys::Uint8Array::new(&buffer)).await;
    texts.and_then(|t| check(t, reference)).map_err(|e| warn(&format!("{url} (kept copy): {e}"))).ok()
}

/// The texts of a bodies file's bytes and its stamp: by lines when laid out as `vitrine pack`
/// writes it, else through `JSON.parse` (the strings then live in the JS heap).
async fn read(bytes: &js_sys::Uint8Array) -> Result<(String, Texts), String> {
    if let Some((stamp, lines)) = lines_of(bytes) {
        return Ok((stamp, Texts::Lines { bytes: bytes.clone(), lines }));
    }
    let text = web_sys::Response::new_with_opt_buffer_source(Some(bytes))
        .and_then(|r| r.text())
        .map_err(|_| "bodies file: unreadable".to_string())?;
    let text = JsFuture::from(text).await.map_err(|_| "bodies file: unreadable".to_string())?;
    let value = parse(&text)?;
    let field = |name: &str| js_sys::Reflect::get(&value, &JsValue::from_str(name)).ok();
    let stamp = field("stamp").and_then(|s| s.as_string()).ok_or("bodies file: no `stamp`")?;
    let array: js_sys::Array = field("bodies")
        .filter(js_sys::Array::is_array)
        .ok_or("bodies file: no `bodies` array")?
        .unchecked_into();
    Ok((stamp, Texts::Parsed(array)))
}

/// The texts, if the file is the one `reference` names.
fn check((stamp, texts): (String, Texts), reference: &BodiesRef) -> Result<Texts, String> {
    pack::belongs(reference, &stamp, texts.len())?;
    Ok(texts)
}

/// Indexes the texts of `store` for `catalogue`, yielding to the browser every few milliseconds.
/// Every text of each bodies file goes through the stamp on the way: a file whose texts are not
/// those its stamp names (edited, reordered) is dropped, and its offers show no text.
pub async fn index(store: &Store, catalogue: &Catalogue, split: &[Option<BodiesRef>], urls: &[String]) -> BodyIndexer {
    // Per source, the catalogue id of each row (`None`: a row not shown).
    let sources = store.arrays.borrow().len();
    let mut ids: Vec<Vec<Option<Id>>> = (0..sources)
        .map(|s| {
            let rows = store.arrays.borrow()[s].as_ref().map_or(0, Texts::len);
            vec![None; rows]
        })
        .collect();
    for (id, origin) in store.origins.iter().enumerate() {
        if let Some((s, row)) = *origin {
            if let Some(slot) = ids.get_mut(s).and_then(|rows| rows.get_mut(row as usize)) {
                *slot = Some(id as Id);
            }
        }
    }
    loop {
        let mut indexer = catalogue.body_indexer();
        let mut slices = Slices::new();
        let mut failed = None;
        // Sources in order, rows in order: catalogue ids come in increasing order.
        for (s, rows) in ids.iter().enumerate() {
            let Some(array) = store.arrays.borrow()[s].clone() else { continue };
            let mut stamper = pack::Stamper::new(rows.len());
            for (row, id) in rows.iter().enumerate() {
                let text = array.get(row as u32).unwrap_or_default();
                stamper.add(&text);
                if let Some(id) = id {
                    indexer.add(*id, &body::decode(&text));
                }
                slices.pause().await;
            }
            let expected = split.get(s).and_then(|r| r.as_ref()).map(|r| r.stamp.as_str());
            if expected != Some(stamper.finish().as_str()) {
                failed = Some(s);
                break;
            }
        }
        match failed {
            None => return indexer,
            Some(s) => {
                let feed = urls.get(s).map(String::as_str).unwrap_or("");
                let href = split.get(s).and_then(|r| r.as_ref()).map_or("", |r| r.href.as_str());
                let url = web_sys::Url::new_with_base(href, feed).map(|u| u.href()).unwrap_or_else(|_| href.to_string());
                warn(&format!("{url}: bodies file: its texts are not those its stamp names (edited or reordered): they are not used"));
                store.arrays.borrow_mut()[s] = None;
            }
        }
    }
}
