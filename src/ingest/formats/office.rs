//! Word (.docx: a zip holding `word/document.xml`) and OpenDocument (.odt: a zip holding
//! `content.xml`) documents → text: headings (`Heading1`/`Titre1`… styles, `text:h`) as `# `
//! lines, list paragraphs (`w:numPr`, `List…` styles, `text:list`) as `- ` items, table rows as
//! "cell : cell" lines, links as `[text](url)`; deleted revisions, comments and notes left out.
//!
//! Pure ([`docx_text`], [`odt_text`]: bytes in, text or [`OfficeError`] out), so vitrine studio
//! reads these files in the browser too (feature `extractor`); [`docx`] and [`odt`] are the CLI's
//! (native), naming the file in an [`IngestError`].

use super::Writer;
#[cfg(not(target_arch = "wasm32"))]
use crate::ingest::error::IngestError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::Read;
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;

/// Why a .docx or .odt document cannot be read (whoever reports it names the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfficeError {
    /// Not a zip, an entry that cannot be unpacked, or broken XML.
    Corrupt { format: &'static str, reason: String },
    /// The zip lacks the part that holds the text.
    MissingPart { format: &'static str, part: &'static str },
}

#[cfg(not(target_arch = "wasm32"))]
impl OfficeError {
    /// The CLI's error for this problem in the file at `path`.
    pub fn at(self, path: &Path) -> IngestError {
        match self {
            OfficeError::Corrupt { format, reason } => IngestError::Corrupt { path: path.to_path_buf(), format, reason },
            OfficeError::MissingPart { format, part } => IngestError::MissingPart { path: path.to_path_buf(), format, part },
        }
    }
}

/// The most a document's XML may weigh once unpacked (a guard against zip bombs).
const MAX_XML: u64 = 64 << 20;

fn part(bytes: &[u8], format: &'static str, name: &'static str, required: bool) -> Result<Option<String>, OfficeError> {
    let corrupt = |reason: String| OfficeError::Corrupt { format, reason };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| corrupt(format!("not a zip archive ({e})")))?;
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) if !required => return Ok(None),
        Err(zip::result::ZipError::FileNotFound) => {
            return Err(OfficeError::MissingPart { format, part: name })
        }
        Err(zip::result::ZipError::UnsupportedArchive(m)) => return Err(corrupt(format!("{name}: {m} (password-protected?)"))),
        Err(e) => return Err(corrupt(format!("{name}: {e}"))),
    };
    let mut xml = String::new();
    file.take(MAX_XML).read_to_string(&mut xml).map_err(|e| corrupt(format!("{name}: {e}")))?;
    Ok(Some(xml))
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// The character an entity reference stands for (`&amp;`, `&#233;`).
fn entity(r: &quick_xml::events::BytesRef) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match r.decode().ok()?.as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

fn xml_error(format: &'static str, part: &str, reader: &Reader<&[u8]>, e: impl std::fmt::Display) -> OfficeError {
    OfficeError::Corrupt { format, reason: format!("{part}: broken XML at byte {}: {e}", reader.buffer_position()) }
}

/// One paragraph being read, and the table cell or list item it belongs to.
#[derive(Default)]
struct Para {
    text: String,
    heading: bool,
    list: Option<usize>,
    /// Where each open link's text starts, and its target.
    links: Vec<(usize, Option<String>)>,
}

impl Para {
    fn open_link(&mut self, target: Option<String>) {
        self.links.push((self.text.len(), target));
    }
    fn close_link(&mut self) {
        let Some((start, Some(url))) = self.links.pop() else { return };
        let label = self.text[start..].trim().to_string();
        let lower = url.to_ascii_lowercase();
        if label.is_empty() || label == url || !(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")) {
            return;
        }
        self.text.truncate(start);
        self.text.push_str(&format!("[{label}]({url})"));
    }
}

/// Tables: the cells of the rows being read (nested tables are read into their cell).
#[derive(Default)]
struct Tables {
    depth: usize,
    cells: Vec<String>,
    cell: String,
    /// The last paragraph written was a list item (the list ends with a blank line).
    in_list: bool,
}

