//! The review form's fields: which record fields the publisher sees, how each is shown as a few
//! text inputs, how those inputs are read back into the record's JSON value (the reviewed
//! override), and how overrides are laid over an extracted record. Pure; tested natively.

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use crate::i18n::{self, Lang, Texts};
use vitrine::model::{self, Block, Contract, Country, Kind, Posting, Remote, Start, Theme};
use vitrine::ui::i18n as ui;

/// Reviewed corrections of one offer: record field name → the value that replaces it (`null`
/// removes an optional field). They are laid over every new extraction of the offer's text.
pub type Overrides = BTreeMap<String, Value>;

/// How one input of a field is edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One line of text.
    Text,
    /// Several lines.
    Lines,
    /// A number (or empty).
    Number,
    /// A day (`YYYY-MM-DD`, or empty).
    Date,
    /// One of the listed (value, label) pairs.
    Choice(Vec<(String, String)>),
    /// Any of the listed (value, label) pairs; the value is the chosen keys joined by commas.
    Several(Vec<(String, String)>),
}

/// One input of a field: its label (for the `<label>`) and how it is edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub label: &'static str,
    pub input: Input,
}

/// The fields of the form, in the order of the record (fields to check come first on screen).
pub const FIELDS: [&str; 16] = [
    "kind", "contract", "title", "organization", "places", "remote", "pay", "deadline", "start", "published",
    "duration_months", "hours_per_week", "apply", "themes", "partners", "body",
];

fn options<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str, label: impl Fn(T) -> &'static str) -> Vec<(String, String)> {
    all.iter().map(|&x| (key(x).to_string(), label(x).to_string())).collect()
}

fn with_unknown(mut v: Vec<(String, String)>, unknown: &str) -> Vec<(String, String)> {
    v.insert(0, (String::new(), unknown.to_string()));
    v
}

/// The inputs of a field, labelled in the interface's language `lang` (the data's values by the
/// widget's own tables).
pub fn parts(field: &str, lang: Lang) -> Vec<Part> {
    let t = i18n::texts(lang);
    let inputs = match field {
        "kind" => vec![Input::Choice(options(&Kind::ALL, Kind::key, |k| ui::kind(lang, k)))],
        "contract" => vec![Input::Choice(options(&Contract::ALL, Contract::key, |c| ui::contract(lang, c)))],
        "title" | "organization" => vec![Input::Text],
        "places" => vec![Input::Text, Input::Text, Input::Choice(options(&Country::ALL, Country::key, |c| ui::country(lang, c)))],
        "remote" => vec![Input::Choice(with_unknown(options(&Remote::ALL, Remote::key, |r| ui::remote(lang, r)), t.not_stated))],
        "pay" => vec![
            Input::Text,
            Input::Number,
            Input::Number,
            Input::Choice(with_unknown(
                ["year", "month", "hour"].iter().zip(t.per).map(|(k, l)| (k.to_string(), l.to_string())).collect(),
                t.not_stated,
            )),
        ],
        "deadline" | "published" => vec![Input::Date],
        "start" | "hours_per_week" => vec![if field == "start" { Input::Text } else { Input::Number }],
        "duration_months" => vec![Input::Number, Input::Number],
        "apply" => vec![Input::Text, Input::Lines, Input::Text, Input::Text, Input::Lines],
        "themes" => vec![Input::Several(options(&Theme::ALL, Theme::key, |x| ui::theme(lang, x)))],
        "partners" | "body" => vec![Input::Lines],
        _ => Vec::new(),
    };
    inputs.into_iter().enumerate().map(|(i, input)| Part { label: t.part(field, i), input }).collect()
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}").replace('.', ",")
    }
}

