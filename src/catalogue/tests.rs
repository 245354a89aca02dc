//! Tests of `Catalogue::search`: one test per rule (text, fields, ranking, sorts, facets, expiry).

use super::*;
use crate::model::{Apply, Block, Contract, Country, Kind, ListItem, Pay, PayPeriod, Place, Remote, Theme};

fn date(s: &str) -> Date {
    s.parse().expect("test date")
}

const TODAY: &str = "2025-10-15";

fn today() -> Date {
    date(TODAY)
}

/// A minimal posting; tests set what they need.
fn p(slug: &str, title: &str) -> Posting {
    Posting {
        id: slug.into(),
        kind: Kind::Emploi,
        contract: Contract::None,
        title: title.into(),
        organization: String::new(),
        partners: vec![],
        places: vec![],
        remote: Some(Remote::None),
        pay: None,
        hours_per_week: None,
        duration_months: None,
        start: None,
        deadline: None,
        published: None,
        apply: Apply::default(),
        themes: vec![],
        body: vec![],
        source: None,
    }
}

fn place(city: &str, country: Country) -> Place {
    Place { city: Some(city.into()), postal_code: None, department: None, region: None, country }
}

fn para(text: &str) -> Block {
    Block::Paragraph { text: text.into() }
}

fn text(q: &str) -> Query {
    Query { text: q.into(), ..Query::default() }
}

fn slugs(c: &Catalogue, r: &Results) -> Vec<String> {
    r.ids.iter().map(|&id| c.get(id).id.clone()).collect()
}

fn find(c: &Catalogue, q: &str) -> Vec<String> {
    slugs(c, &c.search(&text(q), today()))
}

fn with_filters(q: &str, filters: &[(Facet, &[&str])]) -> Query {
    let mut query = text(q);
    for (f, values) in filters {
        query.filters.insert(*f, values.iter().map(|v| v.to_string()).collect());
    }
    query
}

/// (value, count, selected) of one facet.
fn counts(r: &Results, facet: Facet) -> Vec<(String, usize, bool)> {
    let fc = &r.facets[facet.index()];
    assert_eq!(fc.facet, facet);
    fc.values.iter().map(|v| (v.value.clone(), v.count, v.selected)).collect()
}

fn cv(v: &[(&str, usize, bool)]) -> Vec<(String, usize, bool)> {
    v.iter().map(|&(s, n, b)| (s.to_string(), n, b)).collect()
}

#[test]
fn folding_in_search() {
    let mut a = p("a", "Chargé·e de mission");
    a.body = vec![para("Télétravail possible, mise en œuvre du projet de recherche-action.")];
    let mut b = p("b", "Chargé.e d'études");
    let mut c = p("c", "Chargé-e de communication");
    let d = p("d", "Chargé(e) de projet");
    let e = p("e", "Directeur·rice");
    b.body = vec![para("Une recherche, puis une action.")];
    c.body = vec![para("ÉDUCATION populaire")];
    let cat = Catalogue::new(vec![a, b, c, d, e]);
    assert_eq!(find(&cat, "teletravail"), ["a"]);
    assert_eq!(find(&cat, "TÉLÉTRAVAIL"), ["a"]);
    assert_eq!(find(&cat, "oeuvre"), ["a"]);
    assert_eq!(find(&cat, "œuvre"), ["a"]);
    assert_eq!(find(&cat, "education"), ["c"]);
    let mut all = find(&cat, "chargee");
    all.sort();
    assert_eq!(all, ["a", "b", "c", "d"]);
    let mut all = find(&cat, "charge");
    all.sort();
    assert_eq!(all, ["a", "b", "c", "d"]);
    assert_eq!(find(&cat, "chargée d'études"), ["b"]);
    assert_eq!(find(&cat, "etudes"), ["b"]);
    assert_eq!(find(&cat, "directrice"), ["e"]);
    assert_eq!(find(&cat, "directeur"), ["e"]);
    // Compound: whole and parts.
    assert_eq!(find(&cat, "rechercheaction"), ["a"]);
    let mut parts = find(&cat, "recherche-action");
    parts.sort();
    assert_eq!(parts, ["a", "b"], "parts are required, not their order");
    assert_eq!(find(&cat, "action"), find(&cat, "recherche action"));
}

#[test]
fn words_are_prefixes_and_all_required() {
    let mut a = p("a", "Animateur");
    a.body = vec![para("Zèbre et xylophone")];
    let b = p("b", "Animatrice zen");
    let cat = Catalogue::new(vec![a, b]);
    assert_eq!(find(&cat, "anim"), ["a", "b"]);
    assert_eq!(find(&cat, "x"), ["a"], "one letter is a prefix too");
    assert_eq!(find(&cat, "z"), ["b", "a"], "title before body");
    assert_eq!(find(&cat, "anim xylo"), ["a"]);
    assert_eq!(find(&cat, "xylo anim"), ["a"]);
    assert!(find(&cat, "anim piano").is_empty());
    // Prefix of the indexed word, not of the query: "animateurs" does not match "animateur" as
    // a prefix, only as a typo (a letter extra), and "animateurxyz" (three edits) not at all.
    assert_eq!(find(&cat, "animateurs"), ["a"]);
    assert!(find(&cat, "animateurxyz").is_empty());
    // Punctuation-only text is no text.
    assert_eq!(find(&cat, " ; - "), ["a", "b"]);
}

