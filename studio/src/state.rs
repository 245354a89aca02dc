//! The studio's state and its one reducer: the offers (each a text or an opened record, its
//! reviewed overrides, whether it is closed), the selected offer, the settings, and the last
//! message. Pure Rust, tested natively; the extraction of each offer is recomputed from its text.

use crate::fields::{self, Overrides};
use crate::i18n::{self, Lang};
use serde::{Deserialize, Serialize};
use vitrine::catalogue::DeadlineStatus;
use vitrine::ingest::{self, Note, NoteLevel};
use vitrine::model::{Date, Posting};

/// Days before the deadline from which an offer is "closing soon".
pub const CLOSING_SOON_DAYS: i64 = 7;

/// Where an offer's record comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A posting's text, extracted by vitrine's extractor (`source`: the file name, if any).
    Text { text: String, source: Option<String> },
    /// A record opened from a feed (no text to extract from).
    Record { posting: Posting },
}

/// Why an offer was closed by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Closed {
    /// The position is filled.
    Filled,
    /// The deadline has passed.
    Expired,
}

/// One line of the text an extracted field was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// 1-based line number in the offer's text.
    pub line: usize,
    /// The words of that line.
    pub text: String,
}

/// What the extractor gave for an offer (recomputed, never saved).
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub posting: Posting,
    pub notes: Vec<Note>,
    pub evidence: Vec<(&'static str, Source)>,
}

/// One offer in the studio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    /// Stable key in this studio (not the record's id).
    pub key: u64,
    pub origin: Origin,
    #[serde(default)]
    pub overrides: Overrides,
    #[serde(default)]
    pub closed: Option<Closed>,
    #[serde(skip)]
    extracted: Option<Extracted>,
}

/// The lines of the text each field was read from (the extractor's evidence), by field name.
pub fn field_evidence(e: &ingest::Extraction) -> Vec<(&'static str, Source)> {
    e.evidence.iter().map(|x| (x.field, Source { line: x.line, text: x.text.clone() })).collect()
}

impl Offer {
    /// A new offer from a text.
    pub fn from_text(key: u64, text: String, source: Option<String>) -> Offer {
        let mut o = Offer { key, origin: Origin::Text { text, source }, overrides: Overrides::new(), closed: None, extracted: None };
        o.refresh();
        o
    }

    /// A new offer from a record read from a feed.
    pub fn from_record(key: u64, posting: Posting) -> Offer {
        let mut o = Offer { key, origin: Origin::Record { posting }, overrides: Overrides::new(), closed: None, extracted: None };
        o.refresh();
        o
    }

    /// Runs the extractor again (after the text changed, or after loading).
    pub fn refresh(&mut self) {
        self.extracted = Some(match &self.origin {
            Origin::Text { text, source } => {
                let e = ingest::extract(text, source.as_deref());
                Extracted { evidence: field_evidence(&e), posting: e.posting, notes: e.notes }
            }
            Origin::Record { posting } => Extracted { posting: posting.clone(), notes: Vec::new(), evidence: Vec::new() },
        });
    }

    /// The extraction (computed on first use after loading).
    pub fn extracted(&self) -> &Extracted {
        self.extracted.as_ref().expect("offers are refreshed when made or loaded")
    }

    /// The record as published: the extraction with the reviewed overrides laid over.
    pub fn posting(&self) -> Posting {
        fields::apply(&self.extracted().posting, &self.overrides).0
    }

    /// The offer's text, when it has one.
    pub fn text(&self) -> Option<&str> {
        match &self.origin {
            Origin::Text { text, .. } => Some(text),
            Origin::Record { .. } => None,
        }
    }

    /// The extractor's notes about `field` that no correction answered yet.
    pub fn notes_for(&self, field: &str) -> Vec<&Note> {
        if self.overrides.contains_key(field) {
            return Vec::new();
        }
        self.extracted().notes.iter().filter(|n| n.field == field || n.field.split('.').next() == Some(field)).collect()
    }

    /// Whether the field is to check ("à vérifier"): the extractor missed it or is unsure, and
    /// the publisher has not corrected it.
    pub fn to_check(&self, field: &str) -> bool {
        !self.notes_for(field).is_empty()
    }

    /// The lines of the text `field` was read from.
    pub fn sources_for(&self, field: &str) -> Vec<&Source> {
        self.extracted().evidence.iter().filter(|(f, _)| *f == field || f.split('.').next() == Some(field)).map(|(_, s)| s).collect()
    }

