//! vitrine studio: the page where an association's publishers add offers (pasted texts or
//! files), review what vitrine's extractor read (running here, in the browser), correct it,
//! manage and preview the offers, and download the feed or a ready-to-host folder. Pure parts
//! (`state`, `fields`, `publish`, `folder`, `storage`, `inbox`) are tested natively; the
//! components are wasm32 only.

pub mod fields;
pub mod folder;
pub mod i18n;
pub mod publish;
pub mod state;
pub mod storage;
pub mod inbox;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// Starts the studio in the page's `#studio` element (does nothing elsewhere, e.g. in tests).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    use std::rc::Rc;
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("studio")) else { return };
    let lang = storage::web::load_lang();
    let props = components::AppProps {
        initial: Rc::new(storage::web::load(lang)),
        today: web::today(),
        on_save: yew::Callback::from(|text: String| storage::web::save_text(&text)),
        preview: Some("preview.html".into()),
        widget_files: "../pkg/".into(),
        lang,
        on_lang: yew::Callback::from(storage::web::save_lang),
    };
    root.set_inner_html("");
    yew::Renderer::<components::App>::with_root_and_props(root, props).render();
}

/// Benchmark hook (bench/studio-extract.mjs): the median time, in milliseconds, of `runs`
/// extractions of `text` by the extractor compiled into this page.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_extract(text: &str, runs: u32) -> f64 {
    let perf = web_sys::window().and_then(|w| w.performance());
    let now = || perf.as_ref().map_or(0.0, |p| p.now());
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t = now();
            let e = vitrine::ingest::extract(text, None);
            std::hint::black_box(&e);
            now() - t
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}
