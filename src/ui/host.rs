//! What the app asks of the page it lives in (URL, history, storage, head, sharing), as a trait
//! the embed layer implements, and where the texts of split feeds are kept. Components never touch
//! the host page themselves; tests pass a fake.

use std::rc::Rc;

use yew::Callback;

use crate::catalogue::{Catalogue, Id};
use crate::embed::url::UrlState;
use crate::model::body::Text;
use crate::model::{Apply, Posting};

/// How a share request ended, to tell the visitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareOutcome {
    /// The system share sheet was used.
    Sheet,
    /// The link was copied to the clipboard.
    Copied,
    /// Neither was possible; the link is shown for copying by hand.
    Failed,
}

/// Services of the host page for one widget.
pub trait Host {
    /// The widget state found in the page URL when the widget started.
    fn initial_state(&self) -> UrlState;
    /// Records the widget state in the page URL: a new history entry when `push`, else in place.
    fn save_state(&self, state: &UrlState, push: bool);
    /// Goes one step back in the page history (as the browser's Back button does).
    fn back(&self);
    /// Calls `listener` with the URL's widget state after Back/Forward. One listener per widget.
    fn on_history(&self, listener: Callback<UrlState>);
    /// The page URL that opens `offer` (other parameters of the page kept).
    fn offer_link(&self, state: &UrlState) -> String;
    /// Shares (or copies) a link; `done` is told how it went.
    fn share(&self, title: &str, url: &str, done: Callback<ShareOutcome>);
    /// Puts (Some) or removes (None) the widget's JSON-LD block in the page head.
    fn set_structured_data(&self, json: Option<String>);
    /// The saved offers as stored (raw text), if any.
    fn load_favourites(&self) -> Option<String>;
    /// Stores the saved offers; false when storage refused (private mode, full).
    fn save_favourites(&self, text: &str) -> bool;
}

/// A shared handle on the host services, compared by identity (a prop of `App`).
#[derive(Clone)]
pub struct HostRef(pub Rc<dyn Host>);

impl PartialEq for HostRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The text of an offer whose record came without it (split feeds), as far as it has arrived.
#[derive(Debug, Clone, PartialEq)]
pub enum OfferBody {
    /// The record holds its own text (`Posting::body`).
    InRecord,
    /// Fetched and decoded: its ways to apply and body.
    Ready(Rc<Text>),
    /// Still on its way.
    Loading,
    /// Could not be fetched or did not check out.
    Unavailable,
}

impl OfferBody {
    /// The ways to apply to show for `p`: its record's, or when it has none, its text's.
    pub fn apply_of<'a>(&'a self, p: &'a Posting) -> &'a Apply {
        match self {
            OfferBody::Ready(text) if p.apply.is_empty() => &text.apply,
            _ => &p.apply,
        }
    }
}

/// Where the texts of split feeds are kept (by the embed layer, outside the wasm memory).
pub trait BodyStore {
    /// The text of posting `id` of the catalogue shown.
    fn body(&self, id: Id) -> OfferBody;
}

/// A shared handle on a body store; `version` changes whenever what it can give changes.
#[derive(Clone)]
pub struct BodyStoreRef {
    pub store: Rc<dyn BodyStore>,
    pub version: u32,
    /// Whether the texts are in the search index yet.
    pub searchable: bool,
}

impl PartialEq for BodyStoreRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store) && self.version == other.version && self.searchable == other.searchable
    }
}

/// The text to show for posting `id`: its own, or the store's when the record has none.
pub fn offer_body(catalogue: &Catalogue, bodies: Option<&BodyStoreRef>, id: Id) -> OfferBody {
    match bodies {
        Some(b) if catalogue.get(id).body.is_empty() => b.store.body(id),
        _ => OfferBody::InRecord,
    }
}
