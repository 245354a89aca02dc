//! Reading the data's types from JSON ([`FromJson`] for [`Posting`] and its parts), by hand so
//! the widget needs no serde code. The format is the one the serde derive writes (and the JSON
//! Schema describes): unknown keys are skipped, fields with a default may be left out, a field
//! given twice or a missing required one is an error naming it.

use super::json::{decimal, Error, FromJson, Reader};
use super::{
    Amount, Apply, Block, Contract, Country, Currency, Date, Kind, ListItem, MonthRange, Pay, PayBasis, PayPeriod, Place,
    Posting, Remote, Start, Theme, YearMonth,
};

/// Reads the value of field `key` into `slot`, refusing a second value for it. Errors inside
/// the value name the field: "`deadline`: «2025-02-30» is not a real calendar date".
fn set<T: FromJson>(r: &mut Reader, slot: &mut Option<T>, key: &str) -> Result<(), Error> {
    let at = r.here();
    let value = T::read(r).map_err(|e| Error { message: format!("`{key}`: {}", e.message), ..e })?;
    if slot.replace(value).is_some() {
        return Err(r.error(at, format!("duplicate field `{key}`")));
    }
    Ok(())
}

/// One of the string keys `all` gives through `key`.
fn variant<T: Copy>(r: &mut Reader, all: &[T], key: fn(T) -> &'static str) -> Result<T, Error> {
    let at = r.here();
    let expected = || {
        let keys: Vec<String> = all.iter().map(|&v| format!("`{}`", key(v))).collect();
        format!("one of {}", keys.join(", "))
    };
    if r.peek() != Some(b'"') {
        return r.mismatch(&expected());
    }
    let s = r.str()?;
    match all.iter().copied().find(|&v| key(v) == s) {
        Some(v) => Ok(v),
        None => Err(r.error(at, format!("unknown variant `{s}`, expected {}", expected()))),
    }
}

macro_rules! keyed_enum {
    ($($t:ty),*) => {
        $(impl FromJson for $t {
            fn read(r: &mut Reader) -> Result<$t, Error> {
                variant(r, &<$t>::ALL, <$t>::key)
            }
        })*
    };
}

keyed_enum!(Kind, Contract, Country, Remote, Theme, PayPeriod, Currency, PayBasis);

impl FromJson for u16 {
    fn read(r: &mut Reader) -> Result<u16, Error> {
        r.whole(u16::MAX as u64).map(|n| n as u16)
    }
}

impl FromJson for u32 {
    fn read(r: &mut Reader) -> Result<u32, Error> {
        r.whole(u32::MAX as u64).map(|n| n as u32)
    }
}

impl FromJson for Amount {
    fn read(r: &mut Reader) -> Result<Amount, Error> {
        let at = r.here();
        let text = r.number()?;
        Amount::from_f64(decimal(text))
            .ok_or_else(|| r.error(at, format!("the amount `{text}` is not a number from 0 to {}", super::amount::MAX_CENTS / 100)))
    }
}

impl FromJson for f32 {
    fn read(r: &mut Reader) -> Result<f32, Error> {
        r.f32()
    }
}

macro_rules! parsed_string {
    ($($t:ty),*) => {
        $(impl FromJson for $t {
            fn read(r: &mut Reader) -> Result<$t, Error> {
                let at = r.here();
                let s = r.str()?;
                s.parse().map_err(|e: super::DateError| r.error(at, e.to_string()))
            }
        })*
    };
}

parsed_string!(Date, YearMonth);

impl FromJson for Place {
    fn read(r: &mut Reader) -> Result<Place, Error> {
        let at = r.here();
        let (mut city, mut postal_code, mut department, mut region, mut country) = (None, None, None, None, None);
        r.object(|r, key| match key {
            "city" => set(r, &mut city, key),
            "postal_code" => set(r, &mut postal_code, key),
            "department" => set(r, &mut department, key),
            "region" => set(r, &mut region, key),
            "country" => set(r, &mut country, key),
            _ => r.skip(),
        })?;
        Ok(Place {
            city: city.flatten(),
            postal_code: postal_code.flatten(),
            department: department.flatten(),
            region: region.flatten(),
            country: r.required(country, "country", at)?,
        })
    }
}