#[test]
fn indexed_fields() {
    let mut x = p("x", "Poste");
    x.partners = vec!["Fondation Orée".into()];
    x.places = vec![Place {
        city: Some("Villeurbanne".into()),
        postal_code: Some("69100".into()),
        department: Some("Rhône".into()),
        region: Some("Auvergne-Rhône-Alpes".into()),
        country: Country::BE,
    }];
    x.kind = Kind::ServiceCivique;
    x.contract = Contract::Cdd;
    x.themes = vec![Theme::TransitionEcologique];
    x.pay = Some(Pay {
        min: None,
        max: None,
        period: None,
        currency: Default::default(),
        basis: None,
        text: "gratification légale".into(),
    });
    x.apply.contact = Some("Marie Sadzot, co-responsable RH".into());
    x.apply.emails = vec!["secret@exemple.org".into()];
    x.body = vec![
        Block::Heading { text: "Missions".into() },
        Block::List {
            items: vec![ListItem { text: "Accueil".into(), children: vec!["Permanences téléphoniques".into()] }],
        },
    ];
    let cat = Catalogue::new(vec![x, p("y", "Autre")]);
    for q in [
        "oree",
        "villeurbanne",
        "69100",
        "rhone",
        "alpes",
        "belgique",
        "service civique",
        "cdd",
        "ecologique",
        "gratification",
        "sadzot",
        "missions",
        "accueil",
        "telephoniques",
    ] {
        assert_eq!(find(&cat, q), ["x"], "{q}");
    }
    // Not indexed: e-mail addresses, the slug, the "Sans contrat" label of `Contract::None`.
    assert!(find(&cat, "secret").is_empty());
    assert!(find(&cat, "sans contrat").is_empty());
}

#[test]
fn ranking_by_field_and_whole_word() {
    let mut body = p("body", "Poste");
    body.body = vec![para("Logement d'abord")];
    let mut other = p("other", "Poste");
    other.partners = vec!["Logement solidaire".into()];
    let mut org = p("org", "Poste");
    org.organization = "Logement pour tous".into();
    let mut title = p("title", "Logements accompagnés");
    title.published = Some(date("2020-01-01"));
    let mut title_whole = p("title_whole", "Logement social");
    title_whole.published = Some(date("2019-01-01"));
    let cat = Catalogue::new(vec![body, other, org, title, title_whole]);
    assert_eq!(find(&cat, "logement"), ["title_whole", "title", "org", "other", "body"]);
    // "logem" is a prefix everywhere: the two title matches tie and fall back to Recent order.
    assert_eq!(find(&cat, "logem"), ["title", "title_whole", "org", "other", "body"]);
}

#[test]
fn relevance_sums_terms_and_ties_fall_back_to_recent() {
    let mut a = p("a", "Jardinier");
    a.body = vec![para("bio")];
    a.published = Some(date("2025-01-01"));
    let mut b = p("b", "Jardinier bio");
    b.published = Some(date("2024-01-01"));
    let mut c = p("c", "Jardinier");
    c.body = vec![para("bio")];
    c.published = Some(date("2025-06-01"));
    let cat = Catalogue::new(vec![a, b, c]);
    assert_eq!(find(&cat, "jardinier bio"), ["b", "c", "a"]);
    // Without text, Relevance is Recent.
    assert_eq!(find(&cat, ""), ["c", "a", "b"]);
}

#[test]
fn sort_recent() {
    let mut ps: Vec<Posting> = ["u1", "old", "u2", "new", "mid"].iter().map(|s| p(s, "Offre")).collect();
    ps[1].published = Some(date("2024-01-01"));
    ps[3].published = Some(date("2025-09-30"));
    ps[4].published = Some(date("2025-03-01"));
    let cat = Catalogue::new(ps);
    let q = Query { sort: Sort::Recent, text: "offre".into(), ..Query::default() };
    assert_eq!(slugs(&cat, &cat.search(&q, today())), ["new", "mid", "old", "u1", "u2"]);
}

#[test]
fn sort_closing_soon() {
    let mut ps: Vec<Posting> =
        ["none", "far", "gone_long", "today", "soon", "gone"].iter().map(|s| p(s, "Offre")).collect();
    ps[1].deadline = Some(date("2025-12-01"));
    ps[2].deadline = Some(date("2025-01-01"));
    ps[3].deadline = Some(today());
    ps[4].deadline = Some(date("2025-10-20"));
    ps[5].deadline = Some(date("2025-10-14"));
    let cat = Catalogue::new(ps);
    let mut q = Query { sort: Sort::ClosingSoon, ..Query::default() };
    assert_eq!(slugs(&cat, &cat.search(&q, today())), ["today", "soon", "far", "none"]);
    q.show_expired = true;
    assert_eq!(slugs(&cat, &cat.search(&q, today())), ["today", "soon", "far", "none", "gone", "gone_long"]);
}

#[test]
fn sort_pay() {
    let pay = |min: Option<u32>, max: Option<u32>, period: Option<PayPeriod>| {
        Some(Pay { min: min.map(|a| crate::model::Amount::units(a as u64)), max: max.map(|a| crate::model::Amount::units(a as u64)), period, currency: Default::default(), basis: None, text: "x".into() })
    };
    let mut ps: Vec<Posting> = ["none", "year", "month", "hour", "noperiod"].iter().map(|s| p(s, "Offre")).collect();
    ps[1].pay = pay(Some(30_000), None, Some(PayPeriod::Year));
    ps[2].pay = pay(Some(2_000), Some(2_800), Some(PayPeriod::Month)); // 33,600
    ps[3].pay = pay(Some(12), None, Some(PayPeriod::Hour)); // 19,284
    ps[4].pay = pay(Some(50_000), None, None);
    let cat = Catalogue::new(ps);
    let q = Query { sort: Sort::Pay, ..Query::default() };
    assert_eq!(slugs(&cat, &cat.search(&q, today())), ["month", "year", "hour", "none", "noperiod"]);
}

