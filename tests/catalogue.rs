//! The search core over real records: `data/postings.json` when present (else a small set built
//! here), checked against a plain scan of the same postings, plus queries a visitor would type.
//! An ignored test times searches over a large synthetic corpus (see `throughput`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Instant;

use vitrine::catalogue::fold::{index_words, query_terms};
use vitrine::catalogue::{Catalogue, Date, Facet, Id, Query, Results, Sort};
use vitrine::model::{self, Block, Contract, Posting};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn day(s: &str) -> Date {
    s.parse().expect("test date")
}

/// `data/postings.json` if it exists, else postings written here in the same shape.
fn postings() -> Vec<Posting> {
    let path = root().join("data/postings.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => model::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        Err(_) => model::from_json(FALLBACK).expect("fallback postings"),
    }
}

const FALLBACK: &str = r#"[
 {"id": "possible-charge-e-d-etudes", "kind": "emploi", "contract": "cdd", "title": "Chargé.e d’études",
  "organization": "Association Possible", "partners": ["Ronalpia"],
  "places": [{"city": "Lyon", "postal_code": "69009", "department": "Rhône", "region": "Auvergne-Rhône-Alpes", "country": "FR"}],
  "remote": "partial", "pay": {"min": 29000, "max": 29000, "period": "year", "text": "29K€ brut par an"},
  "deadline": "2025-10-15", "themes": ["justice", "insertion"],
  "body": [{"type": "heading", "text": "Les missions"},
           {"type": "list", "items": [{"text": "Réaliser un diagnostic systémique"}, {"text": "Diffuser nos travaux de recherche"}]},
           {"type": "paragraph", "text": "Télétravail possible. Mise en œuvre d'une démarche expérimentale."}]},
 {"id": "labo-charge-e-des-projets-collectifs", "kind": "emploi", "contract": "cdd", "title": "Chargé·e des projets collectifs",
  "organization": "Le Labo de l'ESS",
  "places": [{"city": "Paris", "postal_code": "75007", "region": "Île-de-France", "country": "FR"}],
  "remote": "partial", "pay": {"text": "à négocier"}, "deadline": "2023-07-17", "themes": ["transition_ecologique", "ess"],
  "body": [{"type": "paragraph", "text": "Nourrir la réflexion de ses acteur·rice·s sur l'économie sociale et solidaire."}]},
 {"id": "alinsky-assistant-recherche-action", "kind": "stage", "contract": "stage",
  "title": "Assistant de Recherche-action collective « Démocratie Vitale dans les quartiers HLM »",
  "organization": "Institut Alinsky", "partners": ["Justice Ensemble"],
  "places": [{"city": "Villeurbanne", "postal_code": "69100", "country": "FR"}],
  "pay": {"text": "Gratification : légale"}, "themes": ["logement", "democratie"],
  "body": [{"type": "paragraph", "text": "Accompagner les habitant·es et les élu·es ; pouvoir d’agir."}]},
 {"id": "ama-charge-e-de-projet", "kind": "emploi", "contract": "cdd", "title": "Chargé.e de projet – étude recherche-action",
  "organization": "AMA", "partners": ["L’Ilot"], "places": [{"city": "Bruxelles", "region": "Bruxelles-Capitale", "country": "BE"}],
  "pay": {"text": "barème 2 de la CCT 319.02"}, "deadline": "2024-01-10", "themes": ["precarite"],
  "apply": {"contact": "Marie Sadzot, co-responsable RH"},
  "body": [{"type": "paragraph", "text": "Le secteur du sans-abrisme et les professionnel·les face à la violence."}]},
 {"id": "possible-referentiel", "kind": "projet", "title": "Réalisation d'un référentiel d'évaluation d'impact",
  "organization": "Association Possible", "published": "2023-04-20",
  "places": [{"city": "Lyon", "country": "FR"}], "themes": ["justice", "insertion", "ess"]}
]"#;

// ---------------------------------------------------------------------------------------------
// A plain scan, written independently of the index, to compare `search` with.