/// The current value of a field, as the strings of its inputs.
pub fn read(p: &Posting, field: &str) -> Vec<String> {
    let s = |x: &str| x.to_string();
    match field {
        "kind" => vec![s(p.kind.key())],
        "contract" => vec![s(p.contract.key())],
        "title" => vec![p.title.clone()],
        "organization" => vec![p.organization.clone()],
        "places" => {
            let first = p.places.first();
            vec![
                first.and_then(|x| x.city.clone()).unwrap_or_default(),
                first.and_then(|x| x.postal_code.clone()).unwrap_or_default(),
                s(first.map_or("FR", |x| x.country.key())),
            ]
        }
        "remote" => vec![p.remote.map_or(String::new(), |r| s(r.key()))],
        "pay" => match &p.pay {
            Some(pay) => vec![
                pay.text.clone(),
                pay.min.map_or(String::new(), |a| num(a.as_f64())),
                pay.max.map_or(String::new(), |a| num(a.as_f64())),
                pay.period.map_or(String::new(), |x| s(x.key())),
            ],
            None => vec![String::new(); 4],
        },
        "deadline" => vec![p.deadline.map_or(String::new(), |d| d.to_string())],
        "published" => vec![p.published.map_or(String::new(), |d| d.to_string())],
        "start" => vec![match p.start {
            None => String::new(),
            Some(Start::Asap) => s("dès que possible"),
            Some(Start::Month(m)) => m.to_string(),
            Some(Start::Date(d)) => d.to_string(),
        }],
        "duration_months" => match p.duration_months {
            Some(d) => vec![d.min.to_string(), d.max.to_string()],
            None => vec![String::new(); 2],
        },
        "hours_per_week" => vec![p.hours_per_week.map_or(String::new(), |h| num(h as f64))],
        "apply" => vec![
            p.apply.emails.join(", "),
            p.apply.urls.join("\n"),
            p.apply.contact.clone().unwrap_or_default(),
            p.apply.address.clone().unwrap_or_default(),
            p.apply.instructions.clone().unwrap_or_default(),
        ],
        "themes" => vec![p.themes.iter().map(|t| t.key()).collect::<Vec<_>>().join(",")],
        "partners" => vec![p.partners.join("\n")],
        "body" => vec![model::body::encode(&model::Apply::default(), &p.body)],
        _ => Vec::new(),
    }
}

fn opt_text(s: &str) -> Value {
    let t = s.trim();
    if t.is_empty() {
        Value::Null
    } else {
        Value::String(t.to_string())
    }
}

fn number(s: &str, what: &str, t: &Texts) -> Result<Option<f64>, String> {
    let digits = s.trim().replace([' ', '\u{a0}', '\u{202f}'], "").replace(',', ".");
    if digits.is_empty() {
        return Ok(None);
    }
    match digits.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        _ => Err((t.not_a_number)(what, s.trim())),
    }
}

fn date(s: &str, what: &str, t: &Texts) -> Result<Value, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(Value::Null);
    }
    s.parse::<model::Date>().map(|d| Value::String(d.to_string())).map_err(|_| (t.not_a_date)(what, s))
}

fn list(s: &str, sep: &[char]) -> Vec<String> {
    s.split(sep).map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect()
}

