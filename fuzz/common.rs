//! The logic of the fuzz targets: one `pub fn` per target takes raw bytes, drives an entry point of
//! vitrine and panics only when the code under test panics or an invariant below is broken.
//!
//! Shared by the libFuzzer targets (`fuzz/fuzz_targets/*.rs`, nightly + cargo-fuzz) and by the main
//! crate's `tests/fuzz_corpus.rs`, which replays the committed corpus on stable Rust.

use std::collections::HashSet;
use vitrine::catalogue::{length, pay, regions, start, Catalogue, Facet, KeySet, Query, Sort};
use vitrine::embed::{config, url};
use vitrine::ingest::clean::{decode, DecodeProblem};
use vitrine::ingest::{check, extract};
use vitrine::model::feed::{self, FeedError, MAX_LISTED_REJECTIONS};
use vitrine::model::{
    self, Amount, Apply, Block, Contract, Country, Currency, Date, Kind, ListItem, MonthRange, Pay, PayBasis, PayPeriod,
    Place, Posting, Remote, Start, Theme, YearMonth,
};

/// Names of the targets, as in `fuzz/Cargo.toml` and `fuzz/corpus/<name>/`.
pub const TARGETS: [&str; 6] = ["ingest_text", "feed_decode", "data_file", "url_state", "config", "catalogue_search"];

/// Runs the target called `name` on `data`.
///
/// # Panics
/// When `name` is not in [`TARGETS`], or when the target finds a bug.
pub fn run(name: &str, data: &[u8]) {
    match name {
        "ingest_text" => ingest_text(data),
        "feed_decode" => feed_decode(data),
        "data_file" => data_file(data),
        "url_state" => url_state(data),
        "config" => config(data),
        "catalogue_search" => catalogue_search(data),
        other => panic!("unknown fuzz target «{other}»"),
    }
}

/// Bytes → `clean::decode` → `extract`, the path of `vitrine ingest`. Text refused by the decoder
/// is still given to the extractor (lossily converted), which must accept any `&str`.
///
/// Checks: a refusal as binary says why; the record's id is a non-empty `[a-z0-9-]` slug;
/// notes name a field; the record survives a data-file round trip; `check_postings` does not panic.
pub fn ingest_text(data: &[u8]) {
    let text = match decode(data) {
        Ok((text, _)) => text,
        Err(DecodeProblem::Empty) => String::from_utf8_lossy(data).into_owned(),
        Err(DecodeProblem::Binary(reason)) => {
            assert!(!reason.is_empty(), "a Binary refusal must say why");
            String::from_utf8_lossy(data).into_owned()
        }
    };
    let e = extract(&text, Some("fuzz.txt"));
    let id = &e.posting.id;
    assert!(
        !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "bad id {id:?}"
    );
    assert_eq!(e.posting.source.as_deref(), Some("fuzz.txt"));
    for n in &e.notes {
        assert!(!n.field.is_empty() && !n.message.is_empty(), "empty note {n:?}");
        let _ = n.to_string();
    }
    round_trip(std::slice::from_ref(&e.posting));
    for p in check::check_postings(std::slice::from_ref(&e.posting)) {
        let _ = p.render("fuzz.json");
    }
}

/// `model::feed::decode` on the input when it is UTF-8, and on its lossy conversion when it is not.
///
/// Checks: kept records have non-blank, unique ids and non-blank title and organization; at most
/// `MAX_LISTED_REJECTIONS` rejections, in feed order; errors carry 1-based positions; a text the
/// strict reader accepts (unique, non-blank records) is kept whole; kept records survive a
/// data-file round trip; `merge` of the feed with itself drops the whole second copy.
pub fn feed_decode(data: &[u8]) {
    match std::str::from_utf8(data) {
        Ok(s) => check_feed(s),
        Err(_) => check_feed(&String::from_utf8_lossy(data)),
    }
}

