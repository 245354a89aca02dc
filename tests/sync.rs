//! `vitrine sync` against small HTTP servers on 127.0.0.1 started by each test (canned answers
//! per path, changed between runs, every request logged): first sync, changed sources,
//! conditional requests, failing sources keeping their last good offers, duplicates across
//! sources, expiry, overrides, bad configuration, failed runs leaving the output alone, the CLI.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use vitrine::model::{Date, Posting};
use vitrine::sync::{self, Config, Job, Status, SyncError, Written};

// ── A canned HTTP server ────────────────────────────────────────────────────────────────────

/// What the server answers on a path.
#[derive(Clone)]
enum Route {
    /// 200 with this body and content type; answers 304 to a matching `If-None-Match` /
    /// `If-Modified-Since`. `length: false` sends no Content-Length (the body ends when the
    /// connection closes).
    Ok { body: Vec<u8>, content_type: &'static str, etag: Option<String>, last_modified: Option<String>, length: bool },
    /// Any status with a short body.
    Status(u16),
    /// A redirect to another path.
    Redirect(String),
    /// Reads the request and never answers (until the server stops).
    Hang,
}

fn ok(body: &str, content_type: &'static str) -> Route {
    Route::Ok { body: body.as_bytes().to_vec(), content_type, etag: None, last_modified: None, length: true }
}

/// A request as the server received it.
#[derive(Debug, Clone)]
struct Request {
    path: String,
    headers: HashMap<String, String>,
}

struct Shared {
    routes: Mutex<HashMap<String, Route>>,
    log: Mutex<Vec<Request>>,
    stop: AtomicBool,
    /// Hanging connections wait on this until the server stops.
    released: (Mutex<bool>, Condvar),
}

struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept: Option<JoinHandle<Vec<JoinHandle<()>>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let shared = Arc::new(Shared {
            routes: Mutex::new(HashMap::new()),
            log: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
            released: (Mutex::new(false), Condvar::new()),
        });
        let s = shared.clone();
        let accept = std::thread::spawn(move || {
            let mut workers = Vec::new();
            for conn in listener.incoming() {
                if s.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let s = s.clone();
                workers.push(std::thread::spawn(move || serve(conn, &s)));
            }
            workers
        });
        Server { addr, shared, accept: Some(accept) }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn set(&self, path: &str, route: Route) {
        self.shared.routes.lock().unwrap().insert(path.to_string(), route);
    }

    /// The requests received for `path`, oldest first.
    fn requests(&self, path: &str) -> Vec<Request> {
        self.shared.log.lock().unwrap().iter().filter(|r| r.path == path).cloned().collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        *self.shared.released.0.lock().unwrap() = true;
        self.shared.released.1.notify_all();
        // Wake the accept loop so it sees the stop flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(accept) = self.accept.take() {
            for w in accept.join().unwrap_or_default() {
                let _ = w.join();
            }
        }
    }
}

fn serve(conn: TcpStream, s: &Shared) {
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() || line.is_empty() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let req = Request { path: path.clone(), headers };
    s.log.lock().unwrap().push(req.clone());
    let route = s.routes.lock().unwrap().get(&path).cloned().unwrap_or(Route::Status(404));
    let mut conn = conn;
    let head = |status: u16, reason: &str, extra: &str| format!("HTTP/1.1 {status} {reason}\r\nConnection: close\r\n{extra}");
    let _ = match route {
        Route::Hang => {
            let (lock, cv) = &s.released;
            let mut released = lock.lock().unwrap();
            while !*released {
                released = cv.wait(released).unwrap();
            }
            Ok(())
        }
        Route::Status(code) => {
            let body = format!("<html><body>{code}</body></html>");
            conn.write_all(format!("{}Content-Type: text/html\r\nContent-Length: {}\r\n\r\n{body}", head(code, "Canned", ""), body.len()).as_bytes())
        }
        Route::Redirect(to) => conn.write_all(format!("{}Location: {to}\r\nContent-Length: 0\r\n\r\n", head(301, "Moved Permanently", "")).as_bytes()),
        Route::Ok { body, content_type, etag, last_modified, length } => {
            let fresh = match (&etag, req.headers.get("if-none-match")) {
                (Some(e), Some(asked)) => e == asked,
                _ => matches!((&last_modified, req.headers.get("if-modified-since")), (Some(l), Some(asked)) if l == asked),
            };
            let mut extra = String::new();
            if let Some(e) = &etag {
                extra.push_str(&format!("ETag: {e}\r\n"));
            }
            if let Some(l) = &last_modified {
                extra.push_str(&format!("Last-Modified: {l}\r\n"));
            }
            if fresh {
                conn.write_all(format!("{}\r\n", head(304, "Not Modified", &extra)).as_bytes())
            } else {
                extra.push_str(&format!("Content-Type: {content_type}\r\n"));
                if length {
                    extra.push_str(&format!("Content-Length: {}\r\n", body.len()));
                }
                conn.write_all(format!("{}\r\n", head(200, "OK", &extra)).as_bytes()).and_then(|_| conn.write_all(&body))
            }
        }
    };
    let _ = conn.flush();
    let _ = conn.shutdown(std::net::Shutdown::Both);
}

