//! The visitor's saved offers ("mes offres"): a small list kept in the browser's storage, with
//! enough of each offer (title, organization) to name it after it left the data.
//! Pure (tested natively); reading and writing the storage happens in `embed`.

use serde::{Deserialize, Serialize};

use crate::model::Posting;

/// One saved offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub id: String,
    pub title: String,
    pub organization: String,
}

/// The saved offers, most recently saved last.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Favourites {
    pub saved: Vec<Saved>,
}

/// At most this many offers are kept (the oldest go first), so storage stays small.
pub const MAX_SAVED: usize = 500;

impl Favourites {
    /// Reads the stored text; anything unreadable (another site's value, a hand edit) gives an
    /// empty list plus the reason, and unreadable entries are skipped one by one.
    pub fn decode(text: &str) -> (Favourites, Option<String>) {
        #[derive(Deserialize)]
        struct Loose {
            saved: Vec<serde_json::Value>,
        }
        match serde_json::from_str::<Loose>(text) {
            Ok(loose) => {
                let total = loose.saved.len();
                let saved: Vec<Saved> = loose
                    .saved
                    .into_iter()
                    .filter_map(|v| serde_json::from_value::<Saved>(v).ok())
                    .filter(|s| !s.id.is_empty())
                    .collect();
                let skipped = total - saved.len();
                let note = (skipped > 0).then(|| format!("{skipped} saved offer(s) could not be read and were skipped"));
                (Favourites { saved }, note)
            }
            Err(e) => (Favourites::default(), Some(format!("saved offers unreadable ({e}); starting afresh"))),
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("favourites always serialize")
    }

    pub fn contains(&self, id: &str) -> bool {
        self.saved.iter().any(|s| s.id == id)
    }

    /// Saves the offer, or removes it when already saved. Returns whether it is now saved.
    pub fn toggle(&mut self, p: &Posting) -> bool {
        if self.remove(&p.id) {
            return false;
        }
        self.saved.push(Saved { id: p.id.clone(), title: p.title.clone(), organization: p.organization.clone() });
        if self.saved.len() > MAX_SAVED {
            let excess = self.saved.len() - MAX_SAVED;
            self.saved.drain(..excess);
        }
        true
    }

    /// Removes an offer by id; whether it was saved.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.saved.len();
        self.saved.retain(|s| s.id != id);
        self.saved.len() != before
    }

    /// Keeps saved entries in step with the data: titles follow the current data, nothing is
    /// dropped when an offer disappeared (the widget shows it as no longer available).
    pub fn refresh(&mut self, postings: &[Posting]) -> bool {
        let mut changed = false;
        for s in &mut self.saved {
            if let Some(p) = postings.iter().find(|p| p.id == s.id) {
                if s.title != p.title || s.organization != p.organization {
                    s.title = p.title.clone();
                    s.organization = p.organization.clone();
                    changed = true;
                }
            }
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(id: &str, title: &str) -> Posting {
        serde_json::from_str(&format!(
            r#"{{"id":"{id}","kind":"emploi","title":"{title}","organization":"Asso"}}"#
        ))
        .unwrap()
    }

    #[test]
    fn toggles_and_round_trips() {
        let mut f = Favourites::default();
        assert!(f.toggle(&posting("a", "Chargé·e")));
        assert!(f.toggle(&posting("b", "Stage")));
        assert!(f.contains("a"));
        assert!(!f.toggle(&posting("a", "Chargé·e")));
        assert!(!f.contains("a"));
        let (back, note) = Favourites::decode(&f.encode());
        assert_eq!(back, f);
        assert_eq!(note, None);
    }

    #[test]
    fn garbage_gives_an_empty_list_and_a_reason() {
        for junk in ["", "null", "{", "[1,2]", "<html>", "{\"saved\": 3}"] {
            let (f, note) = Favourites::decode(junk);
            assert!(f.saved.is_empty(), "{junk}");
            assert!(note.is_some(), "{junk}");
        }
    }

    #[test]
    fn bad_entries_are_skipped_one_by_one() {
        let text = r#"{"saved":[{"id":"a","title":"T","organization":"O"},{"id":3},{"id":"","title":"x","organization":"y"},{"id":"b","title":"U","organization":"P"}]}"#;
        let (f, note) = Favourites::decode(text);
        assert_eq!(f.saved.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert!(note.unwrap().starts_with("2 saved"));
    }

    #[test]
    fn refresh_follows_titles_but_keeps_vanished_offers() {
        let mut f = Favourites::default();
        f.toggle(&posting("a", "Old title"));
        f.toggle(&posting("gone", "Vanished"));
        assert!(f.refresh(&[posting("a", "New title")]));
        assert_eq!(f.saved[0].title, "New title");
        assert!(f.contains("gone"), "an offer that left the data stays saved");
        assert!(!f.refresh(&[posting("a", "New title")]));
    }

    #[test]
    fn the_list_is_bounded() {
        let mut f = Favourites::default();
        for i in 0..MAX_SAVED + 3 {
            f.toggle(&posting(&format!("p{i}"), "T"));
        }
        assert_eq!(f.saved.len(), MAX_SAVED);
        assert!(!f.contains("p0") && f.contains(&format!("p{}", MAX_SAVED + 2)));
    }
}
