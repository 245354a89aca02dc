//! The "Durée" filter: how long the work lasts, in five buckets (up to 3 months, 3–6, 6–12, more
//! than 12, permanent), from the offer's `duration_months` and its contract.

use crate::model::{Contract, MonthRange, Posting};

/// One bucket of the length filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    /// Up to 3 months.
    UpTo3,
    /// More than 3 months, up to 6.
    From3To6,
    /// More than 6 months, up to 12.
    From6To12,
    /// More than 12 months.
    Over12,
    /// A CDI that states no length.
    Permanent,
}

impl Length {
    /// Every bucket, shortest first (the order the filter lists them in).
    pub const ALL: [Length; 5] = [Length::UpTo3, Length::From3To6, Length::From6To12, Length::Over12, Length::Permanent];

    /// The key used in URLs and presets.
    pub fn key(self) -> &'static str {
        match self {
            Length::UpTo3 => "0-3",
            Length::From3To6 => "3-6",
            Length::From6To12 => "6-12",
            Length::Over12 => "12-plus",
            Length::Permanent => "permanent",
        }
    }

    /// The bucket named by `key`, if any.
    pub fn from_key(key: &str) -> Option<Length> {
        Length::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The months `(above, up to)` the bucket holds; `None` for permanent work.
    fn months(self) -> Option<(u16, u16)> {
        match self {
            Length::UpTo3 => Some((0, 3)),
            Length::From3To6 => Some((3, 6)),
            Length::From6To12 => Some((6, 12)),
            Length::Over12 => Some((12, u16::MAX)),
            Length::Permanent => None,
        }
    }
}

/// The buckets of an offer: every bucket its stated length reaches ("2 à 4 mois" is both up to 3
/// months and 3–6), permanent for a CDI that states none, none when the length is unknown.
pub fn lengths(contract: Contract, duration: Option<MonthRange>) -> impl Iterator<Item = Length> {
    Length::ALL.into_iter().filter(move |l| match (l.months(), duration) {
        (None, None) => contract == Contract::Cdi,
        (Some((above, upto)), Some(d)) => {
            let (lo, hi) = (d.min.min(d.max), d.min.max(d.max));
            lo <= upto && hi > above
        }
        _ => false,
    })
}

/// The buckets of `p`.
pub fn of(p: &Posting) -> impl Iterator<Item = Length> {
    lengths(p.contract, p.duration_months)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(contract: Contract, d: Option<(u16, u16)>) -> Vec<&'static str> {
        lengths(contract, d.map(|(min, max)| MonthRange { min, max })).map(Length::key).collect()
    }

    #[test]
    fn buckets_of_stated_lengths() {
        assert_eq!(of(Contract::Stage, Some((2, 2))), ["0-3"]);
        assert_eq!(of(Contract::Cdd, Some((3, 3))), ["0-3"], "3 months is up to 3");
        assert_eq!(of(Contract::Stage, Some((4, 6))), ["3-6"]);
        assert_eq!(of(Contract::Stage, Some((2, 4))), ["0-3", "3-6"], "a range reaches each bucket it spans");
        assert_eq!(of(Contract::ServiceCivique, Some((6, 8))), ["3-6", "6-12"]);
        assert_eq!(of(Contract::Cdd, Some((12, 12))), ["6-12"]);
        assert_eq!(of(Contract::Cdd, Some((18, 24))), ["12-plus"]);
        assert_eq!(of(Contract::Cdd, Some((12, 18))), ["6-12", "12-plus"]);
        assert_eq!(of(Contract::Cdd, Some((6, 4))), ["3-6"], "a reversed range is read in order");
    }

    #[test]
    fn permanent_is_a_cdi_without_length() {
        assert_eq!(of(Contract::Cdi, None), ["permanent"]);
        // A CDI with a stated length (a trial period misread, a project's term) is by its length.
        assert_eq!(of(Contract::Cdi, Some((24, 24))), ["12-plus"]);
        assert!(of(Contract::Cdd, None).is_empty(), "a CDD without length is unknown");
        assert!(of(Contract::None, None).is_empty());
    }

    #[test]
    fn keys_name_their_bucket() {
        for l in Length::ALL {
            assert_eq!(Length::from_key(l.key()), Some(l));
        }
        assert_eq!(Length::from_key("6"), None);
    }
}
