//! `vitrine sync` (native only): a network's feed made from its members' sources. Each source
//! listed in `sources.toml` ([`config`]) is fetched over HTTP(S) ([`http`]) or read from disk,
//! read into records ([`read`]), given the source's defaults and compared with what it gave last
//! time ([`state`]); the sources are merged (duplicates once), the reviewed overrides applied,
//! expired offers left out, and the feed written atomically when it changed. A source that fails
//! keeps its last good offers, so one failing member never empties the feed.

pub mod config;
pub mod http;
pub mod read;
pub mod state;

pub use config::{Config, ConfigError, Location, Source, SourceType};
pub use state::{State, StateError};

use crate::catalogue::deadline_status;
use crate::export::split;
use crate::ingest::files::{collect_inputs, write_atomic};
use crate::ingest::overrides::Overrides;
use crate::ingest::{check, dedupe_ids, make_id, IngestError};
use crate::model::{feed::merge_with, Country, Date, Place, Posting};
use config::Defaults;
use http::{Fetched, Http, Validators};
use sha2::{Digest, Sha256};
use state::{FeedState, SourceState};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What `vitrine sync` is asked to do.
#[derive(Debug, Clone)]
pub struct Job {
    pub config: Config,
    /// The feed to write (a split feed's offers file, its texts file beside it).
    pub output: PathBuf,
    /// The state file.
    pub state: PathBuf,
    /// One feed file instead of a split feed.
    pub single_file: bool,
    /// The day expired offers are judged against, and the feed's `updated` date when it changes.
    pub today: Date,
}

impl Job {
    /// A job for `config`: the output is `output` if given, else the config's, else
    /// `site/offres.json` beside `sources.toml`; the state is the config's, else beside the
    /// output (`offres.json` → `offres.sync-state.json`).
    pub fn new(config: Config, output: Option<PathBuf>, single_file: bool, today: Date) -> Job {
        let output = output.or_else(|| config.output.clone()).unwrap_or_else(|| {
            config.path.parent().unwrap_or(Path::new("")).join("site/offres.json")
        });
        let state = config.state.clone().unwrap_or_else(|| {
            let stem = output.file_stem().and_then(|s| s.to_str()).unwrap_or("offres");
            output.with_file_name(format!("{stem}.sync-state.json"))
        });
        Job { config, output, state, single_file, today }
    }
}

/// Why a sync wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The overrides file named in `sources.toml` is missing or not valid.
    #[error("{0}")]
    Overrides(IngestError),
    #[error(transparent)]
    State(#[from] StateError),
    #[error("{0}; the feed and the sync state are left as they were")]
    Write(IngestError),
    #[error("{path}: cannot make its folder: {source}")]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Every source failed and none has earlier offers: nothing was written.
    #[error("no source could be read and none was ever read before: nothing written")]
    NothingToWrite { report: Box<Outcome> },
}

impl SyncError {
    /// The exit code for the CLI: 2 for a bad `sources.toml` or overrides file, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            SyncError::Config(_) | SyncError::Overrides(_) => 2,
            _ => 1,
        }
    }
}

/// How a source went this run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Read, and what it returned had changed (or was new).
    Read,
    /// The server answered 304 Not Modified.
    NotModified,
    /// It returned the same bytes as last time: not read again.
    Unchanged,
    /// It could not be read; its last good offers (`kept`, read well on `since`) stay.
    Failed { error: String, kept: usize, since: Option<String> },
}

/// One source's line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceReport {
    pub name: String,
    /// Its `url` or `path`.
    pub location: String,
    pub status: Status,
    /// Offers the source gives this run (kept ones for a failed source).
    pub offers: usize,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// Offers it gave last time and no longer lists.
    pub removed: usize,
    /// Its offers left out of the feed because their deadline passed.
    pub expired: usize,
    /// Records left out of what it returned, and why.
    pub warnings: Vec<String>,
}

/// An offer listed by more than one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// The id of the copy kept.
    pub id: String,
    pub title: String,
    /// The sources that list it, the one whose copy was kept first.
    pub sources: Vec<String>,
}

