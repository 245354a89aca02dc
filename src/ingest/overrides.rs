//! Reviewed corrections kept apart from the extractor (`data/overrides.toml`): one table per
//! posting id, keys are `Posting` field names with values shaped as in the JSON. A value replaces
//! the field; a table given for an object field (`pay.text = "…"`) replaces only the keys it names;
//! `unset = ["pay"]` removes optional fields. Unknown ids and fields are errors naming the file.

use super::error::{line_col, IngestError};
use crate::model::Posting;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Parsed overrides, in file order.
#[derive(Debug, Clone)]
pub struct Overrides {
    pub path: PathBuf,
    pub entries: Vec<(String, toml::Table)>,
}

fn toml_to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(*b),
        // Unquoted TOML dates (2025-10-15) mean the same as the quoted string.
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.iter().map(|(k, v)| (k.clone(), toml_to_json(v))).collect()),
    }
}

/// The JSON Schema of `Posting`, as a JSON value (for field names).
fn schema() -> &'static Value {
    static S: OnceLock<Value> = OnceLock::new();
    S.get_or_init(|| serde_json::to_value(schemars::schema_for!(Posting)).expect("schema serializes"))
}

/// The schema node reached from `node` by following `$ref`.
fn resolve(node: &Value) -> &Value {
    match node.get("$ref").and_then(Value::as_str).and_then(|r| schema().get("definitions")?.get(r.rsplit('/').next()?)) {
        Some(n) => resolve(n),
        None => node,
    }
}

/// The object properties a schema node has itself (a plain object type, possibly optional).
fn properties(node: &Value) -> Option<&Map<String, Value>> {
    let node = resolve(node);
    if let Some(p) = node.get("properties").and_then(Value::as_object) {
        return Some(p);
    }
    // `Option<T>`: anyOf [T, null] or allOf [T].
    for key in ["anyOf", "allOf"] {
        if let Some(list) = node.get(key).and_then(Value::as_array) {
            if let Some(p) = list.iter().find_map(properties) {
                return Some(p);
            }
        }
    }
    None
}

/// The schema of field `seg` under `node`, looking into every alternative (enums with data).
fn child<'a>(node: &'a Value, seg: &str) -> Option<&'a Value> {
    let node = resolve(node);
    if let Some(c) = node.get("properties").and_then(|p| p.get(seg)) {
        return Some(c);
    }
    for key in ["anyOf", "allOf", "oneOf"] {
        if let Some(list) = node.get(key).and_then(Value::as_array) {
            if let Some(c) = list.iter().find_map(|alt| child(alt, seg)) {
                return Some(c);
            }
        }
    }
    None
}

/// Names of `Posting`'s fields.
pub fn field_names() -> Vec<String> {
    properties(schema()).map(|p| p.keys().cloned().collect()).unwrap_or_default()
}

/// Checks that a dotted path ("pay.text") names a field; returns the unknown part otherwise.
fn check_path<S: AsRef<str>>(path: &[S]) -> Result<(), String> {
    let mut node = schema();
    for (k, seg) in path.iter().enumerate() {
        node = child(node, seg.as_ref()).ok_or_else(|| path[..=k].iter().map(|s| s.as_ref()).collect::<Vec<_>>().join("."))?;
    }
    Ok(())
}

/// True when the field at `path` is a plain object (merged key by key, not replaced).
fn is_plain_object(path: &[&str]) -> bool {
    let mut node = schema();
    for seg in path {
        match child(node, seg) {
            Some(n) => node = n,
            None => return false,
        }
    }
    properties(node).is_some()
}