fn check_feed(text: &str) {
    let feed = match feed::decode(text) {
        Ok(feed) => feed,
        Err(FeedError::Empty) => {
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            assert!(body.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')), "Empty for a non-blank feed");
            return;
        }
        Err(e @ FeedError::NotJson { line, column, .. }) => {
            assert!(line >= 1 && column >= 1, "positions are 1-based: {e}");
            assert!(model::from_json(text.strip_prefix('\u{feff}').unwrap_or(text)).is_err(), "strict reader accepts: {e}");
            return;
        }
        Err(e @ FeedError::WrongShape(_)) => {
            let _ = e.to_string();
            return;
        }
    };
    let mut ids = HashSet::new();
    for p in &feed.postings {
        assert!(!p.id.trim().is_empty() && !p.title.trim().is_empty() && !p.organization.trim().is_empty());
        assert!(ids.insert(p.id.as_str()), "id {:?} kept twice", p.id);
    }
    assert!(feed.rejected.len() <= MAX_LISTED_REJECTIONS);
    for w in feed.rejected.windows(2) {
        assert!(w[0].index < w[1].index, "rejections out of order: {:?}", feed.rejected);
    }
    for r in &feed.rejected {
        assert!(!r.message.is_empty());
        let _ = r.to_string();
    }
    if let Ok(all) = model::from_json(text.strip_prefix('\u{feff}').unwrap_or(text)) {
        let mut seen = HashSet::new();
        let clean = all.iter().all(|p| {
            seen.insert(p.id.as_str())
                && !p.id.trim().is_empty()
                && !p.title.trim().is_empty()
                && !p.organization.trim().is_empty()
                && p.hours_per_week.is_none_or(f32::is_finite)
        });
        if clean {
            assert_eq!(feed.postings, all, "lenient decoding lost records of a valid data file");
            assert!(feed.rejected.is_empty() && !feed.truncated, "{:?} {}", feed.rejected, feed.truncated);
        }
    }
    round_trip(&feed.postings);
    let n = feed.postings.len();
    let (merged, _, dropped) = feed::merge_from(vec![feed.postings.clone(), feed.postings]);
    assert_eq!(merged.len() + dropped, 2 * n);
    assert!(merged.len() <= n, "merge kept a second copy");
}

/// `model::from_json` (and the `vitrine check` reader) on the input; what `from_json` accepts must
/// come back equal through `to_json` → `from_json`.
pub fn data_file(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for p in check::check_data(&text) {
        assert!(!p.message.is_empty());
        let _ = p.render("fuzz.json");
    }
    // The widget's reader accepts what serde's derive accepts, and reads the same records (it
    // is more lenient only with values it skips: numbers beyond `f64`, nesting deeper than 128).
    // Ids are compared after `from_json` fills the missing ones.
    let ours = model::from_json(&text);
    if let Ok(mut theirs) = serde_json::from_str::<Vec<Posting>>(&text) {
        theirs.iter_mut().for_each(Posting::fill_id);
        assert_eq!(ours.as_ref().ok(), Some(&theirs), "serde reads this data file, the widget's reader not alike");
    }
    let Ok(postings) = ours else { return };
    // A number too large for `f32` would read as infinity, which `to_json` writes as `null`:
    // `from_json` refuses it, so what it accepts reads back the same.
    assert!(
        postings.iter().all(|p| p.hours_per_week.is_none_or(f32::is_finite)),
        "from_json read an infinite hours_per_week"
    );
    round_trip(&postings);
}

/// Writing a data file and reading it back gives the same records, and writing those the same text.
fn round_trip(postings: &[Posting]) {
    let json = model::to_json(postings);
    let back = model::from_json(&json).unwrap_or_else(|e| panic!("to_json output does not read back: {e}\n{json}"));
    assert_eq!(back, postings, "data-file round trip changed the records");
    assert_eq!(model::to_json(&back), json);
}

/// `embed::url::read`/`write`: the first line is the widget's prefix, the rest `location.search`.
///
/// Checks: reading what `write` wrote for the state read gives the same state; `write` is
/// idempotent; the host page's parameters are kept as they were, in order; a state made of
/// arbitrary values (taken from the input) survives `write` → `read`.
pub fn url_state(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let (prefix, search) = input.split_once('\n').unwrap_or(("", &input));
    let state = url::read(search, prefix);
    assert!(state.query.filters.values().flatten().all(|v| !v.is_empty()), "empty facet value read");
    let written = url::write(search, prefix, &state);
    assert_eq!(url::read(&written, prefix), state, "read(write(s)) != s for {written:?}");
    assert_eq!(url::write(&written, prefix, &state), written, "write is not idempotent");
    let host = |s: &str| -> Vec<String> {
        let own = url::write(s, prefix, &url::UrlState::default());
        own.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(str::to_string).collect()
    };
    assert_eq!(host(&written), host(search), "host parameters changed");

    // A state whose values are the input's `&`-pieces, decoded.
    let mut values = search.split('&').map(url::decode);
    let mut made = url::UrlState { offer: values.next().filter(|v| v.len() % 2 == 0), ..Default::default() };
    made.query.text = values.next().unwrap_or_default();
    for (i, v) in values.enumerate() {
        let facet = Facet::ALL[i % Facet::ALL.len()];
        if !v.is_empty() {
            made.query.filters.entry(facet).or_default().insert(v);
        }
    }
    made.query.sort = Sort::ALL[data.len() % Sort::ALL.len()];
    made.query.show_expired = data.first().is_some_and(|b| b & 1 == 1);
    let w = url::write(&written, prefix, &made);
    assert_eq!(url::read(&w, prefix), made, "state lost through {w:?}");
    assert_eq!(host(&w), host(search), "host parameters changed");
}

/// `embed::config::parse` on `name=value` lines (a line without `=` is a name with an empty value).
///
/// Checks: every setting stays in its documented range; preset values of closed facets are known
/// keys; every error names a `data-` attribute and a reason; `preset_accepts` runs on postings.
pub fn config(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let pairs: Vec<(String, String)> = input
        .split('\n')
        .map(|line| match line.split_once('=') {
            Some((n, v)) => (n.to_string(), v.to_string()),
            None => (line.to_string(), String::new()),
        })
        .collect();
    let (cfg, errors) = config::parse(&pairs);
    assert!((1..=500).contains(&cfg.page_size), "page size {}", cfg.page_size);
    if let Some(p) = &cfg.url_prefix {
        assert!(!p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'), "prefix {p:?}");
    }
    if let Some(t) = &cfg.title {
        assert!(!t.is_empty() && t.trim() == t, "title {t:?}");
    }
    if let Some(d) = cfg.today {
        assert_eq!(d.to_string().parse::<Date>(), Ok(d));
    }
    for s in &cfg.sources {
        assert!(!s.is_empty() && !s.chars().any(char::is_whitespace), "source {s:?}");
    }
    for (facet, values) in &cfg.preset {
        assert!(!values.is_empty(), "empty preset for {facet:?}");
        for v in values {
            let known = match facet {
                Facet::Kind => Kind::from_key(v).is_some(),
                Facet::Contract => Contract::from_key(v).is_some(),
                Facet::Country => Country::from_key(v).is_some(),
                Facet::Remote => Remote::from_key(v).is_some(),
                Facet::Theme => Theme::from_key(v).is_some(),
                Facet::Length => length::Length::from_key(v).is_some(),
                Facet::Start => start::is_key(v),
                Facet::Pay => pay::is_key(v),
                Facet::Region | Facet::City | Facet::Organization => !v.is_empty(),
            };
            assert!(known, "preset {facet:?} holds unknown value {v:?}");
        }
    }
    for e in &errors {
        assert!(e.attribute.starts_with("data-") && !e.reason.is_empty(), "{e:?}");
        let _ = e.to_string();
    }
    for (i, (_, value)) in pairs.iter().enumerate() {
        let _ = config::preset_accepts(&cfg.preset, &posting_from_line(i, value));
    }
}

/// A catalogue searched with arbitrary queries. Byte 0 picks the sort, byte 1 flags (show expired,
/// `only`), byte 2 the date, byte 3 which facets are filtered. Then the first line is the query
/// text; the rest is a data file when it reads as one, else one made-up posting per line.
///
/// Checks: `total` is the catalogue size; ids are distinct and in range; with `only`, results are
/// among the allowed slugs; facets come in `Facet::ALL` order and list every selected value once;
/// with no text, filter or `only`, every posting is either listed or counted as expired.
pub fn catalogue_search(data: &[u8]) {
    let (ctl, rest) = data.split_at(data.len().min(4));
    let byte = |i: usize| ctl.get(i).copied().unwrap_or(0);
    let input = String::from_utf8_lossy(rest);
    let (text, body) = input.split_once('\n').unwrap_or((&input, ""));
    let postings = match model::from_json(body) {
        Ok(p) => p,
        Err(_) => body.lines().enumerate().map(|(i, l)| posting_from_line(i, l)).collect(),
    };
    let catalogue = Catalogue::new(postings);
    let n = catalogue.len();
    let today = Date::from_day_number(18_000 + 30 * byte(2) as i64).expect("a day in 2019–2040");

    let mut query = Query {
        text: text.to_string(),
        sort: Sort::ALL[byte(0) as usize % Sort::ALL.len()],
        show_expired: byte(1) & 1 == 1,
        ..Query::default()
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    if byte(1) & 2 == 2 {
        let mut only: KeySet = words.iter().map(|w| w.to_string()).collect();
        only.extend(catalogue.postings().iter().step_by(2).map(|p| p.id.clone()));
        query.only = Some(only);
    }
    for (k, facet) in Facet::ALL.into_iter().enumerate() {
        // Eight bits for more than eight facets: the ninth shares the first's, and so on.
        if byte(3) >> (k % 8) & 1 == 0 {
            continue;
        }
        let set = query.filters.entry(facet).or_default();
        if let Some(p) = catalogue.postings().get(k % n.max(1)) {
            set.extend(facet_values(p, facet));
        }
        if let Some(w) = words.get(k) {
            set.insert(w.to_string());
        }
    }

    let results = catalogue.search(&query, today);
    check_results(&catalogue, &query, &results);
    let all = Query { show_expired: query.show_expired, sort: query.sort, ..Query::default() };
    let every = catalogue.search(&all, today);
    check_results(&catalogue, &all, &every);
    assert_eq!(every.ids.len() + every.expired_hidden, n, "postings lost without any filter");
    if all.show_expired {
        assert_eq!(every.expired_hidden, 0);
    }
    for id in 0..n as u32 {
        assert_eq!(catalogue.id_of(&catalogue.get(id).id).map(|i| catalogue.get(i).id.clone()), Some(catalogue.get(id).id.clone()));
    }
}

fn check_results(catalogue: &Catalogue, query: &Query, results: &vitrine::catalogue::Results) {
    let n = catalogue.len();
    assert_eq!(results.total, n);
    let mut seen = HashSet::new();
    for &id in &results.ids {
        assert!((id as usize) < n && seen.insert(id), "bad or repeated id {id}");
        if let Some(only) = &query.only {
            assert!(only.contains(&catalogue.get(id).id), "result outside `only`");
        }
    }
    let order: Vec<Facet> = results.facets.iter().map(|f| f.facet).collect();
    assert_eq!(order, Facet::ALL);
    for fc in &results.facets {
        let selected = query.filters.get(&fc.facet).cloned().unwrap_or_default();
        // Start and pay are chosen by range keys ("from-2026-09", "min-2000"), not by the values
        // they list: only the counts are checked.
        if matches!(fc.facet, Facet::Start | Facet::Pay) {
            for v in &fc.values {
                assert!(v.count > 0 || v.selected, "value listed at 0 without being selected: {v:?}");
            }
            continue;
        }
        for key in &selected {
            let hits = fc.values.iter().filter(|v| &v.value == key).count();
            assert_eq!(hits, 1, "selected {:?} «{key}» listed {hits} times", fc.facet);
        }
        for v in &fc.values {
            assert_eq!(v.selected, selected.contains(&v.value));
            assert!(v.count > 0 || v.selected, "value listed at 0 without being selected: {v:?}");
        }
    }
}

/// The keys a posting has for a facet (as `FacetValue::value` names them).
fn facet_values(p: &Posting, facet: Facet) -> Vec<String> {
    match facet {
        Facet::Kind => vec![p.kind.key().to_string()],
        Facet::Contract => vec![p.contract.key().to_string()],
        Facet::Country => p.places.iter().map(|pl| pl.country.key().to_string()).collect(),
        Facet::City => p.places.iter().filter_map(|pl| pl.city.clone()).collect(),
        Facet::Remote => p.remote.iter().map(|r| r.key().to_string()).collect(),
        Facet::Theme => p.themes.iter().map(|t| t.key().to_string()).collect(),
        Facet::Organization => vec![p.organization.clone()],
        Facet::Length => length::of(p).map(|l| l.key().to_string()).collect(),
        Facet::Start => start::value_of(p).into_iter().collect(),
        Facet::Pay => vec![pay::value_of(p)],
        Facet::Region => p.places.iter().filter_map(regions::region_of).map(str::to_string).collect(),
    }
}

/// A posting made from one line: its words fill the text fields, a hash of it picks the rest.
/// Deterministic, so a corpus file always gives the same catalogue.
pub fn posting_from_line(i: usize, line: &str) -> Posting {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ i as u64;
    for b in line.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    let mut bits = h;
    let mut pick = |n: u64| -> usize {
        let v = bits % n;
        bits = (bits / n) ^ ((bits << 7) | 1);
        v as usize
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let word = |k: usize| words.get(k).copied().unwrap_or("").to_string();
    let day = |v: usize| Date::from_day_number(19_000 + v as i64);
    let places = (0..pick(3))
        .map(|k| Place {
            city: Some(word(2 + k)).filter(|c| !c.is_empty()),
            postal_code: Some(word(4 + k)).filter(|_| k == 0),
            department: None,
            region: Some(word(5)).filter(|r| r.len() % 3 == 0),
            country: Country::ALL[(h >> (k * 3)) as usize % Country::ALL.len()],
        })
        .collect();
    let pay = (pick(3) > 0).then(|| Pay {
        min: Some(Amount::from_cents(pick(6_000_000) as u64)).filter(|v| v.cents() % 5 != 0),
        max: Some(Amount::from_cents(pick(4_000_000_000) as u64)).filter(|v| v.cents() % 4 != 0),
        period: [None, Some(PayPeriod::Year), Some(PayPeriod::Month), Some(PayPeriod::Hour)][pick(4)],
        currency: [Currency::EUR, Currency::CHF, Currency::CAD][pick(3)],
        basis: [None, Some(PayBasis::Gross), Some(PayBasis::Net)][pick(3)],
        text: word(6),
    });
    Posting {
        id: if words.is_empty() { format!("p{i}") } else { word(0) },
        kind: Kind::ALL[pick(7)],
        contract: Contract::ALL[pick(8)],
        title: words.get(1..4).map(|w| w.join(" ")).unwrap_or_else(|| line.to_string()),
        organization: word(1),
        partners: words.iter().skip(7).step_by(5).map(|w| w.to_string()).collect(),
        places,
        remote: [None, Some(Remote::None), Some(Remote::Partial), Some(Remote::Full)][pick(4)],
        pay,
        hours_per_week: (pick(2) == 0).then(|| pick(500) as f32 / 7.0),
        duration_months: (pick(2) == 0).then(|| MonthRange { min: pick(40) as u16, max: pick(40) as u16 }),
        start: match pick(4) {
            0 => None,
            1 => Some(Start::Asap),
            2 => YearMonth::new(2020 + pick(10) as u16, 1 + pick(12) as u8).map(Start::Month),
            _ => day(pick(4000)).map(Start::Date),
        },
        deadline: (pick(3) > 0).then(|| day(pick(4000))).flatten(),
        published: (pick(3) > 0).then(|| day(pick(4000))).flatten(),
        apply: Apply { emails: vec![word(8)], urls: Vec::new(), address: None, contact: None, instructions: None },
        themes: (0..pick(4)).map(|_| Theme::ALL[pick(Theme::ALL.len() as u64)]).collect(),
        body: vec![
            Block::Heading { text: word(9) },
            Block::Paragraph { text: line.to_string() },
            Block::List { items: vec![ListItem { text: word(10), children: vec![word(11)] }] },
        ],
        source: None,
    }
}
