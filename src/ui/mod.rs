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

/// The heading levels of one widget, from the level of its first headings (`top`, chosen by the
/// host-page glue from the page's outline or `data-heading-level`): its title at `top`; the
/// offers' titles (cards and detail) under it, or at `top` without a title; the sections of an
/// offer's detail one below those. Levels stop at 6.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Headings {
    top: u8,
    titled: bool,
}

impl Default for Headings {
    fn default() -> Self {
        Headings::new(2, false)
    }
}

impl Headings {
    pub fn new(top: u8, titled: bool) -> Headings {
        Headings { top: top.clamp(1, 6), titled }
    }

    /// The widget's title (`data-title`).
    pub fn title(self) -> &'static str {
        tag(self.top)
    }

    /// An offer's title, in the list and in its detail.
    pub fn offer(self) -> &'static str {
        tag(self.top + self.titled as u8)
    }

    /// A section of an offer's detail (how to apply, the text's headings).
    pub fn section(self) -> &'static str {
        tag(self.top + self.titled as u8 + 1)
    }
}

fn tag(level: u8) -> &'static str {
    ["h1", "h2", "h3", "h4", "h5", "h6"][level.clamp(1, 6) as usize - 1]
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

#[cfg(test)]
mod tests {
    use super::Headings;

    #[test]
    fn heading_levels_nest_and_stop_at_six() {
        let h = Headings::new(2, false);
        assert_eq!((h.title(), h.offer(), h.section()), ("h2", "h2", "h3"));
        let h = Headings::new(2, true);
        assert_eq!((h.title(), h.offer(), h.section()), ("h2", "h3", "h4"));
        let h = Headings::new(5, true);
        assert_eq!((h.title(), h.offer(), h.section()), ("h5", "h6", "h6"));
        assert_eq!(Headings::new(9, false).title(), "h6");
        assert_eq!(Headings::new(0, false).offer(), "h1");
        assert_eq!(Headings::default(), Headings::new(2, false));
    }
}
