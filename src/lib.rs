//! vitrine: an embeddable, offline-first widget listing offers from the social and solidarity
//! economy. `model`, `ingest` and `catalogue` are pure Rust (tested natively); `ui` and `embed`
//! exist only on wasm32.

pub mod catalogue;
pub mod ingest;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;
