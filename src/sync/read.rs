//! What a source returned → records: the one place that decides how a payload is read
//! ([`read_payload`]): vitrine feeds (arrays, envelopes, split feeds with their texts file) and
//! plain posting texts, web pages (`ingest::formats`), RSS/Atom/JSON Feed items and JSON-LD
//! (`ingest::import`).

use super::config::SourceType;
use crate::ingest::clean::{decode, DecodeProblem};
use crate::ingest::{extract, formats, import};
use crate::model::{feed, pack, Posting};

/// The records read from one payload, and what was left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Read {
    pub postings: Vec<Posting>,
    /// Records or parts left out, in words ("record 3 (id «x»): …").
    pub warnings: Vec<String>,
}

/// The type a payload is read as: `kind` when it is not `auto`; else from the content type, then
/// the name's extension, then the first bytes.
pub fn detect(kind: SourceType, name: &str, bytes: &[u8], content_type: Option<&str>) -> SourceType {
    if kind != SourceType::Auto {
        return kind;
    }
    let json = |bytes: &[u8]| {
        // JSON-LD (`@context`, `@type`) or a vitrine feed.
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        if head.contains("\"@context\"") || head.contains("\"@type\"") { SourceType::Jsonld } else { SourceType::Vitrine }
    };
    match content_type.unwrap_or("") {
        "application/ld+json" => return SourceType::Jsonld,
        t if t == "application/json" || t.ends_with("+json") => return json(bytes),
        "text/html" | "application/xhtml+xml" => return SourceType::Page,
        "application/rss+xml" | "application/atom+xml" | "application/xml" | "text/xml" => return SourceType::Feed,
        _ => {}
    }
    let path = name.split(['?', '#']).next().unwrap_or(name);
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).filter(|e| !e.contains('/'));
    match ext.as_deref() {
        Some("json") => return json(bytes),
        Some("jsonld") => return SourceType::Jsonld,
        Some("html" | "htm") => return SourceType::Page,
        Some("xml" | "rss" | "atom") => return SourceType::Feed,
        Some("txt" | "text" | "md") => return SourceType::Text,
        _ => {}
    }
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match start.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[' | b'{') => json(bytes),
        Some(b'<') => {
            let head = String::from_utf8_lossy(&start[..start.len().min(1024)]).to_ascii_lowercase();
            if head.contains("<rss") || head.contains("<feed") { SourceType::Feed } else { SourceType::Page }
        }
        _ => SourceType::Text,
    }
}

/// Reads one payload of a source: `name` is its address or file name (messages, and the
/// `source` of records made from a text), `content_type` what the server said it is.
/// `beside` fetches a file named relative to the payload (the texts file of a split feed).
///
/// Fails, so that the source keeps its last good offers, when nothing usable is there: not text,
/// not a feed, a feed cut short, a split feed whose texts are missing or of another version.
pub fn read_payload(
    kind: SourceType,
    name: &str,
    bytes: &[u8],
    content_type: Option<&str>,
    beside: &mut dyn FnMut(&str) -> Result<Vec<u8>, String>,
) -> Result<Read, String> {
    match detect(kind, name, bytes, content_type) {
        SourceType::Vitrine => read_vitrine(bytes, beside),
        SourceType::Text | SourceType::Auto => read_text(name, bytes),
        // A web page is one posting (its JobPosting JSON-LD laid over its text); RSS/Atom/JSON
        // Feed items and JSON-LD files are read by `vitrine import`'s reader. Items that cannot
        // be read are left out and named; a payload with none readable fails.
        SourceType::Page => {
            let source = name.rsplit('/').find(|s| !s.is_empty()).unwrap_or(name);
            let doc = formats::read_bytes(name, bytes).map_err(|e| e.to_string())?;
            Ok(Read { postings: vec![doc.extract(Some(source)).posting], warnings: Vec::new() })
        }
        SourceType::Feed | SourceType::Jsonld => {
            let items = import::items_from(name, bytes).map_err(|e| e.to_string())?;
            let mut read = Read::default();
            for item in items.items {
                match item {
                    Ok(x) => read.postings.push(x.posting),
                    Err(e) => read.warnings.push(format!("left out {e}")),
                }
            }
            if read.postings.is_empty() && !read.warnings.is_empty() {
                return Err(format!("no item could be read ({})", read.warnings.join("; ")));
            }
            Ok(read)
        }
    }
}

/// A posting's plain text (any encoding `vitrine ingest` reads) → one record.
fn read_text(name: &str, bytes: &[u8]) -> Result<Read, String> {
    let text = match decode(bytes) {
        Ok((text, _)) => text,
        Err(DecodeProblem::Empty) => return Err("empty: no text to extract".into()),
        Err(DecodeProblem::Binary(reason)) => return Err(format!("not text: {reason}")),
    };
    let source = name.rsplit('/').find(|s| !s.is_empty()).unwrap_or(name);
    Ok(Read { postings: vec![extract(&text, Some(source)).posting], warnings: Vec::new() })
}