/// Every indexed word of a posting, by the rules of the brief (same tokeniser, own field list).
fn scan_words(p: &Posting) -> BTreeSet<String> {
    let mut texts: Vec<&str> = vec![&p.title, &p.organization, p.kind.label()];
    texts.extend(p.partners.iter().map(String::as_str));
    for place in &p.places {
        texts.extend(
            [&place.city, &place.postal_code, &place.department, &place.region]
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
        texts.push(place.country.label());
    }
    if p.contract != Contract::None {
        texts.push(p.contract.label());
    }
    texts.extend(p.themes.iter().map(|t| t.label()));
    texts.extend(p.pay.iter().map(|pay| pay.text.as_str()));
    texts.extend(p.apply.contact.as_deref());
    for b in &p.body {
        match b {
            Block::Heading { text } | Block::Paragraph { text } => texts.push(text),
            Block::List { items } => {
                for it in items {
                    texts.push(&it.text);
                    texts.extend(it.children.iter().map(String::as_str));
                }
            }
        }
    }
    texts.iter().flat_map(|t| index_words(t)).collect()
}

fn facet_values(p: &Posting, f: Facet) -> BTreeSet<String> {
    match f {
        Facet::Kind => [p.kind.key().to_string()].into(),
        Facet::Contract => [p.contract.key().to_string()].into(),
        Facet::Remote => p.remote.iter().map(|r| r.key().to_string()).collect(),
        Facet::Country => p.places.iter().map(|pl| pl.country.key().to_string()).collect(),
        Facet::Pay => [vitrine::catalogue::pay::value_of(p)].into(),
        Facet::Start => vitrine::catalogue::start::value_of(p).into_iter().collect(),
        Facet::Length => vitrine::catalogue::length::of(p).map(|l| l.key().to_string()).collect(),
        Facet::Region => p.places.iter().filter_map(vitrine::catalogue::regions::region_of).map(String::from).collect(),
        Facet::City => p.places.iter().filter_map(|pl| pl.city.clone()).filter(|c| !c.trim().is_empty()).collect(),
        Facet::Theme => p.themes.iter().map(|t| t.key().to_string()).collect(),
        Facet::Organization => [p.organization.clone()].into_iter().filter(|o| !o.trim().is_empty()).collect(),
    }
}

struct Scan {
    words: Vec<BTreeSet<String>>,
    /// Per query text already scanned, which postings it matches (each text is checked with
    /// several filter sets).
    matched: std::cell::RefCell<BTreeMap<String, Vec<bool>>>,
}

/// The optimal-string-alignment distance (a letter wrong, missing, extra, two neighbours swapped).
fn osa(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d: Vec<Vec<usize>> = (0..=a.len()).map(|i| (0..=b.len()).map(|j| if i == 0 { j } else { i }).collect()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]));
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// Whether the indexed word `w` matches the query word `q`: as a prefix, or (letters only) a typo
/// away: one edit from 5 letters, two from 9.
fn word_matches(q: &str, w: &str) -> bool {
    let n = q.chars().count();
    let edits = if n >= 9 { 2 } else if n >= 5 { 1 } else { 0 };
    let digits = |s: &str| s.chars().any(|c| c.is_ascii_digit());
    if w.starts_with(q) {
        return true;
    }
    // The distance is at least the difference of lengths: no need to compute it then.
    edits > 0 && n.abs_diff(w.chars().count()) <= edits && !digits(q) && !digits(w) && osa(q, w) <= edits
}

impl Scan {
    fn new(ps: &[Posting]) -> Scan {
        Scan { words: ps.iter().map(scan_words).collect(), matched: Default::default() }
    }

    fn text_matches(&self, id: usize, text: &str) -> bool {
        let mut cache = self.matched.borrow_mut();
        let matched = cache.entry(text.to_string()).or_insert_with(|| {
            let terms = query_terms(text);
            let matches = |words: &BTreeSet<String>| {
                terms.iter().all(|t| t.prefixes.iter().any(|pre| words.iter().any(|w| word_matches(pre, w))))
            };
            self.words.iter().map(matches).collect()
        });
        matched[id]
    }

