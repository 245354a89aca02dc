//! Deadline state of a posting relative to a given day (`today` is always an input, never read
//! from a clock here), for badges and for hiding expired postings.

use crate::model::{Date, Posting};

/// Where a posting stands with respect to its last day to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineStatus {
    /// The posting states no deadline.
    NoDeadline,
    /// Still open; `days_left == 0` means it closes today (the deadline day is included).
    Open { days_left: i64 },
    /// The deadline was `days_ago` days before today (at least 1).
    Expired { days_ago: i64 },
}

impl DeadlineStatus {
    /// The status of a deadline (if any) on `today`.
    pub fn of(deadline: Option<Date>, today: Date) -> DeadlineStatus {
        match deadline {
            None => DeadlineStatus::NoDeadline,
            Some(d) => {
                let left = today.days_until(d);
                if left >= 0 {
                    DeadlineStatus::Open { days_left: left }
                } else {
                    DeadlineStatus::Expired { days_ago: -left }
                }
            }
        }
    }

    /// Whether the deadline has passed.
    pub fn is_expired(self) -> bool {
        matches!(self, DeadlineStatus::Expired { .. })
    }
}

/// Deadline state of `p` on `today`.
pub fn deadline_status(p: &Posting, today: Date) -> DeadlineStatus {
    DeadlineStatus::of(p.deadline, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn open_today_and_later() {
        let today = d("2025-10-15");
        assert_eq!(DeadlineStatus::of(Some(d("2025-10-15")), today), DeadlineStatus::Open { days_left: 0 });
        assert_eq!(DeadlineStatus::of(Some(d("2025-10-16")), today), DeadlineStatus::Open { days_left: 1 });
        // Across a month and a leap day.
        assert_eq!(DeadlineStatus::of(Some(d("2028-03-01")), d("2028-02-27")), DeadlineStatus::Open { days_left: 3 });
        assert!(!DeadlineStatus::of(Some(today), today).is_expired());
    }

    #[test]
    fn expired_and_none() {
        let today = d("2026-01-01");
        assert_eq!(DeadlineStatus::of(Some(d("2025-12-31")), today), DeadlineStatus::Expired { days_ago: 1 });
        assert_eq!(DeadlineStatus::of(Some(d("2025-01-01")), today), DeadlineStatus::Expired { days_ago: 365 });
        assert!(DeadlineStatus::of(Some(d("2025-12-31")), today).is_expired());
        assert_eq!(DeadlineStatus::of(None, today), DeadlineStatus::NoDeadline);
    }
}
