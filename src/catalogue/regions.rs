//! The area a workplace is in, for the "Région" filter: the région in France, the province in
//! Belgium (the Brussels-Capital Region, which has none, by its région), the canton in
//! Switzerland and the province in Canada, read from the fields the records hold (`department`,
//! `region`, filled by `vitrine ingest` from the postal code and its gazetteer).

use crate::model::{Country, Place};

/// The area of `place` shown in the region filter, if the record names one.
pub fn region_of(place: &Place) -> Option<&str> {
    let (dept, region) = (named(&place.department), named(&place.region));
    match place.country {
        Country::FR | Country::CA => region,
        Country::BE | Country::CH => dept.or(region),
    }
}

/// The trimmed name, when there is one.
fn named(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(country: Country, department: Option<&str>, region: Option<&str>) -> Place {
        Place {
            city: None,
            postal_code: None,
            department: department.map(Into::into),
            region: region.map(Into::into),
            country,
        }
    }

    #[test]
    fn each_country_by_its_own_area() {
        let fr = place(Country::FR, Some("Rhône"), Some("Auvergne-Rhône-Alpes"));
        assert_eq!(region_of(&fr), Some("Auvergne-Rhône-Alpes"));
        assert_eq!(region_of(&place(Country::FR, Some("Rhône"), None)), None, "a département alone is no région");
        let liege = place(Country::BE, Some("Liège"), Some("Wallonie"));
        assert_eq!(region_of(&liege), Some("Liège"));
        // Brussels is in no province: ingest writes an empty one, or none.
        assert_eq!(region_of(&place(Country::BE, Some(""), Some("Bruxelles-Capitale"))), Some("Bruxelles-Capitale"));
        assert_eq!(region_of(&place(Country::BE, None, Some("Bruxelles-Capitale"))), Some("Bruxelles-Capitale"));
        assert_eq!(region_of(&place(Country::CH, Some("Vaud"), None)), Some("Vaud"));
        assert_eq!(region_of(&place(Country::CA, None, Some("Québec"))), Some("Québec"));
        assert_eq!(region_of(&place(Country::CA, None, Some("  "))), None);
    }

    #[test]
    fn agrees_with_what_ingest_writes() {
        // The gazetteer's own tables give the fields; each country's area is the expected one.
        use crate::ingest::gazetteer::{be_province, fr_department, lookup};
        let (d, r) = fr_department("69009").unwrap();
        assert_eq!(region_of(&place(Country::FR, Some(d), Some(r))), Some("Auvergne-Rhône-Alpes"));
        for (code, want) in [("1050", "Bruxelles-Capitale"), ("4000", "Liège"), ("1348", "Brabant wallon"), ("9000", "Flandre-Orientale")] {
            let (prov, reg) = be_province(code).unwrap();
            assert_eq!(region_of(&place(Country::BE, Some(prov), Some(reg))), Some(want), "{code}");
        }
        for (name, country, want) in [("geneve", Country::CH, "Genève"), ("montreal", Country::CA, "Québec"), ("toronto", Country::CA, "Ontario")] {
            let c = lookup(name, Some(country)).unwrap();
            let p = place(c.country, c.department, c.region);
            assert_eq!(region_of(&p), Some(want), "{name}");
        }
    }
}
