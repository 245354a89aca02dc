//! Facet tables: for each facet, its distinct values (key, display order, parent country for
//! cities) and each posting's value ids, precomputed once so a search only counts integers.

use super::fold::fold;
use super::index::Map;
use super::query::Facet;
use crate::model::{Country, Posting};

/// Sort labels giving the length buckets their order.
const RANKS: [&str; 5] = ["a", "b", "c", "d", "e"];

/// The values of one facet and which postings have which.
#[derive(Debug, Default)]
pub struct FacetTable {
    /// Value keys, by value id.
    pub keys: Vec<String>,
    /// For regions and cities: the country of the value (first seen); `None` elsewhere.
    pub parents: Vec<Option<Country>>,
    /// Position of each value when sorted by folded label (ties broken by key).
    pub label_rank: Vec<u32>,
    /// Value ids sorted by key, for looking keys up.
    by_key: Vec<u32>,
    /// Posting `i`'s value ids are `values[starts[i]..starts[i+1]]`, distinct.
    starts: Vec<u32>,
    values: Vec<u32>,
}

impl FacetTable {
    /// Builds the table of `facet` over `postings`.
    pub fn build(facet: Facet, postings: &[Posting]) -> FacetTable {
        let mut t = FacetTable { starts: vec![0], ..Default::default() };
        // Keyed like the text index's map (`Box<str>`), so both share one compiled copy.
        let mut ids: Map<Box<str>, u32> = Map::default();
        let mut labels: Vec<String> = Vec::new();
        let mut add = |t: &mut FacetTable, key: &str, label: &str, parent: Option<Country>, first: usize| {
            let id = match ids.get(key) {
                Some(&id) => id,
                None => {
                    let id = t.keys.len() as u32;
                    ids.insert(key.into(), id);
                    t.keys.push(key.to_string());
                    t.parents.push(parent);
                    labels.push(fold(label));
                    id
                }
            };
            if !t.values[first..].contains(&id) {
                t.values.push(id);
            }
        };
        for p in postings {
            let first = t.values.len();
            match facet {
                Facet::Kind => add(&mut t, p.kind.key(), p.kind.label(), None, first),
                Facet::Contract => add(&mut t, p.contract.key(), p.contract.label(), None, first),
                Facet::Remote => {
                    // Only offers that say how much remote work they allow are counted.
                    if let Some(r) = p.remote {
                        add(&mut t, r.key(), r.label(), None, first)
                    }
                }
                Facet::Country => {
                    for place in &p.places {
                        add(&mut t, place.country.key(), place.country.label(), None, first);
                    }
                }
                Facet::Length => {
                    // Labelled by rank, so the buckets keep their order (shortest first).
                    for l in super::length::of(p) {
                        add(&mut t, l.key(), RANKS[l as usize], None, first);
                    }
                }
                Facet::Start => {
                    // Labelled so that "asap" comes first, then the months in order.
                    if let Some(v) = super::start::value_of(p) {
                        let label = if v == super::start::ASAP { " " } else { v.as_str() };
                        add(&mut t, &v, label, None, first);
                    }
                }
                Facet::Pay => {
                    let v = super::pay::value_of(p);
                    add(&mut t, &v, &super::pay::sort_label(&v), None, first);
                }
                Facet::Region => {
                    for place in &p.places {
                        if let Some(region) = super::regions::region_of(place) {
                            add(&mut t, region, region, Some(place.country), first);
                        }
                    }
                }
                Facet::City => {
                    for place in &p.places {
                        if let Some(city) = place.city.as_deref().filter(|c| !c.trim().is_empty()) {
                            add(&mut t, city, city, Some(place.country), first);
                        }
                    }
                }
                Facet::Theme => {
                    for theme in &p.themes {
                        add(&mut t, theme.key(), theme.label(), None, first);
                    }
                }
                Facet::Organization => {
                    if !p.organization.trim().is_empty() {
                        add(&mut t, &p.organization, &p.organization, None, first);
                    }
                }
            }
            t.starts.push(t.values.len() as u32);
        }
        let n = t.keys.len() as u32;
        let mut order: Vec<u32> = (0..n).collect();
        super::order::sort_ids(&mut order, &|a, b| {
            let (a, b) = (a as usize, b as usize);
            labels[a].cmp(&labels[b]).then_with(|| t.keys[a].cmp(&t.keys[b]))
        });
        t.label_rank = vec![0; n as usize];
        for (r, &v) in order.iter().enumerate() {
            t.label_rank[v as usize] = r as u32;
        }
        t.by_key = (0..n).collect();
        super::order::sort_ids(&mut t.by_key, &|a, b| t.keys[a as usize].cmp(&t.keys[b as usize]));
        t
    }

    /// Number of distinct values.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// The value id of `key`, if some posting has it.
    pub fn find(&self, key: &str) -> Option<u32> {
        let i = self.by_key.partition_point(|&v| self.keys[v as usize].as_str() < key);
        self.by_key.get(i).copied().filter(|&v| self.keys[v as usize] == key)
    }

    /// The distinct value ids of posting `id`.
    pub fn of(&self, id: usize) -> &[u32] {
        &self.values[self.starts[id] as usize..self.starts[id + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Kind, Place, Theme};

    fn posting(kind: Kind, places: &[(&str, Country)], themes: &[Theme], org: &str) -> Posting {
        let mut p: Posting =
            serde_json::from_str(r#"{"id":"x","kind":"emploi","title":"t","organization":""}"#).unwrap();
        p.kind = kind;
        p.organization = org.into();
        p.themes = themes.to_vec();
        p.places = places
            .iter()
            .map(|&(city, country)| Place {
                city: (!city.is_empty()).then(|| city.to_string()),
                postal_code: None,
                department: None,
                region: None,
                country,
            })
            .collect();
        p
    }

    #[test]
    fn values_are_distinct_per_posting() {
        let ps = [
            posting(Kind::Stage, &[("Lyon", Country::FR), ("Lyon", Country::FR), ("Genève", Country::CH)], &[], "A"),
            posting(Kind::Emploi, &[("", Country::BE)], &[Theme::Ess, Theme::Sante], "  "),
        ];
        let city = FacetTable::build(Facet::City, &ps);
        assert_eq!(city.keys, ["Lyon", "Genève"]);
        assert_eq!(city.parents, [Some(Country::FR), Some(Country::CH)]);
        assert_eq!(city.of(0), [0, 1]);
        assert_eq!(city.of(1), [] as [u32; 0]);
        let country = FacetTable::build(Facet::Country, &ps);
        assert_eq!(country.keys, ["FR", "CH", "BE"]);
        assert_eq!(country.of(0), [0, 1]);
        let org = FacetTable::build(Facet::Organization, &ps);
        assert_eq!(org.keys, ["A"]);
        let theme = FacetTable::build(Facet::Theme, &ps);
        assert_eq!(theme.keys, ["ess", "sante"]);
        assert_eq!(theme.find("sante"), Some(1));
        assert_eq!(theme.find("santé"), None);
        assert_eq!(theme.find(""), None);
    }

    #[test]
    fn label_rank_folds_accents() {
        let ps = [
            posting(Kind::Emploi, &[("Évry", Country::FR)], &[], "b"),
            posting(Kind::Emploi, &[("Zurich", Country::CH)], &[], "a"),
            posting(Kind::Emploi, &[("Dijon", Country::FR)], &[], "c"),
        ];
        let city = FacetTable::build(Facet::City, &ps);
        // Dijon < Évry < Zurich, although "É" sorts after "Z" byte-wise.
        assert_eq!(city.label_rank, [1, 2, 0]);
    }
}
