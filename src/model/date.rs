//! Calendar dates without a date crate: `Date` ("YYYY-MM-DD") and `YearMonth` ("YYYY-MM"),
//! validated on parse, ordered, and convertible to a day number for "in N days" arithmetic.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A day of the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// A month of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form the type expects.
    Format(String),
    /// Well formed but not a real day (month 13, 31 April, 29 February 2025…).
    OutOfRange(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(s) => write!(f, "«{s}» is not a date of the form YYYY-MM-DD / YYYY-MM"),
            DateError::OutOfRange(s) => write!(f, "«{s}» is not a real calendar date"),
        }
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Number of days in a month of a year.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A checked date; `None` when the day does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if (1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }
    pub fn year(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }
    /// Days since 1970-01-01 (negative before).
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
    /// The date `n` days since 1970-01-01.
    pub fn from_day_number(n: i64) -> Option<Date> {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
        u16::try_from(y).ok().and_then(|y| Date::new(y, m as u8, d as u8))
    }
    /// Whole days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.day_number() - self.day_number()
    }
}

impl YearMonth {
    pub fn new(year: u16, month: u8) -> Option<YearMonth> {
        if (1..=9999).contains(&year) && (1..=12).contains(&month) {
            Some(YearMonth { year, month })
        } else {
            None
        }
    }
    pub fn year(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    /// The first day of the month.
    pub fn first_day(self) -> Date {
        Date { year: self.year, month: self.month, day: 1 }
    }
    /// The last day of the month.
    pub fn last_day(self) -> Date {
        Date { year: self.year, month: self.month, day: days_in_month(self.year, self.month) }
    }
}

fn digits(s: &str, n: usize) -> Option<u16> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let mut parts = s.split('-');
        let (y, m, d) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(y), Some(m), Some(d), None) => (digits(y, 4), digits(m, 2), digits(d, 2)),
            _ => return Err(DateError::Format(s.to_string())),
        };
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) => {
                Date::new(y, m as u8, d as u8).ok_or_else(|| DateError::OutOfRange(s.to_string()))
            }
            _ => Err(DateError::Format(s.to_string())),
        }
    }
}

impl FromStr for YearMonth {
    type Err = DateError;
    fn from_str(s: &str) -> Result<YearMonth, DateError> {
        let mut parts = s.split('-');
        match (parts.next().and_then(|y| digits(y, 4)), parts.next().and_then(|m| digits(m, 2)), parts.next()) {
            (Some(y), Some(m), None) => {
                YearMonth::new(y, m as u8).ok_or_else(|| DateError::OutOfRange(s.to_string()))
            }
            _ => Err(DateError::Format(s.to_string())),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

macro_rules! string_serde {
    ($t:ty, $pattern:expr) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(de::Error::custom)
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        impl schemars::JsonSchema for $t {
            fn schema_name() -> String {
                stringify!($t).to_string()
            }
            fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
                schemars::schema::SchemaObject {
                    instance_type: Some(schemars::schema::InstanceType::String.into()),
                    string: Some(Box::new(schemars::schema::StringValidation {
                        pattern: Some($pattern.to_string()),
                        ..Default::default()
                    })),
                    ..Default::default()
                }
                .into()
            }
        }
    };
}

string_serde!(Date, r"^\d{4}-\d{2}-\d{2}$");
string_serde!(YearMonth, r"^\d{4}-\d{2}$");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d: Date = "2025-10-15".parse().unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2025, 10, 15));
        assert_eq!(d.to_string(), "2025-10-15");
        assert_eq!("2026-02".parse::<YearMonth>().unwrap().to_string(), "2026-02");
    }

    #[test]
    fn refuses_bad_dates() {
        assert!(matches!("2025-02-29".parse::<Date>(), Err(DateError::OutOfRange(_))));
        assert!(matches!("2024-13-01".parse::<Date>(), Err(DateError::OutOfRange(_))));
        assert!(matches!("15/10/2025".parse::<Date>(), Err(DateError::Format(_))));
        assert!(matches!("2025-1-01".parse::<Date>(), Err(DateError::Format(_))));
        assert!("2024-02-29".parse::<Date>().is_ok());
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().day_number(), 0);
        let a = Date::new(2023, 12, 31).unwrap();
        let b = Date::new(2024, 3, 1).unwrap();
        assert_eq!(a.days_until(b), 61);
        for n in [-1000, 0, 19_000, 20_513, 40_000] {
            assert_eq!(Date::from_day_number(n).unwrap().day_number(), n);
        }
    }

    #[test]
    fn serde_as_strings() {
        let d: Date = serde_json::from_str("\"2024-01-10\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2024-01-10\"");
        let err = serde_json::from_str::<Date>("\"2024-01-32\"").unwrap_err();
        assert!(err.to_string().contains("2024-01-32"), "{err}");
    }
}
