//! A small gazetteer: French départements and regions by postal code, the larger French cities,
//! Belgian cities and provinces (by postal code), Swiss cities and cantons, Québec cities.

use crate::model::Country;
use super::text::WordMap;
use std::sync::OnceLock;

/// French départements: (code, name, region).
pub const FR_DEPARTEMENTS: [(&str, &str, &str); 101] = [
    ("01", "Ain", "Auvergne-Rhône-Alpes"), ("02", "Aisne", "Hauts-de-France"),
    ("03", "Allier", "Auvergne-Rhône-Alpes"), ("04", "Alpes-de-Haute-Provence", "Provence-Alpes-Côte d'Azur"),
    ("05", "Hautes-Alpes", "Provence-Alpes-Côte d'Azur"), ("06", "Alpes-Maritimes", "Provence-Alpes-Côte d'Azur"),
    ("07", "Ardèche", "Auvergne-Rhône-Alpes"), ("08", "Ardennes", "Grand Est"), ("09", "Ariège", "Occitanie"),
    ("10", "Aube", "Grand Est"), ("11", "Aude", "Occitanie"), ("12", "Aveyron", "Occitanie"),
    ("13", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur"), ("14", "Calvados", "Normandie"),
    ("15", "Cantal", "Auvergne-Rhône-Alpes"), ("16", "Charente", "Nouvelle-Aquitaine"),
    ("17", "Charente-Maritime", "Nouvelle-Aquitaine"), ("18", "Cher", "Centre-Val de Loire"),
    ("19", "Corrèze", "Nouvelle-Aquitaine"), ("2A", "Corse-du-Sud", "Corse"), ("2B", "Haute-Corse", "Corse"),
    ("21", "Côte-d'Or", "Bourgogne-Franche-Comté"), ("22", "Côtes-d'Armor", "Bretagne"),
    ("23", "Creuse", "Nouvelle-Aquitaine"), ("24", "Dordogne", "Nouvelle-Aquitaine"),
    ("25", "Doubs", "Bourgogne-Franche-Comté"), ("26", "Drôme", "Auvergne-Rhône-Alpes"), ("27", "Eure", "Normandie"),
    ("28", "Eure-et-Loir", "Centre-Val de Loire"), ("29", "Finistère", "Bretagne"), ("30", "Gard", "Occitanie"),
    ("31", "Haute-Garonne", "Occitanie"), ("32", "Gers", "Occitanie"), ("33", "Gironde", "Nouvelle-Aquitaine"),
    ("34", "Hérault", "Occitanie"), ("35", "Ille-et-Vilaine", "Bretagne"), ("36", "Indre", "Centre-Val de Loire"),
    ("37", "Indre-et-Loire", "Centre-Val de Loire"), ("38", "Isère", "Auvergne-Rhône-Alpes"),
    ("39", "Jura", "Bourgogne-Franche-Comté"), ("40", "Landes", "Nouvelle-Aquitaine"),
    ("41", "Loir-et-Cher", "Centre-Val de Loire"), ("42", "Loire", "Auvergne-Rhône-Alpes"),
    ("43", "Haute-Loire", "Auvergne-Rhône-Alpes"), ("44", "Loire-Atlantique", "Pays de la Loire"),
    ("45", "Loiret", "Centre-Val de Loire"), ("46", "Lot", "Occitanie"), ("47", "Lot-et-Garonne", "Nouvelle-Aquitaine"),
    ("48", "Lozère", "Occitanie"), ("49", "Maine-et-Loire", "Pays de la Loire"), ("50", "Manche", "Normandie"),
    ("51", "Marne", "Grand Est"), ("52", "Haute-Marne", "Grand Est"), ("53", "Mayenne", "Pays de la Loire"),
    ("54", "Meurthe-et-Moselle", "Grand Est"), ("55", "Meuse", "Grand Est"), ("56", "Morbihan", "Bretagne"),
    ("57", "Moselle", "Grand Est"), ("58", "Nièvre", "Bourgogne-Franche-Comté"), ("59", "Nord", "Hauts-de-France"),
    ("60", "Oise", "Hauts-de-France"), ("61", "Orne", "Normandie"), ("62", "Pas-de-Calais", "Hauts-de-France"),
    ("63", "Puy-de-Dôme", "Auvergne-Rhône-Alpes"), ("64", "Pyrénées-Atlantiques", "Nouvelle-Aquitaine"),
    ("65", "Hautes-Pyrénées", "Occitanie"), ("66", "Pyrénées-Orientales", "Occitanie"), ("67", "Bas-Rhin", "Grand Est"),
    ("68", "Haut-Rhin", "Grand Est"), ("69", "Rhône", "Auvergne-Rhône-Alpes"),
    ("70", "Haute-Saône", "Bourgogne-Franche-Comté"), ("71", "Saône-et-Loire", "Bourgogne-Franche-Comté"),
    ("72", "Sarthe", "Pays de la Loire"), ("73", "Savoie", "Auvergne-Rhône-Alpes"),
    ("74", "Haute-Savoie", "Auvergne-Rhône-Alpes"), ("75", "Paris", "Île-de-France"),
    ("76", "Seine-Maritime", "Normandie"), ("77", "Seine-et-Marne", "Île-de-France"), ("78", "Yvelines", "Île-de-France"),
    ("79", "Deux-Sèvres", "Nouvelle-Aquitaine"), ("80", "Somme", "Hauts-de-France"), ("81", "Tarn", "Occitanie"),
    ("82", "Tarn-et-Garonne", "Occitanie"), ("83", "Var", "Provence-Alpes-Côte d'Azur"),
    ("84", "Vaucluse", "Provence-Alpes-Côte d'Azur"), ("85", "Vendée", "Pays de la Loire"),
    ("86", "Vienne", "Nouvelle-Aquitaine"), ("87", "Haute-Vienne", "Nouvelle-Aquitaine"), ("88", "Vosges", "Grand Est"),
    ("89", "Yonne", "Bourgogne-Franche-Comté"), ("90", "Territoire de Belfort", "Bourgogne-Franche-Comté"),
    ("91", "Essonne", "Île-de-France"), ("92", "Hauts-de-Seine", "Île-de-France"),
    ("93", "Seine-Saint-Denis", "Île-de-France"), ("94", "Val-de-Marne", "Île-de-France"),
    ("95", "Val-d'Oise", "Île-de-France"), ("971", "Guadeloupe", "Guadeloupe"), ("972", "Martinique", "Martinique"),
    ("973", "Guyane", "Guyane"), ("974", "La Réunion", "La Réunion"),
    ("976", "Mayotte", "Mayotte"),
];

/// French cities: (name, main postal code). The département comes from the code.
const FR_CITIES: [(&str, &str); 154] = [
    ("Paris", "75000"), ("Marseille", "13000"), ("Lyon", "69000"), ("Toulouse", "31000"), ("Nice", "06000"),
    ("Nantes", "44000"), ("Montpellier", "34000"), ("Strasbourg", "67000"), ("Bordeaux", "33000"), ("Lille", "59000"),
    ("Rennes", "35000"), ("Reims", "51100"), ("Toulon", "83000"), ("Saint-Étienne", "42000"), ("Le Havre", "76600"),
    ("Grenoble", "38000"), ("Dijon", "21000"), ("Angers", "49000"), ("Villeurbanne", "69100"), ("Nîmes", "30000"),
    ("Clermont-Ferrand", "63000"), ("Le Mans", "72000"), ("Aix-en-Provence", "13100"), ("Brest", "29200"),
    ("Tours", "37000"), ("Amiens", "80000"), ("Limoges", "87000"), ("Annecy", "74000"), ("Perpignan", "66000"),
    ("Boulogne-Billancourt", "92100"), ("Metz", "57000"), ("Besançon", "25000"), ("Orléans", "45000"),
    ("Saint-Denis", "93200"), ("Argenteuil", "95100"), ("Rouen", "76000"), ("Montreuil", "93100"), ("Mulhouse", "68100"),
    ("Caen", "14000"), ("Nancy", "54000"), ("Tourcoing", "59200"), ("Roubaix", "59100"), ("Nanterre", "92000"),
    ("Vitry-sur-Seine", "94400"), ("Avignon", "84000"), ("Créteil", "94000"), ("Dunkerque", "59140"),
    ("Poitiers", "86000"), ("Asnières-sur-Seine", "92600"), ("Versailles", "78000"), ("Colombes", "92700"),
    ("Aubervilliers", "93300"), ("Aulnay-sous-Bois", "93600"), ("Courbevoie", "92400"), ("Cherbourg-en-Cotentin", "50100"),
    ("Rueil-Malmaison", "92500"), ("Pau", "64000"), ("Champigny-sur-Marne", "94500"), ("Béziers", "34500"),
    ("La Rochelle", "17000"), ("Saint-Maur-des-Fossés", "94100"), ("Calais", "62100"), ("Cannes", "06400"),
    ("Antibes", "06600"), ("Drancy", "93700"), ("Ajaccio", "20000"), ("Mérignac", "33700"), ("Saint-Nazaire", "44600"),
    ("Colmar", "68000"), ("Issy-les-Moulineaux", "92130"), ("Noisy-le-Grand", "93160"), ("Évry-Courcouronnes", "91000"),
    ("Vénissieux", "69200"), ("Cergy", "95000"), ("Levallois-Perret", "92300"), ("Valence", "26000"),
    ("Bourges", "18000"), ("Pessac", "33600"), ("Cayenne", "97300"), ("Ivry-sur-Seine", "94200"), ("Quimper", "29000"),
    ("La Seyne-sur-Mer", "83500"), ("Antony", "92160"), ("Troyes", "10000"), ("Clichy", "92110"),
    ("Villeneuve-d'Ascq", "59650"), ("Montauban", "82000"), ("Pantin", "93500"), ("Chambéry", "73000"),
    ("Niort", "79000"), ("Sarcelles", "95200"), ("Le Blanc-Mesnil", "93150"), ("Lorient", "56100"),
    ("Beauvais", "60000"), ("Maisons-Alfort", "94700"), ("Meaux", "77100"), ("Narbonne", "11100"), ("Chelles", "77500"),
    ("Hyères", "83400"), ("Bobigny", "93000"), ("Vannes", "56000"), ("La Roche-sur-Yon", "85000"),
    ("Saint-Quentin", "02100"), ("Arles", "13200"), ("Laval", "53000"), ("Bayonne", "64100"), ("Angoulême", "16000"),
    ("Saint-Malo", "35400"), ("Belfort", "90000"), ("Évreux", "27000"), ("Blois", "41000"), ("Brive-la-Gaillarde", "19100"),
    ("Carcassonne", "11000"), ("Chartres", "28000"), ("Châteauroux", "36000"), ("Albi", "81000"), ("Tarbes", "65000"),
    ("Saint-Brieuc", "22000"), ("Charleville-Mézières", "08000"), ("Châlons-en-Champagne", "51000"),
    ("Auxerre", "89000"), ("Nevers", "58000"), ("Mâcon", "71000"), ("Chalon-sur-Saône", "71100"), ("Gap", "05000"),
    ("Digne-les-Bains", "04000"), ("Agen", "47000"), ("Périgueux", "24000"), ("Mont-de-Marsan", "40000"),
    ("Rodez", "12000"), ("Cahors", "46000"), ("Aurillac", "15000"), ("Le Puy-en-Velay", "43000"), ("Montluçon", "03100"),
    ("Vichy", "03200"), ("Moulins", "03000"), ("Épinal", "88000"), ("Bar-le-Duc", "55000"), ("Thionville", "57100"),
    ("Arras", "62000"), ("Lens", "62300"), ("Douai", "59500"), ("Valenciennes", "59300"), ("Compiègne", "60200"),
    ("Saint-Denis de La Réunion", "97400"), ("Fort-de-France", "97200"), ("Pointe-à-Pitre", "97110"),
    ("Bastia", "20200"), ("Alès", "30100"), ("Sète", "34200"), ("Bègles", "33130"), ("Grigny", "91350"),
    ("Marcq-en-Barœul", "59700"), ("Lanester", "56600"),
];

/// Belgian cities: (name, postal code).
const BE_CITIES: [(&str, &str); 66] = [
    ("Bruxelles", "1000"), ("Ixelles", "1050"), ("Etterbeek", "1040"), ("Schaerbeek", "1030"),
    ("Saint-Josse-ten-Noode", "1210"), ("Anderlecht", "1070"), ("Molenbeek-Saint-Jean", "1080"), ("Molenbeek", "1080"),
    ("Saint-Gilles", "1060"), ("Forest", "1190"), ("Uccle", "1180"), ("Jette", "1090"), ("Koekelberg", "1081"),
    ("Evere", "1140"), ("Auderghem", "1160"), ("Watermael-Boitsfort", "1170"), ("Woluwe-Saint-Lambert", "1200"),
    ("Woluwe-Saint-Pierre", "1150"), ("Laeken", "1020"), ("Ganshoren", "1083"), ("Berchem-Sainte-Agathe", "1082"),
    ("Liège", "4000"), ("Namur", "5000"), ("Charleroi", "6000"), ("Mons", "7000"), ("La Louvière", "7100"),
    ("Tournai", "7500"), ("Mouscron", "7700"), ("Verviers", "4800"), ("Seraing", "4100"), ("Herstal", "4040"),
    ("Wavre", "1300"), ("Nivelles", "1400"), ("Ottignies", "1340"), ("Louvain-la-Neuve", "1348"),
    ("Braine-l'Alleud", "1420"), ("Waterloo", "1410"), ("Gembloux", "5030"), ("Dinant", "5500"), ("Huy", "4500"),
    ("Arlon", "6700"), ("Bastogne", "6600"), ("Marche-en-Famenne", "6900"), ("Libramont", "6800"), ("Ath", "7800"),
    ("Soignies", "7060"), ("Binche", "7130"), ("Eupen", "4700"), ("Spa", "4900"), ("Andenne", "5300"),
    ("Ciney", "5590"), ("Philippeville", "5600"), ("Chimay", "6460"), ("Virton", "6760"), ("Thuin", "6530"),
    ("Waremme", "4300"), ("Visé", "4600"), ("Anvers", "2000"), ("Gand", "9000"), ("Bruges", "8000"),
    ("Louvain", "3000"), ("Malines", "2800"), ("Hasselt", "3500"), ("Courtrai", "8500"), ("Ostende", "8400"),
    ("Brussels", "1000"),
];

/// Swiss cities: (name, postal code, canton).
const CH_CITIES: [(&str, &str, &str); 34] = [
    ("Genève", "1200", "Genève"), ("Lausanne", "1000", "Vaud"), ("Neuchâtel", "2000", "Neuchâtel"),
    ("Fribourg", "1700", "Fribourg"), ("Sion", "1950", "Valais"), ("Berne", "3000", "Berne"), ("Zurich", "8000", "Zurich"),
    ("Bâle", "4000", "Bâle-Ville"), ("Bienne", "2500", "Berne"), ("La Chaux-de-Fonds", "2300", "Neuchâtel"),
    ("Yverdon-les-Bains", "1400", "Vaud"), ("Montreux", "1820", "Vaud"), ("Vevey", "1800", "Vaud"),
    ("Nyon", "1260", "Vaud"), ("Morges", "1110", "Vaud"), ("Renens", "1020", "Vaud"), ("Delémont", "2800", "Jura"),
    ("Porrentruy", "2900", "Jura"), ("Martigny", "1920", "Valais"), ("Monthey", "1870", "Valais"),
    ("Sierre", "3960", "Valais"), ("Carouge", "1227", "Genève"), ("Vernier", "1214", "Genève"), ("Lancy", "1212", "Genève"),
    ("Meyrin", "1217", "Genève"), ("Onex", "1213", "Genève"), ("Lugano", "6900", "Tessin"), ("Bulle", "1630", "Fribourg"),
    ("Lucerne", "6000", "Lucerne"), ("Le Locle", "2400", "Neuchâtel"), ("Bellinzone", "6500", "Tessin"),
    ("Saint-Imier", "2610", "Berne"), ("Moutier", "2740", "Berne"), ("Pully", "1009", "Vaud"),
];

/// Cities whose commune has a single postal code, so the code can be given when only the name
/// is written (big cities have several and get none).
const UNIQUE_CODE: [&str; 110] = [
    "Villeurbanne", "Vénissieux", "Montreuil", "Aubervilliers", "Nanterre", "Boulogne-Billancourt", "Vitry-sur-Seine",
    "Créteil", "Argenteuil", "Versailles", "Pantin", "Bobigny", "Drancy", "Ivry-sur-Seine", "Colombes", "Courbevoie",
    "Issy-les-Moulineaux", "Levallois-Perret", "Antony", "Clichy", "Sarcelles", "Maisons-Alfort", "Champigny-sur-Marne",
    "Asnières-sur-Seine", "Rueil-Malmaison", "Aulnay-sous-Bois", "Noisy-le-Grand", "Le Blanc-Mesnil", "Bègles", "Pessac",
    "Mérignac", "Grigny", "Lanester", "Marcq-en-Barœul", "Roubaix", "Tourcoing", "Chelles", "Meaux", "Hyères", "Sète",
    "Alès", "Vichy", "Moulins", "Montluçon", "Narbonne", "Gap", "Digne-les-Bains", "Cahors", "Rodez", "Auxerre", "Nevers",
    "Mâcon", "Évreux", "Blois", "Chartres", "Laval", "Quimper", "Vannes", "Lorient", "Saint-Malo", "Épinal", "Bar-le-Duc",
    "Thionville", "Douai", "Arras", "Lens", "Calais", "Beauvais", "Compiègne", "Agen", "Périgueux", "Mont-de-Marsan",
    "Aurillac", "Albi", "Tarbes", "Belfort", "Niort", "Troyes", "Colmar", "Châteauroux", "Chambéry", "Valence",
    "Ixelles", "Etterbeek", "Schaerbeek", "Saint-Josse-ten-Noode", "Anderlecht", "Molenbeek-Saint-Jean", "Saint-Gilles",
    "Forest", "Uccle", "Jette", "Koekelberg", "Evere", "Auderghem", "Watermael-Boitsfort", "Woluwe-Saint-Lambert",
    "Woluwe-Saint-Pierre", "Ganshoren", "Berchem-Sainte-Agathe", "Wavre", "Nivelles", "Louvain-la-Neuve", "Waterloo",
    "Braine-l'Alleud", "Carouge", "Vernier", "Lancy", "Meyrin", "Onex",
];

/// True when the city's commune has a single postal code (see `UNIQUE_CODE`).
pub fn has_unique_code(name: &str) -> bool {
    UNIQUE_CODE.contains(&name)
}

/// Québec and other Canadian cities: (name, province).
const CA_CITIES: [(&str, &str); 14] = [
    ("Montréal", "Québec"), ("Québec", "Québec"), ("Laval", "Québec"), ("Gatineau", "Québec"), ("Longueuil", "Québec"),
    ("Sherbrooke", "Québec"), ("Saguenay", "Québec"), ("Lévis", "Québec"), ("Trois-Rivières", "Québec"),
    ("Terrebonne", "Québec"), ("Rimouski", "Québec"), ("Ottawa", "Ontario"), ("Toronto", "Ontario"), ("Moncton", "Nouveau-Brunswick"),
];

/// Swiss cantons (names as written in French).
pub const CH_CANTONS: [&str; 26] = [
    "Genève", "Vaud", "Valais", "Neuchâtel", "Fribourg", "Jura", "Berne", "Zurich", "Bâle-Ville", "Bâle-Campagne",
    "Tessin", "Lucerne", "Argovie", "Thurgovie", "Saint-Gall", "Grisons", "Soleure", "Schwytz", "Zoug", "Uri",
    "Obwald", "Nidwald", "Glaris", "Schaffhouse", "Appenzell Rhodes-Extérieures", "Appenzell Rhodes-Intérieures",
];

/// A known place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct City {
    pub name: &'static str,
    pub postal_code: Option<&'static str>,
    pub department: Option<&'static str>,
    pub region: Option<&'static str>,
    pub country: Country,
}

