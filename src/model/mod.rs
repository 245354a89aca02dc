//! The offer record (`Posting`) and its parts: the one type that writes and reads vitrine's data.
//!
//! Pure Rust. The CLI writes data files through serde's derive (and schemars, natively, describes
//! the same derive as the JSON Schema); everything reads them through `FromJson` (`read.rs`), by
//! hand so the widget carries no serde code. A test reads mangled records both ways and requires
//! the same answers, so writer and reader cannot drift apart.

pub mod amount;
pub mod body;
mod date;
pub mod feed;
pub mod json;
pub mod pack;
pub mod letters;
mod read;
pub mod slug;

pub use amount::Amount;
pub use date::{Date, DateError, YearMonth};

use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// One offer: a job, an internship, a volunteering mission, a funded project…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub struct Posting {
    /// Stable slug, unique in a data file (`[a-z0-9-]+`), used in links and favourites. A record
    /// read without one gets the id its organization and title make (`slug::make_id`; split feeds
    /// leave out the ids that rule gives).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub kind: Kind,
    #[serde(default)]
    pub contract: Contract,
    pub title: String,
    /// The hiring (or project-holding) organization.
    pub organization: String,
    /// Other organizations the text names as partners of the offer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Workplaces; the first one is the main workplace.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    /// How much of the work can be done remotely; absent when the text does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<Remote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay: Option<Pay>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "finite_hours")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<f32>"))]
    pub hours_per_week: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_months: Option<MonthRange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Start>,
    /// Last day to apply (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
    /// Date the offer was published (or last updated, when that is all the text gives).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    #[serde(default, skip_serializing_if = "Apply::is_empty")]
    pub apply: Apply,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Theme>,
    /// The text of the offer as structured blocks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<Block>,
    /// File name of the raw text this record was extracted from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// What sort of offer this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Emploi,
    Stage,
    Alternance,
    ServiceCivique,
    Benevolat,
    Freelance,
    Projet,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Emploi,
        Kind::Stage,
        Kind::Alternance,
        Kind::ServiceCivique,
        Kind::Benevolat,
        Kind::Freelance,
        Kind::Projet,
    ];
    /// The serialized key (`"service_civique"`).
    pub fn key(self) -> &'static str {
        match self {
            Kind::Emploi => "emploi",
            Kind::Stage => "stage",
            Kind::Alternance => "alternance",
            Kind::ServiceCivique => "service_civique",
            Kind::Benevolat => "benevolat",
            Kind::Freelance => "freelance",
            Kind::Projet => "projet",
        }
    }
    /// French label.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Emploi => "Emploi",
            Kind::Stage => "Stage",
            Kind::Alternance => "Alternance",
            Kind::ServiceCivique => "Service civique",
            Kind::Benevolat => "Bénévolat",
            Kind::Freelance => "Freelance, prestation",
            Kind::Projet => "Projet",
        }
    }
    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The contract under which the work is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Contract {
    Cdi,
    Cdd,
    Stage,
    Alternance,
    ServiceCivique,
    Benevolat,
    Freelance,
    #[default]
    None,
}

impl Contract {
    pub const ALL: [Contract; 8] = [
        Contract::Cdi,
        Contract::Cdd,
        Contract::Stage,
        Contract::Alternance,
        Contract::ServiceCivique,
        Contract::Benevolat,
        Contract::Freelance,
        Contract::None,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Contract::Cdi => "cdi",
            Contract::Cdd => "cdd",
            Contract::Stage => "stage",
            Contract::Alternance => "alternance",
            Contract::ServiceCivique => "service_civique",
            Contract::Benevolat => "benevolat",
            Contract::Freelance => "freelance",
            Contract::None => "none",
        }
    }
    /// French label ("CDI", "Service civique"…); `None` reads "Sans contrat".
    pub fn label(self) -> &'static str {
        match self {
            Contract::Cdi => "CDI",
            Contract::Cdd => "CDD",
            Contract::Stage => "Stage",
            Contract::Alternance => "Alternance",
            Contract::ServiceCivique => "Service civique",
            Contract::Benevolat => "Bénévolat",
            Contract::Freelance => "Freelance",
            Contract::None => "Sans contrat",
        }
    }
    pub fn from_key(key: &str) -> Option<Contract> {
        Contract::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A workplace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub struct Place {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Département (FR), province (BE), canton (CH)…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Région (FR, BE), province (CA)…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub country: Country,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub enum Country {
    FR,
    BE,
    CH,
    CA,
}

impl Country {
    pub const ALL: [Country; 4] = [Country::FR, Country::BE, Country::CH, Country::CA];
    pub fn key(self) -> &'static str {
        match self {
            Country::FR => "FR",
            Country::BE => "BE",
            Country::CH => "CH",
            Country::CA => "CA",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Country::FR => "France",
            Country::BE => "Belgique",
            Country::CH => "Suisse",
            Country::CA => "Canada",
        }
    }
    pub fn from_key(key: &str) -> Option<Country> {
        Country::ALL.into_iter().find(|k| k.key() == key)
    }
    /// Full-time hours a week: France 35 and Belgium 38 (legal), Switzerland 42 (usual: the law
    /// sets only a maximum), Canada 40 (Québec's normal week). Shares of a week ("80 %") and
    /// hourly pay are read against it.
    pub fn full_time_week(self) -> f32 {
        match self {
            Country::FR => 35.0,
            Country::BE => 38.0,
            Country::CH => 42.0,
            Country::CA => 40.0,
        }
    }
}

/// How much of the work can be done remotely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Remote {
    #[default]
    None,
    Partial,
    Full,
}

