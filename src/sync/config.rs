//! `sources.toml`, the network's list of sources for `vitrine sync`: reading it, checking every
//! value, and errors that give the file, the line and the key at fault.
//!
//! ```toml
//! output = "site/offres.json"          # optional; paths are relative to this file's folder
//! contact = "contact@reseau.example"   # put in the User-Agent, so a member knows who fetches
//! timeout_seconds = 20
//! max_bytes = 5_000_000
//!
//! [[source]]
//! name = "Possible"
//! url = "https://possible.example/offres.json"
//! type = "vitrine"                     # auto (default), text, page, feed, jsonld, vitrine
//! organization = "Association Possible" # defaults, applied where a record lacks them
//! city = "Lyon"
//! postal_code = "69001"
//! country = "FR"
//! themes = ["insertion"]
//!
//! [[source]]
//! name = "Textes du réseau"
//! path = "offres-texte/"
//! ```

use crate::model::json::line_column;
use crate::model::{Country, Theme};
use serde::Deserialize;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Seconds a fetch may take, when `timeout_seconds` is not given.
pub const DEFAULT_TIMEOUT_SECONDS: f64 = 30.0;
/// Bytes a source may send, when `max_bytes` is not given (10 MB).
pub const DEFAULT_MAX_BYTES: u64 = 10_000_000;

/// Why `sources.toml` cannot be used. Every message names the file; syntax and value errors give
/// the line (and column) and the key.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Not TOML, or a key or value of the wrong kind (what the TOML reader found).
    #[error("{path}:{line}:{column}: {}{message}", key.as_deref().map(|k| format!("{k}: ")).unwrap_or_default())]
    Syntax { path: PathBuf, line: usize, column: usize, key: Option<String>, message: String },
    /// A value the reader accepted but sync cannot use.
    #[error("{path}:{line}: {key}: {message}")]
    Invalid { path: PathBuf, line: usize, key: String, message: String },
    #[error("{path}: no source: add at least one [[source]] table with a `name` and a `url` or `path`")]
    NoSource { path: PathBuf },
}

/// How a source's payload is to be read (`type` in `sources.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceType {
    /// Decided from the content type, the name's extension, then the bytes.
    #[default]
    Auto,
    /// A posting's plain text (a folder: its `.txt`/`.md` files).
    Text,
    /// A web page with one or more offers (HTML).
    Page,
    /// An RSS or Atom feed of offers.
    Feed,
    /// A page or file with schema.org `JobPosting` JSON-LD.
    Jsonld,
    /// A vitrine feed: JSON array, `{"postings": …}` envelope or split feed.
    Vitrine,
}

impl SourceType {
    /// The key as written in `sources.toml`.
    pub fn key(self) -> &'static str {
        match self {
            SourceType::Auto => "auto",
            SourceType::Text => "text",
            SourceType::Page => "page",
            SourceType::Feed => "feed",
            SourceType::Jsonld => "jsonld",
            SourceType::Vitrine => "vitrine",
        }
    }
}

/// Where a source is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// An http(s) address.
    Url(String),
    /// A file or folder on this machine (resolved against the folder of `sources.toml`).
    Path(PathBuf),
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Url(u) => f.write_str(u),
            Location::Path(p) => write!(f, "{}", p.display()),
        }
    }
}

/// Values given to a source's records that lack them.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Defaults {
    pub organization: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<Country>,
    pub themes: Vec<Theme>,
}

/// One member's source.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Its name, unique in the file (the key of its state and its lines in the report).
    pub name: String,
    pub location: Location,
    pub kind: SourceType,
    pub defaults: Defaults,
}

/// A checked `sources.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The file it was read from.
    pub path: PathBuf,
    /// `output`, resolved against the file's folder.
    pub output: Option<PathBuf>,
    /// `state`, resolved against the file's folder.
    pub state: Option<PathBuf>,
    /// `overrides`, resolved against the file's folder.
    pub overrides: Option<PathBuf>,
    /// The User-Agent sent with every request: `vitrine/<version> (+<contact>)` by default.
    pub user_agent: String,
    pub timeout: Duration,
    pub max_bytes: u64,
    pub sources: Vec<Source>,
}

type Spanned<T> = toml::Spanned<T>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    output: Option<Spanned<String>>,
    state: Option<Spanned<String>>,
    overrides: Option<Spanned<String>>,
    user_agent: Option<Spanned<String>>,
    contact: Option<Spanned<String>>,
    timeout_seconds: Option<Spanned<f64>>,
    max_bytes: Option<Spanned<i64>>,
    #[serde(default)]
    source: Vec<Spanned<RawSource>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    name: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    path: Option<Spanned<String>>,
    #[serde(rename = "type", default)]
    kind: SourceType,
    organization: Option<Spanned<String>>,
    city: Option<Spanned<String>>,
    postal_code: Option<Spanned<String>>,
    country: Option<Country>,
    #[serde(default)]
    themes: Vec<Theme>,
}

