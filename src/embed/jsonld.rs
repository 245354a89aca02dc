//! schema.org `JobPosting` JSON-LD for an open offer, so search engines can read it.
//!
//! Written with the crate's small JSON writer (`model::json`: strings always escaped, so always
//! valid JSON), then every `<` is written `\u003c` so the text can sit in a
//! `<script type="application/ld+json">` element whatever the offer says. Project pages
//! (`Kind::Projet`) are not jobs and get none.
//!
//! `employmentType` mapping (contract first, else the kind):
//! CDI → `FULL_TIME`, or `PART_TIME` under 35 hours a week; CDD → `TEMPORARY`; stage and
//! alternance → `INTERN` (an alternance is a work-study contract: a trainee's post, not a full-time
//! job, since part of the time is spent in school); service civique and bénévolat → `VOLUNTEER`;
//! freelance → `CONTRACTOR`. Under 35 hours a week, `PART_TIME` is added to the others.
//! A plain `emploi` with no contract gets no `employmentType` rather than a guess. The value is
//! always an array (schema.org allows several), even with one entry.

use crate::model::json::{write_array, write_str, Object};
use crate::model::{Apply, Block, Contract, Country, Kind, Pay, PayPeriod, Place, Posting, Remote};

/// The JSON-LD text of a schema.org `JobPosting` for `p` with its ways to `apply` and its text
/// `body`, whose page is `url`; `None` for a project page. The text is valid JSON for any posting
/// and holds no `<` character.
pub fn job_posting(p: &Posting, apply: &Apply, body: &[Block], url: &str) -> Option<String> {
    if p.kind == Kind::Projet {
        return None;
    }
    let mut out = String::with_capacity(512 + url.len());
    let mut doc = Object::new(&mut out);
    doc.str("@context", "https://schema.org");
    doc.str("@type", "JobPosting");
    doc.str("title", &p.title);
    let description = description(body);
    if !description.is_empty() {
        doc.str("description", &description);
    }
    doc.opt_str("datePosted", p.published.map(|d| d.to_string()).as_deref());
    doc.opt_str("validThrough", p.deadline.map(|d| format!("{d}T23:59:59")).as_deref());
    let types = employment_type(p);
    if !types.is_empty() {
        write_array(doc.key("employmentType"), types, |out, t| write_str(out, t));
    }
    typed(doc.key("hiringOrganization"), "Organization", &p.organization);
    if !p.places.is_empty() {
        write_array(doc.key("jobLocation"), &p.places, location);
    }
    if p.remote == Some(Remote::Full) {
        doc.str("jobLocationType", "TELECOMMUTE");
        let mut countries: Vec<Country> = Vec::new();
        for place in &p.places {
            if !countries.contains(&place.country) {
                countries.push(place.country);
            }
        }
        if !countries.is_empty() {
            write_array(doc.key("applicantLocationRequirements"), countries, |out, c| typed(out, "Country", c.key()));
        }
    }
    if let Some(pay) = p.pay.as_ref().filter(|pay| pay.min.is_some() || pay.max.is_some()) {
        salary(doc.key("baseSalary"), pay);
    }
    let direct = !apply.emails.is_empty() || !apply.urls.is_empty();
    doc.raw("directApply", if direct { "true" } else { "false" });
    doc.str("url", url);
    doc.end();
    Some(out.replace('<', "\\u003c"))
}

/// `{"@type": …, "name": …}`: an Organization or a Country.
fn typed(out: &mut String, kind: &str, name: &str) {
    let mut o = Object::new(out);
    o.str("@type", kind);
    o.str("name", name);
    o.end();
}

/// The body as plain text: one line per heading, paragraph and list item ("• "), sub-items
/// indented ("  ◦ "), a blank line between blocks except right after a heading.
fn description(body: &[Block]) -> String {
    let mut out = String::new();
    let mut after_heading = false;
    for block in body {
        if !out.is_empty() {
            out.push_str(if after_heading { "\n" } else { "\n\n" });
        }
        after_heading = false;
        match block {
            Block::Heading { text } => {
                out.push_str(text.trim());
                after_heading = true;
            }
            Block::Paragraph { text } => out.push_str(text.trim()),
            Block::List { items } => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str("• ");
                    out.push_str(item.text.trim());
                    for child in &item.children {
                        out.push_str("\n  ◦ ");
                        out.push_str(child.trim());
                    }
                }
            }
        }
    }
    out
}

