//! Feeds: lenient decoding of offer data (keeps good records, names bad ones) and merging of several sources.
//!
//! A feed is either a JSON array of [`Posting`] (the format of `data/postings.json`) or an
//! envelope object `{"updated": "YYYY-MM-DD", "postings": [...]}` whose other keys are ignored.
//! [`decode`] finds the postings array's element boundaries with a small non-recursive scanner
//! (strings with escapes, nesting of `{}`/`[]`), then deserialises each element on its own, so one
//! bad record never costs the others and a feed cut mid-way keeps its complete records.

use super::json::{self, describe, Cursor, FromJson, Reader};
use super::{Date, Posting};
use std::collections::HashMap;
use std::fmt;

/// At most this many rejected records are listed in [`Feed::rejected`]; the rest are counted in a warning.
pub const MAX_LISTED_REJECTIONS: usize = 100;

/// What [`decode`] could read from a feed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Feed {
    /// The good records, in feed order.
    pub postings: Vec<Posting>,
    /// Position in the feed's array of each good record (parallel to `postings`): where its body
    /// is in the bodies file of a split feed.
    pub rows: Vec<u32>,
    /// Where the bodies are, for a split feed (see [`super::pack`]); its records have none.
    pub bodies: Option<BodiesRef>,
    /// The envelope's `updated` date, when there is one and it is valid.
    pub updated: Option<Date>,
    /// Records that were left out, and why (the first [`MAX_LISTED_REJECTIONS`] of them).
    pub rejected: Vec<RecordError>,
    /// The feed stops before its end (connection cut): records after the cut are missing.
    pub truncated: bool,
    /// Problems outside the records, in plain English (invalid `updated`, text after the end,
    /// mismatched brackets that stopped the reading, more rejections than listed…).
    pub warnings: Vec<String>,
}

/// The envelope's `bodies` entry: the split feed's bodies file, relative to the feed's address,
/// how many bodies it holds, and the stamp both files carry (they belong together).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BodiesRef {
    pub href: String,
    pub count: usize,
    pub stamp: String,
}

/// One record of a feed that was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// Position of the record in the feed's array, counting from 0.
    pub index: usize,
    /// The record's `id`, when it could be read.
    pub id: Option<String>,
    /// What was wrong, with its line and column in the feed.
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "record {} (id «{}»): {}", self.index, id, self.message),
            None => write!(f, "record {}: {}", self.index, self.message),
        }
    }
}

/// Why a feed could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// Nothing but whitespace.
    Empty,
    /// Not JSON (an HTML error page, random bytes…); line and column are 1-based, columns count characters.
    NotJson { line: usize, column: usize, message: String },
    /// Valid JSON, but neither an array of postings nor an object with a `postings` array.
    WrongShape(String),
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::Empty => f.write_str("the feed is empty"),
            FeedError::NotJson { line, column, message } => {
                write!(f, "the feed is not valid JSON at line {line}, column {column}: {message}")
            }
            FeedError::WrongShape(what) => write!(f, "the feed has the wrong shape: {what}"),
        }
    }
}

impl std::error::Error for FeedError {}

/// Reads a feed, keeping every good record and naming the bad ones.
///
/// A UTF-8 byte order mark is skipped. Records are rejected (see [`Feed::rejected`]) when they do
/// not deserialise, when their `title` or `organization` is blank, or when their `id` repeats
/// one already kept (a record without `id` gets the one [`super::slug::make_id`] gives), or when `hours_per_week` is too large for an `f32` (it would read as infinity).
/// The whole feed fails only when it is empty, not JSON, or of another shape.
pub fn decode(text: &str) -> Result<Feed, FeedError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let start = skip_ws(bytes, 0);
    if start == bytes.len() {
        return Err(FeedError::Empty);
    }
    let mut d = Decoder {
        text,
        feed: Feed::default(),
        ids: HashMap::new(),
        stack: Vec::new(),
        rejected_total: 0,
        cursor: Cursor::default(),
    };
    match bytes[start] {
        b'[' => {
            if let Some(after) = d.array(start) {
                d.trailing(after);
            }
        }
        b'{' => d.envelope(start)?,
        _ => return Err(d.not_a_feed(start)),
    }
    if d.rejected_total > d.feed.rejected.len() {
        let more = d.rejected_total - d.feed.rejected.len();
        d.feed.warnings.push(format!("{more} more rejected records are not listed"));
    }
    Ok(d.feed)
}

/// Decoding state: the feed being filled and what is needed to check records against each other.
struct Decoder<'a> {
    text: &'a str,
    feed: Feed,
    /// Kept ids → their record index.
    ids: HashMap<String, usize>,
    /// Open brackets while scanning a value (on the heap, so nesting depth costs no stack).
    stack: Vec<u8>,
    rejected_total: usize,
    cursor: Cursor,
}

/// Where a depth-0 scan stopped.
enum Stop {
    /// At this index there is a `,`, `]` or `}` outside any bracket.
    Delim(usize),
    /// The text ended first.
    End,
    /// At this index a closing bracket does not match the open one `open`.
    Mismatch { at: usize, open: u8 },
    /// (Only when scanning one value.) The value ends just before this index.
    After(usize),
}

