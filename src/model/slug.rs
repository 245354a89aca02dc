//! Ids made from words: the slug rule shared by the extractor (which names the records it makes)
//! and feed reading (a record without `id` gets the one its organization and title give).

use super::letters::ascii_letter;

/// The slug of `s`: accented Latin letters spelt in ASCII (`é` → `e`, `œ` → `oe`), lowercase,
/// every run of other characters made one `-`, and only the first `max_words` words kept.
pub fn slugify(s: &str, max_words: usize) -> String {
    let mut out = String::with_capacity(s.len());
    let mut words = 0;
    // Whether the last character read belongs to the word being written.
    let mut in_word = false;
    for c in s.chars() {
        let mut buf = [0u8; 4];
        let piece: &str = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase().encode_utf8(&mut buf)
        } else if let Some(letters) = ascii_letter(c) {
            letters
        } else {
            in_word = false;
            continue;
        };
        if !in_word {
            if words == max_words {
                break;
            }
            if words > 0 {
                out.push('-');
            }
            words += 1;
            in_word = true;
        }
        out.push_str(piece);
    }
    out
}

/// The id of a record: `slug(organization, 4 words)-slug(title, 6 words)`, either part may be
/// empty, `offre` when both are.
pub fn make_id(organization: &str, title: &str) -> String {
    let o = slugify(organization, 4);
    let t = slugify(title, 6);
    match (o.is_empty(), t.is_empty()) {
        (false, false) => format!("{o}-{t}"),
        (false, true) => o,
        (true, false) => t,
        (true, true) => "offre".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Le Labo de l'ESS", 4), "le-labo-de-l");
        assert_eq!(slugify("Chargé·e des projets collectifs", 6), "charge-e-des-projets-collectifs");
        assert_eq!(slugify("  Éducateur (H/F) — Œuvre ", 6), "educateur-h-f-oeuvre");
        assert_eq!(slugify("Straße 12", 6), "strasse-12");
        assert_eq!(slugify("a b c", 0), "");
        assert_eq!(slugify("", 4), "");
        assert_eq!(slugify("日本 語", 4), "");
    }

    #[test]
    fn ids() {
        assert_eq!(make_id("Le Labo de l'ESS", "Chargé·e des projets collectifs"), "le-labo-de-l-charge-e-des-projets-collectifs");
        assert_eq!(make_id("", "Comptable"), "comptable");
        assert_eq!(make_id("ASBL", ""), "asbl");
        assert_eq!(make_id("…", "—"), "offre");
    }
}