/// What happened to the feed files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// Written (atomically), in this order.
    Files(Vec<PathBuf>),
    /// The same offers as the feed already there: its files were not touched.
    Unchanged(PathBuf),
}

/// The report of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub sources: Vec<SourceReport>,
    /// Offers listed by several sources (kept once).
    pub shared: Vec<Shared>,
    /// Sources no longer in `sources.toml`, with the number of offers dropped with them.
    pub gone: Vec<(String, usize)>,
    /// Overrides applied, and those that could not be.
    pub overrides: Vec<String>,
    /// Offers in the feed.
    pub offers: usize,
    /// The feed's `updated` date.
    pub updated: Option<Date>,
    pub written: Option<Written>,
}

impl Outcome {
    /// Names of the sources that failed this run.
    pub fn failed(&self) -> Vec<&str> {
        self.sources.iter().filter(|s| matches!(s.status, Status::Failed { .. })).map(|s| s.name.as_str()).collect()
    }

    /// The report as printed by the CLI: one line per source, then what is shared, then the feed.
    pub fn render(&self) -> String {
        let mut o = String::new();
        for s in &self.sources {
            let counts = format!(
                "{} new, {} changed, {} unchanged, {} removed, {} expired",
                s.new, s.changed, s.unchanged, s.removed, s.expired
            );
            let what = match &s.status {
                Status::Read => format!("{}: {counts}", offers(s.offers)),
                Status::NotModified => format!("not modified (304), {}: {counts}", offers(s.offers)),
                Status::Unchanged => format!("same content as last time, {}: {counts}", offers(s.offers)),
                Status::Failed { error, kept, since: Some(since) } => {
                    let expired = if s.expired > 0 { format!(" ({} of them expired)", s.expired) } else { String::new() };
                    format!("FAILED, kept {} from the last good fetch of {since}{expired}: {error}", offers(*kept))
                }
                Status::Failed { error, .. } => format!("FAILED, no earlier offers to keep: {error}"),
            };
            o.push_str(&format!("{} ({}): {what}\n", s.name, s.location));
            for w in &s.warnings {
                o.push_str(&format!("    {w}\n"));
            }
        }
        for sh in &self.shared {
            o.push_str(&format!(
                "shared: «{}» ({}) is listed by {}: kept once, from {}\n",
                sh.id,
                sh.title,
                sh.sources.join(", "),
                sh.sources[0]
            ));
        }
        for (name, n) in &self.gone {
            o.push_str(&format!("source «{name}» is no longer in sources.toml: its {} dropped\n", offers(*n)));
        }
        for line in &self.overrides {
            o.push_str(&format!("{line}\n"));
        }
        let updated = self.updated.map(|d| format!(", updated {d}")).unwrap_or_default();
        match &self.written {
            Some(Written::Files(files)) => {
                let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                o.push_str(&format!("feed: {}{updated}: wrote {}\n", offers(self.offers), names.join(" and ")));
            }
            Some(Written::Unchanged(path)) => {
                o.push_str(&format!("feed: {}{updated}: no change, {} left as it was\n", offers(self.offers), path.display()));
            }
            None => o.push_str("feed: nothing written\n"),
        }
        let failed = self.failed();
        if !failed.is_empty() {
            o.push_str(&format!(
                "warning: {} of {} sources failed ({}); the feed keeps the last good offers of those read before\n",
                failed.len(),
                self.sources.len(),
                failed.join(", ")
            ));
        }
        o
    }
}

/// "1 offer", "2 offers".
fn offers(n: usize) -> String {
    format!("{n} offer{}", if n == 1 { "" } else { "s" })
}

/// One payload of a source: a fetched body, a file, or one file of a folder.
struct Payload {
    /// Its address or file name (relative to the source's folder).
    name: String,
    bytes: Vec<u8>,
    content_type: Option<String>,
    /// What relative names in it (a split feed's texts file) are resolved against.
    base: Base,
}

enum Base {
    Url(String),
    Dir(PathBuf),
}

/// What fetching a source gave.
enum Got {
    NotModified,
    Payloads(Vec<Payload>, Validators),
}

