//! What the studio hands out and takes in: the feed (one file, or split into offers + texts with
//! `model::pack`), the RSS 2.0 and JSON Feed 1.1 exports (vitrine's own `export` renderers), the
//! `<script>` snippet, and the reading of a feed file the publisher opens (`model::feed`), whose
//! problems are named in French with the file and record at fault.

use crate::i18n::Texts;
use vitrine::export::{self, Channel};
use vitrine::model::{self, feed, pack, Date, Posting};

/// The single-file feed: `{"updated": …, "postings": […]}`.
pub fn single(postings: &[Posting], updated: Date) -> String {
    let array = model::to_json(postings);
    format!("{{\"updated\": \"{updated}\",\n\"postings\": {}}}\n", array.trim_end())
}

/// The split feed: the offers file and its texts file (`offres.bodies.json`, beside it).
pub fn split(postings: &[Posting], updated: Date, offers_name: &str) -> pack::Split {
    pack::split(postings, Some(updated), &bodies_name(offers_name))
}

/// The texts file that goes with an offers file: `offres.json` → `offres.bodies.json`.
pub fn bodies_name(offers_name: &str) -> String {
    let stem = offers_name.strip_suffix(".json").unwrap_or(offers_name);
    format!("{stem}.bodies.json")
}

/// The file name at the end of a URL (`…/offres.json` → `offres.json`).
pub fn file_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let name = path.rsplit('/').next().unwrap_or("");
    if name.ends_with(".json") { name.to_string() } else { "offres.json".to_string() }
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The tag to paste in the association's page.
pub fn snippet(widget_url: &str, feed_url: &str, lang: &str, color_scheme: &str, kind: &str, title: &str) -> String {
    let mut s = format!("<script src=\"{}\" data-src=\"{}\"", attr(widget_url.trim()), attr(feed_url.trim()));
    if !lang.is_empty() && lang != "fr" {
        s.push_str(&format!(" data-lang=\"{}\"", attr(lang)));
    }
    if !color_scheme.is_empty() && color_scheme != "auto" {
        s.push_str(&format!(" data-color-scheme=\"{}\"", attr(color_scheme)));
    }
    if !kind.is_empty() {
        s.push_str(&format!(" data-kind=\"{}\"", attr(kind)));
    }
    if !title.trim().is_empty() {
        s.push_str(&format!(" data-title=\"{}\"", attr(title.trim())));
    }
    s.push_str(" async></script>");
    s
}

/// Problems of an address for the snippet, in `t`'s language (none: fine).
pub fn check_url(what: &str, url: &str, t: &Texts) -> Option<String> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    if u.is_empty() {
        Some((t.url_missing)(what))
    } else if !(lower.starts_with("https://") || lower.starts_with("http://") || u.starts_with('/')) || u.contains(char::is_whitespace) {
        Some((t.url_not_web)(what, u))
    } else {
        None
    }
}

/// The title of the RSS and JSON Feed exports when the settings give no heading.
pub const DEFAULT_FEED_TITLE: &str = "Nos offres";

/// The file names of the exports that go with a feed: `offres.json` → `offres.rss.xml`, `offres.feed.json`.
pub fn export_names(offers_name: &str) -> (String, String) {
    let stem = offers_name.strip_suffix(".json").unwrap_or(offers_name);
    (format!("{stem}.rss.xml"), format!("{stem}.feed.json"))
}

/// Why the page address cannot be used for the exports' links, in `t`'s language (none: fine).
/// The address must be absolute http(s): the links of a feed are read outside the page.
pub fn check_site_url(url: &str, t: &Texts) -> Option<String> {
    let u = url.trim();
    if u.is_empty() {
        Some(t.site_missing.into())
    } else if !export::is_site_url(u) {
        Some((t.site_not_absolute)(u))
    } else {
        None
    }
}

/// The channel of the exports: the settings' heading (or [`DEFAULT_FEED_TITLE`]) and the page address.
fn channel(title: &str, site_url: &str, today: Date, t: &Texts) -> Result<Channel, String> {
    if let Some(problem) = check_site_url(site_url, t) {
        return Err(problem);
    }
    let title = if vitrine::export::text::line(title).is_empty() { DEFAULT_FEED_TITLE } else { title };
    Channel::new(title, site_url, today).map_err(|e| (t.export_failed)(&e.to_string()))
}

