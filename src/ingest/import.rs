//! Structured sources → records (`vitrine import`, and `vitrine sync` on fetched bytes): RSS 2.0,
//! Atom and JSON Feed items (their HTML turned into text, extracted, title, link and date laid
//! over), schema.org `JobPosting` JSON-LD files, vitrine's own data files and feeds (records
//! taken as they are), and single HTML pages. The type is told by the content.

use super::error::IngestError;
use super::formats::{self, html};
use super::jsonld::{self, JobPosting};
use super::record::{make_id, Extraction, Note, NoteLevel};
use crate::model::{feed, Date};
use serde_json::Value;
use std::path::PathBuf;

/// What a source was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// RSS 2.0, Atom or JSON Feed 1.1.
    Feed,
    /// One schema.org `JobPosting`, an array of them, or a `@graph` holding them.
    JsonLd,
    /// vitrine's own data file or feed.
    Vitrine,
    /// A single document (an HTML page): `formats::read_bytes`.
    Document,
}

/// The items of a source: each one a record, or the reason it cannot be one.
#[derive(Debug)]
pub struct Items {
    pub kind: SourceKind,
    pub items: Vec<Result<Extraction, IngestError>>,
}

/// Every record of a source; the first item that cannot be read fails the whole source.
pub fn postings_from(name: &str, bytes: &[u8]) -> Result<Vec<Extraction>, IngestError> {
    items_from(name, bytes)?.items.into_iter().collect()
}

fn not_importable(name: &str, reason: impl Into<String>) -> IngestError {
    IngestError::NotImportable { path: PathBuf::from(name), reason: reason.into() }
}

fn item_error(name: &str, n: usize, reason: impl Into<String>) -> IngestError {
    IngestError::NotImportable { path: PathBuf::from(format!("{name} item {n}")), reason: reason.into() }
}

/// Reads a source's items; `name` (file name or address) names it and its items in errors.
pub fn items_from(name: &str, bytes: &[u8]) -> Result<Items, IngestError> {
    let text = match formats::decode_text(std::path::Path::new(name), bytes) {
        Ok(t) => t,
        // Binary content: maybe a document (a PDF…); otherwise the decoding error says what it is.
        Err(e @ IngestError::Binary { .. }) => return document(name, bytes).map_err(|_| e),
        Err(e) => return Err(e),
    };
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') || t.starts_with('[') {
        let v: Value = serde_json::from_str(t).map_err(|e| not_importable(name, format!("not valid JSON: {e}")))?;
        let version = v.get("version").and_then(Value::as_str).unwrap_or("");
        if version.contains("jsonfeed.org") {
            return feed_items(name, bytes);
        }
        let jobs = jsonld::job_postings(&v);
        if !jobs.is_empty() {
            let items = jobs.iter().enumerate().map(|(i, j)| job_item(name, i + 1, JobPosting::from_value(j))).collect();
            return Ok(Items { kind: SourceKind::JsonLd, items });
        }
        return vitrine_items(name, t);
    }
    if t.starts_with('<') {
        if formats::Format::sniff(bytes) == formats::Format::Html {
            return document(name, bytes);
        }
        return feed_items(name, bytes);
    }
    Err(not_importable(
        name,
        "not a feed (RSS, Atom, JSON Feed), a JSON-LD JobPosting or a vitrine data file: give posting texts to `vitrine ingest`",
    ))
}

fn document(name: &str, bytes: &[u8]) -> Result<Items, IngestError> {
    let src = formats::read_bytes(name, bytes)?;
    let file = name.rsplit(['/', '\\']).next().filter(|s| !s.is_empty());
    Ok(Items { kind: SourceKind::Document, items: vec![Ok(src.extract(file))] })
}

fn vitrine_items(name: &str, text: &str) -> Result<Items, IngestError> {
    let f = feed::decode(text).map_err(|e| not_importable(name, e.to_string()))?;
    let mut items: Vec<Result<Extraction, IngestError>> =
        f.postings.into_iter().map(|posting| Ok(Extraction { posting, notes: Vec::new(), evidence: Vec::new() })).collect();
    for r in f.rejected {
        items.push(Err(item_error(name, r.index + 1, r.to_string())));
    }
    if f.truncated {
        items.push(Err(not_importable(name, "the file stops before its end (records after the cut are missing)")));
    }
    Ok(Items { kind: SourceKind::Vitrine, items })
}

/// A JSON-LD `JobPosting` on its own: its description (with its title and organization on top)
/// is the text, its fields are laid over.
fn job_item(name: &str, n: usize, j: JobPosting) -> Result<Extraction, IngestError> {
    if j.title.is_none() && j.description.is_none() {
        return Err(item_error(name, n, "a JobPosting with neither title nor description"));
    }
    let mut text = String::new();
    for line in [&j.title, &j.organization].into_iter().flatten() {
        text.push_str(line);
        text.push_str("\n\n");
    }
    text.push_str(j.description.as_deref().unwrap_or(""));
    let src = formats::Source { format: formats::Format::Html, text, job: Some(j) };
    Ok(src.extract(source_name(name)))
}