/// Runs a sync: every source, the merge, the feed (when it changed), the state.
pub fn run(job: &Job) -> Result<Outcome, SyncError> {
    let overrides = match &job.config.overrides {
        Some(p) => Some(Overrides::load(p).map_err(SyncError::Overrides)?),
        None => None,
    };
    let previous = State::load(&job.state)?;
    let mut previous = previous.unwrap_or_default();
    let http = Http::new(&job.config.user_agent, job.config.timeout, job.config.max_bytes);
    let now = now_utc();

    let mut next = State { feed: previous.feed.clone(), ..State::default() };
    let todo: Vec<(&Source, Option<SourceState>)> =
        job.config.sources.iter().map(|s| (s, previous.sources.remove(&s.name))).collect();
    let mut reports = Vec::new();
    let mut lists = Vec::new();
    for (source, (state, report)) in job.config.sources.iter().zip(fetch_all(todo, &http, &now)) {
        lists.push(state.offers.clone());
        reports.push(report);
        next.sources.insert(source.name.clone(), state);
    }
    let gone: Vec<(String, usize)> = previous.sources.iter().map(|(n, s)| (n.clone(), s.offers.len())).collect();

    // Merge: each offer once, noting which sources shared it.
    let mut repeats: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    let (mut postings, from, _) = merge_with(lists, |(s, _), kept| repeats.entry(kept).or_default().push(s));
    let origin: Vec<u32> = from.iter().map(|&(s, _)| s).collect();
    let names: Vec<&str> = job.config.sources.iter().map(|s| s.name.as_str()).collect();
    let shared = repeats
        .iter()
        .map(|(&kept, others)| {
            let mut sources = vec![names[origin[kept] as usize].to_string()];
            for &s in others {
                if !sources.iter().any(|n| n == names[s as usize]) {
                    sources.push(names[s as usize].to_string());
                }
            }
            Shared { id: postings[kept].id.clone(), title: postings[kept].title.clone(), sources }
        })
        .collect();

    // Reviewed corrections, then expiry (an override may move a deadline).
    let mut override_lines = Vec::new();
    if let Some(o) = &overrides {
        // Offers come and go: an override for an offer not here this run is noted, not an error.
        let here: std::collections::HashSet<&str> = postings.iter().map(|p| p.id.as_str()).collect();
        let (present, absent): (Vec<_>, Vec<_>) = o.entries.iter().cloned().partition(|(id, _)| here.contains(id.as_str()));
        for (id, _) in absent {
            override_lines.push(format!(
                "override [{id}] in {} not applied: no offer has this id this run (expired, removed, or its source never read)",
                o.path.display()
            ));
        }
        let present = Overrides { path: o.path.clone(), entries: present };
        match present.apply(&mut postings) {
            Ok(applied) => {
                override_lines.extend(applied.into_iter().map(|(id, fields)| format!("override {id}: {}", fields.join(", "))));
            }
            Err(errors) => override_lines.extend(errors.into_iter().map(|e| format!("override not applied: {e}"))),
        }
    }
    let open: Vec<bool> = postings.iter().map(|p| !deadline_status(p, job.today).is_expired()).collect();
    for (&o, _) in origin.iter().zip(&open).filter(|(_, &open)| !open) {
        reports[o as usize].expired += 1;
    }
    let mut still = open.iter();
    postings.retain(|_| *still.next().unwrap_or(&true));

    let mut outcome = Outcome { sources: reports, shared, gone, overrides: override_lines, offers: postings.len(), updated: None, written: None };
    let all_failed = outcome.sources.iter().all(|s| matches!(s.status, Status::Failed { .. }));
    let ever_read = next.sources.values().any(|s| s.last_ok.is_some());
    if all_failed && !ever_read {
        return Err(SyncError::NothingToWrite { report: Box::new(outcome) });
    }

    // The feed: written only when its records (or form) changed.
    let hash = {
        let mut h = Sha256::new();
        h.update(if job.single_file { b"single\0".as_slice() } else { b"split\0".as_slice() });
        h.update(job.output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default().as_bytes());
        h.update(b"\0");
        h.update(serde_json::to_string(&postings).expect("postings serialize").as_bytes());
        hex(&h.finalize())
    };
    let files: Vec<PathBuf> = if job.single_file { vec![job.output.clone()] } else { vec![split::bodies_path(&job.output), job.output.clone()] };
    let same = next.feed.as_ref().filter(|f| f.hash == hash && files.iter().all(|p| p.is_file()));
    if let Some(feed) = same {
        outcome.updated = Some(feed.updated);
        outcome.written = Some(Written::Unchanged(job.output.clone()));
    } else {
        if let Some(dir) = job.output.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| SyncError::Folder { path: dir.to_path_buf(), source })?;
        }
        if job.single_file {
            write_atomic(&job.output, &single_feed(&postings, job.today)).map_err(SyncError::Write)?;
        } else {
            split::write(&postings, Some(job.today), &job.output).map_err(SyncError::Write)?;
        }
        next.feed = Some(FeedState { hash, updated: job.today });
        outcome.updated = Some(job.today);
        outcome.written = Some(Written::Files(files));
    }
    next.save(&job.state).map_err(SyncError::Write)?;
    Ok(outcome)
}

