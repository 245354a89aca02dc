//! The studio's own interface languages (French first, English, Dutch: the widget's): one
//! [`Texts`] table per language (`fr`, `en`, `nl`), so a language that misses a text does not
//! compile, and the choice of language, remembered in the browser apart from the work. The
//! widget's `data-lang` (a setting of the preview and the snippet) is another thing. Labels of
//! the data's values (kinds, contracts, themes…) come from the widget's own tables
//! (`vitrine::ui::i18n`). Offer texts are never translated. Pure, tested natively.

mod en;
mod fr;
mod nl;

use crate::state::{Closed, Status};
pub use vitrine::ui::i18n::Lang;

/// The `localStorage` key of the interface language (not part of the work: an unreadable work
/// leaves the language as chosen).
pub const KEY: &str = "vitrine-studio:langue";

/// Every text of the studio's interface in one language. Texts with a number or a name in them
/// are functions.
pub struct Texts {
    /// This table's language.
    pub lang: Lang,
    /// The language's own name, in the language chooser.
    pub name: &'static str,

    // The page.
    pub ui_lang_label: &'static str,
    pub counts: fn(usize, usize, usize) -> String,
    pub dismiss: &'static str,
    pub save_refused: &'static str,

    // Adding offers.
    pub add_title: &'static str,
    pub paste_label: &'static str,
    pub paste_placeholder: &'static str,
    pub add_button: &'static str,
    pub paste_first: &'static str,
    pub files_label: &'static str,
    pub files_hint: &'static str,
    pub rest_unchanged: &'static str,

    // The list.
    pub list_title: fn(usize) -> String,
    pub list_empty: &'static str,
    pub list_hint: &'static str,
    pub untitled: &'static str,
    pub to_check_badge: fn(usize) -> String,
    pub actions_for: fn(&str) -> String,
    pub move_up: fn(&str) -> String,
    pub move_down: fn(&str) -> String,
    pub duplicate: &'static str,
    pub duplicate_label: fn(&str) -> String,
    pub reopen: &'static str,
    pub reopen_label: fn(&str) -> String,
    pub filled: &'static str,
    pub filled_label: fn(&str) -> String,
    pub expired: &'static str,
    pub expired_label: fn(&str) -> String,
    pub remove: &'static str,
    pub remove_label: fn(&str) -> String,
    pub status_open: &'static str,
    pub status_today: &'static str,
    pub status_tomorrow: &'static str,
    pub status_in_days: fn(i64) -> String,
    pub status_filled: &'static str,
    pub status_expired_by_hand: &'static str,
    pub status_deadline_passed: &'static str,