/// Six postings for the facet rules.
fn facet_catalogue() -> Catalogue {
    let mut ps = Vec::new();
    let mut add = |slug: &str, kind: Kind, contract: Contract, places: Vec<Place>, themes: Vec<Theme>, org: &str| {
        let mut x = p(slug, "Offre");
        x.kind = kind;
        x.contract = contract;
        x.places = places;
        x.themes = themes;
        x.organization = org.into();
        ps.push(x);
    };
    use Country::*;
    add("a", Kind::Emploi, Contract::Cdi, vec![place("Lyon", FR)], vec![Theme::Logement], "Alpha");
    add(
        "b",
        Kind::Emploi,
        Contract::Cdd,
        vec![place("Paris", FR), place("Lyon", FR)],
        vec![Theme::Logement, Theme::Sante],
        "Beta",
    );
    add("c", Kind::Stage, Contract::Stage, vec![place("Bruxelles", BE)], vec![Theme::Sante], "Alpha");
    add("d", Kind::Stage, Contract::Stage, vec![place("Lyon", FR), place("Genève", CH)], vec![], "Gamma");
    add(
        "e",
        Kind::Benevolat,
        Contract::None,
        vec![place("Liège", BE), place("Liège", BE)],
        vec![Theme::Culture],
        "Alpha",
    );
    add("f", Kind::Emploi, Contract::Cdi, vec![], vec![], "Beta");
    Catalogue::new(ps)
}

#[test]
fn facets_without_filters_count_every_value_once_per_posting() {
    let cat = facet_catalogue();
    let r = cat.search(&Query::default(), today());
    assert_eq!(r.ids.len(), 6);
    assert_eq!(r.total, 6);
    assert_eq!(r.facets.len(), Facet::ALL.len());
    assert_eq!(counts(&r, Facet::Kind), cv(&[("emploi", 3, false), ("stage", 2, false), ("benevolat", 1, false)]));
    // Ties by label: "Liège" (folded "liege") before "Paris".
    assert_eq!(
        counts(&r, Facet::City),
        cv(&[
            ("Lyon", 3, false),
            ("Bruxelles", 1, false),
            ("Genève", 1, false),
            ("Liège", 1, false),
            ("Paris", 1, false)
        ])
    );
    let parents: Vec<Option<&str>> = r.facets[Facet::City.index()].values.iter().map(|v| v.parent.as_deref()).collect();
    assert_eq!(parents, [Some("FR"), Some("BE"), Some("CH"), Some("BE"), Some("FR")]);
    assert!(r.facets[Facet::Kind.index()].values.iter().all(|v| v.parent.is_none()));
    // By label: Belgique < Suisse, although "BE" and "CH" are the keys.
    assert_eq!(counts(&r, Facet::Country), cv(&[("FR", 3, false), ("BE", 2, false), ("CH", 1, false)]));
    assert_eq!(counts(&r, Facet::Theme), cv(&[("logement", 2, false), ("sante", 2, false), ("culture", 1, false)]));
    assert_eq!(counts(&r, Facet::Organization), cv(&[("Alpha", 3, false), ("Beta", 2, false), ("Gamma", 1, false)]));
    assert_eq!(counts(&r, Facet::Remote), cv(&[("none", 6, false)]));
    assert_eq!(
        counts(&r, Facet::Contract),
        cv(&[("cdi", 2, false), ("stage", 2, false), ("cdd", 1, false), ("none", 1, false)])
    );
}

#[test]
fn facets_or_within_and_between() {
    let cat = facet_catalogue();
    let q = with_filters("", &[(Facet::Kind, &["emploi", "stage"]), (Facet::City, &["Lyon"])]);
    let r = cat.search(&q, today());
    assert_eq!(slugs(&cat, &r), ["a", "b", "d"]);
    // Kind counts: City applied, Kind not: emploi a,b; stage d; bénévolat none (e is in Liège).
    assert_eq!(counts(&r, Facet::Kind), cv(&[("emploi", 2, true), ("stage", 1, true)]));
    // City counts: Kind applied (a,b,c,d,f), City not.
    assert_eq!(
        counts(&r, Facet::City),
        cv(&[("Lyon", 3, true), ("Bruxelles", 1, false), ("Genève", 1, false), ("Paris", 1, false)])
    );
    // Other facets: both applied.
    assert_eq!(counts(&r, Facet::Organization), cv(&[("Alpha", 1, false), ("Beta", 1, false), ("Gamma", 1, false)]));
    // Each count is the result size with that value alone selected in its facet.
    assert_counts_are_result_sizes(&cat, &q);
}

/// Checks, for every listed facet value, that `count` is the number of results when the
/// facet's selection is replaced by that value alone (other filters and text unchanged).
fn assert_counts_are_result_sizes(cat: &Catalogue, q: &Query) {
    let r = cat.search(q, today());
    for fc in &r.facets {
        for v in &fc.values {
            let mut alone = q.clone();
            alone.filters.insert(fc.facet, [v.value.clone()].into());
            assert_eq!(cat.search(&alone, today()).ids.len(), v.count, "{:?}={}", fc.facet, v.value);
        }
    }
}

#[test]
fn selected_values_stay_listed_at_zero() {
    let cat = facet_catalogue();
    let q = with_filters("", &[(Facet::Kind, &["benevolat"]), (Facet::Country, &["CH"])]);
    let r = cat.search(&q, today());
    assert!(r.ids.is_empty());
    // Country counts with Kind=benevolat: BE 1; CH selected but 0.
    assert_eq!(counts(&r, Facet::Country), cv(&[("BE", 1, false), ("CH", 0, true)]));
    assert_eq!(counts(&r, Facet::Kind), cv(&[("stage", 1, false), ("benevolat", 0, true)]));
    assert_counts_are_result_sizes(&cat, &q);
}

