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
//! n). Where the body repeats a way to apply (the instructions are usually a sentence of it), the
//! value is written once, in its apply line, and the body has a mark instead: `\h` instructions,
//! `\c` contact, `\a` address, `\e0`… e-mails, `\u0`… links. A backslash that would read as the
//! start of one of these is doubled.

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
    let marks = marks(apply);
    let fields = apply.emails.iter().map(|e| (EMAIL, e)).chain(apply.urls.iter().map(|u| (URL, u)));
    let single = [(ADDRESS, &apply.address), (CONTACT, &apply.contact), (HOW, &apply.instructions)];
    for (key, value) in fields.chain(single.into_iter().filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(key);
        push_text(&mut out, value, &[]);
    }
    let mut after_list = false;
    for block in blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Heading { text } => {
                out.push_str("# ");
                push_text(&mut out, text, &marks);
            }
            Block::Paragraph { text } => {
                let mut line = String::with_capacity(text.len());
                push_text(&mut line, text, &marks);
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
                    push_text(&mut out, &item.text, &marks);
                    for child in &item.children {
                        out.push_str("\n  - ");
                        push_text(&mut out, child, &marks);
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

/// Values shorter than this are written out even in the body.
const MIN_MARKED: usize = 6;

/// The ways to apply a body may repeat, each with the mark that stands for it there: `\h` the
/// instructions, `\c` the contact, `\a` the address, `\e0`…`\e9` the e-mails, `\u0`…`\u9` the
/// links; longest first, so a mark never cuts a longer value it is part of.
fn marks(apply: &Apply) -> Vec<(String, &str)> {
    let mut marks: Vec<(String, &str)> = Vec::new();
    let single = [("\\h", &apply.instructions), ("\\c", &apply.contact), ("\\a", &apply.address)];
    marks.extend(single.iter().filter_map(|(m, v)| v.as_deref().map(|v| (m.to_string(), v))));
    marks.extend(apply.emails.iter().take(10).enumerate().map(|(i, e)| (format!("\\e{i}"), e.as_str())));
    marks.extend(apply.urls.iter().take(10).enumerate().map(|(i, u)| (format!("\\u{i}"), u.as_str())));
    marks.retain(|(_, v)| v.len() >= MIN_MARKED);
    marks.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
    marks
}

/// The characters a backslash can start an escape with (see [`unescape`]).
fn escapes(c: char) -> bool {
    matches!(c, 'n' | '\\' | 'h' | 'c' | 'a' | 'e' | 'u')
}

/// Writes `text`: each of the `marks` values by its mark, line breaks as `\n`, and a backslash
/// that would read as the start of an escape or a mark doubled.
fn push_text(out: &mut String, text: &str, marks: &[(String, &str)]) {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some((mark, value)) = marks.iter().find(|(_, v)| rest.starts_with(v)) {
            out.push_str(mark);
            rest = &rest[value.len()..];
            continue;
        }
        let after = &rest[c.len_utf8()..];
        match c {
            '\n' => out.push_str("\\n"),
            '\\' if after.starts_with(escapes) || marks.iter().any(|(_, v)| after.starts_with(v)) => {
                out.push_str("\\\\")
            }
            c => out.push(c),
        }
        rest = after;
    }
}

/// Reads a text written by [`push_text`]: `\n` a line break, `\\` a backslash, a mark the value
/// of `apply` it stands for. A mark for a value `apply` lacks, or any other backslash, is kept as is.
fn unescape<'a>(text: &str, apply: &'a Apply) -> String {
    if !text.contains('\\') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let b = rest.as_bytes();
        let digit = b.get(2).filter(|d| d.is_ascii_digit()).map(|d| (d - b'0') as usize);
        let nth = |list: &'a [String]| list.get(digit?).map(String::as_str);
        let (value, len) = match b.get(1) {
            Some(b'n') => (Some("\n"), 2),
            Some(b'\\') => (Some("\\"), 2),
            Some(b'h') => (apply.instructions.as_deref(), 2),
            Some(b'c') => (apply.contact.as_deref(), 2),
            Some(b'a') => (apply.address.as_deref(), 2),
            Some(b'e') => (nth(&apply.emails), 3),
            Some(b'u') => (nth(&apply.urls), 3),
            _ => (None, 1),
        };
        match value {
            Some(v) => {
                out.push_str(v);
                rest = &rest[len..];
            }
            None => {
                out.push('\\');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
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
    let no_marks = Apply::default();
    while let Some(line) = lines.next_if(|l| l.starts_with('@')) {
        let value = |key: &str| line.strip_prefix(key).map(|v| unescape(v, &no_marks));
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
    let unescape = |text: &str| unescape(text, &apply);
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
    fn the_body_names_the_ways_to_apply_by_marks() {
        let apply = Apply {
            emails: vec!["rh@exemple.org".into(), "a@b.c".into()],
            urls: vec!["https://exemple.org/postuler".into()],
            address: None,
            contact: Some("Marie Sadzot, RH".into()),
            instructions: Some("CV et lettre à rh@exemple.org avant le 3 mai.".into()),
        };
        let body = vec![
            h("Candidature"),
            p("CV et lettre à rh@exemple.org avant le 3 mai. Questions : Marie Sadzot, RH, rh@exemple.org."),
            l(&[("En ligne : https://exemple.org/postuler", &["ou a@b.c"])]),
            p("Littéral : \\h \\e0 \\u9 \\x et \\ avant rh@exemple.org : \\rh@exemple.org"),
            p("CV et lettre à rh@exemple.org avant le 3 mai."),
        ];
        let text = encode(&apply, &body);
        let lines: Vec<&str> = text.lines().collect();
        // Each value is written once, in its apply line; the body names it by its mark.
        assert_eq!(lines[4], "@how CV et lettre à rh@exemple.org avant le 3 mai.");
        assert_eq!(lines[6], r"\\h Questions : \c, \e0.", "a paragraph starting with a mark keeps a leading backslash");
        assert_eq!(lines[7], "- En ligne : \\u0");
        assert_eq!(lines[8], "  - ou a@b.c", "values under six characters are written out");
        assert_eq!(lines[10], "\\\\h", "a paragraph that is one mark keeps its leading backslash");
        assert_eq!(lines[9], r"Littéral : \\h \\e0 \\u9 \x et \ avant \e0 : \\\e0");
        assert_eq!(decode(&text), Text { apply: apply.clone(), body: body.clone() }, "{text}");
        // A mark whose value the text lacks reads as written.
        let bare = decode("# T\nx \\h et \\e3 et \\u");
        assert_eq!(bare.body[1], p("x \\h et \\e3 et \\u"));
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
