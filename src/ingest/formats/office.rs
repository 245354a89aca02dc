//! .docx and .odt documents → text.
use crate::ingest::error::IngestError;
use std::path::Path;
pub fn docx(_path: &Path, _bytes: &[u8]) -> Result<String, IngestError> { Err(IngestError::Binary { path: _path.to_path_buf(), reason: "this format is not read yet".into() }) }
pub fn odt(_path: &Path, _bytes: &[u8]) -> Result<String, IngestError> { Err(IngestError::Binary { path: _path.to_path_buf(), reason: "this format is not read yet".into() }) }