#[test]
fn text_and_filters_combine() {
    let mut cat_ps: Vec<Posting> = facet_catalogue().postings().to_vec();
    cat_ps[0].body = vec![para("jardin partagé")];
    cat_ps[2].body = vec![para("jardin")];
    cat_ps[4].body = vec![para("jardinage")];
    let cat = Catalogue::new(cat_ps);
    let q = with_filters("jardin", &[(Facet::Country, &["BE"])]);
    let r = cat.search(&q, today());
    assert_eq!(slugs(&cat, &r), ["c", "e"]);
    assert_eq!(counts(&r, Facet::Country), cv(&[("BE", 2, true), ("FR", 1, false)]));
    assert_eq!(counts(&r, Facet::Kind), cv(&[("benevolat", 1, false), ("stage", 1, false)]));
    assert_counts_are_result_sizes(&cat, &q);
}

#[test]
fn unknown_filter_values_match_nothing() {
    let cat = facet_catalogue();
    for (facet, key) in [
        (Facet::Kind, "cdi"),
        (Facet::City, "Atlantis"),
        (Facet::Theme, ""),
        (Facet::Organization, "alpha"),
        (Facet::Country, "FR "),
    ] {
        let q = with_filters("", &[(facet, &[key])]);
        let r = cat.search(&q, today());
        assert!(r.ids.is_empty(), "{facet:?}={key}");
        let listed = &r.facets[facet.index()].values;
        assert!(listed.iter().any(|v| v.value == key && v.selected && v.count == 0), "{facet:?}: {listed:?}");
    }
    // Unknown next to a known value: the known one still works.
    let q = with_filters("", &[(Facet::Organization, &["Gamma", "Nobody"])]);
    assert_eq!(slugs(&cat, &cat.search(&q, today())), ["d"]);
    // An empty selection is no filter.
    let q = with_filters("", &[(Facet::Kind, &[])]);
    assert_eq!(cat.search(&q, today()).ids.len(), 6);
}

#[test]
fn expired_postings_are_hidden_and_counted() {
    let mut ps: Vec<Posting> = facet_catalogue().postings().to_vec();
    ps[0].deadline = Some(date("2025-10-14")); // a: expired yesterday
    ps[1].deadline = Some(today()); // b: closes today, still open
    ps[2].deadline = Some(date("2024-01-01")); // c: expired
    let cat = Catalogue::new(ps);
    let r = cat.search(&Query::default(), today());
    assert_eq!(slugs(&cat, &r), ["b", "d", "e", "f"]);
    assert_eq!(r.expired_hidden, 2);
    assert_eq!(counts(&r, Facet::Organization), cv(&[("Beta", 2, false), ("Alpha", 1, false), ("Gamma", 1, false)]));
    // Counted after text and filters.
    let q = with_filters("", &[(Facet::Kind, &["stage"])]);
    let r = cat.search(&q, today());
    assert_eq!((slugs(&cat, &r), r.expired_hidden), (vec!["d".to_string()], 1));
    // Kind counts ignore the Kind filter but still hide expired postings.
    assert_eq!(counts(&r, Facet::Kind), cv(&[("emploi", 2, false), ("benevolat", 1, false), ("stage", 1, true)]));
    assert_counts_are_result_sizes(&cat, &q);
    // Shown on request; then nothing is "hidden".
    let mut q = Query { show_expired: true, ..Query::default() };
    let r = cat.search(&q, today());
    assert_eq!((r.ids.len(), r.expired_hidden), (6, 0));
    assert_eq!(counts(&r, Facet::Organization)[0], ("Alpha".to_string(), 3, false));
    // Later, b expires too.
    q.show_expired = false;
    assert_eq!(cat.search(&q, date("2025-10-16")).expired_hidden, 3);
}

#[test]
fn regions_count_once_per_posting_under_their_country_and_filter_like_the_others() {
    let at = |city: &str, country: Country, department: &str, region: &str| Place {
        city: Some(city.into()),
        postal_code: None,
        department: Some(department.into()).filter(|d: &String| !d.is_empty()),
        region: Some(region.into()).filter(|r: &String| !r.is_empty()),
        country,
    };
    let lyon = at("Lyon", Country::FR, "Rhône", "Auvergne-Rhône-Alpes");
    let grenoble = at("Grenoble", Country::FR, "Isère", "Auvergne-Rhône-Alpes");
    let bxl = at("Bruxelles", Country::BE, "", "Bruxelles-Capitale");
    let liege = at("Liège", Country::BE, "Liège", "Wallonie");
    let lausanne = at("Lausanne", Country::CH, "Vaud", "");
    let mut ps: Vec<Posting> = ["a", "b", "c", "d", "e"].iter().map(|s| p(s, "Offre")).collect();
    ps[0].places = vec![lyon.clone(), grenoble];
    ps[1].places = vec![bxl, liege.clone()];
    ps[2].places = vec![lyon, lausanne];
    ps[2].kind = Kind::Stage;
    ps[3].places = vec![liege];
    ps[3].kind = Kind::Stage;
    let cat = Catalogue::new(ps);
    let r = cat.search(&Query::default(), today());
    assert_eq!(
        counts(&r, Facet::Region),
        cv(&[("Auvergne-Rhône-Alpes", 2, false), ("Liège", 2, false), ("Bruxelles-Capitale", 1, false), ("Vaud", 1, false)])
    );
    let parents: Vec<Option<&str>> = r.facets[Facet::Region.index()].values.iter().map(|v| v.parent.as_deref()).collect();
    assert_eq!(parents, [Some("FR"), Some("BE"), Some("BE"), Some("CH")]);
    // OR within the group.
    let q = with_filters("", &[(Facet::Region, &["Vaud", "Liège"])]);
    assert_eq!(slugs(&cat, &cat.search(&q, today())), ["b", "c", "d"]);
    // AND with another group; the region counts keep the other regions' choices open.
    let q = with_filters("", &[(Facet::Region, &["Liège"]), (Facet::Kind, &["stage"])]);
    let r = cat.search(&q, today());
    assert_eq!(slugs(&cat, &r), ["d"]);
    assert_eq!(counts(&r, Facet::Region), cv(&[("Auvergne-Rhône-Alpes", 1, false), ("Liège", 1, true), ("Vaud", 1, false)]));
}