impl FromJson for Pay {
    fn read(r: &mut Reader) -> Result<Pay, Error> {
        let at = r.here();
        let (mut min, mut max, mut period, mut currency, mut basis, mut text) = (None, None, None, None, None, None);
        r.object(|r, key| match key {
            "min" => set(r, &mut min, key),
            "max" => set(r, &mut max, key),
            "period" => set(r, &mut period, key),
            "currency" => set(r, &mut currency, key),
            "basis" => set(r, &mut basis, key),
            "text" => set(r, &mut text, key),
            _ => r.skip(),
        })?;
        Ok(Pay {
            min: min.flatten(),
            max: max.flatten(),
            period: period.flatten(),
            currency: currency.unwrap_or_default(),
            basis: basis.flatten(),
            text: r.required(text, "text", at)?,
        })
    }
}

impl FromJson for MonthRange {
    fn read(r: &mut Reader) -> Result<MonthRange, Error> {
        let at = r.here();
        let (mut min, mut max) = (None, None);
        r.object(|r, key| match key {
            "min" => set(r, &mut min, key),
            "max" => set(r, &mut max, key),
            _ => r.skip(),
        })?;
        Ok(MonthRange { min: r.required(min, "min", at)?, max: r.required(max, "max", at)? })
    }
}

impl FromJson for Start {
    fn read(r: &mut Reader) -> Result<Start, Error> {
        const EXPECTED: &str = "one of `asap`, `month`, `date`";
        let at = r.here();
        match r.peek() {
            Some(b'"') => {
                let s = r.str()?;
                match &*s {
                    "asap" => Ok(Start::Asap),
                    _ => Err(r.error(at, format!("unknown variant `{s}`, expected {EXPECTED}"))),
                }
            }
            Some(b'{') => {
                let mut start = None;
                r.object(|r, key| {
                    let key_at = r.pos();
                    let value = match key {
                        "month" => Start::Month(YearMonth::read(r)?),
                        "date" => Start::Date(Date::read(r)?),
                        _ => return Err(r.error(key_at, format!("unknown variant `{key}`, expected {EXPECTED}"))),
                    };
                    match start.replace(value) {
                        None => Ok(()),
                        Some(_) => Err(r.error(key_at, "`start` holds more than one of `month`, `date`")),
                    }
                })?;
                start.ok_or_else(|| r.error(at, "`start` is an empty object (expected `month` or `date`)"))
            }
            _ => r.mismatch("`\"asap\"`, `{\"month\": \"YYYY-MM\"}` or `{\"date\": \"YYYY-MM-DD\"}`"),
        }
    }
}

impl FromJson for Apply {
    fn read(r: &mut Reader) -> Result<Apply, Error> {
        let (mut emails, mut urls, mut address, mut contact, mut instructions) = (None, None, None, None, None);
        r.object(|r, key| match key {
            "emails" => set(r, &mut emails, key),
            "urls" => set(r, &mut urls, key),
            "address" => set(r, &mut address, key),
            "contact" => set(r, &mut contact, key),
            "instructions" => set(r, &mut instructions, key),
            _ => r.skip(),
        })?;
        Ok(Apply {
            emails: emails.unwrap_or_default(),
            urls: urls.unwrap_or_default(),
            address: address.flatten(),
            contact: contact.flatten(),
            instructions: instructions.flatten(),
        })
    }
}

impl FromJson for ListItem {
    fn read(r: &mut Reader) -> Result<ListItem, Error> {
        let at = r.here();
        let (mut text, mut children) = (None, None);
        r.object(|r, key| match key {
            "text" => set(r, &mut text, key),
            "children" => set(r, &mut children, key),
            _ => r.skip(),
        })?;
        Ok(ListItem { text: r.required(text, "text", at)?, children: children.unwrap_or_default() })
    }
}

impl FromJson for Block {
    fn read(r: &mut Reader) -> Result<Block, Error> {
        let at = r.here();
        let (mut kind, mut kind_at, mut text, mut items) = (None::<String>, at, None, None);
        r.object(|r, key| match key {
            "type" => {
                kind_at = r.here();
                set(r, &mut kind, key)
            }
            "text" => set(r, &mut text, key),
            "items" => set(r, &mut items, key),
            _ => r.skip(),
        })?;
        match r.required(kind, "type", at)?.as_str() {
            "heading" => Ok(Block::Heading { text: r.required(text, "text", at)? }),
            "paragraph" => Ok(Block::Paragraph { text: r.required(text, "text", at)? }),
            "list" => Ok(Block::List { items: r.required(items, "items", at)? }),
            other => Err(r.error(
                kind_at,
                format!("unknown variant `{other}`, expected one of `heading`, `paragraph`, `list`"),
            )),
        }
    }
}

