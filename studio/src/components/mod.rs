//! The studio's Yew components, one per file; they show the state and send actions, the rules
//! live in `state`, `fields`, `publish` and `inbox`.

pub mod add_offers;
pub mod app;
pub mod field_row;
pub mod offer_list;
pub mod preview;
pub mod publish_panel;
pub mod review;
pub mod settings;

pub use app::{App, AppProps};

use crate::i18n::{self, Lang, Texts};
use crate::state::{Action, Studio};
use std::rc::Rc;

/// The texts of the interface's language (given by [`App`] to every component by context).
#[yew::hook]
pub fn use_texts() -> &'static Texts {
    i18n::texts(yew::use_context::<Lang>().unwrap_or_default())
}

impl yew::Reducible for Studio {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().reduce(action))
    }
}

/// The studio's state handle, passed down to the components that send actions.
pub type Handle = yew::UseReducerHandle<Studio>;
