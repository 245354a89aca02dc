//! The widget state in the host page URL: read and write only the widget’s own query parameters.
//!
//! Names are French so shared links read well: `offre`, `q`, one per facet (`type`, `contrat`,
//! `pays`, `ville`, `teletravail`, `theme`, `organisation`, repeated for several values), `tri`
//! (absent for the default sort) and `clotures=1`. With a prefix `P`, each name becomes `P-name`,
//! so two widgets on one page keep separate state. Every other parameter belongs to the host page
//! and is kept byte for byte. Values use `application/x-www-form-urlencoded` rules.

use crate::catalogue::{Facet, Query, Sort};

/// What the URL remembers: the open offer, if any, and the search.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    /// Id of the offer shown in the detail view.
    pub offer: Option<String>,
    /// Text, facet filters, sort and the expired toggle.
    pub query: Query,
}

const OFFER: &str = "offre";
const TEXT: &str = "q";
const SORT: &str = "tri";
const EXPIRED: &str = "clotures";

/// The URL parameter name (before any prefix) of a facet.
pub fn facet_param(facet: Facet) -> &'static str {
    match facet {
        Facet::Kind => "type",
        Facet::Contract => "contrat",
        Facet::Country => "pays",
        Facet::Length => "duree",
        Facet::Start => "debut",
        Facet::Pay => "salaire",
        Facet::Region => "region",
        Facet::City => "ville",
        Facet::Remote => "teletravail",
        Facet::Theme => "theme",
        Facet::Organization => "organisation",
    }
}

/// The widget's own name for a decoded parameter name, once its prefix is removed.
fn own<'a>(name: &'a str, prefix: &str) -> Option<&'a str> {
    let bare = if prefix.is_empty() { name } else { name.strip_prefix(prefix)?.strip_prefix('-')? };
    let known = [OFFER, TEXT, SORT, EXPIRED].contains(&bare) || Facet::ALL.iter().any(|&f| facet_param(f) == bare);
    known.then_some(bare)
}

/// The `&`-separated pieces of a search string, without the leading `?` and empty pieces.
fn pieces(search: &str) -> impl Iterator<Item = &str> {
    search.strip_prefix('?').unwrap_or(search).split('&').filter(|p| !p.is_empty())
}

/// A piece's decoded name and value (`name` alone has an empty value).
fn split(piece: &str) -> (String, String) {
    match piece.split_once('=') {
        Some((name, value)) => (decode(name), decode(value)),
        None => (decode(piece), String::new()),
    }
}

/// Reads this widget's state from `search` (`location.search`, with or without its `?`).
///
/// The first `offre` and `q` count; facet values accumulate (empty ones are skipped, unknown ones
/// kept so the visitor can see and remove them); the first known `tri` counts, an unknown one
/// leaves the default; `clotures` is on for `1`, `true` or `oui`.
pub fn read(search: &str, prefix: &str) -> UrlState {
    let mut state = UrlState::default();
    let (mut seen_text, mut seen_sort) = (false, false);
    for piece in pieces(search) {
        let (name, value) = split(piece);
        let Some(name) = own(&name, prefix) else { continue };
        match name {
            OFFER => {
                if state.offer.is_none() {
                    state.offer = Some(value);
                }
            }
            TEXT => {
                if !seen_text {
                    seen_text = true;
                    state.query.text = value;
                }
            }
            SORT => {
                if let (false, Some(sort)) = (seen_sort, Sort::from_key(&value)) {
                    seen_sort = true;
                    state.query.sort = sort;
                }
            }
            EXPIRED => state.query.show_expired = matches!(value.as_str(), "1" | "true" | "oui"),
            _ => {
                let facet = Facet::ALL.into_iter().find(|&f| facet_param(f) == name);
                if let (Some(facet), false) = (facet, value.is_empty()) {
                    state.query.filters.entry(facet).or_default().insert(value);
                }
            }
        }
    }
    state
}

