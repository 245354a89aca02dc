//! Widget configuration from `data-` attributes: a pure parser from (name, value) pairs, so the
//! rules are tested natively. Unknown or invalid values are reported, never fatal: the widget then
//! runs with the default for that setting.

use crate::catalogue::length::Length;
use crate::catalogue::{pay, start};
use crate::catalogue::{Facet, FacetSet, Filters, KeySet};
use crate::model::{letters, Contract, Country, Date, Kind, Posting, Remote, Theme};
use crate::ui::i18n::Locale;
use std::fmt;

/// Light or dark colours (`data-color-scheme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ColorScheme {
    /// Follows the visitor's system (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ColorScheme {
    pub const ALL: [ColorScheme; 3] = [ColorScheme::Auto, ColorScheme::Light, ColorScheme::Dark];

    /// The attribute value (`auto`, `light`, `dark`), also put on the widget's root for the CSS.
    pub fn key(self) -> &'static str {
        match self {
            ColorScheme::Auto => "auto",
            ColorScheme::Light => "light",
            ColorScheme::Dark => "dark",
        }
    }

    pub fn from_key(key: &str) -> Option<ColorScheme> {
        ColorScheme::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// Settings of one widget.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Interface language and conventions asked by `data-lang`; `None` when absent or unknown
    /// (then the page's `<html lang>` decides, see `resolve_locale`). Offer texts keep their own.
    pub lang: Option<Locale>,
    pub color_scheme: ColorScheme,
    /// Facets whose filter group is not shown (`data-hide-facets`).
    pub hidden_facets: FacetSet,
    /// The date deadlines are judged against; the visitor's local date when absent.
    pub today: Option<Date>,
    /// Pre-filter chosen by the partner: only postings matching every listed facet are shown.
    /// Values within one facet are OR'ed, like the visitor's own filters.
    pub preset: Filters,
    /// How many results are rendered before "Voir plus".
    pub page_size: usize,
    /// Optional heading above the widget.
    pub title: Option<String>,
    /// Prefix of the widget's URL parameters (`emplois` → `emplois-offre`), for pages with
    /// several widgets; by default the first widget uses none and later ones their host's id.
    pub url_prefix: Option<String>,
    /// Partner feeds to show instead of the bundled offers (`data-src`, URLs separated by spaces).
    pub sources: Vec<String>,
    /// The level of the widget's first headings (`data-heading-level`, 1–6); `None`: from the
    /// page's outline (see [`heading_level`]).
    pub heading_level: Option<u8>,
}

/// The level of the widget's first headings: the one asked by `data-heading-level`, else one
/// below the nearest heading before the host (`page_before`, its level), at most 6; else 2 (a
/// section of a page whose title is its `<h1>`).
pub fn heading_level(asked: Option<u8>, page_before: Option<u8>) -> u8 {
    asked.or(page_before.map(|n| n.saturating_add(1))).unwrap_or(2).clamp(1, 6)
}

/// An attribute the parser could not use, named so a partner can fix the tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub attribute: String,
    pub value: String,
    pub reason: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "vitrine: attribute {}=\"{}\" ignored: {}", self.attribute, self.value, self.reason)
    }
}

pub const DEFAULT_PAGE_SIZE: usize = 20;

