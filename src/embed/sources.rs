//! Which offers a widget shows when a partner gives it feeds (`data-src`): each feed's fresh
//! answer when it is good, else its last good copy, else nothing from it; the bundled offers only
//! when no feed gives anything. Also the short note, in the interface's language, that tells the
//! visitor how fresh the list is. Pure: fetching and the browser cache live in `dom`.

use crate::model::feed::{self, BodiesRef, Feed};
use crate::model::{Date, Posting};
use crate::ui::i18n::{self, Locale};

/// A copy of a feed kept in the browser from an earlier visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Cached {
    pub text: String,
    /// The day it was fetched.
    pub saved: Date,
}

/// One feed, as far as the widget got with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub url: String,
    /// `None` while the request runs; `Err(reason)` when it failed (status, network).
    pub fresh: Option<Result<String, String>>,
    pub cached: Option<Cached>,
}

/// What to show, and what to keep.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub postings: Vec<Posting>,
    /// Said above the list; `None` when there is nothing to say.
    pub notice: Option<String>,
    /// Feeds (indices into the sources) whose fresh text is good and should replace the kept copy.
    pub to_cache: Vec<usize>,
    /// Details for the browser console, one line per problem, naming the feed.
    pub problems: Vec<String>,
    /// Whether anything at all came from the feeds (fresh or kept).
    pub from_feeds: bool,
    /// Per posting, where its body is when the feed it came from is split: (source, row in that
    /// feed's bodies file). `None` for bodies in the records.
    pub origins: Vec<Option<(usize, u32)>>,
    /// Per source, the bodies file of the version shown (fresh or kept), when the feed is split.
    pub split: Vec<Option<BodiesRef>>,
}

/// The records a feed text gives, with the date the data claims.
fn usable(text: &str, url: &str, problems: &mut Vec<String>) -> Option<Feed> {
    match feed::decode(text) {
        Ok(feed) => {
            for r in &feed.rejected {
                problems.push(format!("{url}: {r}"));
            }
            for w in &feed.warnings {
                problems.push(format!("{url}: {w}"));
            }
            Some(feed)
        }
        Err(e) => {
            problems.push(format!("{url}: {e}"));
            None
        }
    }
}

