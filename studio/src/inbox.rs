//! What a dropped or chosen file is: a posting's text to extract (`.txt`, `.md`, decoded by the
//! extractor's own `clean::decode`: UTF-8, UTF-16, Windows-1252), a feed to open (`.json`), or a
//! format the browser cannot read yet, named in French with what to do instead.

use vitrine::ingest::clean::{decode, DecodeProblem};

/// A file, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    /// A posting's text.
    Text(String),
    /// A feed file (its text), to open.
    Feed(String),
}

/// Reads one file by its name and bytes.
pub fn read(name: &str, bytes: &[u8]) -> Result<Document, String> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "txt" | "md" | "markdown" | "text" | "" => match decode(bytes) {
            Ok((text, _)) => Ok(Document::Text(text)),
            Err(DecodeProblem::Empty) => Err(format!("« {name} » est vide : aucun texte à lire")),
            Err(DecodeProblem::Binary(why)) => Err(format!("« {name} » n’est pas un fichier texte ({why})")),
        },
        "json" => match std::str::from_utf8(bytes) {
            Ok(t) => Ok(Document::Feed(t.to_string())),
            Err(e) => Err(format!("« {name} » n’est pas du texte UTF-8 (octet invalide à la position {})", e.valid_up_to())),
        },
        "docx" | "odt" | "pdf" | "html" | "htm" | "doc" | "rtf" => Err(format!(
            "« {name} » : le studio ne lit pas encore les fichiers .{ext} dans le navigateur. Copiez le texte de l’offre et collez-le, ou enregistrez-le en .txt"
        )),
        _ => Err(format!("« {name} » : format .{ext} inconnu. Le studio lit les textes .txt et .md, et les flux .json")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_feeds_and_the_rest() {
        assert_eq!(read("a.TXT", "Comptable".as_bytes()), Ok(Document::Text("Comptable".into())));
        assert_eq!(read("a.md", b"Caf\xe9"), Ok(Document::Text("Café".into())));
        assert!(read("a.txt", b"  \n").unwrap_err().contains("vide"));
        assert!(read("a.txt", b"\x89PNG\r\n").unwrap_err().contains("PNG"));
        assert!(read("offre.docx", b"PK").unwrap_err().contains(".docx"));
        assert!(matches!(read("offres.json", b"[]"), Ok(Document::Feed(_))));
    }
}
