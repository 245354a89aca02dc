//! schema.org `JobPosting` (a page's JSON-LD or microdata, a JSON-LD file) → the fields it states,
//! and how they are laid over the record the extractor made from the text: the document's own
//! fields win, the text fills what they lack.

use super::formats::html;
use super::record::{make_id, Extraction, NoteLevel};
use super::text::fold;
use super::{place, Ctx};
use crate::model::{Amount, Contract, Country, Currency, Date, Kind, Pay, PayPeriod, Place, Remote};
use serde_json::Value;

/// The fields of one `JobPosting`, as far as it states them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JobPosting {
    pub title: Option<String>,
    /// `hiringOrganization.name`.
    pub organization: Option<String>,
    /// `jobLocation[].address`, in the four countries vitrine knows.
    pub places: Vec<Place>,
    /// `baseSalary`.
    pub pay: Option<Pay>,
    /// `validThrough`.
    pub deadline: Option<Date>,
    /// `datePosted`.
    pub published: Option<Date>,
    /// `employmentType`, upper-case with underscores ("FULL_TIME", "INTERN", "CDD"…).
    pub employment: Vec<String>,
    /// `jobLocationType: TELECOMMUTE`.
    pub remote_full: bool,
    /// `directApply: true`: `url` is where one applies.
    pub direct_apply: bool,
    pub url: Option<String>,
    /// `applicationContact.email`.
    pub apply_email: Option<String>,
    /// `applicationContact.url`.
    pub apply_url: Option<String>,
    /// `description`, as text (HTML turned into lines).
    pub description: Option<String>,
}

fn has_type(v: &Value, ty: &str) -> bool {
    let is = |t: &Value| t.as_str().is_some_and(|s| s.rsplit(['/', ':']).next() == Some(ty));
    match v.get("@type") {
        Some(Value::Array(a)) => a.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// Every `JobPosting` object in a JSON-LD document: the document itself, an array of them, in
/// `@graph`, or nested in other objects (an `ItemList`'s items…).
pub fn job_postings(v: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    collect(v, &mut out);
    out
}

fn collect<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        Value::Object(_) if has_type(v, "JobPosting") => out.push(v),
        Value::Object(m) => m.values().for_each(|x| collect(x, out)),
        _ => {}
    }
}

/// A string field (a string, a number, or the first of an array), entities and tags removed.
fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) => return text(a.first()),
        Value::Object(o) => return text(o.get("name").or_else(|| o.get("@value"))),
        _ => return None,
    };
    let s = if s.contains('<') || s.contains('&') { html::inline(&s) } else { super::formats::collapse(&s) };
    Some(s).filter(|s| !s.is_empty())
}

fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.replace([' ', '\u{a0}', '\u{202f}'], "").replace(',', ".").parse().ok(),
        _ => None,
    }
    .filter(|x: &f64| x.is_finite() && *x >= 0.0)
}

/// "2026-03-01", "2026-03-01T23:59:00+01:00" or "01/03/2026".
fn date(v: Option<&Value>) -> Option<Date> {
    let s = text(v)?;
    if let Some(d) = s.get(..10).and_then(|d| d.parse().ok()) {
        return Some(d);
    }
    let mut p = s.split('/');
    let (d, m, y) = (p.next()?, p.next()?, p.next()?.get(..4)?);
    format!("{y}-{m:0>2}-{d:0>2}").parse().ok()
}

fn country(v: Option<&Value>) -> Option<Country> {
    let f = fold(&text(v)?);
    Some(match f.as_str() {
        "fr" | "fra" | "france" => Country::FR,
        "be" | "bel" | "belgique" | "belgium" | "belgie" => Country::BE,
        "ch" | "che" | "suisse" | "switzerland" | "schweiz" | "svizzera" => Country::CH,
        "ca" | "can" | "canada" => Country::CA,
        _ => return None,
    })
}