    // The review.
    pub review_none_title: &'static str,
    pub review_empty: &'static str,
    pub review_title: fn(&str) -> String,
    pub nothing_to_check: &'static str,
    pub to_check_summary: fn(usize) -> String,
    pub offer_text: &'static str,
    pub offer_text_label: &'static str,
    pub fields_form: &'static str,
    /// The form's field names, in the order of [`crate::fields::FIELDS`].
    pub field_names: [&'static str; 16],
    /// The labels of each field's inputs, in the order of [`crate::fields::FIELDS`] and of
    /// [`crate::fields::parts`].
    pub part_labels: [&'static [&'static str]; 16],
    pub not_stated: &'static str,
    /// Pay periods: year, month, hour.
    pub per: [&'static str; 3],
    pub badge_check: &'static str,
    pub badge_fixed: &'static str,
    pub not_found: &'static str,
    pub line: fn(usize) -> String,
    pub missing: &'static str,
    pub unsure: &'static str,
    pub previous_kept: &'static str,
    pub confirm: fn(&str) -> String,
    pub revert: fn(&str) -> String,

    // The widget's settings.
    pub settings_title: &'static str,
    pub widget_lang: &'static str,
    pub colours: &'static str,
    /// auto, light, dark.
    pub schemes: [&'static str; 3],
    pub show_only: &'static str,
    pub all_kinds: &'static str,
    pub heading_label: &'static str,
    pub feed_url_label: &'static str,
    pub widget_url_label: &'static str,

    // The preview.
    pub preview_title: &'static str,
    pub widths: &'static str,
    pub phone: &'static str,
    pub desktop: &'static str,
    pub preview_frame: &'static str,

    // Publishing.
    pub publish_title: &'static str,
    pub published: fn(usize) -> String,
    pub download_single: fn(&str) -> String,
    pub download_split: &'static str,
    pub folder_title: &'static str,
    pub folder_hint: &'static str,
    pub folder_busy: &'static str,
    pub folder_button: &'static str,
    pub snippet_title: &'static str,
    pub snippet_label: &'static str,
    pub snippet_hint: &'static str,
    pub feed_url_name: &'static str,
    pub widget_url_name: &'static str,
    pub exports_title: &'static str,
    pub exports_hint: &'static str,
    pub site_url_label: &'static str,
    pub download_rss: &'static str,
    pub download_json_feed: &'static str,
    pub download_failed: fn(&str) -> String,
    pub single_done: fn(&str, usize) -> String,
    pub split_done: fn(&str, &str) -> String,
    pub rss_done: fn(&str, &str) -> String,
    pub json_feed_done: fn(&str, &str) -> String,
    pub folder_done: fn(&str) -> String,
    pub folder_failed: fn(&str) -> String,
    pub widget_files_failed: fn(&str, &str) -> String,
    pub widget_file_missing: fn(&str) -> String,
    pub zip_failed: fn(&str) -> String,
    pub net_down: &'static str,
    pub net_status: fn(u16, &str) -> String,
    pub net_cut: &'static str,
    pub file_prepare_failed: &'static str,

    // What the work became (the reducer's messages).
    pub added: fn(usize) -> String,
    pub opened: fn(&str, usize) -> String,
    pub duplicated: &'static str,
    pub closed: &'static str,
    pub removed: fn(&str) -> String,

    // The saved work.
    pub saved_unreadable: fn(&str) -> String,
    pub saved_other_version: fn(u32) -> String,
    pub saved_aside: fn(&str, &str) -> String,

    // Files added or opened.
    pub file_unreadable: fn(&str) -> String,
    pub file_empty: fn(&str) -> String,
    pub file_not_text: fn(&str, &str) -> String,
    pub file_not_utf8: fn(&str, usize) -> String,
    pub doc_corrupt: fn(&str, &str, &str) -> String,
    pub doc_missing_part: fn(&str, &str, &str) -> String,
    pub doc_no_text: fn(&str) -> String,
    pub format_not_read: fn(&str, &str) -> String,
    pub format_unknown: fn(&str, &str) -> String,
    pub bodies_unreadable: fn(&str, &str) -> String,
    pub not_a_feed: fn(&str, &str) -> String,
    pub bad_record: fn(&str, &str, usize) -> String,
    pub feed_cut: fn(&str) -> String,
    pub feed_warning: fn(&str, &str) -> String,
    pub one_feed_at_a_time: &'static str,
    pub bodies_alone: fn(&str) -> String,
    pub no_file: &'static str,
    pub needs_bodies: fn(&str, &str) -> String,
    pub bodies_mismatch: fn(&str, &str, &str) -> String,
    pub not_split: fn(&str, &str) -> String,
    pub feed_empty: fn(&str) -> String,

    // Addresses.
    pub url_missing: fn(&str) -> String,
    pub url_not_web: fn(&str, &str) -> String,
    pub site_missing: &'static str,
    pub site_not_absolute: fn(&str) -> String,
    pub export_failed: fn(&str) -> String,

    // Values typed in the form (`name`: the field or input, as labelled).
    pub unknown_choice: fn(&str, &str) -> String,
    pub title_empty: fn(&str) -> String,
    pub not_a_number: fn(&str, &str) -> String,
    pub not_a_date: fn(&str, &str) -> String,
    pub min_over_max: fn(&str, &str, &str) -> String,
    pub pay_in_words: fn(&str) -> String,
    pub bad_start: fn(&str, &str) -> String,
    pub bad_duration: fn(&str, &str, &str) -> String,
    pub bad_hours: fn(&str, &str) -> String,
    pub bad_email: fn(&str, &str) -> String,
    pub bad_link: fn(&str, &str) -> String,
    pub unknown_theme: fn(&str, &str) -> String,
    pub unknown_field: fn(&str) -> String,
    /// Words read as "as soon as possible" in the start field (besides the French ones).
    pub asap_words: &'static [&'static str],
}

/// The table of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Fr => &fr::TEXTS,
        Lang::En => &en::TEXTS,
        Lang::Nl => &nl::TEXTS,
    }
}