    fn facet_ok(ps: &[Posting], id: usize, q: &Query, f: Facet) -> bool {
        match q.filters.get(&f) {
            // A minimum pay keeps every amount above it; no minimum, every offer.
            Some(sel) if !sel.is_empty() && f == Facet::Pay => {
                facet_values(&ps[id], f).iter().any(|v| vitrine::catalogue::pay::selects(sel, v))
            }
            Some(sel) if !sel.is_empty() => facet_values(&ps[id], f).iter().any(|v| sel.contains(v)),
            _ => true,
        }
    }

    /// Ids in data order, expired hidden count, and facet counts as sorted maps.
    #[allow(clippy::type_complexity)]
    fn run(&self, ps: &[Posting], q: &Query, today: Date) -> (Vec<Id>, usize, Vec<BTreeMap<String, usize>>) {
        let visible = |id: usize| q.show_expired || ps[id].deadline.is_none_or(|d| d >= today);
        let base: Vec<usize> = (0..ps.len()).filter(|&id| self.text_matches(id, &q.text)).collect();
        let all_facets = |id: usize| Facet::ALL.iter().all(|&f| Self::facet_ok(ps, id, q, f));
        let ids = base.iter().copied().filter(|&id| all_facets(id) && visible(id)).map(|id| id as Id).collect();
        let hidden = base.iter().filter(|&&id| all_facets(id) && !visible(id)).count();
        let counts = Facet::ALL
            .iter()
            .map(|&f| {
                let mut m = BTreeMap::new();
                for &id in &base {
                    let others = Facet::ALL.iter().all(|&g| g == f || Self::facet_ok(ps, id, q, g));
                    if others && visible(id) {
                        for v in facet_values(&ps[id], f) {
                            *m.entry(v).or_insert(0) += 1;
                        }
                    }
                }
                if let Some(sel) = q.filters.get(&f) {
                    for v in sel {
                        m.entry(v.clone()).or_insert(0);
                    }
                }
                m
            })
            .collect();
        (ids, hidden, counts)
    }
}

fn as_maps(r: &Results) -> Vec<BTreeMap<String, usize>> {
    r.facets.iter().map(|fc| fc.values.iter().map(|v| (v.value.clone(), v.count)).collect()).collect()
}

/// Compares `search` with the scan for `q`, and checks result order invariants.
fn check(cat: &Catalogue, scan: &Scan, q: &Query, today: Date) {
    let r = cat.search(q, today);
    let (ids, hidden, counts) = scan.run(cat.postings(), q, today);
    let mut got = r.ids.clone();
    got.sort_unstable();
    assert_eq!(got, ids, "ids for {q:?}");
    assert_eq!(r.expired_hidden, hidden, "expired_hidden for {q:?}");
    assert_eq!(as_maps(&r), counts, "facet counts for {q:?}");
    assert_eq!(r.total, cat.len());
    for fc in &r.facets {
        // Lengths keep their order, shortest first; the rest go by count.
        if fc.facet == Facet::Length {
            let rank = |key: &str| vitrine::catalogue::length::Length::from_key(key).map(|l| l as usize);
            assert!(fc.values.windows(2).all(|w| rank(&w[0].value) < rank(&w[1].value) || rank(&w[1].value).is_none()));
        } else if fc.facet == Facet::Pay {
            let known: Vec<String> = fc.values.iter().filter(|v| !(v.selected && v.count == 0)).map(|v| vitrine::catalogue::pay::sort_label(&v.value)).collect();
            assert!(known.windows(2).all(|w| w[0] < w[1]), "pay values in order: {known:?}");
        } else if fc.facet == Facet::Start {
            // "asap", then the months in order (then chosen range bounds no offer has).
            let rank = |key: &str| if key == "asap" { String::new() } else { key.to_string() };
            let known: Vec<String> = fc.values.iter().filter(|v| v.count > 0 || !v.selected).map(|v| rank(&v.value)).collect();
            assert!(known.windows(2).all(|w| w[0] < w[1]), "start values in order: {known:?}");
        } else {
            assert!(fc.values.windows(2).all(|w| w[0].count >= w[1].count), "{:?} not by count", fc.facet);
        }
        for v in &fc.values {
            assert_eq!(v.selected, q.is_selected(fc.facet, &v.value));
        }
    }
}

