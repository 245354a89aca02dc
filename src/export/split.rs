//! `vitrine pack`: a data file written as a split feed for the widget (see [`crate::model::pack`]):
//! the offers without their texts, read first and fast, and the texts beside them in
//! `<name>.bodies.json`, fetched once the list is on screen.

use std::path::{Path, PathBuf};

use super::{load_feed, ExportError};
use crate::ingest::{files::write_atomic, IngestError};
use crate::model::{pack, Date, Posting};

/// What `vitrine pack` is asked to do.
#[derive(Debug, Clone)]
pub struct Pack {
    /// The data file (or feed, split or not) to read.
    pub input: PathBuf,
    /// The offers file to write; the bodies file goes beside it.
    pub output: PathBuf,
    /// The date the feed claims; by default the input's own, if any.
    pub updated: Option<Date>,
}

/// What a pack wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    pub offers: usize,
    /// The offers file and the bodies file, with their sizes in bytes.
    pub written: Vec<(PathBuf, usize)>,
}

/// The bodies file that goes with the offers file `output`: `offres.json` → `offres.bodies.json`.
pub fn bodies_path(output: &Path) -> PathBuf {
    let stem = output.file_stem().and_then(|s| s.to_str()).unwrap_or("offres");
    output.with_file_name(format!("{stem}.bodies.json"))
}

/// Reads the input (refusing it whole if any record is bad) and writes both files ([`write`]).
pub fn run(job: &Pack) -> Result<Packed, ExportError> {
    let feed = load_feed(&job.input)?;
    Ok(write(&feed.postings, job.updated.or(feed.updated), &job.output)?)
}

/// Writes `postings` as a split feed: `output` and its bodies file beside it ([`bodies_path`]),
/// each atomically, the bodies first: should the second write fail, the old offers file stays,
/// and the widget never pairs it with the new bodies (their stamps differ).
pub fn write(postings: &[Posting], updated: Option<Date>, output: &Path) -> Result<Packed, IngestError> {
    let bodies = bodies_path(output);
    let href = bodies.file_name().and_then(|n| n.to_str()).unwrap_or("offres.bodies.json").to_string();
    let split = pack::split(postings, updated, &href);
    write_atomic(&bodies, &split.bodies)?;
    write_atomic(output, &split.offers)?;
    Ok(Packed {
        offers: postings.len(),
        written: vec![(output.to_path_buf(), split.offers.len()), (bodies, split.bodies.len())],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        crate::ingest::files::tmpdir(&format!("pack-{name}"))
    }

    #[test]
    fn packs_the_data_file_and_reads_it_back() {
        let dir = tmp("ok");
        let out = dir.join("offres.json");
        let job = Pack { input: "data/postings.json".into(), output: out.clone(), updated: Some("2025-02-01".parse().unwrap()) };
        let done = run(&job).unwrap();
        assert_eq!(done.offers, 5);
        assert_eq!(done.written[1].0, dir.join("offres.bodies.json"));
        let whole = crate::model::from_json(include_str!("../../data/postings.json")).unwrap();
        let back = load_feed(&out).unwrap();
        assert_eq!(back.updated, job.updated);
        let expected: Vec<_> = whole.into_iter().map(|p| crate::model::Posting { source: None, ..p }).collect();
        assert_eq!(back.postings, expected);
        // A split feed packs again to the same files.
        let again = dir.join("again.json");
        run(&Pack { input: out.clone(), output: again.clone(), updated: None }).unwrap();
        let a = std::fs::read_to_string(&out).unwrap();
        let b = std::fs::read_to_string(&again).unwrap();
        assert_eq!(a.replace("offres.bodies.json", "again.bodies.json"), b);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_bad_input_or_a_stray_bodies_file_writes_nothing_and_says_where() {
        let dir = tmp("bad");
        let input = dir.join("in.json");
        std::fs::write(&input, r#"[{"id":"a","kind":"emploi","title":"T","organization":"O"},{"id":"b","kind":"nope"}]"#).unwrap();
        let out = dir.join("offres.json");
        std::fs::write(&out, "old").unwrap();
        let e = run(&Pack { input: input.clone(), output: out.clone(), updated: None }).unwrap_err().to_string();
        assert!(e.contains("in.json") && e.contains("record 1"), "{e}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old", "nothing overwritten");
        assert!(!dir.join("offres.bodies.json").exists());

        // A split feed whose bodies file belongs to another version.
        let good = dir.join("good.json");
        run(&Pack { input: "data/postings.json".into(), output: good.clone(), updated: None }).unwrap();
        let other = crate::model::from_json(include_str!("../../data/postings.json")).unwrap();
        let stray = pack::split(&other[..2], None, "good.bodies.json");
        std::fs::write(dir.join("good.bodies.json"), stray.bodies).unwrap();
        let e = run(&Pack { input: good, output: dir.join("x.json"), updated: None }).unwrap_err().to_string();
        assert!(e.contains("good.bodies.json") && e.contains("different versions"), "{e}");
        assert!(!dir.join("x.json").exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
