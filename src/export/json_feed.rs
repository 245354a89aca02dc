//! JSON Feed 1.1 output (<https://jsonfeed.org/version/1.1>), serialised by serde_json.

use super::text;
use super::{Channel, Item};
use crate::model::Date;
use serde::Serialize;

/// The version URL every JSON Feed 1.1 document starts with.
pub const VERSION: &str = "https://jsonfeed.org/version/1.1";

/// Midnight UTC of a day in RFC 3339 form: `2023-06-20T00:00:00Z`.
pub fn rfc3339(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

#[derive(Serialize)]
struct Document<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    description: &'a str,
    language: &'static str,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct Author {
    name: String,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    title: String,
    summary: String,
    content_text: String,
    content_html: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    authors: Vec<Author>,
    tags: Vec<&'static str>,
}

/// The JSON Feed 1.1 document of a channel and its items (pretty-printed, ending with a newline).
///
/// Item: `id` (the offer id), `url` (the widget's deep link), `title`, `summary` (the facts on one
/// line), `content_text` (facts and text), `content_html` (the same as HTML, every text escaped),
/// `date_published` (from `published`, when known), `authors` (the organization), `tags`.
pub fn render(channel: &Channel, items: &[Item]) -> String {
    let doc = Document {
        version: VERSION,
        title: &channel.title,
        home_page_url: &channel.site_url,
        description: &channel.description,
        language: "fr",
        items: items
            .iter()
            .map(|it| {
                let p = it.posting;
                JsonItem {
                    id: &p.id,
                    url: &it.link,
                    title: text::line(&p.title),
                    summary: text::summary(p),
                    content_text: text::plain(p),
                    content_html: text::html_fragment(p),
                    date_published: p.published.map(rfc3339),
                    authors: vec![Author { name: text::line(&p.organization) }],
                    tags: text::categories(p),
                }
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("a feed of strings always serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_midnight_utc() {
        assert_eq!(rfc3339("2023-06-20".parse().unwrap()), "2023-06-20T00:00:00Z");
    }
}