/// Parses the attributes of the script tag and host element (later pairs override earlier ones
/// for single-valued settings). Names may be given with or without the `data-` prefix.
pub fn parse(attributes: &[(String, String)]) -> (Config, Vec<ConfigError>) {
    let mut config = Config { page_size: DEFAULT_PAGE_SIZE, ..Config::default() };
    let mut errors = Vec::new();
    for (raw_name, raw_value) in attributes {
        let name = raw_name.strip_prefix("data-").unwrap_or(raw_name).to_ascii_lowercase();
        let value = raw_value.trim();
        let mut fail = |reason: &str| {
            errors.push(ConfigError {
                attribute: format!("data-{name}"),
                value: raw_value.clone(),
                reason: reason.to_string(),
            })
        };
        match name.as_str() {
            "lang" => match Locale::from_tag(value) {
                Some(locale) => config.lang = Some(locale),
                None => fail(
                    "unknown interface language; known: fr, fr-FR, fr-BE, nl, nl-BE, en (any en-…); \
                     the page's language, else French, is used",
                ),
            },
            "color-scheme" => match ColorScheme::from_key(&value.to_ascii_lowercase()) {
                Some(scheme) => config.color_scheme = scheme,
                None => fail("expected light, dark or auto; auto (the visitor's system setting) is used"),
            },
            "hide-facets" => {
                config.hidden_facets.clear();
                for key in value.split([',', '|', ' ']).map(str::trim).filter(|k| !k.is_empty()) {
                    match Facet::from_key(&key.to_ascii_lowercase()) {
                        Some(facet) => {
                            config.hidden_facets.insert(facet);
                        }
                        None => {
                            let known: Vec<&str> = Facet::ALL.iter().map(|f| f.key()).collect();
                            fail(&format!("unknown facet «{key}»; known: {}", known.join(", ")))
                        }
                    }
                }
            }
            "today" => match value.parse::<Date>() {
                Ok(d) => config.today = Some(d),
                Err(e) => fail(&format!("{e}; the visitor's date is used")),
            },
            "page-size" => match value.parse::<usize>() {
                Ok(n) if (1..=500).contains(&n) => config.page_size = n,
                _ => fail("expected a whole number from 1 to 500"),
            },
            "title" => config.title = (!value.is_empty()).then(|| value.to_string()),
            "heading-level" => match value.trim_start_matches(['h', 'H']).parse::<u8>() {
                Ok(n) if (1..=6).contains(&n) => config.heading_level = Some(n),
                _ => fail("expected a heading level from 1 to 6; the page's headings decide"),
            },
            "src" => {
                config.sources.clear();
                for url in value.split_whitespace() {
                    let lower = url.to_ascii_lowercase();
                    let scheme = lower.split_once(':').map(|(s, _)| s).filter(|s| !s.contains('/'));
                    match scheme {
                        // blob: is a feed the page made itself (vitrine studio's preview).
                        None | Some("http") | Some("https") | Some("blob") => config.sources.push(url.to_string()),
                        Some(_) => fail(&format!("feed «{url}»: only http(s), blob: or relative URLs")),
                    }
                }
            }
            "url-prefix" => {
                if !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    config.url_prefix = Some(value.to_string());
                } else {
                    fail("expected letters, digits or _ only");
                }
            }
            "kind" | "contract" | "length" | "start" | "pay" | "country" | "region" | "remote" | "theme" | "city" | "organization" => {
                let facet = Facet::from_key(&name).expect("listed facet names are facet keys");
                let mut values = KeySet::new();
                for item in split_list(value, facet) {
                    match normalise_value(facet, item) {
                        Some(v) => {
                            values.insert(v);
                        }
                        None => fail(&format!("unknown {name} «{item}»; known: {}", known_values(facet))),
                    }
                }
                if !values.is_empty() {
                    config.preset.insert(facet, values);
                }
            }
            // Attributes the loader or the page uses for other purposes.
            "vitrine" | "vitrine-mounted" | "service-worker" | "own-host" => {}
            _ => fail("unknown setting"),
        }
    }
    (config, errors)
}

/// The interface's locale: `data-lang` when it named a known language, else the page's
/// `<html lang>` when it does, else French of France. An unknown page language is no error (the
/// partner did not ask for it); an unknown `data-lang` was reported by `parse`.
pub fn resolve_locale(asked: Option<Locale>, page_lang: Option<&str>) -> Locale {
    asked.or_else(|| page_lang.and_then(Locale::from_tag)).unwrap_or_default()
}

/// Organizations, regions and cities may contain commas only rarely; they are separated by `|`.
/// Enumerated facets accept `,` or `|`.
fn split_list(value: &str, facet: Facet) -> impl Iterator<Item = &str> {
    let seps: &[char] = match facet {
        Facet::Region | Facet::City | Facet::Organization => &['|'],
        _ => &[',', '|'],
    };
    value.split(seps).map(str::trim).filter(|s| !s.is_empty())
}

