//! The offer's text as blocks: headings, paragraphs (hard-wrapped lines rejoined) and lists with
//! one level of sub-items (marked bullets, or runs of short unmarked lines under a heading).
//! Header lines (title, organization line, "Label : value" metadata at the top), navigation and
//! footer are left out.

use super::Ctx;
use crate::model::{Block, ListItem};
use std::collections::HashSet;

/// Lines at the top that only carry header fields (title, organization, contract, labels):
/// everything before the first substantial paragraph or known section heading.
pub fn header_lines(cx: &Ctx) -> HashSet<usize> {
    let mut out = HashSet::new();
    for (i, l) in cx.doc.lines.iter().enumerate() {
        if l.junk {
            continue;
        }
        let known_heading = cx.layout.heading[i]
            && super::sections::cue_section(&super::sections::heading_key(&l.text)).is_some();
        if known_heading || l.words() > 12 || l.bullet.is_some() {
            break;
        }
        out.insert(i);
    }
    out
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', '!', '?', ':', '…'])
}

/// A heading as shown: an all-capitals heading in sentence case ("PROFIL RECHERCHÉ :" →
/// "Profil recherché :"); others as written.
pub fn heading_text(t: &str) -> String {
    let t = t.trim();
    if super::text::is_upper_text(t) {
        super::text::capitalize_first(&t.to_lowercase())
    } else {
        t.to_string()
    }
}