    /// The form's fields, those to check first (then in record order).
    pub fn review_order(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = fields::FIELDS.to_vec();
        v.sort_by_key(|f| !self.to_check(f));
        v
    }

    /// Where the offer stands on `today`.
    pub fn status(&self, today: Date) -> Status {
        if let Some(c) = self.closed {
            return Status::Closed(Some(c));
        }
        match DeadlineStatus::of(self.posting().deadline, today) {
            DeadlineStatus::Expired { .. } => Status::Closed(None),
            DeadlineStatus::Open { days_left } if days_left <= CLOSING_SOON_DAYS => Status::ClosingSoon { days_left },
            _ => Status::Open,
        }
    }
}

/// An offer's state at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Open,
    /// Open, with its deadline in at most [`CLOSING_SOON_DAYS`] days.
    ClosingSoon { days_left: i64 },
    /// Closed by hand (why), or its deadline passed (`None`). Closed offers are not published.
    Closed(Option<Closed>),
}

impl Status {
    /// A class name for the badge.
    pub fn class(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::ClosingSoon { .. } => "soon",
            Status::Closed(_) => "closed",
        }
    }
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Closed(_))
    }
}

/// The publisher's settings: the widget's look in the preview and in the snippet, and where the
/// feed will be uploaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `data-lang` (`fr`, `fr-BE`, `nl`, `en`).
    pub lang: String,
    /// `data-color-scheme` (`auto`, `light`, `dark`).
    pub color_scheme: String,
    /// `data-kind` preset (empty: every kind).
    pub kind: String,
    /// `data-title`.
    pub title: String,
    /// Where the feed will be uploaded (the snippet's `data-src`).
    pub feed_url: String,
    /// Where the widget's files are served from (the snippet's `src`).
    pub widget_url: String,
    /// The page that shows the widget (links of the RSS / JSON Feed items).
    pub site_url: String,
    /// Publish as a split feed (offers + texts) rather than one file.
    pub split: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            lang: "fr".into(),
            color_scheme: "auto".into(),
            kind: String::new(),
            title: String::new(),
            feed_url: "https://mon-asso.example/offres/offres.json".into(),
            widget_url: "https://mon-asso.example/offres/vitrine/vitrine.js".into(),
            site_url: "https://mon-asso.example/offres/".into(),
            split: false,
        }
    }
}

/// A message to the publisher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub error: bool,
    pub text: String,
}

/// The whole studio.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Studio {
    pub offers: Vec<Offer>,
    /// The offer under review, by key.
    pub selected: Option<u64>,
    pub settings: Settings,
    pub next_key: u64,
    /// The last thing to tell (an error names what is wrong; the work is untouched).
    pub message: Option<Message>,
    /// Bumped on each change to the saved work (the page saves when it moves).
    pub revision: u64,
    /// The interface's language, for the messages (not part of the saved work).
    pub lang: Lang,
}

/// What the publisher does.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Adds texts (pasted or read from files: text, file name) as new offers; selects the first.
    AddTexts(Vec<(String, Option<String>)>),
    /// Adds records read from a feed.
    AddRecords(Vec<Posting>, String),
    Select(u64),
    /// Replaces an offer's text (it is extracted again; the overrides stay).
    EditText(u64, String),
    /// Sets a reviewed override (a field's new JSON value).
    Correct(u64, String, serde_json::Value),
    /// Drops the override of a field (back to what the extractor read).
    Revert(u64, String),
    Duplicate(u64),
    Close(u64, Closed),
    Reopen(u64),
    Remove(u64),
    /// Moves an offer up (-1) or down (+1) in the list (the feed's order).
    Move(u64, i32),
    Settings(Settings),
    /// Shows a message; changes nothing else.
    Tell(Message),
    Dismiss,
    /// The interface's language changes (the messages that follow are in it).
    Lang(Lang),
}

impl Studio {
    /// The offer with this key.
    pub fn offer(&self, key: u64) -> Option<&Offer> {
        self.offers.iter().find(|o| o.key == key)
    }

    fn index(&self, key: u64) -> Option<usize> {
        self.offers.iter().position(|o| o.key == key)
    }

    fn key(&mut self) -> u64 {
        self.next_key += 1;
        self.next_key
    }

    fn info(&mut self, text: String) {
        self.message = Some(Message { error: false, text });
    }

