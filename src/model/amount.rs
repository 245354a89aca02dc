//! Money amounts kept to the cent (`4,35 €` an hour, `600,94 €` a month), written in the data as
//! plain JSON numbers (`2150`, `4.35`); whole amounts read and write as before.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An amount of money in cents of its currency. Ordered and compared exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(u64);

/// The largest amount a record may hold (a hundred million, far above any pay).
pub const MAX_CENTS: u64 = 100_000_000 * 100;

impl Amount {
    /// An amount of whole units (`Amount::units(2150)` is 2 150,00).
    pub const fn units(n: u64) -> Amount {
        Amount(n * 100)
    }
    /// An amount in cents (`Amount::from_cents(435)` is 4,35).
    pub const fn from_cents(cents: u64) -> Amount {
        Amount(cents)
    }
    /// The amount in cents.
    pub const fn cents(self) -> u64 {
        self.0
    }
    /// The whole units, cents dropped.
    pub const fn whole(self) -> u64 {
        self.0 / 100
    }
    /// The cents beyond the whole units (0–99).
    pub const fn fraction(self) -> u64 {
        self.0 % 100
    }
    /// A non-negative finite number rounded to the cent; `None` for negative, infinite or
    /// too large values.
    pub fn from_f64(x: f64) -> Option<Amount> {
        let c = (x * 100.0).round();
        (x.is_finite() && x >= 0.0 && c <= MAX_CENTS as f64).then_some(Amount(c as u64))
    }
    /// The amount as a number (for arithmetic such as a yearly equivalent).
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

/// `2150`, `4.35`, `600.9` never: cents are always two digits (`600.90`).
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.fraction() == 0 {
            write!(f, "{}", self.whole())
        } else {
            write!(f, "{}.{:02}", self.whole(), self.fraction())
        }
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.fraction() == 0 {
            s.serialize_u64(self.whole())
        } else {
            s.serialize_f64(self.as_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Amount, D::Error> {
        let x = f64::deserialize(d)?;
        Amount::from_f64(x).ok_or_else(|| {
            serde::de::Error::custom(format!("the amount {x} is not a number from 0 to {}", MAX_CENTS / 100))
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Amount {
    fn schema_name() -> String {
        "Amount".to_string()
    }
    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        use schemars::schema::{InstanceType, Metadata, NumberValidation, SchemaObject};
        SchemaObject {
            instance_type: Some(InstanceType::Number.into()),
            metadata: Some(Box::new(Metadata {
                description: Some("An amount of money, to the cent (2150, 4.35).".to_string()),
                ..Default::default()
            })),
            number: Some(Box::new(NumberValidation {
                minimum: Some(0.0),
                maximum: Some((MAX_CENTS / 100) as f64),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_amounts_and_cents_round_trip_through_json() {
        for (text, cents) in [("2150", 215_000), ("4.35", 435), ("600.94", 60_094), ("25.5", 2_550), ("0", 0)] {
            let a: Amount = serde_json::from_str(text).unwrap();
            assert_eq!(a.cents(), cents, "{text}");
            let back: Amount = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
            assert_eq!(back, a);
        }
        assert_eq!(serde_json::to_string(&Amount::units(29_000)).unwrap(), "29000");
        assert_eq!(serde_json::to_string(&Amount::from_cents(435)).unwrap(), "4.35");
        assert_eq!(Amount::from_cents(2_550).to_string(), "25.50");
        assert!(serde_json::from_str::<Amount>("-3").is_err());
        assert!(serde_json::from_str::<Amount>("1e300").is_err());
    }
}