impl Config {
    /// Reads and checks `sources.toml`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.to_path_buf(), source })?;
        Config::parse(path, &text)
    }

    /// Checks the text of `sources.toml` read from `path` (relative paths in it are resolved
    /// against `path`'s folder).
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            let (line, column) = line_column(text, at);
            ConfigError::Syntax { path: path.to_path_buf(), line, column, key: key_at(text, at), message: e.message().trim().to_string() }
        })?;
        let base = path.parent().unwrap_or(Path::new(""));
        let invalid = |span: Range<usize>, key: &str, message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: line_column(text, span.start).0,
            key: key.to_string(),
            message,
        };
        let file = |v: &Option<Spanned<String>>, key: &str| -> Result<Option<PathBuf>, ConfigError> {
            match v {
                Some(s) if s.get_ref().trim().is_empty() => Err(invalid(s.span(), key, "must not be empty".into())),
                Some(s) => Ok(Some(base.join(s.get_ref().trim()))),
                None => Ok(None),
            }
        };
        let timeout = match &raw.timeout_seconds {
            Some(t) if !(t.get_ref().is_finite() && *t.get_ref() > 0.0 && *t.get_ref() <= 600.0) => {
                return Err(invalid(t.span(), "timeout_seconds", format!("{} is not a number of seconds between 0 and 600", t.get_ref())));
            }
            Some(t) => *t.get_ref(),
            None => DEFAULT_TIMEOUT_SECONDS,
        };
        let max_bytes = match &raw.max_bytes {
            Some(m) if *m.get_ref() <= 0 => {
                return Err(invalid(m.span(), "max_bytes", format!("{} is not a size in bytes (a whole number above 0)", m.get_ref())));
            }
            Some(m) => *m.get_ref() as u64,
            None => DEFAULT_MAX_BYTES,
        };
        let one_line = |v: &Option<Spanned<String>>, key: &str| -> Result<Option<String>, ConfigError> {
            match v {
                Some(s) if s.get_ref().chars().any(char::is_control) => {
                    Err(invalid(s.span(), key, "must be one line without control characters (it goes in an HTTP header)".into()))
                }
                Some(s) if s.get_ref().trim().is_empty() => Err(invalid(s.span(), key, "must not be empty".into())),
                Some(s) => Ok(Some(s.get_ref().trim().to_string())),
                None => Ok(None),
            }
        };
        let product = one_line(&raw.user_agent, "user_agent")?.unwrap_or_else(|| format!("vitrine/{}", env!("CARGO_PKG_VERSION")));
        let user_agent = match one_line(&raw.contact, "contact")? {
            Some(contact) => format!("{product} (+{contact})"),
            None => product,
        };

        let mut sources: Vec<Source> = Vec::new();
        for s in &raw.source {
            let span = s.span();
            let r = s.get_ref();
            let Some(name) = &r.name else {
                return Err(invalid(span, "name", "each [[source]] needs a `name`".into()));
            };
            let name_text = name.get_ref().trim().to_string();
            if name_text.is_empty() || name_text.chars().any(char::is_control) {
                return Err(invalid(name.span(), "name", "must be a non-empty line".into()));
            }
            if let Some(first) = sources.iter().find(|o| o.name == name_text) {
                return Err(invalid(name.span(), "name", format!("«{}» names two sources; names must be unique", first.name)));
            }
            let location = match (&r.url, &r.path) {
                (Some(u), None) => {
                    let url = u.get_ref().trim();
                    match url::Url::parse(url) {
                        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") && parsed.has_host() => Location::Url(url.to_string()),
                        Ok(parsed) => {
                            return Err(invalid(u.span(), "url", format!("«{url}»: only http and https addresses are fetched, not {}:", parsed.scheme())));
                        }
                        Err(e) => return Err(invalid(u.span(), "url", format!("«{url}» is not an address: {e}"))),
                    }
                }
                (None, Some(p)) => match file(&Some(p.clone()), "path")? {
                    Some(path) => Location::Path(path),
                    None => unreachable!("a given path"),
                },
                (Some(_), Some(p)) => {
                    return Err(invalid(p.span(), "path", format!("source «{name_text}» has both `url` and `path`: give one")));
                }
                (None, None) => {
                    return Err(invalid(span, "url", format!("source «{name_text}» needs a `url` or a `path`")));
                }
            };
            let defaults = Defaults {
                organization: one_line(&r.organization, "organization")?,
                city: one_line(&r.city, "city")?,
                postal_code: one_line(&r.postal_code, "postal_code")?,
                country: r.country,
                themes: r.themes.clone(),
            };
            sources.push(Source { name: name_text, location, kind: r.kind, defaults });
        }
        if sources.is_empty() {
            return Err(ConfigError::NoSource { path: path.to_path_buf() });
        }
        Ok(Config {
            path: path.to_path_buf(),
            output: file(&raw.output, "output")?,
            state: file(&raw.state, "state")?,
            overrides: file(&raw.overrides, "overrides")?,
            user_agent,
            timeout: Duration::from_secs_f64(timeout),
            max_bytes,
            sources,
        })
    }
}