impl Tables {
    /// A cell of the outer table ends: its text joins the row.
    fn end_cell(&mut self) {
        if self.depth == 1 {
            self.cells.push(std::mem::take(&mut self.cell));
        }
    }
    /// A row of the outer table ends: written as one line.
    fn end_row(&mut self, w: &mut Writer) {
        if self.depth == 1 {
            let cells = std::mem::take(&mut self.cells);
            w.row(&cells);
        }
    }
    /// A table ends; after the outer one, a gap.
    fn end_table(&mut self, w: &mut Writer) {
        self.depth = self.depth.saturating_sub(1);
        if self.depth == 0 {
            w.gap();
        }
    }
}

fn end_para(p: Para, w: &mut Writer, t: &mut Tables) {
    if t.depth > 0 {
        if !t.cell.is_empty() {
            t.cell.push(' ');
        }
        t.cell.push_str(&p.text);
        return;
    }
    if t.in_list && p.list.is_none() {
        w.gap();
    }
    t.in_list = p.list.is_some() && !p.heading;
    if p.text.trim().is_empty() {
        w.gap();
    } else if p.heading {
        w.heading(&p.text.replace('\n', " "));
    } else if let Some(level) = p.list {
        let mut lines = p.text.split('\n');
        w.item(level, lines.next().unwrap_or(""));
        for l in lines {
            w.line(&"  ".repeat(level + 1), l);
        }
    } else {
        for l in p.text.split('\n') {
            w.line("", l);
        }
    }
}

fn heading_style(style: &str) -> bool {
    let s = style.to_ascii_lowercase().replace(['_', ' ', '-'], "");
    ["heading", "titre", "title", "berschrift"].iter().any(|h| s.starts_with(h)) && !s.contains("subtitle") && !s.contains("soustitre")
}

fn list_style(style: &str) -> bool {
    let s = style.to_ascii_lowercase().replace(['_', ' ', '-'], "");
    s.starts_with("list") || s.starts_with("liste") || s.starts_with("paragraphedeliste")
}

/// A .docx document's text, for the CLI (errors name the file at `path`).
#[cfg(not(target_arch = "wasm32"))]
pub fn docx(path: &Path, bytes: &[u8]) -> Result<String, IngestError> {
    docx_text(bytes).map_err(|e| e.at(path))
}

/// An .odt document's text, for the CLI (errors name the file at `path`).
#[cfg(not(target_arch = "wasm32"))]
pub fn odt(path: &Path, bytes: &[u8]) -> Result<String, IngestError> {
    odt_text(bytes).map_err(|e| e.at(path))
}