/// Cities that are also common words or street names; they need stronger evidence.
pub const AMBIGUOUS: [&str; 14] = [
    "tours", "nice", "mons", "forest", "laval", "valence", "lens", "spa", "ath", "gap", "sion", "bulle", "huy", "agen",
];

fn fr_dept_of_code(code: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    if code.len() != 5 {
        return None;
    }
    let key = if code.starts_with("97") {
        &code[..3]
    } else if code.starts_with("20") {
        let n: u32 = code.parse().ok()?;
        if n < 20200 { "2A" } else { "2B" }
    } else {
        &code[..2]
    };
    FR_DEPARTEMENTS.iter().find(|d| d.0 == key)
}

/// Département and region of a French postal code.
pub fn fr_department(code: &str) -> Option<(&'static str, &'static str)> {
    fr_dept_of_code(code).map(|d| (d.1, d.2))
}

/// Département and region by département number ("69", "2A").
pub fn fr_department_by_number(n: &str) -> Option<(&'static str, &'static str)> {
    FR_DEPARTEMENTS.iter().find(|d| d.0 == n).map(|d| (d.1, d.2))
}

/// Province and region of a Belgian postal code.
pub fn be_province(code: &str) -> Option<(&'static str, &'static str)> {
    let n: u32 = code.parse().ok()?;
    Some(match n {
        // Brussels belongs to no province.
        1000..=1299 => ("", "Bruxelles-Capitale"),
        1300..=1499 => ("Brabant wallon", "Wallonie"),
        1500..=1999 | 3000..=3499 => ("Brabant flamand", "Flandre"),
        2000..=2999 => ("Anvers", "Flandre"),
        3500..=3999 => ("Limbourg", "Flandre"),
        4000..=4999 => ("Liège", "Wallonie"),
        5000..=5999 => ("Namur", "Wallonie"),
        6000..=6599 | 7000..=7999 => ("Hainaut", "Wallonie"),
        6600..=6999 => ("Luxembourg", "Wallonie"),
        8000..=8999 => ("Flandre-Occidentale", "Flandre"),
        9000..=9999 => ("Flandre-Orientale", "Flandre"),
        _ => return None,
    })
}

