//! Validation of data files (`vitrine check`): JSON syntax with line/column, each record's fields
//! against the model (field by field, so the message names it), then meaning: required texts,
//! unique slug ids, dates in order, e-mails, http(s) links, pay and duration ranges. The
//! meaning checks (`check_postings`, used by the extractor) build everywhere; reading a data
//! file's JSON (`check_data`) is native only.

use super::error::line_col;
use crate::model::Posting;
#[cfg(not(target_arch = "wasm32"))]
use crate::model::{Apply, Block, Contract, Date, Kind, MonthRange, Pay, Place, Remote, Start, Theme};
#[cfg(not(target_arch = "wasm32"))]
use serde::de::DeserializeOwned;
#[cfg(not(target_arch = "wasm32"))]
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;

/// One problem found in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Record id (or `#N`, 1-based, when it has none).
    pub record: Option<String>,
    pub field: Option<String>,
    /// Line and column, for syntax errors.
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl Problem {
    /// The problem as a line of output: `file: record <id>: field <name>: message`.
    pub fn render(&self, file: &str) -> String {
        let mut s = file.to_string();
        if let Some((l, c)) = self.at {
            s.push_str(&format!(":{l}:{c}"));
        }
        if let Some(r) = &self.record {
            s.push_str(&format!(": record {r}"));
        }
        if let Some(f) = &self.field {
            s.push_str(&format!(": field {f}"));
        }
        s.push_str(": ");
        s.push_str(&self.message);
        s
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render("<data>"))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn de<T: DeserializeOwned>(v: &Value) -> Result<(), String> {
    serde_json::from_value::<T>(v.clone()).map(|_| ()).map_err(|e| e.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
fn de_list<T: DeserializeOwned>(field: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v.as_array() {
        Some(items) => {
            for (i, it) in items.iter().enumerate() {
                if let Err(e) = de::<T>(it) {
                    out.push((format!("{field}[{i}]"), e));
                }
            }
        }
        None => out.push((field.to_string(), format!("expected a list, found {}", kind_of(v)))),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// Type-checks one field of a record; (field path, message) for each problem.
fn check_field(name: &str, v: &Value, out: &mut Vec<(String, String)>) {
    let r = match name {
        "id" | "title" | "organization" => de::<String>(v),
        "source" => de::<Option<String>>(v),
        "kind" => de::<Kind>(v),
        "contract" => de::<Contract>(v),
        "remote" => de::<Remote>(v),
        "partners" => de::<Vec<String>>(v),
        "places" => return de_list::<Place>(name, v, out),
        "themes" => return de_list::<Theme>(name, v, out),
        "body" => return de_list::<Block>(name, v, out),
        "pay" => de::<Option<Pay>>(v),
        "hours_per_week" => de::<Option<f32>>(v),
        "duration_months" => de::<Option<MonthRange>>(v),
        "start" => de::<Option<Start>>(v),
        "deadline" | "published" => de::<Option<Date>>(v),
        "apply" => de::<Apply>(v),
        _ => Err("unknown field".to_string()),
    };
    if let Err(e) = r {
        out.push((name.to_string(), e));
    }
}

fn looks_like_email(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e.contains(char::is_whitespace)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') && !s.starts_with('-') && !s.ends_with('-')
}

/// Checks the meaning of records already of the right types.
pub fn check_postings(postings: &[Posting]) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, p) in postings.iter().enumerate() {
        let rec = if p.id.is_empty() { format!("#{}", i + 1) } else { p.id.clone() };
        let mut bad = |field: &str, message: String| {
            out.push(Problem { record: Some(rec.clone()), field: Some(field.to_string()), at: None, message })
        };
        if p.id.is_empty() {
            bad("id", "is empty".into());
        } else if !is_slug(&p.id) {
            bad("id", format!("«{}» is not a slug (lowercase letters, digits and single dashes)", p.id));
        } else if let Some(first) = seen.insert(&p.id, i) {
            bad("id", format!("used twice (records {} and {})", first + 1, i + 1));
        }
        if p.title.trim().is_empty() {
            bad("title", "is empty".into());
        }
        // An organization the extractor could not name is left empty for review: the widget
        // shows the offer without it.
        if let (Some(d), Some(pb)) = (p.deadline, p.published) {
            if d < pb {
                bad("deadline", format!("{d} is before the publication date {pb}"));
            }
        }
        for e in &p.apply.emails {
            if !looks_like_email(e) {
                bad("apply.emails", format!("«{e}» is not an e-mail address"));
            }
        }
        for u in &p.apply.urls {
            if !(u.starts_with("https://") || u.starts_with("http://")) || u.contains(char::is_whitespace) {
                bad("apply.urls", format!("«{u}» is not an http(s) link"));
            }
        }
        if let Some(pay) = &p.pay {
            if let (Some(a), Some(b)) = (pay.min, pay.max) {
                if a > b {
                    bad("pay", format!("min {a} is above max {b}"));
                }
            }
            if pay.text.trim().is_empty() {
                bad("pay.text", "is empty".into());
            }
        }
        if let Some(d) = p.duration_months {
            if d.min > d.max || d.min == 0 {
                bad("duration_months", format!("{}–{} is not a valid range of months", d.min, d.max));
            }
        }
        if let Some(h) = p.hours_per_week {
            if !(h > 0.0 && h <= 80.0) {
                bad("hours_per_week", format!("{h} is not a number of hours a week"));
            }
        }
        for (k, pl) in p.places.iter().enumerate() {
            if pl.city.as_deref().is_some_and(|c| c.trim().is_empty()) {
                bad(&format!("places[{k}].city"), "is empty".into());
            }
        }
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
/// Checks a data file's text: syntax, then types field by field, then meaning.
pub fn check_data(text: &str) -> Vec<Problem> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return vec![Problem { record: None, field: None, at: Some((e.line(), e.column())), message: format!("invalid JSON: {e}") }]
        }
    };
    let Some(items) = value.as_array() else {
        return vec![Problem { record: None, field: None, at: Some((1, 1)), message: format!("expected a list of records, found {}", kind_of(&value)) }];
    };
    let mut out = Vec::new();
    let mut good = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let rec = item.get("id").and_then(Value::as_str).filter(|s| !s.is_empty()).map_or_else(|| format!("#{}", i + 1), str::to_string);
        let Some(obj) = item.as_object() else {
            out.push(Problem { record: Some(rec), field: None, at: None, message: format!("expected an object, found {}", kind_of(item)) });
            continue;
        };
        let mut field_problems = Vec::new();
        for (k, v) in obj {
            check_field(k, v, &mut field_problems);
        }
        for required in ["id", "kind", "title", "organization"] {
            if !obj.contains_key(required) {
                field_problems.push((required.to_string(), "is missing".to_string()));
            }
        }
        if field_problems.is_empty() {
            match serde_json::from_value::<Posting>(item.clone()) {
                Ok(p) => good.push(p),
                Err(e) => out.push(Problem { record: Some(rec), field: None, at: None, message: e.to_string() }),
            }
        } else {
            for (f, m) in field_problems {
                out.push(Problem { record: Some(rec.clone()), field: Some(f), at: None, message: m });
            }
        }
    }
    out.extend(check_postings(&good));
    // Duplicates between a bad and a good record are not seen above; ids are checked on all.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(id) = item.get("id").and_then(Value::as_str) {
            if let Some(first) = ids.insert(id, i) {
                let msg = format!("used twice (records {} and {})", first + 1, i + 1);
                if !out.iter().any(|p| p.record.as_deref() == Some(id) && p.message == msg) {
                    out.push(Problem { record: Some(id.to_string()), field: Some("id".into()), at: None, message: msg });
                }
            }
        }
    }
    out
}

