//! The hand-checked seed records: `data/postings.json` read against the raw texts in `seeds/`, its label copy
//! `tests/labels/seeds.json`, and the committed JSON Schema `data/postings.schema.json`.
//!
//! These tests do not re-extract anything: they check that every labelled value can be traced back to the words
//! of its seed text (e-mails, dates, amounts, names, body blocks in reading order), and that the file is in the
//! exact form `vitrine::model::to_json` writes.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use vitrine::model::{self, Block, Country, Date, Posting, Start, Theme, YearMonth};

const DATA: &str = "data/postings.json";
const LABELS: &str = "tests/labels/seeds.json";
const SCHEMA: &str = "data/postings.schema.json";
const SEEDS: &str = "seeds";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    let path = root().join(rel);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn load() -> Vec<Posting> {
    model::from_json(&read(DATA))
        .unwrap_or_else(|e| panic!("{DATA}: not a valid list of postings: {e}"))
}

/// The raw text a record was labelled from.
fn seed_of(p: &Posting) -> String {
    let source = p
        .source
        .as_deref()
        .unwrap_or_else(|| panic!("{DATA}: record {}: field source: missing", p.id));
    read(&format!("{SEEDS}/{source}"))
}

/// The seed text with the markup the labels drop (bullets, `**`, `*x*`, `[x](#)`, `<url>`) removed and every
/// run of whitespace turned into one space, so label strings can be looked up in it.
fn plain(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let mut l = line.trim_start();
        for bullet in ["- ", "• ", "● ", "> ", "* "] {
            if let Some(rest) = l.strip_prefix(bullet) {
                l = rest;
                break;
            }
        }
        out.push_str(&strip_markup(l));
        out.push(' ');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_markup(line: &str) -> String {
    let mut s = line.replace("**", "").replace('*', "");
    // `[text](target)` -> `text`
    while let Some(open) = s.find('[') {
        let Some(close) = s[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = s[close..].find(')').map(|i| close + i) else {
            break;
        };
        s = format!("{}{}{}", &s[..open], &s[open + 1..close], &s[end + 1..]);
    }
    // `<https://…>` -> `https://…`
    while let Some(open) = s.find("<http") {
        let Some(end) = s[open..].find('>').map(|i| open + i) else {
            break;
        };
        s = format!("{}{}{}", &s[..open], &s[open + 1..end], &s[end + 1..]);
    }
    s
}

/// Byte offset of `needle` in `hay` at or after `from`, where the match is not glued to a letter or digit.
fn find_word(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let mut start = from;
    while let Some(i) = hay[start..].find(needle).map(|i| start + i) {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        let glued = |c: Option<char>, edge: Option<char>| matches!((c, edge), (Some(c), Some(e)) if c.is_alphanumeric() && e.is_alphanumeric());
        if !glued(before, needle.chars().next()) && !glued(after, needle.chars().next_back()) {
            return Some(i);
        }
        start = i + hay[i..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn has_word(hay: &str, needle: &str) -> bool {
    find_word(hay, needle, 0).is_some()
}

const MONTHS: [&[&str]; 12] = [
    &["janvier"],
    &["février", "fevrier"],
    &["mars"],
    &["avril"],
    &["mai"],
    &["juin"],
    &["juillet"],
    &["août", "aout"],
    &["septembre"],
    &["octobre"],
    &["novembre"],
    &["décembre", "decembre"],
];

/// The ways a text may write the day and month of `d` ("15 octobre", "1er mars", "10/01", "30.11", ISO).
fn day_month_forms(d: Date) -> Vec<String> {
    let (day, month) = (d.day(), d.month());
    let mut forms = Vec::new();
    for name in MONTHS[month as usize - 1] {
        forms.push(format!("{day} {name}"));
        forms.push(format!("{day:02} {name}"));
        if day == 1 {
            forms.push(format!("1er {name}"));
        }
    }
    for sep in ['/', '.'] {
        forms.push(format!("{day:02}{sep}{month:02}"));
        forms.push(format!("{day}{sep}{month}"));
    }
    forms.push(format!("{}-{month:02}-{day:02}", d.year()));
    forms
}

fn month_forms(m: YearMonth) -> Vec<String> {
    let (year, month) = (m.year(), m.month());
    let mut forms: Vec<String> = MONTHS[month as usize - 1]
        .iter()
        .map(|n| format!("{n} {year}"))
        .collect();
    forms.push(format!("{month:02}/{year}"));
    forms.push(format!("{month}/{year}"));
    forms.push(format!("{year}-{month:02}"));
    forms
}

/// A date is plausible when its day and month are written in the text and its year appears there too
/// (a year-less "avant le 17 juillet" takes its year from the rest of the text).
fn check_date(id: &str, field: &str, d: Date, text: &str, problems: &mut Vec<String>) {
    if !day_month_forms(d).iter().any(|f| has_word(text, f)) {
        problems.push(format!(
            "record {id}: field {field}: {d}: its day and month are not written in the seed text"
        ));
    }
    if !has_word(text, &d.year().to_string()) {
        problems.push(format!(
            "record {id}: field {field}: {d}: the year {} never appears in the seed text",
            d.year()
        ));
    }
}

/// Lowercase ASCII slug: accents folded, every run of other characters one `-`, first `max_words` words.
fn slug(s: &str, max_words: usize) -> String {
    let mut folded = String::new();
    for c in s.to_lowercase().chars() {
        let f = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_ascii_alphanumeric() => {
                folded.push(c);
                continue;
            }
            _ => " ",
        };
        folded.push_str(f);
    }
    folded
        .split_whitespace()
        .take(max_words)
        .collect::<Vec<_>>()
        .join("-")
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn fail_if_any(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{DATA}: {} problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

#[test]
fn data_file_round_trips_byte_for_byte() {
    let text = read(DATA);
    let again = model::to_json(&load());
    if again != text {
        let line = text
            .lines()
            .zip(again.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(text.lines().count().min(again.lines().count()));
        panic!(
            "{DATA} is not in the form vitrine::model::to_json writes; first difference at line {}:\n  file:    {:?}\n  written: {:?}",
            line + 1,
            text.lines().nth(line).unwrap_or("<end of file>"),
            again.lines().nth(line).unwrap_or("<end of file>"),
        );
    }
}

#[test]
fn labels_are_an_identical_copy() {
    assert!(
        read(DATA) == read(LABELS),
        "{LABELS} differs from {DATA}: the labels are the hand-checked records; fix both, then `cp {DATA} {LABELS}`"
    );
}

#[test]
fn one_record_per_seed_in_file_order() {
    let postings = load();
    let mut seeds: Vec<String> = fs::read_dir(root().join(SEEDS))
        .expect("seeds/ must exist")
        .map(|e| {
            e.expect("readable seeds/ entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".txt"))
        .collect();
    seeds.sort();
    let sources: Vec<String> = postings
        .iter()
        .map(|p| {
            p.source
                .clone()
                .unwrap_or_else(|| panic!("{DATA}: record {}: field source: missing", p.id))
        })
        .collect();
    for (p, s) in postings.iter().zip(&sources) {
        assert!(
            Path::new(&root().join(SEEDS).join(s)).is_file(),
            "{DATA}: record {}: field source: {s} is not a file in {SEEDS}/",
            p.id
        );
    }
    assert_eq!(
        sources, seeds,
        "{DATA}: the records' sources must be exactly the files of {SEEDS}/, in file order"
    );
}

#[test]
fn ids_are_unique_slugs_from_organization_and_title() {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for p in load() {
        let base = format!("{}-{}", slug(&p.organization, 4), slug(&p.title, 6));
        if !is_slug(&p.id) {
            problems.push(format!(
                "record {}: field id: not of the form [a-z0-9]+(-[a-z0-9]+)*",
                p.id
            ));
        }
        if !seen.insert(p.id.clone()) {
            problems.push(format!("record {}: field id: used twice", p.id));
        }
        let suffixed =
            p.id.strip_prefix(&format!("{base}-"))
                .is_some_and(|n| n.parse::<u32>().is_ok_and(|n| n >= 2));
        if p.id != base && !(suffixed && seen.contains(&base)) {
            problems.push(format!(
                "record {}: field id: the rule (organization 4 words + title 6 words) gives {base}",
                p.id
            ));
        }
    }
    fail_if_any(problems);
}

#[test]
fn apply_details_appear_in_the_seed_text() {
    let mut problems = Vec::new();
    for p in load() {
        let raw = seed_of(&p);
        let text = plain(&raw);
        let a = &p.apply;
        for e in &a.emails {
            let shaped = e.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !host.contains('@')
            });
            if !shaped {
                problems.push(format!(
                    "record {}: field apply.emails: {e:?} is not an e-mail address",
                    p.id
                ));
            }
            if !raw.contains(e.as_str()) {
                problems.push(format!(
                    "record {}: field apply.emails: {e} is not written in the seed text",
                    p.id
                ));
            }
        }
        for u in &a.urls {
            if !(u.starts_with("https://") || u.starts_with("http://")) || !raw.contains(u.as_str())
            {
                problems.push(format!(
                    "record {}: field apply.urls: {u} is not an http(s) link of the seed text",
                    p.id
                ));
            }
        }
        for (field, value) in [
            ("apply.contact", &a.contact),
            ("apply.instructions", &a.instructions),
        ] {
            if let Some(v) = value {
                if !text.contains(v.as_str()) {
                    problems.push(format!(
                        "record {}: field {field}: {v:?} is not in the seed text's words",
                        p.id
                    ));
                }
            }
        }
        if let Some(addr) = &a.address {
            for part in addr.split(", ") {
                if !text.contains(part) {
                    problems.push(format!(
                        "record {}: field apply.address: {part:?} is not in the seed text",
                        p.id
                    ));
                }
            }
        }
    }
    fail_if_any(problems);
}

#[test]
fn dates_are_plausible() {
    let mut problems = Vec::new();
    for p in load() {
        let text = plain(&seed_of(&p)).to_lowercase();
        let id = p.id.as_str();
        if let Some(d) = p.deadline {
            check_date(id, "deadline", d, &text, &mut problems);
        }
        if let Some(d) = p.published {
            check_date(id, "published", d, &text, &mut problems);
        }
        if let (Some(pub_), Some(dl)) = (p.published, p.deadline) {
            if dl < pub_ {
                problems.push(format!(
                    "record {id}: field deadline: {dl} is before the publication date {pub_}"
                ));
            }
        }
        match p.start {
            None => {}
            Some(Start::Asap) => {
                if !["dès que possible", "des que possible", "immédiatement"]
                    .iter()
                    .any(|f| text.contains(f))
                {
                    problems.push(format!(
                        "record {id}: field start: asap, but the text never says so"
                    ));
                }
            }
            Some(Start::Date(d)) => check_date(id, "start", d, &text, &mut problems),
            Some(Start::Month(m)) => {
                if !month_forms(m).iter().any(|f| has_word(&text, f)) {
                    problems.push(format!("record {id}: field start: {m}: the month and year are not written in the seed text"));
                }
            }
        }
        let start_day = match p.start {
            Some(Start::Date(d)) => Some(d),
            Some(Start::Month(m)) => Some(m.first_day()),
            _ => None,
        };
        if let (Some(s), Some(dl)) = (start_day, p.deadline) {
            if (s.year(), s.month()) < (dl.year(), dl.month()) {
                problems.push(format!(
                    "record {id}: field start: {s} is in a month before the deadline {dl}"
                ));
            }
        }
    }
    fail_if_any(problems);
}

/// Ways a text writes an amount: "29000", "29 000", "29.000", "29K", "29 k"; with cents "4,35", "4.35".
fn amount_forms(a: vitrine::model::Amount) -> Vec<String> {
    if a.fraction() != 0 {
        return vec![format!("{},{:02}", a.whole(), a.fraction()), format!("{}.{:02}", a.whole(), a.fraction())];
    }
    let n = a.whole();
    let mut forms = vec![n.to_string()];
    if n >= 1000 {
        forms.push(format!("{} {:03}", n / 1000, n % 1000));
        forms.push(format!("{}.{:03}", n / 1000, n % 1000));
        if n % 1000 == 0 {
            forms.push(format!("{}k", n / 1000));
            forms.push(format!("{} k", n / 1000));
        }
    }
    forms
}

#[test]
fn fields_are_true_to_the_text() {
    let mut problems = Vec::new();
    for p in load() {
        let text = plain(&seed_of(&p));
        let lower = text.to_lowercase();
        let id = p.id.as_str();
        let mut named = |field: &str, v: &str| {
            if v.trim().is_empty() || !has_word(&lower, &v.to_lowercase()) {
                problems.push(format!(
                    "record {id}: field {field}: {v:?} is not named in the seed text"
                ));
            }
        };
        named("title", &p.title);
        named("organization", &p.organization);
        for partner in &p.partners {
            named("partners", partner);
        }
        for place in &p.places {
            if let Some(city) = &place.city {
                named("places.city", city);
            }
        }
        for (i, partner) in p.partners.iter().enumerate() {
            if *partner == p.organization || p.partners[..i].contains(partner) {
                problems.push(format!("record {id}: field partners: {partner:?} repeats the organization or a partner"));
            }
        }
        for place in &p.places {
            if let Some(code) = &place.postal_code {
                let digits = code.bytes().all(|b| b.is_ascii_digit());
                let ok = match place.country {
                    Country::FR => digits && code.len() == 5,
                    Country::BE | Country::CH => digits && code.len() == 4,
                    Country::CA => code.len() == 7 && code.as_bytes()[3] == b' ',
                };
                if !ok {
                    problems.push(format!(
                        "record {id}: field places.postal_code: {code:?} is not a {:?} postal code",
                        place.country
                    ));
                }
            }
        }
        if let Some(pay) = &p.pay {
            if !text.contains(pay.text.as_str()) {
                problems.push(format!(
                    "record {id}: field pay.text: {:?} is not in the seed text's words",
                    pay.text
                ));
            }
            for (field, v) in [("pay.min", pay.min), ("pay.max", pay.max)] {
                if let Some(n) = v {
                    if !amount_forms(n).iter().any(|f| has_word(&lower, f)) {
                        problems.push(format!(
                            "record {id}: field {field}: {n} is not written in the seed text"
                        ));
                    }
                }
            }
            if let (Some(lo), Some(hi)) = (pay.min, pay.max) {
                if lo > hi {
                    problems.push(format!("record {id}: field pay: min {lo} > max {hi}"));
                }
            }
        }
        if let Some(d) = p.duration_months {
            let mut forms = vec![format!("{} mois", d.max)];
            if d.max % 12 == 0 {
                let years = d.max / 12;
                forms.push(format!("{years} an"));
                forms.push(format!("{years} ans"));
            }
            if d.min > d.max || !forms.iter().any(|f| has_word(&lower, f)) {
                problems.push(format!("record {id}: field duration_months: {}–{} months is not written in the seed text", d.min, d.max));
            }
            if d.min != d.max
                && ![" à ", "-", " et "]
                    .iter()
                    .any(|sep| has_word(&lower, &format!("{}{sep}{}", d.min, d.max)))
            {
                problems.push(format!("record {id}: field duration_months: the range {}–{} is not written in the seed text", d.min, d.max));
            }
        }
        if let Some(h) = p.hours_per_week {
            let n = if h.fract() == 0.0 {
                format!("{h:.0}")
            } else {
                format!("{h}").replace('.', ",")
            };
            if !["h", " h", " heures"]
                .iter()
                .any(|u| has_word(&lower, &format!("{n}{u}")))
            {
                problems.push(format!(
                    "record {id}: field hours_per_week: {h} hours are not written in the seed text"
                ));
            }
        }
        let order: Vec<usize> = p
            .themes
            .iter()
            .map(|t| {
                Theme::ALL
                    .iter()
                    .position(|a| a == t)
                    .expect("theme in ALL")
            })
            .collect();
        if order.windows(2).any(|w| w[0] >= w[1]) {
            problems.push(format!(
                "record {id}: field themes: keep them unique and in the model's order"
            ));
        }
    }
    fail_if_any(problems);
}

/// Site junk the labels drop; none of it may survive in a body.
const JUNK: [&str; 6] = [
    "skip to content",
    "back to top",
    "activez les alertes",
    "voir site internet",
    "twitter",
    "nous suivre sur les réseaux",
];

#[test]
fn body_keeps_the_words_of_the_text_in_reading_order() {
    let mut problems = Vec::new();
    for p in load() {
        let text = plain(&seed_of(&p)).to_lowercase();
        let id = p.id.as_str();
        if p.body.is_empty() {
            problems.push(format!("record {id}: field body: empty"));
        }
        let mut strings: Vec<(String, &str)> = Vec::new();
        for (i, block) in p.body.iter().enumerate() {
            match block {
                Block::Heading { text } => strings.push((format!("body[{i}] heading"), text)),
                Block::Paragraph { text } => strings.push((format!("body[{i}] paragraph"), text)),
                Block::List { items } => {
                    if items.is_empty() {
                        problems.push(format!(
                            "record {id}: field body[{i}]: a list without items"
                        ));
                    }
                    for (j, item) in items.iter().enumerate() {
                        strings.push((format!("body[{i}].items[{j}]"), &item.text));
                        for (k, child) in item.children.iter().enumerate() {
                            strings.push((format!("body[{i}].items[{j}].children[{k}]"), child));
                        }
                    }
                }
            }
        }
        let mut cursor = 0;
        let mut order_reported = false;
        for (where_, s) in strings {
            let clean = s == s.trim()
                && !s.is_empty()
                && !s.contains("  ")
                && !s.contains("**")
                && !s.contains("](")
                && !s.contains("<http")
                && !["-", "•", "●", ">", "*"].iter().any(|b| s.starts_with(b));
            if !clean {
                problems.push(format!(
                    "record {id}: field {where_}: {s:?} keeps markup, bullets or stray whitespace"
                ));
                continue;
            }
            let low = s.to_lowercase();
            if let Some(junk) = JUNK.iter().find(|j| low.contains(*j)) {
                problems.push(format!(
                    "record {id}: field {where_}: keeps site junk {junk:?}"
                ));
            }
            match text[cursor..].find(&low) {
                Some(at) => cursor += at + low.len(),
                None if text.contains(&low) => {
                    // Later blocks are measured from the same point, so one misplaced block reports once.
                    if !order_reported {
                        problems.push(format!(
                            "record {id}: field {where_}: {s:?} is out of reading order"
                        ));
                        order_reported = true;
                    }
                }
                None => problems.push(format!(
                    "record {id}: field {where_}: {s:?} is not in the seed text's words"
                )),
            }
        }
    }
    fail_if_any(problems);
}

#[test]
fn committed_schema_matches_the_model() {
    let schema = schemars::schema_for!(Vec<Posting>);
    let mut generated = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    generated.push('\n');
    let path = root().join(SCHEMA);
    if std::env::var("VITRINE_BLESS").is_ok_and(|v| v == "1") {
        fs::write(&path, &generated)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA} is missing or out of date with src/model; regenerate it with `VITRINE_BLESS=1 cargo test --test data_file` and commit it"
    );
}