impl Overrides {
    /// Parses an overrides file's text.
    pub fn parse(path: &Path, text: &str) -> Result<Overrides, IngestError> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
            IngestError::OverridesSyntax {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().to_string(),
            }
        })?;
        let mut entries = Vec::new();
        for (id, v) in table {
            match v {
                toml::Value::Table(t) => entries.push((id, t)),
                _ => {
                    return Err(IngestError::OverridesShape {
                        path: path.to_path_buf(),
                        id,
                        message: "expected a table `[id]` of field = value lines".into(),
                    })
                }
            }
        }
        // `toml::Table` is sorted; keep the file's order for messages.
        entries.sort_by_key(|(id, _)| text.find(&format!("[{id}]")).unwrap_or(usize::MAX));
        Ok(Overrides { path: path.to_path_buf(), entries })
    }

    /// Reads and parses an overrides file.
    pub fn load(path: &Path) -> Result<Overrides, IngestError> {
        let text = std::fs::read_to_string(path).map_err(|e| IngestError::Read { path: path.to_path_buf(), source: e })?;
        Overrides::parse(path, &text)
    }

    /// Applies the overrides to the records; returns, per id, the fields it changed. Every
    /// problem is reported (unknown id, unknown field, value of the wrong shape).
    pub fn apply(&self, postings: &mut [Posting]) -> Result<Vec<(String, Vec<String>)>, Vec<IngestError>> {
        let mut errors = Vec::new();
        let mut applied = Vec::new();
        let fields = field_names().join(", ");
        for (id, table) in &self.entries {
            let Some(p) = postings.iter_mut().find(|p| &p.id == id) else {
                let mut known: Vec<&str> = postings.iter().map(|p| p.id.as_str()).collect();
                known.truncate(12);
                errors.push(IngestError::OverrideUnknownId { path: self.path.clone(), id: id.clone(), known: known.join(", ") });
                continue;
            };
            let mut value = serde_json::to_value(&*p).expect("posting serializes");
            let mut changed = Vec::new();
            for (key, v) in table {
                if key == "unset" {
                    let Some(list) = v.as_array() else {
                        errors.push(self.invalid(id, key, "expected a list of field names"));
                        continue;
                    };
                    for f in list {
                        let Some(name) = f.as_str() else {
                            errors.push(self.invalid(id, key, "expected field names as strings"));
                            continue;
                        };
                        let segs: Vec<&str> = name.split('.').collect();
                        if let Err(bad) = check_path(&segs) {
                            errors.push(IngestError::OverrideUnknownField { path: self.path.clone(), id: id.clone(), field: bad, fields: fields.clone() });
                            continue;
                        }
                        remove_path(&mut value, &segs);
                        changed.push(format!("-{name}"));
                    }
                    continue;
                }
                let segs: Vec<&str> = key.split('.').collect();
                // Nested keys (`pay.text = …` is a table in TOML) are checked one by one.
                let mut leaves = Vec::new();
                leaf_paths(key, v, &mut leaves);
                let unknown: Vec<String> = std::iter::once(segs.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                    .chain(leaves.iter().map(|l| l.split('.').map(str::to_string).collect()))
                    .filter_map(|p| check_path(&p).err())
                    .collect();
                if let Some(bad) = unknown.into_iter().next() {
                    errors.push(IngestError::OverrideUnknownField { path: self.path.clone(), id: id.clone(), field: bad, fields: fields.clone() });
                    continue;
                }
                let before = value.clone();
                set_path(&mut value, &segs, toml_to_json(v), is_plain_object(&segs));
                // Check each key on its own so the message names it.
                if let Err(e) = serde_json::from_value::<Posting>(value.clone()) {
                    errors.push(self.invalid(id, key, &e.to_string()));
                    value = before;
                    continue;
                }
                if !leaves.is_empty() && is_plain_object(&segs) {
                    changed.extend(leaves);
                } else {
                    changed.push(key.clone());
                }
            }
            match serde_json::from_value::<Posting>(value) {
                Ok(np) => {
                    *p = np;
                    applied.push((id.clone(), changed));
                }
                Err(e) => errors.push(self.invalid(id, "unset", &e.to_string())),
            }
        }
        if errors.is_empty() {
            Ok(applied)
        } else {
            Err(errors)
        }
    }

    fn invalid(&self, id: &str, field: &str, message: &str) -> IngestError {
        IngestError::OverrideInvalid { path: self.path.clone(), id: id.to_string(), field: field.to_string(), message: message.to_string() }
    }
}

/// Dotted paths of the keys inside a table value, for fields that are objects. Tables inside
/// lists (places) are values, not paths.
fn leaf_paths(prefix: &str, v: &toml::Value, out: &mut Vec<String>) {
    if let toml::Value::Table(t) = v {
        let segs: Vec<&str> = prefix.split('.').collect();
        for (k, sub) in t {
            let path = format!("{prefix}.{k}");
            out.push(path.clone());
            if is_plain_object(&segs) {
                leaf_paths(&path, sub, out);
            }
        }
    }
}