/// The new search string for `state`: `""` or `"?a=b&…"`.
///
/// The host page's parameters (any name that is not one of this widget's) stay as they were, in
/// their order; this widget's are removed and appended in a fixed order: `offre`, `q`, facets in
/// `Facet::ALL` order with values sorted, `tri`, `clotures`. Empty text, empty facet values, the
/// default sort and `clotures` off are left out, so `read` gives back the same state.
pub fn write(search: &str, prefix: &str, state: &UrlState) -> String {
    let mut out = String::new();
    for piece in pieces(search) {
        let name = decode(piece.split('=').next().unwrap_or(piece));
        if own(&name, prefix).is_none() {
            out.push(if out.is_empty() { '?' } else { '&' });
            out.push_str(piece);
        }
    }
    let mut param = |name: &str, value: &str| {
        out.push(if out.is_empty() { '?' } else { '&' });
        if !prefix.is_empty() {
            encode(prefix, &mut out);
            out.push('-');
        }
        out.push_str(name);
        out.push('=');
        encode(value, &mut out);
    };
    if let Some(offer) = &state.offer {
        param(OFFER, offer);
    }
    let query = &state.query;
    if !query.text.is_empty() {
        param(TEXT, &query.text);
    }
    for facet in Facet::ALL {
        for value in query.filters.get(&facet).into_iter().flatten().filter(|v| !v.is_empty()) {
            param(facet_param(facet), value);
        }
    }
    if query.sort != Sort::default() {
        param(SORT, query.sort.key());
    }
    if query.show_expired {
        param(EXPIRED, "1");
    }
    out
}