/// One feed file: `{"updated": …, "postings": […]}`, one record per line.
fn single_feed(postings: &[Posting], updated: Date) -> String {
    let mut s = format!("{{\"updated\":\"{updated}\",\"postings\":[");
    for (i, p) in postings.iter().enumerate() {
        s.push_str(if i == 0 { "\n" } else { ",\n" });
        s.push_str(&serde_json::to_string(p).expect("postings serialize"));
    }
    s.push_str("\n]}\n");
    s
}

/// Sources fetched at the same time, at most (a few, to stay polite to hosts serving several).
pub const PARALLEL_FETCHES: usize = 4;

/// [`sync_source`] for every source, [`PARALLEL_FETCHES`] at a time; results in the sources' order.
fn fetch_all(todo: Vec<(&Source, Option<SourceState>)>, http: &Http, now: &str) -> Vec<(SourceState, SourceReport)> {
    let count = todo.len();
    let queue = std::sync::Mutex::new(todo.into_iter().enumerate());
    let done = std::sync::Mutex::new(Vec::with_capacity(count));
    std::thread::scope(|scope| {
        for _ in 0..PARALLEL_FETCHES.min(count) {
            scope.spawn(|| loop {
                let Some((i, (source, prev))) = queue.lock().expect("queue").next() else { break };
                let result = sync_source(source, prev, http, now);
                done.lock().expect("results").push((i, result));
            });
        }
    });
    let mut done = done.into_inner().expect("results");
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Fetches and reads one source, falling back on its last good offers when that fails.
fn sync_source(source: &Source, prev: Option<SourceState>, http: &Http, now: &str) -> (SourceState, SourceReport) {
    let location = source.location.to_string();
    let mut report = SourceReport {
        name: source.name.clone(),
        location: location.clone(),
        status: Status::Read,
        offers: 0,
        new: 0,
        changed: 0,
        unchanged: 0,
        removed: 0,
        expired: 0,
        warnings: Vec::new(),
    };
    // Validators and hashes only hold for the place they came from.
    let same_place = prev.as_ref().filter(|p| p.location == location);
    let validators = same_place
        .map(|p| Validators { etag: p.etag.clone(), last_modified: p.last_modified.clone() })
        .unwrap_or_default();
    let previous_hash = same_place.and_then(|p| p.hash.clone());

    let attempt = fetch(source, http, &validators).and_then(|got| match got {
        Got::NotModified if same_place.is_some() => Ok((Status::NotModified, None, validators.clone(), previous_hash.clone())),
        Got::NotModified => Err("the server answered 304 Not Modified to a request that was not conditional".to_string()),
        Got::Payloads(payloads, got_validators) => {
            let hash = payload_hash(source, &payloads);
            if Some(&hash) == previous_hash.as_ref() {
                return Ok((Status::Unchanged, None, got_validators, Some(hash)));
            }
            let (offers, warnings) = read_source(source, &payloads, http)?;
            report.warnings = warnings;
            Ok((Status::Read, Some(offers), got_validators, Some(hash)))
        }
    });

    let prev_offers = prev.as_ref().map(|p| p.offers.clone()).unwrap_or_default();
    match attempt {
        Ok((status, offers, validators, hash)) => {
            let offers = offers.unwrap_or_else(|| prev_offers.clone());
            let before: BTreeMap<&str, &Posting> = prev_offers.iter().map(|p| (p.id.as_str(), p)).collect();
            for p in &offers {
                match before.get(p.id.as_str()) {
                    None => report.new += 1,
                    Some(old) if *old != p => report.changed += 1,
                    Some(_) => report.unchanged += 1,
                }
            }
            let ids: std::collections::HashSet<&str> = offers.iter().map(|p| p.id.as_str()).collect();
            report.removed = prev_offers.iter().filter(|p| !ids.contains(p.id.as_str())).count();
            report.offers = offers.len();
            report.status = status;
            let state = SourceState {
                location,
                etag: validators.etag,
                last_modified: validators.last_modified,
                hash,
                offers,
                last_ok: Some(now.to_string()),
                last_error: None,
            };
            (state, report)
        }
        Err(error) => {
            let since = prev.as_ref().and_then(|p| p.last_ok.clone());
            report.offers = prev_offers.len();
            report.status = Status::Failed { error: error.clone(), kept: prev_offers.len(), since };
            let state = match prev {
                Some(p) => SourceState { last_error: Some(error), ..p },
                None => SourceState { location, last_error: Some(error), ..SourceState::default() },
            };
            (state, report)
        }
    }
}

/// Gets what a source holds: an HTTP answer, a file, or a folder's texts.
fn fetch(source: &Source, http: &Http, validators: &Validators) -> Result<Got, String> {
    match &source.location {
        Location::Url(url) => match http.get(url, validators).map_err(|e| e.to_string())? {
            Fetched::NotModified => Ok(Got::NotModified),
            Fetched::Body { bytes, content_type, validators, final_url } => Ok(Got::Payloads(
                vec![Payload { name: url.clone(), bytes, content_type, base: Base::Url(final_url) }],
                validators,
            )),
        },
        Location::Path(path) if path.is_dir() => {
            if !matches!(source.kind, SourceType::Auto | SourceType::Text) {
                return Err(format!("{} is a folder: only `type = \"auto\"` or `\"text\"` reads folders (of .txt/.md files)", path.display()));
            }
            let files = collect_inputs(std::slice::from_ref(path))
                .map_err(|errors| errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))?;
            let mut payloads = Vec::new();
            for f in files {
                let bytes = std::fs::read(&f).map_err(|e| format!("{}: cannot read: {e}", f.display()))?;
                let name = f.strip_prefix(path).unwrap_or(&f).to_string_lossy().replace('\\', "/");
                let dir = f.parent().unwrap_or(Path::new("")).to_path_buf();
                payloads.push(Payload { name, bytes, content_type: None, base: Base::Dir(dir) });
            }
            Ok(Got::Payloads(payloads, Validators::default()))
        }
        Location::Path(path) => {
            let bytes = std::fs::read(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => format!("{}: no such file or folder", path.display()),
                _ => format!("{}: cannot read: {e}", path.display()),
            })?;
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
            let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
            Ok(Got::Payloads(vec![Payload { name, bytes, content_type: None, base: Base::Dir(dir) }], Validators::default()))
        }
    }
}