/// The key set on the line of `at` (`key = …`, `a.b = …`), if that line sets one.
fn key_at(text: &str, at: usize) -> Option<String> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or("");
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.starts_with('[') && !key.starts_with('#')).then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("net/sources.toml"), text)
    }

    #[test]
    fn reads_sources_with_defaults_and_resolves_paths() {
        let c = parse(
            "contact = \"web@reseau.example\"\ntimeout_seconds = 2.5\nmax_bytes = 1_000\noutput = \"site/offres.json\"\n\n\
             [[source]]\nname = \"A\"\nurl = \"https://a.example/offres.json\"\ntype = \"vitrine\"\ncity = \"Lyon\"\ncountry = \"FR\"\nthemes = [\"insertion\"]\n\n\
             [[source]]\nname = \"B\"\npath = \"textes\"\norganization = \"Asso B\"\n",
        )
        .unwrap();
        assert_eq!(c.user_agent, format!("vitrine/{} (+web@reseau.example)", env!("CARGO_PKG_VERSION")));
        assert_eq!((c.timeout, c.max_bytes), (Duration::from_millis(2500), 1000));
        assert_eq!(c.output, Some(PathBuf::from("net/site/offres.json")));
        assert_eq!(c.sources[0].kind, SourceType::Vitrine);
        assert_eq!(c.sources[0].defaults.themes, [Theme::Insertion]);
        assert_eq!(c.sources[1].location, Location::Path("net/textes".into()));
        assert_eq!(c.sources[1].kind, SourceType::Auto);
        assert_eq!(c.sources[1].defaults.organization.as_deref(), Some("Asso B"));
    }

    #[test]
    fn errors_give_line_and_key() {
        let e = |t: &str| parse(t).unwrap_err().to_string();
        let src = "[[source]]\nname = \"A\"\nurl = \"https://a.example/\"\n";
        assert!(e(&format!("timeout_seconds = \"x\"\n{src}")).starts_with("net/sources.toml:1:19: timeout_seconds: invalid type"), "{}", e(&format!("timeout_seconds = \"x\"\n{src}")));
        let m = e(&format!("{src}urll = \"x\"\n"));
        assert!(m.starts_with("net/sources.toml:4:1: urll: unknown field `urll`"), "{m}");
        let m = e(&format!("{src}type = \"html\"\n"));
        assert!(m.starts_with("net/sources.toml:4:8: type: unknown variant `html`"), "{m}");
        let m = e("[[source]]\nname = \"A\"\nurl = \"ftp://a.example/x\"\n");
        assert_eq!(m, "net/sources.toml:3: url: «ftp://a.example/x»: only http and https addresses are fetched, not ftp:");
        let m = e("[[source]]\nname = \"A\"\ntype = \"text\"\n");
        assert!(m.starts_with("net/sources.toml:") && m.contains("url: source «A» needs a `url` or a `path`"), "{m}");
        let m = e(&format!("{src}\n[[source]]\nname = \"A\"\npath = \"x\"\n"));
        assert_eq!(m, "net/sources.toml:6: name: «A» names two sources; names must be unique");
        let m = e(&format!("max_bytes = 0\n{src}"));
        assert_eq!(m, "net/sources.toml:1: max_bytes: 0 is not a size in bytes (a whole number above 0)");
        let m = e("output = \"x\"\n");
        assert!(m.contains("no source"), "{m}");
        let m = e("[[source]\n");
        assert!(m.starts_with("net/sources.toml:1:"), "{m}");
        let m = e(&format!("{src}country = \"DE\"\n"));
        assert!(m.starts_with("net/sources.toml:4:11: country: unknown variant `DE`"), "{m}");
    }
}