// ── Fixtures ─────────────────────────────────────────────────────────────────────────────────

fn tmp(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vitrine-sync-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn today() -> Date {
    "2026-01-10".parse().unwrap()
}

/// One record of a vitrine feed.
fn rec(id: &str, title: &str, org: &str, city: &str, deadline: &str) -> String {
    format!(
        r#"{{"id":"{id}","kind":"emploi","contract":"cdi","title":"{title}","organization":"{org}","places":[{{"city":"{city}","country":"FR"}}],"deadline":"{deadline}","apply":{{"emails":["rh@{id}.example"]}},"body":[{{"type":"paragraph","text":"Texte de {title}."}}]}}"#
    )
}

fn feed(records: &[String]) -> String {
    format!("{{\"updated\":\"2026-01-01\",\"postings\":[{}]}}", records.join(",\n"))
}

const TEXT: &str = "Comptable H/F\n\nAssociation Trait d'Union\n\nCDI à temps plein, basé à Lyon (69003).\n\n\
                    Missions : tenue de la comptabilité.\n\nCandidatures avant le 15 mars 2026 à rh@traitdunion.example";

fn write_config(dir: &Path, head: &str, sources: &[(&str, &str)]) -> PathBuf {
    let mut text = format!("{head}\n");
    for (name, rest) in sources {
        text.push_str(&format!("\n[[source]]\nname = \"{name}\"\n{rest}\n"));
    }
    let path = dir.join("sources.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn job(config: &Path) -> Job {
    Job::new(Config::load(config).unwrap(), None, false, today())
}

/// The offers of the written feed (split feeds joined with their texts), by id.
fn published(job: &Job) -> Vec<Posting> {
    vitrine::export::load(&job.output).unwrap()
}

fn ids(postings: &[Posting]) -> Vec<&str> {
    postings.iter().map(|p| p.id.as_str()).collect()
}

fn report<'a>(o: &'a sync::Outcome, name: &str) -> &'a sync::SourceReport {
    o.sources.iter().find(|s| s.name == name).unwrap()
}

fn counts(r: &sync::SourceReport) -> [usize; 5] {
    [r.new, r.changed, r.unchanged, r.removed, r.expired]
}

fn stamp(path: &Path) -> (Vec<u8>, std::time::SystemTime) {
    (std::fs::read(path).unwrap(), std::fs::metadata(path).unwrap().modified().unwrap())
}

// ── Tests ────────────────────────────────────────────────────────────────────────────────────

