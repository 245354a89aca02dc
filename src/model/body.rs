//! The compact text form of an offer's body (`[Block]`), used by split feeds: one string per offer,
//! one line per block or bullet, so a feed's bodies are a plain array of strings that the browser
//! can hold and that compresses like the prose it is.
//!
//! A line is a heading when it starts with `# `, a bullet when it starts with `- `, a sub-bullet
//! of the bullet above when it starts with `  - `, and a paragraph otherwise. Consecutive bullets
//! form one list; an empty line ends a list (so two lists in a row stay two). A paragraph or text
//! that would read as something else gets a leading `\`; a line break inside a text is written
//! as `\n` (backslash, n), a backslash that precedes an `n` as `\\n`.

use super::{Block, ListItem};

/// Writes `blocks` in the compact form. [`decode`] gives the same blocks back.
pub fn encode(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut after_list = false;
    for block in blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Heading { text } => {
                out.push_str("# ");
                push_text(&mut out, text);
            }
            Block::Paragraph { text } => {
                let mut line = String::with_capacity(text.len());
                push_text(&mut line, text);
                let looks_like_markup = line.is_empty()
                    || line == "-"
                    || line.starts_with("# ")
                    || line.starts_with("- ")
                    || line.starts_with("  - ")
                    || line.starts_with('\\');
                if looks_like_markup {
                    out.push('\\');
                }
                out.push_str(&line);
            }
            Block::List { items } => {
                if after_list {
                    // An empty line keeps this list apart from the one just before.
                    out.push('\n');
                }
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str("- ");
                    push_text(&mut out, &item.text);
                    for child in &item.children {
                        out.push_str("\n  - ");
                        push_text(&mut out, child);
                    }
                }
                if items.is_empty() {
                    // An empty list: a bare empty line marks it.
                    out.push('-');
                }
            }
        }
        after_list = matches!(block, Block::List { .. });
    }
    out
}

/// Line breaks inside a text become `\n`; a backslash already followed by `n` is doubled.
fn push_text(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push_str("\\n"),
            '\\' if matches!(chars.peek(), Some('n') | Some('\\')) => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
}

fn unescape(text: &str) -> String {
    if !text.contains('\\') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.peek() {
                Some('n') => {
                    chars.next();
                    out.push('\n');
                    continue;
                }
                Some('\\') => {
                    chars.next();
                    out.push('\\');
                    continue;
                }
                _ => {}
            }
        }
        out.push(c);
    }
    out
}

/// Reads the compact form. Any text reads as some blocks: there is no invalid input.
pub fn decode(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    // The list being filled, if the lines above were bullets.
    let mut list: Option<Vec<ListItem>> = None;
    if text.is_empty() {
        return blocks;
    }
    for line in text.split('\n') {
        if let Some(child) = line.strip_prefix("  - ") {
            match list.as_mut().and_then(|items| items.last_mut()) {
                Some(item) => item.children.push(unescape(child)),
                None => {
                    // A sub-bullet without a bullet above: read as a bullet.
                    list.get_or_insert_with(Vec::new).push(ListItem { text: unescape(child), children: Vec::new() })
                }
            }
            continue;
        }
        if let Some(item) = line.strip_prefix("- ") {
            list.get_or_insert_with(Vec::new).push(ListItem { text: unescape(item), children: Vec::new() });
            continue;
        }
        if let Some(items) = list.take() {
            blocks.push(Block::List { items });
        }
        if line.is_empty() {
            continue;
        }
        if line == "-" {
            blocks.push(Block::List { items: Vec::new() });
        } else if let Some(h) = line.strip_prefix("# ") {
            blocks.push(Block::Heading { text: unescape(h) });
        } else if let Some(p) = line.strip_prefix('\\') {
            blocks.push(Block::Paragraph { text: unescape(p) });
        } else {
            blocks.push(Block::Paragraph { text: unescape(line) });
        }
    }
    if let Some(items) = list {
        blocks.push(Block::List { items });
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: &str) -> Block {
        Block::Paragraph { text: t.into() }
    }
    fn h(t: &str) -> Block {
        Block::Heading { text: t.into() }
    }
    fn l(items: &[(&str, &[&str])]) -> Block {
        Block::List {
            items: items
                .iter()
                .map(|(t, c)| ListItem { text: (*t).into(), children: c.iter().map(|s| (*s).into()).collect() })
                .collect(),
        }
    }

    #[test]
    fn reads_as_written() {
        let blocks = vec![
            h("Missions"),
            p("Vous accompagnerez les personnes."),
            l(&[("Accueil", &[]), ("Suivi", &["des dossiers", "des aides"])]),
            h("Profil"),
            p("Permis B."),
        ];
        let text = encode(&blocks);
        assert_eq!(
            text,
            "# Missions\nVous accompagnerez les personnes.\n- Accueil\n- Suivi\n  - des dossiers\n  - des aides\n# Profil\nPermis B."
        );
        assert_eq!(decode(&text), blocks);
    }

    #[test]
    fn texts_that_look_like_markup_survive() {
        let tricky = vec![
            p("# pas un titre"),
            p("- pas une puce"),
            p("  - pas une sous-puce"),
            p("\\ barre au début"),
            p(""),
            p("deux\nlignes et un \\n littéral et \\\\"),
            h("# titre avec dièse"),
            l(&[("- tiret", &["  - retrait", "a\nb"])]),
            l(&[("seconde liste", &[])]),
            l(&[]),
            l(&[]),
            p("-"),
            p("\nligne vide au début"),
            p("fin"),
        ];
        let text = encode(&tricky);
        assert_eq!(decode(&text), tricky, "{text}");
    }

    #[test]
    fn every_text_reads_as_blocks() {
        assert_eq!(decode(""), Vec::<Block>::new());
        assert_eq!(decode("  - orpheline"), vec![l(&[("orpheline", &[])])]);
        assert_eq!(decode("\n\n- a\n\n\n- b\n"), vec![l(&[("a", &[])]), l(&[("b", &[])])]);
        assert_eq!(decode("\\"), vec![p("")]);
    }

    #[test]
    fn the_seed_bodies_round_trip() {
        let postings = crate::model::from_json(include_str!("../../data/postings.json")).unwrap();
        for posting in &postings {
            assert_eq!(decode(&encode(&posting.body)), posting.body, "{}", posting.id);
        }
    }
}