/// One `jobLocation` → a place: the extractor reads "Lieu : <code> <ville>, <pays>" for the
/// département and region; its raw parts otherwise.
fn location(v: &Value) -> Option<Place> {
    let a = v.get("address").unwrap_or(v);
    if let Value::String(s) = a {
        let cx = Ctx::new(&format!("Lieu : {s}"));
        return place::extract(&cx).into_iter().next();
    }
    let city = text(a.get("addressLocality"))?;
    let postal = text(a.get("postalCode"));
    let given = country(a.get("addressCountry"));
    if a.get("addressCountry").is_some() && given.is_none() {
        return None; // a country vitrine does not list
    }
    let c = given.unwrap_or(Country::FR);
    let line = format!("Lieu : {} {city}, {}", postal.as_deref().unwrap_or(""), c.label());
    let found = place::extract(&Ctx::new(&line)).into_iter().next();
    let mut p = match found {
        Some(p) if p.city.as_deref().map(fold) == Some(fold(&city)) && p.country == c => p,
        _ => Place { city: Some(city), postal_code: None, department: None, region: None, country: c },
    };
    if p.postal_code.is_none() {
        p.postal_code = postal;
    }
    Some(p)
}

/// An amount kept to the cent.
fn amount(x: f64) -> Option<Amount> {
    Amount::from_f64(x)
}

/// `baseSalary` (a MonetaryAmount whose `value` is a number or a QuantitativeValue with
/// `value`/`minValue`/`maxValue` and `unitText`) → `Pay`, in EUR, CHF or CAD.
fn pay(v: &Value) -> Option<Pay> {
    let currency = match text(v.get("currency")).unwrap_or_else(|| "EUR".into()).to_ascii_uppercase().as_str() {
        "EUR" | "€" => Currency::EUR,
        "CHF" => Currency::CHF,
        "CAD" => Currency::CAD,
        _ => return None,
    };
    let q = v.get("value").unwrap_or(v);
    let single = number(Some(q)).or_else(|| number(q.get("value")));
    let min = number(q.get("minValue")).or(single).and_then(amount);
    let max = number(q.get("maxValue")).or(single).and_then(amount);
    if min.is_none() && max.is_none() {
        return None;
    }
    let unit = text(q.get("unitText")).or_else(|| text(v.get("unitText"))).unwrap_or_default().to_ascii_uppercase();
    let period = match unit.as_str() {
        "HOUR" => Some(PayPeriod::Hour),
        "MONTH" => Some(PayPeriod::Month),
        "YEAR" => Some(PayPeriod::Year),
        _ => None,
    };
    let show = |a: Amount| {
        let s = a.whole().to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push(' ');
            }
            out.push(c);
        }
        if a.fraction() != 0 {
            out.push_str(&format!(",{:02}", a.fraction()));
        }
        out
    };
    let amounts = match (min, max) {
        (Some(a), Some(b)) if a != b => format!("{} à {} {}", show(a), show(b), currency.symbol()),
        (Some(a), _) | (None, Some(a)) => format!("{} {}", show(a), currency.symbol()),
        (None, None) => String::new(),
    };
    let per = match period {
        Some(PayPeriod::Hour) => " de l'heure",
        Some(PayPeriod::Month) => " par mois",
        Some(PayPeriod::Year) => " par an",
        None => "",
    };
    Some(Pay { min, max, period, currency, basis: None, text: format!("{amounts}{per}") })
}

fn employment(v: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: &str| {
        for part in s.split([',', ';', '/']) {
            let t = fold(part.trim()).to_ascii_uppercase().replace([' ', '-'], "_");
            if !t.is_empty() && !out.contains(&t) {
                out.push(t);
            }
        }
    };
    match v {
        Some(Value::String(s)) => push(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).for_each(&mut push),
        _ => {}
    }
    out
}