impl Remote {
    pub const ALL: [Remote; 3] = [Remote::None, Remote::Partial, Remote::Full];
    pub fn key(self) -> &'static str {
        match self {
            Remote::None => "none",
            Remote::Partial => "partial",
            Remote::Full => "full",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Remote::None => "Sur site",
            Remote::Partial => "Télétravail partiel",
            Remote::Full => "Télétravail complet",
        }
    }
    pub fn from_key(key: &str) -> Option<Remote> {
        Remote::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Pay, as far as the text states it. `text` always keeps the original words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub struct Pay {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<PayPeriod>,
    #[serde(default)]
    pub currency: Currency,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<PayBasis>,
    /// The original words ("29K€ brut par an", "barème 2 de la CCT 319.02", "gratification légale").
    pub text: String,
}

impl Pay {
    /// A yearly amount for sorting (max of the range, else min), when the period is known.
    pub fn yearly(&self) -> Option<u32> {
        let v = self.max.or(self.min)?;
        let factor = match self.period? {
            PayPeriod::Year => 1.0,
            PayPeriod::Month => 12.0,
            PayPeriod::Hour => 1607.0, // legal full-time hours a year in France
        };
        Some((v.as_f64() * factor) as u32)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PayPeriod {
    Year,
    Month,
    Hour,
}

impl PayPeriod {
    pub const ALL: [PayPeriod; 3] = [PayPeriod::Year, PayPeriod::Month, PayPeriod::Hour];
    pub fn key(self) -> &'static str {
        match self {
            PayPeriod::Year => "year",
            PayPeriod::Month => "month",
            PayPeriod::Hour => "hour",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub enum Currency {
    #[default]
    EUR,
    CHF,
    CAD,
}

impl Currency {
    pub const ALL: [Currency; 3] = [Currency::EUR, Currency::CHF, Currency::CAD];
    pub fn key(self) -> &'static str {
        match self {
            Currency::EUR => "EUR",
            Currency::CHF => "CHF",
            Currency::CAD => "CAD",
        }
    }
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::EUR => "€",
            Currency::CHF => "CHF",
            Currency::CAD => "$ CA",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PayBasis {
    Gross,
    Net,
}

impl PayBasis {
    pub const ALL: [PayBasis; 2] = [PayBasis::Gross, PayBasis::Net];
    pub fn key(self) -> &'static str {
        match self {
            PayBasis::Gross => "gross",
            PayBasis::Net => "net",
        }
    }
}

/// A duration in months: `{min: 4, max: 6}` for "4 à 6 mois", `{min: 12, max: 12}` for "12 mois".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub struct MonthRange {
    pub min: u16,
    pub max: u16,
}

/// When the work starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Start {
    /// "dès que possible"
    Asap,
    /// A month ("février 2026"), serialized `{"month": "2026-02"}`.
    Month(YearMonth),
    /// A day, serialized `{"date": "2026-02-01"}`.
    Date(Date),
}

/// How to apply.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub struct Apply {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    /// http(s) links to an application form or page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Person to write to, with their role ("Marie Sadzot, co-responsable RH").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// What to send and how, in the text's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
}

impl Apply {
    /// Whether it gives no way at all to apply.
    pub fn is_empty(&self) -> bool {
        *self == Apply::default()
    }
}

/// Subjects an offer is about; a small closed list so facets stay useful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    Justice,
    Logement,
    Precarite,
    Insertion,
    TransitionEcologique,
    Sante,
    Jeunesse,
    Education,
    Culture,
    Democratie,
    Migrations,
    Alimentation,
    Ess,
    Handicap,
    Egalite,
    Numerique,
    Sport,
}

