//! The one table of accented Latin letters and ligatures, shared by every place that compares
//! French words (search index, extractor, feed merging): `é` → "e", `Œ` → "oe".

/// The lowercase ASCII spelling of an accented Latin letter or a ligature, or `None` for any
/// other character (plain ASCII included).
pub fn ascii_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::ascii_letter;

    #[test]
    fn accents_and_ligatures() {
        let folded: String = "ÉléphantŒuvreÇaﬁn".chars().map(|c| ascii_letter(c).map_or(c.to_string(), str::to_string)).collect();
        assert_eq!(folded, "eLephantoeuvrecafin".replace('L', "l"));
        assert_eq!(ascii_letter('a'), None);
        assert_eq!(ascii_letter('·'), None);
    }
}