    /// Applies one action. Every change to the work bumps `revision`.
    pub fn reduce(mut self, action: Action) -> Studio {
        let before = (self.offers.clone(), self.settings.clone());
        let t = i18n::texts(self.lang);
        match action {
            Action::AddTexts(texts) => {
                let mut first = None;
                let n = texts.len();
                for (text, source) in texts {
                    let key = self.key();
                    first.get_or_insert(key);
                    self.offers.push(Offer::from_text(key, text, source));
                }
                if let Some(k) = first {
                    self.selected = Some(k);
                }
                self.info((t.added)(n));
            }
            Action::AddRecords(postings, from) => {
                let n = postings.len();
                let mut first = None;
                for p in postings {
                    let key = self.key();
                    first.get_or_insert(key);
                    self.offers.push(Offer::from_record(key, p));
                }
                if let Some(k) = first {
                    self.selected = Some(k);
                }
                self.info((t.opened)(&from, n));
            }
            Action::Select(k) => {
                if self.index(k).is_some() {
                    self.selected = Some(k);
                }
            }
            Action::EditText(k, new) => {
                if let Some(i) = self.index(k) {
                    if let Origin::Text { text, .. } = &mut self.offers[i].origin {
                        *text = new;
                        self.offers[i].refresh();
                    }
                }
            }
            Action::Correct(k, field, value) => {
                if let Some(i) = self.index(k) {
                    self.offers[i].overrides.insert(field, value);
                }
            }
            Action::Revert(k, field) => {
                if let Some(i) = self.index(k) {
                    self.offers[i].overrides.remove(&field);
                }
            }
            Action::Duplicate(k) => {
                if let Some(i) = self.index(k) {
                    let key = self.key();
                    let mut copy = self.offers[i].clone();
                    copy.key = key;
                    copy.closed = None;
                    self.offers.insert(i + 1, copy);
                    self.selected = Some(key);
                    self.info(t.duplicated.into());
                }
            }
            Action::Close(k, why) => {
                if let Some(i) = self.index(k) {
                    self.offers[i].closed = Some(why);
                    self.info(t.closed.into());
                }
            }
            Action::Reopen(k) => {
                if let Some(i) = self.index(k) {
                    self.offers[i].closed = None;
                }
            }
            Action::Remove(k) => {
                if let Some(i) = self.index(k) {
                    let title = self.offers[i].posting().title;
                    self.offers.remove(i);
                    if self.selected == Some(k) {
                        self.selected = self.offers.get(i.min(self.offers.len().saturating_sub(1))).map(|o| o.key);
                    }
                    self.info((t.removed)(&title));
                }
            }
            Action::Move(k, by) => {
                if let Some(i) = self.index(k) {
                    let j = i as i64 + by as i64;
                    if j >= 0 && (j as usize) < self.offers.len() {
                        self.offers.swap(i, j as usize);
                    }
                }
            }
            Action::Settings(s) => self.settings = s,
            Action::Tell(m) => self.message = Some(m),
            Action::Dismiss => self.message = None,
            Action::Lang(l) => self.lang = l,
        }
        if (&self.offers, &self.settings) != (&before.0, &before.1) {
            self.revision += 1;
        }
        self
    }

    /// The records to publish: the offers not closed (by hand or by their deadline on `today`),
    /// in the list's order, with unique ids.
    pub fn published(&self, today: Date) -> Vec<Posting> {
        let mut v: Vec<Posting> = self.offers.iter().filter(|o| !o.status(today).is_closed()).map(Offer::posting).collect();
        ingest::dedupe_ids(&mut v);
        v
    }

    /// How many offers are open, closing soon, closed on `today`.
    pub fn counts(&self, today: Date) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for o in &self.offers {
            match o.status(today) {
                Status::Open => c.0 += 1,
                Status::ClosingSoon { .. } => c.1 += 1,
                Status::Closed(_) => c.2 += 1,
            }
        }
        c
    }
}