impl Decoder<'_> {
    /// Reads the postings array whose `[` is at `open`. Returns the index just after its `]`,
    /// or `None` when the reading stops inside it (cut feed, mismatched brackets).
    fn array(&mut self, open: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let first = skip_ws(bytes, open + 1);
        if bytes.get(first) == Some(&b']') {
            return Some(first + 1);
        }
        let mut start = open + 1;
        let mut index = 0;
        loop {
            match scan(bytes, start, &mut self.stack, false) {
                Stop::Delim(end) if bytes[end] == b'}' => {
                    self.broken(end, "`}` where a record or the end of the array `]` was expected");
                    return None;
                }
                Stop::Delim(end) => {
                    self.record(index, start, end);
                    if bytes[end] == b']' {
                        return Some(end + 1);
                    }
                    index += 1;
                    start = end + 1;
                }
                // (`After` only comes from one-value scans.)
                Stop::End | Stop::After(_) => {
                    // The cut may fall just after a complete record and before its `,` or `]`.
                    if self.stack.is_empty() {
                        let slice = &self.text[start..];
                        if is_one_value(slice) {
                            self.record(index, start, bytes.len());
                        }
                    }
                    self.feed.truncated = true;
                    return None;
                }
                Stop::Mismatch { at, open } => {
                    let msg = format!("`{}` closes `{}`", bytes[at] as char, open as char);
                    self.broken(at, &msg);
                    return None;
                }
            }
        }
    }

    /// Notes that the brackets went wrong at `at`, which ends the reading.
    fn broken(&mut self, at: usize, what: &str) {
        let (line, column) = self.cursor.at(self.text, at);
        let kept = self.feed.postings.len();
        self.feed.warnings.push(format!(
            "the feed is broken at line {line}, column {column} ({what}); \
             the {kept} records read before it were kept, the rest is ignored"
        ));
    }

    /// Decodes and checks the record `text[start..end]`, number `index` in the array.
    fn record(&mut self, index: usize, start: usize, end: usize) {
        let slice = &self.text[start..end];
        let lead = start + (slice.len() - slice.trim_start().len());
        let listed = self.rejected_total < MAX_LISTED_REJECTIONS;
        if slice.trim().is_empty() {
            let (line, column) = self.cursor.at(self.text, lead);
            let msg =
                format!("empty record (two commas in a row, or a comma before `]`) at line {line}, column {column}");
            return self.reject(index, None, msg);
        }
        if self.text.as_bytes()[lead] != b'{' {
            if !listed {
                self.rejected_total += 1;
                return;
            }
            let (line, column) = self.cursor.at(self.text, lead);
            let found = describe(self.text, lead);
            return self.reject(
                index,
                None,
                format!("expected an object `{{…}}`, found {found} at line {line}, column {column}"),
            );
        }
        let mut posting = match json::from_str::<Posting>(slice) {
            Ok(p) => p,
            Err(e) => {
                if !listed {
                    self.rejected_total += 1;
                    return;
                }
                let id = probe_id(slice);
                let (line, column) = self.cursor.at(self.text, start + e.at);
                let msg = format!("{} at line {line}, column {column}", e.message);
                return self.reject(index, id, msg);
            }
        };
        let blank = [("title", &posting.title), ("organization", &posting.organization)]
            .into_iter()
            .find(|(_, v)| v.trim().is_empty())
            .map(|(name, _)| name);
        let made = posting.id.trim().is_empty();
        if blank.is_none() {
            posting.fill_id();
        }
        let problem = match (blank, self.ids.get(&posting.id)) {
            (Some(name), _) => Some(format!("`{name}` is empty")),
            (None, Some(first)) if made => Some(format!(
                "no `id`, and the one its organization and title make is already used by record {first}"
            )),
            (None, Some(first)) => Some(format!("duplicate id, already used by record {first}")),
            (None, None) => None,
        };
        match problem {
            Some(problem) => {
                let (line, column) = self.cursor.at(self.text, lead);
                let id = Some(posting.id).filter(|id| !id.trim().is_empty());
                self.reject(index, id, format!("{problem} (record starts at line {line}, column {column})"));
            }
            None => {
                self.ids.insert(posting.id.clone(), index);
                self.feed.postings.push(posting);
                self.feed.rows.push(index as u32);
            }
        }
    }

    fn reject(&mut self, index: usize, id: Option<String>, message: String) {
        self.rejected_total += 1;
        if self.feed.rejected.len() < MAX_LISTED_REJECTIONS {
            self.feed.rejected.push(RecordError { index, id, message });
        }
    }

    /// Warns about anything but whitespace after the end of the feed at `after`.
    fn trailing(&mut self, after: usize) {
        let at = skip_ws(self.text.as_bytes(), after);
        if at < self.text.len() {
            let (line, column) = self.cursor.at(self.text, at);
            let found = describe(self.text, at);
            self.feed
                .warnings
                .push(format!("{found} after the end of the feed at line {line}, column {column} was ignored"));
        }
    }

    /// Reads an envelope object whose `{` is at `open`.
    fn envelope(&mut self, open: usize) -> Result<(), FeedError> {
        let bytes = self.text.as_bytes();
        let mut seen = false;
        let mut i = skip_ws(bytes, open + 1);
        if bytes.get(i) == Some(&b'}') {
            return Err(no_postings());
        }
        loop {
            // A key.
            match bytes.get(i) {
                None => return self.cut(seen),
                Some(b'"') => {}
                Some(_) => return self.fail(seen, i, "expected a key in double quotes"),
            }
            let Some(key_end) = skip_string(bytes, i + 1) else { return self.cut(seen) };
            let key = json::from_str::<String>(&self.text[i..key_end]).unwrap_or_default();
            i = skip_ws(bytes, key_end);
            match bytes.get(i) {
                None => return self.cut(seen),
                Some(b':') => i = skip_ws(bytes, i + 1),
                Some(_) => return self.fail(seen, i, "expected `:` after a key"),
            }
            // Its value.
            if key == "postings" && !seen {
                match bytes.get(i) {
                    None => return self.cut(seen),
                    Some(b'[') => {}
                    Some(_) => {
                        let found = describe(self.text, i);
                        return Err(FeedError::WrongShape(format!(
                            "`postings` must be an array of postings, found {found}"
                        )));
                    }
                }
                seen = true;
                match self.array(i) {
                    Some(after) => i = after,
                    None => return Ok(()),
                }
            } else {
                let end = match scan(bytes, i, &mut self.stack, true) {
                    Stop::After(end) => end,
                    // A bare word (number, `null`…) ends at the delimiter that follows it.
                    Stop::Delim(end) if end > i && bytes[end] != b']' => end,
                    Stop::Delim(at) | Stop::Mismatch { at, .. } => {
                        return self.fail(seen, at, "brackets do not match");
                    }
                    Stop::End => return self.cut(seen),
                };
                if key == "postings" {
                    self.feed.warnings.push("a second `postings` key was ignored".to_string());
                } else if key == "bodies" {
                    match json::from_str::<BodiesRef>(&self.text[i..end]) {
                        Ok(bodies) => self.feed.bodies = Some(bodies),
                        Err(e) => {
                            let msg = format!("`bodies` was ignored (offers show without their text): {}", e.message);
                            self.feed.warnings.push(msg);
                        }
                    }
                } else if key == "updated" {
                    match json::from_str::<Option<Date>>(&self.text[i..end]) {
                        Ok(date) => self.feed.updated = date,
                        Err(e) => {
                            let msg = format!("`updated` was ignored: {}", e.message);
                            self.feed.warnings.push(msg);
                        }
                    }
                }
                i = end;
            }
            // `,` or `}`.
            i = skip_ws(bytes, i);
            match bytes.get(i) {
                None => return self.cut(seen),
                Some(b',') => i = skip_ws(bytes, i + 1),
                Some(b'}') => {
                    if !seen {
                        return Err(no_postings());
                    }
                    self.trailing(i + 1);
                    return Ok(());
                }
                Some(_) => return self.fail(seen, i, "expected `,` or `}` after a value"),
            }
        }
    }

    /// The envelope went wrong at `at`: fatal before the postings were read, a warning after.
    fn fail(&mut self, seen: bool, at: usize, message: &str) -> Result<(), FeedError> {
        let (line, column) = self.cursor.at(self.text, at);
        let message = format!("{message}, found {}", describe(self.text, at));
        if seen {
            self.feed.warnings.push(format!("after the postings, at line {line}, column {column}: {message}; ignored"));
            Ok(())
        } else {
            Err(FeedError::NotJson { line, column, message })
        }
    }

    /// The envelope ends early: a cut feed after the postings were read, fatal before.
    fn cut(&mut self, seen: bool) -> Result<(), FeedError> {
        if seen {
            self.feed.truncated = true;
            return Ok(());
        }
        let (line, column) = self.cursor.at(self.text, self.text.len());
        let message = "the feed ends before its `postings` array".to_string();
        Err(FeedError::NotJson { line, column, message })
    }

    /// The error for a feed that starts with neither `[` nor `{` (first character at `at`).
    fn not_a_feed(&mut self, at: usize) -> FeedError {
        let what = match self.text.as_bytes()[at] {
            b'"' => "a string",
            b't' | b'f' => "a boolean",
            b'n' => "null",
            b'-' | b'0'..=b'9' => "a number",
            b'<' => {
                let (line, column) = self.cursor.at(self.text, at);
                let message = "found `<`: this looks like an HTML page (wrong address, or a server error page?)";
                return FeedError::NotJson { line, column, message: message.to_string() };
            }
            _ => {
                let (line, column) = self.cursor.at(self.text, at);
                let message = format!("expected `[` or `{{`, found {}", describe(self.text, at));
                return FeedError::NotJson { line, column, message };
            }
        };
        let mut r = Reader::new(self.text);
        match r.skip().and_then(|_| r.end()) {
            Ok(_) => FeedError::WrongShape(format!(
                "it is {what}, not an array of postings nor an object with a `postings` array"
            )),
            Err(e) => {
                let (line, column) = self.cursor.at(self.text, e.at);
                FeedError::NotJson { line, column, message: e.message }
            }
        }
    }
}