/// Queries built from the data: every indexed word, some of its prefixes, pairs of words.
fn queries_from(ps: &[Posting]) -> Vec<String> {
    let vocab: BTreeSet<String> = ps.iter().flat_map(scan_words).collect();
    let mut qs: Vec<String> = Vec::new();
    for (i, w) in vocab.iter().enumerate() {
        qs.push(w.clone());
        let chars: Vec<char> = w.chars().collect();
        if i % 3 == 0 && chars.len() > 2 {
            qs.push(chars[..chars.len() / 2].iter().collect());
        }
        // Typos: two middle letters swapped, a letter dropped, a letter wrong.
        if i % 4 == 0 && chars.len() >= 5 {
            let m = chars.len() / 2;
            let mut swapped = chars.clone();
            swapped.swap(m - 1, m);
            qs.push(swapped.into_iter().collect());
            let mut dropped = chars.clone();
            dropped.remove(m);
            qs.push(dropped.into_iter().collect());
            let mut wrong = chars.clone();
            wrong[1] = if wrong[1] == 'x' { 'y' } else { 'x' };
            qs.push(wrong.into_iter().collect());
        }
    }
    let words: Vec<&String> = vocab.iter().collect();
    for i in (0..words.len()).step_by(7) {
        qs.push(format!("{} {}", words[i], words[(i * 13 + 5) % words.len()]));
    }
    qs.extend(
        ["a", "z", "chargee", "charge", "chargé·e", "recherche-action", "d'etudes", "zzzz", "", "cordinateur", "educatuer", "bruxeles", "accompagnemnt"]
            .map(String::from),
    );
    qs
}

#[test]
fn search_agrees_with_a_plain_scan() {
    agree_with_scan(postings());
    agree_with_scan(model::from_json(FALLBACK).expect("fallback postings"));
}

fn agree_with_scan(ps: Vec<Posting>) {
    let scan = Scan::new(&ps);
    let cat = Catalogue::new(ps.clone());
    // A day on which some seeds are expired and some not.
    let today = day("2024-01-01");
    let mut filter_sets: Vec<Vec<(Facet, Vec<String>)>> = Vec::new();
    for f in Facet::ALL {
        let values: BTreeSet<String> = ps.iter().flat_map(|p| facet_values(p, f)).collect();
        let first: Vec<String> = values.iter().take(2).cloned().collect();
        if first.is_empty() {
            continue; // no posting of this corpus has a value in this facet
        }
        filter_sets.push(vec![(f, first[..1].to_vec())]);
        filter_sets.push(vec![(f, first.clone())]);
        filter_sets.push(vec![(f, vec!["inconnu".into()]), (Facet::Kind, vec!["emploi".into()])]);
    }
    filter_sets.push(vec![(Facet::Pay, vec!["min-2000".into()])]);
    filter_sets.push(vec![(Facet::Pay, vec!["min-1500".into(), "unstated".into()]), (Facet::Kind, vec!["emploi".into()])]);
    filter_sets.push(vec![
        (Facet::City, vec!["Lyon".into(), "Paris".into()]),
        (Facet::Theme, vec!["justice".into(), "ess".into()]),
    ]);
    for (i, text) in queries_from(&ps).into_iter().enumerate() {
        // Each text without filters and with two of the filter sets, in turn.
        let sets = [&vec![], &filter_sets[i % filter_sets.len()], &filter_sets[(i * 7 + 3) % filter_sets.len()]];
        for filters in sets {
            for show_expired in [false, true] {
                let mut q = Query { text: text.clone(), show_expired, ..Query::default() };
                for (f, vs) in filters {
                    q.filters.insert(*f, vs.iter().cloned().collect());
                }
                check(&cat, &scan, &q, today);
            }
        }
    }
}

fn slugs(cat: &Catalogue, q: &str) -> Vec<String> {
    let r = cat.search(&Query { text: q.into(), show_expired: true, ..Query::default() }, day("2025-01-01"));
    r.ids.iter().map(|&id| cat.get(id).id.clone()).collect()
}

