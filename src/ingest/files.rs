//! Files: collecting the input documents of folders, reading them (with errors that name the
//! file), running the extractor over all of them, and writing the data file atomically.

use super::error::IngestError;
use super::formats;
use super::overrides::Overrides;
use super::{check, dedupe_ids, Extraction, Note};
use crate::model::Posting;
use std::path::{Path, PathBuf};

/// Documents to ingest: files given by name are taken as they are; folders are searched
/// (recursively) for the documents `formats` reads (`.txt`, `.text`, `.md`, `.html`, `.htm`,
/// `.docx`, `.odt`, `.pdf`), hidden ones left out. Sorted, without duplicates.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Vec<IngestError>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_file() {
            out.push(p.clone());
        } else if p.is_dir() {
            let before = out.len();
            if let Err(e) = walk(p, &mut out) {
                errors.push(e);
            } else if out.len() == before {
                errors.push(IngestError::NoInput { path: p.clone() });
            }
        } else {
            errors.push(IngestError::Missing { path: p.clone() });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), IngestError> {
    let rd = std::fs::read_dir(dir).map_err(|e| IngestError::Read { path: dir.to_path_buf(), source: e })?;
    let mut entries: Vec<PathBuf> = Vec::new();
    for e in rd {
        let e = e.map_err(|e| IngestError::Read { path: dir.to_path_buf(), source: e })?;
        entries.push(e.path());
    }
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            if formats::is_input(&p) {
                out.push(p);
            }
        }
    }
    Ok(())
}

/// Reads and decodes one plain text file (other documents: `formats::read`).
pub fn read_text(path: &Path) -> Result<String, IngestError> {
    let bytes = std::fs::read(path).map_err(|e| IngestError::Read { path: path.to_path_buf(), source: e })?;
    formats::decode_text(path, &bytes)
}

/// One file's result.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: PathBuf,
    pub id: String,
    pub notes: Vec<Note>,
}

/// Result of a run over many files.
#[derive(Debug, Default)]
pub struct Run {
    pub postings: Vec<Posting>,
    pub reports: Vec<FileReport>,
    /// Files or records left out (only with `keep_going`).
    pub skipped: Vec<IngestError>,
    /// Overrides applied: (id, fields).
    pub overridden: Vec<(String, Vec<String>)>,
}

/// Extracts every file, makes ids unique, applies the overrides and checks the records.
/// Without `keep_going`, any bad file or record fails the whole run (all problems listed);
/// with it, bad files and records are left out and listed in `skipped`.
pub fn ingest(paths: &[PathBuf], overrides: Option<&Overrides>, keep_going: bool) -> Result<Run, Vec<IngestError>> {
    let files = collect_inputs(paths)?;
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for f in &files {
        match formats::read(f) {
            Ok(src) => {
                let name = f.file_name().and_then(|n| n.to_str()).map(str::to_string);
                records.push((f.clone(), src.extract_with(name.as_deref(), false)));
            }
            Err(e) => errors.push(e),
        }
    }
    finish(records, errors, overrides, keep_going)
}