/// Whether a note says the field is missing rather than unsure.
pub fn is_missing(n: &Note) -> bool {
    n.level == NoteLevel::Missing
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Éducateur spécialisé (H/F)\n\nAssociation Les Écureuils — Lyon (France)\nType de contrat : CDI\n\
                        Rémunération : 2 150 € bruts mensuels\n\nCandidature\nCV à recrutement@ecureuils.org avant le 15 octobre 2025.";

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn studio() -> Studio {
        Studio::default().reduce(Action::AddTexts(vec![(TEXT.into(), Some("ecureuils.txt".into())), ("Comptable\nCDI".into(), None)]))
    }

    #[test]
    fn adding_extracts_and_selects() {
        let s = studio();
        assert_eq!(s.offers.len(), 2);
        assert_eq!(s.selected, Some(s.offers[0].key));
        let p = s.offers[0].posting();
        assert_eq!(p.title, "Éducateur spécialisé");
        assert_eq!(p.source.as_deref(), Some("ecureuils.txt"));
        assert_eq!(s.revision, 1);
        // The extractor's doubts come first in the form.
        let second = &s.offers[1];
        assert!(second.to_check("organization"));
        assert!(second.review_order()[..3].contains(&"organization"));
        assert_eq!(s.offers[0].sources_for("pay")[0].text, "Rémunération : 2 150 € bruts mensuels");
    }

    #[test]
    fn corrections_survive_re_extraction() {
        let s = studio();
        let k = s.offers[0].key;
        let p = s.offers[0].posting();
        let org = fields::write(&p, "organization", &["Les Écureuils".into()], i18n::texts(Lang::Fr)).unwrap();
        let s = s.reduce(Action::Correct(k, "organization".into(), org));
        let s = s.reduce(Action::Correct(k, "deadline".into(), serde_json::json!("2025-12-01")));
        assert_eq!(s.offers[0].posting().organization, "Les Écureuils");
        let s = s.reduce(Action::EditText(k, TEXT.replace("2 150", "2 300")));
        let p = s.offers[0].posting();
        assert_eq!(p.organization, "Les Écureuils");
        assert_eq!(p.deadline, Some(d("2025-12-01")));
        assert_eq!(p.pay.unwrap().min, Some(vitrine::model::Amount::units(2300)));
        let s = s.reduce(Action::Revert(k, "organization".into()));
        assert_eq!(s.offers[0].posting().organization, "Association Les Écureuils");
    }

    #[test]
    fn duplicate_close_remove_reorder() {
        let s = studio();
        let (a, b) = (s.offers[0].key, s.offers[1].key);
        let s = s.reduce(Action::Duplicate(a));
        assert_eq!(s.offers.len(), 3);
        let c = s.offers[1].key;
        assert_eq!(s.selected, Some(c));
        assert_eq!(s.published(d("2025-01-01")).iter().map(|p| p.id.as_str()).collect::<Vec<_>>()[..2], ["association-les-ecureuils-educateur-specialise", "association-les-ecureuils-educateur-specialise-2"]);
        let s = s.reduce(Action::Close(c, Closed::Filled));
        assert_eq!(s.offers[1].status(d("2025-01-01")), Status::Closed(Some(Closed::Filled)));
        assert_eq!(s.published(d("2025-01-01")).len(), 2);
        let s = s.reduce(Action::Move(b, -1));
        assert_eq!(s.offers.iter().map(|o| o.key).collect::<Vec<_>>(), [a, b, c]);
        let s = s.reduce(Action::Move(a, -1));
        assert_eq!(s.offers[0].key, a, "the first stays first");
        let s = s.reduce(Action::Remove(b));
        assert_eq!(s.offers.iter().map(|o| o.key).collect::<Vec<_>>(), [a, c]);
        let s = s.reduce(Action::Reopen(c));
        assert_eq!(s.published(d("2025-01-01")).len(), 2);
    }

    #[test]
    fn status_against_today() {
        let s = studio();
        let o = &s.offers[0]; // deadline 2025-10-15
        assert_eq!(o.status(d("2025-10-01")), Status::Open);
        assert_eq!(o.status(d("2025-10-10")), Status::ClosingSoon { days_left: 5 });
        assert_eq!(o.status(d("2025-10-15")), Status::ClosingSoon { days_left: 0 });
        assert_eq!(o.status(d("2025-10-16")), Status::Closed(None));
        assert_eq!(s.counts(d("2025-10-10")), (1, 1, 0));
        assert!(s.published(d("2025-10-16")).iter().all(|p| p.title != "Éducateur spécialisé"));
    }

    #[test]
    fn messages_and_selection_change_no_work() {
        let s = studio();
        let (r, second) = (s.revision, s.offers[1].key);
        let s = s.reduce(Action::Tell(Message { error: true, text: "x".into() })).reduce(Action::Select(second));
        assert_eq!(s.revision, r);
        // The interface's language is no part of the work either; what follows is told in it.
        let s = s.reduce(Action::Lang(Lang::En));
        assert_eq!(s.revision, r);
        let s = s.reduce(Action::Close(second, Closed::Filled));
        assert_eq!(s.message.unwrap().text, "Offer closed: it will no longer be published.");
    }
}