fn normalise_value(facet: Facet, item: &str) -> Option<String> {
    // ASCII lower-casing finds the same keys as Unicode's (a test checks it), without its table.
    let lower = item.to_ascii_lowercase().replace([' ', '-'], "_");
    let key = match facet {
        Facet::Kind => Kind::from_key(&lower)?.key(),
        Facet::Contract => Contract::from_key(&lower)?.key(),
        Facet::Remote => Remote::from_key(&lower)?.key(),
        Facet::Length => Length::from_key(&lower.replace('_', "-"))?.key(),
        Facet::Pay => return pay::is_key(&lower.replace('_', "-")).then(|| lower.replace('_', "-")),
        Facet::Start => return start::is_key(&lower.replace('_', "-")).then(|| lower.replace('_', "-")),
        Facet::Theme => Theme::from_key(&lower)?.key(),
        // ASCII upper-casing finds the same keys as Unicode's (a test checks it), without its table.
        Facet::Country => Country::from_key(&item.to_ascii_uppercase())?.key(),
        Facet::Region | Facet::City | Facet::Organization => return Some(item.to_string()),
    };
    Some(key.to_string())
}

fn known_values(facet: Facet) -> String {
    let keys: Vec<&str> = match facet {
        Facet::Kind => Kind::ALL.iter().map(|k| k.key()).collect(),
        Facet::Contract => Contract::ALL.iter().map(|k| k.key()).collect(),
        Facet::Remote => Remote::ALL.iter().map(|k| k.key()).collect(),
        Facet::Length => Length::ALL.iter().map(|k| k.key()).collect(),
        Facet::Pay => vec!["min-N (at least N a month)", "unstated"],
        Facet::Start => vec!["asap", "YYYY-MM", "from-YYYY-MM", "before-YYYY-MM"],
        Facet::Theme => Theme::ALL.iter().map(|k| k.key()).collect(),
        Facet::Country => Country::ALL.iter().map(|k| k.key()).collect(),
        Facet::Region | Facet::City | Facet::Organization => vec!["any name"],
    };
    keys.join(", ")
}

/// Whether two names are the same without regard to case: compared letter by letter lower-cased,
/// with the Greek final sigma `ς` taken as `σ` (what `str::to_lowercase` writes at the end of a
/// word), so no copy is made and the wasm carries no word-boundary tables.
fn same_name(a: &str, b: &str) -> bool {
    fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().flat_map(letters::lower).map(|c| if c == 'ς' { 'σ' } else { c })
    }
    letters(a).eq(letters(b))
}