/// Form-urlencoded decoding: `+` is a space, `%XX` a byte; the bytes are read as UTF-8 with
/// invalid sequences replaced by U+FFFD. A `%` not followed by two hex digits stays as it is.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let hex = |j: usize| bytes.get(j).and_then(|&c| (c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
            (b'+', _, _) => out.push(b' '),
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Appends `s` percent-encoded: every byte but unreserved ASCII (`A-Za-z0-9-._~`) becomes `%XX`.
pub fn encode(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::KeySet;

    fn state(offer: Option<&str>, text: &str, filters: &[(Facet, &str)], sort: Sort, expired: bool) -> UrlState {
        let mut query = Query { text: text.to_string(), sort, show_expired: expired, ..Query::default() };
        for &(facet, value) in filters {
            query.filters.entry(facet).or_default().insert(value.to_string());
        }
        UrlState { offer: offer.map(str::to_string), query }
    }

    #[test]
    fn reads_every_parameter() {
        let s = "?utm_source=x&offre=asso-lyon&q=charg%C3%A9+d%27%C3%A9tudes&type=emploi&type=stage\
                 &contrat=cdi&pays=FR&ville=Saint-%C3%89tienne&ville=Lyon&teletravail=partial\
                 &theme=justice&organisation=Emma%C3%BCs+%26+Cie&tri=closing&clotures=1";
        let expected = state(
            Some("asso-lyon"),
            "chargé d'études",
            &[
                (Facet::Kind, "emploi"),
                (Facet::Kind, "stage"),
                (Facet::Contract, "cdi"),
                (Facet::Country, "FR"),
                (Facet::City, "Saint-Étienne"),
                (Facet::City, "Lyon"),
                (Facet::Remote, "partial"),
                (Facet::Theme, "justice"),
                (Facet::Organization, "Emmaüs & Cie"),
            ],
            Sort::ClosingSoon,
            true,
        );
        assert_eq!(read(s, ""), expected);
        assert_eq!(read(&s[1..], ""), expected);
        assert_eq!(read("", ""), UrlState::default());
        assert_eq!(read("?", ""), UrlState::default());
        // Nothing is this widget's under another prefix.
        assert_eq!(read(s, "emplois"), UrlState::default());
    }

    #[test]
    fn reads_old_and_odd_links_leniently() {
        let got =
            read("tri=bogus&type=ancien_type&ville=&ville&q=a&q=b&offre=x&offre=y&clotures=0&tri=pay&tri=recent", "");
        assert_eq!(got, state(Some("x"), "a", &[(Facet::Kind, "ancien_type")], Sort::Pay, false));
        for (v, on) in [("1", true), ("true", true), ("oui", true), ("0", false), ("", false), ("non", false)] {
            assert_eq!(read(&format!("clotures={v}"), "").query.show_expired, on, "{v}");
        }
        assert_eq!(read("offre", "").offer.as_deref(), Some(""));
        // Names are matched once decoded, and are case-sensitive.
        assert_eq!(read("%71=texte&Q=autre", "").query.text, "texte");
        assert_eq!(read("q=a=b", "").query.text, "a=b");
    }

    #[test]
    fn decodes_form_urlencoded_text() {
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("%2B%26%3D%23%25"), "+&=#%");
        assert_eq!(decode("%c3%a9%C3%A9"), "éé");
        assert_eq!(decode("%F0%9F%99%82"), "🙂");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%E9t%E9"), "\u{fffd}t\u{fffd}");
        assert_eq!(decode("%C3"), "\u{fffd}");
        assert_eq!(decode("é déjà"), "é déjà");
        let mut out = String::new();
        encode("a-._~ Z9+&=#%é/?🙂", &mut out);
        assert_eq!(out, "a-._~%20Z9%2B%26%3D%23%25%C3%A9%2F%3F%F0%9F%99%82");
    }

    #[test]
    fn writes_in_a_fixed_order_after_the_host_parameters() {
        let st = state(
            Some("asso-lyon"),
            "chargé d'études",
            &[(Facet::City, "Paris"), (Facet::Kind, "stage"), (Facet::City, "Lyon"), (Facet::Organization, "A & B")],
            Sort::Recent,
            true,
        );
        assert_eq!(
            write("?page_id=12&q=old&lang=fr&ville=Nice&x", "", &st),
            "?page_id=12&lang=fr&x&offre=asso-lyon&q=charg%C3%A9%20d%27%C3%A9tudes&type=stage&ville=Lyon&ville=Paris\
             &organisation=A%20%26%20B&tri=recent&clotures=1"
        );
        assert_eq!(write("", "", &UrlState::default()), "");
        assert_eq!(write("?q=a&tri=pay&clotures=1&offre=z", "", &UrlState::default()), "");
        assert_eq!(write("?a=1", "", &UrlState::default()), "?a=1");
        assert_eq!(write("?", "", &st), write("", "", &st));
        // Default sort, expired off, empty text and empty values are left out.
        let quiet = state(None, "", &[(Facet::City, "")], Sort::Relevance, false);
        assert_eq!(write("", "", &quiet), "");
        let empty_set = UrlState {
            query: Query { filters: [(Facet::Theme, KeySet::new())].into(), ..Query::default() },
            offer: None,
        };
        assert_eq!(write("", "", &empty_set), "");
    }

    #[test]
    fn host_parameters_are_kept_verbatim() {
        let host = "?utm_campaign=%C3%A9t%C3%A9+2025&empty=&flag&a=1&a=2&weird=%zz&sp=a+b&&eq==x&plus=%2B";
        let st = state(Some("o"), "x", &[(Facet::Theme, "sante")], Sort::Pay, false);
        let written = write(host, "", &st);
        assert!(
            written
                .starts_with("?utm_campaign=%C3%A9t%C3%A9+2025&empty=&flag&a=1&a=2&weird=%zz&sp=a+b&eq==x&plus=%2B&"),
            "{written}"
        );
        assert_eq!(read(&written, ""), st);
        // Writing what was read changes nothing but the order of the widget's own parameters.
        assert_eq!(write(host, "", &read(host, "")), host.replace("&&", "&"));
        let mixed = "?tri=pay&utm=1&q=x&ville=Lyon&ref=abc";
        assert_eq!(write(mixed, "", &read(mixed, "")), "?utm=1&ref=abc&q=x&ville=Lyon&tri=pay");
        // Idempotent.
        let once = write(mixed, "", &st);
        assert_eq!(write(&once, "", &st), once);
    }

    #[test]
    fn prefixes_keep_two_widgets_apart() {
        let jobs = state(Some("job-1"), "animateur", &[(Facet::City, "Lyon")], Sort::Recent, false);
        let calls = state(None, "", &[(Facet::Theme, "culture")], Sort::ClosingSoon, true);
        let s = write("?page=3", "emplois", &jobs);
        assert_eq!(s, "?page=3&emplois-offre=job-1&emplois-q=animateur&emplois-ville=Lyon&emplois-tri=recent");
        let s = write(&s, "", &calls);
        let s = write(&s, "appels", &UrlState::default());
        assert_eq!(s, "?page=3&emplois-offre=job-1&emplois-q=animateur&emplois-ville=Lyon&emplois-tri=recent&theme=culture&tri=closing&clotures=1");
        assert_eq!(read(&s, "emplois"), jobs);
        assert_eq!(read(&s, ""), calls);
        assert_eq!(read(&s, "appels"), UrlState::default());
        // Clearing one widget leaves the other alone.
        let cleared = write(&s, "emplois", &UrlState::default());
        assert_eq!(cleared, "?page=3&theme=culture&tri=closing&clotures=1");
        // A prefix only matches as `prefix-`.
        assert_eq!(read("emploisoffre=x&emplois-=y&emplois-offre=z", "emplois").offer.as_deref(), Some("z"));
        // A prefix that needs encoding still round-trips.
        let s = write("", "mes offres", &jobs);
        assert!(s.starts_with("?mes%20offres-offre=job-1"), "{s}");
        assert_eq!(read(&s, "mes offres"), jobs);
    }

    /// Tiny deterministic generator for the property tests.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 11) as usize
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.next() % items.len()]
        }
        fn text(&mut self, pieces: &[&str], allow_empty: bool) -> String {
            loop {
                let s: String = (0..self.next() % 4).map(|_| self.pick(pieces)).collect();
                if allow_empty || !s.is_empty() {
                    return s;
                }
            }
        }
    }

    const PIECES: &[&str] = &[
        "é",
        "&",
        "=",
        "+",
        "#",
        "%",
        "%2",
        "%41",
        " ",
        "🙂",
        "?",
        "a b",
        "\u{0}",
        "\n",
        "ville=Lyon",
        "q",
        "-",
        "~",
        "Œuvre",
        "l’été",
        "\"",
        "<script>",
        "\u{fffd}",
        "*",
        "/",
        ";",
        "[]",
        "emplois-offre=",
    ];

    #[test]
    fn any_state_round_trips() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let hosts = ["", "?", "?a=1", "?q=host&offre=host", "?x=%C3%A9+y&&z", "?emplois-q=autre&tri=pay"];
        for _ in 0..3000 {
            let prefix = rng.pick(&["", "emplois", "appels", "w-2"]);
            let offer = match rng.next() % 3 {
                0 => None,
                _ => Some(rng.text(PIECES, true)),
            };
            let mut query = Query { text: rng.text(PIECES, true), ..Query::default() };
            for facet in Facet::ALL {
                for _ in 0..rng.next() % 3 {
                    query.filters.entry(facet).or_default().insert(rng.text(PIECES, false));
                }
            }
            query.sort = Sort::ALL[rng.next() % Sort::ALL.len()];
            query.show_expired = rng.next().is_multiple_of(2);
            let st = UrlState { offer, query };
            let host = rng.pick(&hosts);
            let written = write(host, prefix, &st);
            assert_eq!(read(&written, prefix), st, "{host} {prefix} {written}");
            // The host's own parameters come first, unchanged (minus this widget's).
            let kept: Vec<&str> =
                pieces(host).filter(|p| own(&decode(p.split('=').next().unwrap()), prefix).is_none()).collect();
            let head: Vec<&str> = pieces(&written).take(kept.len()).collect();
            assert_eq!(head, kept, "{host} {prefix} {written}");
            // Only unreserved characters, `%`, `&`, `=`, `?` and what the host had.
            if host.is_empty() {
                assert!(written.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%&=?".contains(&b)), "{written}");
            }
            // Other prefixes see nothing of it unless they share the host's.
            if prefix == "appels" {
                assert_eq!(read(&written, "emplois"), read(host, "emplois"));
            }
        }
    }

    #[test]
    fn any_search_string_is_read_without_panic_and_kept_on_write() {
        let mut rng = Rng(42);
        let chars =
            ["%", "+", "&", "=", "?", "#", "a", "q", "1", "é", "%C3", "%A9", "%FF", "tri", "ville", "offre", "-"];
        for _ in 0..3000 {
            let s: String = (0..rng.next() % 24).map(|_| rng.pick(&chars)).collect();
            let st = read(&s, "");
            let rewritten = write(&s, "", &st);
            assert_eq!(read(&rewritten, ""), st, "{s}");
            for piece in pieces(&s) {
                if own(&decode(piece.split('=').next().unwrap()), "").is_none() {
                    assert!(pieces(&rewritten).any(|p| p == piece), "{s} → {rewritten}");
                }
            }
        }
    }
}