#[test]
fn first_sync_of_two_sources_then_nothing_to_do() {
    let server = Server::start();
    server.set("/a/offres.json", ok(&feed(&[rec("a1", "Chargé de mission", "Possible", "Lyon", "2026-02-01"), rec("a2", "Animatrice", "Possible", "Lyon", "2026-02-01")]), "application/json"));
    server.set("/old/comptable.txt", Route::Redirect("/b/comptable.txt".into()));
    server.set("/b/comptable.txt", ok(TEXT, "text/plain; charset=utf-8"));
    let dir = tmp("first");
    let config = write_config(
        &dir,
        "contact = \"web@reseau.example\"",
        &[("A", &format!("url = \"{}\"", server.url("/a/offres.json"))), ("B", &format!("url = \"{}\"\nthemes = [\"ess\"]", server.url("/old/comptable.txt")))],
    );
    let job = job(&config);
    assert_eq!(job.output, dir.join("site/offres.json"));
    let out = sync::run(&job).unwrap();
    let text = out.render();
    assert_eq!(report(&out, "A").status, Status::Read);
    assert_eq!(counts(report(&out, "A")), [2, 0, 0, 0, 0], "{text}");
    assert_eq!(counts(report(&out, "B")), [1, 0, 0, 0, 0], "{text}");
    assert!(text.contains(&format!("A ({}): 2 offers: 2 new, 0 changed, 0 unchanged, 0 removed, 0 expired", server.url("/a/offres.json"))), "{text}");
    assert_eq!(out.written, Some(Written::Files(vec![dir.join("site/offres.bodies.json"), dir.join("site/offres.json")])));
    assert!(text.contains("feed: 3 offers, updated 2026-01-10: wrote"), "{text}");
    let got = published(&job);
    assert_eq!(ids(&got), ["a1", "a2", "association-trait-d-union-comptable"]);
    assert_eq!(got[2].themes, [vitrine::model::Theme::Ess], "default theme applied");
    assert_eq!(got[0].body.len(), 1, "texts are in the bodies file");
    assert!(dir.join("site/offres.sync-state.json").is_file());
    // The polite User-Agent, and the redirect followed.
    let ua = &server.requests("/a/offres.json")[0].headers["user-agent"];
    assert_eq!(ua, &format!("vitrine/{} (+web@reseau.example)", env!("CARGO_PKG_VERSION")));
    assert_eq!(server.requests("/b/comptable.txt").len(), 1);

    // Again, nothing changed: same bytes, not read again, feed files untouched.
    let before = (stamp(&job.output), stamp(&dir.join("site/offres.bodies.json")));
    let out = sync::run(&job).unwrap();
    assert_eq!(report(&out, "A").status, Status::Unchanged);
    assert_eq!(counts(report(&out, "A")), [0, 0, 2, 0, 0]);
    assert_eq!(out.written, Some(Written::Unchanged(job.output.clone())));
    assert!(out.render().contains("no change"), "{}", out.render());
    assert_eq!((stamp(&job.output), stamp(&dir.join("site/offres.bodies.json"))), before);
}

#[test]
fn a_changed_source_reports_new_changed_and_removed_offers() {
    let server = Server::start();
    let v1 = [rec("a", "Chargé de mission", "Possible", "Lyon", "2026-02-01"), rec("b", "Animatrice", "Possible", "Lyon", "2026-02-01"), rec("c", "Comptable", "Possible", "Lyon", "2026-02-01")];
    server.set("/o.json", ok(&feed(&v1), "application/json"));
    let dir = tmp("changed");
    let config = write_config(&dir, "", &[("A", &format!("url = \"{}\"\ntype = \"vitrine\"", server.url("/o.json")))]);
    let job = job(&config);
    sync::run(&job).unwrap();
    let v2 = [rec("a", "Chargé de mission senior", "Possible", "Lyon", "2026-02-01"), v1[2].clone(), rec("d", "Directrice", "Possible", "Lyon", "2026-03-01")];
    server.set("/o.json", ok(&feed(&v2), "application/json"));
    let out = sync::run(&job).unwrap();
    assert_eq!(counts(report(&out, "A")), [1, 1, 1, 1, 0], "{}", out.render());
    let got = published(&job);
    assert_eq!(ids(&got), ["a", "c", "d"]);
    assert_eq!(got[0].title, "Chargé de mission senior");
    assert!(matches!(out.written, Some(Written::Files(_))));
}

