//! vitrine: an embeddable, offline-first widget listing offers from the social and solidarity
//! economy. `model`, `ingest` and `catalogue` are pure Rust (tested natively); `ui` and `embed`
//! are wasm32-only except for their pure parts (formatting, config parsing).

pub mod catalogue;
/// The extractor: native (the CLI), and in wasm only with the `extractor` feature (vitrine
/// studio), so the widget's bundle never carries it. Its file system and format parts stay native.
#[cfg(any(not(target_arch = "wasm32"), feature = "extractor"))]
pub mod ingest;
/// Feeds out: native (`vitrine export`, `vitrine pack`), and in wasm only with the `extractor`
/// feature (vitrine studio's RSS / JSON Feed downloads): the renderers only, no file reading or writing.
#[cfg(any(not(target_arch = "wasm32"), feature = "extractor"))]
pub mod export;
pub mod model;
/// Native only: `vitrine sync` fetches a network's sources over HTTP(S).
#[cfg(not(target_arch = "wasm32"))]
pub mod sync;

pub mod embed;
pub mod ui;