/// The hash that says whether a source changed: how it is read (type, defaults) and every payload.
fn payload_hash(source: &Source, payloads: &[Payload]) -> String {
    let mut h = Sha256::new();
    h.update(format!("vitrine sync 1\0{}\0", source.kind.key()).as_bytes());
    h.update(serde_json::to_string(&source.defaults).expect("defaults serialize").as_bytes());
    for p in payloads {
        h.update(b"\0");
        h.update(p.name.as_bytes());
        h.update(b"\0");
        h.update((p.bytes.len() as u64).to_le_bytes());
        h.update(&p.bytes);
    }
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads every payload of a source into its offers: read, defaults applied, ids made unique in
/// the source, records that would not pass `vitrine check` left out (named in the warnings).
/// Fails when a payload cannot be read, or when nothing good is left of what was read.
fn read_source(source: &Source, payloads: &[Payload], http: &Http) -> Result<(Vec<Posting>, Vec<String>), String> {
    let mut offers = Vec::new();
    let mut warnings = Vec::new();
    for p in payloads {
        let mut beside = |href: &str| -> Result<Vec<u8>, String> {
            match &p.base {
                Base::Url(base) => {
                    let url = url::Url::parse(base).and_then(|b| b.join(href)).map_err(|e| format!("bad address: {e}"))?;
                    if !matches!(url.scheme(), "http" | "https") {
                        return Err(format!("{url}: only http and https addresses are fetched"));
                    }
                    // The texts belong to the offers just read: fetched whole, never "not modified".
                    match http.get(url.as_str(), &Validators::default()) {
                        Ok(Fetched::Body { bytes, .. }) => Ok(bytes),
                        Ok(Fetched::NotModified) => Err("304 Not Modified to a request that was not conditional".into()),
                        Err(e) => Err(e.to_string()),
                    }
                }
                Base::Dir(dir) => {
                    let path = dir.join(href);
                    std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
                }
            }
        };
        let read = read::read_payload(source.kind, &p.name, &p.bytes, p.content_type.as_deref(), &mut beside)
            .map_err(|e| if payloads.len() > 1 { format!("{}: {e}", p.name) } else { e })?;
        let prefix = if payloads.len() > 1 { format!("{}: ", p.name) } else { String::new() };
        warnings.extend(read.warnings.into_iter().map(|w| format!("{prefix}{w}")));
        offers.extend(read.postings);
    }
    let read_count = offers.len();
    for p in &mut offers {
        apply_defaults(p, &source.defaults);
    }
    dedupe_ids(&mut offers);
    let problems = check::check_postings(&offers);
    if !problems.is_empty() {
        let mut bad = std::collections::HashSet::new();
        for pr in &problems {
            warnings.push(format!("left out {}", pr.render("").trim_start_matches(": ")));
            if let Some(id) = &pr.record {
                bad.insert(id.clone());
            }
        }
        offers.retain(|p| !bad.contains(&p.id));
    }
    if offers.is_empty() && read_count > 0 {
        return Err(format!("no usable offer: {}", warnings.join("; ")));
    }
    Ok((offers, warnings))
}

/// Gives a record the source's defaults where it lacks them. A record whose id was made from an
/// empty organization gets the id the default organization makes.
pub fn apply_defaults(p: &mut Posting, d: &Defaults) {
    if let Some(org) = &d.organization {
        if p.organization.trim().is_empty() {
            let made = p.id == make_id(&p.organization, &p.title) || p.id.trim().is_empty();
            p.organization = org.clone();
            if made {
                p.id = make_id(&p.organization, &p.title);
            }
        }
    }
    if d.city.is_some() || d.postal_code.is_some() || d.country.is_some() {
        match p.places.first_mut() {
            Some(place) if place.city.is_none() && place.postal_code.is_none() => {
                place.city = d.city.clone();
                place.postal_code = d.postal_code.clone();
                if let Some(c) = d.country {
                    place.country = c;
                }
            }
            Some(_) => {}
            None => p.places.push(Place {
                city: d.city.clone(),
                postal_code: d.postal_code.clone(),
                department: None,
                region: None,
                country: d.country.unwrap_or(Country::FR),
            }),
        }
    }
    if p.themes.is_empty() && !d.themes.is_empty() {
        p.themes = d.themes.clone();
    }
}

/// Now, as `YYYY-MM-DD HH:MM UTC`.
fn now_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let day = Date::from_day_number(secs.div_euclid(86_400)).map_or_else(|| "?".to_string(), |d| d.to_string());
    let s = secs.rem_euclid(86_400);
    format!("{day} {:02}:{:02} UTC", s / 3600, s % 3600 / 60)
}