#[test]
fn lengths_keep_their_order_and_filter_like_the_others() {
    use crate::model::MonthRange;
    let mut ps: Vec<Posting> = ["cdi", "short", "span", "long", "unknown"].iter().map(|s| p(s, "Offre")).collect();
    ps[0].contract = Contract::Cdi;
    ps[1].duration_months = Some(MonthRange { min: 2, max: 2 });
    ps[2].duration_months = Some(MonthRange { min: 2, max: 4 });
    ps[3].duration_months = Some(MonthRange { min: 24, max: 36 });
    ps[3].contract = Contract::Cdd;
    ps[4].contract = Contract::Cdd;
    let cat = Catalogue::new(ps);
    let r = cat.search(&Query::default(), today());
    // Shortest first, whatever the counts.
    assert_eq!(
        counts(&r, Facet::Length),
        cv(&[("0-3", 2, false), ("3-6", 1, false), ("12-plus", 1, false), ("permanent", 1, false)])
    );
    let q = with_filters("", &[(Facet::Length, &["3-6", "permanent"])]);
    assert_eq!(slugs(&cat, &cat.search(&q, today())), ["cdi", "span"]);
    let q = with_filters("", &[(Facet::Length, &["0-3"]), (Facet::Contract, &["none"])]);
    let r = cat.search(&q, today());
    assert_eq!(slugs(&cat, &r), ["short", "span"]);
    assert_eq!(counts(&r, Facet::Length), cv(&[("0-3", 2, true), ("3-6", 1, false)]));
}

#[test]
fn starts_filter_by_month_range_and_asap() {
    use crate::model::Start;
    let mut ps: Vec<Posting> = ["asap", "jan", "feb", "feb-day", "jun", "unknown"].iter().map(|s| p(s, "Offre")).collect();
    ps[0].start = Some(Start::Asap);
    ps[1].start = Some(Start::Month("2026-01".parse().unwrap()));
    ps[2].start = Some(Start::Month("2026-02".parse().unwrap()));
    ps[3].start = Some(Start::Date("2026-02-15".parse().unwrap()));
    ps[4].start = Some(Start::Month("2026-06".parse().unwrap()));
    ps[4].kind = Kind::Stage;
    let cat = Catalogue::new(ps);
    let r = cat.search(&Query::default(), today());
    // "asap" first, then the months in order, whatever the counts.
    assert_eq!(
        counts(&r, Facet::Start),
        cv(&[("asap", 1, false), ("2026-01", 1, false), ("2026-02", 2, false), ("2026-06", 1, false)])
    );
    let run = |keys: &[&str]| slugs(&cat, &cat.search(&with_filters("", &[(Facet::Start, keys)]), today()));
    assert_eq!(run(&["from-2026-02"]), ["feb", "feb-day", "jun"]);
    assert_eq!(run(&["before-2026-02"]), ["jan"]);
    assert_eq!(run(&["from-2026-02", "before-2026-06"]), ["feb", "feb-day"]);
    assert_eq!(run(&["asap", "before-2026-02"]), ["asap", "jan"], "asap or the range");
    assert_eq!(run(&["asap"]), ["asap"]);
    // With another group, the start counts follow it; the range keys stay chosen.
    let q = with_filters("", &[(Facet::Start, &["from-2026-02"]), (Facet::Kind, &["stage"])]);
    let r = cat.search(&q, today());
    assert_eq!(slugs(&cat, &r), ["jun"]);
    assert_eq!(counts(&r, Facet::Start), cv(&[("2026-06", 1, false), ("from-2026-02", 0, true)]));
}

#[test]
fn pay_at_least_a_monthly_minimum_and_unstated_by_choice() {
    let pay = |min: Option<u32>, max: Option<u32>, period: Option<PayPeriod>| {
        let units = |a: u32| crate::model::Amount::units(a as u64);
        Some(Pay { min: min.map(units), max: max.map(units), period, currency: Default::default(), basis: None, text: "x".into() })
    };
    let mut ps: Vec<Posting> = ["year", "month", "hour", "grant", "none"].iter().map(|s| p(s, "Offre")).collect();
    ps[0].pay = pay(Some(29_000), None, Some(PayPeriod::Year)); // 2416 a month
    ps[1].pay = pay(Some(1_800), Some(2_100), Some(PayPeriod::Month)); // 1800
    ps[2].pay = pay(Some(15), None, Some(PayPeriod::Hour)); // 15 × 35 × 52 / 12 = 2275
    ps[3].pay = pay(Some(50_000), None, None); // a grant is not pay
    ps[2].kind = Kind::Stage;
    let cat = Catalogue::new(ps);
    let r = cat.search(&Query::default(), today());
    assert_eq!(
        counts(&r, Facet::Pay),
        cv(&[("unstated", 2, false), ("1800", 1, false), ("2275", 1, false), ("2416", 1, false)])
    );
    let run = |keys: &[&str]| slugs(&cat, &cat.search(&with_filters("", &[(Facet::Pay, keys)]), today()));
    assert_eq!(run(&["min-2000"]), ["year", "hour"]);
    assert_eq!(run(&["min-2000", "unstated"]), ["year", "hour", "grant", "none"]);
    assert_eq!(run(&["min-1500"]), ["year", "month", "hour"]);
    assert_eq!(run(&["unstated"]).len(), 5, "without a minimum, no filter");
    // With another group: the pay counts follow it.
    let q = with_filters("", &[(Facet::Pay, &["min-2000"]), (Facet::Kind, &["emploi"])]);
    let r = cat.search(&q, today());
    assert_eq!(slugs(&cat, &r), ["year"]);
    assert_eq!(counts(&r, Facet::Pay), cv(&[("unstated", 2, false), ("1800", 1, false), ("2416", 1, false), ("min-2000", 0, true)]));
}