/// A vitrine feed: array or envelope; a split feed's texts are fetched with `beside` and joined.
/// Bad records are left out and named; a feed cut short fails (its missing records are not gone).
fn read_vitrine(bytes: &[u8], beside: &mut dyn FnMut(&str) -> Result<Vec<u8>, String>) -> Result<Read, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not a vitrine feed: not UTF-8 text (byte {})", e.valid_up_to()))?;
    let mut feed = feed::decode(text).map_err(|e| format!("not a vitrine feed: {e}"))?;
    if feed.truncated {
        return Err("the feed stops before its end (cut short): its records after the cut would be lost".into());
    }
    let mut warnings: Vec<String> = feed.rejected.iter().map(|r| format!("left out {r}")).collect();
    warnings.extend(feed.warnings.iter().cloned());
    if feed.postings.is_empty() && !feed.rejected.is_empty() {
        return Err(format!("no good record in the feed ({} left out; first: {})", feed.rejected.len(), feed.rejected[0]));
    }
    if let Some(reference) = feed.bodies.clone() {
        let bytes = beside(&reference.href).map_err(|e| format!("its texts file {}: {e}", reference.href))?;
        let text = std::str::from_utf8(&bytes).map_err(|e| format!("its texts file {}: not UTF-8 text (byte {})", reference.href, e.valid_up_to()))?;
        pack::decode_bodies(text)
            .and_then(|bodies| pack::join(&mut feed, &bodies))
            .map_err(|e| format!("its texts file {}: {e}", reference.href))?;
    }
    Ok(Read { postings: feed.postings, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Result<Vec<u8>, String> {
        Err("no file beside".into())
    }

    #[test]
    fn types_come_from_content_type_then_name_then_bytes() {
        let d = |name, bytes: &[u8], ct| detect(SourceType::Auto, name, bytes, ct);
        assert_eq!(d("x", b"[]", Some("application/json")), SourceType::Vitrine);
        assert_eq!(d("x", b"{\"@context\": \"https://schema.org\"}", Some("application/json")), SourceType::Jsonld);
        assert_eq!(d("x", b"hello", Some("text/html")), SourceType::Page);
        assert_eq!(d("https://a.example/o.json?x=1", b"hello", Some("text/plain")), SourceType::Vitrine);
        assert_eq!(d("https://a.example/offre.txt", b"[Poste]", None), SourceType::Text);
        assert_eq!(d("https://a.example/", b" <?xml version=\"1.0\"?><rss>", None), SourceType::Feed);
        assert_eq!(d("https://a.example/", b"<!doctype html>", None), SourceType::Page);
        assert_eq!(d("https://a.example/", b"\xef\xbb\xbf{\"postings\": []}", None), SourceType::Vitrine);
        assert_eq!(d("https://a.example/", b"Comptable H/F", None), SourceType::Text);
        assert_eq!(detect(SourceType::Text, "a.json", b"[]", Some("application/json")), SourceType::Text);
    }

    #[test]
    fn reads_texts_and_feeds_and_names_what_is_wrong() {
        let r = read_payload(SourceType::Auto, "https://a.example/comptable.txt", "Comptable\n\nAssociation Trait d'Union\n\nCDI à Lyon.".as_bytes(), None, &mut none).unwrap();
        assert_eq!(r.postings.len(), 1);
        assert_eq!(r.postings[0].source.as_deref(), Some("comptable.txt"));
        let e = read_payload(SourceType::Text, "x", b"\x00\x01\x02\x03binary", None, &mut none).unwrap_err();
        assert!(e.starts_with("not text: "), "{e}");
        let e = read_payload(SourceType::Vitrine, "x", b"<html>502</html>", None, &mut none).unwrap_err();
        assert!(e.starts_with("not a vitrine feed: the feed is not valid JSON at line 1, column 1"), "{e}");
        let e = read_payload(SourceType::Vitrine, "x", b"[{\"id\":\"a\",\"kind\":\"emploi\",\"title\":\"T\",\"organization\":\"O\"},", None, &mut none).unwrap_err();
        assert!(e.contains("cut short"), "{e}");
        let r = read_payload(SourceType::Vitrine, "x", br#"[{"id":"a","kind":"emploi","title":"T","organization":"O"},{"id":"b"}]"#, None, &mut none).unwrap();
        assert_eq!((r.postings.len(), r.warnings.len()), (1, 1));
        assert!(r.warnings[0].starts_with("left out record 1 (id «b»)"), "{:?}", r.warnings);
        // A page with no text is refused, naming why (the source keeps its last good offers).
        let e = read_payload(SourceType::Auto, "x.html", b"<html></html>", None, &mut none).unwrap_err();
        assert!(!e.is_empty(), "{e}");
    }

    #[test]
    fn a_split_feed_is_read_with_its_texts() {
        let postings = crate::model::from_json(include_str!("../../data/postings.json")).unwrap();
        let split = pack::split(&postings, None, "o.bodies.json");
        let mut asked = Vec::new();
        let mut beside = |href: &str| {
            asked.push(href.to_string());
            Ok(split.bodies.clone().into_bytes())
        };
        let r = read_payload(SourceType::Auto, "https://a.example/o.json", split.offers.as_bytes(), Some("application/json"), &mut beside).unwrap();
        assert_eq!(asked, ["o.bodies.json"]);
        assert_eq!(r.postings[0].body, postings[0].body);
        let e = read_payload(SourceType::Vitrine, "o.json", split.offers.as_bytes(), None, &mut none).unwrap_err();
        assert_eq!(e, "its texts file o.bodies.json: no file beside");
    }
}