/// Whether a posting passes the partner's preset (all listed facets, any value within one).
/// Region, city and organization names compare without regard to case.
pub fn preset_accepts(preset: &Filters, p: &Posting) -> bool {
    preset.iter().all(|(facet, values)| {
        let eq = |candidate: &str| values.iter().any(|v| same_name(v, candidate));
        match facet {
            Facet::Kind => eq(p.kind.key()),
            Facet::Contract => eq(p.contract.key()),
            Facet::Remote => p.remote.is_some_and(|r| eq(r.key())),
            Facet::Length => crate::catalogue::length::of(p).any(|l| eq(l.key())),
            Facet::Pay => pay::selects(values, &pay::value_of(p)),
            Facet::Start => start::value_of(p).is_some_and(|v| start::selects(values, &v)),
            Facet::Theme => p.themes.iter().any(|t| eq(t.key())),
            Facet::Country => p.places.iter().any(|pl| eq(pl.country.key())),
            Facet::Region => p.places.iter().filter_map(crate::catalogue::regions::region_of).any(eq),
            Facet::City => p.places.iter().filter_map(|pl| pl.city.as_deref()).any(eq),
            Facet::Organization => eq(&p.organization),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn defaults_without_attributes() {
        let (c, e) = parse(&[]);
        assert_eq!(c.lang, None);
        assert_eq!(c.color_scheme, ColorScheme::Auto);
        assert!(c.hidden_facets.is_empty());
        assert_eq!(c.today, None);
        assert!(c.preset.is_empty());
        assert_eq!(c.page_size, DEFAULT_PAGE_SIZE);
        assert!(e.is_empty());
    }

    #[test]
    fn reads_today_lang_and_presets() {
        let (c, e) = parse(&attrs(&[
            ("data-today", "2023-07-01"),
            ("data-lang", "fr-BE"),
            ("data-kind", "emploi, Service civique"),
            ("data-organization", "Association Possible|Le Labo de l'ESS"),
            ("data-country", "be"),
            ("data-page-size", "5"),
            ("data-url-prefix", "emplois"),
            ("data-colour", "red"),
            ("data-src", "https://a.org/offres.json  /flux/b.json javascript:alert(1)"),
        ]));
        assert_eq!(c.today, Some(Date::new(2023, 7, 1).unwrap()));
        assert_eq!(c.page_size, 5);
        assert_eq!(c.url_prefix.as_deref(), Some("emplois"));
        let kinds: Vec<&str> = c.preset[&Facet::Kind].iter().map(String::as_str).collect();
        assert_eq!(kinds, ["emploi", "service_civique"]);
        assert_eq!(c.preset[&Facet::Organization].len(), 2);
        assert!(c.preset[&Facet::Country].contains("BE"));
        assert_eq!(c.sources, ["https://a.org/offres.json", "/flux/b.json"]);
        // An unknown setting and a javascript: feed are reported, neither is fatal.
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].attribute, "data-colour");
        assert!(e[1].reason.contains("javascript:alert(1)"), "{}", e[1]);
    }

    #[test]
    fn a_feed_the_page_made_is_taken() {
        let (c, e) = parse(&attrs(&[("data-src", "blob:http://127.0.0.1:8000/0b6c0d6e-2f1e-4c1a-9d35-4f8e8a1c2b3d data:application/json,[]")]));
        assert_eq!(c.sources, ["blob:http://127.0.0.1:8000/0b6c0d6e-2f1e-4c1a-9d35-4f8e8a1c2b3d"]);
        assert_eq!(e.len(), 1, "data: is still refused");
    }

    #[test]
    fn bad_values_are_named_and_skipped() {
        let (c, e) = parse(&attrs(&[
            ("data-today", "24/11/2026"),
            ("data-kind", "emploi,cdi"),
            ("data-lang", "de"),
            ("data-page-size", "0"),
            ("data-url-prefix", "a-b"),
        ]));
        assert_eq!(c.today, None);
        assert_eq!(c.preset[&Facet::Kind].len(), 1, "the good value is kept");
        assert_eq!(c.lang, None, "an unknown language is not taken");
        assert_eq!(c.page_size, DEFAULT_PAGE_SIZE);
        let named: Vec<&str> = e.iter().map(|x| x.attribute.as_str()).collect();
        assert_eq!(named, ["data-today", "data-kind", "data-lang", "data-page-size", "data-url-prefix"]);
        assert_eq!(c.url_prefix, None);
        assert!(e[1].to_string().contains("«cdi»"), "{}", e[1]);
        assert!(e[0].to_string().contains("24/11/2026"));
    }

    #[test]
    fn later_attributes_override_earlier_ones() {
        let (c, _) = parse(&attrs(&[("data-today", "2023-01-01"), ("data-today", "2024-02-02")]));
        assert_eq!(c.today.unwrap().to_string(), "2024-02-02");
    }

    #[test]
    fn lang_gives_a_locale_and_falls_back_to_the_page() {
        for (tag, want) in [("fr", Locale::FrFr), ("fr-BE", Locale::FrBe), ("nl", Locale::NlBe), ("nl-BE", Locale::NlBe),
            ("en", Locale::En), ("en-GB", Locale::En), ("FR_be", Locale::FrBe)]
        {
            let (c, e) = parse(&attrs(&[("data-lang", tag)]));
            assert_eq!(c.lang, Some(want), "{tag}");
            assert!(e.is_empty(), "{tag}: {e:?}");
            assert_eq!(resolve_locale(c.lang, Some("nl")), want, "data-lang wins over the page's language");
        }
        // The host element's data-lang overrides the script tag's; a bad one keeps the earlier.
        let (c, _) = parse(&attrs(&[("data-lang", "en"), ("data-lang", "nl-BE")]));
        assert_eq!(c.lang, Some(Locale::NlBe));
        let (c, e) = parse(&attrs(&[("data-lang", "en"), ("data-lang", "klingon")]));
        assert_eq!(c.lang, Some(Locale::En));
        assert_eq!(e.len(), 1);
        assert!(e[0].to_string().contains("data-lang=\"klingon\""), "{}", e[0]);
        assert!(e[0].reason.contains("known: fr"), "{}", e[0]);

        // Without a usable data-lang: the page's <html lang>, else French.
        let (c, e) = parse(&attrs(&[("data-lang", "de")]));
        assert_eq!(e.len(), 1, "an unknown data-lang is reported");
        assert_eq!(resolve_locale(c.lang, Some("en-US")), Locale::En);
        assert_eq!(resolve_locale(c.lang, Some("nl-BE")), Locale::NlBe);
        assert_eq!(resolve_locale(c.lang, Some("fr-BE")), Locale::FrBe);
        assert_eq!(resolve_locale(c.lang, Some("de")), Locale::FrFr);
        assert_eq!(resolve_locale(c.lang, Some("")), Locale::FrFr);
        assert_eq!(resolve_locale(None, None), Locale::FrFr);
    }

    #[test]
    fn heading_levels_follow_the_page_unless_asked() {
        assert_eq!(heading_level(None, None), 2, "no heading before: a section of the page");
        assert_eq!(heading_level(None, Some(1)), 2, "after the page's <h1>");
        assert_eq!(heading_level(None, Some(2)), 3);
        assert_eq!(heading_level(None, Some(6)), 6, "at most <h6>");
        assert_eq!(heading_level(Some(4), Some(1)), 4, "data-heading-level wins");
        assert_eq!(heading_level(Some(1), None), 1);
        for (v, want) in [("3", Some(3)), ("h5", Some(5)), (" 1 ", Some(1))] {
            let (c, e) = parse(&attrs(&[("data-heading-level", v)]));
            assert_eq!((c.heading_level, e.len()), (want, 0), "{v}");
        }
        for v in ["0", "7", "deux", ""] {
            let (c, e) = parse(&attrs(&[("data-heading-level", v)]));
            assert_eq!((c.heading_level, e.len()), (None, 1), "{v}");
            assert_eq!(e[0].attribute, "data-heading-level");
        }
    }

    #[test]
    fn color_scheme() {
        for (v, want) in [("light", ColorScheme::Light), ("dark", ColorScheme::Dark), ("auto", ColorScheme::Auto), (" Dark ", ColorScheme::Dark)] {
            let (c, e) = parse(&attrs(&[("data-color-scheme", v)]));
            assert_eq!(c.color_scheme, want, "{v}");
            assert!(e.is_empty());
        }
        let (c, e) = parse(&attrs(&[("data-color-scheme", "dark"), ("data-color-scheme", "sepia")]));
        assert_eq!(c.color_scheme, ColorScheme::Dark, "a bad value keeps the earlier one");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].attribute, "data-color-scheme");
        assert!(e[0].to_string().contains("sepia") && e[0].reason.contains("light, dark or auto"), "{}", e[0]);
        for s in ColorScheme::ALL {
            assert_eq!(ColorScheme::from_key(s.key()), Some(s));
        }
    }

    #[test]
    fn hidden_facets() {
        let (c, e) = parse(&attrs(&[("data-hide-facets", "city, Organization")]));
        assert_eq!(c.hidden_facets.iter().copied().collect::<Vec<_>>(), [Facet::City, Facet::Organization]);
        assert!(e.is_empty());
        let every = Facet::ALL.iter().map(|f| f.key()).collect::<Vec<_>>().join(",");
        let (c, _) = parse(&attrs(&[("data-hide-facets", every.as_str())]));
        assert_eq!(c.hidden_facets.len(), Facet::ALL.len());
        // Unknown keys are named, the known ones kept.
        let (c, e) = parse(&attrs(&[("data-hide-facets", "ville,theme,salary")]));
        assert_eq!(c.hidden_facets.iter().copied().collect::<Vec<_>>(), [Facet::Theme]);
        assert_eq!(e.len(), 2);
        assert!(e.iter().all(|x| x.attribute == "data-hide-facets"));
        assert!(e[0].reason.contains("«ville»") && e[0].reason.contains("kind, contract, length, start, pay, country, region, city, remote, theme, organization"), "{}", e[0]);
        assert!(e[1].reason.contains("«salary»"), "{}", e[1]);
        // The host element's list replaces the script tag's; an empty list hides nothing.
        let (c, _) = parse(&attrs(&[("data-hide-facets", "city"), ("data-hide-facets", "remote")]));
        assert_eq!(c.hidden_facets.iter().copied().collect::<Vec<_>>(), [Facet::Remote]);
        let (c, e) = parse(&attrs(&[("data-hide-facets", "city"), ("data-hide-facets", "")]));
        assert!(c.hidden_facets.is_empty() && e.is_empty());
    }

    /// `normalise_value` upper-cases country codes in ASCII only: no other character upper-cases
    /// to a piece of a country key, so Unicode upper-casing would find the same keys.
    #[test]
    fn ascii_upper_casing_finds_every_country_key() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| !c.is_ascii()) {
            let upper: String = c.to_uppercase().collect();
            assert!(!Country::ALL.iter().any(|k| k.key().contains(&upper)), "{c:?} upper-cases to {upper:?}");
        }
        for (item, key) in [("fr", Some("FR")), ("Be", Some("BE")), ("ch", Some("CH")), ("ﬁ", None), ("é", None)] {
            assert_eq!(normalise_value(Facet::Country, item).as_deref(), key, "{item}");
        }
    }

    /// `normalise_value` lower-cases the other enumerated values in ASCII only. Unicode
    /// lower-casing leaves a character outside ASCII (so it can match no key) except when it
    /// lower-cases to ASCII letters; none of those is in a key, so both find the same keys.
    #[test]
    fn ascii_lower_casing_finds_every_enumerated_key() {
        let keys: Vec<&str> = (Kind::ALL.iter().map(|k| k.key()))
            .chain(Contract::ALL.iter().map(|k| k.key()))
            .chain(Remote::ALL.iter().map(|k| k.key()))
            .chain(Theme::ALL.iter().map(|k| k.key()))
            .collect();
        assert!(keys.contains(&"service_civique") && keys.contains(&"transition_ecologique") && keys.contains(&"partial"));
        let mut to_ascii = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| !c.is_ascii()) {
            let lower: String = c.to_lowercase().collect();
            if lower.is_ascii() {
                to_ascii += 1;
                assert!(!keys.iter().any(|k| k.contains(&lower)), "{c:?} lower-cases to {lower:?}");
            }
        }
        assert_eq!(to_ascii, 1, "only the Kelvin sign lower-cases to ASCII (k)");
        for (facet, item, key) in [
            (Facet::Kind, "Service Civique", Some("service_civique")),
            (Facet::Kind, "SERVICE-CIVIQUE", Some("service_civique")),
            (Facet::Contract, "CDI", Some("cdi")),
            (Facet::Remote, "Partial", Some("partial")),
            (Facet::Theme, "Transition écologique", None),
            (Facet::Theme, "\u{212A}", None),
            (Facet::Kind, "emplοi", None), // a Greek omicron
        ] {
            assert_eq!(normalise_value(facet, item).as_deref(), key, "{item}");
        }
    }

    #[test]
    fn preset_names_compare_without_regard_to_case() {
        let same = [
            ("Association Possible", "association possible"),
            ("ÉCOLE DE LA DEUXIÈME CHANCE", "École de la deuxième chance"),
            ("ŁÓDŹ", "łódź"),
            ("Île-de-France", "ÎLE-DE-FRANCE"),
            ("İzmir", "i\u{307}zmir"),
            // `str::to_lowercase` writes a final capital sigma as `ς`: the same names still match.
            ("ΟΔΟΣ ΑΘΗΝΑΣ", "Οδος Αθηνας"),
            ("", ""),
        ];
        for (a, b) in same {
            assert!(same_name(a, b) && same_name(b, a), "{a} / {b}");
            assert_eq!(a.to_lowercase(), b.to_lowercase(), "as before: {a} / {b}");
        }
        let different = [
            ("Ecole", "École"),
            ("Straße", "STRASSE"),
            ("Lyon", "Lyon 2e"),
            ("Lyon", "Lyo"),
            ("Œuvre", "oeuvre"),
            ("Lyon", ""),
        ];
        for (a, b) in different {
            assert!(!same_name(a, b) && !same_name(b, a), "{a} / {b}");
            assert_ne!(a.to_lowercase(), b.to_lowercase(), "as before: {a} / {b}");
        }

        let p: Posting = serde_json::from_str(
            r#"{"id":"x","kind":"emploi","title":"t","organization":"ÉCOLE DE LA DEUXIÈME CHANCE",
                "places":[{"city":"Łódź","country":"FR"}]}"#,
        )
        .unwrap();
        let preset = |pairs: &[(&str, &str)]| parse(&attrs(pairs)).0.preset;
        assert!(preset_accepts(&preset(&[("data-organization", "école de la deuxième chance")]), &p));
        assert!(preset_accepts(&preset(&[("data-city", "Paris|ŁÓDŹ")]), &p));
        assert!(!preset_accepts(&preset(&[("data-city", "Lodz")]), &p));
        assert!(!preset_accepts(&preset(&[("data-organization", "Ecole de la deuxieme chance")]), &p));
    }
}