#[test]
fn lookups_and_empty_catalogue() {
    let cat = facet_catalogue();
    assert_eq!(cat.len(), 6);
    assert!(!cat.is_empty());
    assert_eq!(cat.id_of("c"), Some(2));
    assert_eq!(cat.get(2).id, "c");
    assert_eq!(cat.id_of("zz"), None);
    assert_eq!(cat.id_of(""), None);
    let empty = Catalogue::new(vec![]);
    assert!(empty.is_empty());
    let r = empty.search(&with_filters("x", &[(Facet::City, &["Lyon"])]), today());
    assert!(r.ids.is_empty() && r.total == 0 && r.expired_hidden == 0);
    assert_eq!(r.facets.len(), Facet::ALL.len());
    assert_eq!(counts(&r, Facet::City), cv(&[("Lyon", 0, true)]));
}

#[test]
#[should_panic]
fn get_out_of_range_panics() {
    facet_catalogue().get(6);
}

#[test]
fn duplicate_slugs_resolve_to_the_first() {
    let cat = Catalogue::new(vec![p("b", "x"), p("a", "y"), p("a", "z")]);
    assert_eq!(cat.id_of("a"), Some(1));
    assert_eq!(cat.id_of("b"), Some(0));
}

#[test]
fn deadline_status_of_posting() {
    let mut x = p("x", "t");
    assert_eq!(deadline_status(&x, today()), DeadlineStatus::NoDeadline);
    x.deadline = Some(date("2025-10-18"));
    assert_eq!(deadline_status(&x, today()), DeadlineStatus::Open { days_left: 3 });
    assert_eq!(deadline_status(&x, date("2025-10-20")), DeadlineStatus::Expired { days_ago: 2 });
}

#[test]
fn only_restricts_to_listed_slugs_and_counts_follow() {
    let mut a = p("a", "Chargé de mission");
    a.kind = crate::model::Kind::Stage;
    let c = Catalogue::new(vec![a, p("b", "Chargée d'études"), p("c", "Coordinateur")]);
    let mut q = text("charg");
    q.only = Some(["a".to_string(), "c".to_string(), "gone".to_string()].into_iter().collect());
    let r = c.search(&q, today());
    assert_eq!(slugs(&c, &r), ["a"], "text and `only` both apply; unknown slugs are ignored");
    let kinds = counts(&r, Facet::Kind);
    assert_eq!(kinds, cv(&[("stage", 1, false)]), "facet counts stay within `only`");
    q.only = Some(Default::default());
    assert!(c.search(&q, today()).ids.is_empty(), "an empty list allows nothing");
}

#[test]
fn belgian_places_are_found_by_their_other_names() {
    let mut a = p("a", "Éducateur");
    a.places = vec![place("Bruxelles", Country::BE)];
    let mut b = p("b", "Juriste");
    b.places = vec![place("Gent", Country::BE)];
    let mut c = p("c", "Comptable");
    c.places = vec![place("Forest", Country::FR)]; // a French Forest is not Brussels' Vorst
    let cat = Catalogue::new(vec![a, b, c]);
    let found = |q: &str| find(&cat, q);
    assert_eq!(found("brussel"), ["a"]);
    assert_eq!(found("brussels"), ["a"]);
    assert_eq!(found("gand"), ["b"]);
    assert_eq!(found("ghent"), ["b"]);
    assert!(found("vorst").is_empty());
}

#[test]
fn label_words_make_postings_findable_by_the_interfaces_labels() {
    fn dutch(posting: &Posting, words: &mut dyn FnMut(&str)) {
        words(if posting.kind == Kind::Benevolat { "Vrijwilligerswerk" } else { "Baan" });
    }
    let mut a = p("a", "Accueil des familles");
    a.kind = Kind::Benevolat;
    let b = p("b", "Comptable");
    let q = find;
    let plain = Catalogue::new(vec![a.clone(), b.clone()]);
    assert!(q(&plain, "vrijwilliger").is_empty());
    let labelled = Catalogue::with_label_words(vec![a, b], Some(dutch));
    assert_eq!(q(&labelled, "vrijwilliger"), ["a"]);
    assert_eq!(q(&labelled, "baan"), ["b"]);
    assert_eq!(q(&labelled, "comptable"), ["b"], "the records' own words still count first");
    // The same words whether the index is built at once or in steps.
    let stepped = Catalogue::with_label_words(vec![p("c", "Animation")], Some(dutch));
    let mut indexer = stepped.records_indexer().unwrap();
    while !indexer.step(1) {}
    assert_eq!(q(&stepped, "baan"), ["c"]);
}

