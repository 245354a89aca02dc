//! PDF → text: the text layer of each page (pdf-extract), page numbers dropped and hard-wrapped
//! lines joined. A PDF without a text layer (a scan) or locked by a password is an error that
//! says what to do, never an empty record.

use crate::ingest::error::IngestError;
use pdf_extract::{output_doc_page, Document, PlainTextOutput};
use std::path::Path;

const F: &str = "PDF";

/// A PDF's text.
pub fn read(path: &Path, bytes: &[u8]) -> Result<String, IngestError> {
    let corrupt = |reason: String| IngestError::Corrupt { path: path.to_path_buf(), format: F, reason };
    let mut doc = guarded(|| Document::load_mem(bytes))
        .ok_or_else(|| corrupt("the PDF reader failed on it".into()))?
        .map_err(|e| corrupt(e.to_string()))?;
    // Many PDFs are "encrypted" with an empty password only to restrict printing or copying.
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(IngestError::Encrypted { path: path.to_path_buf() });
    }
    let mut pages = Vec::new();
    for n in doc.get_pages().keys() {
        let mut s = String::new();
        let done = guarded(|| {
            let mut out = PlainTextOutput::new(&mut s);
            output_doc_page(&doc, &mut out, *n)
        });
        match done {
            Some(Ok(())) => pages.push(s),
            Some(Err(e)) => return Err(corrupt(format!("page {n}: {e}"))),
            None => return Err(corrupt(format!("page {n}: the PDF reader failed on it"))),
        }
    }
    let text = layout(&pages);
    if text.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return Err(IngestError::NoTextLayer { path: path.to_path_buf() });
    }
    Ok(text)
}

/// Runs the PDF reader, which may panic on malformed files, as a failure rather than a crash.
fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}

/// "3", "- 3 -", "Page 3", "Page 3/4", "3 / 4", "p. 3 sur 4".
fn page_number(line: &str) -> bool {
    let t = line.trim().trim_matches(['-', '–', ' ']).to_lowercase();
    let t = t.strip_prefix("page").or_else(|| t.strip_prefix("p.")).unwrap_or(&t).trim().to_string();
    let mut parts = t.split(['/', ' ']).filter(|p| !p.is_empty() && *p != "sur" && *p != "of");
    let first = parts.next();
    let second = parts.next();
    let num = |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
    num(first) && (second.is_none() || num(second)) && parts.next().is_none()
}

fn ends_sentence(l: &str) -> bool {
    l.trim_end().ends_with(['.', '!', '?', ':', ';', '…', ')', '»', '"'])
}

fn starts_item(l: &str) -> bool {
    let t = l.trim_start();
    t.starts_with(['•', '-', '–', '—', '*', '▪', '◦', '●', '➢', '→']) || t.split_once(['.', ')']).is_some_and(|(n, _)| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
}

fn join(prev: &mut String, next: &str) {
    if prev.ends_with('-') && prev.chars().rev().nth(1).is_some_and(char::is_alphabetic) {
        prev.push_str(next.trim_start()); // "porte-" + "parole"
    } else {
        prev.push(' ');
        prev.push_str(next.trim_start());
    }
}

/// Pages' text joined: page numbers dropped, a line that does not end a sentence joined with
/// the next when that one goes on in lower case, blank lines (paragraph gaps) kept, one at most.
pub fn layout(pages: &[String]) -> String {
    let mut lines: Vec<String> = Vec::new();
    // The bullet of the list being read: an item with another bullet is nested in it.
    let mut list_bullet: Option<char> = None;
    for page in pages {
        let raw_lines: Vec<&str> = page.lines().collect();
        let full = raw_lines.iter().filter(|l| !l.trim().is_empty()).count();
        let spaced = raw_lines.windows(2).filter(|w| !w[0].trim().is_empty() && w[1].trim().is_empty()).count();
        // Lines set wider apart than the reader's gap threshold come out with a blank line
        // between every two: those blank lines say nothing.
        let blanks_mean_nothing = full >= 4 && spaced * 10 >= full * 7;
        for raw in raw_lines {
            if (blanks_mean_nothing && raw.trim().is_empty()) || (page_number(raw) && !raw.trim().is_empty()) {
                continue;
            }
            let bullet = starts_item(raw).then(|| raw.trim_start().chars().next()).flatten().filter(|c| !c.is_ascii_digit());
            let l = match (bullet, list_bullet) {
                (Some(b), Some(first)) if b != first => format!("  {}", raw.trim()),
                (Some(b), None) => {
                    list_bullet = Some(b);
                    raw.trim().to_string()
                }
                (Some(_), Some(_)) => raw.trim().to_string(),
                (None, _) => {
                    if !raw.trim().is_empty() && !raw.trim_start().chars().next().is_some_and(char::is_lowercase) {
                        list_bullet = None;
                    }
                    raw.trim_end().to_string()
                }
            };
            // Justified lines come out with wide spaces.
            let indent = l.len() - l.trim_start().len();
            let l = format!("{}{}", &l[..indent], l.split_whitespace().collect::<Vec<_>>().join(" "));
            let l = l.as_str();
            let cont = l.trim_start().chars().next().is_some_and(char::is_lowercase) && !starts_item(l);
            let n = lines.len();
            let cut_sentence = n >= 2 && lines[n - 1].trim().is_empty() && !lines[n - 2].trim().is_empty() && !ends_sentence(&lines[n - 2]);
            match lines.last_mut() {
                Some(prev) if cont && !prev.trim().is_empty() && !ends_sentence(prev) => {
                    join(prev, l);
                }
                // A paragraph cut by a blank line in the middle of a sentence.
                Some(_) if cont && cut_sentence => {
                    lines.pop();
                    let prev = lines.last_mut().expect("two lines");
                    join(prev, l);
                }
                Some(prev) if l.trim().is_empty() && prev.trim().is_empty() => {}
                None if l.trim().is_empty() => {}
                _ => lines.push(l.to_string()),
            }
        }
        // A page break is a paragraph break.
        if lines.last().is_some_and(|l| !l.trim().is_empty()) {
            lines.push(String::new());
        }
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_page_numbers_and_joins_wrapped_lines() {
        let pages = [
            "Chargé de mission\n\nNous cherchons une personne qui\nsaura animer le réseau des porte-\nparole.\n• Accueillir\nle public\nPage 1/2\n".to_string(),
            "2\nCandidature :\nenvoyer un CV\n- 2 -\n".to_string(),
            "• Missions\n\n– accueil\n\n• Profil\n\nvous avez\n\nle permis.\n\n".to_string(),
        ];
        assert_eq!(
            layout(&pages),
            "Chargé de mission\n\nNous cherchons une personne qui saura animer le réseau des porte-parole.\n• Accueillir le public\n\nCandidature :\nenvoyer un CV\n\n• Missions\n  – accueil\n• Profil vous avez le permis.\n"
        );
        assert!(page_number("Page 3") && page_number("3 / 4") && page_number("p. 2 sur 5") && page_number("12"));
        assert!(!page_number("Page de garde") && !page_number("75011 Paris") && !page_number("1. Missions") && !page_number("2026"));
    }

    #[test]
    fn a_broken_pdf_is_named() {
        let e = read(Path::new("x.pdf"), b"%PDF-1.4\n garbage").unwrap_err();
        assert!(e.to_string().starts_with("x.pdf: not a readable PDF file: "), "{e}");
    }
}
