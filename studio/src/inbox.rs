//! What a dropped or chosen file is: a posting's text to extract (`.txt`, `.md`, decoded by the
//! extractor's own `clean::decode`: UTF-8, UTF-16, Windows-1252; `.docx` and `.odt`, read by the
//! CLI's own `formats::office`), a feed to open (`.json`), or a format the browser cannot read,
//! named in the interface's language with what to do instead.

use crate::i18n::Texts;
use vitrine::ingest::clean::{decode, DecodeProblem};
use vitrine::ingest::formats::office::{self, OfficeError};

/// The file picker's `accept`.
pub const ACCEPT: &str = ".txt,.md,.docx,.odt,.json,text/plain,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text";

/// A .docx or .odt document's text, or why not, naming the file.
fn office(name: &str, read: fn(&[u8]) -> Result<String, OfficeError>, bytes: &[u8], t: &Texts) -> Result<Document, String> {
    match read(bytes) {
        Ok(text) if text.trim().is_empty() => Err((t.doc_no_text)(name)),
        Ok(text) => Ok(Document::Text(text)),
        Err(OfficeError::Corrupt { format, reason }) => Err((t.doc_corrupt)(name, format, &reason)),
        Err(OfficeError::MissingPart { format, part }) => Err((t.doc_missing_part)(name, format, part)),
    }
}

/// A file, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    /// A posting's text.
    Text(String),
    /// A feed file (its text), to open.
    Feed(String),
}

/// Reads one file by its name and bytes; problems are told in `t`'s language.
pub fn read(name: &str, bytes: &[u8], t: &Texts) -> Result<Document, String> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "txt" | "md" | "markdown" | "text" | "" => match decode(bytes) {
            Ok((text, _)) => Ok(Document::Text(text)),
            Err(DecodeProblem::Empty) => Err((t.file_empty)(name)),
            Err(DecodeProblem::Binary(why)) => Err((t.file_not_text)(name, &why)),
        },
        "json" => match std::str::from_utf8(bytes) {
            Ok(t) => Ok(Document::Feed(t.to_string())),
            Err(e) => Err((t.file_not_utf8)(name, e.valid_up_to())),
        },
        "docx" => office(name, office::docx_text, bytes, t),
        "odt" => office(name, office::odt_text, bytes, t),
        "pdf" | "html" | "htm" | "doc" | "rtf" => Err((t.format_not_read)(name, &ext)),
        _ => Err((t.format_unknown)(name, &ext)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{texts, Lang};

    fn read(name: &str, bytes: &[u8]) -> Result<Document, String> {
        super::read(name, bytes, texts(Lang::Fr))
    }

    #[test]
    fn texts_feeds_and_the_rest() {
        assert_eq!(read("a.TXT", "Comptable".as_bytes()), Ok(Document::Text("Comptable".into())));
        assert_eq!(read("a.md", b"Caf\xe9"), Ok(Document::Text("Café".into())));
        assert!(read("a.txt", b"  \n").unwrap_err().contains("vide"));
        assert!(read("a.txt", b"\x89PNG\r\n").unwrap_err().contains("PNG"));
        assert!(read("offre.pdf", b"%PDF").unwrap_err().contains(".pdf"));
        assert!(matches!(read("offres.json", b"[]"), Ok(Document::Feed(_))));
    }

    fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
        use std::io::Write;
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, body) in files {
            z.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            z.write_all(body.as_bytes()).unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    #[test]
    fn word_and_opendocument_files_become_texts() {
        let doc = r#"<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>Comptable (H/F)</w:t></w:r></w:p><w:p><w:r><w:t>Association X &amp; Y</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(read("offre.DOCX", &zip_of(&[("word/document.xml", doc)])), Ok(Document::Text("# Comptable (H/F)\n\nAssociation X & Y\n".into())));
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:p>Animateur</text:p></office:text></office:body></office:document-content>"#;
        assert_eq!(read("offre.odt", &zip_of(&[("content.xml", content)])), Ok(Document::Text("Animateur\n".into())));
    }

    #[test]
    fn unreadable_documents_are_named() {
        let e = read("offre.docx", b"PK\x03\x04 abime").unwrap_err();
        assert!(e.starts_with("« offre.docx » n’est pas un document Word (.docx) lisible"), "{e}");
        let e = read("offre.docx", &zip_of(&[("content.xml", "<x/>")])).unwrap_err();
        assert_eq!(e, "« offre.docx » n’est pas un document Word (.docx) : la partie « word/document.xml » qui porte le texte y manque");
        let e = read("vide.odt", &zip_of(&[("content.xml", "<office:document-content/>")])).unwrap_err();
        assert_eq!(e, "« vide.odt » ne contient aucun texte à lire");
        let e = read("casse.odt", &zip_of(&[("content.xml", "<a><b></a>")])).unwrap_err();
        assert!(e.starts_with("« casse.odt » n’est pas un document OpenDocument (.odt) lisible (détail : content.xml: broken XML"), "{e}");
        let e = super::read("casse.odt", &zip_of(&[("content.xml", "<a><b></a>")]), texts(Lang::En)).unwrap_err();
        assert!(e.starts_with("“casse.odt” is not a readable OpenDocument (.odt) document"), "{e}");
        assert_eq!(super::read("x.pdf", b"%PDF", texts(Lang::Nl)).unwrap_err().split(':').next(), Some("„x.pdf”"));
    }
}
