//! The names Belgian places have in French, Dutch and English, so that a search for any of them
//! finds the offers in that place ("Brussel" the offers "à Bruxelles", "Gand" those in Gent).

use crate::model::slug::slugify;

/// One place per `;`-ended row: its French, Dutch, then English name where it differs, folded
/// (lower case, no accents), words joined by `-`. The cities of over 30,000 people with two
/// names, the province capitals, and the communes of Brussels with two names.
const NAMES: &str = concat!(
    "bruxelles brussel brussels;anvers antwerpen antwerp;gand gent ghent;",
    "bruges brugge;liege luik;louvain leuven;malines mechelen;namur namen;mons bergen;",
    "courtrai kortrijk;ostende oostende ostend;tournai doornik;alost aalst;",
    "saint-nicolas sint-niklaas;termonde dendermonde;ypres ieper;nivelles nijvel;wavre waver;",
    "arlon aarlen;renaix ronse;hal halle;vilvorde vilvoorde;tongres tongeren;",
    "saint-trond sint-truiden;audenarde oudenaarde;tirlemont tienen;soignies zinnik;",
    "enghien edingen;ath aat;ixelles elsene;schaerbeek schaarbeek;",
    "molenbeek-saint-jean sint-jans-molenbeek;saint-gilles sint-gillis;",
    "saint-josse-ten-noode sint-joost-ten-node;forest vorst;uccle ukkel;auderghem oudergem;",
    "watermael-boitsfort watermaal-bosvoorde;woluwe-saint-lambert sint-lambrechts-woluwe;",
    "woluwe-saint-pierre sint-pieters-woluwe;berchem-sainte-agathe sint-agatha-berchem;"
);

/// The rows of [`NAMES`], each a list of names.
fn rows() -> impl Iterator<Item = std::str::SplitWhitespace<'static>> {
    NAMES.split_terminator(';').map(str::split_whitespace)
}

/// `name` folded, its words joined by `-`: its slug.
fn key(name: &str) -> String {
    slugify(name, usize::MAX)
}

/// The other names of the Belgian place `city`, if it has some (in folded form).
pub fn other_names(city: &str) -> Vec<&'static str> {
    let key = key(city);
    match rows().find(|row| row.clone().any(|n| n == key)) {
        Some(row) => row.filter(|n| *n != key).collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_name_gives_the_others() {
        let others = other_names;
        assert_eq!(others("Bruxelles"), ["brussel", "brussels"]);
        assert_eq!(others("BRUSSEL"), ["bruxelles", "brussels"]);
        assert_eq!(others("Liège"), ["luik"]);
        assert_eq!(others("Sint Niklaas"), ["saint-nicolas"]);
        assert_eq!(others("Molenbeek-Saint-Jean"), ["sint-jans-molenbeek"]);
        assert!(others("Hasselt").is_empty(), "one name only");
        assert!(others("Lyon").is_empty() && others("").is_empty());
    }

    #[test]
    fn the_table_is_folded_and_each_name_in_one_row() {
        let mut seen = std::collections::HashSet::new();
        for row in rows() {
            let names: Vec<&str> = row.collect();
            assert!(names.len() >= 2, "{names:?}: a place with one name needs no row");
            for name in names {
                assert_eq!(key(name), name, "{name} is written folded");
                assert!(seen.insert(name), "{name} twice in the table");
            }
        }
        assert!(seen.len() > 80);
    }
}