/// The RSS 2.0 feed of the offers open on `today` (as `vitrine export` writes it: newest first,
/// each linking to the offer in the widget on `site_url`).
pub fn rss(postings: &[Posting], today: Date, title: &str, site_url: &str, t: &Texts) -> Result<String, String> {
    let channel = channel(title, site_url, today, t)?;
    Ok(export::rss::render(&channel, &export::items(postings, today, &channel)))
}

/// The JSON Feed 1.1 of the offers open on `today` (as `vitrine export` writes it).
pub fn json_feed(postings: &[Posting], today: Date, title: &str, site_url: &str, t: &Texts) -> Result<String, String> {
    let channel = channel(title, site_url, today, t)?;
    Ok(export::json_feed::render(&channel, &export::items(postings, today, &channel)))
}

/// A file the publisher opened: its name and its text.
#[derive(Debug, Clone)]
pub struct Opened {
    pub name: String,
    pub text: String,
}

/// Reads the records of opened feed files: one single-file feed (or data file), or a split
/// feed's offers file with its texts file. Any problem fails the whole reading, naming the file
/// and the record (in `t`'s language), so that nothing half-read is added.
pub fn open(files: &[Opened], t: &Texts) -> Result<Vec<Posting>, String> {
    let mut offers: Option<(&Opened, feed::Feed)> = None;
    let mut bodies: Option<(&Opened, pack::Bodies)> = None;
    for f in files {
        let text = f.text.strip_prefix('\u{feff}').unwrap_or(&f.text);
        // A texts file is an object with "stamp" and "bodies"; anything else is read as a feed.
        if text.trim_start().starts_with('{') && text.contains("\"stamp\"") && !text.contains("\"postings\"") {
            let b = pack::decode_bodies(text).map_err(|e| (t.bodies_unreadable)(&f.name, &e.to_string()))?;
            bodies = Some((f, b));
            continue;
        }
        let fd = feed::decode(text).map_err(|e| (t.not_a_feed)(&f.name, &e.to_string()))?;
        if let Some(r) = fd.rejected.first() {
            return Err((t.bad_record)(&f.name, &r.to_string(), fd.rejected.len() - 1));
        }
        if fd.truncated {
            return Err((t.feed_cut)(&f.name));
        }
        if let Some(w) = fd.warnings.first() {
            return Err((t.feed_warning)(&f.name, w));
        }
        if offers.is_some() {
            return Err(t.one_feed_at_a_time.into());
        }
        offers = Some((f, fd));
    }
    let Some((of, mut fd)) = offers else {
        return Err(match bodies {
            Some((b, _)) => (t.bodies_alone)(&b.name),
            None => t.no_file.into(),
        });
    };
    match (&fd.bodies, bodies) {
        (Some(r), None) => return Err((t.needs_bodies)(&of.name, &r.href)),
        (Some(_), Some((bf, b))) => pack::join(&mut fd, &b).map_err(|e| (t.bodies_mismatch)(&bf.name, &of.name, &e))?,
        (None, Some((bf, _))) => return Err((t.not_split)(&of.name, &bf.name)),
        (None, None) => {}
    }
    if fd.postings.is_empty() {
        return Err((t.feed_empty)(&of.name));
    }
    Ok(fd.postings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{texts, Lang};

    fn fr() -> &'static Texts {
        texts(Lang::Fr)
    }
    fn open(files: &[Opened]) -> Result<Vec<Posting>, String> {
        super::open(files, fr())
    }
    fn rss(p: &[Posting], today: Date, title: &str, site: &str) -> Result<String, String> {
        super::rss(p, today, title, site, fr())
    }
    fn json_feed(p: &[Posting], today: Date, title: &str, site: &str) -> Result<String, String> {
        super::json_feed(p, today, title, site, fr())
    }

    fn postings() -> Vec<Posting> {
        vec![vitrine::ingest::extract("Éducateur spécialisé (H/F)\n\nAssociation Les Écureuils — Lyon\nCDI\n\nMissions\n- Accompagner\n\nCV à rh@ecureuils.org", None).posting]
    }

    fn f(name: &str, text: String) -> Opened {
        Opened { name: name.into(), text }
    }

    #[test]
    fn both_forms_open_again_as_the_same_records() {
        let p = postings();
        let today: Date = "2025-01-02".parse().unwrap();
        let one = single(&p, today);
        let mut want = p.clone();
        want[0].source = None;
        let back = open(&[f("offres.json", one)]).unwrap();
        assert_eq!(back[0].title, p[0].title);
        assert_eq!(back[0].body, p[0].body);
        let s = split(&p, today, "offres.json");
        assert!(s.offers.contains("\"href\":\"offres.bodies.json\""));
        let back = open(&[f("offres.bodies.json", s.bodies.clone()), f("offres.json", s.offers.clone())]).unwrap();
        assert_eq!(back, want);
        let e = open(&[f("offres.json", s.offers)]).unwrap_err();
        assert!(e.contains("offres.bodies.json"), "{e}");
    }

    #[test]
    fn bad_feeds_are_named() {
        let e = open(&[f("flux.json", "{\"postings\": [".into())]).unwrap_err();
        assert!(e.contains("flux.json"), "{e}");
        let e = open(&[f("page.json", "<html>".into())]).unwrap_err();
        assert!(e.starts_with("« page.json » n’est pas un flux vitrine"), "{e}");
        let e = open(&[f("x.json", "[{\"id\": \"a\", \"kind\": \"emploi\", \"title\": \"T\", \"organization\": \"O\", \"deadline\": \"2025-13-40\"}]".into())]).unwrap_err();
        assert!(e.contains("x.json") && e.contains("illisible"), "{e}");
    }

    #[test]
    fn rss_and_json_feed_list_the_open_offers_linking_to_the_page() {
        let today: Date = "2025-01-02".parse().unwrap();
        let mut p = postings();
        let mut expired = p[0].clone();
        expired.id = "ancienne".into();
        expired.title = "Ancienne offre".into();
        expired.deadline = Some("2025-01-01".parse().unwrap());
        p.push(expired);
        let site = "https://asso.example/offres/?lang=fr";
        let xml = rss(&p, today, "", site).unwrap();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""), "{xml}");
        assert!(xml.contains("<title>Nos offres</title>"));
        assert!(xml.contains(&format!("<link>https://asso.example/offres/?lang=fr&amp;offre={}</link>", p[0].id)), "{xml}");
        assert!(xml.contains("<title>Éducateur spécialisé</title>"));
        assert!(!xml.contains("Ancienne offre"), "an expired offer is left out");
        assert_eq!(xml.matches("<item>").count(), 1);

        let json: serde_json::Value = serde_json::from_str(&json_feed(&p, today, "Emplois de l’asso", site).unwrap()).unwrap();
        assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(json["title"], "Emplois de l’asso");
        assert_eq!(json["home_page_url"], site);
        let items = json["items"].as_array().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["title"], "Éducateur spécialisé");
        assert_eq!(items[0]["url"], format!("https://asso.example/offres/?lang=fr&offre={}", p[0].id));
        assert_eq!(export_names("offres.json"), ("offres.rss.xml".into(), "offres.feed.json".into()));
    }

    #[test]
    fn the_page_address_must_be_absolute() {
        for bad in ["", "  ", "offres.html", "/offres/", "mon-asso.example/offres", "https://", "https://mon asso.example/"] {
            let e = rss(&postings(), "2025-01-02".parse().unwrap(), "", bad).unwrap_err();
            assert!(e.starts_with("Adresse de la page qui affiche les offres"), "{bad}: {e}");
            assert!(json_feed(&postings(), "2025-01-02".parse().unwrap(), "", bad).is_err());
        }
        assert!(check_site_url("offres.html", fr()).unwrap().contains("« offres.html »"));
        assert!(check_site_url("offres.html", texts(Lang::En)).unwrap().starts_with("Address of the page that shows the offers: “offres.html” is not a full address"));
        assert_eq!(check_site_url(" https://mon-asso.example/offres/ ", fr()), None);
    }

    #[test]
    fn the_snippet_carries_the_settings() {
        assert_eq!(
            snippet("https://a.org/v/vitrine.js", "https://a.org/offres.json", "nl", "dark", "", "Nos \"offres\""),
            "<script src=\"https://a.org/v/vitrine.js\" data-src=\"https://a.org/offres.json\" data-lang=\"nl\" data-color-scheme=\"dark\" data-title=\"Nos &quot;offres&quot;\" async></script>"
        );
        assert_eq!(file_name("https://a.org/x/flux.json?v=2"), "flux.json");
        assert_eq!(bodies_name("flux.json"), "flux.bodies.json");
        assert!(check_url("Flux", "mon site", fr()).is_some());
    }
}
