//! The words of one exported item: its one-line summary, its full text (plain and HTML), its
//! categories, and the escaping that keeps any text inert in XML and HTML.

use crate::model::{Block, Contract, Posting, Remote};
use crate::ui::format;
use crate::ui::i18n::Locale;

/// The text with what no feed can carry removed: control characters (XML 1.0 forbids most of
/// them, and none means anything in an offer) and the non-characters U+FFFE/U+FFFF. Line breaks
/// become `\n` (a `\r` would not survive an XML parser's line-end handling); tabs stay.
pub fn clean(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    s.chars().filter(|&c| c == '\n' || c == '\t' || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')).collect()
}

/// A one-line text (title, organization): [`clean`], with every run of white space (line breaks
/// included) made one space and none at either end.
pub fn line(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text escaped for the content of an XML or HTML element (never an attribute value): `&`, `<`
/// and `>` become references, after [`clean`]. Escaping every `>` also keeps a `]]>` in the text
/// from meaning anything. Quotes need no escaping there, and are left as they are.
pub fn escape(s: &str) -> String {
    let s = clean(s);
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Where the offer is: the main workplace's city, else its country; with the remote work allowed.
fn place(p: &Posting) -> Option<String> {
    let mut s = p.city().map(str::to_string).or_else(|| p.country().map(|c| c.label().to_string()));
    if let Some(remote) = p.remote.filter(|r| *r != Remote::None) {
        s = Some(match s {
            Some(place) => format!("{place} ({})", remote.label().to_lowercase()),
            None => remote.label().to_string(),
        });
    }
    s
}

/// Kind and contract, without saying the same word twice ("Stage", "Emploi, CDI").
fn kind_and_contract(p: &Posting) -> String {
    let kind = p.kind.label();
    match p.contract {
        Contract::None => kind.to_string(),
        c if c.label() == kind => kind.to_string(),
        c => format!("{kind}, {}", c.label()),
    }
}

/// The facts a reader looks at first, one per line: organization and place, kind and contract,
/// deadline (when there is one). Cleaned, not escaped.
pub fn facts(p: &Posting) -> Vec<String> {
    let mut first = line(&p.organization);
    if let Some(pl) = place(p) {
        first.push_str(" — ");
        first.push_str(&clean(&pl));
    }
    let mut out = vec![first, kind_and_contract(p)];
    if let Some(d) = p.deadline {
        out.push(format!("Date limite : {}", format::date(d, Locale::FrFr)));
    }
    out
}

/// The facts on one line, separated by " · " (JSON Feed `summary`).
pub fn summary(p: &Posting) -> String {
    facts(p).join(" · ")
}

/// The offer as plain text: the facts, a blank line, then its text (headings and paragraphs
/// separated by blank lines, list items as "• item" with "  ◦ sub-item" lines). Cleaned, not escaped.
pub fn plain(p: &Posting) -> String {
    let mut out = facts(p).join("\n");
    for b in &p.body {
        out.push_str("\n\n");
        match b {
            Block::Heading { text } | Block::Paragraph { text } => out.push_str(&clean(text)),
            Block::List { items } => {
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str("• ");
                    out.push_str(&clean(&it.text));
                    for c in &it.children {
                        out.push_str("\n  ◦ ");
                        out.push_str(&clean(c));
                    }
                }
            }
        }
    }
    out
}

/// The offer as an HTML fragment in which every text is escaped: the facts in a paragraph (lines
/// joined by `<br>`), then headings (`<h3>`), paragraphs and lists (nested for sub-items).
pub fn html_fragment(p: &Posting) -> String {
    let facts: Vec<String> = facts(p).iter().map(|f| escape(f)).collect();
    let mut out = format!("<p>{}</p>", facts.join("<br>"));
    for b in &p.body {
        match b {
            Block::Heading { text } => out.push_str(&format!("<h3>{}</h3>", escape(text))),
            Block::Paragraph { text } => out.push_str(&format!("<p>{}</p>", escape(text).replace('\n', "<br>"))),
            Block::List { items } => {
                out.push_str("<ul>");
                for it in items {
                    out.push_str("<li>");
                    out.push_str(&escape(&it.text));
                    if !it.children.is_empty() {
                        out.push_str("<ul>");
                        for c in &it.children {
                            out.push_str(&format!("<li>{}</li>", escape(c)));
                        }
                        out.push_str("</ul>");
                    }
                    out.push_str("</li>");
                }
                out.push_str("</ul>");
            }
        }
    }
    out
}

/// The item's categories: its kind, its contract (unless none, or the same word as the kind),
/// then its themes; French labels, without repeats.
pub fn categories(p: &Posting) -> Vec<&'static str> {
    let mut out = vec![p.kind.label()];
    if p.contract != Contract::None {
        out.push(p.contract.label());
    }
    out.extend(p.themes.iter().map(|t| t.label()));
    let mut seen = Vec::with_capacity(out.len());
    out.retain(|l| {
        let new = !seen.contains(l);
        seen.push(*l);
        new
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Apply, Country, Kind, ListItem, Place, Theme};

    fn posting() -> Posting {
        Posting {
            id: "a".into(),
            kind: Kind::Stage,
            contract: Contract::Stage,
            title: "Stagiaire".into(),
            organization: "Asso & Cie".into(),
            partners: vec![],
            places: vec![Place { city: Some("Lyon".into()), postal_code: None, department: None, region: None, country: Country::FR }],
            remote: Some(Remote::Partial),
            pay: None,
            hours_per_week: None,
            duration_months: None,
            start: None,
            deadline: Some("2023-07-01".parse().unwrap()),
            published: None,
            apply: Apply::default(),
            themes: vec![Theme::Justice, Theme::Logement],
            body: vec![
                Block::Heading { text: "Missions".into() },
                Block::List { items: vec![ListItem { text: "<b>accueil</b>".into(), children: vec!["a\u{1}b".into()] }] },
                Block::Paragraph { text: "ligne 1\r\nligne 2".into() },
            ],
            source: None,
        }
    }

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_carry() {
        assert_eq!(escape("a & b <c> \"d\" 'e' ]]>"), "a &amp; b &lt;c&gt; \"d\" 'e' ]]&gt;");
        assert_eq!(clean("a\u{0}b\u{1b}c\u{7f}d\u{85}e\u{FFFF}f\tg\r\nh\ri"), "abcdef\tg\nh\ni");
        assert_eq!(escape("x\u{8}<y>"), "x&lt;y&gt;");
        assert_eq!(line(" Chargé·e\n de \u{1}\tmission  "), "Chargé·e de mission");
    }

    #[test]
    fn facts_plain_text_and_html() {
        let p = posting();
        assert_eq!(facts(&p), ["Asso & Cie — Lyon (télétravail partiel)", "Stage", "Date limite : 1er juillet 2023"]);
        assert_eq!(summary(&p), "Asso & Cie — Lyon (télétravail partiel) · Stage · Date limite : 1er juillet 2023");
        assert_eq!(
            plain(&p),
            "Asso & Cie — Lyon (télétravail partiel)\nStage\nDate limite : 1er juillet 2023\n\nMissions\n\n• <b>accueil</b>\n  ◦ ab\n\nligne 1\nligne 2"
        );
        assert_eq!(
            html_fragment(&p),
            "<p>Asso &amp; Cie — Lyon (télétravail partiel)<br>Stage<br>Date limite : 1er juillet 2023</p>\
             <h3>Missions</h3><ul><li>&lt;b&gt;accueil&lt;/b&gt;<ul><li>ab</li></ul></li></ul><p>ligne 1<br>ligne 2</p>"
        );
    }

    #[test]
    fn categories_without_repeats() {
        let mut p = posting();
        assert_eq!(categories(&p), ["Stage", "Justice", "Logement"]);
        p.kind = Kind::Emploi;
        p.contract = Contract::Cdi;
        p.themes.clear();
        assert_eq!(categories(&p), ["Emploi", "CDI"]);
        p.contract = Contract::None;
        p.places.clear();
        p.remote = Some(Remote::None);
        assert_eq!(categories(&p), ["Emploi"]);
        assert_eq!(facts(&p)[0], "Asso & Cie");
    }
}
