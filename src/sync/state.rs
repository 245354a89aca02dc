//! The sync state file (JSON, beside the output by default): per source, the validators and the
//! hash of its last payload, its last good offers in full, when it was last fetched well and its
//! last error; and the hash of the feed last written. Read before a run, written atomically after.

use crate::ingest::files::write_atomic;
use crate::ingest::IngestError;
use crate::model::{Date, Posting};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The state file's format version.
pub const VERSION: u32 = 1;

/// Why the state file cannot be used (the run stops and the file is left as it is).
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("{path}: cannot read the sync state: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: the sync state is damaged ({message}); move it away to start afresh (every source is then fetched whole, and a failing source has no earlier offers to keep)")]
    Damaged { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: sync state of version {found}, this vitrine reads version {VERSION}")]
    Version { path: PathBuf, found: u32 },
}

/// What sync remembers between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    /// By source name.
    #[serde(default)]
    pub sources: BTreeMap<String, SourceState>,
    /// The feed last written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed: Option<FeedState>,
}

impl Default for State {
    fn default() -> State {
        State { version: VERSION, sources: BTreeMap::new(), feed: None }
    }
}

/// One source's memory.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceState {
    /// Its `url` or `path` then: validators and hash are only good for that place.
    pub location: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// SHA-256 (hex) of how it was read (type, defaults) and what it returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// Its offers as last read well (defaults applied, before overrides and expiry).
    #[serde(default)]
    pub offers: Vec<Posting>,
    /// When it was last read well (`YYYY-MM-DD HH:MM UTC`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_ok: Option<String>,
    /// Why the last run could not read it, if it could not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
}

/// The feed last written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedState {
    /// SHA-256 (hex) of its records and form: equal means nothing to write.
    pub hash: String,
    /// The `updated` date it carries.
    pub updated: Date,
}

impl State {
    /// Reads the state file; `None` when there is none yet.
    pub fn load(path: &Path) -> Result<Option<State>, StateError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(StateError::Read { path: path.to_path_buf(), source }),
        };
        #[derive(Deserialize)]
        struct Head {
            version: u32,
        }
        let damaged = |e: serde_json::Error| StateError::Damaged {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            message: e.to_string().split(" at line ").next().unwrap_or("").to_string(),
        };
        let head: Head = serde_json::from_str(&text).map_err(damaged)?;
        if head.version != VERSION {
            return Err(StateError::Version { path: path.to_path_buf(), found: head.version });
        }
        serde_json::from_str(&text).map(Some).map_err(damaged)
    }

    /// Writes the state file atomically.
    pub fn save(&self, path: &Path) -> Result<(), IngestError> {
        let mut text = serde_json::to_string_pretty(self).expect("the state serializes");
        text.push('\n');
        write_atomic(path, &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_names_damage() {
        let d = std::env::temp_dir().join(format!("vitrine-sync-state-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let path = d.join("s.json");
        assert_eq!(State::load(&path).unwrap(), None);
        let mut s = State::default();
        let offers = crate::model::from_json(include_str!("../../data/postings.json")).unwrap();
        s.sources.insert("A".into(), SourceState { location: "https://a.example/".into(), etag: Some("\"v1\"".into()), offers, ..Default::default() });
        s.save(&path).unwrap();
        assert_eq!(State::load(&path).unwrap(), Some(s));
        std::fs::write(&path, "{\"version\": 1,\n \"sources\": 3}").unwrap();
        let e = State::load(&path).unwrap_err().to_string();
        assert!(e.contains("s.json:2:") && e.contains("damaged"), "{e}");
        std::fs::write(&path, "{\"version\": 9}").unwrap();
        assert!(matches!(State::load(&path), Err(StateError::Version { found: 9, .. })));
        let _ = std::fs::remove_dir_all(&d);
    }
}
