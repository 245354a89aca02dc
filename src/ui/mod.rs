//! The widget's interface: Yew function components (wasm32 only), one reducer (`state`), the
//! interface's languages (`i18n`) and the writing of values per locale (`format`). `state`,
//! `i18n`, `format` and `favourites` are pure and tested natively.

/// Built into `build.rs`; compiled in the crate only to be tested.
#[cfg(test)]
mod assets;
pub mod favourites;
pub mod format;
pub mod i18n;
pub mod state;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod card;
#[cfg(target_arch = "wasm32")]
mod detail;
#[cfg(target_arch = "wasm32")]
mod facets;
#[cfg(target_arch = "wasm32")]
mod results;
#[cfg(target_arch = "wasm32")]
mod search_box;
#[cfg(target_arch = "wasm32")]
mod toolbar;

#[cfg(target_arch = "wasm32")]
pub mod host;

#[cfg(target_arch = "wasm32")]
pub use app::{App, AppProps};
#[cfg(target_arch = "wasm32")]
pub use host::{BodyStore, BodyStoreRef, Host, HostRef, OfferBody};

/// The catalogue shared by every component of one widget, provided once by context.
#[cfg(target_arch = "wasm32")]
#[derive(Clone)]
pub struct Shared(pub std::rc::Rc<crate::catalogue::Catalogue>);

#[cfg(target_arch = "wasm32")]
impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The catalogue from context (panics outside `App`, which always provides it).
#[cfg(target_arch = "wasm32")]
#[yew::hook]
pub fn use_catalogue() -> std::rc::Rc<crate::catalogue::Catalogue> {
    yew::use_context::<Shared>().expect("App provides the catalogue").0
}

/// Offer text (French data) inside interface text: a `<span lang="fr">` under a non-French
/// interface, the bare text under French (which needs no mark, and keeps the markup as it was).
#[cfg(target_arch = "wasm32")]
pub fn offer_text(locale: i18n::Locale, text: String) -> yew::Html {
    // <bdi>: a right-to-left override inside a value cannot flip the interface text around it.
    yew::html! { <bdi lang={i18n::offer_lang(locale)}>{ text }</bdi> }
}

/// The interface's locale from context (French of France outside `App`, which always provides it).
#[cfg(target_arch = "wasm32")]
#[yew::hook]
pub fn use_locale() -> i18n::Locale {
    yew::use_context::<i18n::Locale>().unwrap_or_default()
}