fn source_name(name: &str) -> Option<&str> {
    name.rsplit(['/', '\\']).next().filter(|s| !s.is_empty())
}

fn feed_items(name: &str, bytes: &[u8]) -> Result<Items, IngestError> {
    let parsed = feed_rs::parser::parse(bytes).map_err(|e| not_importable(name, format!("not a readable RSS, Atom or JSON Feed: {e}")))?;
    let items = parsed.entries.into_iter().enumerate().map(|(i, e)| entry(name, i + 1, e)).collect();
    Ok(Items { kind: SourceKind::Feed, items })
}

/// One feed item → a record: its HTML content (or summary) as text, under its title; the
/// item's title and date win; its link is the way to apply only when the text gives none.
fn entry(name: &str, n: usize, e: feed_rs::model::Entry) -> Result<Extraction, IngestError> {
    let title = e.title.as_ref().map(|t| html::inline(&t.content)).filter(|t| !t.is_empty());
    let body = e.content.as_ref().and_then(|c| c.body.clone()).or_else(|| e.summary.as_ref().map(|s| s.content.clone())).unwrap_or_default();
    let body = html::fragment_text(&body);
    if title.is_none() && body.trim().is_empty() {
        return Err(item_error(name, n, "neither a title nor a text"));
    }
    let text = match &title {
        Some(t) => format!("{t}\n\n{body}"),
        None => body,
    };
    let mut x = formats::Source { format: formats::Format::Html, text, job: None }.extract(source_name(name));
    let p = &mut x.posting;
    if let Some(t) = title {
        if p.title != t {
            p.title = t;
            p.id = make_id(&p.organization, &p.title);
        }
        x.notes.retain(|n| n.field != "title");
    }
    let published = e.published.or(e.updated).map(|d| d.format("%Y-%m-%d").to_string()).and_then(|d| d.parse::<Date>().ok());
    if published.is_some() {
        p.published = published;
        x.notes.retain(|n| n.field != "published");
    }
    let link = e.links.iter().map(|l| l.href.clone()).find(|h| h.starts_with("http://") || h.starts_with("https://"));
    if let Some(l) = link {
        if p.apply.is_empty() {
            p.apply.urls.push(l);
            x.notes.retain(|n| n.field != "apply");
            x.notes.push(Note { field: "apply", level: NoteLevel::Unsure, message: "the item's link, as no way to apply was found in its text".into() });
        }
    }
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_sources_by_their_content() {
        let ld = br#"[{"@type":"JobPosting","title":"Comptable","hiringOrganization":{"name":"Asso Trait d'Union"},"description":"CDI a Lyon."}]"#;
        let items = items_from("fetched", ld).unwrap();
        assert_eq!(items.kind, SourceKind::JsonLd);
        let x = postings_from("fetched", ld).unwrap();
        assert_eq!((x[0].posting.title.as_str(), x[0].posting.organization.as_str()), ("Comptable", "Asso Trait d'Union"));
        let rss = br#"<rss version="2.0"><channel><title>t</title><item><title>Juriste</title><description>&lt;p&gt;Asso Droit Devant, CDI &#224; Lille.&lt;/p&gt;</description></item></channel></rss>"#;
        let items = items_from("https://x.example/feed", rss).unwrap();
        assert_eq!(items.kind, SourceKind::Feed);
        assert_eq!(items.items[0].as_ref().unwrap().posting.title, "Juriste");
        let page = b"<!doctype html><html><body><main><h1>Animateur</h1><p>CDI</p></main></body></html>";
        assert_eq!(items_from("page", page).unwrap().kind, SourceKind::Document);
        assert_eq!(items_from("data.json", b"[]").unwrap().kind, SourceKind::Vitrine);
    }

    #[test]
    fn bad_sources_and_items_are_named() {
        let e = items_from("a.txt", "Une offre collée".as_bytes()).unwrap_err();
        assert!(e.to_string().starts_with("a.txt: not a feed (RSS, Atom, JSON Feed), a JSON-LD JobPosting or a vitrine data file"), "{e}");
        let e = items_from("b.json", b"{\"x\": ").unwrap_err();
        assert!(e.to_string().starts_with("b.json: not valid JSON"), "{e}");
        let e = postings_from("c.jsonld", br#"{"@type":"JobPosting","datePosted":"2026-01-01"}"#).unwrap_err();
        assert_eq!(e.to_string(), "c.jsonld item 1: a JobPosting with neither title nor description");
        let feed = br#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1"}]}"#;
        assert_eq!(postings_from("d.json", feed).unwrap_err().to_string(), "d.json item 1: neither a title nor a text");
    }
}
