//! Input documents → the text the extractor reads: one dispatch (`read`, `read_bytes`) over plain
//! text, HTML pages (with their schema.org `JobPosting`), .docx, .odt and PDF, and the small
//! writer that turns their structure into the markdown-ish lines `clean` understands.
//!
//! In wasm (vitrine studio, feature `extractor`) only [`Format`], [`Writer`] and [`office`] are
//! built: HTML pages and PDF, and the reading of files, stay native.

#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod office;
#[cfg(not(target_arch = "wasm32"))]
pub mod pdf;

#[cfg(not(target_arch = "wasm32"))]
use super::clean::{decode, DecodeProblem};
#[cfg(not(target_arch = "wasm32"))]
use super::error::IngestError;
#[cfg(not(target_arch = "wasm32"))]
use super::jsonld::JobPosting;
#[cfg(not(target_arch = "wasm32"))]
use super::Extraction;
use std::path::Path;

/// What a document was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.text`, `.md`: UTF-8, UTF-16 with a BOM or Windows-1252.
    Text,
    /// `.html`, `.htm`: the main content, as text.
    Html,
    /// `.docx` (Word).
    Docx,
    /// `.odt` (LibreOffice, OpenDocument).
    Odt,
    /// `.pdf`, its text layer.
    Pdf,
}

