//! Errors of the ingest pipeline; each names the file (and record/field when there is one) and
//! keeps its cause. The error type is native only (it names files); `line_col` is everywhere.

#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;

/// What went wrong while reading texts, applying overrides or writing the data file.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: no such file or folder")]
    Missing { path: PathBuf },
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: no document (.txt, .md, .html, .docx, .odt, .pdf) in this folder")]
    NoInput { path: PathBuf },
    #[error("{path}: the file is empty (no text to extract)")]
    Empty { path: PathBuf },
    #[error("{path}: not a text file: {reason}")]
    Binary { path: PathBuf, reason: String },
    #[error("{path}: not a readable {format} file: {reason}")]
    Corrupt { path: PathBuf, format: &'static str, reason: String },
    #[error("{path}: no {part} inside: not a {format} document")]
    MissingPart { path: PathBuf, format: &'static str, part: &'static str },
    #[error("{path}: the PDF is encrypted (password-protected): export its text or paste it")]
    Encrypted { path: PathBuf },
    #[error("{path}: no text layer (a scanned PDF?): export the text or paste it")]
    NoTextLayer { path: PathBuf },
    #[error("{path}: {reason}")]
    NotImportable { path: PathBuf, reason: String },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: not valid TOML: {message}")]
    OverridesSyntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: [{id}]: {message}")]
    OverridesShape { path: PathBuf, id: String, message: String },
    #[error("{path}: [{id}]: no posting has this id (ids in this run: {known})")]
    OverrideUnknownId { path: PathBuf, id: String, known: String },
    #[error("{path}: [{id}] {field}: unknown field (fields: {fields})")]
    OverrideUnknownField { path: PathBuf, id: String, field: String, fields: String },
    #[error("{path}: [{id}] {field}: {message}")]
    OverrideInvalid { path: PathBuf, id: String, field: String, message: String },
    #[error("{path}: record {id}: {message}")]
    InvalidRecord { path: PathBuf, id: String, message: String },
}

#[cfg(not(target_arch = "wasm32"))]
impl IngestError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            IngestError::Missing { path }
            | IngestError::Read { path, .. }
            | IngestError::NoInput { path }
            | IngestError::Empty { path }
            | IngestError::Binary { path, .. }
            | IngestError::Corrupt { path, .. }
            | IngestError::MissingPart { path, .. }
            | IngestError::Encrypted { path }
            | IngestError::NoTextLayer { path }
            | IngestError::NotImportable { path, .. }
            | IngestError::Write { path, .. }
            | IngestError::OverridesSyntax { path, .. }
            | IngestError::OverridesShape { path, .. }
            | IngestError::OverrideUnknownId { path, .. }
            | IngestError::OverrideUnknownField { path, .. }
            | IngestError::OverrideInvalid { path, .. }
            | IngestError::InvalidRecord { path, .. } => path,
        }
    }
}

/// 1-based line and column of a byte offset in a text.
pub use crate::model::json::line_column as line_col;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file() {
        let e = IngestError::Empty { path: "seeds/x.txt".into() };
        assert_eq!(e.to_string(), "seeds/x.txt: the file is empty (no text to extract)");
        let e = IngestError::OverrideUnknownField { path: "o.toml".into(), id: "a-b".into(), field: "titel".into(), fields: "title".into() };
        assert_eq!(e.to_string(), "o.toml: [a-b] titel: unknown field (fields: title)");
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
    }
}
