//! Hand-written postings in the styles the extractor meets (Belgian ASBL, Swiss CHF and activity
//! rate, Québec hourly pay and postal code, service civique, call for tenders, volunteering,
//! scraped markdown page, Windows-1252 from Word): the fields a publisher relies on.

use std::path::PathBuf;
use vitrine::ingest::{self, files};
use vitrine::model::{Contract, Country, Currency, Kind, PayPeriod, Posting, Remote, Start};

fn load(name: &str) -> Posting {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(name);
    let text = files::read_text(&p).expect("fixture reads");
    ingest::extract(&text, Some(name)).posting
}

fn place(p: &Posting) -> (Option<&str>, Option<&str>, Option<Country>) {
    let f = p.places.first();
    (f.and_then(|x| x.city.as_deref()), f.and_then(|x| x.postal_code.as_deref()), f.map(|x| x.country))
}

fn pay(p: &Posting) -> (Option<f64>, Option<f64>, Option<PayPeriod>, Currency) {
    let x = p.pay.as_ref().expect("pay");
    (x.min.map(|a| a.as_f64()), x.max.map(|a| a.as_f64()), x.period, x.currency)
}

#[test]
fn belgian_asbl() {
    let p = load("be_liege_animateur.txt");
    assert_eq!(p.title, "Animateur·rice jeunesse");
    assert_eq!(p.organization, "Maison des Jeunes du Laveu");
    assert_eq!((p.kind, p.contract), (Kind::Emploi, Contract::Cdd));
    assert_eq!(place(&p), (Some("Liège"), Some("4000"), Some(Country::BE)));
    assert_eq!(p.hours_per_week, Some(19.0));
    assert_eq!(p.duration_months.map(|d| (d.min, d.max)), Some((6, 6)));
    assert_eq!(p.start, Some(Start::Date("2025-03-01".parse().unwrap())));
    assert_eq!(p.deadline.unwrap().to_string(), "2025-02-14");
    assert_eq!(p.apply.emails, ["emploi@mj-laveu.be"]);
    assert_eq!(p.pay.as_ref().map(|x| (x.min, x.text.as_str())), Some((None, "CP 329.02, échelon 4.1")));
}

#[test]
fn swiss_rate_and_francs() {
    let p = load("ch_geneve_coordination.txt");
    assert_eq!(p.organization, "Association Espace Accueil Migrants");
    assert_eq!(place(&p), (Some("Genève"), None, Some(Country::CH)));
    assert_eq!(pay(&p), (Some(85000.0), Some(95000.0), Some(PayPeriod::Year), Currency::CHF));
    assert_eq!(p.hours_per_week, Some(33.6));
    assert_eq!(p.start, Some(Start::Date("2026-04-01".parse().unwrap())));
    assert_eq!(p.deadline.unwrap().to_string(), "2026-02-15");
    assert!(p.themes.contains(&vitrine::model::Theme::Migrations));
}

#[test]
fn quebec_hourly_pay() {
    let p = load("qc_montreal_intervenant.txt");
    assert_eq!(p.organization, "Le Carrefour des familles du Plateau");
    assert_eq!(place(&p), (Some("Montréal"), Some("H2J 2L3"), Some(Country::CA)));
    assert_eq!(p.places.len(), 1, "the province in brackets is not a second workplace");
    assert_eq!(pay(&p), (Some(24.5), Some(24.5), Some(PayPeriod::Hour), Currency::CAD));
    assert_eq!((p.hours_per_week, p.start), (Some(35.0), Some(Start::Asap)));
    assert_eq!(p.contract, Contract::Cdi);
}

#[test]
fn service_civique() {
    let p = load("service_civique_rennes.txt");
    assert_eq!((p.kind, p.contract), (Kind::ServiceCivique, Contract::ServiceCivique));
    assert_eq!(p.organization, "Ressourcerie La Bricole");
    assert_eq!(place(&p), (Some("Rennes"), Some("35000"), Some(Country::FR)));
    assert_eq!(pay(&p), (Some(619.83), Some(619.83), Some(PayPeriod::Month), Currency::EUR));
    assert_eq!((p.hours_per_week, p.duration_months.map(|d| d.max)), (Some(24.0), Some(8)));
    assert_eq!(p.start, Some(Start::Date("2025-10-01".parse().unwrap())));
    assert_eq!(p.deadline.unwrap().to_string(), "2025-09-15");
}

#[test]
fn call_for_tenders_states_its_budget() {
    let p = load("appel_offres_evaluation.txt");
    assert_eq!((p.kind, p.contract), (Kind::Freelance, Contract::Freelance));
    assert_eq!(p.title, "Évaluation d'impact du programme « Jardins partagés solidaires »");
    assert_eq!(p.organization, "Fondation Terre Vive");
    // The mission's budget is what the provider is offered: a ceiling, with no period.
    let pay = p.pay.as_ref().expect("the budget");
    assert_eq!((pay.min, pay.max.map(|a| a.whole()), pay.period), (None, Some(18_000), None));
    assert_eq!(pay.text, "Le budget maximum de la prestation est de 18 000 € TTC");
    assert_eq!(p.deadline.unwrap().to_string(), "2026-01-12");
}

#[test]
fn volunteering() {
    let p = load("benevolat_marseille.txt");
    assert_eq!((p.kind, p.contract), (Kind::Benevolat, Contract::Benevolat));
    assert_eq!(p.organization, "Secours Solidaire des Quartiers Nord");
    assert_eq!(place(&p), (Some("Marseille"), Some("13013"), Some(Country::FR)));
    assert_eq!(p.hours_per_week, Some(2.0));
    assert!(p.pay.is_none());
    assert_eq!(p.apply.contact.as_deref(), Some("Nadia Benali, coordinatrice bénévolat"));
}

#[test]
fn scraped_markdown_page() {
    let p = load("web_markdown_nantes.txt");
    assert_eq!(p.title, "Chargé·e de communication");
    assert_eq!(p.organization, "Cœur de Ville");
    assert_eq!((p.contract, p.remote), (Contract::Cdi, Some(Remote::Partial)));
    assert_eq!(pay(&p), (Some(30000.0), Some(34000.0), Some(PayPeriod::Year), Currency::EUR));
    assert_eq!(p.published.unwrap().to_string(), "2025-09-03");
    assert_eq!(p.apply.urls, ["https://jobs.coeurdeville.coop/offres/charge-communication"]);
    let text = serde_json::to_string(&p.body).unwrap();
    for junk in ["Skip to content", "Back To Top", "LinkedIn", "Accueil"] {
        assert!(!text.contains(junk), "{junk} left in the body");
    }
}

#[test]
fn windows_1252_from_word() {
    let p = load("cp1252_word.txt");
    assert_eq!(p.title, "Chargé(e) de mission insertion");
    assert_eq!(p.organization, "Association Le Pont");
    assert_eq!(p.pay.as_ref().map(|x| x.text.as_str()), Some("2 300 € brut mensuel"));
    assert!(matches!(&p.body[1], vitrine::model::Block::List { items } if items[0].text == "Accompagner les personnes éloignées de l’emploi"), "{:?}", p.body);
}