impl FromJson for Posting {
    /// A record as written; without `id` it is left empty (see [`Posting::fill_id`]).
    fn read(r: &mut Reader) -> Result<Posting, Error> {
        let at = r.here();
        let (mut id, mut kind, mut contract, mut title, mut organization, mut partners) = (None, None, None, None, None, None);
        let (mut places, mut remote, mut pay, mut hours, mut duration, mut start) = (None, None, None, None, None, None);
        let (mut deadline, mut published, mut apply, mut themes, mut body, mut source) = (None, None, None, None, None, None);
        r.object(|r, key| match key {
            "id" => set(r, &mut id, key),
            "kind" => set(r, &mut kind, key),
            "contract" => set(r, &mut contract, key),
            "title" => set(r, &mut title, key),
            "organization" => set(r, &mut organization, key),
            "partners" => set(r, &mut partners, key),
            "places" => set(r, &mut places, key),
            "remote" => set(r, &mut remote, key),
            "pay" => set(r, &mut pay, key),
            "hours_per_week" => set(r, &mut hours, key),
            "duration_months" => set(r, &mut duration, key),
            "start" => set(r, &mut start, key),
            "deadline" => set(r, &mut deadline, key),
            "published" => set(r, &mut published, key),
            "apply" => set(r, &mut apply, key),
            "themes" => set(r, &mut themes, key),
            "body" => set(r, &mut body, key),
            "source" => set(r, &mut source, key),
            _ => r.skip(),
        })?;
        Ok(Posting {
            id: id.unwrap_or_default(),
            kind: r.required(kind, "kind", at)?,
            contract: contract.unwrap_or_default(),
            title: r.required(title, "title", at)?,
            organization: r.required(organization, "organization", at)?,
            partners: partners.unwrap_or_default(),
            places: places.unwrap_or_default(),
            remote: remote.flatten(),
            pay: pay.flatten(),
            hours_per_week: hours.flatten(),
            duration_months: duration.flatten(),
            start: start.flatten(),
            deadline: deadline.flatten(),
            published: published.flatten(),
            apply: apply.unwrap_or_default(),
            themes: themes.unwrap_or_default(),
            body: body.unwrap_or_default(),
            source: source.flatten(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::json::from_str;
    use super::*;

    fn seeds_text() -> &'static str {
        include_str!("../../data/postings.json")
    }

    #[test]
    fn reads_the_data_as_serde_does() {
        let ours: Vec<Posting> = from_str(seeds_text()).unwrap();
        let theirs: Vec<Posting> = serde_json::from_str(seeds_text()).unwrap();
        assert_eq!(ours, theirs);
        assert_eq!(ours.len(), 5);
    }

    #[test]
    fn every_field_and_form_reads() {
        let text = r#"{"id":"x","kind":"service_civique","contract":"cdd","title":"T","organization":"O",
            "partners":["P"],"places":[{"city":"Liège","postal_code":"4000","department":"Liège","region":"Wallonie","country":"BE"},{"country":"FR","city":null}],
            "remote":"partial","pay":{"min":1200,"max":1400,"period":"month","currency":"CHF","basis":"net","text":"1 200 à 1 400"},
            "hours_per_week":17.5,"duration_months":{"min":4,"max":6},"start":{"month":"2026-02"},
            "deadline":"2026-01-31","published":null,"apply":{"emails":["a@b.org"],"urls":["https://b.org"],"address":"Rue 1","contact":"Marie","instructions":"CV"},
            "themes":["justice","ess"],"body":[{"type":"heading","text":"H"},{"text":"P","type":"paragraph"},{"type":"list","items":[{"text":"i","children":["c"]},{"text":"j"}]}],
            "source":"x.txt","unknown":{"deep":[1,{"a":null}]}}"#;
        let ours: Posting = from_str(text).unwrap();
        let theirs: Posting = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
        for start in [r#""asap""#, r#"{"date":"2026-02-01"}"#, r#"{"month":"2026-02"}"#] {
            let ours: Start = from_str(start).unwrap();
            let theirs: Start = serde_json::from_str(start).unwrap();
            assert_eq!(ours, theirs);
        }
        let minimal: Posting = from_str(r#"{"kind":"emploi","title":"T","organization":"O"}"#).unwrap();
        assert_eq!((minimal.id.as_str(), minimal.contract, minimal.remote), ("", Contract::None, None));
    }

    #[test]
    fn errors_name_the_field_and_the_place() {
        let err = |text: &str| {
            let e = from_str::<Posting>(text).unwrap_err();
            (e.at, e.message)
        };
        let base = r#""title":"T","organization":"O""#;
        assert_eq!(err(&format!("{{{base}}}")), (0, "missing field `kind`".to_string()));
        assert_eq!(
            err(&format!(r#"{{"kind":"job",{base}}}"#)).1,
            "`kind`: unknown variant `job`, expected one of `emploi`, `stage`, `alternance`, `service_civique`, `benevolat`, `freelance`, `projet`"
        );
        assert_eq!(err(&format!(r#"{{"kind":"job",{base}}}"#)).0, 8);
        assert_eq!(err(&format!(r#"{{"kind":"stage","title":"A",{base}}}"#)).1, "duplicate field `title`");
        assert_eq!(err(&format!(r#"{{"kind":7,{base}}}"#)).1.split(", found").nth(1), Some(" the number `7`"));
        assert_eq!(
            err(&format!(r#"{{"kind":"stage","deadline":"2025-02-30",{base}}}"#)).1,
            "`deadline`: «2025-02-30» is not a real calendar date"
        );
        assert_eq!(err(&format!(r#"{{"kind":"stage","hours_per_week":1e39,{base}}}"#)).1, "`hours_per_week`: the number `1e39` is too large");
        assert_eq!(err(&format!(r#"{{"kind":"stage","start":"soon",{base}}}"#)).1, "`start`: unknown variant `soon`, expected one of `asap`, `month`, `date`");
        assert!(err(&format!(r#"{{"kind":"stage","start":{{"month":"2026-02","date":"2026-02-01"}},{base}}}"#)).1.contains("more than one"));
        assert_eq!(err(&format!(r#"{{"kind":"stage","body":[{{"type":"quote","text":"x"}}],{base}}}"#)).1, "`body`: unknown variant `quote`, expected one of `heading`, `paragraph`, `list`");
        assert_eq!(err(&format!(r#"{{"kind":"stage","body":[{{"text":"x"}}],{base}}}"#)).1, "`body`: missing field `type`");
        assert_eq!(err(&format!(r#"{{"kind":"stage","places":[{{"city":"Lyon"}}],{base}}}"#)).1, "`places`: missing field `country`");
        assert_eq!(err(&format!(r#"{{"kind":"stage","pay":{{"min":-1,"text":""}},{base}}}"#)).1, "`pay`: `min`: the amount `-1` is not a number from 0 to 100000000");
        assert_eq!(err(r#"["x"]"#).1, "expected an object `{…}`, found an array");
    }

    #[test]
    fn serde_and_this_reader_agree_on_what_they_accept() {
        // Each seed record cut at every 97th byte, and with a few bytes changed: both readers
        // accept the same texts and read the same values.
        let texts: Vec<String> = seeds_text()
            .split("\n  {")
            .skip(1)
            .map(|t| format!("{{{}", t.trim_end().trim_end_matches(['\n', ']', ',']).trim_end_matches(',')))
            .collect();
        assert_eq!(texts.len(), 5);
        let mut checked = 0;
        for t in &texts {
            let mut cases = vec![t.clone()];
            for cut in (1..t.len()).step_by(97).filter(|&i| t.is_char_boundary(i)) {
                cases.push(t[..cut].to_string());
                for (from, to) in [("\"", "'"), (":", ","), ("e", "\\"), ("1", "x"), ("[", "{"), ("\"kind\"", "\"kinds\"")] {
                    if t[cut..].starts_with(from) {
                        cases.push(format!("{}{to}{}", &t[..cut], &t[cut + from.len()..]));
                    }
                }
            }
            for case in cases {
                let ours = from_str::<Posting>(&case);
                let theirs = serde_json::from_str::<Posting>(&case);
                assert_eq!(ours.as_ref().ok(), theirs.as_ref().ok(), "{case}\nours: {ours:?}\ntheirs: {theirs:?}");
                checked += 1;
            }
        }
        assert!(checked > 300, "{checked}");
    }
}