/// A .docx document's text.
pub fn docx_text(bytes: &[u8]) -> Result<String, OfficeError> {
    const F: &str = "Word (.docx)";
    let xml = part(bytes, F, "word/document.xml", true)?.unwrap_or_default();
    // Link targets: relationship id → address.
    let mut rels: HashMap<String, String> = HashMap::new();
    if let Some(r) = part(bytes, F, "word/_rels/document.xml.rels", false)? {
        let mut reader = Reader::from_str(&r);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                    if let (Some(id), Some(t)) = (attr(&e, "Id"), attr(&e, "Target")) {
                        rels.insert(id, t);
                    }
                }
                Ok(Event::Eof) => break,
                Err(e) => return Err(xml_error(F, "word/_rels/document.xml.rels", &reader, e)),
                _ => {}
            }
        }
    }
    let mut reader = Reader::from_str(&xml);
    let mut w = Writer::new();
    let mut t = Tables::default();
    let mut p: Option<Para> = None;
    let mut in_text = false;
    // Inside content read elsewhere or not at all: the fallback copy of a text box, field codes.
    let mut skip = 0usize;
    loop {
        let ev = reader.read_event().map_err(|e| xml_error(F, "word/document.xml", &reader, e))?;
        match ev {
            Event::Start(e) => {
                let name = e.name();
                let n = name.as_ref();
                if skip > 0 || matches!(n, b"mc:Fallback" | b"w:instrText" | b"w:delText") {
                    skip += 1;
                    continue;
                }
                match n {
                    b"w:p" => p = Some(Para::default()),
                    b"w:t" => in_text = true,
                    b"w:tbl" => {
                        t.depth += 1;
                        w.gap();
                    }
                    b"w:tr" if t.depth == 1 => t.cells.clear(),
                    b"w:tc" if t.depth == 1 => t.cell.clear(),
                    b"w:numPr" => {
                        if let Some(p) = &mut p {
                            p.list.get_or_insert(0);
                        }
                    }
                    b"w:hyperlink" => {
                        if let Some(p) = &mut p {
                            let target = attr(&e, "r:id").and_then(|id| rels.get(&id).cloned());
                            let anchor = attr(&e, "w:anchor");
                            p.open_link(target.filter(|_| anchor.is_none()));
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let Some(p) = &mut p else { continue };
                match e.name().as_ref() {
                    b"w:pStyle" => {
                        let style = attr(&e, "w:val").unwrap_or_default();
                        if heading_style(&style) {
                            p.heading = true;
                        } else if list_style(&style) {
                            // "List Bullet 2" is the second level.
                            let level = style.chars().last().and_then(|c| c.to_digit(10)).map_or(0, |d| d.saturating_sub(1) as usize);
                            p.list.get_or_insert(level);
                        }
                    }
                    b"w:outlineLvl" if attr(&e, "w:val").is_some_and(|v| v.parse::<u8>().is_ok_and(|l| l < 9)) => p.heading = true,
                    b"w:ilvl" => p.list = Some(attr(&e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0)),
                    b"w:numId" if attr(&e, "w:val").as_deref() == Some("0") => p.list = None,
                    b"w:tab" => p.text.push(' '),
                    b"w:br" | b"w:cr" => p.text.push('\n'),
                    _ => {}
                }
            }
            Event::Text(x) if in_text && skip == 0 => {
                if let (Some(p), Ok(s)) = (&mut p, x.decode()) {
                    p.text.push_str(&s);
                }
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                if let (Some(p), Some(c)) = (&mut p, entity(&r)) {
                    p.text.push(c);
                }
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.name().as_ref() {
                    b"w:t" => in_text = false,
                    b"w:hyperlink" => {
                        if let Some(p) = &mut p {
                            p.close_link();
                        }
                    }
                    b"w:p" => {
                        if let Some(done) = p.take() {
                            end_para(done, &mut w, &mut t);
                        }
                    }
                    b"w:tc" => t.end_cell(),
                    b"w:tr" => t.end_row(&mut w),
                    b"w:tbl" => t.end_table(&mut w),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(w.finish())
}

/// An .odt document's text.
pub fn odt_text(bytes: &[u8]) -> Result<String, OfficeError> {
    const F: &str = "OpenDocument (.odt)";
    let xml = part(bytes, F, "content.xml", true)?.unwrap_or_default();
    let mut reader = Reader::from_str(&xml);
    let mut w = Writer::new();
    let mut t = Tables::default();
    let mut p: Option<Para> = None;
    let mut lists = 0usize;
    // Whether the current list item already had its first paragraph.
    let mut item_started = false;
    let mut skip = 0usize;
    let mut in_body = false;
    loop {
        let ev = reader.read_event().map_err(|e| xml_error(F, "content.xml", &reader, e))?;
        match ev {
            Event::Start(e) => {
                let name = e.name();
                let n = name.as_ref();
                if skip > 0 || matches!(n, b"office:annotation" | b"text:note" | b"text:tracked-changes" | b"office:forms") {
                    skip += 1;
                    continue;
                }
                match n {
                    b"office:body" => in_body = true,
                    b"text:p" | b"text:h" if in_body => {
                        let style = attr(&e, "text:style-name").unwrap_or_default();
                        let mut para = Para { heading: n == b"text:h" || heading_style(&style), ..Para::default() };
                        if lists > 0 && t.depth == 0 {
                            para.list = Some(lists - 1);
                            if item_started {
                                // A further paragraph of the same item.
                                para.list = None;
                                para.text.push_str(&"  ".repeat(lists));
                            }
                            item_started = true;
                        }
                        p = Some(para);
                    }
                    b"text:list" => lists += 1,
                    b"text:list-item" | b"text:list-header" => item_started = false,
                    b"table:table" => t.depth += 1,
                    b"table:table-row" if t.depth == 1 => t.cells.clear(),
                    b"table:table-cell" if t.depth == 1 => t.cell.clear(),
                    b"text:a" => {
                        if let Some(p) = &mut p {
                            p.open_link(attr(&e, "xlink:href"));
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let Some(p) = &mut p else { continue };
                match e.name().as_ref() {
                    b"text:s" => {
                        let n: usize = attr(&e, "text:c").and_then(|c| c.parse().ok()).unwrap_or(1);
                        p.text.push_str(&" ".repeat(n.min(8)));
                    }
                    b"text:tab" => p.text.push(' '),
                    b"text:line-break" => p.text.push('\n'),
                    _ => {}
                }
            }
            Event::Text(x) if skip == 0 => {
                if let (Some(p), Ok(s)) = (&mut p, x.decode()) {
                    // Line ends inside the XML are layout, not text.
                    p.text.push_str(&s.replace(['\n', '\r'], " "));
                }
            }
            Event::GeneralRef(r) if skip == 0 => {
                if let (Some(p), Some(c)) = (&mut p, entity(&r)) {
                    p.text.push(c);
                }
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.name().as_ref() {
                    b"text:a" => {
                        if let Some(p) = &mut p {
                            p.close_link();
                        }
                    }
                    b"text:p" | b"text:h" => {
                        if let Some(mut done) = p.take() {
                            if done.list.is_none() && lists > 0 && t.depth == 0 && !done.text.trim().is_empty() {
                                // A continuation paragraph: written indented, as it was pushed.
                                let text = std::mem::take(&mut done.text);
                                let indent = text.len() - text.trim_start().len();
                                w.line(&text[..indent], &text);
                            } else {
                                end_para(done, &mut w, &mut t);
                            }
                        }
                    }
                    b"text:list" => {
                        lists = lists.saturating_sub(1);
                        if lists == 0 {
                            w.gap();
                        }
                    }
                    b"table:table-cell" => t.end_cell(),
                    b"table:table-row" => t.end_row(&mut w),
                    b"table:table" => t.end_table(&mut w),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(w.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            for (name, body) in files {
                z.start_file(*name, zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored)).unwrap();
                std::io::Write::write_all(&mut z, body.as_bytes()).unwrap();
            }
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn reads_word_structure() {
        let doc = r#"<w:document xmlns:w="w" xmlns:r="r"><w:body>
            <w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>Vos missions</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Accueillir </w:t></w:r><w:r><w:t>&amp; orienter</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>le public</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Lieu</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Lyon</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Écrire via </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>le formulaire</w:t></w:r></w:hyperlink><w:r><w:delText>supprimé</w:delText></w:r><w:r><w:br/><w:t>Merci</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let rels = r#"<Relationships><Relationship Id="rId9" Type="hyperlink" Target="https://asso.example/form" TargetMode="External"/></Relationships>"#;
        let bytes = zip_of(&[("word/document.xml", doc), ("word/_rels/document.xml.rels", rels)]);
        let t = docx(Path::new("x.docx"), &bytes).unwrap();
        assert_eq!(t, "# Vos missions\n\n- Accueillir & orienter\n  - le public\n\nLieu : Lyon\n\nÉcrire via [le formulaire](https://asso.example/form)\nMerci\n");
    }

    #[test]
    fn reads_opendocument_structure() {
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="tb" xmlns:xlink="x"><office:body><office:text>
            <text:h text:outline-level="2">Profil</text:h>
            <text:list><text:list-item><text:p>Permis<text:s text:c="2"/>B</text:p><text:list><text:list-item><text:p>véhicule</text:p></text:list-item></text:list></text:list-item></text:list>
            <table:table><table:table-row><table:table-cell><text:p>Contrat</text:p></table:table-cell><table:table-cell><text:p>CDD</text:p></table:table-cell></table:table-row></table:table>
            <text:p>Voir <text:a xlink:href="https://asso.example">le site</text:a><office:annotation><text:p>note</text:p></office:annotation></text:p>
            </office:text></office:body></office:document-content>"#;
        let t = odt(Path::new("x.odt"), &zip_of(&[("content.xml", content)])).unwrap();
        assert_eq!(t, "# Profil\n\n- Permis B\n  - véhicule\n\nContrat : CDD\n\nVoir [le site](https://asso.example)\n");
    }

    #[test]
    fn errors_name_the_file_and_why() {
        let e = docx(Path::new("a.docx"), b"PK\x03\x04 broken").unwrap_err();
        assert!(e.to_string().starts_with("a.docx: not a readable Word (.docx) file: not a zip archive"), "{e}");
        let e = docx(Path::new("b.docx"), &zip_of(&[("content.xml", "<x/>")])).unwrap_err();
        assert_eq!(e.to_string(), "b.docx: no word/document.xml inside: not a Word (.docx) document");
        let e = odt(Path::new("c.odt"), &zip_of(&[("content.xml", "<office:body><text:p>a</text:x>")])).unwrap_err();
        assert!(e.to_string().starts_with("c.odt: not a readable OpenDocument (.odt) file: content.xml: broken XML"), "{e}");
    }
}