/// Imports structured sources (feeds, JSON-LD, vitrine data files, HTML pages: see
/// `import::items_from`), each item a record; then as `ingest`: ids made unique, overrides
/// applied, records checked, and any bad file or item fails the run unless `keep_going`.
pub fn import(paths: &[PathBuf], overrides: Option<&Overrides>, keep_going: bool) -> Result<Run, Vec<IngestError>> {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let name = p.to_string_lossy();
        if name.starts_with("http://") || name.starts_with("https://") {
            errors.push(IngestError::NotImportable { path: p.clone(), reason: "an address: `vitrine import` reads files (fetching is `vitrine sync`'s)".into() });
            continue;
        }
        let bytes = match std::fs::read(p) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(IngestError::Missing { path: p.clone() });
                continue;
            }
            Err(e) => {
                errors.push(IngestError::Read { path: p.clone(), source: e });
                continue;
            }
        };
        match super::import::items_from(&name, &bytes) {
            Ok(items) => {
                for it in items.items {
                    match it {
                        Ok(x) => records.push((p.clone(), x)),
                        Err(e) => errors.push(e),
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    finish(records, errors, overrides, keep_going)
}

/// The end of a run: ids made unique, overrides applied, records checked; errors fail the run
/// unless `keep_going`, which leaves the bad records out and lists every problem.
pub fn finish(
    records: Vec<(PathBuf, Extraction)>,
    mut errors: Vec<IngestError>,
    overrides: Option<&Overrides>,
    keep_going: bool,
) -> Result<Run, Vec<IngestError>> {
    let mut run = Run::default();
    for (path, e) in records {
        run.reports.push(FileReport { path, id: e.posting.id.clone(), notes: e.notes });
        run.postings.push(e.posting);
    }
    dedupe_ids(&mut run.postings);
    for (r, p) in run.reports.iter_mut().zip(&run.postings) {
        r.id = p.id.clone();
    }
    if let Some(o) = overrides {
        match o.apply(&mut run.postings) {
            Ok(applied) => run.overridden = applied,
            Err(es) => errors.extend(es),
        }
    }
    // Records that would not pass `vitrine check` are not written.
    let problems = check::check_postings(&run.postings);
    let mut bad_ids = Vec::new();
    for pr in problems {
        let src = run
            .postings
            .iter()
            .find(|p| Some(&p.id) == pr.record.as_ref())
            .and_then(|p| run.reports.iter().find(|r| r.id == p.id))
            .map(|r| r.path.clone())
            .unwrap_or_default();
        let id = pr.record.clone().unwrap_or_default();
        bad_ids.push(id.clone());
        let field = pr.field.clone().map(|f| format!("field {f}: ")).unwrap_or_default();
        errors.push(IngestError::InvalidRecord {
            path: src,
            id,
            message: format!("{field}{} (fix the text or add an override)", pr.message),
        });
    }
    if !errors.is_empty() {
        if !keep_going {
            return Err(errors);
        }
        let keep: Vec<bool> = run.postings.iter().map(|p| !bad_ids.contains(&p.id)).collect();
        let mut k = keep.iter();
        run.postings.retain(|_| *k.next().unwrap_or(&true));
        run.skipped = errors;
    }
    Ok(run)
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// then renamed over the target. On any failure the target is left as it was.
pub fn write_atomic(path: &Path, contents: &str) -> Result<(), IngestError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let werr = |e| IngestError::Write { path: path.to_path_buf(), source: e };
    let result = (|| -> std::io::Result<()> {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents.as_bytes())?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable.
        #[cfg(unix)]
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(werr(e));
    }
    Ok(())
}

/// A new, empty folder for a test, named after `tag` and this process (tests of other modules
/// that write files use it too).
#[cfg(test)]
pub(crate) fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vitrine-files-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_texts_of_folders() {
        let d = tmpdir("collect");
        std::fs::write(d.join("b.txt"), "x").unwrap();
        std::fs::write(d.join("a.md"), "x").unwrap();
        std::fs::write(d.join(".hidden.txt"), "x").unwrap();
        std::fs::write(d.join("c.pdf"), "x").unwrap();
        std::fs::write(d.join("d.HTML"), "x").unwrap();
        std::fs::write(d.join("e.doc"), "x").unwrap();
        let got = collect_inputs(&[d.clone()]).unwrap();
        let names: Vec<_> = got.iter().map(|p| p.file_name().unwrap().to_str().unwrap().to_string()).collect();
        assert_eq!(names, ["a.md", "b.txt", "c.pdf", "d.HTML"]);
        let err = collect_inputs(&[d.join("nope")]).unwrap_err();
        assert!(err[0].to_string().contains("nope: no such file"), "{}", err[0]);
        let empty = tmpdir("collect-empty");
        assert!(matches!(collect_inputs(&[empty]).unwrap_err()[0], IngestError::NoInput { .. }));
    }

    #[test]
    fn atomic_write_replaces_or_keeps() {
        let d = tmpdir("write");
        let target = d.join("out.json");
        std::fs::write(&target, "old").unwrap();
        write_atomic(&target, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        // Writing into a missing folder fails and leaves nothing behind.
        let bad = d.join("missing/out.json");
        assert!(matches!(write_atomic(&bad, "x"), Err(IngestError::Write { .. })));
        let leftovers: Vec<_> = std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }

    #[test]
    fn one_bad_file_fails_the_run_unless_keep_going() {
        let d = tmpdir("run");
        std::fs::write(d.join("a.txt"), "Comptable\n\nAssociation Trait d'Union\n\nCDI à Lyon. Écrire à rh@trait.org").unwrap();
        std::fs::write(d.join("b.txt"), "").unwrap();
        let errs = ingest(&[d.clone()], None, false).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert!(errs[0].to_string().ends_with("b.txt: the file is empty (no text to extract)"), "{}", errs[0]);
        let run = ingest(&[d.clone()], None, true).unwrap();
        assert_eq!(run.postings.len(), 1);
        assert_eq!(run.skipped.len(), 1);
    }
}
