//! Feeds out (used by `vitrine export`): the offers of a data file that are still open, as an
//! RSS 2.0 feed and a JSON Feed 1.1, for newsletters and aggregators.
//!
//! The channel, its items and the renderers ([`Channel`], [`items`], [`rss`], [`json_feed`],
//! [`text`]) are pure and also built into vitrine studio's wasm (feature `extractor`); reading
//! and writing files ([`load`], [`run`], [`split`]) is native only.
//!
//! Reading goes through the widget's own lenient reader ([`model::feed::decode`]), so a data file
//! and a partner feed envelope (`{"updated", "postings"}`) are both accepted and a bad record is
//! named by its position, id, line and column; but unlike the widget, the export refuses a file
//! with any bad record rather than publish a feed that silently lacks offers.

pub mod json_feed;
pub mod rss;
#[cfg(not(target_arch = "wasm32"))]
pub mod split;
pub mod text;

use crate::catalogue::deadline_status;
use crate::embed::url::{self, UrlState};
use crate::model::{Date, Posting};
#[cfg(not(target_arch = "wasm32"))]
use crate::{
    ingest::{files::write_atomic, IngestError},
    model::{self, feed::FeedError},
};
#[cfg(not(target_arch = "wasm32"))]
use std::path::{Path, PathBuf};

/// Why a channel cannot be made (the messages name the CLI option, as `vitrine export` reports them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChannelError {
    /// The site URL given is not an absolute http(s) address.
    SiteUrl(String),
    /// The title is empty once cleaned.
    EmptyTitle,
}

impl std::fmt::Display for ChannelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChannelError::SiteUrl(u) => {
                write!(f, "--site-url «{u}»: expected an absolute http(s) address of the page that shows the widget, without spaces")
            }
            ChannelError::EmptyTitle => f.write_str("--title: must not be empty"),
        }
    }
}

impl std::error::Error for ChannelError {}

/// Why an export failed; every message names the file (or the option) at fault.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: {source}")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: FeedError,
    },
    #[error("{path}: {} problem(s), nothing exported:\n  {}", problems.len(), problems.join("\n  "))]
    BadRecords { path: PathBuf, problems: Vec<String> },
    #[error(transparent)]
    Channel(#[from] ChannelError),
    #[error("nothing to write: give --rss FILE, --json-feed FILE or both")]
    NoOutput,
    #[error("the system clock gives no usable date; pass --today YYYY-MM-DD")]
    Clock,
    #[error(transparent)]
    Write(#[from] IngestError),
}

/// What a feed says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    /// The feed's name (`--title`), on one line.
    pub title: String,
    /// The page that shows the widget (absolute http(s) URL): the feed's home page, and the base
    /// of every item's link.
    pub site_url: String,
    /// One sentence on what the feed lists, with the day it was judged on.
    pub description: String,
    /// The program that wrote the feed ("vitrine 0.1.0").
    pub generator: String,
}

impl Channel {
    /// A channel for offers open on `today`; refuses an empty title or a site URL that is not an
    /// absolute http(s) address.
    pub fn new(title: &str, site_url: &str, today: Date) -> Result<Channel, ChannelError> {
        let title = text::line(title);
        if title.is_empty() {
            return Err(ChannelError::EmptyTitle);
        }
        let site_url = site_url.trim();
        if !is_site_url(site_url) {
            return Err(ChannelError::SiteUrl(site_url.to_string()));
        }
        Ok(Channel {
            title,
            site_url: site_url.to_string(),
            description: format!(
                "Offres d’emploi, de stage, d’alternance, de service civique, de bénévolat et de projets encore ouvertes au {}.",
                crate::ui::format::date(today, crate::ui::i18n::Locale::FrFr)
            ),
            generator: format!("vitrine {}", env!("CARGO_PKG_VERSION")),
        })
    }
}