fn all_cities() -> Vec<City> {
    let mut v = Vec::new();
    for (name, code) in FR_CITIES {
        let d = fr_department(code);
        v.push(City { name, postal_code: Some(code), department: d.map(|d| d.0), region: d.map(|d| d.1), country: Country::FR });
    }
    for (name, code) in BE_CITIES {
        let p = be_province(code);
        v.push(City { name, postal_code: Some(code), department: p.map(|p| p.0), region: p.map(|p| p.1), country: Country::BE });
    }
    for (name, code, canton) in CH_CITIES {
        v.push(City { name, postal_code: Some(code), department: Some(canton), region: None, country: Country::CH });
    }
    for (name, prov) in CA_CITIES {
        v.push(City { name, postal_code: None, department: None, region: Some(prov), country: Country::CA });
    }
    v
}

/// Known cities by the folded form of their first word; each entry lists (folded full name, city).
pub fn by_first_word() -> &'static WordMap<String, Vec<(String, City)>> {
    static MAP: OnceLock<WordMap<String, Vec<(String, City)>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: WordMap<String, Vec<(String, City)>> = WordMap::default();
        for c in all_cities() {
            let f = super::text::fold(c.name);
            let first = f.split(|ch: char| !ch.is_ascii_alphanumeric()).next().unwrap_or("").to_string();
            m.entry(first).or_default().push((f, c));
        }
        // Longer names first, so "saint-denis de la reunion" wins over "saint-denis".
        for v in m.values_mut() {
            v.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        }
        m
    })
}