/// Sets a value at a path; a JSON object given for an existing object merges key by key.
fn set_path(root: &mut Value, segs: &[&str], v: Value, merge: bool) {
    let mut node = root;
    for seg in &segs[..segs.len() - 1] {
        let obj = node.as_object_mut().expect("records are objects");
        node = obj.entry(seg.to_string()).or_insert_with(|| Value::Object(Map::new()));
        if node.is_null() {
            *node = Value::Object(Map::new());
        }
    }
    let last = segs[segs.len() - 1];
    let obj = node.as_object_mut().expect("records are objects");
    match (obj.get_mut(last), v) {
        (Some(Value::Object(cur)), Value::Object(new)) if merge => {
            for (k, nv) in new {
                cur.insert(k, nv);
            }
        }
        (_, v) => {
            obj.insert(last.to_string(), v);
        }
    }
}

fn remove_path(root: &mut Value, segs: &[&str]) {
    let mut node = root;
    for seg in &segs[..segs.len() - 1] {
        match node.get_mut(*seg) {
            Some(n) => node = n,
            None => return,
        }
    }
    if let Some(o) = node.as_object_mut() {
        o.remove(segs[segs.len() - 1]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::extract;

    fn posting() -> Posting {
        let mut p = extract("Comptable\n\nAssociation Trait d'Union\n\nCDI. Rémunération : 2 000 € brut par mois.", None).posting;
        p.id = "trait-comptable".into();
        p
    }

    #[test]
    fn enum_fields_are_replaced_not_merged() {
        let mut v = vec![posting()];
        v[0].start = Some(crate::model::Start::Month("2026-02".parse().unwrap()));
        let o = Overrides::parse(Path::new("o.toml"), "[trait-comptable]\nstart = { date = \"2026-02-03\" }\n").unwrap();
        o.apply(&mut v).unwrap();
        assert_eq!(v[0].start, Some(crate::model::Start::Date("2026-02-03".parse().unwrap())));
    }

    #[test]
    fn replaces_merges_and_unsets() {
        let o = Overrides::parse(
            Path::new("o.toml"),
            "[trait-comptable]\norganization = \"Trait d'Union\"\npay.text = \"2 000 € par mois\"\nthemes = [\"insertion\"]\ndeadline = 2025-10-15\n",
        )
        .unwrap();
        let mut v = vec![posting()];
        let applied = o.apply(&mut v).unwrap();
        assert_eq!(applied[0].0, "trait-comptable");
        assert_eq!(v[0].organization, "Trait d'Union");
        let pay = v[0].pay.as_ref().unwrap();
        assert_eq!((pay.min, pay.text.as_str()), (Some(crate::model::Amount::units(2000)), "2 000 € par mois"));
        assert_eq!(v[0].deadline.unwrap().to_string(), "2025-10-15");
        let o = Overrides::parse(Path::new("o.toml"), "[trait-comptable]\nunset = [\"pay\"]\n").unwrap();
        o.apply(&mut v).unwrap();
        assert!(v[0].pay.is_none());
    }

    #[test]
    fn errors_name_file_id_and_field() {
        let mut v = vec![posting()];
        let o = Overrides::parse(Path::new("data/overrides.toml"), "[nope]\ntitle = \"x\"\n[trait-comptable]\ntitel = \"x\"\nkind = \"job\"\npay.txt = \"x\"\n").unwrap();
        let errs: Vec<String> = o.apply(&mut v).unwrap_err().iter().map(|e| e.to_string()).collect();
        assert!(errs[0].starts_with("data/overrides.toml: [nope]: no posting has this id"), "{errs:?}");
        assert!(errs.iter().any(|e| e.starts_with("data/overrides.toml: [trait-comptable] titel: unknown field")), "{errs:?}");
        assert!(errs.iter().any(|e| e.starts_with("data/overrides.toml: [trait-comptable] kind: unknown variant `job`")), "{errs:?}");
        assert!(errs.iter().any(|e| e.starts_with("data/overrides.toml: [trait-comptable] pay.txt: unknown field")), "{errs:?}");
        let e = Overrides::parse(Path::new("o.toml"), "[a]\ntitle = \n").unwrap_err().to_string();
        assert!(e.starts_with("o.toml:2:"), "{e}");
        assert!(field_names().contains(&"duration_months".to_string()));
    }
}
