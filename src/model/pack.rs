//! Split feeds: a data file written as two files for the widget. The offers file holds every
//! record without its body and ways to apply (what the list, the filters and the search need,
//! small enough to show the first results fast); the bodies file holds those in the compact text
//! form of [`super::body`], one string per record, in the same order, fetched after the list is shown.
//!
//! The offers file is an ordinary feed envelope with one more key, read by [`super::feed::decode`]:
//! `{"updated": …, "bodies": {"href": "offres.bodies.json", "count": N, "stamp": "…"}, "postings": […]}`.
//! The bodies file is `{"stamp": "…", "bodies": ["…", …]}`. Both carry the same stamp (a hash of
//! the bodies), so a widget never pairs offers with the bodies of another version.

use super::feed::{BodiesRef, Feed};
use super::json::{self, FromJson, Reader};
use super::body;
#[cfg(any(not(target_arch = "wasm32"), feature = "extractor"))]
use super::{slug::make_id, Apply, Date, Posting};

/// The two texts of a split feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The offers file (records without body).
    pub offers: String,
    /// The bodies file.
    pub bodies: String,
}

/// A bodies file, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bodies {
    pub stamp: String,
    pub bodies: Vec<String>,
}

impl FromJson for Bodies {
    fn read(r: &mut Reader) -> Result<Bodies, json::Error> {
        let at = r.here();
        let (mut stamp, mut bodies) = (None, None);
        r.object(|r, key| {
            match key {
                "stamp" => stamp = Some(r.string()?),
                "bodies" => bodies = Some(Vec::<String>::read(r)?),
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(Bodies { stamp: r.required(stamp, "stamp", at)?, bodies: r.required(bodies, "bodies", at)? })
    }
}

/// The stamp of a list of bodies: 16 hex digits of a 64-bit FNV-1a hash of their count and texts.
pub fn stamp(bodies: &[String]) -> String {
    let mut s = Stamper::new(bodies.len());
    for b in bodies {
        s.add(b);
    }
    s.finish()
}

/// Computes a [`stamp`] one body at a time (the widget checks a bodies file as it indexes it).
#[derive(Debug, Clone)]
pub struct Stamper(u64);

impl Stamper {
    /// For `count` bodies.
    pub fn new(count: usize) -> Stamper {
        let mut s = Stamper(0xcbf2_9ce4_8422_2325);
        s.eat(&(count as u64).to_le_bytes());
        s
    }

    fn eat(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// The next body.
    pub fn add(&mut self, body: &str) {
        self.eat(&(body.len() as u64).to_le_bytes());
        self.eat(body.as_bytes());
    }

    /// The stamp.
    pub fn finish(&self) -> String {
        format!("{:016x}", self.0)
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "extractor"))]
#[derive(serde::Serialize)]
struct Envelope<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<Date>,
    bodies: &'a BodiesRef,
}

/// Writes `postings` as a split feed whose bodies file will be served at `bodies_href` (relative
/// to the offers file). A record's ways to apply go with its body into the bodies file (only the
/// detail shows them); its `id` is left out when [`make_id`] gives it back; its `source` (the name
/// of the text it came from) is dropped. Each record, and each text, is on a line of its own.
#[cfg(any(not(target_arch = "wasm32"), feature = "extractor"))]
pub fn split(postings: &[Posting], updated: Option<Date>, bodies_href: &str) -> Split {
    let texts: Vec<String> = postings.iter().map(|p| body::encode(&p.apply, &p.body)).collect();
    let reference = BodiesRef { href: bodies_href.to_string(), count: texts.len(), stamp: stamp(&texts) };
    let head = serde_json::to_string(&Envelope { updated, bodies: &reference }).expect("an envelope serializes");
    let mut offers = String::with_capacity(head.len() + postings.len() * 600);
    offers.push_str(&head[..head.len() - 1]);
    offers.push_str(",\"postings\":[");
    for (i, p) in postings.iter().enumerate() {
        offers.push_str(if i == 0 { "\n" } else { ",\n" });
        let id = if p.id == make_id(&p.organization, &p.title) { String::new() } else { p.id.clone() };
        let record = Posting { id, apply: Apply::default(), body: Vec::new(), source: None, ..p.clone() };
        offers.push_str(&serde_json::to_string(&record).expect("postings always serialize"));
    }
    offers.push_str("\n]}\n");

    let mut bodies = format!("{{\"stamp\":\"{}\",\"bodies\":[", reference.stamp);
    for (i, t) in texts.iter().enumerate() {
        bodies.push_str(if i == 0 { "\n" } else { ",\n" });
        json::write_str(&mut bodies, t);
    }
    bodies.push_str("\n]}\n");
    Split { offers, bodies }
}

/// Reads a bodies file, checking that its stamp is that of its bodies.
pub fn decode_bodies(text: &str) -> Result<Bodies, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bodies: Bodies =
        json::from_str(text).map_err(|e| format!("the bodies file is not valid: {}", e.locate(text)))?;
    let computed = stamp(&bodies.bodies);
    if computed != bodies.stamp {
        return Err(format!(
            "the bodies file's stamp {} is not that of its {} bodies ({computed}): it was edited or cut",
            bodies.stamp,
            bodies.bodies.len()
        ));
    }
    Ok(bodies)
}

/// Whether `bodies` belongs to the offers file `reference` came from.
pub fn belongs(reference: &BodiesRef, stamp: &str, count: usize) -> Result<(), String> {
    if reference.stamp != stamp {
        return Err(format!(
            "the bodies file has stamp {stamp} but the offers file expects {}: the two files are of different versions",
            reference.stamp
        ));
    }
    if reference.count != count {
        return Err(format!("the bodies file holds {count} bodies but the offers file expects {}", reference.count));
    }
    Ok(())
}

/// Puts the bodies and ways to apply back into the records of a decoded split feed (natively:
/// `vitrine check`, `export` and tests read split feeds whole). A record that carries its own ways
/// to apply keeps them.
pub fn join(feed: &mut Feed, bodies: &Bodies) -> Result<(), String> {
    let reference = feed.bodies.as_ref().ok_or("the offers file names no bodies file")?;
    belongs(reference, &bodies.stamp, bodies.bodies.len())?;
    for (posting, &row) in feed.postings.iter_mut().zip(&feed.rows) {
        let text = body::decode(&bodies.bodies[row as usize]);
        posting.body = text.body;
        if posting.apply.is_empty() {
            posting.apply = text.apply;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::decode;

    fn seeds() -> Vec<Posting> {
        crate::model::from_json(include_str!("../../data/postings.json")).unwrap()
    }

    #[test]
    fn a_split_feed_reads_back_whole() {
        let postings = seeds();
        let updated = Some("2025-03-01".parse().unwrap());
        let split = split(&postings, updated, "offres.bodies.json");
        assert!(!split.offers.contains("\"body\""), "no body in the offers file");
        assert!(!split.offers.contains("\"apply\""), "the ways to apply are with the texts");
        assert!(split.bodies.contains("\"@email "), "{}", split.bodies);
        for p in &postings {
            let made = p.id == make_id(&p.organization, &p.title);
            assert_eq!(split.offers.contains(&format!("\"id\":\"{}\"", p.id)), !made, "{}", p.id);
        }
        let mut feed = decode(&split.offers).unwrap();
        assert!(feed.rejected.is_empty() && feed.warnings.is_empty(), "{:?}", feed.warnings);
        assert_eq!(feed.updated, updated);
        let reference = feed.bodies.clone().unwrap();
        assert_eq!((reference.href.as_str(), reference.count), ("offres.bodies.json", postings.len()));
        assert!(feed.postings.iter().all(|p| p.body.is_empty() && p.source.is_none()));
        let bodies = decode_bodies(&split.bodies).unwrap();
        join(&mut feed, &bodies).unwrap();
        let expected: Vec<Posting> = postings.into_iter().map(|p| Posting { source: None, ..p }).collect();
        assert_eq!(feed.postings, expected);
    }

    #[test]
    fn ids_the_rule_does_not_give_are_kept() {
        let mut postings = seeds();
        postings[0].id = "mon-offre".into();
        postings[1].id = format!("{}-2", make_id(&postings[1].organization, &postings[1].title));
        postings[2].apply.emails.clear(); // a record whose own apply is empty takes the text's
        let split = split(&postings, None, "b.json");
        assert!(split.offers.contains("\"id\":\"mon-offre\""));
        let mut feed = decode(&split.offers).unwrap();
        join(&mut feed, &decode_bodies(&split.bodies).unwrap()).unwrap();
        let expected: Vec<Posting> = postings.into_iter().map(|p| Posting { source: None, ..p }).collect();
        assert_eq!(feed.postings, expected);
    }

    #[test]
    fn rows_keep_bodies_aligned_when_records_are_rejected() {
        let mut postings = seeds();
        postings[1].title = " ".into(); // rejected on reading: blank title
        let split = split(&postings, None, "b.json");
        let mut feed = decode(&split.offers).unwrap();
        assert_eq!(feed.rejected.len(), 1);
        assert_eq!(feed.rows, [0, 2, 3, 4]);
        join(&mut feed, &decode_bodies(&split.bodies).unwrap()).unwrap();
        assert_eq!(feed.postings[1].body, postings[2].body);
    }

    #[test]
    fn mismatched_or_damaged_bodies_are_named() {
        let postings = seeds();
        let a = split(&postings, None, "b.json");
        let b = split(&postings[..4], None, "b.json");
        let mut feed = decode(&a.offers).unwrap();
        let other = decode_bodies(&b.bodies).unwrap();
        let e = join(&mut feed, &other).unwrap_err();
        assert!(e.contains("different versions"), "{e}");
        let edited = a.bodies.replacen("Missions", "Mission", 1);
        assert!(decode_bodies(&edited).unwrap_err().contains("edited or cut"));
        let cut = &a.bodies[..a.bodies.len() / 2];
        assert!(decode_bodies(cut).unwrap_err().starts_with("the bodies file is not valid"));
        let bad_ref = a.offers.replacen("\"count\":5", "\"count\":\"five\"", 1);
        let feed = decode(&bad_ref).unwrap();
        assert!(feed.bodies.is_none());
        assert!(feed.warnings[0].contains("`bodies` was ignored"), "{:?}", feed.warnings);
    }

    #[test]
    fn stamps_differ_with_content_and_order() {
        let s = |v: &[&str]| stamp(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&["a", "b"]), s(&["a", "b"]));
        assert_ne!(s(&["a", "b"]), s(&["b", "a"]));
        assert_ne!(s(&["ab", ""]), s(&["a", "b"]));
        assert_eq!(s(&[]).len(), 16);
    }
}
