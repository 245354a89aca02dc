//! Keeping the work in the browser: the saved form of the studio (its offers, overrides and
//! settings, as JSON under one `localStorage` key), read back on start; and, apart from it, the
//! interface language chosen. A saved text that cannot
//! be read is kept aside under another key, never overwritten, and the publisher is told.

use crate::i18n::{self, Lang};
use crate::state::{Offer, Settings, Studio};
use serde::{Deserialize, Serialize};

/// The `localStorage` key of the work.
pub const KEY: &str = "vitrine-studio:travail";
/// Where an unreadable saved work is moved before the studio starts empty.
pub const ASIDE: &str = "vitrine-studio:travail-illisible";
/// The version of the saved form.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Saved {
    version: u32,
    next_key: u64,
    selected: Option<u64>,
    settings: Settings,
    offers: Vec<Offer>,
}

/// The saved form of the studio.
pub fn encode(s: &Studio) -> String {
    let saved = Saved { version: VERSION, next_key: s.next_key, selected: s.selected, settings: s.settings.clone(), offers: s.offers.clone() };
    serde_json::to_string(&saved).expect("the studio serializes")
}

/// Reads a saved studio (its offers extracted again), or says in `lang` what is wrong.
pub fn decode(text: &str, lang: Lang) -> Result<Studio, String> {
    let t = i18n::texts(lang);
    let saved: Saved = serde_json::from_str(text).map_err(|e| (t.saved_unreadable)(&e.to_string()))?;
    if saved.version != VERSION {
        return Err((t.saved_other_version)(saved.version));
    }
    let mut offers = saved.offers;
    for o in &mut offers {
        o.refresh();
    }
    let next_key = offers.iter().map(|o| o.key).max().unwrap_or(0).max(saved.next_key);
    Ok(Studio { offers, selected: saved.selected, settings: saved.settings, next_key, message: None, revision: 0, lang })
}

/// What the page finds on start: the studio to show, and whether the saved text must be kept aside.
#[derive(Debug)]
pub struct Start {
    pub studio: Studio,
    /// The unreadable saved text, to move to [`ASIDE`] (never overwritten: an older one stays).
    pub aside: Option<String>,
}

/// The studio to start with, from what was saved (if anything), speaking `lang`.
pub fn start(saved: Option<String>, lang: Lang) -> Start {
    match saved {
        None => Start { studio: Studio { lang, ..Studio::default() }, aside: None },
        Some(text) => match decode(&text, lang) {
            Ok(studio) => Start { studio, aside: None },
            Err(why) => Start {
                studio: Studio {
                    message: Some(crate::state::Message {
                        error: true,
                        text: (i18n::texts(lang).saved_aside)(&why, ASIDE),
                    }),
                    lang,
                    ..Studio::default()
                },
                aside: Some(text),
            },
        },
    }
}

/// The browser side: `localStorage`.
#[cfg(target_arch = "wasm32")]
pub mod web {
    use super::*;

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// Reads the saved work, keeping an unreadable one aside; its messages speak `lang`.
    pub fn load(lang: Lang) -> Studio {
        let saved = storage().and_then(|s| s.get_item(KEY).ok().flatten());
        let start = start(saved, lang);
        if let (Some(text), Some(s)) = (&start.aside, storage()) {
            // An older unreadable copy already aside stays: this one goes under a numbered key.
            let mut key = ASIDE.to_string();
            let mut n = 1;
            while s.get_item(&key).ok().flatten().is_some() {
                n += 1;
                key = format!("{ASIDE}-{n}");
            }
            let _ = s.set_item(&key, text);
        }
        start.studio
    }

    /// The interface language last chosen (under [`crate::i18n::KEY`]), else French.
    pub fn load_lang() -> crate::i18n::Lang {
        storage().and_then(|s| s.get_item(crate::i18n::KEY).ok().flatten()).and_then(|c| crate::i18n::from_code(&c)).unwrap_or_default()
    }

    /// Remembers the interface language.
    pub fn save_lang(lang: crate::i18n::Lang) {
        if let Some(s) = storage() {
            let _ = s.set_item(crate::i18n::KEY, lang.code());
        }
    }

    /// Saves the work's saved form ([`encode`]); false when the browser refused (storage full or off).
    pub fn save_text(text: &str) -> bool {
        storage().is_some_and(|st| st.set_item(KEY, text).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, Closed};

    #[test]
    fn the_work_comes_back_as_it_was() {
        let s = Studio::default().reduce(Action::AddTexts(vec![("Comptable\nAssociation X\nCDI".into(), Some("a.txt".into()))]));
        let k = s.offers[0].key;
        let s = s.reduce(Action::Correct(k, "organization".into(), serde_json::json!("Association Y"))).reduce(Action::Close(k, Closed::Filled));
        let back = decode(&encode(&s), Lang::Fr).unwrap();
        assert_eq!(back.offers, s.offers);
        assert_eq!(back.offers[0].posting().organization, "Association Y");
        assert_eq!((back.selected, back.next_key, &back.settings), (s.selected, s.next_key, &s.settings));
    }

    #[test]
    fn an_unreadable_save_is_kept_aside_with_a_message() {
        let st = start(Some("{\"version\":1,\"offers\":[{".into()), Lang::Fr);
        assert_eq!(st.aside.as_deref(), Some("{\"version\":1,\"offers\":[{"));
        assert!(st.studio.offers.is_empty());
        let m = st.studio.message.unwrap();
        assert!(m.error && m.text.contains(ASIDE), "{}", m.text);
        assert!(start(None, Lang::Fr).aside.is_none());
        assert!(decode("{\"version\":9,\"next_key\":0,\"selected\":null,\"settings\":{},\"offers\":[]}", Lang::Fr).unwrap_err().contains("version"));
        let en = start(Some("{".into()), Lang::En).studio;
        assert!(en.message.unwrap().text.starts_with("The studio starts afresh: the saved work cannot be read"));
        assert_eq!(en.lang, Lang::En);
    }
}