#[test]
fn the_records_index_built_in_steps_searches_like_the_whole() {
    let whole = crate::model::from_json(include_str!("../../data/postings.json")).unwrap();
    let many: Vec<Posting> = (0..40)
        .flat_map(|i| whole.iter().map(move |p| Posting { id: format!("{}-{i}", p.id), ..p.clone() }))
        .collect();
    let at_once = Catalogue::new(many.clone());
    at_once.search(&text("x"), today()); // a search with words builds the whole index at once
    let stepped = Catalogue::new(many);
    let mut indexer = stepped.records_indexer().expect("not built yet");
    let mut steps = 1;
    while !indexer.step(7) {
        steps += 1;
    }
    assert_eq!(steps, 200_usize.div_ceil(7));
    assert!(stepped.records_indexer().is_none(), "the index is the catalogue's now");
    assert!(at_once.records_indexer().is_none());
    for q in ["", "c", "coordinat", "bruxelles", "stage", "chargé étud", "zzz", "justice lyon"] {
        let q = Query { show_expired: true, ..text(q) };
        assert_eq!(stepped.search(&q, today()).ids, at_once.search(&q, today()).ids, "{q:?}");
    }
    // A search before the steps are done builds the index itself; the steps then change nothing.
    let early = Catalogue::new(whole.clone());
    let mut indexer = early.records_indexer().unwrap();
    assert!(!indexer.step(2));
    let q = Query { show_expired: true, ..text("coordinat") };
    let found = early.search(&q, today()).ids;
    assert!(indexer.step(100));
    assert_eq!(early.search(&q, today()).ids, found);
}

#[test]
fn the_contact_that_comes_with_a_text_is_searched() {
    let whole = crate::model::from_json(include_str!("../../data/postings.json")).unwrap();
    let contact = whole.iter().find_map(|p| p.apply.contact.clone()).expect("a seed names a contact");
    let word = fold::index_words(&contact).into_iter().max_by_key(|w| w.len()).unwrap();
    let bare: Vec<Posting> = whole.iter().map(|p| Posting { body: vec![], apply: Apply::default(), ..p.clone() }).collect();
    let c = Catalogue::new(bare);
    let q = Query { show_expired: true, ..text(&word) };
    let before = c.search(&q, today()).ids.len();
    let mut indexer = c.body_indexer();
    for (id, p) in whole.iter().enumerate() {
        indexer.add(id as Id, &Text { apply: p.apply.clone(), body: vec![] });
    }
    let c = c.with_bodies(indexer);
    let found = c.search(&q, today()).ids;
    assert!(found.len() > before, "{word}: {before} before, {found:?} after");
    let named = whole.iter().position(|p| p.apply.contact.as_deref() == Some(contact.as_str())).unwrap();
    assert!(found.contains(&(named as Id)), "{word}: {found:?}");
}

#[test]
fn bodies_indexed_apart_search_like_bodies_in_the_records() {
    let whole = crate::model::from_json(include_str!("../../data/postings.json")).unwrap();
    let bare: Vec<Posting> = whole.iter().map(|p| Posting { body: vec![], ..p.clone() }).collect();
    let all = |q: &str| Query { show_expired: true, ..text(q) };
    let inline = Catalogue::new(whole.clone());
    let apart = Catalogue::new(bare);
    assert!(!apart.has_separate_bodies());
    let mut indexer = apart.body_indexer();
    // Posting 1's body never arrives; the others do, in order.
    let text = |p: &Posting| Text { apply: Default::default(), body: p.body.clone() };
    for (id, p) in whole.iter().enumerate().filter(|(id, _)| *id != 1) {
        indexer.add(id as Id, &text(p));
    }
    indexer.add(0, &text(&whole[0])); // out of order: ignored
    let apart = apart.with_bodies(indexer);
    assert!(apart.has_separate_bodies());
    // The same, in segments of a few hundred words.
    let bare: Vec<Posting> = whole.iter().map(|p| Posting { body: vec![], ..p.clone() }).collect();
    let segmented = Catalogue::new(bare);
    let mut indexer = segmented.body_indexer().segment_every(150);
    for (id, p) in whole.iter().enumerate().filter(|(id, _)| *id != 1) {
        indexer.add(id as Id, &text(p));
    }
    let segmented = segmented.with_bodies(indexer);
    assert!(segmented.bodies.as_ref().unwrap().len() >= 3, "several segments");
    // Queries: a few words, and every word of posting 1's body (some only it has).
    let mut queries: Vec<String> =
        ["", "coordinat", "accompagnement", "mission", "de", "c", "ré", "inser jeun", "bruxelles", "zzz"].map(String::from).to_vec();
    for block in &whole[1].body {
        if let Block::Paragraph { text } = block {
            queries.extend(fold::index_words(text));
        }
    }
    let mut differed = 0;
    for q in &queries {
        let a = inline.search(&all(q), today());
        let b = apart.search(&all(q), today());
        let c = segmented.search(&all(q), today());
        assert_eq!((&b.ids, &b.facets), (&c.ids, &c.facets), "segments: {q}");
        if a.ids != b.ids {
            differed += 1;
            // Only posting 1 may differ (be missing, or rank lower matched by a typo only): it
            // lacks its body words.
            let strip = |r: &Results| r.ids.iter().copied().filter(|&i| i != 1).collect::<Vec<_>>();
            assert_eq!(strip(&a), strip(&b), "{q}");
        } else {
            assert_eq!(a.facets, b.facets, "{q}");
        }
    }
    assert!(differed > 0, "some word matches posting 1 by its body alone");
    // Before the bodies arrive, a word found only in bodies finds nothing.
    let before = Catalogue::new(whole.iter().map(|p| Posting { body: vec![], ..p.clone() }).collect());
    let only_in_bodies = queries.iter().find(|q| before.search(&all(q), today()).ids.is_empty() && !inline.search(&all(q), today()).ids.is_empty());
    assert!(only_in_bodies.is_some());
}