impl Theme {
    pub const ALL: [Theme; 17] = [
        Theme::Justice,
        Theme::Logement,
        Theme::Precarite,
        Theme::Insertion,
        Theme::TransitionEcologique,
        Theme::Sante,
        Theme::Jeunesse,
        Theme::Education,
        Theme::Culture,
        Theme::Democratie,
        Theme::Migrations,
        Theme::Alimentation,
        Theme::Ess,
        Theme::Handicap,
        Theme::Egalite,
        Theme::Numerique,
        Theme::Sport,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Theme::Justice => "justice",
            Theme::Logement => "logement",
            Theme::Precarite => "precarite",
            Theme::Insertion => "insertion",
            Theme::TransitionEcologique => "transition_ecologique",
            Theme::Sante => "sante",
            Theme::Jeunesse => "jeunesse",
            Theme::Education => "education",
            Theme::Culture => "culture",
            Theme::Democratie => "democratie",
            Theme::Migrations => "migrations",
            Theme::Alimentation => "alimentation",
            Theme::Ess => "ess",
            Theme::Handicap => "handicap",
            Theme::Egalite => "egalite",
            Theme::Numerique => "numerique",
            Theme::Sport => "sport",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Theme::Justice => "Justice",
            Theme::Logement => "Logement",
            Theme::Precarite => "Précarité, sans-abrisme",
            Theme::Insertion => "Insertion",
            Theme::TransitionEcologique => "Transition écologique",
            Theme::Sante => "Santé",
            Theme::Jeunesse => "Jeunesse",
            Theme::Education => "Éducation",
            Theme::Culture => "Culture",
            Theme::Democratie => "Démocratie, citoyenneté",
            Theme::Migrations => "Migrations",
            Theme::Alimentation => "Alimentation",
            Theme::Ess => "ESS",
            Theme::Handicap => "Handicap",
            Theme::Egalite => "Égalité",
            Theme::Numerique => "Numérique",
            Theme::Sport => "Sport",
        }
    }
    pub fn from_key(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One block of the offer's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Heading { text: String },
    Paragraph { text: String },
    List { items: Vec<ListItem> },
}

/// A bullet, with its own sub-bullets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
pub struct ListItem {
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<String>,
}

/// Reads `hours_per_week`, refusing a number too large for an `f32` (it would read as infinity,
/// which JSON cannot write back).
fn finite_hours<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f32>, D::Error> {
    let hours = Option::<f32>::deserialize(d)?;
    if hours.is_some_and(|h| !h.is_finite()) {
        return Err(serde::de::Error::custom("`hours_per_week` is too large"));
    }
    Ok(hours)
}

impl Posting {
    /// The main workplace's city, if any.
    pub fn city(&self) -> Option<&str> {
        self.places.first().and_then(|p| p.city.as_deref())
    }
    /// The main workplace's country, if any.
    pub fn country(&self) -> Option<Country> {
        self.places.first().map(|p| p.country)
    }
}

/// Reads a data file (a JSON array of postings).
pub fn from_json(text: &str) -> Result<Vec<Posting>, json::Located> {
    let mut postings: Vec<Posting> = json::from_str(text).map_err(|e| e.locate(text))?;
    postings.iter_mut().for_each(Posting::fill_id);
    Ok(postings)
}

impl Posting {
    /// Gives a record read without `id` (or with a blank one) the id its organization and title make.
    pub fn fill_id(&mut self) {
        if self.id.trim().is_empty() {
            self.id = slug::make_id(&self.organization, &self.title);
        }
    }
}

/// Writes a data file: a pretty JSON array followed by a newline.
#[cfg(any(not(target_arch = "wasm32"), feature = "extractor"))]
pub fn to_json(postings: &[Posting]) -> String {
    let mut s = serde_json::to_string_pretty(postings).expect("postings always serialize");
    s.push('\n');
    s
}
