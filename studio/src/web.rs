//! The browser's services the studio uses: today's date, reading a chosen file, fetching a file
//! of the studio's own site, downloading a text or bytes as a file, and same-origin `blob:` URLs
//! for the preview. Wasm only.

use crate::i18n::Texts;
use vitrine::model::Date;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Today: the page's `?today=YYYY-MM-DD` when given (demos, tests), else the computer's date.
pub fn today() -> Date {
    let asked = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("today"))
        .and_then(|t| t.parse::<Date>().ok());
    asked.unwrap_or_else(|| {
        let d = js_sys::Date::new_0();
        Date::new(d.get_full_year() as u16, d.get_month() as u8 + 1, d.get_date() as u8).unwrap_or_else(|| Date::new(2025, 1, 1).expect("a valid day"))
    })
}

/// The bytes of a chosen or dropped file.
pub async fn read_file(file: &web_sys::File, t: &Texts) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| (t.file_unreadable)(&file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The files of a `FileList`.
pub fn files(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A `blob:` URL of a text (revoke it with [`revoke`] when done).
pub fn object_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

/// Revokes a `blob:` URL a minute from now (whoever reads it has done so by then).
pub fn revoke_later(url: String) {
    let later = Closure::once_into_js(move || revoke(&url));
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 60_000);
    }
}

/// The bytes at `url` (relative to the page), or why not (the network's error or the HTTP status).
pub async fn fetch_bytes(url: &str, t: &Texts) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or(t.net_down)?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| t.net_down.to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| t.net_cut.to_string())?;
    if !response.ok() {
        return Err((t.net_status)(response.status(), &response.status_text()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| t.net_cut.to_string())?).await.map_err(|_| t.net_cut.to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Makes the browser download `text` as a file named `name`.
pub fn download(name: &str, text: &str, mime: &str, t: &Texts) -> Result<(), String> {
    let url = object_url(text, mime).ok_or(t.file_prepare_failed)?;
    download_url(name, url, t)
}

/// Makes the browser download `bytes` as a file named `name`.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str, t: &Texts) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let url = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag)
        .ok()
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob).ok())
        .ok_or(t.file_prepare_failed)?;
    download_url(name, url, t)
}

fn download_url(name: &str, url: String, t: &Texts) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(t.file_prepare_failed)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| t.file_prepare_failed)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = document.body().ok_or(t.file_prepare_failed)?;
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    // The download has started from the URL; let it go a moment later.
    revoke_later(url);
    Ok(())
}