/// Looks a city up by (folded) name, preferring `country` when a name exists in several.
pub fn lookup(name_fold: &str, country: Option<Country>) -> Option<City> {
    let first = name_fold.split(|ch: char| !ch.is_ascii_alphanumeric()).next()?;
    let list = by_first_word().get(first)?;
    let mut found = list.iter().filter(|(f, _)| f == name_fold).map(|(_, c)| *c);
    let all: Vec<City> = found.by_ref().collect();
    all.iter().find(|c| Some(c.country) == country).or(all.first()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departments_and_provinces() {
        assert_eq!(fr_department("69009"), Some(("Rhône", "Auvergne-Rhône-Alpes")));
        assert_eq!(fr_department("20090"), Some(("Corse-du-Sud", "Corse")));
        assert_eq!(fr_department("97400"), Some(("La Réunion", "La Réunion")));
        assert_eq!(be_province("1050"), Some(("", "Bruxelles-Capitale")));
        assert_eq!(be_province("4000"), Some(("Liège", "Wallonie")));
    }

    #[test]
    fn looks_cities_up() {
        let l = lookup("lyon", None).unwrap();
        assert_eq!((l.country, l.department), (Country::FR, Some("Rhône")));
        assert_eq!(lookup("bruxelles", None).unwrap().country, Country::BE);
        assert_eq!(lookup("geneve", None).unwrap().department, Some("Genève"));
        assert_eq!(lookup("montreal", None).unwrap().country, Country::CA);
        assert_eq!(lookup("laval", Some(Country::CA)).unwrap().country, Country::CA);
        assert_eq!(lookup("laval", Some(Country::FR)).unwrap().country, Country::FR);
        assert!(lookup("trifouillis", None).is_none());
    }
}
