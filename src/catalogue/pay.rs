//! The "Salaire" filter: pay compared on a monthly basis, "at least … per month". Yearly amounts
//! are divided by 12; hourly ones are multiplied by the workplace country's full-time week
//! ([`Country::full_time_week`]), × 52 / 12. An amount without a period (a project's grant, a
//! tender's budget) is not pay. An offer's value is its monthly amount (`"2416"`) or `unstated`;
//! the visitor's choice is kept as keys: `min-2000` (at least 2000 a month) and `unstated` (keep
//! the offers without an amount too). Without a minimum, the filter keeps every offer.

use super::query::KeySet;
use crate::model::{Country, Pay, PayPeriod, Posting};

/// The value of an offer without a monthly amount.
pub const UNSTATED: &str = "unstated";
/// Key prefix of the minimum.
pub const MIN: &str = "min-";
/// The minimums offered, per month.
pub const THRESHOLDS: [u32; 7] = [1000, 1500, 2000, 2500, 3000, 3500, 4000];

/// The monthly amount of `pay` (the lower end of a range, what the offer at least pays), in its
/// own currency and as stated (gross or net), rounded down; `None` without an amount or period.
/// `country` is the main workplace's (France when the offer names none).
pub fn monthly(pay: &Pay, country: Option<Country>) -> Option<u32> {
    let amount = pay.min.or(pay.max)?.as_f64();
    let per_month = match pay.period? {
        PayPeriod::Month => amount,
        PayPeriod::Year => amount / 12.0,
        PayPeriod::Hour => amount * f64::from(country.unwrap_or(Country::FR).full_time_week()) * 52.0 / 12.0,
    };
    Some(per_month as u32)
}

/// The value of `p` in the pay filter.
pub fn value_of(p: &Posting) -> String {
    let country = p.places.first().map(|pl| pl.country);
    match p.pay.as_ref().and_then(|pay| monthly(pay, country)) {
        Some(m) => m.to_string(),
        None => UNSTATED.to_string(),
    }
}

/// A sort label putting amounts in increasing order, the offers without one first.
pub fn sort_label(value: &str) -> String {
    match value.parse::<u32>() {
        Ok(m) => format!("{m:010}"),
        Err(_) => String::new(),
    }
}

/// The minimum the choices `keys` set, if any.
pub fn minimum(keys: &KeySet) -> Option<u32> {
    keys.iter().find_map(|k| k.strip_prefix(MIN)?.parse().ok())
}

/// Whether a choice is a key of this filter.
pub fn is_key(key: &str) -> bool {
    key == UNSTATED || key.strip_prefix(MIN).is_some_and(|n| n.parse::<u32>().is_ok())
}

/// Whether the choices `keys` keep the value `value`: every value without a minimum; with one,
/// the amounts at least that high, and the offers without an amount when `unstated` is chosen.
pub fn selects(keys: &KeySet, value: &str) -> bool {
    match (minimum(keys), value.parse::<u32>()) {
        (None, _) => true,
        (Some(min), Ok(m)) => m >= min,
        (Some(_), Err(_)) => keys.contains(UNSTATED),
    }
}

/// How many offers pay at least `min` a month, from the counts of each value.
pub fn count_at_least<'a>(values: impl Iterator<Item = (&'a str, usize)>, min: u32) -> usize {
    values.filter(|(v, _)| v.parse::<u32>().is_ok_and(|m| m >= min)).map(|(_, n)| n).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pay(json: &str) -> Pay {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn each_period_monthly() {
        assert_eq!(monthly(&pay(r#"{"min":2150,"period":"month","text":""}"#), None), Some(2150));
        assert_eq!(monthly(&pay(r#"{"min":29000,"max":29000,"period":"year","text":""}"#), None), Some(2416));
        // 11.88 € an hour × 35 h × 52 / 12 in France; × 38 h in Belgium.
        let hourly = pay(r#"{"min":11.88,"period":"hour","text":""}"#);
        assert_eq!(monthly(&hourly, Some(Country::FR)), Some(1801));
        assert_eq!(monthly(&hourly, Some(Country::BE)), Some(1956));
        assert_eq!(monthly(&hourly, None), monthly(&hourly, Some(Country::FR)));
        // A range counts by its lower end; a bare maximum by itself.
        assert_eq!(monthly(&pay(r#"{"min":2000,"max":2300,"period":"month","text":""}"#), None), Some(2000));
        assert_eq!(monthly(&pay(r#"{"max":2300,"period":"month","text":""}"#), None), Some(2300));
    }

    fn keys(k: &[&str]) -> KeySet {
        k.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_minimum_keeps_higher_pay_and_unstated_by_choice() {
        assert!(selects(&keys(&[]), "1200") && selects(&keys(&[]), "unstated"));
        assert!(selects(&keys(&["unstated"]), "1200"), "no minimum, no filter");
        let min = keys(&["min-2000"]);
        assert!(selects(&min, "2000") && selects(&min, "2416") && !selects(&min, "1999"));
        assert!(!selects(&min, "unstated"));
        assert!(selects(&keys(&["min-2000", "unstated"]), "unstated"));
        assert_eq!(count_at_least([("2416", 1), ("1500", 2), ("unstated", 4)].into_iter(), 1500), 3);
        assert!(is_key("min-1500") && is_key("unstated") && !is_key("min-") && !is_key("1500"));
        assert!(sort_label("unstated") < sort_label("900") && sort_label("900") < sort_label("2416"));
    }

    #[test]
    fn an_offer_by_its_main_workplace() {
        let mut p: Posting =
            serde_json::from_str(r#"{"id":"x","kind":"emploi","title":"t","organization":""}"#).unwrap();
        assert_eq!(value_of(&p), "unstated");
        p.pay = Some(pay(r#"{"min":10,"period":"hour","text":""}"#));
        assert_eq!(value_of(&p), "1516", "10 × 35 × 52 / 12 in France by default");
        p.places = serde_json::from_str(r#"[{"country":"CH"}]"#).unwrap();
        assert_eq!(value_of(&p), "1820");
    }

    #[test]
    fn grants_and_words_are_not_pay() {
        assert_eq!(monthly(&pay(r#"{"min":50000,"text":"subvention"}"#), None), None);
        assert_eq!(monthly(&pay(r#"{"text":"selon barème"}"#), None), None);
    }
}
