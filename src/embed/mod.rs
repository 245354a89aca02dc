//! The only code that touches the host page: reads the script tag's and host element's `data-`
//! attributes, fills the open Shadow DOM the loader attached, adopts the stylesheet, mounts the app.
//! `config` (the attribute parser) is pure and tested natively; the DOM glue is wasm32-only.

pub mod config;
pub mod jsonld;
pub mod sources;
pub mod url;

#[cfg(target_arch = "wasm32")]
mod bodies;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use dom::mount;