/// Where `needle` first appears in `text`, as line/column (for pointing at a record).
pub fn locate(text: &str, needle: &str) -> Option<(usize, usize)> {
    text.find(needle).map(|i| line_col(text, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> Vec<String> {
        check_data(text).iter().map(|p| p.render("data/postings.json")).collect()
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let r = render("[\n  {\"id\": \"a\",\n  }\n]");
        assert_eq!(r.len(), 1);
        assert!(r[0].starts_with("data/postings.json:3:3: invalid JSON"), "{r:?}");
        assert!(render("{}")[0].contains("expected a list of records"));
    }

    #[test]
    fn field_errors_name_record_and_field() {
        let r = render(
            r#"[{"id":"a-b","kind":"job","title":"T","organization":"O","deadline":"2025-02-30"},
                {"id":"c","kind":"emploi","title":"T","organization":"O","places":[{"country":"XX"}]},
                {"id":"d","kind":"emploi","title":"T"}]"#,
        );
        assert!(r.iter().any(|l| l.starts_with("data/postings.json: record a-b: field kind: unknown variant `job`")), "{r:?}");
        assert!(r.iter().any(|l| l.starts_with("data/postings.json: record a-b: field deadline: «2025-02-30» is not a real calendar date")), "{r:?}");
        assert!(r.iter().any(|l| l.starts_with("data/postings.json: record c: field places[0]: unknown variant `XX`")), "{r:?}");
        assert!(r.iter().any(|l| l == "data/postings.json: record d: field organization: is missing"), "{r:?}");
    }

    #[test]
    fn meaning_checks() {
        let r = render(
            r#"[{"id":"a","kind":"emploi","title":" ","organization":"O","published":"2025-03-01","deadline":"2025-02-01",
                 "apply":{"emails":["x@y"],"urls":["ftp://x.org"]},"pay":{"min":3,"max":2,"text":"t"}},
                {"id":"a","kind":"emploi","title":"T","organization":"O"},
                {"id":"Bad Id","kind":"emploi","title":"T","organization":"O"}]"#,
        );
        for want in [
            "record a: field title: is empty",
            "record a: field deadline: 2025-02-01 is before the publication date 2025-03-01",
            "record a: field apply.emails: «x@y» is not an e-mail address",
            "record a: field apply.urls: «ftp://x.org» is not an http(s) link",
            "record a: field pay: min 3 is above max 2",
            "record a: field id: used twice (records 1 and 2)",
            "record Bad Id: field id: «Bad Id» is not a slug",
        ] {
            assert!(r.iter().any(|l| l.contains(want)), "missing «{want}» in {r:#?}");
        }
        assert!(render(r#"[{"id":"ok","kind":"emploi","title":"T","organization":"O"}]"#).is_empty());
    }
}
