//! vitrine studio: the page where an association's publishers add offers (pasted texts or
//! files), review what vitrine's extractor read (running here, in the browser), correct it,
//! manage and preview the offers, and download the feed to publish. Pure parts (`state`,
//! `fields`, `publish`, `storage`) are tested natively; the components are wasm32 only.

pub mod fields;
pub mod publish;
pub mod state;
pub mod storage;