/// Slugs of the postings whose folded title contains `needle`.
fn titled(cat: &Catalogue, needle: &str) -> BTreeSet<String> {
    let needle = vitrine::catalogue::fold::fold(needle);
    cat.postings()
        .iter()
        .filter(|p| vitrine::catalogue::fold::fold(&p.title).contains(&needle))
        .map(|p| p.id.clone())
        .collect()
}

#[test]
fn visitor_queries() {
    let cat = Catalogue::new(postings());
    // Inclusive titles ("Chargé.e", "Chargé·e") are found with and without the feminine.
    let charge = titled(&cat, "chargé");
    assert!(charge.len() >= 2, "the seeds have several Chargé·e titles: {charge:?}");
    for q in ["chargee", "charge", "CHARGÉE", "chargé·e", "charg"] {
        let found: BTreeSet<String> = slugs(&cat, q).into_iter().collect();
        assert!(found.is_superset(&charge), "{q}: {found:?}");
        // Title matches come first.
        assert!(slugs(&cat, q)[..charge.len()].iter().all(|s| charge.contains(s)), "{q}");
    }
    // Compounds: by the whole and by the parts.
    let ra = titled(&cat, "recherche-action");
    assert!(!ra.is_empty());
    for q in ["recherche-action", "rechercheaction", "recherche action", "action recherche"] {
        let found: BTreeSet<String> = slugs(&cat, q).into_iter().collect();
        assert!(found.is_superset(&ra), "{q}: {found:?}");
    }
    // Accents and apostrophes: the title "… d’études" is found by "d'etudes" and by "etudes".
    let etudes = titled(&cat, "études");
    for q in ["d'etudes", "d’études", "etudes", "ETUDES"] {
        let found: BTreeSet<String> = slugs(&cat, q).into_iter().collect();
        assert!(found.is_superset(&etudes), "{q}");
    }
    // A place finds its postings; a word nobody wrote finds nothing.
    let lyon: BTreeSet<String> = cat
        .postings()
        .iter()
        .filter(|p| p.places.iter().any(|pl| pl.city.as_deref() == Some("Lyon")))
        .map(|p| p.id.clone())
        .collect();
    assert!(!lyon.is_empty());
    assert!(slugs(&cat, "lyon").into_iter().collect::<BTreeSet<_>>().is_superset(&lyon));
    assert!(slugs(&cat, "xylophoniste").is_empty());
    // An organization's own postings rank before postings that merely mention it.
    let org = &cat.get(0).organization;
    let found = slugs(&cat, org);
    let own = cat.postings().iter().filter(|p| &p.organization == org || fold_eq(&p.title, org)).count();
    assert!(found[..own].iter().all(|s| {
        let p = cat.get(cat.id_of(s).unwrap());
        &p.organization == org || fold_eq(&p.title, org)
    }));
}

fn fold_eq(title: &str, org: &str) -> bool {
    let t = index_words(title);
    index_words(org).iter().all(|w| t.contains(w))
}

#[test]
fn every_posting_is_found_by_its_title_and_its_slug_resolves() {
    let cat = Catalogue::new(postings());
    for (i, p) in cat.postings().iter().enumerate() {
        assert_eq!(cat.id_of(&p.id), Some(i as Id));
        let r = cat.search(&Query { text: p.title.clone(), show_expired: true, ..Query::default() }, day("2025-01-01"));
        assert_eq!(r.ids.first().map(|&id| cat.get(id).title.as_str()), Some(p.title.as_str()), "{}", p.title);
    }
}