/// Reads a field's inputs back into the record's JSON value for that field (the override), or
/// says in `t`'s language what is wrong, naming the field or input as the form labels it.
/// `current` keeps what the form does not show (other places, the currency).
pub fn write(current: &Posting, field: &str, values: &[String], t: &Texts) -> Result<Value, String> {
    let v = |i: usize| values.get(i).map(String::as_str).unwrap_or("");
    let name = t.field(field);
    Ok(match field {
        "kind" => {
            Kind::from_key(v(0)).ok_or_else(|| (t.unknown_choice)(name, v(0)))?;
            Value::String(v(0).into())
        }
        "contract" => {
            Contract::from_key(v(0)).ok_or_else(|| (t.unknown_choice)(name, v(0)))?;
            Value::String(v(0).into())
        }
        "title" | "organization" => {
            if v(0).trim().is_empty() && field == "title" {
                return Err((t.title_empty)(name));
            }
            Value::String(v(0).to_string())
        }
        "places" => {
            let country = Country::from_key(v(2)).unwrap_or(Country::FR);
            let mut places = current.places.clone();
            let first = model::Place {
                city: Some(v(0).trim().to_string()).filter(|c| !c.is_empty()),
                postal_code: Some(v(1).trim().to_string()).filter(|c| !c.is_empty()),
                department: None,
                region: None,
                country,
            };
            // The department and region follow the city; they are kept when it did not change.
            let same_city = places.first().is_some_and(|p| p.city == first.city && p.country == first.country);
            let first = if same_city { model::Place { department: places[0].department.clone(), region: places[0].region.clone(), ..first } } else { first };
            if places.is_empty() {
                places.push(first);
            } else {
                places[0] = first;
            }
            serde_json::to_value(places).expect("places serialize")
        }
        "remote" => match v(0) {
            "" => Value::Null,
            k => {
                Remote::from_key(k).ok_or_else(|| (t.unknown_choice)(name, k))?;
                Value::String(k.into())
            }
        },
        "pay" => {
            let min = number(v(1), t.part(field, 1), t)?;
            let max = number(v(2), t.part(field, 2), t)?;
            let text = v(0).trim();
            if text.is_empty() && min.is_none() && max.is_none() {
                Value::Null
            } else {
                if let (Some(a), Some(b)) = (min, max) {
                    if a > b {
                        return Err((t.min_over_max)(name, &num(a), &num(b)));
                    }
                }
                if text.is_empty() {
                    return Err((t.pay_in_words)(name));
                }
                let mut o = Map::new();
                o.insert("text".into(), Value::String(text.into()));
                if let Some(a) = min {
                    o.insert("min".into(), serde_json::json!(a));
                }
                if let Some(b) = max {
                    o.insert("max".into(), serde_json::json!(b));
                }
                if !v(3).is_empty() {
                    o.insert("period".into(), Value::String(v(3).into()));
                }
                let cur = current.pay.as_ref();
                o.insert("currency".into(), Value::String(cur.map_or("EUR", |p| p.currency.key()).into()));
                if let Some(b) = cur.and_then(|p| p.basis) {
                    o.insert("basis".into(), Value::String(b.key().into()));
                }
                Value::Object(o)
            }
        }
        "deadline" | "published" => date(v(0), name, t)?,
        "start" => {
            let typed = v(0).trim();
            let folded: String = typed.to_lowercase();
            if typed.is_empty() {
                Value::Null
            } else if ["dès que possible", "des que possible", "asap", "immédiatement", "immediatement"].contains(&folded.as_str())
                || t.asap_words.contains(&folded.as_str())
            {
                Value::String("asap".into())
            } else if let Ok(d) = typed.parse::<model::Date>() {
                serde_json::json!({ "date": d.to_string() })
            } else if let Ok(m) = typed.parse::<model::YearMonth>() {
                serde_json::json!({ "month": m.to_string() })
            } else {
                return Err((t.bad_start)(name, typed));
            }
        }
        "duration_months" => {
            let a = number(v(0), t.part(field, 0), t)?;
            let b = number(v(1), t.part(field, 1), t)?.or(a);
            match (a.or(b), b) {
                (None, _) => Value::Null,
                (Some(a), Some(b)) => {
                    if a < 1.0 || a > b || a.fract() != 0.0 || b.fract() != 0.0 || b > 600.0 {
                        return Err((t.bad_duration)(name, &num(a), &num(b)));
                    }
                    serde_json::json!({ "min": a as u16, "max": b as u16 })
                }
                (Some(_), None) => unreachable!("b falls back to a"),
            }
        }
        "hours_per_week" => match number(v(0), name, t)? {
            None => Value::Null,
            Some(h) if h > 0.0 && h <= 80.0 => serde_json::json!(h),
            Some(h) => return Err((t.bad_hours)(name, &num(h))),
        },
        "apply" => {
            let emails = list(v(0), &[',', ';', '\n', ' ']);
            for e in &emails {
                let ok = e.split_once('@').is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.'));
                if !ok {
                    return Err((t.bad_email)(t.part(field, 0), e));
                }
            }
            let urls = list(v(1), &['\n']);
            for u in &urls {
                if !(u.starts_with("https://") || u.starts_with("http://")) || u.contains(char::is_whitespace) {
                    return Err((t.bad_link)(t.part(field, 1), u));
                }
            }
            let apply = model::Apply {
                emails,
                urls,
                contact: opt_text(v(2)).as_str().map(str::to_string),
                address: opt_text(v(3)).as_str().map(str::to_string),
                instructions: opt_text(v(4)).as_str().map(str::to_string),
            };
            serde_json::to_value(apply).expect("apply serializes")
        }
        "themes" => {
            let keys = list(v(0), &[',']);
            for k in &keys {
                Theme::from_key(k).ok_or_else(|| (t.unknown_theme)(name, k))?;
            }
            serde_json::to_value(keys).expect("keys serialize")
        }
        "partners" => serde_json::to_value(list(v(0), &['\n'])).expect("names serialize"),
        "body" => {
            let blocks: Vec<Block> = model::body::decode(v(0).trim_end()).body;
            serde_json::to_value(blocks).expect("blocks serialize")
        }
        _ => return Err((t.unknown_field)(field)),
    })
}

