//! The offer's text as blocks: headings, paragraphs (hard-wrapped lines rejoined) and lists with
//! one level of sub-items (marked bullets, or runs of short unmarked lines under a heading).
//! Header lines (title, organization line, "Label : value" lines at the top whose value is in a
//! field of the record), navigation and footer are left out.

use super::clean::Line;
use super::{contract, dates, header, hours, pay, place, remote, themes, Ctx};
use crate::model::{Block, Country, ListItem, Place, Posting, Remote, Theme};
use std::collections::HashSet;

/// What one labelled line, read alone by a field's extractor, says next to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// No value for the field (a value not understood, or the field's default).
    Nothing,
    /// The record's value.
    Same,
    /// Another value: the record took the field from elsewhere.
    Different,
}

fn compare<T: PartialEq>(alone: Option<T>, record: Option<T>) -> Reading {
    match alone {
        None => Reading::Nothing,
        Some(a) if Some(&a) == record.as_ref() => Reading::Same,
        Some(_) => Reading::Different,
    }
}

/// Several readings of one line: another value anywhere wins, then the record's value.
fn combine(readings: &[Reading]) -> Reading {
    if readings.contains(&Reading::Different) {
        Reading::Different
    } else if readings.contains(&Reading::Same) {
        Reading::Same
    } else {
        Reading::Nothing
    }
}

/// A field the extractors fill from labelled lines: the extractor's own test for its label (the
/// folded label and the value), and the extractor's reading of a line alone against the record
/// (with the record's country, for hours).
struct HeaderField {
    label: for<'a> fn(&'a Line) -> Option<(&'a str, &'a str)>,
    read: fn(&Ctx, &Posting, Country) -> Reading,
}

/// True when `record` says all that `alone` says of a place (the record may know its postal code
/// from an address elsewhere in the text).
fn place_within(alone: &Place, record: &Place) -> bool {
    let within = |a: &Option<String>, r: &Option<String>| a.is_none() || a == r;
    alone.city == record.city
        && alone.country == record.country
        && within(&alone.postal_code, &record.postal_code)
        && within(&alone.department, &record.department)
        && within(&alone.region, &record.region)
}

fn sorted(mut t: Vec<Theme>) -> Vec<Theme> {
    t.sort();
    t
}

/// Every field a labelled header line can be consumed into (the title's line is left out by the
/// caller). Lines with other labels ("Public : …", "Référence : …") always stay in the body.
const HEADER_FIELDS: [HeaderField; 9] = [
    HeaderField {
        label: header::org_label,
        read: |c, p, _| compare(header::organization(c, None), Some(p.organization.clone()).filter(|o| !o.is_empty())),
    },
    HeaderField {
        label: contract::label,
        read: |c, p, _| {
            let k = contract::extract(c, None);
            compare((!k.guessed).then_some((k.kind, k.contract)), Some((p.kind, p.contract)))
        },
    },
    HeaderField {
        label: place::label,
        read: |c, p, _| {
            let alone = place::extract(c);
            combine(&alone.iter().map(|x| if p.places.iter().any(|y| place_within(x, y)) { Reading::Same } else { Reading::Different }).collect::<Vec<_>>())
        },
    },
    // "Télétravail : non" reads as the default, which the detail view does not show: it stays. So
    // does a value with details the field cannot hold ("possible deux jours par semaine").
    HeaderField {
        label: remote::label,
        read: |c, p, _| {
            let words = c.doc.lines.first().and_then(|l| l.label_value(8)).map_or(0, |(_, v)| v.split_whitespace().count());
            match words {
                0..=2 => compare(remote::extract(c).filter(|r| *r != Remote::None), p.remote),
                _ => Reading::Nothing,
            }
        },
    },
    HeaderField { label: pay::label, read: |c, p, _| compare(pay::extract(c), p.pay.clone()) },
    HeaderField { label: hours::hours_label, read: |c, p, country| compare(hours::hours(c, country), p.hours_per_week) },
    HeaderField { label: hours::duration_label, read: |c, p, _| compare(hours::duration(c), p.duration_months) },
    HeaderField {
        label: dates::label,
        read: |c, p, _| {
            let d = dates::extract(c);
            combine(&[compare(d.start, p.start), compare(d.deadline, p.deadline), compare(d.published, p.published)])
        },
    },
    HeaderField {
        label: themes::label,
        read: |c, p, _| compare(Some(sorted(themes::extract(c, ""))).filter(|t| !t.is_empty()), Some(sorted(p.themes.clone()))),
    },
];

