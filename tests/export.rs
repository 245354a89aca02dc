//! `vitrine export` end to end: the RSS 2.0 and JSON Feed 1.1 it writes are read back with
//! parsers from the Rust registry (`rss` with its validation, `feed-rs`, and a strict `quick-xml`
//! pass over every event), never compared as strings. Expired offers are absent, hostile text
//! survives as text, and bad input fails with a message naming the file and writes nothing.

use quick_xml::events::Event;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vitrine"))
}

fn tmp(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vitrine-export-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs the binary in `cwd`; returns (success, stderr).
fn run(cwd: &Path, args: &[&str]) -> (bool, String) {
    let o = bin().args(args).current_dir(cwd).output().expect("run vitrine");
    (o.status.success(), String::from_utf8_lossy(&o.stderr).into_owned())
}

const SITE: &str = "https://asso.example/offres?lang=fr#liste";
const TODAY: &str = "2024-03-15";
/// A title made to break naive XML/HTML writers.
const HOSTILE_TITLE: &str = "<script>alert(\"x\")</script> & ]]> <![CDATA[ fin \u{1}\u{7}\u{1b}";
const HOSTILE_TITLE_CLEAN: &str = "<script>alert(\"x\")</script> & ]]> <![CDATA[ fin";
const HOSTILE_PARAGRAPH: &str = "Texte avec ]]> puis &amp; littéral, <img src=x onerror=alert(1)> et \u{0}\u{8}\u{7f}\u{85}contrôle.";
const HOSTILE_PARAGRAPH_CLEAN: &str = "Texte avec ]]> puis &amp; littéral, <img src=x onerror=alert(1)> et contrôle.";

/// Four open offers (one closing today), one expired, one of them hostile.
fn data() -> Value {
    json!([
        {
            "id": "ouvert-a", "kind": "emploi", "contract": "cdi", "title": "Chargé·e d'accueil",
            "organization": "Maison des Possibles", "places": [{"city": "Lyon", "country": "FR"}],
            "deadline": "2024-03-15", "published": "2024-03-01", "themes": ["justice", "logement"],
            "body": [{"type": "paragraph", "text": "Accueil du public."}]
        },
        {
            "id": "expire", "kind": "stage", "contract": "stage", "title": "Stage expiré",
            "organization": "Asso Passée", "deadline": "2024-03-14", "published": "2024-03-12"
        },
        {
            "id": "ouvert-b", "kind": "stage", "contract": "stage", "title": "Stage communication",
            "organization": "Réseau Solidaire", "places": [{"city": "Bruxelles", "country": "BE"}],
            "published": "2024-03-10"
        },
        {
            "id": "ouvert-c", "kind": "benevolat", "title": "Bénévole du samedi", "organization": "Les Restos du Quartier"
        },
        {
            "id": "hostile", "kind": "projet", "title": HOSTILE_TITLE, "organization": "A&B <i>Co</i>",
            "deadline": "2024-04-01", "published": "2024-02-29", "themes": ["numerique"],
            "body": [
                {"type": "heading", "text": "</description></item></channel>"},
                {"type": "paragraph", "text": HOSTILE_PARAGRAPH},
                {"type": "list", "items": [{"text": "<b>gras</b>", "children": ["\"guillemets\" & 'apostrophes'"]}]}
            ]
        }
    ])
}

/// Offers expected in the feeds, newest publication first (no date last): (id, title, published).
fn expected() -> Vec<(&'static str, &'static str, Option<&'static str>)> {
    vec![
        ("ouvert-b", "Stage communication", Some("2024-03-10T00:00:00+00:00")),
        ("ouvert-a", "Chargé·e d'accueil", Some("2024-03-01T00:00:00+00:00")),
        ("hostile", HOSTILE_TITLE_CLEAN, Some("2024-02-29T00:00:00+00:00")),
        ("ouvert-c", "Bénévole du samedi", None),
    ]
}

fn link(id: &str) -> String {
    format!("https://asso.example/offres?lang=fr&offre={id}#liste")
}

/// Exports `data()` with `--today`; returns (folder, RSS text, JSON Feed text).
fn export_fixture(tag: &str) -> (PathBuf, String, String) {
    let d = tmp(tag);
    std::fs::write(d.join("postings.json"), serde_json::to_string_pretty(&data()).unwrap()).unwrap();
    let (ok, err) = run(
        &d,
        &["export", "postings.json", "--rss", "out.xml", "--json-feed", "out.json", "--today", TODAY, "--site-url", SITE, "--title", "Offres & missions"],
    );
    assert!(ok, "{err}");
    assert!(err.contains("wrote 4 offer(s) to out.xml and out.json (1 expired on 2024-03-15 left out)"), "{err}");
    let rss = std::fs::read_to_string(d.join("out.xml")).unwrap();
    let json = std::fs::read_to_string(d.join("out.json")).unwrap();
    (d, rss, json)
}

/// Whether XML 1.0 allows this character in a document.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// A strict pass over every event of an XML document: elements balanced with one root, only
/// predefined or character references (to allowed characters), no forbidden character, no CDATA.
/// Returns the text of every element named `name`, references resolved.
fn strict_xml_texts(xml: &str, name: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    reader.config_mut().check_comments = true;
    let (mut depth, mut roots, mut stack, mut out) = (0usize, 0usize, Vec::<String>::new(), Vec::new());
    let mut current: Option<String> = None;
    loop {
        let ev = reader.read_event().unwrap_or_else(|e| panic!("not well-formed at byte {}: {e}", reader.error_position()));
        match ev {
            Event::Start(e) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
                let n = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                for a in e.attributes() {
                    a.expect("well-formed attribute");
                }
                if n == name {
                    current = Some(String::new());
                }
                stack.push(n);
            }
            Event::End(_) => {
                depth -= 1;
                if stack.pop().as_deref() == Some(name) {
                    out.push(current.take().unwrap());
                }
            }
            Event::Empty(_) => assert!(depth > 0, "empty element outside the root"),
            Event::Text(t) => {
                let s = t.decode().unwrap();
                assert!(s.chars().all(xml_char), "forbidden character in {s:?}");
                if depth == 0 {
                    assert!(s.trim().is_empty(), "text outside the root: {s:?}");
                }
                if let Some(c) = current.as_mut() {
                    c.push_str(&s);
                }
            }
            Event::GeneralRef(r) => {
                let ch = if r.is_char_ref() {
                    r.resolve_char_ref().unwrap().expect("a character reference")
                } else {
                    match r.decode().unwrap().as_ref() {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("undefined entity &{other};"),
                    }
                };
                assert!(xml_char(ch), "reference to a forbidden character {ch:?}");
                if let Some(c) = current.as_mut() {
                    c.push(ch);
                }
            }
            Event::CData(_) => panic!("the writer uses no CDATA section"),
            Event::DocType(_) => panic!("no DOCTYPE expected"),
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    assert_eq!((depth, roots), (0, 1), "one balanced root element");
    out
}

/// The text of an HTML fragment made only of escaped text and tags (as the feeds' HTML is):
/// tags dropped, the three references the writer uses resolved.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// The tag names of an HTML fragment, in order.
fn html_tags(html: &str) -> Vec<String> {
    html.split('<').skip(1).map(|t| t.split(['>', ' ']).next().unwrap().to_string()).collect()
}

#[test]
fn rss_is_valid_and_carries_the_open_offers() {
    let (_d, xml, _) = export_fixture("rss");
    let channel = rss::Channel::read_from(xml.as_bytes()).expect("rss parses the feed");
    rss::validation::Validate::validate(&channel).expect("valid by the rss crate's RSS 2.0 rules");
    assert_eq!(channel.title(), "Offres & missions");
    assert_eq!(channel.link(), SITE);
    assert!(channel.description().contains("15 mars 2024"), "{}", channel.description());
    assert_eq!(channel.language(), Some("fr"));

    let want = expected();
    let items = channel.items();
    assert_eq!(items.iter().map(|i| i.guid().unwrap().value()).collect::<Vec<_>>(), want.iter().map(|w| w.0).collect::<Vec<_>>());
    for (item, (id, title, _)) in items.iter().zip(&want) {
        assert_eq!(item.title(), Some(*title));
        assert_eq!(item.link(), Some(link(id).as_str()));
        assert!(!item.guid().unwrap().is_permalink(), "{id}: guid is not a permalink");
        assert!(item.description().is_some_and(|d| !d.is_empty()), "{id}: has a description");
    }
    // pubDate: RFC 822 with the right weekday (rss's validation parsed it); absent when unknown.
    assert_eq!(items[0].pub_date(), Some("Sun, 10 Mar 2024 00:00:00 +0000"));
    assert_eq!(items[2].pub_date(), Some("Thu, 29 Feb 2024 00:00:00 +0000"));
    assert_eq!(items[3].pub_date(), None);
    // Categories: kind, contract, themes (French labels, no repeat).
    let cats = |i: usize| items[i].categories().iter().map(|c| c.name().to_string()).collect::<Vec<_>>();
    assert_eq!(cats(1), ["Emploi", "CDI", "Justice", "Logement"]);
    assert_eq!(cats(0), ["Stage"]);
    assert_eq!(cats(3), ["Bénévolat"]);
    // The organization as dc:creator.
    assert_eq!(items[1].dublin_core_ext().unwrap().creators(), ["Maison des Possibles"]);
    assert_eq!(items[2].dublin_core_ext().unwrap().creators(), ["A&B <i>Co</i>"]);
    // The description is HTML whose texts are escaped: facts first, the deadline in French.
    let desc = items[1].description().unwrap();
    assert_eq!(html_tags(desc), ["p", "br", "br", "/p", "p", "/p"]);
    assert_eq!(html_text(desc), "Maison des Possibles — LyonEmploi, CDIDate limite : 15 mars 2024Accueil du public.");
}

#[test]
fn hostile_text_survives_as_text_and_the_xml_stays_well_formed() {
    let (_d, xml, _) = export_fixture("hostile");
    // Exactly one channel and the expected number of items, whatever the texts contain.
    assert_eq!(strict_xml_texts(&xml, "channel").len(), 1);
    let titles = strict_xml_texts(&xml, "title");
    assert_eq!(titles.len(), 1 + expected().len(), "{titles:?}");
    assert_eq!(titles[3], HOSTILE_TITLE_CLEAN);
    let descriptions = strict_xml_texts(&xml, "description");
    let hostile = &descriptions[3];
    // The HTML has only the writer's tags: the hostile markup became text.
    assert_eq!(html_tags(hostile), ["p", "br", "br", "/p", "h3", "/h3", "p", "/p", "ul", "li", "ul", "li", "/li", "/ul", "/li", "/ul"]);
    let text = html_text(hostile);
    for piece in ["A&B <i>Co</i>", "</description></item></channel>", HOSTILE_PARAGRAPH_CLEAN, "<b>gras</b>", "\"guillemets\" & 'apostrophes'"] {
        assert!(text.contains(piece), "{piece:?} not in {text:?}");
    }
    // feed-rs reads the same items.
    let feed = feed_rs::parser::parse(xml.as_bytes()).expect("feed-rs parses the RSS");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::RSS2);
    let e = &feed.entries[2];
    assert_eq!(e.id, "hostile");
    assert_eq!(e.title.as_ref().unwrap().content, HOSTILE_TITLE_CLEAN);
    assert_eq!(e.authors[0].name, "A&B <i>Co</i>");
}

#[test]
fn feed_rs_reads_both_feeds_alike() {
    let (_d, xml, json) = export_fixture("both");
    let rss = feed_rs::parser::parse(xml.as_bytes()).expect("feed-rs parses the RSS");
    let jf = feed_rs::parser::parse(json.as_bytes()).expect("feed-rs parses the JSON Feed");
    assert_eq!(rss.feed_type, feed_rs::model::FeedType::RSS2);
    assert_eq!(jf.feed_type, feed_rs::model::FeedType::JSON);
    for feed in [&rss, &jf] {
        assert_eq!(feed.title.as_ref().unwrap().content, "Offres & missions");
        assert_eq!(feed.language.as_deref(), Some("fr"));
        let want = expected();
        assert_eq!(feed.entries.len(), want.len());
        for (e, (id, title, published)) in feed.entries.iter().zip(&want) {
            assert_eq!(e.id, *id);
            assert_eq!(e.title.as_ref().unwrap().content, *title);
            assert_eq!(e.links.iter().map(|l| l.href.as_str()).collect::<Vec<_>>(), [link(id)]);
            assert_eq!(e.published.map(|p| p.to_rfc3339()).as_deref(), *published, "{id}");
        }
        let a = &feed.entries[1];
        assert_eq!(a.categories.iter().map(|c| c.term.as_str()).collect::<Vec<_>>(), ["Emploi", "CDI", "Justice", "Logement"]);
        assert_eq!(a.authors.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Maison des Possibles"]);
        assert!(!feed.entries.iter().any(|e| e.id == "expire"), "the expired offer is left out");
    }
}

/// Member names JSON Feed 1.1 defines (extensions would start with `_`; none are used).
const FEED_KEYS: &[&str] =
    &["version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "authors", "language", "expired", "hubs", "items"];
const ITEM_KEYS: &[&str] = &[
    "id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image", "date_published",
    "date_modified", "authors", "tags", "language", "attachments",
];

#[test]
fn json_feed_follows_the_1_1_rules() {
    let (_d, _, text) = export_fixture("json");
    let doc: Value = serde_json::from_str(&text).expect("valid JSON");
    let top = doc.as_object().expect("an object");
    for k in top.keys() {
        assert!(FEED_KEYS.contains(&k.as_str()), "unknown top-level member {k}");
    }
    assert_eq!(doc["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(doc["title"], "Offres & missions");
    assert_eq!(doc["home_page_url"], SITE);
    let items = doc["items"].as_array().expect("items is an array");
    let want = expected();
    assert_eq!(items.len(), want.len());
    for (it, (id, title, _)) in items.iter().zip(&want) {
        for k in it.as_object().unwrap().keys() {
            assert!(ITEM_KEYS.contains(&k.as_str()), "{id}: unknown item member {k}");
        }
        // Required: a unique string id, and content_html or content_text.
        assert_eq!(it["id"], *id);
        assert!(it["content_text"].is_string() && it["content_html"].is_string(), "{id}");
        assert_eq!(it["url"], link(id));
        assert_eq!(it["title"], *title);
        assert!(it["tags"].as_array().unwrap().iter().all(Value::is_string));
        for a in it["authors"].as_array().unwrap() {
            assert!(a["name"].is_string(), "an author object has a name");
        }
    }
    // Plain text: the facts, then the offer's text, every character kept but control characters.
    let hostile = &items[2];
    assert_eq!(hostile["summary"], "A&B <i>Co</i> · Projet · Date limite : 1er avril 2024");
    let plain = hostile["content_text"].as_str().unwrap();
    assert_eq!(
        plain,
        format!(
            "A&B <i>Co</i>\nProjet\nDate limite : 1er avril 2024\n\n</description></item></channel>\n\n{HOSTILE_PARAGRAPH_CLEAN}\n\n• <b>gras</b>\n  ◦ \"guillemets\" & 'apostrophes'"
        )
    );
    // HTML: the same words, only the writer's tags.
    let html = hostile["content_html"].as_str().unwrap();
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>") && !html.contains("<i>"), "{html}");
    assert_eq!(html_text(html).replace(' ', ""), plain.replace(['\n', ' ', '•', '◦'], ""));
    assert_eq!(items[3].get("date_published"), None, "no date when the offer has none");
}

#[test]
fn the_repository_data_exports_its_open_offers() {
    let d = tmp("repo");
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/postings.json");
    let postings = vitrine::model::from_json(&std::fs::read_to_string(&data).unwrap()).unwrap();
    let today: vitrine::model::Date = "2023-07-03".parse().unwrap();
    let open: Vec<&str> = postings
        .iter()
        .filter(|p| !vitrine::catalogue::deadline_status(p, today).is_expired())
        .map(|p| p.id.as_str())
        .collect();
    assert!(!open.is_empty());
    let (ok, err) =
        run(&d, &["export", data.to_str().unwrap(), "--rss", "o.xml", "--json-feed", "o.json", "--today", "2023-07-03", "--site-url", "https://asso.example/"]);
    assert!(ok, "{err}");
    for f in ["o.xml", "o.json"] {
        let feed = feed_rs::parser::parse(std::fs::read(d.join(f)).unwrap().as_slice()).unwrap_or_else(|e| panic!("{f}: {e}"));
        let mut ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
        ids.sort();
        let mut want = open.clone();
        want.sort();
        assert_eq!(ids, want, "{f}");
    }
    let channel = rss::Channel::read_from(std::fs::read(d.join("o.xml")).unwrap().as_slice()).unwrap();
    rss::validation::Validate::validate(&channel).unwrap();
}

#[test]
fn without_today_the_system_date_is_used() {
    let d = tmp("clock");
    let data = json!([
        {"id": "jadis", "kind": "emploi", "title": "Ancienne", "organization": "A", "deadline": "2001-01-01"},
        {"id": "futur", "kind": "emploi", "title": "Lointaine", "organization": "B", "deadline": "2999-12-31"}
    ]);
    // A partner feed envelope is read too.
    let envelope = json!({"updated": "2024-01-01", "postings": data});
    std::fs::write(d.join("feed.json"), envelope.to_string()).unwrap();
    let (ok, err) = run(&d, &["export", "feed.json", "--json-feed", "out.json", "--site-url", "https://a.example/x"]);
    assert!(ok, "{err}");
    let feed = feed_rs::parser::parse(std::fs::read(d.join("out.json")).unwrap().as_slice()).unwrap();
    assert_eq!(feed.entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["futur"]);
    assert!(!d.join("out.xml").exists());
}

#[test]
fn bad_input_names_the_file_and_writes_nothing() {
    let d = tmp("bad");
    std::fs::write(d.join("out.xml"), "old").unwrap();
    let args = |file: &str| -> Vec<String> {
        ["export", file, "--rss", "out.xml", "--json-feed", "out.json", "--today", TODAY, "--site-url", "https://a.example/"]
            .map(str::to_string)
            .to_vec()
    };
    let run_s = |a: Vec<String>| run(&d, &a.iter().map(String::as_str).collect::<Vec<_>>());

    let (ok, err) = run_s(args("missing.json"));
    assert!(!ok && err.contains("missing.json: cannot read"), "{err}");

    std::fs::write(d.join("html.json"), "<!doctype html><p>404</p>").unwrap();
    let (ok, err) = run_s(args("html.json"));
    assert!(!ok && err.contains("html.json: the feed is not valid JSON at line 1, column 1"), "{err}");

    std::fs::write(d.join("latin1.json"), b"[{\"title\": \"caf\xe9\"}]").unwrap();
    let (ok, err) = run_s(args("latin1.json"));
    assert!(!ok && err.contains("latin1.json: not UTF-8 text (invalid byte at offset 15)"), "{err}");

    // One bad record among good ones: nothing is exported, the record is named.
    let mut v = data();
    v[2]["title"] = json!("  ");
    v[3]["deadline"] = json!("2024-02-30");
    std::fs::write(d.join("records.json"), serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let (ok, err) = run_s(args("records.json"));
    assert!(!ok, "{err}");
    assert!(err.contains("records.json: 2 problem(s), nothing exported"), "{err}");
    assert!(err.contains("record 2 (id «ouvert-b»)"), "{err}");
    assert!(err.contains("record 3 (id «ouvert-c»)") && err.contains("2024-02-30"), "{err}");

    // A file cut short.
    let cut = serde_json::to_string(&data()).unwrap();
    std::fs::write(d.join("cut.json"), &cut[..cut.len() / 2]).unwrap();
    let (ok, err) = run_s(args("cut.json"));
    assert!(!ok && err.contains("cut.json: ") && err.contains("stops before its end"), "{err}");

    assert_eq!(std::fs::read_to_string(d.join("out.xml")).unwrap(), "old", "the old feed is kept");
    assert!(!d.join("out.json").exists());

    // Options.
    std::fs::write(d.join("ok.json"), data().to_string()).unwrap();
    let (ok, err) = run(&d, &["export", "ok.json", "--rss", "o.xml", "--site-url", "offres.html"]);
    assert!(!ok && err.contains("--site-url «offres.html»: expected an absolute http(s) address"), "{err}");
    let (ok, err) = run(&d, &["export", "ok.json", "--site-url", "https://a.example/"]);
    assert!(!ok && err.contains("nothing to write: give --rss FILE, --json-feed FILE or both"), "{err}");
    let (ok, err) = run(&d, &["export", "ok.json", "--rss", "o.xml", "--site-url", "https://a.example/", "--today", "2024-13-01"]);
    assert!(!ok && err.contains("2024-13-01"), "{err}");
    let (ok, err) = run(&d, &["export", "ok.json", "--rss", "no/such/dir/o.xml", "--site-url", "https://a.example/"]);
    assert!(!ok && err.contains("no/such/dir/o.xml: cannot write"), "{err}");
    let leftovers: Vec<_> = std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).filter(|n| n.contains(".tmp")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