impl Format {
    /// The format a file name's extension says, if it is one `ingest` reads.
    pub fn of_name(name: &str) -> Option<Format> {
        let ext = Path::new(name).extension().and_then(|e| e.to_str())?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" | "md" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            "odt" => Format::Odt,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }

    /// The format the bytes look like (for names without a known extension, e.g. fetched pages).
    pub fn sniff(bytes: &[u8]) -> Format {
        if bytes.starts_with(b"%PDF") {
            return Format::Pdf;
        }
        if bytes.starts_with(b"PK\x03\x04") {
            // An OpenDocument zip starts with its uncompressed `mimetype` entry.
            let head = &bytes[..bytes.len().min(200)];
            return if head.windows(39).any(|w| w == b"application/vnd.oasis.opendocument.text") {
                Format::Odt
            } else {
                Format::Docx
            };
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
        let head = head.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") || head.contains("<head") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// A document read for the extractor: its text, and the structured fields the document states
/// itself (schema.org `JobPosting` of a page), which win over what the text gives.
#[derive(Debug, Clone)]
pub struct Source {
    pub format: Format,
    /// Markdown-ish text: `# ` headings, `- ` list items (two spaces per level), one paragraph a line.
    pub text: String,
    pub job: Option<JobPosting>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Source {
    /// Runs the extractor on the text, then lays the structured fields over its record.
    /// `source` is the file name kept in the record.
    pub fn extract(&self, source: Option<&str>) -> Extraction {
        self.extract_with(source, true)
    }

    /// [`Source::extract`], with the evidence only when `evidence` is true (see
    /// [`super::record::extract_with`]).
    pub fn extract_with(&self, source: Option<&str>, evidence: bool) -> Extraction {
        let mut e = super::record::extract_with(&self.text, source, evidence);
        if let Some(j) = &self.job {
            j.overlay(&mut e);
        }
        e
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// Whether `ingest` reads a file of this name (the extensions folders are searched for).
pub fn is_input(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).and_then(Format::of_name).is_some()
}

#[cfg(not(target_arch = "wasm32"))]
/// Reads one document file, by its extension (unknown extensions: by its content).
pub fn read(path: &Path) -> Result<Source, IngestError> {
    let bytes = std::fs::read(path).map_err(|e| IngestError::Read { path: path.to_path_buf(), source: e })?;
    read_as(path, &bytes)
}

#[cfg(not(target_arch = "wasm32"))]
/// Reads one document from memory: `name` is its file name or address (the extension, when it
/// has a known one, chooses the format; otherwise the bytes do) and names it in errors.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<Source, IngestError> {
    read_as(Path::new(name), bytes)
}

#[cfg(not(target_arch = "wasm32"))]
fn read_as(path: &Path, bytes: &[u8]) -> Result<Source, IngestError> {
    let name = path.to_str().unwrap_or("");
    let format = Format::of_name(name).unwrap_or_else(|| Format::sniff(bytes));
    let (text, job) = match format {
        Format::Text => (decode_text(path, bytes)?, None),
        Format::Html => {
            let page = html::read(bytes);
            (page.text, page.job)
        }
        Format::Docx => (office::docx(path, bytes)?, None),
        Format::Odt => (office::odt(path, bytes)?, None),
        Format::Pdf => (pdf::read(path, bytes)?, None),
    };
    if text.trim().is_empty() && job.is_none() {
        return Err(IngestError::Empty { path: path.to_path_buf() });
    }
    Ok(Source { format, text, job })
}

#[cfg(not(target_arch = "wasm32"))]
/// Decodes a plain text file (the rules of `clean::decode`).
pub fn decode_text(path: &Path, bytes: &[u8]) -> Result<String, IngestError> {
    match decode(bytes) {
        Ok((s, _)) => Ok(s),
        Err(DecodeProblem::Empty) => Err(IngestError::Empty { path: path.to_path_buf() }),
        Err(DecodeProblem::Binary(reason)) => Err(IngestError::Binary { path: path.to_path_buf(), reason }),
    }
}

/// Builds the extractor's text from a document's structure: paragraphs, headings, list items,
/// table rows; spaces collapsed, blank lines between blocks.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
    gap: bool,
}

/// Collapses runs of whitespace (no-break spaces included) into one space, trimmed.
pub fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

impl Writer {
    /// A new, empty text.
    pub fn new() -> Writer {
        Writer::default()
    }
    /// One line: `prefix` then the text with its spaces collapsed (nothing when it is empty).
    pub fn line(&mut self, prefix: &str, text: &str) {
        let t = collapse(text);
        if t.is_empty() {
            return;
        }
        if self.gap && !self.out.is_empty() {
            self.out.push('\n');
        }
        self.gap = false;
        self.out.push_str(prefix);
        self.out.push_str(&t);
        self.out.push('\n');
    }
    /// A blank line before the next line.
    pub fn gap(&mut self) {
        self.gap = true;
    }
    /// A paragraph, set apart by blank lines.
    pub fn para(&mut self, text: &str) {
        self.gap();
        self.line("", text);
        self.gap();
    }
    /// A heading (`# `), any level.
    pub fn heading(&mut self, text: &str) {
        self.gap();
        self.line("# ", text);
        self.gap();
    }
    /// A list item at `depth` (0 for the outer list): `- `, two spaces per level.
    pub fn item(&mut self, depth: usize, text: &str) {
        self.line(&format!("{}- ", "  ".repeat(depth)), text);
    }
    /// A table row: two cells read "label : value", more are joined with " | ".
    pub fn row(&mut self, cells: &[String]) {
        let cells: Vec<String> = cells.iter().map(|c| collapse(c)).filter(|c| !c.is_empty()).collect();
        match cells.as_slice() {
            [] => {}
            [one] => self.line("", one),
            [a, b] if !a.ends_with(':') => self.line("", &format!("{a} : {b}")),
            _ => self.line("", &cells.join(" | ")),
        }
    }
    /// The text written so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }
    /// The text.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_marks_structure() {
        let mut w = Writer::new();
        w.line("", "Chargé  de\n mission");
        w.heading("Vos missions");
        w.item(0, "Accueillir");
        w.item(1, "le public");
        w.row(&["Lieu".into(), "Lyon".into()]);
        w.row(&["a".into(), "b".into(), "c".into()]);
        w.para("Fin.");
        assert_eq!(w.finish(), "Chargé de mission\n\n# Vos missions\n\n- Accueillir\n  - le public\nLieu : Lyon\na | b | c\n\nFin.\n");
    }

    #[test]
    fn formats_by_name_then_content() {
        assert_eq!(Format::of_name("a/Offre.HTM"), Some(Format::Html));
        assert_eq!(Format::of_name("x.doc"), None);
        assert_eq!(Format::sniff(b"  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff(b"%PDF-1.4"), Format::Pdf);
        assert_eq!(Format::sniff("Chargé de mission".as_bytes()), Format::Text);
        assert!(is_input(Path::new("a.odt")) && !is_input(Path::new("a.rtf")));
        let s = read_bytes("https://asso.example/offres/42", b"<html><body><h1>Comptable</h1><p>CDI</p></body></html>").unwrap();
        assert_eq!(s.format, Format::Html);
        assert!(s.text.starts_with("# Comptable\n\nCDI"), "{}", s.text);
    }
}