#[test]
fn etag_and_last_modified_give_304_and_the_offers_stay() {
    let server = Server::start();
    let etag = "\"v1\"".to_string();
    let date = "Wed, 07 Jan 2026 10:00:00 GMT".to_string();
    server.set("/e.json", Route::Ok { body: feed(&[rec("e", "Éducatrice", "Relais", "Paris", "2026-02-01")]).into_bytes(), content_type: "application/json", etag: Some(etag.clone()), last_modified: None, length: true });
    server.set("/m.txt", Route::Ok { body: TEXT.as_bytes().to_vec(), content_type: "text/plain", etag: None, last_modified: Some(date.clone()), length: true });
    let dir = tmp("conditional");
    let config = write_config(&dir, "", &[("E", &format!("url = \"{}\"", server.url("/e.json"))), ("M", &format!("url = \"{}\"", server.url("/m.txt")))]);
    let job = job(&config);
    sync::run(&job).unwrap();
    let before = stamp(&job.output);
    let out = sync::run(&job).unwrap();
    // The server got the conditional headers and answered 304.
    assert_eq!(server.requests("/e.json")[1].headers.get("if-none-match"), Some(&etag));
    assert_eq!(server.requests("/m.txt")[1].headers.get("if-modified-since"), Some(&date));
    assert!(!server.requests("/e.json")[0].headers.contains_key("if-none-match"));
    for name in ["E", "M"] {
        assert_eq!(report(&out, name).status, Status::NotModified);
        assert_eq!(counts(report(&out, name)), [0, 0, 1, 0, 0]);
    }
    assert!(out.render().contains("not modified (304), 1 offer"), "{}", out.render());
    assert_eq!(published(&job).len(), 2);
    assert_eq!(stamp(&job.output), before);
}