fn no_postings() -> FeedError {
    FeedError::WrongShape(
        "the object has no `postings` array (expected `{\"postings\": [...]}` or an array)".to_string(),
    )
}

/// Reads just the `id` of a record that failed to deserialise, if its object reads up to it.
fn probe_id(record: &str) -> Option<String> {
    let mut id = None;
    let _ = Reader::new(record).object(|r, key| match key {
        "id" => {
            id = Option::<String>::read(r)?;
            Ok(())
        }
        _ => r.skip(),
    });
    id
}

/// Whether `text` is exactly one JSON value (whitespace around it allowed).
fn is_one_value(text: &str) -> bool {
    let mut r = Reader::new(text);
    r.peek().is_some() && r.skip().and_then(|_| r.end()).is_ok()
}

impl FromJson for BodiesRef {
    fn read(r: &mut Reader) -> Result<BodiesRef, json::Error> {
        let at = r.here();
        let (mut href, mut count, mut stamp) = (None, None, None);
        r.object(|r, key| {
            match key {
                "href" => href = Some(r.string()?),
                "count" => count = Some(r.whole(u32::MAX as u64)? as usize),
                "stamp" => stamp = Some(r.string()?),
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(BodiesRef {
            href: r.required(href, "href", at)?,
            count: r.required(count, "count", at)?,
            stamp: r.required(stamp, "stamp", at)?,
        })
    }
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// From just inside an opening `"`, the index just after the closing one (`None`: the text ends first).
fn skip_string(bytes: &[u8], mut i: usize) -> Option<usize> {
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    None
}

/// Scans from `i` to the first `,`, `]` or `}` outside brackets and strings (an array element,
/// whatever it holds). With `one_value`, stops instead at the end of the first value: after its
/// closing quote or bracket, or before the whitespace or delimiter that ends a bare word.
/// Iterative: `stack` holds the open brackets, so any nesting depth is fine.
fn scan(bytes: &[u8], mut i: usize, stack: &mut Vec<u8>, one_value: bool) -> Stop {
    stack.clear();
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => match skip_string(bytes, i + 1) {
                Some(next) if one_value && stack.is_empty() => return Stop::After(next),
                Some(next) => {
                    i = next;
                    continue;
                }
                None => return Stop::End,
            },
            b'[' | b'{' => stack.push(b),
            b']' | b'}' => match stack.last() {
                None => return Stop::Delim(i),
                Some(&open) if (open == b'[') == (b == b']') => {
                    stack.pop();
                    if one_value && stack.is_empty() {
                        return Stop::After(i + 1);
                    }
                }
                Some(&open) => return Stop::Mismatch { at: i, open },
            },
            b',' if stack.is_empty() => return Stop::Delim(i),
            b' ' | b'\t' | b'\n' | b'\r' if one_value && stack.is_empty() => return Stop::After(i),
            _ => {}
        }
        i += 1;
    }
    Stop::End
}

/// Concatenates postings from several sources in order, dropping a posting when one already kept
/// has the same `id`, or when one kept from an earlier source has the same organization, title and
/// main city once folded (case, accents, whitespace and punctuation ignored): two partners
/// relaying the same offer. Within one source, offers with distinct ids are all kept (a
/// publisher may well post the same job twice in one city). Returns the merged list, where each
/// kept posting came from (source, position in it), and how many were dropped.
pub fn merge_from(sources: Vec<Vec<Posting>>) -> (Vec<Posting>, Vec<(u32, u32)>, usize) {
    merge_with(sources, |_, _| {})
}

/// [`merge_from`], telling `dropped` of each posting left out: where it was (source, position in
/// it) and the position in the merged list of the posting it repeats (`vitrine sync` reports
/// which sources shared an offer).
pub fn merge_with(
    mut sources: Vec<Vec<Posting>>,
    mut dropped_as: impl FnMut((u32, u32), usize),
) -> (Vec<Posting>, Vec<(u32, u32)>, usize) {
    let mut filled = sources.iter().enumerate().filter(|(_, s)| !s.is_empty()).map(|(i, _)| i);
    if let (first, None) = (filled.next(), filled.next()) {
        // At most one source with postings: its ids are unique already (`decode` rejects repeats).
        let s = first.unwrap_or(0);
        let list = if sources.is_empty() { Vec::new() } else { std::mem::take(&mut sources[s]) };
        let from = (0..list.len() as u32).map(|i| (s as u32, i)).collect();
        return (list, from, 0);
    }
    // Kept ids → their position in the merged list. (Both maps have the type of `Decoder::ids`:
    // one copy of the hash map's code in the wasm.)
    let mut ids: HashMap<String, usize> = HashMap::new();
    // Folded organization, title and city, joined by `\0` (folding keeps letters and digits
    // only) → the position of the first kept posting that had them.
    let mut keys: HashMap<String, usize> = HashMap::new();
    let total = sources.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(total);
    let mut from: Vec<(u32, u32)> = Vec::with_capacity(total);
    let mut dropped = 0;
    for (s, list) in sources.into_iter().enumerate() {
        for (i, posting) in list.into_iter().enumerate() {
            let (organization, title) = (fold(&posting.organization), fold(&posting.title));
            // Blank organization or title: too little to call two postings the same.
            let keyed = !organization.is_empty() && !title.is_empty();
            let mut key = organization;
            for part in [title, fold(posting.city().unwrap_or(""))] {
                key.push('\0');
                key.push_str(&part);
            }
            let relayed = if keyed { keys.get(&key).copied().filter(|&first| from[first].0 != s as u32) } else { None };
            if let Some(&kept) = ids.get(&posting.id).or(relayed.as_ref()) {
                dropped += 1;
                dropped_as((s as u32, i as u32), kept);
                continue;
            }
            ids.insert(posting.id.clone(), out.len());
            if keyed {
                keys.entry(key).or_insert(out.len());
            }
            out.push(posting);
            from.push((s as u32, i as u32));
        }
    }
    (out, from, dropped)
}

/// Lower-cases, strips the accents of Latin letters, expands `œ`/`æ`/`ß`, and keeps only letters
/// and digits: `"Chargé·e d’études"` and `"CHARGE E D'ETUDES"` both become `"chargeedetudes"`.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(super::letters::lower) {
        match super::letters::ascii_letter(c) {
            Some(base) => out.push_str(base),
            None if c.is_alphanumeric() => out.push(c),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, title: &str, org: &str) -> String {
        format!(r#"{{"id":"{id}","kind":"emploi","title":"{title}","organization":"{org}"}}"#)
    }

    fn ids(feed: &Feed) -> Vec<&str> {
        feed.postings.iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn reads_the_data_file_like_the_strict_reader() {
        let text = include_str!("../../data/postings.json");
        let strict = super::super::from_json(text).unwrap();
        let feed = decode(text).unwrap();
        assert_eq!(feed.postings, strict);
        assert!(feed.rejected.is_empty() && feed.warnings.is_empty() && !feed.truncated);
        assert_eq!(feed.updated, None);
        // The same records in an envelope, with a BOM and other keys around.
        let wrapped = format!(
            "\u{feff}{{\"source\": {{\"name\": \"x ] }} [\", \"list\": [1, [2], {{}}]}},\n \"postings\": {text}, \"updated\": \"2025-11-03\", \"n\": null}}\n"
        );
        let feed = decode(&wrapped).unwrap();
        assert_eq!(feed.postings, strict);
        assert_eq!(feed.updated, Some(Date::new(2025, 11, 3).unwrap()));
        assert!(feed.rejected.is_empty() && feed.warnings.is_empty() && !feed.truncated, "{feed:?}");
    }

    #[test]
    fn rejects_hours_too_large_for_a_number() {
        // Found by fuzzing: 1e39 read as an infinite f32, shown as "inf h" and written back as null.
        let huge = rec("a", "T", "O").replace('}', r#","hours_per_week":1e39}"#);
        let feed = decode(&format!("[{huge},\n{}]", rec("b", "U", "P"))).unwrap();
        assert_eq!(ids(&feed), ["b"]);
        assert_eq!(feed.rejected.len(), 1);
        assert_eq!(feed.rejected[0].id.as_deref(), Some("a"));
        assert_eq!(
            feed.rejected[0].message,
            "`hours_per_week`: the number `1e39` is too large at line 1, column 76"
        );
        // The data file reader refuses it too.
        assert!(crate::model::from_json(&format!("[{huge}]")).unwrap_err().to_string().contains("too large"));
    }

    #[test]
    fn empty_arrays_and_envelopes() {
        assert_eq!(decode("[]").unwrap(), Feed::default());
        assert_eq!(decode(" [ \n ] ").unwrap(), Feed::default());
        let feed = decode(r#"{"updated":"2024-02-29","postings":[]}"#).unwrap();
        assert_eq!(feed.updated, Some(Date::new(2024, 2, 29).unwrap()));
        assert!(feed.postings.is_empty());
        assert_eq!(decode(r#"{"updated":null,"postings":[]}"#).unwrap().updated, None);
    }

    #[test]
    fn bad_records_are_named_and_the_others_kept() {
        let text = [
            "[",
            &rec("a", "Chargé·e d’études", "Possible"),
            r#", {"id": "b", "kind": "emploi", "organization": "O"}"#, // 1: no title
            r#", {"id": "c", "kind": "job", "title": "T", "organization": "O"}"#, // 2: unknown kind
            r#", {"id": "d", "kind": "emploi", "title": "T", "organization": "O", "deadline": "2025-02-30"}"#, // 3
            ",\n",
            &rec("e", "  ", "O"), // 4: blank title
            ",\n",
            &rec("a", "Autre", "O"),            // 5: duplicate of 0
            r#", {"id": 7, "kind": "emploi"}"#, // 6: id not a string
            ", null",                           // 7
            ",\n",
            &rec("f", "Titre, avec \\\"virgule\\\" ] et } crochets", "O"),
            ", ", // 9: empty
            "]",
        ]
        .concat();
        let feed = decode(&text).unwrap();
        assert_eq!(ids(&feed), ["a", "f"]);
        assert_eq!(feed.postings[1].title, "Titre, avec \"virgule\" ] et } crochets");
        assert!(!feed.truncated && feed.warnings.is_empty(), "{feed:?}");
        let got: Vec<(usize, Option<&str>)> = feed.rejected.iter().map(|r| (r.index, r.id.as_deref())).collect();
        assert_eq!(
            got,
            [
                (1, Some("b")),
                (2, Some("c")),
                (3, Some("d")),
                (4, Some("e")),
                (5, Some("a")),
                (6, None),
                (7, None),
                (9, None)
            ]
        );
        let msg = |i: usize| feed.rejected[i].to_string();
        assert!(msg(0).starts_with("record 1 (id «b»): missing field `title` at line 1, column "), "{}", msg(0));
        assert!(msg(1).contains("unknown variant `job`"), "{}", msg(1));
        assert!(msg(2).contains("«2025-02-30» is not a real calendar date"), "{}", msg(2));
        assert_eq!(msg(3), "record 4 (id «e»): `title` is empty (record starts at line 2, column 1)");
        assert_eq!(
            msg(4),
            "record 5 (id «a»): duplicate id, already used by record 0 (record starts at line 3, column 1)"
        );
        assert!(msg(5).contains(": expected a string, found the number `7` at line 3, column "), "{}", msg(5));
        assert_eq!(msg(6), "record 7: expected an object `{…}`, found `null` at line 3, column 93");
        assert!(msg(7).starts_with("record 9: empty record"), "{}", msg(7));
    }

    #[test]
    fn records_without_id_get_the_one_their_organization_and_title_make() {
        let text = [
            r#"[{"kind":"emploi","title":"Chargé·e d'accueil","organization":"Le Relais"},"#,
            r#"{"id":"  ","kind":"stage","title":"Stage","organization":"Le Relais"},"#,
            r#"{"kind":"emploi","title":"Chargé·e d'accueil","organization":"Le Relais"},"#,
            r#"{"kind":"emploi","title":" ","organization":"Le Relais"}]"#,
        ]
        .concat();
        let feed = decode(&text).unwrap();
        assert_eq!(ids(&feed), ["le-relais-charge-e-d-accueil", "le-relais-stage"]);
        let msg: Vec<String> = feed.rejected.iter().map(|r| r.to_string()).collect();
        assert_eq!(
            msg,
            [
                "record 2 (id «le-relais-charge-e-d-accueil»): no `id`, and the one its organization and title make is already used by record 0 (record starts at line 1, column 146)",
                "record 3: `title` is empty (record starts at line 1, column 220)",
            ]
        );
        assert_eq!(crate::model::from_json(&text.replace(",\"title\":\" \"", ",\"title\":\"Autre\"")).unwrap()[3].id, "le-relais-autre");
    }

    #[test]
    fn error_positions_are_feed_wide() {
        let text = format!("[\n  {},\n  {{\"id\": \"x\",\n   \"kind\": 12}}\n]", rec("a", "T", "O"));
        let feed = decode(&text).unwrap();
        assert_eq!(feed.rejected.len(), 1);
        // At the offending value `12` (line 4, "   \"kind\": 12").
        assert_eq!(
            feed.rejected[0].to_string(),
            "record 1 (id «x»): `kind`: expected one of `emploi`, `stage`, `alternance`, `service_civique`, \
             `benevolat`, `freelance`, `projet`, found the number `12` at line 4, column 12"
        );
        // Columns count characters, not bytes.
        let text = "[{\"id\": \"é\", \"kind\": 12}]";
        let feed = decode(text).unwrap();
        assert!(feed.rejected[0].message.ends_with("at line 1, column 22"), "{}", feed.rejected[0]);
    }

    #[test]
    fn a_cut_feed_keeps_the_complete_records_before_the_cut() {
        let recs = [rec("a", "Un « titre » [x]", "O"), rec("b", "Deux \\\\ \\\"", "P"), rec("c", "Trois", "Q")];
        for wrap in [false, true] {
            let array = format!("[\n{},\n{} , {}\n]", recs[0], recs[1], recs[2]);
            let text = if wrap { format!("{{\"updated\": \"2025-01-01\", \"postings\": {array}}}") } else { array };
            let full = decode(&text).unwrap();
            assert_eq!(ids(&full), ["a", "b", "c"]);
            let ends: Vec<usize> =
                ["\"O\"}", "\"P\"}", "\"Q\"}"].iter().map(|tail| text.find(tail).unwrap() + tail.len()).collect();
            for cut in 0..text.len() {
                let Some(part) = text.get(..cut) else { continue };
                let complete = ends.iter().filter(|&&e| e <= cut).count();
                match decode(part) {
                    Ok(feed) => {
                        assert!(feed.truncated, "cut {cut}: {feed:?}");
                        assert!(feed.rejected.is_empty() && feed.warnings.is_empty(), "cut {cut}: {feed:?}");
                        assert_eq!(feed.postings[..], full.postings[..complete], "cut {cut}");
                    }
                    Err(e) => assert!(complete == 0 && (cut == 0 || wrap), "cut {cut}: {e}"),
                }
            }
        }
        let feed = decode(&format!("[{},{},{{\"id\":\"x\",\"ti", recs[0], recs[1])).unwrap();
        assert_eq!(ids(&feed), ["a", "b"]);
        assert!(feed.truncated);
    }

    #[test]
    fn garbage_is_refused_with_where_and_what() {
        assert_eq!(decode(""), Err(FeedError::Empty));
        assert_eq!(
            decode(" \n\t\u{feff}"),
            Err(FeedError::NotJson { line: 2, column: 2, message: "expected `[` or `{`, found `\u{feff}`".into() })
        );
        assert_eq!(decode("\u{feff}  \r\n"), Err(FeedError::Empty));
        let html = "\n<!DOCTYPE html><html><body>502 Bad Gateway</body></html>";
        match decode(html) {
            Err(FeedError::NotJson { line: 2, column: 1, message }) => assert!(message.contains("HTML"), "{message}"),
            other => panic!("{other:?}"),
        }
        for (text, what) in [("null", "null"), ("  42.5", "a number"), ("\"[]\"", "a string"), ("true", "a boolean")] {
            match decode(text) {
                Err(FeedError::WrongShape(m)) => assert!(m.starts_with(&format!("it is {what},")), "{m}"),
                other => panic!("{text}: {other:?}"),
            }
        }
        let err = decode("404 Not Found").unwrap_err();
        assert!(matches!(err, FeedError::NotJson { line: 1, column: 5, .. }), "{err:?}");
        assert!(err.to_string().starts_with("the feed is not valid JSON at line 1, column 5: "), "{err}");
        let err = decode("nul").unwrap_err();
        assert!(matches!(err, FeedError::NotJson { line: 1, .. }), "{err:?}");
        let err = decode("\u{1}\u{2}binary").unwrap_err();
        assert!(err.to_string().contains("control character U+0001"), "{err}");
    }

    #[test]
    fn envelopes_of_the_wrong_shape() {
        let shape = |text: &str| match decode(text) {
            Err(FeedError::WrongShape(m)) => m,
            other => panic!("{text}: {other:?}"),
        };
        assert!(shape("{}").contains("no `postings` array"));
        assert!(shape(&rec("a", "T", "O")).contains("no `postings` array"));
        assert!(shape(r#"{"postings": {"a": 1}}"#).contains("`postings` must be an array of postings, found an object"));
        assert!(shape(r#"{"postings": null}"#).contains("found `null`"));
        let not_json = |text: &str| match decode(text) {
            Err(FeedError::NotJson { line, column, message }) => (line, column, message),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(not_json(r#"{"updated": "2025-01-01", "#).2, "the feed ends before its `postings` array");
        let (line, column, message) = not_json("{\n  updated: 1}");
        assert_eq!((line, column), (2, 3));
        assert_eq!(message, "expected a key in double quotes, found `updated`");
        assert_eq!(not_json(r#"{"a" 1}"#).2, "expected `:` after a key, found the number `1`");
        assert_eq!(not_json(r#"{"a": [1}, "postings": []}"#).2, "brackets do not match, found `}`");
        assert_eq!(not_json(r#"{"a": , "postings": []}"#).2, "brackets do not match, found `,`");
        assert_eq!(not_json(r#"{"a": 1 "postings": []}"#).2, "expected `,` or `}` after a value, found a string");
    }

    #[test]
    fn problems_outside_the_records_are_warnings() {
        let feed = decode(&format!(r#"{{"updated": "03/11/2025", "postings": [{}]}}"#, rec("a", "T", "O"))).unwrap();
        assert_eq!(ids(&feed), ["a"]);
        assert_eq!(feed.updated, None);
        assert_eq!(feed.warnings.len(), 1);
        assert!(
            feed.warnings[0].starts_with("`updated` was ignored: «03/11/2025» is not a date"),
            "{:?}",
            feed.warnings
        );

        let feed = decode(&format!("[{}]\n<!-- cached -->", rec("a", "T", "O"))).unwrap();
        assert_eq!(ids(&feed), ["a"]);
        assert_eq!(feed.warnings, ["`<` after the end of the feed at line 2, column 1 was ignored"]);

        let feed =
            decode(&format!(r#"{{"postings": [{}], "postings": [{}]}}"#, rec("a", "T", "O"), rec("b", "T", "O")))
                .unwrap();
        assert_eq!(ids(&feed), ["a"]);
        assert_eq!(feed.warnings, ["a second `postings` key was ignored"]);

        let feed = decode(&format!(r#"{{"postings": [{}] "x": 1}}"#, rec("a", "T", "O"))).unwrap();
        assert_eq!(ids(&feed), ["a"]);
        assert!(feed.warnings[0].contains("expected `,` or `}`"), "{:?}", feed.warnings);

        let feed = decode(&format!(r#"{{"postings": [{}], "upd"#, rec("a", "T", "O"))).unwrap();
        assert_eq!(ids(&feed), ["a"]);
        assert!(feed.truncated);

        // Mismatched brackets stop the reading; what came before is kept.
        let text = format!("[{},\n{{\"id\": \"b\", \"places\": [}}, {}]", rec("a", "T", "O"), rec("c", "T", "O"));
        let feed = decode(&text).unwrap();
        assert_eq!(ids(&feed), ["a"]);
        assert!(!feed.truncated);
        assert_eq!(
            feed.warnings,
            ["the feed is broken at line 2, column 24 (`}` closes `[`); the 1 records read before it were kept, the rest is ignored"]
        );
        let feed = decode(&format!("[{}, 1}}", rec("a", "T", "O"))).unwrap();
        assert_eq!(ids(&feed), ["a"]);
        assert!(feed.warnings[0].contains("`}` where a record or the end of the array `]` was expected"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = "[".repeat(100_000);
        let feed = decode(&deep).unwrap();
        assert!(feed.truncated && feed.postings.is_empty());
        let closed = format!("{deep}{}", "]".repeat(100_000));
        let feed = decode(&closed).unwrap();
        assert_eq!(feed.rejected.len(), 1);
        assert!(feed.rejected[0].message.starts_with("expected an object `{…}`, found an array"), "{}", feed.rejected[0]);
        // Unknown fields are skipped without recursing.
        let extra = format!("[{{\"extra\": {closed}, \"id\": \"a\"}}]");
        let feed = decode(&extra).unwrap();
        assert!(feed.rejected[0].message.starts_with("missing field `kind`"), "{}", feed.rejected[0]);
        assert_eq!(feed.rejected[0].id.as_deref(), Some("a"));
        let body = format!(
            "[{{\"id\": \"a\", \"kind\": \"stage\", \"title\": \"T\", \"organization\": \"O\", \"body\": [{closed}]}}]"
        );
        let feed = decode(&body).unwrap();
        assert_eq!((feed.rejected.len(), feed.rejected[0].id.as_deref()), (1, Some("a")));
        let objects = format!("[{}1{}]", "{\"a\":".repeat(100_000), "}".repeat(100_000));
        assert_eq!(decode(&objects).unwrap().rejected.len(), 1);
        let wrapped = format!("{{\"x\": {closed}, \"postings\": [{}]}}", rec("a", "T", "O"));
        assert_eq!(ids(&decode(&wrapped).unwrap()), ["a"]);
        assert!(decode(&format!("{{\"x\": {deep}")).is_err());
    }

    #[test]
    fn ten_megabytes_of_junk_are_handled() {
        // Five million tiny bad records: the count is reported, only the first ones are listed.
        let many = format!("[{}1]", "1,".repeat(5_000_000));
        let feed = decode(&many).unwrap();
        assert_eq!(feed.rejected.len(), MAX_LISTED_REJECTIONS);
        assert_eq!(
            feed.warnings,
            [format!("{} more rejected records are not listed", 5_000_001 - MAX_LISTED_REJECTIONS)]
        );
        // Pseudo-random bytes (xorshift), inside an array and on their own.
        let mut x: u32 = 2463534242;
        let junk: Vec<u8> = (0..10_000_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        let junk = String::from_utf8_lossy(&junk);
        assert!(decode(&junk).is_err());
        let feed = decode(&format!("[{}", junk)).unwrap();
        assert!(feed.postings.is_empty());
        let feed =
            decode(&format!("{{\"postings\": [{}]}}", rec("a", "T", "O")).replace("]}", &format!("]{junk}"))).unwrap();
        assert_eq!(ids(&feed), ["a"]);
    }

    #[test]
    fn mangled_feeds_never_panic() {
        let text = include_str!("../../data/postings.json");
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut rand = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 11) as usize % n.max(1)
        };
        let bits = ["[", "]", "{", "}", "\"", "\\", ",", ":", "", "é", "\u{feff}", "null", "\n"];
        for round in 0..400 {
            let mut s = text.to_string();
            for _ in 0..1 + round % 4 {
                let mut at = rand(s.len() + 1);
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                let mut to = (at + rand(40)).min(s.len());
                while !s.is_char_boundary(to) {
                    to -= 1;
                }
                s.replace_range(at..to, bits[rand(bits.len())]);
            }
            if let Ok(feed) = decode(&s) {
                let ids: std::collections::HashSet<&str> = feed.postings.iter().map(|p| p.id.as_str()).collect();
                assert_eq!(ids.len(), feed.postings.len());
                assert!(feed.rejected.windows(2).all(|w| w[0].index < w[1].index), "{:?}", feed.rejected);
                assert!(feed.postings.len() <= 5);
            }
        }
    }

    fn posting(id: &str, org: &str, title: &str, city: Option<&str>) -> Posting {
        let mut p: Posting = serde_json::from_str(&rec(id, "x", "x")).unwrap();
        p.organization = org.to_string();
        p.title = title.to_string();
        if let Some(city) = city {
            p.places = vec![super::super::Place {
                city: Some(city.to_string()),
                postal_code: None,
                department: None,
                region: None,
                country: super::super::Country::FR,
            }];
        }
        p
    }

    #[test]
    fn merge_drops_repeated_ids_and_same_offers() {
        let a = vec![
            posting("a", "Association Possible", "Chargé·e d’études", Some("Lyon")),
            posting("b", "Emmaüs", "Bénévole", None),
        ];
        let b = vec![
            posting("a", "Autre", "Autre", None),                                      // same id
            posting("z", "ASSOCIATION  possible", "Charge.e d'etudes ", Some("LYON")), // same offer
            posting("y", "Association Possible", "Chargé·e d’études", Some("Paris")),  // other city
            posting("x", "emmaus", "benevole!", None),                                 // same, no city
            posting("w", "", "", None),
            posting("v", "", "", None), // blank: only the id counts
            posting("b", "Nouveau", "Nouveau", None),
        ];
        let (merged, _, dropped) = merge_from(vec![a.clone(), vec![], b]);
        let got: Vec<&str> = merged.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(got, ["a", "b", "y", "w", "v"]);
        assert_eq!(dropped, 4);
        assert_eq!(merged[0].organization, "Association Possible");
        assert_eq!(merge_from(vec![]), (vec![], vec![], 0));
        // Within one source, the same job posted twice (two ids) stays twice.
        let twice = vec![a[0].clone(), posting("a2", "Association Possible", "Chargé·e d’études", Some("Lyon"))];
        assert_eq!(merge_from(vec![twice.clone()]).0.len(), 2);
        let (merged, from, dropped) = merge_from(vec![vec![], twice.clone(), twice]);
        assert_eq!((merged.len(), dropped), (2, 2));
        assert_eq!(from, [(1, 0), (1, 1)], "sources are counted as given, empty ones too");
        // The three folded parts are compared one by one, not as one run of letters.
        let (merged, _, dropped) = merge_from(vec![
            vec![posting("p", "Asso Lyon", "Chargé", Some("Paris"))],
            vec![
                posting("q", "Asso", "Lyon Chargé", Some("Paris")),
                posting("r", "Asso Lyon", "Chargé Paris", None),
                posting("s", "ASSO LYON", "chargé", Some("paris")),
            ],
        ]);
        let got: Vec<&str> = merged.iter().map(|p| p.id.as_str()).collect();
        assert_eq!((got, dropped), (vec!["p", "q", "r"], 1));
    }

    #[test]
    fn merge_with_names_what_each_dropped_posting_repeats() {
        let mut seen = Vec::new();
        let (merged, from, dropped) = merge_with(
            vec![
                vec![posting("a", "Emmaüs", "Bénévole", None), posting("b", "Possible", "Chargé", Some("Lyon"))],
                vec![posting("c", "POSSIBLE", "charge", Some("lyon")), posting("a", "Autre", "Autre", None)],
            ],
            |at, kept| seen.push((at, kept)),
        );
        assert_eq!(merged.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!((from, dropped), (vec![(0, 0), (0, 1)], 2));
        assert_eq!(seen, [((1, 0), 1), ((1, 1), 0)]);
    }

    #[test]
    fn fold_ignores_case_accents_spacing_and_punctuation() {
        assert_eq!(fold("Chargé·e d’études"), "chargeedetudes");
        assert_eq!(fold(" CHARGE-E  D'ÉTUDES. "), "chargeedetudes");
        assert_eq!(fold("Cœur Ægée Straße"), "coeuraegeestrasse");
        assert_eq!(fold("Cafe\u{301} 2"), "cafe2");
        assert_eq!(fold("Lyon"), fold("lyon"));
        assert_ne!(fold("Lyon"), fold("Lille"));
    }
}