#[test]
fn typos_are_forgiven_from_five_letters() {
    let mut coord = p("coord", "Coordinateur·rice de projets");
    coord.body = vec![para("Accompagnement des bénévoles")];
    let mut educ = p("educ", "Éducateur spécialisé");
    educ.places = vec![place("Bruxelles", Country::BE)];
    let lyon = p("lyon", "Chargée de mission à Lyon");
    let cat = Catalogue::new(vec![coord, educ, lyon]);
    assert_eq!(find(&cat, "cordinateur"), ["coord"], "a letter missing");
    assert_eq!(find(&cat, "coordinatrise"), ["coord"], "a letter wrong, in the feminine form");
    assert_eq!(find(&cat, "educatuer"), ["educ"], "two letters swapped");
    assert_eq!(find(&cat, "bruxeles"), ["educ"]);
    assert_eq!(find(&cat, "accompagnemnt"), ["coord"]);
    assert_eq!(find(&cat, "accompangemnt"), ["coord"], "two edits from 9 letters");
    assert_eq!(find(&cat, "educatuer bruxeles"), ["educ"], "every word, each with its typo");
    // Under 5 letters, no typo: "lyom" is not "lyon"; two edits need 9 letters.
    assert!(find(&cat, "lyom").is_empty());
    assert!(find(&cat, "mision").len() == 1 && find(&cat, "mmision").is_empty());
    assert!(find(&cat, "educatuer lyom").is_empty());
}

#[test]
fn exact_and_prefix_matches_rank_before_typos() {
    // A typo in the title scores below the exact word in the body, and below a prefix.
    let mut typo = p("typo", "Animateur à Bruxelle");
    typo.published = Some(date("2025-09-01"));
    let mut body = p("body", "Animateur");
    body.body = vec![para("Poste basé à Bruxelles")];
    body.published = Some(date("2020-01-01"));
    let mut prefix = p("prefix", "Animateur");
    prefix.body = vec![para("Quartiers bruxellois")];
    prefix.published = Some(date("2021-01-01"));
    let cat = Catalogue::new(vec![typo, body, prefix]);
    // "bruxellois" is two edits from "bruxelles" (9 letters): a typo match too, in the body.
    assert_eq!(find(&cat, "bruxelles"), ["body", "typo", "prefix"]);
    assert_eq!(find(&cat, "bruxel"), ["typo", "prefix", "body"], "prefixes of a word in the title first");
    assert_eq!(find(&cat, "animateur bruxelles"), ["body", "typo", "prefix"]);
}

#[test]
fn nearest_offers_when_nothing_matches() {
    let mut coord = p("coord", "Coordinateur jeunesse");
    coord.places = vec![place("Lyon", Country::FR)];
    coord.published = Some(date("2025-01-01"));
    let mut anim = p("anim", "Animatrice musique");
    anim.kind = Kind::Stage;
    anim.body = vec![para("Atelier jeunesse")];
    let mut old = p("old", "Coordinatrice culturelle");
    old.deadline = Some(date("2020-01-01"));
    let cat = Catalogue::new(vec![coord, anim, old]);
    let nearest = |q: &Query| match cat.nearest(q, today(), 5) {
        Nearest::Offers(ids) => Ok(ids.iter().map(|&id| cat.get(id).id.clone()).collect::<Vec<_>>()),
        other => Err(other),
    };
    // A query that finds offers needs nothing near; nor does one that nothing resembles.
    assert_eq!(nearest(&text("jeunesse")), Err(Nearest::Nothing));
    assert_eq!(nearest(&text("zzzzzz qqqq")), Err(Nearest::Nothing));
    assert_eq!(nearest(&text("")), Err(Nearest::Nothing));
    // Any of the words: the offers with more of them first, then by relevance.
    assert_eq!(nearest(&text("jeunesse piano")), Ok(vec!["coord".into(), "anim".into()]));
    assert_eq!(nearest(&text("coordinateur jeunesse piano")), Ok(vec!["coord".into(), "anim".into()]));
    // One edit more than the search forgives; words of 4 letters one.
    assert!(find(&cat, "cooordinatuerr").is_empty() && find(&cat, "lyom").is_empty());
    assert_eq!(nearest(&text("cooordinatuerr")), Ok(vec!["coord".into()]));
    assert_eq!(nearest(&text("lyom")), Ok(vec!["coord".into()]));
    // Expired offers stay hidden unless asked for.
    assert_eq!(nearest(&text("culturel piano")), Err(Nearest::Nothing));
    assert_eq!(nearest(&Query { show_expired: true, ..text("culturel piano") }), Ok(vec!["old".into()]));
    // The filters empty the list: offer to clear them, with what the search finds without.
    let q = with_filters("animatrise", &[(Facet::Kind, &["emploi"])]);
    assert_eq!(cat.nearest(&q, today(), 5), Nearest::WithoutFilters { count: 1 });
    // The filters kept when something near passes them, else dropped.
    let q = with_filters("jeunesse piano", &[(Facet::Kind, &["stage"])]);
    assert_eq!(nearest(&q), Ok(vec!["anim".into()]));
    let q = with_filters("lyom", &[(Facet::Kind, &["stage"])]);
    assert_eq!(nearest(&q), Ok(vec!["coord".into()]));
    // At most `limit`.
    assert_eq!(cat.nearest(&text("jeunesse piano"), today(), 1), Nearest::Offers(vec![cat.id_of("coord").unwrap()]));
}