/// Decides what a widget with feeds shows, as of `today`; the notice is written for `locale`.
pub fn plan(sources: &[Source], bundled: &[Posting], today: Date, locale: Locale) -> Plan {
    let t = locale.texts();
    let mut plan = Plan { split: vec![None; sources.len()], ..Plan::default() };
    // Per list: its source, and per posting its row in the feed (for split feeds).
    let mut list_rows: Vec<(usize, Vec<u32>)> = Vec::new();
    let mut lists = Vec::new();
    let mut fresh_dates = Vec::new();
    let mut kept_dates = Vec::new();
    let mut failed = 0;
    let mut skipped_records = 0;
    let mut partial = 0;
    let mut pending = 0;
    for (index, s) in sources.iter().enumerate() {
        // The kept copy is read only when the fresh answer is not enough, and at most once (a
        // large feed is decoded once, not twice).
        let read_kept = || {
            s.cached.as_ref().and_then(|c| {
                let mut quiet = Vec::new();
                let f = usable(&c.text, &s.url, &mut quiet)?;
                (!f.postings.is_empty()).then_some((f, c.saved))
            })
        };
        let kept = std::cell::OnceCell::new();
        let fresh = match &s.fresh {
            None => {
                pending += 1;
                None
            }
            Some(Err(reason)) => {
                plan.problems.push(format!("{}: {reason}", s.url));
                failed += 1;
                None
            }
            Some(Ok(text)) => match usable(text, &s.url, &mut plan.problems) {
                Some(f) if f.truncated && kept.get_or_init(read_kept).is_some() => {
                    plan.problems.push(format!("{}: the feed was cut short; the kept copy is used", s.url));
                    failed += 1;
                    None
                }
                Some(f) if f.postings.is_empty() && !f.rejected.is_empty() => {
                    failed += 1;
                    None
                }
                Some(f) => Some(f),
                None => {
                    failed += 1;
                    None
                }
            },
        };
        let kept = match fresh {
            Some(_) => None,
            None => kept.into_inner().unwrap_or_else(read_kept),
        };
        match (fresh, kept) {
            (Some(f), _) => {
                skipped_records += f.rejected.len();
                if f.truncated {
                    plan.problems.push(format!("{}: the feed was cut short; only its complete records are shown", s.url));
                    partial += 1;
                } else if matches!(s.fresh, Some(Ok(_))) {
                    plan.to_cache.push(index);
                }
                fresh_dates.push(f.updated.unwrap_or(today));
                plan.split[index] = f.bodies;
                list_rows.push((index, f.rows));
                lists.push(f.postings);
            }
            (None, Some((f, saved))) => {
                kept_dates.push(f.updated.unwrap_or(saved));
                plan.split[index] = f.bodies;
                list_rows.push((index, f.rows));
                lists.push(f.postings);
            }
            (None, None) => {}
        }
    }
    plan.from_feeds = lists.iter().any(|l| !l.is_empty());
    if plan.from_feeds {
        let (merged, from, _duplicates) = feed::merge_from(lists);
        plan.origins = from
            .into_iter()
            .map(|(list, i)| {
                let (source, rows) = &list_rows[list as usize];
                plan.split[*source].as_ref().map(|_| (*source, rows[i as usize]))
            })
            .collect();
        plan.postings = merged;
    } else if pending == 0 {
        plan.postings = bundled.to_vec();
        plan.origins = vec![None; plan.postings.len()];
    }

    let mut notes = Vec::new();
    if pending > 0 && plan.from_feeds {
        notes.push(t.notice_updating.to_string());
    } else if pending == 0 && !sources.is_empty() {
        if !plan.from_feeds {
            notes.push(t.notice_not_updated.to_string());
        } else if let Some(d) = fresh_dates.iter().chain(&kept_dates).max() {
            notes.push(i18n::notice_updated(locale, *d));
        }
        if failed > 0 && plan.from_feeds {
            match kept_dates.iter().min() {
                Some(d) if failed <= kept_dates.len() => notes.push(i18n::notice_kept_copy(locale, *d)),
                _ => notes.push(t.notice_source_down.to_string()),
            }
        }
        if partial > 0 {
            notes.push(t.notice_partial.to_string());
        }
        if skipped_records > 0 {
            notes.push(i18n::notice_skipped(locale, skipped_records));
        }
    }
    plan.notice = (!notes.is_empty()).then(|| notes.join(" "));
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = include_str!("../../data/postings.json");
    const FR: Locale = Locale::FrFr;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn feed(ids: &[&str], updated: Option<&str>) -> String {
        let records: Vec<String> = ids
            .iter()
            .map(|id| format!(r#"{{"id":"{id}","kind":"emploi","title":"Offre {id}","organization":"Asso {id}"}}"#))
            .collect();
        match updated {
            Some(u) => format!(r#"{{"updated":"{u}","postings":[{}]}}"#, records.join(",")),
            None => format!("[{}]", records.join(",")),
        }
    }

    fn src(url: &str, fresh: Option<Result<String, String>>, cached: Option<(&str, String)>) -> Source {
        Source { url: url.into(), fresh, cached: cached.map(|(d, text)| Cached { text, saved: day(d) }) }
    }

    fn ids(p: &Plan) -> Vec<&str> {
        p.postings.iter().map(|p| p.id.as_str()).collect()
    }

    fn bundled() -> Vec<Posting> {
        crate::model::from_json(DATA).unwrap()
    }

    #[test]
    fn fresh_feeds_are_merged_and_kept() {
        let today = day("2026-11-24");
        let p = plan(
            &[src("a", Some(Ok(feed(&["x", "y"], Some("2026-11-20")))), None), src("b", Some(Ok(feed(&["y", "z"], None))), None)],
            &bundled(),
            today,
            FR,
        );
        assert_eq!(ids(&p), ["x", "y", "z"], "the same offer twice appears once");
        assert_eq!(p.to_cache.len(), 2);
        assert_eq!(p.notice.as_deref(), Some("Offres mises à jour le 24 novembre 2026."));
        assert!(p.problems.is_empty());
    }

    #[test]
    fn a_failing_feed_falls_back_to_its_kept_copy() {
        let p = plan(
            &[src("a", Some(Err("HTTP 500".into())), Some(("2026-11-01", feed(&["x"], None))))],
            &bundled(),
            day("2026-11-24"),
            FR,
        );
        assert_eq!(ids(&p), ["x"]);
        assert!(p.to_cache.is_empty(), "the kept copy is not overwritten");
        let notice = p.notice.unwrap();
        assert!(notice.contains("1er novembre 2026"), "{notice}");
        assert!(notice.contains("n’ont pas pu être actualisées"), "{notice}");
        assert_eq!(p.problems, ["a: HTTP 500"]);
    }

    #[test]
    fn garbage_or_truncation_never_replaces_a_good_copy() {
        let kept = Some(("2026-11-01", feed(&["x", "y"], None)));
        for bad in ["<html>erreur</html>", "[{\"id\":\"x\",\"kind\":\"emploi\",\"title\":\"T\",\"organization\":\"O\"},{\"id\":\"y\",\"ki"] {
            let p = plan(&[src("a", Some(Ok(bad.into())), kept.clone())], &bundled(), day("2026-11-24"), FR);
            assert_eq!(ids(&p), ["x", "y"], "{bad}");
            assert!(p.to_cache.is_empty(), "{bad}");
            assert!(!p.problems.is_empty(), "{bad}");
        }
    }

    #[test]
    fn a_feed_cut_short_on_a_first_visit_shows_what_arrived_and_says_so() {
        let cut = r#"[{"id":"x","kind":"emploi","title":"T","organization":"O"},{"id":"y","ki"#;
        let p = plan(&[src("a", Some(Ok(cut.into())), None)], &bundled(), day("2026-11-24"), FR);
        assert_eq!(ids(&p), ["x"]);
        assert!(p.to_cache.is_empty(), "an incomplete feed is not kept");
        assert!(p.notice.unwrap().contains("reçue qu’en partie"));
    }

    #[test]
    fn good_records_of_a_partly_bad_feed_are_kept() {
        let text = r#"[{"id":"x","kind":"emploi","title":"T","organization":"O"},{"id":"y","kind":"nope","title":"T","organization":"O"}]"#;
        let p = plan(&[src("a", Some(Ok(text.into())), None)], &bundled(), day("2026-11-24"), FR);
        assert_eq!(ids(&p), ["x"]);
        assert_eq!(p.to_cache.len(), 1);
        assert!(p.notice.unwrap().contains("1 offre illisible a été ignorée."));
        assert!(p.problems[0].starts_with("a: record 1"), "{:?}", p.problems);
    }

    #[test]
    fn with_nothing_from_any_feed_the_bundled_offers_show() {
        let p = plan(&[src("a", Some(Err("network".into())), None)], &bundled(), day("2026-11-24"), FR);
        assert_eq!(p.postings.len(), bundled().len());
        assert!(!p.from_feeds);
        assert_eq!(p.notice.as_deref(), Some("Les offres n’ont pas pu être actualisées pour l’instant."));
    }

    #[test]
    fn while_requests_run_kept_copies_show_and_nothing_else() {
        let waiting = plan(&[src("a", None, None)], &bundled(), day("2026-11-24"), FR);
        assert!(waiting.postings.is_empty(), "no bundled flash before the feed answers");
        assert_eq!(waiting.notice, None);
        let kept = plan(&[src("a", None, Some(("2026-11-01", feed(&["x"], None))))], &bundled(), day("2026-11-24"), FR);
        assert_eq!(ids(&kept), ["x"]);
        assert_eq!(kept.notice.as_deref(), Some("Mise à jour des offres…"));
    }

    #[test]
    fn notices_follow_the_interface_language() {
        let failing = [src("a", Some(Err("HTTP 500".into())), Some(("2026-11-01", feed(&["x"], None))))];
        let en = plan(&failing, &bundled(), day("2026-11-24"), Locale::En).notice.unwrap();
        assert_eq!(en, "Offers updated on 1 November 2026. Some offers could not be updated: showing the copy of 1 November 2026.");
        let nl = plan(&failing, &bundled(), day("2026-11-24"), Locale::NlBe).notice.unwrap();
        assert!(nl.starts_with("Vacatures bijgewerkt op 1 november 2026."), "{nl}");
        let text = r#"[{"id":"x","kind":"emploi","title":"T","organization":"O"},{"id":"y","kind":"nope"},{"id":"z"}]"#;
        let skipped = plan(&[src("a", Some(Ok(text.into())), None)], &bundled(), day("2026-11-24"), Locale::NlBe);
        assert!(skipped.notice.unwrap().ends_with("2 onleesbare vacatures werden weggelaten."));
        let down = plan(&[src("a", Some(Err("network".into())), None)], &bundled(), day("2026-11-24"), Locale::En);
        assert_eq!(down.notice.as_deref(), Some("The offers could not be updated for now."));
        let waiting = plan(&[src("a", None, Some(("2026-11-01", feed(&["x"], None))))], &bundled(), day("2026-11-24"), Locale::NlBe);
        assert_eq!(waiting.notice.as_deref(), Some("De vacatures worden bijgewerkt…"));
    }

    #[test]
    fn split_feeds_say_where_each_text_is() {
        let seeds = bundled();
        // Feed a: split, its second record unreadable; feed b: plain, repeating a's first offer.
        let mut a_records = seeds[..3].to_vec();
        a_records[1].title = " ".into();
        let a = crate::model::pack::split(&a_records, None, "a.bodies.json").offers;
        let b = format!("[{}]", [&seeds[0], &seeds[3]].map(|p| serde_json::to_string(p).unwrap()).join(","));
        let p = plan(&[src("a", Some(Ok(a)), None), src("b", Some(Ok(b)), None)], &seeds, day("2026-11-24"), FR);
        assert_eq!(ids(&p), [seeds[0].id.as_str(), &seeds[2].id, &seeds[3].id]);
        assert_eq!(p.origins, [Some((0, 0)), Some((0, 2)), None], "rows count the rejected record");
        assert_eq!(p.split[0].as_ref().map(|r| r.href.as_str()), Some("a.bodies.json"));
        assert_eq!(p.split[1], None);
        assert!(p.postings[0].body.is_empty() && !p.postings[2].body.is_empty());
    }
}