fn employment_type(p: &Posting) -> Vec<&'static str> {
    let part_time = p.hours_per_week.is_some_and(|h| h > 0.0 && h < 35.0);
    let main = match (p.contract, p.kind) {
        (Contract::Cdi, _) if part_time => return vec!["PART_TIME"],
        (Contract::Cdi, _) => "FULL_TIME",
        (Contract::Cdd, _) => "TEMPORARY",
        (Contract::Stage | Contract::Alternance, _) => "INTERN",
        (Contract::ServiceCivique | Contract::Benevolat, _) => "VOLUNTEER",
        (Contract::Freelance, _) => "CONTRACTOR",
        (Contract::None, Kind::Stage | Kind::Alternance) => "INTERN",
        (Contract::None, Kind::ServiceCivique | Kind::Benevolat) => "VOLUNTEER",
        (Contract::None, Kind::Freelance) => "CONTRACTOR",
        (Contract::None, Kind::Emploi | Kind::Projet) => return if part_time { vec!["PART_TIME"] } else { vec![] },
    };
    if part_time {
        vec![main, "PART_TIME"]
    } else {
        vec![main]
    }
}

/// A trimmed text, when not blank.
fn text(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn location(out: &mut String, place: &Place) {
    let mut o = Object::new(out);
    o.str("@type", "Place");
    let mut address = Object::new(o.key("address"));
    address.str("@type", "PostalAddress");
    address.opt_str("addressLocality", text(&place.city));
    address.opt_str("postalCode", text(&place.postal_code));
    address.opt_str("addressRegion", text(&place.region).or(text(&place.department)));
    address.str("addressCountry", place.country.key());
    address.end();
    o.end();
}

/// A `MonetaryAmount` for a pay with a `min` or a `max`: a range, or one value.
fn salary(out: &mut String, pay: &Pay) {
    let mut o = Object::new(out);
    o.str("@type", "MonetaryAmount");
    o.str("currency", pay.currency.key());
    let mut value = Object::new(o.key("value"));
    value.str("@type", "QuantitativeValue");
    match (pay.min, pay.max) {
        (Some(a), Some(b)) if a != b => {
            value.raw("minValue", &a.min(b).to_string());
            value.raw("maxValue", &a.max(b).to_string());
        }
        (Some(a), _) | (None, Some(a)) => value.raw("value", &a.to_string()),
        (None, None) => {}
    }
    let unit = pay.period.map(|p| match p {
        PayPeriod::Year => "YEAR",
        PayPeriod::Month => "MONTH",
        PayPeriod::Hour => "HOUR",
    });
    value.opt_str("unitText", unit);
    value.end();
    o.end();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Apply, Currency, ListItem, PayBasis};
    use serde_json::Value;

    fn base(kind: Kind, contract: Contract) -> Posting {
        Posting {
            id: "asso-poste".into(),
            kind,
            contract,
            title: "Chargé·e de projet".into(),
            organization: "Association Possible".into(),
            partners: vec![],
            places: vec![],
            remote: None,
            pay: None,
            hours_per_week: None,
            duration_months: None,
            start: None,
            deadline: None,
            published: None,
            apply: Apply::default(),
            themes: vec![],
            body: vec![],
            source: None,
        }
    }

    fn ld(p: &Posting) -> Value {
        let text = job_posting(p, &p.apply, &p.body, "https://exemple.org/offres?offre=asso-poste#x").expect("a JobPosting");
        assert!(!text.contains('<'), "{text}");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
    }

    fn place(city: &str, postal: &str, department: Option<&str>, region: Option<&str>, country: Country) -> Place {
        Place {
            city: Some(city.into()),
            postal_code: Some(postal.into()),
            department: department.map(Into::into),
            region: region.map(Into::into),
            country,
        }
    }

    #[test]
    fn projects_are_not_jobs() {
        assert_eq!(job_posting(&base(Kind::Projet, Contract::None), &Apply::default(), &[], "u"), None);
    }

    #[test]
    fn a_full_posting() {
        let mut p = base(Kind::Emploi, Contract::Cdd);
        p.published = "2025-09-01".parse().ok();
        p.deadline = "2025-10-15".parse().ok();
        p.places = vec![
            place("Lyon", "69009", Some("Rhône"), Some("Auvergne-Rhône-Alpes"), Country::FR),
            place("Liège", "4000", Some("Liège"), None, Country::BE),
        ];
        p.pay = Some(Pay {
            min: Some(crate::model::Amount::units(32000)),
            max: Some(crate::model::Amount::units(29000)),
            period: Some(PayPeriod::Year),
            currency: Currency::EUR,
            basis: Some(PayBasis::Gross),
            text: "29 à 32K€".into(),
        });
        p.apply.emails = vec!["rh@exemple.org".into()];
        p.body = vec![
            Block::Paragraph { text: "Une association lyonnaise.".into() },
            Block::Heading { text: "Missions".into() },
            Block::List {
                items: vec![
                    ListItem { text: "Animer".into(), children: vec!["ateliers".into(), "réunions".into()] },
                    ListItem { text: "Écrire".into(), children: vec![] },
                ],
            },
            Block::Heading { text: "Profil".into() },
            Block::Paragraph { text: "Master.".into() },
        ];
        let v = ld(&p);
        assert_eq!(v["@context"], "https://schema.org");
        assert_eq!(v["@type"], "JobPosting");
        assert_eq!(v["title"], "Chargé·e de projet");
        assert_eq!(
            v["description"],
            "Une association lyonnaise.\n\nMissions\n• Animer\n  ◦ ateliers\n  ◦ réunions\n• Écrire\n\nProfil\nMaster."
        );
        assert_eq!(v["datePosted"], "2025-09-01");
        assert_eq!(v["validThrough"], "2025-10-15T23:59:59");
        assert_eq!(v["employmentType"], serde_json::json!(["TEMPORARY"]));
        assert_eq!(
            v["hiringOrganization"],
            serde_json::json!({"@type": "Organization", "name": "Association Possible"})
        );
        assert_eq!(
            v["jobLocation"],
            serde_json::json!([
                {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Lyon", "postalCode": "69009",
                  "addressRegion": "Auvergne-Rhône-Alpes", "addressCountry": "FR"}},
                {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Liège", "postalCode": "4000",
                  "addressRegion": "Liège", "addressCountry": "BE"}}
            ])
        );
        assert!(v.get("jobLocationType").is_none() && v.get("applicantLocationRequirements").is_none());
        assert_eq!(
            v["baseSalary"],
            serde_json::json!({"@type": "MonetaryAmount", "currency": "EUR",
                "value": {"@type": "QuantitativeValue", "minValue": 29000, "maxValue": 32000, "unitText": "YEAR"}})
        );
        assert_eq!(v["directApply"], true);
        assert_eq!(v["url"], "https://exemple.org/offres?offre=asso-poste#x");
    }

    #[test]
    fn optional_parts_are_left_out() {
        let v = ld(&base(Kind::Emploi, Contract::None));
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected = ["@context", "@type", "title", "hiringOrganization", "directApply", "url"];
        expected.sort();
        let mut keys = keys;
        keys.sort();
        assert_eq!(keys, expected);
        assert_eq!(v["directApply"], false);
        // Pay in words only: no baseSalary.
        let mut p = base(Kind::Stage, Contract::Stage);
        p.pay = Some(Pay {
            min: None,
            max: None,
            period: None,
            currency: Currency::EUR,
            basis: None,
            text: "gratification légale".into(),
        });
        assert!(ld(&p).get("baseSalary").is_none());
    }

    #[test]
    fn salary_single_values_and_units() {
        let mut p = base(Kind::Emploi, Contract::Cdi);
        for (min, max, period, value, unit) in [
            (Some(2100), Some(2100), Some(PayPeriod::Month), serde_json::json!(2100), Some("MONTH")),
            (Some(12), None, Some(PayPeriod::Hour), serde_json::json!(12), Some("HOUR")),
            (None, Some(40000), None, serde_json::json!(40000), None),
        ] {
            p.pay = Some(Pay { min: min.map(|a| crate::model::Amount::units(a as u64)), max: max.map(|a| crate::model::Amount::units(a as u64)), period, currency: Currency::CHF, basis: None, text: "x".into() });
            let v = ld(&p);
            assert_eq!(v["baseSalary"]["currency"], "CHF");
            assert_eq!(v["baseSalary"]["value"]["value"], value);
            assert!(v["baseSalary"]["value"].get("minValue").is_none());
            assert_eq!(v["baseSalary"]["value"].get("unitText").and_then(Value::as_str), unit);
        }
    }

    #[test]
    fn employment_types() {
        let cases: &[(Kind, Contract, Option<f32>, &[&str])] = &[
            (Kind::Emploi, Contract::Cdi, None, &["FULL_TIME"]),
            (Kind::Emploi, Contract::Cdi, Some(35.0), &["FULL_TIME"]),
            (Kind::Emploi, Contract::Cdi, Some(24.5), &["PART_TIME"]),
            (Kind::Emploi, Contract::Cdd, Some(28.0), &["TEMPORARY", "PART_TIME"]),
            (Kind::Stage, Contract::Stage, None, &["INTERN"]),
            (Kind::Alternance, Contract::Alternance, None, &["INTERN"]),
            (Kind::ServiceCivique, Contract::ServiceCivique, Some(24.0), &["VOLUNTEER", "PART_TIME"]),
            (Kind::Benevolat, Contract::Benevolat, None, &["VOLUNTEER"]),
            (Kind::Freelance, Contract::Freelance, None, &["CONTRACTOR"]),
            (Kind::Stage, Contract::None, None, &["INTERN"]),
            (Kind::Benevolat, Contract::None, Some(f32::NAN), &["VOLUNTEER"]),
            (Kind::Freelance, Contract::None, None, &["CONTRACTOR"]),
            (Kind::Emploi, Contract::None, Some(20.0), &["PART_TIME"]),
            (Kind::Emploi, Contract::None, Some(0.0), &[]),
        ];
        for &(kind, contract, hours, expected) in cases {
            let mut p = base(kind, contract);
            p.hours_per_week = hours;
            let v = ld(&p);
            let got: Vec<&str> = v
                .get("employmentType")
                .map_or(vec![], |t| t.as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect());
            assert_eq!(got, expected, "{kind:?} {contract:?} {hours:?}");
        }
    }

    #[test]
    fn full_remote_names_the_countries() {
        let mut p = base(Kind::Emploi, Contract::Freelance);
        p.remote = Some(Remote::Full);
        p.places = vec![
            place("Bruxelles", "1000", None, Some("Bruxelles-Capitale"), Country::BE),
            place("Namur", "5000", None, None, Country::BE),
            place("Paris", "75011", None, None, Country::FR),
        ];
        p.apply.urls = vec!["https://exemple.org/candidater".into()];
        let v = ld(&p);
        assert_eq!(v["jobLocationType"], "TELECOMMUTE");
        assert_eq!(
            v["applicantLocationRequirements"],
            serde_json::json!([{"@type": "Country", "name": "BE"}, {"@type": "Country", "name": "FR"}])
        );
        assert_eq!(v["jobLocation"].as_array().unwrap().len(), 3);
        assert!(v["jobLocation"][1]["address"].get("addressRegion").is_none());
        assert_eq!(v["directApply"], true);
        p.remote = Some(Remote::Partial);
        assert!(ld(&p).get("jobLocationType").is_none());
    }

    #[test]
    fn hostile_text_stays_valid_json_and_cannot_close_the_script() {
        let nasty = "</script><script>alert(\"x\")</script> \\ \u{0} \u{1f} \u{7f} \u{2028}\u{2029} 🙂 «é» '\n\t\r";
        let mut p = base(Kind::Benevolat, Contract::Benevolat);
        p.title = nasty.into();
        p.organization = nasty.into();
        p.body = vec![
            Block::Heading { text: nasty.into() },
            Block::List { items: vec![ListItem { text: nasty.into(), children: vec![nasty.into()] }] },
        ];
        p.places = vec![place(nasty, nasty, Some(nasty), None, Country::CA)];
        let url = "https://exemple.org/?q=</script>&\"";
        let text = job_posting(&p, &p.apply, &p.body, url).unwrap();
        assert!(!text.contains('<') && text.contains("\\u003c/script>"), "{text}");
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["title"], nasty);
        assert_eq!(v["hiringOrganization"]["name"], nasty);
        assert_eq!(v["jobLocation"][0]["address"]["addressRegion"], nasty.trim());
        assert_eq!(v["url"], url);
        assert!(v["description"].as_str().unwrap().starts_with(nasty.trim()));
    }

    #[test]
    fn every_seed_record_gives_valid_json_ld() {
        let postings = crate::model::from_json(include_str!("../../data/postings.json")).unwrap();
        assert!(!postings.is_empty());
        for p in &postings {
            match job_posting(p, &p.apply, &p.body, "https://exemple.org/") {
                None => assert_eq!(p.kind, Kind::Projet),
                Some(text) => {
                    let v: Value = serde_json::from_str(&text).unwrap();
                    assert_eq!(v["title"], p.title.as_str());
                    assert_eq!(v["jobLocation"].as_array().map_or(0, Vec::len), p.places.len(), "{}", p.id);
                }
            }
        }
    }
}