/// Whether `s` is an absolute http(s) URL with a host and nothing a feed could not carry.
pub fn is_site_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    matches!(host, Some(h) if !h.is_empty() && !h.starts_with(':') && !h.contains('@'))
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`'))
}

/// One offer as a feed item: the record and its link.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<'a> {
    pub posting: &'a Posting,
    /// The widget's deep link to the offer ([`offer_link`]).
    pub link: String,
}

/// The link that opens offer `id` in the widget on `site_url`: the page's own query parameters
/// and fragment are kept, the widget's are replaced by `offre=<id>` (as the widget writes it).
pub fn offer_link(site_url: &str, id: &str) -> String {
    let (before_hash, hash) = match site_url.find('#') {
        Some(i) => site_url.split_at(i),
        None => (site_url, ""),
    };
    let (base, search) = match before_hash.find('?') {
        Some(i) => before_hash.split_at(i),
        None => (before_hash, ""),
    };
    let state = UrlState { offer: Some(id.to_string()), ..UrlState::default() };
    format!("{base}{}{hash}", url::write(search, "", &state))
}

/// The offers still open on `today` (no deadline, or a deadline today or later), newest
/// publication first; offers without a publication date come last, in file order.
pub fn open_offers(postings: &[Posting], today: Date) -> Vec<&Posting> {
    let mut open: Vec<&Posting> = postings.iter().filter(|p| !deadline_status(p, today).is_expired()).collect();
    // Stable: equal dates keep the file's order.
    open.sort_by_key(|p| std::cmp::Reverse(p.published));
    open
}

/// The feed items of the offers open on `today`, linking to `channel.site_url`.
pub fn items<'a>(postings: &'a [Posting], today: Date, channel: &Channel) -> Vec<Item<'a>> {
    open_offers(postings, today).into_iter().map(|p| Item { posting: p, link: offer_link(&channel.site_url, &p.id) }).collect()
}

#[cfg(not(target_arch = "wasm32"))]
/// Today's date in UTC, from the system clock; `None` when the clock is out of the calendar's range.
pub fn today_utc() -> Option<Date> {
    use std::time::{SystemTime, UNIX_EPOCH};
    let secs = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).ok()?,
        Err(e) => -i64::try_from(e.duration().as_secs()).ok()?,
    };
    Date::from_day_number(secs.div_euclid(86_400))
}

#[cfg(not(target_arch = "wasm32"))]
/// Reads the offers of a data file (or a partner feed), refusing it whole if any record is bad.
/// The texts of a split feed are read from its bodies file, beside it.
pub fn load(path: &Path) -> Result<Vec<Posting>, ExportError> {
    Ok(load_feed(path)?.postings)
}

#[cfg(not(target_arch = "wasm32"))]
fn read_utf8(path: &Path) -> Result<String, ExportError> {
    let bytes = std::fs::read(path).map_err(|source| ExportError::Read { path: path.to_path_buf(), source })?;
    String::from_utf8(bytes).map_err(|e| ExportError::NotUtf8 { path: path.to_path_buf(), offset: e.utf8_error().valid_up_to() })
}

#[cfg(not(target_arch = "wasm32"))]
/// [`load`], with what the envelope says (its `updated` date).
pub fn load_feed(path: &Path) -> Result<model::feed::Feed, ExportError> {
    let text = read_utf8(path)?;
    let mut feed = model::feed::decode(&text).map_err(|source| ExportError::Unreadable { path: path.to_path_buf(), source })?;
    let mut problems: Vec<String> = feed.rejected.iter().map(|r| r.to_string()).collect();
    if feed.truncated {
        problems.push("the file stops before its end (records after the cut are missing)".into());
    }
    problems.extend(feed.warnings.iter().cloned());
    if !problems.is_empty() {
        return Err(ExportError::BadRecords { path: path.to_path_buf(), problems });
    }
    if let Some(reference) = feed.bodies.clone() {
        let bodies_path = path.parent().unwrap_or(Path::new("")).join(&reference.href);
        let text = read_utf8(&bodies_path)?;
        let joined = model::pack::decode_bodies(&text).and_then(|bodies| model::pack::join(&mut feed, &bodies));
        if let Err(problem) = joined {
            return Err(ExportError::BadRecords { path: bodies_path, problems: vec![problem] });
        }
    }
    Ok(feed)
}

#[cfg(not(target_arch = "wasm32"))]
/// What `vitrine export` is asked to do.
#[derive(Debug, Clone)]
pub struct Export {
    /// The data file to read.
    pub input: PathBuf,
    /// Where to write the RSS 2.0 feed, if anywhere.
    pub rss: Option<PathBuf>,
    /// Where to write the JSON Feed 1.1, if anywhere.
    pub json_feed: Option<PathBuf>,
    /// The day expired offers are judged against.
    pub today: Date,
    /// The feeds' title.
    pub title: String,
    /// The page that shows the widget (see [`Channel::site_url`]).
    pub site_url: String,
}

#[cfg(not(target_arch = "wasm32"))]
/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// Offers in the feeds.
    pub items: usize,
    /// Expired offers left out.
    pub expired: usize,
    /// The files written, in order (RSS first).
    pub written: Vec<PathBuf>,
}

#[cfg(not(target_arch = "wasm32"))]
/// Reads the data file and writes the requested feeds, each atomically (a temporary file renamed
/// over the target, so a reader never sees half a feed and a failure leaves the old one).
pub fn run(job: &Export) -> Result<Exported, ExportError> {
    if job.rss.is_none() && job.json_feed.is_none() {
        return Err(ExportError::NoOutput);
    }
    let channel = Channel::new(&job.title, &job.site_url, job.today)?;
    let postings = load(&job.input)?;
    let items = items(&postings, job.today, &channel);
    let mut written = Vec::new();
    if let Some(path) = &job.rss {
        write_atomic(path, &rss::render(&channel, &items))?;
        written.push(path.clone());
    }
    if let Some(path) = &job.json_feed {
        write_atomic(path, &json_feed::render(&channel, &items))?;
        written.push(path.clone());
    }
    Ok(Exported { items: items.len(), expired: postings.len() - items.len(), written })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_page_and_replace_the_widget_parameters() {
        assert_eq!(offer_link("https://asso.example/offres", "chef-de-projet"), "https://asso.example/offres?offre=chef-de-projet");
        assert_eq!(
            offer_link("https://asso.example/offres?lang=fr&offre=old&q=x#liste", "a-b"),
            "https://asso.example/offres?lang=fr&offre=a-b#liste"
        );
        assert_eq!(offer_link("https://asso.example/", "é t&"), "https://asso.example/?offre=%C3%A9%20t%26");
    }

    #[test]
    fn site_urls_must_be_absolute_http() {
        for good in ["https://asso.example", "http://asso.example:8080/offres?x=1#y", "https://xn--ass-bpa.example/é"] {
            assert!(is_site_url(good), "{good}");
        }
        for bad in ["", "asso.example", "/offres", "https://", "https:///x", "javascript:alert(1)", "https://a b.example", "https://a.example/\"x", "ftp://a.example"] {
            assert!(!is_site_url(bad), "{bad}");
        }
        let today = "2024-01-01".parse().unwrap();
        assert!(matches!(Channel::new("Offres", "offres.html", today), Err(ChannelError::SiteUrl(_))));
        assert!(matches!(Channel::new(" \u{1} ", "https://a.example", today), Err(ChannelError::EmptyTitle)));
        // `vitrine export` says the same through its own error.
        assert_eq!(
            ExportError::from(ChannelError::SiteUrl("x".into())).to_string(),
            "--site-url «x»: expected an absolute http(s) address of the page that shows the widget, without spaces"
        );
        assert_eq!(Channel::new("Offres", "https://a.example", today).unwrap().description.rsplit(" au ").next(), Some("1er janvier 2024."));
    }

    #[test]
    fn today_comes_from_the_clock() {
        let t = today_utc().unwrap();
        // Whatever the machine's date, it is after this code was written and within the calendar.
        assert!(t >= "2024-01-01".parse().unwrap(), "{t}");
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
        assert!((t.day_number() - secs / 86_400).abs() <= 1);
    }
}
