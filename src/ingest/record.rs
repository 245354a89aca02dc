//! One text → one `Posting`: runs the field extractors in order, builds the id, and lists the
//! fields that were not found or are guesses, for the publisher to review.

use super::{apply, body, contract, dates, header, hours, partners, pay, place, remote, themes, Ctx};
use crate::model::{Country, Kind, Posting};
use std::fmt;

/// How sure the extractor is about a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteLevel {
    /// Not found in the text.
    Missing,
    /// Found, but a guess.
    Unsure,
}

/// A remark about one field of an extracted record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub field: &'static str,
    pub level: NoteLevel,
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = match self.level {
            NoteLevel::Missing => "missing",
            NoteLevel::Unsure => "unsure",
        };
        write!(f, "{l} {}: {}", self.field, self.message)
    }
}

/// A record, the notes about it, and where each field was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    pub posting: Posting,
    pub notes: Vec<Note>,
    /// The line of the text each field came from.
    pub evidence: Vec<super::evidence::Evidence>,
}

pub use crate::model::slug::make_id;

/// Makes ids unique in a list: the second `x` becomes `x-2`, the third `x-3`…
pub fn dedupe_ids(postings: &mut [Posting]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let all: std::collections::HashSet<String> = postings.iter().map(|p| p.id.clone()).collect();
    for p in postings.iter_mut() {
        let n = seen.entry(p.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let mut k = *n;
            let mut cand = format!("{}-{k}", p.id);
            while all.contains(&cand) {
                k += 1;
                cand = format!("{}-{k}", p.id);
            }
            *n = k;
            p.id = cand;
        }
    }
}

/// Extracts one record from a decoded text. `source` is the file name kept in the record.
pub fn extract(text: &str, source: Option<&str>) -> Extraction {
    extract_with(text, source, true)
}

