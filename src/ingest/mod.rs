//! Raw posting text → `Posting` records: decoding, cleaning, one small module per field family,
//! ids, overrides, data-file checks and the file I/O the `vitrine` CLI needs. The core (text →
//! record) also builds for wasm with the `extractor` feature; the modules that read files and
//! formats, and the serde_json/TOML parts, are native only.

pub mod apply;
pub mod body;
pub mod check;
pub mod clean;
pub mod contract;
pub mod error;
pub mod evidence;
#[cfg(not(target_arch = "wasm32"))]
pub mod files;
pub mod furniture;
/// Input formats: all native; in wasm only the .docx/.odt reader (`formats::office`).
pub mod formats;
pub mod dates;
pub mod gazetteer;
pub mod header;
pub mod hours;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
#[cfg(not(target_arch = "wasm32"))]
pub mod jsonld;
pub mod partners;
#[cfg(not(target_arch = "wasm32"))]
pub mod overrides;
pub mod pay;
pub mod place;
pub mod record;
pub mod remote;
pub mod sections;
pub mod text;
pub mod themes;

#[cfg(not(target_arch = "wasm32"))]
pub use error::IngestError;
pub use record::{dedupe_ids, extract, make_id, Extraction, Note, NoteLevel};
pub use crate::model::slug::slugify;

use clean::Doc;
use sections::Layout;
use text::Tok;

/// A cleaned posting ready for the field extractors: lines, headings/sections, tokens per line.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub doc: Doc,
    pub layout: Layout,
    /// Tokens of each line's folded text.
    pub toks: Vec<Vec<Tok>>,
    /// Each line's folded text without inclusive-writing marks (for cue matching).
    pub incl: Vec<String>,
    /// Word spans of each folded line and of each `incl` line (for [`text::Cues`]).
    pub fspans: Vec<Vec<(u32, u32)>>,
    pub ispans: Vec<Vec<(u32, u32)>>,
    /// The country the whole text points to ([`place::country_evidence`]), worked out once.
    country: std::cell::OnceCell<Option<crate::model::Country>>,
}

impl Ctx {
    /// Cleans and lays out a decoded text.
    pub fn new(text: &str) -> Ctx {
        Ctx::of(clean::clean(text))
    }

    /// The country the text points to by its words (Belgique, ASBL, CHF, Québec…), once.
    pub fn country_evidence(&self) -> Option<crate::model::Country> {
        *self.country.get_or_init(|| place::country_evidence(self))
    }

    /// One cleaned line on its own, for an extractor to read it alone.
    pub fn of_line(line: &clean::Line) -> Ctx {
        Ctx::of(Doc { lines: vec![line.clone()] })
    }

    fn of(doc: Doc) -> Ctx {
        let layout = sections::layout(&doc);
        let toks = doc.lines.iter().map(|l| text::tokenize(l.fold())).collect();
        let incl: Vec<String> = doc.lines.iter().map(|l| text::strip_inclusive(l.fold())).collect();
        let fspans: Vec<Vec<(u32, u32)>> = doc.lines.iter().map(|l| text::word_spans(l.fold())).collect();
        // Most lines have no inclusive marks: their spans are the same.
        let ispans = incl
            .iter()
            .zip(&doc.lines)
            .zip(&fspans)
            .map(|((s, l), fs)| if s.as_str() == l.fold() { fs.clone() } else { text::word_spans(s) })
            .collect();
        Ctx { doc, layout, toks, incl, fspans, ispans, country: std::cell::OnceCell::new() }
    }
}