/// Lays the overrides over an extracted record; returns the fields whose override could not be
/// applied (and leaves those as extracted). The id follows the corrected organization and title
/// unless an override sets it.
pub fn apply(base: &Posting, overrides: &Overrides) -> (Posting, Vec<String>) {
    let mut value = serde_json::to_value(base).expect("postings serialize");
    let mut failed = Vec::new();
    for (field, v) in overrides {
        let before = value.clone();
        let obj = value.as_object_mut().expect("a record is an object");
        if v.is_null() {
            obj.remove(field);
        } else {
            obj.insert(field.clone(), v.clone());
        }
        if serde_json::from_value::<Posting>(value.clone()).is_err() {
            failed.push(field.clone());
            value = before;
        }
    }
    let mut p: Posting = serde_json::from_value(value).expect("checked above");
    if !overrides.contains_key("id") && (overrides.contains_key("organization") || overrides.contains_key("title")) {
        p.id = model::slug::make_id(&p.organization, &p.title);
    }
    (p, failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(current: &Posting, field: &str, values: &[String]) -> Result<Value, String> {
        super::write(current, field, values, i18n::texts(Lang::Fr))
    }

    fn posting() -> Posting {
        vitrine::ingest::extract(
            "Éducateur spécialisé (H/F)\n\nAssociation Les Écureuils — Lyon (France)\nType de contrat : CDI\n\
             Rémunération : 2 150 € bruts mensuels\n\nCandidature\nCV à recrutement@ecureuils.org avant le 15 octobre 2025.",
            None,
        )
        .posting
    }

    #[test]
    fn every_field_reads_and_writes_back_the_same_record() {
        let p = posting();
        for f in FIELDS {
            let values = read(&p, f);
            assert_eq!(values.len(), parts(f, Lang::Fr).len(), "{f}");
            let v = write(&p, f, &values).unwrap_or_else(|e| panic!("{f}: {e}"));
            let mut o = Overrides::new();
            o.insert(f.to_string(), v);
            let (q, failed) = apply(&p, &o);
            assert!(failed.is_empty(), "{f}");
            assert_eq!(read(&q, f), read(&p, f), "{f}");
        }
    }

    #[test]
    fn corrections_are_typed_and_bad_input_is_named() {
        let p = posting();
        let mut o = Overrides::new();
        o.insert("organization".into(), write(&p, "organization", &["Les Écureuils".into()]).unwrap());
        o.insert("deadline".into(), write(&p, "deadline", &["2025-11-30".into()]).unwrap());
        o.insert("start".into(), write(&p, "start", &["Dès que possible".into()]).unwrap());
        o.insert("remote".into(), write(&p, "remote", &["partial".into()]).unwrap());
        let (q, _) = apply(&p, &o);
        assert_eq!(q.organization, "Les Écureuils");
        assert_eq!(q.id, "les-ecureuils-educateur-specialise");
        assert_eq!(q.deadline.unwrap().to_string(), "2025-11-30");
        assert_eq!(q.start, Some(Start::Asap));
        assert_eq!(q.remote, Some(Remote::Partial));
        assert!(write(&p, "deadline", &["30/11/2025".into()]).unwrap_err().contains("30/11/2025"));
        assert!(write(&p, "apply", &["pas-une-adresse".into(), String::new(), String::new(), String::new(), String::new()]).unwrap_err().contains("pas-une-adresse"));
        assert!(write(&p, "pay", &["x".into(), "3000".into(), "2000".into(), String::new()]).unwrap_err().contains("dépasse"));
        assert!(write(&p, "hours_per_week", &["200".into()]).is_err());
        // Emptying an optional field removes it.
        o.insert("pay".into(), write(&p, "pay", &[String::new(), String::new(), String::new(), String::new()]).unwrap());
        assert!(apply(&p, &o).0.pay.is_none());
    }

    #[test]
    fn body_sections_round_trip() {
        let p = posting();
        let text = "# Missions\n- Accompagner\n  - les jeunes\nUn paragraphe.";
        let v = write(&p, "body", &[text.into()]).unwrap();
        let mut o = Overrides::new();
        o.insert("body".into(), v);
        let q = apply(&p, &o).0;
        assert_eq!(read(&q, "body"), vec![text.to_string()]);
    }
}