impl JobPosting {
    /// The fields of one `JobPosting` object.
    pub fn from_value(v: &Value) -> JobPosting {
        let locations: Vec<&Value> = match v.get("jobLocation") {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(x) => vec![x],
            None => Vec::new(),
        };
        let contact = v.get("applicationContact");
        let remote_full = match v.get("jobLocationType") {
            Some(Value::Array(a)) => a.iter().any(|t| t.as_str() == Some("TELECOMMUTE")),
            Some(t) => t.as_str().is_some_and(|s| s.eq_ignore_ascii_case("TELECOMMUTE")),
            None => false,
        };
        let http = |s: String| (s.starts_with("http://") || s.starts_with("https://")).then_some(s);
        JobPosting {
            title: text(v.get("title")).or_else(|| text(v.get("name"))),
            organization: text(v.get("hiringOrganization")),
            places: locations.into_iter().filter_map(location).collect(),
            pay: v.get("baseSalary").and_then(pay),
            deadline: date(v.get("validThrough")),
            published: date(v.get("datePosted")),
            employment: employment(v.get("employmentType")),
            remote_full,
            direct_apply: matches!(v.get("directApply"), Some(Value::Bool(true))) || text(v.get("directApply")).as_deref() == Some("true"),
            url: text(v.get("url")).and_then(http),
            apply_email: contact.and_then(|c| text(c.get("email"))).map(|e| e.trim_start_matches("mailto:").to_lowercase()),
            apply_url: contact.and_then(|c| text(c.get("url"))).and_then(http),
            description: v.get("description").and_then(Value::as_str).map(html::fragment_text).filter(|d| !d.trim().is_empty()),
        }
    }

    /// The kind and contract `employmentType` says, given what the text says: only what it
    /// states for sure (FULL_TIME says neither); a text's more precise contract stays.
    fn contract(&self, kind: Kind, contract: Contract) -> Option<(Kind, Contract)> {
        let has = |t: &str| self.employment.iter().any(|e| e == t);
        if has("CDI") {
            Some((Kind::Emploi, Contract::Cdi))
        } else if has("CDD") {
            Some((Kind::Emploi, Contract::Cdd))
        } else if has("INTERN") || has("INTERNSHIP") || has("STAGE") {
            (!matches!(kind, Kind::Stage | Kind::Alternance)).then_some((Kind::Stage, Contract::Stage))
        } else if has("APPRENTICESHIP") || has("ALTERNANCE") {
            Some((Kind::Alternance, Contract::Alternance))
        } else if has("VOLUNTEER") || has("BENEVOLAT") {
            (!matches!(kind, Kind::Benevolat | Kind::ServiceCivique)).then_some((Kind::Benevolat, Contract::Benevolat))
        } else if has("SERVICE_CIVIQUE") {
            Some((Kind::ServiceCivique, Contract::ServiceCivique))
        } else if has("CONTRACTOR") {
            (kind != Kind::Projet).then_some((Kind::Freelance, Contract::Freelance))
        } else if has("TEMPORARY") {
            matches!(contract, Contract::None | Contract::Cdi).then_some((Kind::Emploi, Contract::Cdd))
        } else {
            None
        }
    }