#[test]
fn sorts_over_the_data() {
    let cat = Catalogue::new(postings());
    let today = day("2024-01-01");
    let run = |sort| cat.search(&Query { sort, show_expired: true, ..Query::default() }, today).ids;
    let recent = run(Sort::Recent);
    assert_eq!(recent.len(), cat.len());
    let published: Vec<Option<Date>> = recent.iter().map(|&id| cat.get(id).published).collect();
    // Dated first, newest first; then undated in data order.
    let dated = published.iter().take_while(|d| d.is_some()).count();
    assert!(published[..dated].windows(2).all(|w| w[0] >= w[1]));
    assert!(published[dated..].iter().all(Option::is_none));
    assert!(recent[dated..].windows(2).all(|w| w[0] < w[1]));
    let closing = run(Sort::ClosingSoon);
    let rank = |id: Id| match cat.get(id).deadline {
        Some(d) if d >= today => (0, d.day_number()),
        None => (1, 0),
        Some(d) => (2, -d.day_number()),
    };
    assert!(closing.windows(2).all(|w| rank(w[0]) <= rank(w[1])));
    let pay = run(Sort::Pay);
    let yearly = |id: Id| cat.get(id).pay.as_ref().and_then(|p| p.yearly());
    assert!(pay.windows(2).all(|w| match (yearly(w[0]), yearly(w[1])) {
        (Some(a), Some(b)) => a >= b,
        (None, Some(_)) => false,
        _ => true,
    }));
}

// ---------------------------------------------------------------------------------------------
// Throughput: `python3 /work/shared/bench/gen_corpus.py --n 10000 --out /tmp/jobs.json`, then
// `cargo test --release --test catalogue -- --ignored --nocapture` (corpus path overridable with
// VITRINE_BENCH_CORPUS). Prints timings; asserts only that the corpus loaded and searches agree
// with the plain scan on a sample.

/// Maps one record of the generator's JSON (its own field names) to the model's JSON.
fn from_generator(r: &serde_json::Value) -> serde_json::Value {
    use serde_json::{json, Value};
    let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
    let contract = match r["contract"].as_str().unwrap_or_default() {
        "CDI" => "cdi",
        "CDD" | "Intérim" => "cdd",
        "Stage" => "stage",
        "Volontariat" => "service_civique",
        "Bénévolat" => "benevolat",
        "Apprentissage" | "Contrat de professionnalisation" => "alternance",
        "Indépendant" => "freelance",
        other => panic!("unknown generator contract {other:?}"),
    };
    let themes: Vec<&str> = r["themes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| {
            Some(match t.as_str()? {
                "Égalité femmes-hommes" => "egalite",
                "Numérique" => "numerique",
                "Culture" => "culture",
                "Agriculture" | "Alimentation" => "alimentation",
                "Santé" => "sante",
                "Sport" => "sport",
                "Insertion" => "insertion",
                "Handicap" => "handicap",
                "Éducation" => "education",
                "Solidarité" => "precarite",
                "Droits humains" => "justice",
                "Environnement" => "transition_ecologique",
                "Mobilité internationale" => "migrations",
                "Jeunesse" => "jeunesse",
                "Logement" => "logement",
                "Économie sociale et solidaire" => "ess",
                _ => return None,
            })
        })
        .collect();
    let period = match r["salary_period"].as_str() {
        Some("année") => Value::from("year"),
        Some("mois") => Value::from("month"),
        _ => Value::Null,
    };
    let pay = match (r["salary_min"].as_u64(), r["salary_max"].as_u64()) {
        (None, None) => Value::Null,
        (min, max) => json!({"min": min, "max": max, "period": period,
            "text": format!("{} à {} € ({})", min.unwrap_or(0), max.unwrap_or(0), s("salary_period"))}),
    };
    let mut body = Vec::new();
    for section in s("body").split("\n\n") {
        let mut lines = section.lines();
        if let Some(h) = lines.next() {
            body.push(json!({"type": "heading", "text": h}));
        }
        let mut items = Vec::new();
        for line in lines {
            match line.strip_prefix("– ") {
                Some(item) => items.push(json!({"text": item})),
                None => body.push(json!({"type": "paragraph", "text": line})),
            }
        }
        if !items.is_empty() {
            body.push(json!({"type": "list", "items": items}));
        }
    }
    let mut out = json!({
        "id": s("id"), "kind": s("kind"), "contract": contract, "title": s("title"), "organization": s("organization"),
        "places": [{"city": s("city"), "region": s("region"), "country": s("country")}],
        "remote": if r["remote"].as_bool() == Some(true) { "partial" } else { "none" },
        "themes": themes, "body": body,
    });
    for k in ["published", "deadline"] {
        if let Some(d) = r[k].as_str() {
            out[k] = d.into();
        }
    }
    if !pay.is_null() {
        out["pay"] = pay;
    }
    out
}