/// The language of a saved or chosen code (`fr`, `en`, `nl`); anything else: none.
pub fn from_code(code: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| l.code() == code.trim())
}

impl Texts {
    /// An offer's status in words.
    pub fn status(&self, s: Status) -> String {
        match s {
            Status::Open => self.status_open.into(),
            Status::ClosingSoon { days_left: 0 } => self.status_today.into(),
            Status::ClosingSoon { days_left: 1 } => self.status_tomorrow.into(),
            Status::ClosingSoon { days_left } => (self.status_in_days)(days_left),
            Status::Closed(Some(Closed::Filled)) => self.status_filled.into(),
            Status::Closed(Some(Closed::Expired)) => self.status_expired_by_hand.into(),
            Status::Closed(None) => self.status_deadline_passed.into(),
        }
    }

    fn at(&self, field: &str) -> Option<usize> {
        crate::fields::FIELDS.iter().position(|f| *f == field)
    }

    /// A field's name in the form.
    pub fn field(&self, field: &str) -> &'static str {
        self.at(field).map_or("", |i| self.field_names[i])
    }

    /// The label of a field's `i`-th input.
    pub fn part(&self, field: &str, i: usize) -> &'static str {
        self.at(field).and_then(|f| self.part_labels[f].get(i).copied()).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::{parts, FIELDS};

    #[test]
    fn every_language_labels_every_input_of_every_field() {
        for lang in Lang::ALL {
            let t = texts(lang);
            assert_eq!(t.lang, lang);
            for f in FIELDS {
                assert!(!t.field(f).is_empty(), "{lang:?} {f}");
                let n = parts(f, lang).len();
                assert_eq!(t.part_labels[FIELDS.iter().position(|x| *x == f).unwrap()].len(), n, "{lang:?} {f}: one label per input");
                for i in 0..n {
                    assert!(!t.part(f, i).is_empty(), "{lang:?} {f} {i}");
                }
            }
        }
    }

    #[test]
    fn the_languages_differ_and_fit_their_numbers() {
        let (fr, en, nl) = (texts(Lang::Fr), texts(Lang::En), texts(Lang::Nl));
        assert_eq!(fr.add_title, "Ajouter des offres");
        assert_eq!(en.add_title, "Add offers");
        assert_eq!(nl.add_title, "Vacatures toevoegen");
        assert_eq!((fr.counts)(1, 0, 2), "1 ouverte · 0 se clôt bientôt · 2 fermées");
        assert_eq!((en.counts)(1, 0, 2), "1 open · 0 closing soon · 2 closed");
        assert_eq!(en.status(Status::ClosingSoon { days_left: 3 }), "Closes in 3 days");
        assert_eq!(nl.status(Status::ClosingSoon { days_left: 1 }), "Sluit morgen");
        assert_eq!(fr.status(Status::Closed(Some(Closed::Filled))), "Fermée (pourvue)");
        assert_eq!((en.published)(1), "1 offer published (closed offers are not).");
        assert_eq!(from_code("nl"), Some(Lang::Nl));
        assert_eq!(from_code("de"), None);
        // No English or Dutch label is left in French.
        for (a, b) in [(fr, en), (fr, nl)] {
            for (x, y) in [(a.add_title, b.add_title), (a.publish_title, b.publish_title), (a.settings_title, b.settings_title), (a.folder_button, b.folder_button)] {
                assert_ne!(x, y);
            }
        }
    }
}