    /// Lays these fields over a record extracted from the text; the notes about the fields it
    /// fills are dropped.
    pub fn overlay(&self, e: &mut Extraction) {
        let p = &mut e.posting;
        let mut filled: Vec<&'static str> = Vec::new();
        let before = (p.organization.clone(), p.title.clone());
        if let Some(t) = &self.title {
            p.title = t.clone();
            filled.push("title");
        }
        if let Some(o) = &self.organization {
            p.organization = o.clone();
            filled.push("organization");
        }
        if !self.places.is_empty() {
            let mut places = self.places.clone();
            for old in p.places.drain(..) {
                if !places.iter().any(|n| n.city.as_deref().map(fold) == old.city.as_deref().map(fold)) {
                    places.push(old);
                }
            }
            p.places = places;
            filled.push("places");
        }
        if self.remote_full {
            p.remote = Some(Remote::Full);
        }
        if let Some(jp) = &self.pay {
            match &mut p.pay {
                // The same amounts: the text's words (and basis) stay, the period is filled.
                Some(tp) if tp.min == jp.min && tp.max == jp.max && (tp.period.is_none() || tp.period == jp.period) => {
                    tp.period = tp.period.or(jp.period);
                    tp.currency = jp.currency;
                }
                _ => p.pay = Some(jp.clone()),
            }
            filled.push("pay");
        }
        if let Some(d) = self.deadline {
            p.deadline = Some(d);
            filled.push("deadline");
        }
        if let Some(d) = self.published {
            p.published = Some(d);
            filled.push("published");
        }
        if let Some((k, c)) = self.contract(p.kind, p.contract) {
            p.kind = k;
            p.contract = c;
            filled.push("kind");
        }
        if let Some(m) = &self.apply_email {
            if !p.apply.emails.contains(m) {
                p.apply.emails.insert(0, m.clone());
            }
        }
        let apply_url = self.apply_url.clone().or_else(|| self.url.clone().filter(|_| self.direct_apply));
        if let Some(u) = apply_url {
            p.apply.urls.retain(|x| x != &u);
            p.apply.urls.insert(0, u);
        } else if let Some(u) = &self.url {
            // The offer's own page, when nothing better says how to apply.
            if p.apply.emails.is_empty() && p.apply.urls.is_empty() && p.apply.address.is_none() {
                p.apply.urls.push(u.clone());
            }
        }
        if !p.apply.is_empty() {
            filled.push("apply");
        }
        if (p.organization.clone(), p.title.clone()) != before {
            p.id = make_id(&p.organization, &p.title);
        }
        let pay_unsure = p.pay.as_ref().is_some_and(|x| x.min.is_some() && x.period.is_none());
        e.notes.retain(|n| {
            !(filled.contains(&n.field) && (n.level == NoteLevel::Missing || n.field != "pay" || !pay_unsure))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::extract;

    fn job(json: &str) -> JobPosting {
        let v: Value = serde_json::from_str(json).unwrap();
        JobPosting::from_value(job_postings(&v)[0])
    }

    #[test]
    fn finds_job_postings_in_graphs_and_arrays() {
        let v: Value = serde_json::from_str(
            r#"[{"@type":"WebPage"},{"@context":"https://schema.org","@graph":[{"@type":"Organization"},{"@type":["JobPosting"],"title":"A"}]},{"@type":"JobPosting","title":"B"}]"#,
        )
        .unwrap();
        let titles: Vec<_> = job_postings(&v).iter().map(|j| j["title"].as_str().unwrap()).collect();
        assert_eq!(titles, ["A", "B"]);
    }

    #[test]
    fn maps_the_fields() {
        let j = job(r#"{"@type":"JobPosting","title":"Chargé&#183;e d&apos;accueil","hiringOrganization":{"@type":"Organization","name":"Maison des Possibles"},
            "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Grenoble","postalCode":"38000","addressCountry":"FR"}},
            "baseSalary":{"@type":"MonetaryAmount","currency":"EUR","value":{"@type":"QuantitativeValue","minValue":2100,"maxValue":"2400.4","unitText":"MONTH"}},
            "validThrough":"2026-04-30T23:59:00+02:00","datePosted":"2026-03-02","employmentType":["FULL_TIME","TEMPORARY"],
            "directApply":true,"url":"https://maison.example/offres/12","description":"<p>Accueillir le public.</p><ul><li>Orienter</li></ul>"}"#);
        assert_eq!(j.title.as_deref(), Some("Chargé·e d'accueil"));
        assert_eq!(j.organization.as_deref(), Some("Maison des Possibles"));
        let pl = &j.places[0];
        assert_eq!((pl.city.as_deref(), pl.postal_code.as_deref(), pl.country), (Some("Grenoble"), Some("38000"), Country::FR));
        assert_eq!(pl.department.as_deref(), Some("Isère"));
        let pay = j.pay.clone().unwrap();
        assert_eq!((pay.min, pay.max, pay.period, pay.text.as_str()), (Some(Amount::units(2100)), Some(Amount::from_cents(240040)), Some(PayPeriod::Month), "2 100 à 2 400,40 € par mois"));
        assert_eq!(j.deadline.map(|d| d.to_string()).as_deref(), Some("2026-04-30"));
        assert_eq!(j.published.map(|d| d.to_string()).as_deref(), Some("2026-03-02"));
        assert_eq!(j.employment, ["FULL_TIME", "TEMPORARY"]);
        assert_eq!(j.description.as_deref(), Some("Accueillir le public.\n\n- Orienter\n"));
        assert!(j.direct_apply);
    }

    #[test]
    fn pay_in_other_shapes() {
        let j = job(r#"{"@type":"JobPosting","baseSalary":{"currency":"CHF","value":{"value":32.5,"unitText":"HOUR"}}}"#);
        let p = j.pay.unwrap();
        assert_eq!((p.min, p.max, p.currency, p.period), (Some(Amount::from_cents(3250)), Some(Amount::from_cents(3250)), Currency::CHF, Some(PayPeriod::Hour)));
        assert!(job(r#"{"@type":"JobPosting","baseSalary":{"currency":"USD","value":30000}}"#).pay.is_none());
        assert!(job(r#"{"@type":"JobPosting","jobLocation":{"address":{"addressLocality":"Berlin","addressCountry":"DE"}}}"#).places.is_empty());
    }

    #[test]
    fn overlay_wins_and_the_text_fills_the_rest() {
        let mut e = extract("Animateur\n\nCDI à temps plein. Écrire à jobs@cap.org avant le 3 mai 2026.\n", Some("x.html"));
        let j = job(r#"{"@type":"JobPosting","title":"Animateur jeunesse","hiringOrganization":"Association Cap Jeunes",
            "jobLocation":{"address":{"addressLocality":"Liège","postalCode":"4000","addressCountry":"BE"}},
            "employmentType":"FULL_TIME","jobLocationType":"TELECOMMUTE","url":"https://cap.example/o/1"}"#);
        j.overlay(&mut e);
        let p = &e.posting;
        assert_eq!((p.title.as_str(), p.organization.as_str()), ("Animateur jeunesse", "Association Cap Jeunes"));
        assert_eq!(p.id, "association-cap-jeunes-animateur-jeunesse");
        assert_eq!((p.city(), p.places[0].country), (Some("Liège"), Country::BE));
        assert_eq!((p.contract, p.remote), (Contract::Cdi, Some(Remote::Full)));
        assert_eq!(p.deadline.map(|d| d.to_string()).as_deref(), Some("2026-05-03"));
        // The page's address is no way to apply when the text gives one.
        assert_eq!((p.apply.emails.as_slice(), p.apply.urls.len()), (&["jobs@cap.org".to_string()][..], 0));
        assert!(!e.notes.iter().any(|n| n.field == "organization" || n.field == "places"), "{:?}", e.notes);
    }

    #[test]
    fn employment_types_map_to_contracts() {
        let c = |t: &str, k: Kind, c: Contract| job(&format!(r#"{{"@type":"JobPosting","employmentType":"{t}"}}"#)).contract(k, c);
        assert_eq!(c("INTERN", Kind::Emploi, Contract::None), Some((Kind::Stage, Contract::Stage)));
        assert_eq!(c("INTERN", Kind::Alternance, Contract::Alternance), None);
        assert_eq!(c("VOLUNTEER", Kind::ServiceCivique, Contract::ServiceCivique), None);
        assert_eq!(c("VOLUNTEER", Kind::Emploi, Contract::None), Some((Kind::Benevolat, Contract::Benevolat)));
        assert_eq!(c("TEMPORARY", Kind::Emploi, Contract::None), Some((Kind::Emploi, Contract::Cdd)));
        assert_eq!(c("CONTRACTOR", Kind::Emploi, Contract::None), Some((Kind::Freelance, Contract::Freelance)));
        assert_eq!(c("PART_TIME", Kind::Emploi, Contract::Cdi), None);
        assert_eq!(c("cdd", Kind::Emploi, Contract::None), Some((Kind::Emploi, Contract::Cdd)));
    }
}