fn time<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed().as_secs_f64() * 1000.0)
}

#[test]
#[ignore = "needs the generated corpus; prints timings"]
fn throughput() {
    let path = std::env::var("VITRINE_BENCH_CORPUS").unwrap_or_else(|_| "/tmp/jobs.json".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e} (run gen_corpus.py first)"));
    let raw: Vec<serde_json::Value> = serde_json::from_str(&text).expect("generator JSON");
    let ps: Vec<Posting> =
        raw.iter().map(|r| serde_json::from_value(from_generator(r)).expect("mapped record is a Posting")).collect();
    let chars: usize = raw.iter().map(|r| r["body"].as_str().map_or(0, |b| b.chars().count())).sum();
    println!("{} postings, ~{} body chars each", ps.len(), chars / ps.len().max(1));
    let sample: Vec<Posting> = ps.iter().take(300).cloned().collect();
    let (words, ms) = time(|| {
        let mut tok = vitrine::catalogue::fold::Tokenizer::new();
        let mut n = 0usize;
        for p in &ps {
            for b in &p.body {
                if let Block::Paragraph { text } | Block::Heading { text } = b {
                    tok.words(text, |_| n += 1);
                }
            }
        }
        n
    });
    println!("tokenising paragraphs alone: {ms:.0} ms for {words} words");
    let (cat, ms) = time(|| Catalogue::new(ps));
    let (words, entries) = cat.index_size();
    println!("build: {ms:.0} ms; {words} words, {entries} entries ({:.1} MB of lists)", entries as f64 * 4.0 / 1e6);
    let (bytes, typo) = cat.index_bytes();
    println!("index: {:.2} MB, of which typo signatures {:.2} MB (+{:.1} %)", bytes as f64 / 1e6, typo as f64 / 1e6, 100.0 * typo as f64 / (bytes - typo) as f64);

    let today = day("2025-09-01");
    let mut typed = Vec::new();
    for phrase in ["chargé de mission lyon", "coordinatrice jeunesse", "animateur", "cordinateur educatuer"] {
        for end in phrase.char_indices().map(|(i, c)| i + c.len_utf8()) {
            typed.push(phrase[..end].to_string());
        }
    }
    let mut worst = (0.0, String::new());
    let mut total = 0.0;
    for t in &typed {
        let (r, ms) = time(|| cat.search(&Query { text: t.clone(), ..Query::default() }, today));
        total += ms;
        if ms > worst.0 {
            worst = (ms, format!("{t:?} ({} results)", r.ids.len()));
        }
    }
    println!(
        "typing {} keystrokes: mean {:.2} ms, worst {:.2} ms for {}",
        typed.len(),
        total / typed.len() as f64,
        worst.0,
        worst.1
    );
    let mut filtered = Query { text: "projet".into(), sort: Sort::ClosingSoon, ..Query::default() };
    filtered.filters.insert(Facet::Country, ["FR".to_string(), "BE".to_string()].into());
    filtered.filters.insert(Facet::Kind, ["emploi".to_string()].into());
    for (name, q) in [
        ("empty query", Query::default()),
        ("empty query, sort by pay", Query { sort: Sort::Pay, ..Query::default() }),
        ("one letter 'd'", Query { text: "d".into(), ..Query::default() }),
        ("'projet' + 2 facets, closing soon", filtered),
    ] {
        let (r, ms) = time(|| cat.search(&q, today));
        println!("{name}: {ms:.2} ms ({} results, {} expired hidden)", r.ids.len(), r.expired_hidden);
    }

    // Correctness on a sample of the corpus.
    let scan = Scan::new(&sample);
    let small = Catalogue::new(sample.clone());
    for t in ["charg", "d", "lyon paris", "coordinat jeunesse", "teletravail", "recherche-action", "oeuvre"] {
        let mut q = Query { text: t.into(), ..Query::default() };
        check(&small, &scan, &q, today);
        q.filters.insert(Facet::Country, ["BE".to_string()].into());
        check(&small, &scan, &q, today);
    }
}