/// [`extract`], with the evidence gathered only when `evidence` is true: `ingest` writes records
/// and needs none (finding every field's line again costs about 4 % of its time); `show` and the
/// studio do.
pub fn extract_with(text: &str, source: Option<&str>, evidence: bool) -> Extraction {
    let cx = Ctx::new(text);
    let mut notes = Vec::new();
    let mut note = |field: &'static str, level: NoteLevel, message: &str| {
        notes.push(Note { field, level, message: message.to_string() })
    };

    let title0 = header::title(&cx);
    let title_line = title0.as_ref().and_then(|t| t.1);
    let kc = contract::extract(&cx, title_line);
    if kc.guessed {
        note("kind", NoteLevel::Unsure, "no contract or offer type found; set to a job without contract");
    }
    let mut title_line_used = title_line;
    let title = if kc.kind == Kind::Projet {
        match header::project_title(&cx) {
            Some((t, l)) => {
                title_line_used = Some(l);
                Some(t)
            }
            None => title0.map(|t| t.0),
        }
    } else {
        match title0 {
            Some((t, None)) => {
                note("title", NoteLevel::Unsure, "taken from a sentence of the text");
                Some(header::inclusive_variant(&cx, &t).unwrap_or(t))
            }
            other => other.map(|t| t.0),
        }
    };
    let title = title.unwrap_or_else(|| {
        note("title", NoteLevel::Missing, "no title line found");
        String::new()
    });
    // How to apply is read first: its e-mails' domains support the organization's name.
    let apply = apply::extract(&cx);
    let domains = match header::domains_of(&apply.emails) {
        d if d.is_empty() => header::email_domains(&cx),
        d => d,
    };
    let organization = header::organization_with(&cx, title_line, &domains).unwrap_or_else(|| {
        note("organization", NoteLevel::Missing, "no organization name found");
        String::new()
    });

    let (mut places, place_score) = place::scored(&cx);
    let call = kc.kind == Kind::Projet && is_call(&cx);
    // A call for projects names where projects may take place, not a workplace: a city read
    // only from the funder's address is not kept.
    if call && place_score < 8 {
        for p in &mut places {
            *p = crate::model::Place { city: None, postal_code: None, department: None, region: None, country: p.country };
        }
        places.truncate(1);
    }
    if places.first().is_none_or(|p| p.city.is_none()) {
        note("places", NoteLevel::Missing, "no workplace city found");
    }
    let country = places.first().map(|p| p.country).or_else(|| cx.country_evidence()).unwrap_or(Country::FR);
    let remote = remote::extract(&cx);
    // A call for projects or for tenders states what a project gets or the budget, not pay.
    let stated = pay::extract(&cx);
    let pay = match kc.kind {
        Kind::Projet | Kind::Freelance if stated.as_ref().is_none_or(|p| p.min.is_none() && p.max.is_none()) => {
            pay::grant(&cx).or(stated)
        }
        _ => stated,
    };
    if pay.is_none() && matches!(kc.kind, Kind::Emploi | Kind::Stage | Kind::Alternance | Kind::ServiceCivique) {
        note("pay", NoteLevel::Missing, "no pay found");
    }
    if let Some(p) = &pay {
        if p.min.is_some() && p.period.is_none() {
            note("pay", NoteLevel::Unsure, "amount without a period (year, month or hour)");
        }
    }
    let hours_per_week = hours::hours(&cx, country);
    let d = dates::extract(&cx);
    // The length the text states, else the length of the period it gives ("du 2 mars au 31 août").
    let duration_months = hours::duration(&cx)
        .or_else(|| d.period_months.map(|m| crate::model::MonthRange { min: m, max: m }))
        .filter(|_| kc.kind != Kind::Projet || (call && call_duration(&cx)));
    for (field, why) in &d.unsure {
        note(field, NoteLevel::Unsure, why);
    }
    if d.deadline.is_none() && kc.kind != Kind::Projet {
        note("deadline", NoteLevel::Missing, "no application deadline found");
    }
    if apply.emails.is_empty() && apply.urls.is_empty() && apply.address.is_none() {
        note("apply", NoteLevel::Missing, "no e-mail, link or address to apply");
    }
    let themes = themes::extract(&cx, &title);
    let partners = partners::extract(&cx, &organization, &apply.emails);

    let mut posting = Posting {
        id: make_id(&organization, &title),
        kind: kc.kind,
        contract: kc.contract,
        title,
        organization,
        partners,
        places,
        remote,
        pay,
        hours_per_week,
        duration_months,
        start: d.start,
        deadline: d.deadline,
        published: d.published,
        apply,
        themes,
        body: Vec::new(),
        source: source.map(str::to_string),
    };
    // The body leaves out the header lines whose values the fields above hold.
    let mut skip = body::header_lines(&cx, &posting, country);
    if let Some(l) = title_line_used {
        skip.insert(l);
        // A project's title sits under a "Le projet soutenu" heading that only labels it.
        if kc.kind == Kind::Projet && l > 0 && cx.layout.heading[l - 1] {
            skip.insert(l - 1);
        }
    }
    posting.body = body::blocks(&cx, &skip, &posting.organization);
    if posting.title.trim().is_empty() {
        if let Some(t) = fallback_title(&cx, source) {
            notes.retain(|n| n.field != "title");
            notes.push(Note { field: "title", level: NoteLevel::Unsure, message: format!("no title line found; «{t}» is a stand-in") });
            posting.id = make_id(&posting.organization, &t);
            posting.title = t;
        }
    }
    repair(&mut posting, &mut notes);
    let mut known: Vec<(&'static str, usize)> = title_line_used.map(|l| vec![("title", l)]).unwrap_or_default();
    known.extend(d.lines.iter().copied());
    let evidence = if evidence { super::evidence::gather(&cx, &posting, &known) } else { Vec::new() };
    Extraction { posting, notes, evidence }
}

/// A call for projects, as opposed to the page of one project.
fn is_call(cx: &Ctx) -> bool {
    cx.doc.lines.iter().any(|l| {
        let f = l.fold();
        ["appel a projets", "appel a candidatures", "appel a manifestation", "depot des dossiers", "laureats"].iter().any(|c| f.contains(c))
    })
}

/// A project page states a duration of the supported projects only under words that say so
/// ("projets d'une durée de 12 à 24 mois"), not the length of a programme it tells about.
fn call_duration(cx: &Ctx) -> bool {
    cx.doc.lines.iter().any(|l| {
        let f = l.fold();
        f.contains("projet") && (f.contains("duree") || f.contains("sur une periode") || f.contains("se derouler")) && (f.contains(" mois") || f.contains(" an"))
    })
}

/// A title when no line reads as one: the first words of the text's first line, else the file's
/// name.
fn fallback_title(cx: &Ctx, source: Option<&str>) -> Option<String> {
    let first = cx.doc.lines.iter().find(|l| !l.skipped() && !l.footer).map(|l| {
        let words: Vec<&str> = l.text.split_whitespace().take(12).collect();
        words.join(" ").trim_end_matches([',', ';', ':', '.']).to_string()
    });
    first.filter(|t| !t.is_empty()).or_else(|| {
        let stem = std::path::Path::new(source?).file_stem()?.to_str()?;
        let t = stem.replace(['_', '-'], " ");
        (!t.trim().is_empty()).then(|| super::text::capitalize_first(t.trim()))
    })
}

