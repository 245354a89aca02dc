//! The widget's interface: Yew function components (wasm32 only), one reducer (`state`), and the
//! French wording of values (`format`). `state` and `format` are pure and tested natively.

pub mod favourites;
pub mod format;
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
pub use host::{Host, HostRef};

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