/// Builds the body, leaving out the `skip` lines.
pub fn blocks(cx: &Ctx, skip: &HashSet<usize>, organization: &str) -> Vec<Block> {
    let org_f = super::text::fold(organization);
    let lines = &cx.doc.lines;
    // Contact blocks (address, e-mail, links) go to `apply`, not to the text.
    let keep: Vec<usize> = (0..lines.len())
        .filter(|i| !skip.contains(i) && !lines[*i].junk && !lines[*i].footer && cx.layout.section[*i] != super::sections::Section::Contact)
        .collect();
    let mut out: Vec<Block> = Vec::new();
    let mut k = 0;
    while k < keep.len() {
        let i = keep[k];
        let l = &lines[i];
        let intro = !cx.layout.heading[i] && l.ends_with_colon() && l.bullet.is_none();
        if cx.layout.heading[i] || intro {
            if intro {
                out.push(Block::Paragraph { text: l.text.clone() });
            } else if !org_f.is_empty() && l.fold().contains(org_f.as_str()) {
                // A heading naming the organization keeps its capitals ("L'ASBL AMA").
                out.push(Block::Heading { text: l.text.clone() });
            } else {
                out.push(Block::Heading { text: heading_text(&l.text) });
            }
            k += 1;
            // Unmarked list: ≥ 3 consecutive short lines under a heading (or an intro ending
            // with ":"), without blank lines between them, mostly without final periods.
            let mut run = Vec::new();
            let mut m = k;
            while m < keep.len() {
                let j = keep[m];
                let lj = &lines[j];
                if cx.layout.heading[j] || lj.bullet.is_some() || (!run.is_empty() && lj.blank_before > 0) || lj.text.chars().count() > 300 || lj.ends_with_colon() {
                    break;
                }
                run.push(j);
                m += 1;
            }
            let unpunctuated = run.iter().filter(|&&j| !lines[j].text.trim_end().ends_with('.')).count();
            // "Label : value" lines ("Lieu de travail : Bruxelles") stay paragraphs.
            let labelled = run.iter().filter(|&&j| lines[j].label_value(5).is_some()).count();
            if run.len() >= 3 && unpunctuated * 3 >= run.len() * 2 && labelled * 2 < run.len() {
                out.push(Block::List { items: run.iter().map(|&j| ListItem { text: lines[j].text.clone(), children: vec![] }).collect() });
                k = m;
            }
            continue;
        }
        if l.bullet.is_some() {
            let base = l.indent;
            let mut items: Vec<ListItem> = Vec::new();
            while k < keep.len() {
                let j = keep[k];
                let lj = &lines[j];
                // A hard-wrapped item: the next line goes on in lowercase without a marker.
                if lj.bullet.is_none() && !cx.layout.heading[j] && lj.blank_before == 0 && lj.text.starts_with(|c: char| c.is_lowercase()) {
                    if let Some(last) = items.last_mut() {
                        let tail = last.children.last_mut().unwrap_or(&mut last.text);
                        if !ends_sentence(tail) {
                            tail.push(' ');
                            tail.push_str(&lj.text);
                            k += 1;
                            continue;
                        }
                    }
                }
                if lj.bullet.is_none() || cx.layout.heading[j] {
                    break;
                }
                // Deeper, or a lowercase item right after sub-items ("- la préparation…" after
                // " - la mise en lien…,"), belongs to the previous item.
                let continues_children = items.last().is_some_and(|it: &ListItem| {
                    !it.children.is_empty() && it.text.starts_with(|c: char| c.is_uppercase())
                }) && lj.text.starts_with(|c: char| c.is_lowercase());
                if (lj.indent > base || continues_children) && !items.is_empty() {
                    items.last_mut().expect("non-empty").children.push(lj.text.clone());
                } else {
                    items.push(ListItem { text: lj.text.clone(), children: vec![] });
                }
                k += 1;
            }
            out.push(Block::List { items });
            continue;
        }
        // Paragraph: rejoin hard-wrapped lines (no final punctuation, next starts lowercase).
        let mut text = l.text.clone();
        k += 1;
        while k < keep.len() {
            let j = keep[k];
            let n = &lines[j];
            if cx.layout.heading[j] || n.bullet.is_some() || n.blank_before > 0 || ends_sentence(&text) {
                break;
            }
            if !n.text.starts_with(|c: char| c.is_lowercase()) {
                break;
            }
            text.push(' ');
            text.push_str(&n.text);
            k += 1;
        }
        out.push(Block::Paragraph { text });
    }
    // A heading with nothing after it at the very end adds nothing.
    while matches!(out.last(), Some(Block::Heading { .. })) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Ctx;
    use super::*;

    #[test]
    fn headings_paragraphs_and_nested_lists() {
        let cx = Ctx::new("Titre du poste\n\nMissions\n- Animer\n  - les ateliers\n  - les réunions\n- Suivre le budget\n\nProfil\nVous aimez\nle terrain.\n\nBack To Top");
        let skip = header_lines(&cx);
        let b = blocks(&cx, &skip, "");
        assert_eq!(
            b,
            vec![
                Block::Heading { text: "Missions".into() },
                Block::List {
                    items: vec![
                        ListItem { text: "Animer".into(), children: vec!["les ateliers".into(), "les réunions".into()] },
                        ListItem { text: "Suivre le budget".into(), children: vec![] },
                    ]
                },
                Block::Heading { text: "Profil".into() },
                Block::Paragraph { text: "Vous aimez le terrain.".into() },
            ]
        );
    }

    #[test]
    fn wrapped_list_items_are_rejoined() {
        let cx = Ctx::new("Missions\n1. Coordonner les projets auprès des\nécoles du département.\n2. Animer le réseau.");
        let b = blocks(&cx, &HashSet::new(), "");
        assert!(matches!(&b[1], Block::List { items } if items.len() == 2 && items[0].text == "Coordonner les projets auprès des écoles du département."), "{b:?}");
    }

    #[test]
    fn unmarked_lists_under_a_heading() {
        let cx = Ctx::new("Les missions\nConcevoir une méthodologie de recherche\nRéaliser un diagnostic\nRédiger et diffuser nos travaux\nProfil\nNous recherchons un profil curieux.");
        let b = blocks(&cx, &HashSet::new(), "");
        assert!(matches!(&b[1], Block::List { items } if items.len() == 3), "{b:?}");
        assert!(matches!(&b[3], Block::Paragraph { .. }));
    }
}