/// Clears each field of an extracted record that `vitrine check` would refuse (dates out of
/// order, an inverted range…), with a note, so that the record is kept for review rather than
/// refused: only unreadable input fails a run.
fn repair(p: &mut Posting, notes: &mut Vec<Note>) {
    if p.id.is_empty() {
        p.id = make_id(&p.organization, &p.title);
    }
    for _ in 0..4 {
        let problems = super::check::check_postings(std::slice::from_ref(p));
        if problems.is_empty() {
            return;
        }
        for pr in problems {
            let field = pr.field.as_deref().unwrap_or("");
            let (name, cleared): (&'static str, bool) = match field.split(['.', '[']).next().unwrap_or("") {
                "deadline" | "published" => {
                    // A deadline before the publication date: the publication date is the doubtful one.
                    p.published = None;
                    ("published", true)
                }
                "pay" => {
                    p.pay = None;
                    ("pay", true)
                }
                "duration_months" => {
                    p.duration_months = None;
                    ("duration_months", true)
                }
                "hours_per_week" => {
                    p.hours_per_week = None;
                    ("hours_per_week", true)
                }
                "apply" => {
                    p.apply.emails.retain(|e| e.contains('@') && e.contains('.') && !e.contains(char::is_whitespace));
                    p.apply.urls.retain(|u| (u.starts_with("https://") || u.starts_with("http://")) && !u.contains(char::is_whitespace));
                    ("apply", true)
                }
                "places" => {
                    p.places.retain(|pl| pl.city.as_deref().is_none_or(|c| !c.trim().is_empty()));
                    ("places", true)
                }
                "id" => {
                    p.id = crate::model::slug::slugify(&p.id, 12);
                    if p.id.is_empty() {
                        p.id = "offre".to_string();
                    }
                    ("id", false)
                }
                _ => ("record", false),
            };
            if cleared {
                notes.push(Note { field: name, level: NoteLevel::Unsure, message: format!("left empty: {}", pr.message) });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contract, Posting, Remote};

    fn p(id: &str) -> Posting {
        let mut x = extract("Comptable\nCDI", None).posting;
        x.id = id.to_string();
        x
    }

    #[test]
    fn ids_are_deduplicated() {
        let mut v = vec![p("a-b"), p("a-b"), p("a-b-2"), p("a-b")];
        dedupe_ids(&mut v);
        let ids: Vec<&str> = v.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a-b", "a-b-3", "a-b-2", "a-b-4"]);
    }

    #[test]
    fn a_whole_small_posting() {
        let e = extract(
            "Éducateur spécialisé (H/F)\n\nAssociation Les Écureuils — Lyon (France)\nType de contrat : CDI\n\
             Rémunération : 2 150 € bruts mensuels\nTélétravail : non\n\nMissions\n- Accompagner les jeunes\n\n\
             Candidature\nCV à recrutement@ecureuils.org avant le 15 octobre 2025.",
            Some("x.txt"),
        );
        let p = &e.posting;
        assert_eq!(p.id, "association-les-ecureuils-educateur-specialise");
        assert_eq!((p.kind, p.contract, p.remote), (Kind::Emploi, Contract::Cdi, Some(Remote::None)));
        assert_eq!(p.city(), Some("Lyon"));
        assert_eq!(p.pay.as_ref().and_then(|p| p.min), Some(crate::model::Amount::units(2150)));
        assert_eq!(p.deadline.map(|d| d.to_string()).as_deref(), Some("2025-10-15"));
        assert_eq!(p.apply.emails, ["recrutement@ecureuils.org"]);
        assert_eq!(p.source.as_deref(), Some("x.txt"));
        assert!(!e.notes.iter().any(|n| n.field == "title" || n.field == "organization"), "{:?}", e.notes);
        // The header lines are in the fields; "Télétravail : non" (the default, not shown) stays.
        assert!(
            matches!(&p.body[..2], [crate::model::Block::Paragraph { text: t }, crate::model::Block::Heading { text: h }] if t == "Télétravail : non" && h == "Missions"),
            "{:?}",
            p.body
        );
    }
}
