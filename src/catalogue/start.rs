//! The "Début" filter: offers that start as soon as possible, and offers starting in a range of
//! months ("from" a month, "before" a month), from the offer's `start`. Its values are `asap` and
//! each month an offer starts in (`2026-02`; a day counts for its month); a visitor's choice is
//! kept as keys: `asap`, `from-2026-02`, `before-2026-06` (the month itself excluded), or a month.

use super::query::KeySet;
use crate::model::{Posting, Start, YearMonth};

/// The value of an offer that starts as soon as possible.
pub const ASAP: &str = "asap";
/// Key prefix of "starts in this month or later".
pub const FROM: &str = "from-";
/// Key prefix of "starts before this month".
pub const BEFORE: &str = "before-";

/// The value of `p` in the start filter, if it says when it starts.
pub fn value_of(p: &Posting) -> Option<String> {
    Some(match p.start? {
        Start::Asap => ASAP.to_string(),
        Start::Month(m) => m.to_string(),
        Start::Date(d) => YearMonth::new(d.year(), d.month())?.to_string(),
    })
}

/// The month of a range key (`from-2026-02` → 2026-02), if `key` is one with `prefix`.
pub fn bound(keys: &KeySet, prefix: &str) -> Option<YearMonth> {
    keys.iter().find_map(|k| k.strip_prefix(prefix)?.parse().ok())
}

/// Whether a choice is a key of this filter: `asap`, a month, or a month range bound.
pub fn is_key(key: &str) -> bool {
    let month = |s: &str| s.parse::<YearMonth>().is_ok();
    key == ASAP
        || month(key)
        || key.strip_prefix(FROM).is_some_and(month)
        || key.strip_prefix(BEFORE).is_some_and(month)
}

/// Whether the choices `keys` select the value `value` (`asap` or a month): `asap` when chosen;
/// a month when chosen itself, or when within the range the bounds give (when there is one).
pub fn selects(keys: &KeySet, value: &str) -> bool {
    if keys.contains(value) {
        return true;
    }
    let Ok(month) = value.parse::<YearMonth>() else { return false };
    let (from, before) = (bound(keys, FROM), bound(keys, BEFORE));
    (from.is_some() || before.is_some())
        && from.is_none_or(|f| f <= month)
        && before.is_none_or(|b| month < b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(k: &[&str]) -> KeySet {
        k.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_offer_by_its_month() {
        let mut p: Posting =
            serde_json::from_str(r#"{"id":"x","kind":"emploi","title":"t","organization":""}"#).unwrap();
        assert_eq!(value_of(&p), None);
        p.start = Some(Start::Asap);
        assert_eq!(value_of(&p).as_deref(), Some("asap"));
        p.start = Some(Start::Month("2026-02".parse().unwrap()));
        assert_eq!(value_of(&p).as_deref(), Some("2026-02"));
        p.start = Some(Start::Date("2026-03-15".parse().unwrap()));
        assert_eq!(value_of(&p).as_deref(), Some("2026-03"));
    }

    #[test]
    fn ranges_of_months_and_asap() {
        let from = keys(&["from-2026-02"]);
        assert!(!selects(&from, "2026-01") && selects(&from, "2026-02") && selects(&from, "2027-01"));
        assert!(!selects(&from, "asap"), "asap is its own choice");
        let before = keys(&["before-2026-06"]);
        assert!(selects(&before, "2023-09") && selects(&before, "2026-05") && !selects(&before, "2026-06"));
        let both = keys(&["asap", "before-2026-06", "from-2026-02"]);
        assert!(selects(&both, "asap") && selects(&both, "2026-03"));
        assert!(!selects(&both, "2026-01") && !selects(&both, "2026-07"));
        let month = keys(&["2026-02"]);
        assert!(selects(&month, "2026-02") && !selects(&month, "2026-03"));
        assert!(!selects(&keys(&["asap"]), "2026-02"));
        assert!(!selects(&keys(&["from-soon"]), "2026-02"), "a bad bound selects nothing");
    }

    #[test]
    fn keys_of_the_filter() {
        for k in ["asap", "2026-02", "from-2026-02", "before-2026-12"] {
            assert!(is_key(k), "{k}");
        }
        for k in ["", "soon", "from-2026", "2026-13", "after-2026-02"] {
            assert!(!is_key(k), "{k}");
        }
    }
}