#[test]
fn failing_sources_keep_their_last_good_offers() {
    let server = Server::start();
    let names = ["gone", "broken", "slow", "garbage", "huge", "endless", "loop"];
    for (i, n) in names.iter().enumerate() {
        server.set(&format!("/{n}.json"), ok(&feed(&[rec(&format!("{n}-1"), &format!("Poste {i}"), "Réseau", "Lyon", "2026-02-01")]), "application/json"));
    }
    server.set("/fine.json", ok(&feed(&[rec("fine-1", "Stable", "Réseau", "Lyon", "2026-02-01")]), "application/json"));
    let dir = tmp("failing");
    let mut sources: Vec<(&str, String)> = names.iter().map(|n| (*n, format!("url = \"{}\"", server.url(&format!("/{n}.json"))))).collect();
    sources.push(("fine", format!("url = \"{}\"", server.url("/fine.json"))));
    let sources: Vec<(&str, &str)> = sources.iter().map(|(n, s)| (*n, s.as_str())).collect();
    let config = write_config(&dir, "timeout_seconds = 1\nmax_bytes = 4000", &sources);
    let job = job(&config);
    sync::run(&job).unwrap();

    server.set("/gone.json", Route::Status(404));
    server.set("/broken.json", Route::Status(500));
    server.set("/slow.json", Route::Hang);
    server.set("/garbage.json", Route::Ok { body: (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect(), content_type: "application/octet-stream", etag: None, last_modified: None, length: true });
    server.set("/huge.json", ok(&"x".repeat(5000), "application/json"));
    server.set("/endless.json", Route::Ok { body: vec![b' '; 50_000], content_type: "application/json", etag: None, last_modified: None, length: false });
    server.set("/loop.json", Route::Redirect("/loop.json".into()));
    server.set("/fine.json", ok(&feed(&[rec("fine-1", "Stable", "Réseau", "Lyon", "2026-02-01"), rec("fine-2", "Nouveau", "Réseau", "Lyon", "2026-02-01")]), "application/json"));
    let out = sync::run(&job).unwrap();
    let text = out.render();
    let why = |name: &str| match &report(&out, name).status {
        Status::Failed { error, kept: 1, since: Some(_) } => error.clone(),
        other => panic!("{name}: {other:?}\n{text}"),
    };
    assert_eq!(why("gone"), "HTTP 404 Not Found");
    assert_eq!(why("broken"), "HTTP 500 Internal Server Error");
    assert!(why("slow").contains("timeout_seconds"), "{}", why("slow"));
    assert!(why("garbage").starts_with("not a vitrine feed") || why("garbage").starts_with("not text"), "{}", why("garbage"));
    assert_eq!(why("huge"), "larger than 4000 bytes (max_bytes)");
    assert_eq!(why("endless"), "larger than 4000 bytes (max_bytes)");
    assert_eq!(why("loop"), "more than 5 redirects");
    assert!(text.contains("gone (") && text.contains("): FAILED, kept 1 offer from the last good fetch of 20"), "{text}");
    assert!(text.contains("warning: 7 of 8 sources failed (gone, broken, slow, garbage, huge, endless, loop); the feed keeps the last good offers of those read before"), "{text}");
    assert_eq!(counts(report(&out, "fine")), [1, 0, 1, 0, 0]);
    // Never emptied: every kept offer is still published, with the new one.
    let got = published(&job);
    assert_eq!(got.len(), 9, "{:?}", ids(&got));
    assert!(matches!(out.written, Some(Written::Files(_))));
    let state = std::fs::read_to_string(dir.join("site/offres.sync-state.json")).unwrap();
    assert!(state.contains("\"last_error\": \"HTTP 404 Not Found\""), "{state}");

    // Failing again, with nothing new anywhere: the feed is left as it is.
    server.set("/fine.json", ok(&feed(&[rec("fine-1", "Stable", "Réseau", "Lyon", "2026-02-01")]), "application/json"));
    let out = sync::run(&job).unwrap();
    assert_eq!(out.failed().len(), 7);
    assert_eq!(published(&job).len(), 8);
}

#[test]
fn a_run_where_everything_fails_leaves_the_output_untouched() {
    let server = Server::start();
    server.set("/a.json", ok(&feed(&[rec("a", "Poste", "Réseau", "Lyon", "2026-02-01")]), "application/json"));
    let dir = tmp("allfail");
    let config = write_config(&dir, "", &[("A", &format!("url = \"{}\"", server.url("/a.json")))]);
    let job = job(&config);
    sync::run(&job).unwrap();
    let state = dir.join("site/offres.sync-state.json");
    let before = (stamp(&job.output), stamp(&dir.join("site/offres.bodies.json")));
    server.set("/a.json", Route::Status(503));
    let out = sync::run(&job).unwrap();
    assert_eq!(out.written, Some(Written::Unchanged(job.output.clone())));
    assert_eq!((stamp(&job.output), stamp(&dir.join("site/offres.bodies.json"))), before);
    assert!(std::fs::read_to_string(&state).unwrap().contains("HTTP 503"));

    // A damaged state file stops the run before anything is written.
    std::fs::write(&state, "{\"version\": 1, \"sources\": [").unwrap();
    server.set("/a.json", ok(&feed(&[rec("b", "Autre", "Réseau", "Lyon", "2026-02-01")]), "application/json"));
    let e = sync::run(&job).unwrap_err();
    assert!(matches!(e, SyncError::State(_)), "{e}");
    assert!(e.to_string().contains("offres.sync-state.json:1:") && e.to_string().contains("damaged"), "{e}");
    assert_eq!(stamp(&job.output), before.0);

    // No state, every source failing: nothing at all is written.
    let fresh = tmp("allfail-fresh");
    let config = write_config(&fresh, "", &[("A", &format!("url = \"{}\"", server.url("/missing.json")))]);
    let job = self::job(&config);
    let e = sync::run(&job).unwrap_err();
    assert_eq!(e.exit_code(), 1);
    match &e {
        SyncError::NothingToWrite { report } => assert!(report.render().contains("FAILED, no earlier offers to keep: HTTP 404 Not Found"), "{}", report.render()),
        other => panic!("{other}"),
    }
    assert!(!fresh.join("site").exists());
}

#[test]
fn duplicates_across_sources_appear_once() {
    let server = Server::start();
    server.set("/a.json", ok(&feed(&[rec("possible-etudes", "Chargé·e d’études", "Association Possible", "Lyon", "2026-02-01"), rec("commun", "Poste commun", "Réseau", "Paris", "2026-02-01")]), "application/json"));
    server.set("/b.json", ok(&feed(&[rec("relais-etudes", "CHARGE.E D'ETUDES", "association possible", "LYON", "2026-02-01"), rec("commun", "Poste commun", "Réseau", "Paris", "2026-02-01"), rec("b-seul", "Seul", "Relais", "Lille", "2026-02-01")]), "application/json"));
    let dir = tmp("dupes");
    let config = write_config(&dir, "", &[("A", &format!("url = \"{}\"", server.url("/a.json"))), ("B", &format!("url = \"{}\"", server.url("/b.json")))]);
    let job = job(&config);
    let out = sync::run(&job).unwrap();
    assert_eq!(ids(&published(&job)), ["possible-etudes", "commun", "b-seul"]);
    let text = out.render();
    assert!(text.contains("shared: «possible-etudes» (Chargé·e d’études) is listed by A, B: kept once, from A"), "{text}");
    assert!(text.contains("shared: «commun» (Poste commun) is listed by A, B"), "{text}");
    assert_eq!(out.shared.len(), 2);
}

#[test]
fn expired_offers_are_dropped() {
    let server = Server::start();
    server.set("/a.json", ok(&feed(&[rec("old", "Passé", "Réseau", "Lyon", "2026-01-09"), rec("last-day", "Dernier jour", "Réseau", "Lyon", "2026-01-10")]), "application/json"));
    let dir = tmp("expired");
    let config = write_config(&dir, "", &[("A", &format!("url = \"{}\"", server.url("/a.json")))]);
    let job = job(&config);
    let out = sync::run(&job).unwrap();
    assert_eq!(counts(report(&out, "A")), [2, 0, 0, 0, 1]);
    assert_eq!(ids(&published(&job)), ["last-day"]);
    assert_eq!(out.offers, 1);
    // The next day the other one goes too.
    let next = Job { today: "2026-01-11".parse().unwrap(), ..job.clone() };
    let out = sync::run(&next).unwrap();
    assert_eq!(out.offers, 0);
    assert!(published(&next).is_empty());
}

#[test]
fn overrides_survive_a_resync_and_unknown_ids_are_noted() {
    let server = Server::start();
    server.set("/a.json", ok(&feed(&[rec("a", "Titre brut", "Réseau", "Lyon", "2026-02-01")]), "application/json"));
    let dir = tmp("overrides");
    std::fs::write(dir.join("overrides.toml"), "[a]\ntitle = \"Titre relu\"\ndeadline = 2026-03-01\n\n[parti]\ntitle = \"x\"\n").unwrap();
    let config = write_config(&dir, "overrides = \"overrides.toml\"", &[("A", &format!("url = \"{}\"", server.url("/a.json")))]);
    let job = job(&config);
    let out = sync::run(&job).unwrap();
    let text = out.render();
    assert!(text.contains("override [parti] in ") && text.contains("not applied: no offer has this id"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("override a: ") && l.contains("title") && l.contains("deadline")), "{text}");
    assert_eq!(published(&job)[0].title, "Titre relu");
    // The source changes something else: the reviewed title stays.
    server.set("/a.json", ok(&feed(&[rec("a", "Titre brut", "Réseau", "Grenoble", "2026-02-01"), rec("b", "Autre", "Réseau", "Lyon", "2026-02-01")]), "application/json"));
    let out = sync::run(&job).unwrap();
    assert_eq!(counts(report(&out, "A")), [1, 1, 0, 0, 0]);
    let got = published(&job);
    assert_eq!((got[0].title.as_str(), got[0].city()), ("Titre relu", Some("Grenoble")));
    assert_eq!(got[0].deadline, Some("2026-03-01".parse().unwrap()));
    // A value of the wrong shape is named; the rest of the feed is written.
    std::fs::write(dir.join("overrides.toml"), "[a]\ntitle = \"Titre relu\"\nkind = \"job\"\n").unwrap();
    let out = sync::run(&job).unwrap();
    assert!(out.render().contains("override not applied: ") && out.render().contains("[a] kind: unknown variant `job`"), "{}", out.render());
    assert_eq!(published(&job)[0].title, "Titre relu");
    // A broken overrides file is a configuration error: nothing written.
    std::fs::write(dir.join("overrides.toml"), "[a]\ntitle = \n").unwrap();
    let before = stamp(&job.output);
    let e = sync::run(&job).unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(e.to_string().contains("overrides.toml:2:"), "{e}");
    assert_eq!(stamp(&job.output), before);
}

#[test]
fn folders_files_defaults_and_split_feeds_as_sources() {
    let server = Server::start();
    // A member publishing its own split feed (vitrine pack): the texts file is fetched beside it.
    let member: Vec<Posting> = vitrine::model::from_json(include_str!("../data/postings.json")).unwrap();
    let split = vitrine::model::pack::split(&member, None, "offres.bodies.json");
    server.set("/m/offres.json", ok(&split.offers, "application/json"));
    server.set("/m/offres.bodies.json", ok(&split.bodies, "application/json"));
    let dir = tmp("kinds");
    std::fs::create_dir_all(dir.join("textes")).unwrap();
    std::fs::write(dir.join("textes/comptable.txt"), TEXT).unwrap();
    std::fs::write(dir.join("textes/sans-asso.md"), "Animateur jeunesse\n\nCDD de 6 mois.\n\nCandidatures à jeunesse@mjc.example").unwrap();
    let config = write_config(
        &dir,
        "",
        &[
            ("Membre", &format!("url = \"{}\"", server.url("/m/offres.json"))),
            ("Textes", "path = \"textes\"\norganization = \"MJC du Centre\"\ncity = \"Nantes\"\npostal_code = \"44000\"\nthemes = [\"jeunesse\"]"),
        ],
    );
    // (A day when the seeds' offers are all open.)
    let job = Job { single_file: true, today: "2023-07-01".parse().unwrap(), ..job(&config) };
    let out = sync::run(&job).unwrap();
    assert_eq!(report(&out, "Membre").offers, member.len(), "{}", out.render());
    assert_eq!(server.requests("/m/offres.bodies.json").len(), 1);
    assert_eq!(out.written, Some(Written::Files(vec![job.output.clone()])));
    let got = published(&job);
    let seed = got.iter().find(|p| p.id == member[0].id).unwrap();
    assert_eq!(seed.body, member[0].body, "texts joined from the bodies file");
    let mjc = got.iter().find(|p| p.organization == "MJC du Centre").unwrap_or_else(|| panic!("{}", out.render()));
    assert_eq!(mjc.id, "mjc-du-centre-animateur-jeunesse", "the id the default organization makes");
    assert_eq!((mjc.city(), mjc.places[0].postal_code.as_deref()), (Some("Nantes"), Some("44000")));
    assert_eq!(mjc.themes, [vitrine::model::Theme::Jeunesse]);
    let trait_union = got.iter().find(|p| p.organization.contains("Trait d'Union")).unwrap();
    assert_eq!(trait_union.city(), Some("Lyon"), "a record's own place is kept");
    let single = std::fs::read_to_string(&job.output).unwrap();
    assert!(single.starts_with("{\"updated\":\"2023-07-01\",\"postings\":[\n"), "{}", &single[..80]);
    assert!(!dir.join("site/offres.bodies.json").exists());

    // A bad file in the folder fails that source only; its last good offers stay.
    std::fs::write(dir.join("textes/vide.txt"), "  \n").unwrap();
    let out = sync::run(&job).unwrap();
    match &report(&out, "Textes").status {
        Status::Failed { error, kept: 2, .. } => assert!(error.contains("vide.txt"), "{error}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(published(&job).len(), member.len() + 2);
}

#[test]
fn bad_sources_toml_is_named_with_line_and_key() {
    let dir = tmp("badconfig");
    let path = dir.join("sources.toml");
    std::fs::write(&path, "timeout_seconds = 5\n\n[[source]]\nname = \"A\"\nurl = \"https://a.example/o.json\"\nthemes = [\"jeunes\"]\n").unwrap();
    let e = Config::load(&path).unwrap_err().to_string();
    assert!(e.starts_with(&format!("{}:6:", path.display())) && e.contains("themes: unknown variant `jeunes`"), "{e}");
    std::fs::write(&path, "[[source]]\nname = \"A\"\nurl = \"https://a.example/o.json\"\npath = \"x\"\n").unwrap();
    let e = Config::load(&path).unwrap_err().to_string();
    assert_eq!(e, format!("{}:4: path: source «A» has both `url` and `path`: give one", path.display()));
}

fn vitrine(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_vitrine")).args(args).current_dir(cwd).output().unwrap();
    (o.status.code().unwrap_or(-1), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn the_cli_syncs_reports_and_exits_with_the_right_code() {
    let server = Server::start();
    server.set("/a.json", ok(&feed(&[rec("a", "Poste", "Réseau", "Lyon", "2026-02-01")]), "application/json"));
    server.set("/b.json", ok(&feed(&[rec("b", "Autre", "Réseau", "Lyon", "2026-02-01")]), "application/json"));
    let dir = tmp("cli");
    write_config(&dir, "", &[("A", &format!("url = \"{}\"", server.url("/a.json"))), ("B", &format!("url = \"{}\"", server.url("/b.json")))]);
    let (code, out, err) = vitrine(&["sync", "sources.toml", "-o", "public/offres.json", "--today", "2026-01-10"], &dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("A (") && out.contains("1 offer: 1 new"), "{out}");
    assert!(out.contains("feed: 2 offers, updated 2026-01-10: wrote public/offres.bodies.json and public/offres.json"), "{out}");
    let (code, out, _) = vitrine(&["check", "public/offres.json"], &dir);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("2 record(s) and their texts, no problem"), "{out}");

    // One source failing: still 0, with a warning line.
    server.set("/b.json", Route::Status(500));
    let (code, out, _) = vitrine(&["sync", "sources.toml", "-o", "public/offres.json", "--today", "2026-01-10"], &dir);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("B (") && out.contains("FAILED, kept 1 offer from the last good fetch of"), "{out}");
    assert!(out.contains("warning: 1 of 2 sources failed (B)"), "{out}");

    // Bad config: 2, with the line. Nothing to write at all: 1.
    std::fs::write(dir.join("bad.toml"), "[[source]]\nname = \"A\"\nurll = \"x\"\n").unwrap();
    let (code, _, err) = vitrine(&["sync", "bad.toml"], &dir);
    assert_eq!(code, 2);
    assert!(err.contains("bad.toml:3:1: urll: unknown field `urll`"), "{err}");
    std::fs::write(dir.join("down.toml"), format!("[[source]]\nname = \"D\"\nurl = \"{}\"\n", server.url("/nothing"))).unwrap();
    let (code, out, err) = vitrine(&["sync", "down.toml", "--single-file", "-o", "down/offres.json"], &dir);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("nothing written"), "{err}");
    assert!(!dir.join("down").exists());
}

#[test]
fn web_pages_and_rss_feeds_as_sources() {
    let server = Server::start();
    let page = "<!doctype html><html lang=\"fr\"><head><title>Nous rejoindre</title></head><body>\
        <nav><a href=\"/\">Accueil</a> | <a href=\"/contact\">Contact</a> | <a href=\"/don\">Faire un don</a></nav>\
        <main><h1>Animateur·rice de quartier (H/F)</h1><p>L'association Les Lucioles recrute un·e animateur·rice en CDI à Rennes (35000).</p>\
        <h2>Candidature</h2><p>CV et lettre avant le 28 février 2026 à emploi@lucioles.example.</p></main>\
        <footer>Les Lucioles – 3 rue des Halles – 35000 Rennes – contact@lucioles.example</footer></body></html>";
    server.set("/emploi.html", ok(page, "text/html; charset=utf-8"));
    let rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Offres</title><link>https://reseau.example/</link><description>x</description>\
        <item><title>Comptable (H/F)</title><link>https://reseau.example/offres/comptable</link><pubDate>Mon, 05 Jan 2026 09:00:00 GMT</pubDate>\
        <description><![CDATA[<p>La Coopérative Archipel recrute un·e comptable en CDD de 6 mois à Marseille. Candidatures à rh@archipel.example avant le 1er février 2026.</p>]]></description></item>\
        </channel></rss>";
    server.set("/flux.xml", ok(rss, "application/rss+xml"));
    let dir = tmp("pages-feeds");
    let config = write_config(&dir, "", &[("Page", &format!("url = \"{}\"", server.url("/emploi.html"))), ("Flux", &format!("url = \"{}\"", server.url("/flux.xml")))]);
    let job = job(&config);
    let out = sync::run(&job).unwrap();
    let text = out.render();
    assert_eq!(counts(report(&out, "Page")), [1, 0, 0, 0, 0], "{text}");
    assert_eq!(counts(report(&out, "Flux")), [1, 0, 0, 0, 0], "{text}");
    let got = published(&job);
    let page = got.iter().find(|p| p.title.starts_with("Animateur")).expect("the page's offer");
    assert_eq!((page.organization.as_str(), page.city()), ("Les Lucioles", Some("Rennes")));
    assert_eq!(page.apply.emails, ["emploi@lucioles.example"], "the footer's contact is not the application address");
    let item = got.iter().find(|p| p.title.starts_with("Comptable")).unwrap_or_else(|| panic!("the feed item: {got:?}"));
    assert_eq!((item.organization.as_str(), item.city()), ("Coopérative Archipel", Some("Marseille")));
    assert_eq!(item.deadline.map(|d| d.to_string()).as_deref(), Some("2026-02-01"));
}