/// True when a value says more than one thing ("2 000 € brut. Mutuelle prise en charge."): the
/// field holds one of them, so such a line stays.
fn several_statements(value: &str) -> bool {
    let v = value.trim_end().trim_end_matches(['.', '!', '?', ';', '…']);
    [". ", "; ", "! ", "? "].iter().any(|b| v.contains(b))
}

/// For a line carrying the label of at least one field of [`HEADER_FIELDS`]: true when the record
/// holds what it says (some field reads the record's value from the line alone, none reads another
/// value, and the value is one statement). `None` for other lines.
fn consumed(line: &Line, record: &Posting, country: Country) -> Option<bool> {
    let fields: Vec<(&HeaderField, &str)> = HEADER_FIELDS.iter().filter_map(|f| (f.label)(line).map(|(_, value)| (f, value))).collect();
    let &(_, value) = fields.first()?;
    if several_statements(value) {
        return Some(false);
    }
    let alone = Ctx::of_line(line);
    let readings: Vec<Reading> = fields.iter().map(|(f, _)| (f.read)(&alone, record, country)).collect();
    Some(combine(&readings) == Reading::Same)
}

/// Lines at the top that only carry header fields, for the body to leave out: short unlabelled
/// lines (title, organization, "CDD 1 an") and the labelled lines whose value the record holds
/// (see [`consumed`]). The top ends at the first known section heading, list, or line of more
/// than 12 words that is not a field's labelled line; labelled lines below it always stay.
pub fn header_lines(cx: &Ctx, record: &Posting, country: Country) -> HashSet<usize> {
    let mut out = HashSet::new();
    for (i, l) in cx.doc.lines.iter().enumerate() {
        if l.skipped() {
            continue;
        }
        let known_heading = cx.layout.heading[i]
            && super::sections::cue_section(&super::sections::heading_key(&l.text)).is_some();
        if known_heading || l.bullet.is_some() {
            break;
        }
        let leave_out = match consumed(l, record, country) {
            Some(c) => c,
            None if l.words() > 12 => break,
            // A label no field reads ("Public : …"): the line stays.
            None => l.label_value(8).is_none(),
        };
        if leave_out {
            out.insert(i);
        }
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
        .filter(|i| !skip.contains(i) && !lines[*i].skipped() && !lines[*i].footer && cx.layout.section[*i] != super::sections::Section::Contact)
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

    fn body_of(text: &str) -> Vec<Block> {
        super::super::extract(text, None).posting.body
    }

    /// The body's paragraphs before its first heading.
    fn top_paragraphs(text: &str) -> Vec<String> {
        body_of(text)
            .into_iter()
            .take_while(|b| !matches!(b, Block::Heading { .. }))
            .map(|b| match b {
                Block::Paragraph { text } => text,
                other => panic!("not a paragraph: {other:?}"),
            })
            .collect()
    }

    const MISSIONS: &str = "\n\nMissions\n- Animer les ateliers\n- Suivre le budget\n\nCandidature\nCV à emploi@archipel.org.";

    #[test]
    fn labelled_lines_read_into_fields_are_left_out() {
        // The generator's header: every line's value is in a field of the record.
        let text = format!(
            "Coordinateur·rice de projets jeunesse\n\nCoopérative Archipel — Marseille (France)\nType de contrat : Volontariat\n\
             Lieu : Marseille, Provence-Alpes-Côte d'Azur\nRémunération : de 42 500 € à 49 500 € brut par année\n\
             Télétravail : partiel\nPrise de poste : 23 octobre 2025\n\
             Date limite de candidature : 19 septembre 2025\nPubliée le 8 août 2025\nThématiques : Environnement, Santé\n\
             Temps de travail : 35 heures par semaine\nDurée : 8 mois\nOrganisme : Coopérative Archipel{MISSIONS}"
        );
        assert_eq!(top_paragraphs(&text), Vec::<String>::new());
        let p = super::super::extract(&text, None).posting;
        // What the lines said, now only in the fields.
        assert_eq!(p.pay.as_ref().map(|x| x.text.as_str()), Some("de 42 500 € à 49 500 € brut par année"));
        assert_eq!((p.hours_per_week, p.duration_months.map(|d| d.max)), (Some(35.0), Some(8)));
        assert_eq!((p.start.is_some(), p.deadline.is_some(), p.published.is_some(), p.themes.len()), (true, true, true, 2));
    }

    #[test]
    fn labelled_lines_whose_value_is_not_read_stay() {
        let text = format!(
            "Coordinateur·rice de projets jeunesse\n\nCoopérative Archipel — Marseille (France)\nType de contrat : CDI\n\
             Rémunération : non communiquée\nTélétravail : non\nPrise de poste : à définir avec l'équipe\n\
             Thématiques : Tricot\nHoraires : du lundi au vendredi\nDate limite : quand le poste sera pourvu{MISSIONS}"
        );
        assert_eq!(
            top_paragraphs(&text),
            [
                "Rémunération : non communiquée",
                "Télétravail : non",
                "Prise de poste : à définir avec l'équipe",
                "Thématiques : Tricot",
                "Horaires : du lundi au vendredi",
                "Date limite : quand le poste sera pourvu",
            ]
        );
    }

    #[test]
    fn a_remote_line_with_details_stays() {
        let text = format!("Comptable\n\nType de contrat : CDI\nTélétravail : possible deux jours par semaine{MISSIONS}");
        assert_eq!(super::super::extract(&text, None).posting.remote, Some(Remote::Partial));
        assert_eq!(top_paragraphs(&text), ["Télétravail : possible deux jours par semaine"]);
        let text = format!("Comptable\n\nType de contrat : CDI\nTélétravail : partiel{MISSIONS}");
        assert_eq!(top_paragraphs(&text), Vec::<String>::new());
    }

    #[test]
    fn lines_with_labels_no_field_reads_stay() {
        // "CDI" in a reference is not a contract line; "Public" and "Référence" are no field.
        let text = format!(
            "Comptable\n\nAssociation Le Pont — Lille (France)\nRéférence : CDI-2025-04\nType de contrat : CDI\n\
             Public : jeunes de 16 à 25 ans\nLieu : Lille{MISSIONS}"
        );
        assert_eq!(top_paragraphs(&text), ["Référence : CDI-2025-04", "Public : jeunes de 16 à 25 ans"]);
    }

    #[test]
    fn a_line_the_record_did_not_take_its_value_from_stays() {
        // The deadline of the application section wins over the header's earlier date.
        let text = "Comptable\n\nType de contrat : CDI\nDate limite : 12 mai 2025\n\nMissions\n- Tenir les comptes\n\n\
                    Candidature\nDate limite de candidature : 20 mai 2025. CV à emploi@lepont.org.";
        let p = super::super::extract(text, None).posting;
        assert_eq!(p.deadline.map(|d| d.to_string()).as_deref(), Some("2025-05-20"));
        assert_eq!(top_paragraphs(text), ["Date limite : 12 mai 2025"]);
    }

    #[test]
    fn a_value_saying_more_than_its_field_stays() {
        let text = format!("Comptable\n\nType de contrat : CDI\nRémunération : 2 300 € brut par mois. Mutuelle prise en charge à 60 %.{MISSIONS}");
        assert_eq!(top_paragraphs(&text), ["Rémunération : 2 300 € brut par mois. Mutuelle prise en charge à 60 %."]);
        assert_eq!(super::super::extract(&text, None).posting.pay.and_then(|p| p.min), Some(crate::model::Amount::units(2300)));
    }

    #[test]
    fn labelled_lines_below_the_top_stay() {
        // Under a heading, and after a first paragraph of prose.
        let under = "Comptable\n\nMissions\n- Tenir les comptes\n\nConditions\nType de contrat : CDI\nLieu : Lille\n\nCandidature\nCV à emploi@lepont.org.";
        let b = body_of(under);
        for line in ["Type de contrat : CDI", "Lieu : Lille"] {
            assert!(b.contains(&Block::Paragraph { text: line.into() }), "{line} left out of {b:?}");
        }
        let after_prose = "Comptable\n\nL'association Le Pont accompagne depuis vingt ans les personnes éloignées de l'emploi à Lille.\n\
                           Type de contrat : CDI\nLieu : Lille";
        assert_eq!(
            top_paragraphs(after_prose),
            [
                "L'association Le Pont accompagne depuis vingt ans les personnes éloignées de l'emploi à Lille.",
                "Type de contrat : CDI",
                "Lieu : Lille",
            ]
        );
    }

    #[test]
    fn headings_paragraphs_and_nested_lists() {
        let b = body_of("Titre du poste\n\nMissions\n- Animer\n  - les ateliers\n  - les réunions\n- Suivre le budget\n\nProfil\nVous aimez\nle terrain.\n\nBack To Top");
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
