//! The compact text form of what an offer's detail shows beyond its record: how to apply
//! ([`Apply`]) and its body (`[Block]`). Split feeds carry one such text per offer, one line per
//! field, block or bullet, so a feed's texts are a plain array of strings that the browser can hold
//! and that compresses like the prose it is (the e-mail and contact sit next to the paragraph that
//! names them).
//!
//! The text opens with the ways to apply, one per line: `@email `, `@url `, `@address `,
//! `@contact `, `@how ` (the instructions) followed by the value. Then the body: a line is a heading
//! when it starts with `# `, a bullet when it starts with `- `, a sub-bullet of the bullet above
//! when it starts with `  - `, and a paragraph otherwise. Consecutive bullets form one list; an
//! empty line ends a list (so two lists in a row stay two). A paragraph or text that would read as
//! something else gets a leading `\`; a line break inside a text is written as `\n` (backslash,
//! n), a backslash that precedes an `n` as `\\n`.

use super::{Apply, Block, ListItem};

/// An offer's text: how to apply, and its body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    pub apply: Apply,
    pub body: Vec<Block>,
}

/// The keys of the apply lines, in the order they are written.
const EMAIL: &str = "@email ";
const URL: &str = "@url ";
const ADDRESS: &str = "@address ";
const CONTACT: &str = "@contact ";
const HOW: &str = "@how ";

/// Writes `apply` and `blocks` in the compact form. [`decode`] gives the same back.
pub fn encode(apply: &Apply, blocks: &[Block]) -> String {
    let mut out = String::new();
    let fields = apply.emails.iter().map(|e| (EMAIL, e)).chain(apply.urls.iter().map(|u| (URL, u)));
    let single = [(ADDRESS, &apply.address), (CONTACT, &apply.contact), (HOW, &apply.instructions)];
    for (key, value) in fields.chain(single.into_iter().filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(key);
        push_text(&mut out, value);
    }
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
                    || line.starts_with('\\')
                    || line.starts_with('@');
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

/// Reads the compact form. Any text reads as something: there is no invalid input. An `@` line
/// at the top whose key is not one of the five is skipped (a field of a newer writer).
pub fn decode(text: &str) -> Text {
    let mut apply = Apply::default();
    let mut blocks = Vec::new();
    // The list being filled, if the lines above were bullets.
    let mut list: Option<Vec<ListItem>> = None;
    if text.is_empty() {
        return Text::default();
    }
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next_if(|l| l.starts_with('@')) {
        let value = |key: &str| line.strip_prefix(key).map(unescape);
        if let Some(v) = value(EMAIL) {
            apply.emails.push(v);
        } else if let Some(v) = value(URL) {
            apply.urls.push(v);
        } else if let Some(v) = value(ADDRESS) {
            apply.address = Some(v);
        } else if let Some(v) = value(CONTACT) {
            apply.contact = Some(v);
        } else if let Some(v) = value(HOW) {
            apply.instructions = Some(v);
        }
    }
    for line in lines {
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
    Text { apply, body: blocks }
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
        let text = encode(&Apply::default(), &blocks);
        assert_eq!(
            text,
            "# Missions\nVous accompagnerez les personnes.\n- Accueil\n- Suivi\n  - des dossiers\n  - des aides\n# Profil\nPermis B."
        );
        assert_eq!(decode(&text).body, blocks);
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
        let text = encode(&Apply::default(), &tricky);
        assert_eq!(decode(&text).body, tricky, "{text}");
    }

    #[test]
    fn the_ways_to_apply_come_first_and_read_back() {
        let apply = Apply {
            emails: vec!["rh@exemple.org".into(), "@bizarre".into()],
            urls: vec!["https://exemple.org/postuler".into()],
            address: Some("12 rue des Lilas\n69001 Lyon".into()),
            contact: Some("Marie Sadzot, co-responsable RH".into()),
            instructions: Some("CV et lettre \\n avant le 3 mai.".into()),
        };
        let body = vec![p("@ au début d'un paragraphe"), h("Missions"), l(&[("@accueil", &[])])];
        let text = encode(&apply, &body);
        assert!(text.starts_with("@email rh@exemple.org\n@email @bizarre\n@url https://exemple.org/postuler\n@address 12 rue des Lilas\\n69001 Lyon\n@contact Marie"), "{text}");
        assert!(text.contains("\n\\@ au début"), "a paragraph starting with @ is escaped: {text}");
        assert_eq!(decode(&text), Text { apply: apply.clone(), body: body.clone() });
        // Without a body, and without ways to apply.
        assert_eq!(decode(&encode(&apply, &[])), Text { apply, body: vec![] });
        assert_eq!(encode(&Apply::default(), &[]), "");
        assert_eq!(decode(&encode(&Apply::default(), &[l(&[])])).body, vec![l(&[])]);
    }

    #[test]
    fn every_text_reads_as_blocks() {
        assert_eq!(decode(""), Text::default());
        assert_eq!(decode("  - orpheline").body, vec![l(&[("orpheline", &[])])]);
        assert_eq!(decode("\n\n- a\n\n\n- b\n").body, vec![l(&[("a", &[])]), l(&[("b", &[])])]);
        assert_eq!(decode("\\").body, vec![p("")]);
        // An apply line of a newer writer is skipped; an `@` line below the top is text.
        let t = decode("@email a@b.org\n@phone 0102\n@how Écrire.\nTexte\n@contact Marie");
        assert_eq!(t.apply.emails, ["a@b.org"]);
        assert_eq!(t.apply.instructions.as_deref(), Some("Écrire."));
        assert_eq!(t.apply.contact, None);
        assert_eq!(t.body, vec![p("Texte"), p("@contact Marie")]);
    }

    #[test]
    fn the_seed_bodies_round_trip() {
        let postings = crate::model::from_json(include_str!("../../data/postings.json")).unwrap();
        for posting in &postings {
            let text = encode(&posting.apply, &posting.body);
            assert_eq!(decode(&text), Text { apply: posting.apply.clone(), body: posting.body.clone() }, "{}", posting.id);
        }
    }
}
