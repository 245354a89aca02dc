//! The visitor's saved offers ("mes offres"): a small list kept in the browser's storage, with
//! enough of each offer (title, organization) to name it after it left the data.
//! Pure (tested natively); reading and writing the storage happens in `embed`.

use crate::model::json::{self, Object, Reader};
use crate::model::Posting;

/// One saved offer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Deserialize))]
pub struct Saved {
    pub id: String,
    pub title: String,
    pub organization: String,
}

/// The saved offers, most recently saved last.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Favourites {
    pub saved: Vec<Saved>,
}

/// At most this many offers are kept (the oldest go first), so storage stays small.
pub const MAX_SAVED: usize = 500;

impl Favourites {
    /// Reads the stored text; anything unreadable (another site's value, a hand edit) gives an
    /// empty list plus the reason, and unreadable entries are skipped one by one.
    pub fn decode(text: &str) -> (Favourites, Option<String>) {
        match read(text) {
            Ok((saved, total)) => {
                let saved: Vec<Saved> = saved.into_iter().filter(|s| !s.id.is_empty()).collect();
                let skipped = total - saved.len();
                let note = (skipped > 0).then(|| format!("{skipped} saved offer(s) could not be read and were skipped"));
                (Favourites { saved }, note)
            }
            Err(e) => {
                let e = e.locate(text);
                (Favourites::default(), Some(format!("saved offers unreadable ({e}); starting afresh")))
            }
        }
    }

    /// `{"saved":[{"id":…,"title":…,"organization":…},…]}`.
    pub fn encode(&self) -> String {
        let mut out = String::with_capacity(16 + self.saved.len() * 96);
        let mut o = Object::new(&mut out);
        json::write_array(o.key("saved"), &self.saved, |out, s| {
            let mut entry = Object::new(out);
            entry.str("id", &s.id);
            entry.str("title", &s.title);
            entry.str("organization", &s.organization);
            entry.end();
        });
        o.end();
        out
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

/// The entries of a stored list that read as offers, and how many entries there were.
fn read(text: &str) -> Result<(Vec<Saved>, usize), json::Error> {
    let mut r = Reader::new(text);
    let at = r.here();
    let mut list: Option<(Vec<Saved>, usize)> = None;
    r.object(|r, key| {
        if key != "saved" {
            return r.skip();
        }
        let key_at = r.pos();
        let (mut saved, mut total) = (Vec::new(), 0);
        r.array(|r| {
            total += 1;
            saved.extend(entry(r)?);
            Ok(())
        })?;
        match list.replace((saved, total)) {
            None => Ok(()),
            Some(_) => Err(r.error(key_at, "duplicate field `saved`")),
        }
    })?;
    r.end()?;
    r.required(list, "saved", at)
}

/// One entry of the list: an offer when it is an object with string `id`, `title` and
/// `organization` (the last of repeated keys counting), or an array of exactly those three
/// strings; anything else is read past and gives `None`.
fn entry(r: &mut Reader) -> Result<Option<Saved>, json::Error> {
    // A string value as such, any other read past.
    fn text(r: &mut Reader) -> Result<Option<String>, json::Error> {
        if r.peek() == Some(b'"') {
            return r.string().map(Some);
        }
        r.skip().map(|_| None)
    }
    match r.peek() {
        Some(b'{') => {
            // Per field: `None` while absent, then its last value if a string.
            let mut fields: [Option<Option<String>>; 3] = [None, None, None];
            r.object(|r, key| {
                let slot = match key {
                    "id" => 0,
                    "title" => 1,
                    "organization" => 2,
                    _ => return r.skip(),
                };
                fields[slot] = Some(text(r)?);
                Ok(())
            })?;
            Ok(match fields {
                [Some(Some(id)), Some(Some(title)), Some(Some(organization))] => Some(Saved { id, title, organization }),
                _ => None,
            })
        }
        Some(b'[') => {
            let mut texts = Vec::new();
            let mut others = false;
            r.array(|r| {
                match text(r)? {
                    Some(s) if !others && texts.len() < 3 => texts.push(s),
                    _ => others = true,
                }
                Ok(())
            })?;
            Ok(match <[String; 3]>::try_from(texts) {
                Ok([id, title, organization]) if !others => Some(Saved { id, title, organization }),
                _ => None,
            })
        }
        _ => r.skip().map(|_| None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(id: &str, title: &str) -> Posting {
        crate::model::json::from_str(&format!(
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
        #[derive(serde::Deserialize)]
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
        texts.push(r#"{"saved":[{"id":"a","title":"T","organization":"O"}]"#.to_string());
        for text in &texts {
            let (ours, theirs) = (Favourites::decode(text), decode_through_values(text));
            let unreadable = |note: &Option<String>| note.as_deref().is_some_and(|n| n.starts_with("saved offers unreadable"));
            if text.contains("1e400") {
                // serde_json refuses a number beyond f64 (so the whole list); this reader reads
                // numbers it does not need by their grammar alone, and keeps the offers.
                assert!(unreadable(&theirs.1) && !unreadable(&ours.1), "{text}: {ours:?}");
                continue;
            }
            assert_eq!(ours.0, theirs.0, "{text}");
            // The same note, but for the wording of the reason a list is unreadable.
            assert_eq!(unreadable(&ours.1), unreadable(&theirs.1), "{text}: {ours:?} {theirs:?}");
            if !unreadable(&ours.1) {
                assert_eq!(ours.1, theirs.1, "{text}");
            }
        }
        // Nesting deeper than serde_json's limit (128) is read past, not refused.
        let deep = format!(r#"{{"saved":[{}1{}, ["a","T","O"]]}}"#, "[".repeat(200), "]".repeat(200));
        let (f, note) = Favourites::decode(&deep);
        assert_eq!((f.saved.len(), note.as_deref()), (1, Some("1 saved offer(s) could not be read and were skipped")));
        let (_, note) = Favourites::decode(r#"{"saved":[], "saved":[]}"#);
        assert_eq!(note.as_deref(), Some("saved offers unreadable (duplicate field `saved` at line 1, column 22); starting afresh"));
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
