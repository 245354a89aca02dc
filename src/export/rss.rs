//! RSS 2.0 output: the channel and one `<item>` per offer, written by hand with every text escaped.

use super::text;
use super::{Channel, Item};
use crate::model::Date;

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Midnight UTC of a day in RFC 822 form, with a four-digit year as RSS asks:
/// `Tue, 20 Jun 2023 00:00:00 +0000`.
pub fn rfc822(d: Date) -> String {
    // 1970-01-01 was a Thursday.
    let weekday = WEEKDAYS[(d.day_number() + 4).rem_euclid(7) as usize];
    format!("{weekday}, {:02} {} {:04} 00:00:00 +0000", d.day(), MONTHS[d.month() as usize - 1], d.year())
}

/// The RSS 2.0 document of a channel and its items.
///
/// Item: `title`, `link` (the widget's deep link), `description` (HTML with every text escaped,
/// as readers render it as HTML), `guid` (the offer id, `isPermaLink="false"`), `pubDate` (from
/// `published`, when known), `dc:creator` (the organization) and one `category` per label.
pub fn render(channel: &Channel, items: &[Item]) -> String {
    let mut o = String::with_capacity(2048 + items.len() * 4096);
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    o.push_str("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
    let el = |o: &mut String, indent: &str, name: &str, value: &str| {
        o.push_str(&format!("{indent}<{name}>{}</{name}>\n", text::escape(value)));
    };
    el(&mut o, "  ", "title", &channel.title);
    el(&mut o, "  ", "link", &channel.site_url);
    el(&mut o, "  ", "description", &channel.description);
    el(&mut o, "  ", "language", "fr");
    el(&mut o, "  ", "generator", &channel.generator);
    for it in items {
        let p = it.posting;
        o.push_str("  <item>\n");
        el(&mut o, "    ", "title", &text::line(&p.title));
        el(&mut o, "    ", "link", &it.link);
        el(&mut o, "    ", "description", &text::html_fragment(p));
        o.push_str(&format!("    <guid isPermaLink=\"false\">{}</guid>\n", text::escape(&p.id)));
        if let Some(d) = p.published {
            el(&mut o, "    ", "pubDate", &rfc822(d));
        }
        el(&mut o, "    ", "dc:creator", &text::line(&p.organization));
        for c in text::categories(p) {
            el(&mut o, "    ", "category", c);
        }
        o.push_str("  </item>\n");
    }
    o.push_str("</channel>\n</rss>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc822_dates_name_the_right_weekday() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(rfc822(d("1970-01-01")), "Thu, 01 Jan 1970 00:00:00 +0000");
        assert_eq!(rfc822(d("2023-06-20")), "Tue, 20 Jun 2023 00:00:00 +0000");
        assert_eq!(rfc822(d("2024-02-29")), "Thu, 29 Feb 2024 00:00:00 +0000");
        assert_eq!(rfc822(d("1969-12-31")), "Wed, 31 Dec 1969 00:00:00 +0000");
        assert_eq!(rfc822(d("2025-12-07")), "Sun, 07 Dec 2025 00:00:00 +0000");
    }
}
