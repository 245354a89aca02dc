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
            saved: Vec<Piece>,
        }
        match serde_json::from_str::<Loose>(text) {
            Ok(loose) => {
                let total = loose.saved.len();
                let saved: Vec<Saved> = loose
                    .saved
                    .into_iter()
                    .filter_map(|p| match p {
                        Piece::Offer(s) => Some(s),
                        _ => None,
                    })
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

/// What `decode` keeps of one JSON value of the stored list. It reads values exactly as parsing
/// a `serde_json::Value` and then a `Saved` from it would (every number checked, the last of
/// duplicate keys winning, a `Saved` also from a 3-string array as serde's derive allows), but
/// builds no `Value`: that would add the `Value` code and a `BTreeMap` to the wasm.
enum Piece {
    Text(String),
    /// An object with string `id`, `title` and `organization`, or an array of three strings.
    Offer(Saved),
    Other,
}

impl<'de> Deserialize<'de> for Piece {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Piece, D::Error> {
        d.deserialize_any(PieceVisitor)
    }
}

struct PieceVisitor;

impl<'de> serde::de::Visitor<'de> for PieceVisitor {
    type Value = Piece;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Piece, E> {
        Ok(Piece::Other)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Piece, E> {
        Ok(Piece::Other)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Piece, E> {
        Ok(Piece::Other)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Piece, E> {
        Ok(Piece::Other)
    }

    fn visit_unit<E>(self) -> Result<Piece, E> {
        Ok(Piece::Other)
    }

    fn visit_str<E>(self, s: &str) -> Result<Piece, E> {
        Ok(Piece::Text(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Piece, E> {
        Ok(Piece::Text(s))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Piece, A::Error> {
        let mut texts = Vec::new();
        let mut others = false;
        while let Some(piece) = seq.next_element::<Piece>()? {
            match piece {
                Piece::Text(s) if !others && texts.len() < 3 => texts.push(s),
                _ => others = true,
            }
        }
        Ok(match <[String; 3]>::try_from(texts) {
            Ok([id, title, organization]) if !others => Piece::Offer(Saved { id, title, organization }),
            _ => Piece::Other,
        })
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Piece, A::Error> {
        // Per field: `None` while absent, then whether its last value was a string.
        let mut fields: [Option<Option<String>>; 3] = [None, None, None];
        while let Some(key) = map.next_key::<String>()? {
            let text = match map.next_value::<Piece>()? {
                Piece::Text(s) => Some(s),
                _ => None,
            };
            match key.as_str() {
                "id" => fields[0] = Some(text),
                "title" => fields[1] = Some(text),
                "organization" => fields[2] = Some(text),
                _ => {}
            }
        }
        Ok(match fields {
            [Some(Some(id)), Some(Some(title)), Some(Some(organization))] => {
                Piece::Offer(Saved { id, title, organization })
            }
            _ => Piece::Other,
        })
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

    /// `decode` as it was written with `serde_json::Value`, to check the lighter reader against.
    fn decode_through_values(text: &str) -> (Favourites, Option<String>) {
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

    #[test]
    fn reads_entries_as_json_values_would() {
        let entries = [
            r#"{"id":"a","title":"T","organization":"O"}"#,
            r#"{"id":"a","title":"T","organization":"O","extra":[1,{"x":null}]}"#,
            r#"{"id":"a","id":"b","title":"T","organization":"O"}"#,
            r#"{"id":3,"id":"b","title":"T","organization":"O"}"#,
            r#"{"id":"b","id":3,"title":"T","organization":"O"}"#,
            r#"{"id":"a","title":"T"}"#,
            r#"{"id":"a","title":null,"organization":"O"}"#,
            r#"{"id":"","title":"T","organization":"O"}"#,
            r#"{"id":"\u00e9\n","title":"T\"","organization":"O"}"#,
            r#"["a","T","O"]"#,
            r#"["a","T"]"#,
            r#"["a","T","O","x"]"#,
            r#"["a",1,"O"]"#,
            r#"[["a"],"T","O"]"#,
            r#""a""#,
            "1",
            "-2.5e3",
            "18446744073709551616",
            "true",
            "null",
            "[]",
            "{}",
            r#"{"id":"a","title":"T","organization":"O","n":1e400}"#,
            "1e400",
            r#"{"id":"a","title":"T","organization":"O","s":"\ud800"}"#,
            r#"{"id":"a","title":"T","organization":"O""#,
        ];
        let mut texts: Vec<String> = entries.iter().map(|e| format!(r#"{{"saved":[{e}]}}"#)).collect();
        texts.push(format!(r#"{{"saved":[{}]}}"#, entries[..22].join(",")));
        texts.push(format!(r#"{{"v":1,"saved":[{}],"saved":[{}]}}"#, entries[0], entries[9]));
        texts.push(format!(r#"{{"saved":{}1{}}}"#, "[".repeat(200), "]".repeat(200)));
        texts.push(r#"{"saved":[{"id":"a","title":"T","organization":"O"}]"#.to_string());
        for text in &texts {
            assert_eq!(Favourites::decode(text), decode_through_values(text), "{text}");
        }
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
