//! Kind of offer and contract: CDI, CDD (remplacement, intérim), stage, alternance/apprentissage/
//! contrat de professionnalisation, service civique, bénévolat, freelance/prestation/appel d'offres,
//! and funded-project pages, weighed by where the cue appears (title, labels, conditions, body).

use super::text::Cues;
use std::sync::OnceLock;
use super::Ctx;
use super::sections::Section;
use crate::model::{Contract, Kind};

/// (folded cue, contract, weight, needs a strong place: title, label or top of the text)
const CUES: [(&str, Contract, f32, bool); 62] = [
    ("cddi", Contract::Cdd, 3.0, false),
    ("cdd d'insertion", Contract::Cdd, 2.0, false),
    ("parcours emploi competences", Contract::Cdd, 2.0, false),
    ("contrat aide", Contract::Cdd, 2.0, false),
    ("contrat d'engagement educatif", Contract::Cdd, 2.0, false),
    ("poste permanent", Contract::Cdi, 2.0, false),
    ("emploi permanent", Contract::Cdi, 2.0, false),
    ("cdi", Contract::Cdi, 3.0, false),
    ("contrat a duree indeterminee", Contract::Cdi, 3.0, false),
    ("duree indeterminee", Contract::Cdi, 2.0, false),
    ("cdd", Contract::Cdd, 3.0, false),
    ("contrat a duree determinee", Contract::Cdd, 3.0, false),
    ("duree determinee", Contract::Cdd, 2.0, false),
    ("cdd de remplacement", Contract::Cdd, 1.0, false),
    ("remplacement", Contract::Cdd, 0.6, false),
    ("interim", Contract::Cdd, 2.0, false),
    ("interimaire", Contract::Cdd, 2.0, false),
    ("contrat de mission", Contract::Cdd, 1.0, false),
    ("cdd d'usage", Contract::Cdd, 1.0, false),
    ("stage", Contract::Stage, 2.0, false),
    ("offre de stage", Contract::Stage, 3.0, false),
    ("stagiaire", Contract::Stage, 1.5, false),
    ("convention de stage", Contract::Stage, 2.0, false),
    ("gratification", Contract::Stage, 1.0, false),
    ("alternance", Contract::Alternance, 3.0, false),
    ("en alternance", Contract::Alternance, 1.0, false),
    ("apprentissage", Contract::Alternance, 3.0, false),
    ("contrat d'apprentissage", Contract::Alternance, 2.0, false),
    ("apprenti", Contract::Alternance, 2.0, false),
    ("contrat de professionnalisation", Contract::Alternance, 3.0, false),
    ("contrat pro", Contract::Alternance, 2.0, false),
    ("service civique", Contract::ServiceCivique, 4.0, false),
    ("volontariat", Contract::ServiceCivique, 2.0, false),
    ("volontaire", Contract::ServiceCivique, 1.0, true),
    ("engagement de service civique", Contract::ServiceCivique, 2.0, false),
    ("benevolat", Contract::Benevolat, 3.0, true),
    ("benevole", Contract::Benevolat, 2.0, true),
    ("mission benevole", Contract::Benevolat, 3.0, false),
    ("poste benevole", Contract::Benevolat, 3.0, false),
    ("recherche des benevoles", Contract::Benevolat, 3.0, false),
    ("cherche des benevoles", Contract::Benevolat, 3.0, false),
    ("appel a benevoles", Contract::Benevolat, 3.0, false),
    ("benevoles", Contract::Benevolat, 2.0, true),
    ("engagement benevole", Contract::Benevolat, 3.0, false),
    ("freelance", Contract::Freelance, 3.0, false),
    ("free-lance", Contract::Freelance, 3.0, false),
    ("prestation", Contract::Freelance, 2.0, true),
    ("prestataire", Contract::Freelance, 2.0, false),
    ("appel d'offres", Contract::Freelance, 3.0, false),
    ("appel d'offre", Contract::Freelance, 3.0, false),
    ("consultant", Contract::Freelance, 1.5, true),
    ("independant", Contract::Freelance, 2.0, true),
    ("auto-entrepreneur", Contract::Freelance, 3.0, false),
    ("micro-entrepreneur", Contract::Freelance, 3.0, false),
    ("cahier des charges", Contract::Freelance, 1.5, false),
    ("mandataire", Contract::Freelance, 2.0, false),
    ("mandat externe", Contract::Freelance, 3.0, false),
    ("remise des offres", Contract::Freelance, 3.0, false),
    ("devis", Contract::Freelance, 1.5, false),
    ("service citoyen", Contract::ServiceCivique, 4.0, false),
    // Switzerland's civilian service (instead of the army): a «civiliste» on assignment.
    ("service civil", Contract::ServiceCivique, 4.0, false),
    ("civiliste", Contract::ServiceCivique, 3.0, false),
];

const PROJECT_CUES: [&str; 27] = [
    "projet soutenu", "le projet en detail", "date de signature de la convention", "laureat", "laureats",
    "l'avis de la fondation", "porteur du projet", "projet accompagne", "subvention accordee", "montant accorde",
    "appel a projets", "appel a candidatures", "appel a manifestation d'interet", "depot des dossiers",
    "porteurs de projets", "porteurs de projet", "dotation", "une subvention", "projets retenus",
    // Québec's wording, grants and prizes.
    "appel de candidatures", "appel de projets", "une bourse de", "bourses de", "bourse de creation", "remise des prix",
    "note d'intention", "trophees",
];

const CONTRACT_LABELS: [&str; 7] = ["type de contrat", "contrat", "nature du contrat", "statut", "type de poste", "type d'offre", "type"];

/// Kind of offer and contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindContract {
    pub kind: Kind,
    pub contract: Contract,
    /// True when no cue was found and the result is a default.
    pub guessed: bool,
}

fn kind_of(c: Contract) -> Kind {
    match c {
        Contract::Cdi | Contract::Cdd | Contract::None => Kind::Emploi,
        Contract::Stage => Kind::Stage,
        Contract::Alternance => Kind::Alternance,
        Contract::ServiceCivique => Kind::ServiceCivique,
        Contract::Benevolat => Kind::Benevolat,
        Contract::Freelance => Kind::Freelance,
    }
}

/// A "Type de contrat : …" line: its folded label and its value.
pub fn label(line: &super::clean::Line) -> Option<(&str, &str)> {
    line.label_value(4).filter(|(l, _)| CONTRACT_LABELS.iter().any(|c| l == c || l.starts_with(c)))
}

/// Finds the kind and contract; `title_line` is the index of the title line, if known.
pub fn extract(cx: &Ctx, title_line: Option<usize>) -> KindContract {
    static CONTRACT_CUES: OnceLock<Cues> = OnceLock::new();
    static PROJECT: OnceLock<Cues> = OnceLock::new();
    let cues = CONTRACT_CUES.get_or_init(|| Cues::new(&CUES.map(|c| c.0)));
    let project_cues = PROJECT.get_or_init(|| Cues::new(&PROJECT_CUES));
    let mut score = [0f32; 8];
    // Each call cue found: the cue, the line's text, its weight (a heading 3, a line 2).
    let mut proj_hits: Vec<(usize, &str, f32)> = Vec::new();
    let mut civique_named = false;
    for (i, line) in cx.doc.lines.iter().enumerate() {
        // A site's menu says what the site offers ("Missions de Service Civique · Trouver une
        // mission · …"): read, lightly, like the rest of the page's furniture is not.
        let menu = line.junk && super::furniture::is_menu(line.fold());
        if (line.skipped() && !menu) || line.footer {
            continue;
        }
        let f = &cx.incl[i];
        let is_label = label(line).is_some();
        let strong = Some(i) == title_line || is_label || (i < 6 && cx.layout.section[i] == Section::Top && line.words() <= 12);
        let weight = if menu {
            0.6
        } else if Some(i) == title_line || is_label {
            4.0
        } else if strong {
            2.5
        } else {
            match cx.layout.section[i] {
                Section::Conditions => 2.0,
                Section::Top => 1.2,
                Section::Profile => 0.3,
                Section::Org | Section::Project => 0.5,
                _ => 1.0,
            }
        };
        let mut seen = [0u8; CUES.len()];
        cues.each_in(f, &cx.ispans[i], |k, p| {
            let (cue, c, w, needs_strong) = CUES[k];
            if (needs_strong && !strong) || seen[k] >= 3 {
                return;
            }
            // "l'apprentissage du français", "apprentissage de la lecture": learning, not a contract.
            if cue == "apprentissage" {
                let after = f[p + cue.len()..].trim_start();
                if ["de la ", "du ", "des ", "de l'", "d'une ", "d'un "].iter().any(|a| after.starts_with(a))
                    && !after.split_whitespace().nth(1).is_some_and(|w| w.starts_with(|ch: char| ch.is_ascii_digit()))
                {
                    return;
                }
            }
            if c == Contract::ServiceCivique && (cue.contains("service civi") || cue == "service citoyen" || cue == "civiliste") {
                civique_named = true;
            }
            seen[k] += 1;
            // Negations drop a cue ("pas de stage", "hors CDI").
            let before = &f[..p];
            let negated = before.ends_with("pas de ") || before.ends_with("hors ") || before.ends_with("non ");
            if !negated {
                score[c as usize] += w * weight;
            }
        });
        // "contrat de 3 ans", "Contrat de 12 mois": a fixed-term contract.
        if let Some(p) = f.find("contrat de ") {
            let after = &f[p + "contrat de ".len()..];
            let n = after.split_whitespace().next().unwrap_or("");
            let unit = after.split_whitespace().nth(1).unwrap_or("");
            if n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty() && (unit.starts_with("mois") || unit.starts_with("an")) {
                score[Contract::Cdd as usize] += 2.0 * weight;
            }
        }
        // A cue counts fully once, by its strongest place (a heading, else a line), and a little
        // more on other lines; a line seen before (a PDF's running header, on every page) adds
        // nothing.
        project_cues.each_in(f, &cx.ispans[i], |k, _| {
            if !proj_hits.iter().any(|&(j, t, _)| j == k && t == f.as_str()) {
                proj_hits.push((k, f.as_str(), if cx.layout.heading[i] { 3.0 } else { 2.0 }));
            }
        });
    }
    let project: f32 = (0..PROJECT_CUES.len())
        .map(|k| {
            let weights = proj_hits.iter().filter(|h| h.0 == k).map(|h| h.2);
            let (n, best) = weights.fold((0, 0f32), |(n, b), w| (n + 1, b.max(w)));
            if n == 0 { 0.0 } else { best + (n - 1).min(2) as f32 }
        })
        .sum();
    // Ties and overlaps: a CDD of a service civique or stage is rare; prefer the specific kinds
    // when their evidence is strong.
    let best = (0..8)
        .filter(|&i| i != Contract::None as usize)
        .max_by(|&a, &b| score[a].partial_cmp(&score[b]).unwrap_or(std::cmp::Ordering::Equal).then(b.cmp(&a)))
        .unwrap_or(Contract::None as usize);
    let best_score = score[best];
    if project >= 3.0 && project > best_score {
        return KindContract { kind: Kind::Projet, contract: Contract::None, guessed: false };
    }
    if best_score < 1.5 {
        return KindContract { kind: Kind::Emploi, contract: Contract::None, guessed: true };
    }
    let mut contract = Contract::ALL[best];
    // In Belgium and Switzerland a «volontaire» is a volunteer: without the words «service
    // civique», volunteering.
    if contract == Contract::ServiceCivique
        && !civique_named
        && matches!(cx.country_evidence(), Some(crate::model::Country::BE | crate::model::Country::CH))
    {
        contract = Contract::Benevolat;
    }
    KindContract { kind: kind_of(contract), contract, guessed: false }
}

#[cfg(test)]
mod tests {
    use super::super::Ctx;
    use super::*;

    fn kc(text: &str) -> (Kind, Contract) {
        let r = extract(&Ctx::new(text), Some(0));
        (r.kind, r.contract)
    }

    #[test]
    fn grants_prizes_tenders_and_service_citoyen() {
        assert_eq!(kc("APPEL À CANDIDATURES 2027 · Bourses de création\nUne bourse de 5 000 à 10 000 € par projet."), (Kind::Projet, Contract::None));
        assert_eq!(kc("Appel de candidatures : Prix Relève engagée\nTrois bourses de 2 500 $ seront remises."), (Kind::Projet, Contract::None));
        assert_eq!(
            kc("APPEL D'OFFRES\nMandat externe\nNous accompagnons 140 bénévoles ; nos bénévoles, les bénévoles du réseau.\nLe mandataire remettra un devis."),
            (Kind::Freelance, Contract::Freelance)
        );
        assert_eq!(kc("Volontaire en animation\nVolontariat · Service Citoyen · 6 mois\nAsbl à La Louvière, Belgique."), (Kind::ServiceCivique, Contract::ServiceCivique));
        // A job announced as «appel à candidatures», the words repeated by a PDF's running header.
        let header = "Maison Mosaïque – appel à candidatures – décembre 2026";
        assert_eq!(
            kc(&format!("Animateur·rice\nAPPEL À CANDIDATURES\nContrat : CDD de 12 mois à mi-temps\n{header}\nTexte.\n{header}\nSuite.\n{header}")),
            (Kind::Emploi, Contract::Cdd)
        );
        assert_eq!(kc("Civiliste en atelier vélo\nAffectation de service civil de 6 mois à Bienne (Suisse)."), (Kind::ServiceCivique, Contract::ServiceCivique));
    }

    #[test]
    fn contracts_from_labels_and_sentences() {
        assert_eq!(kc("Chargé·e de mission\nType de contrat : CDI"), (Kind::Emploi, Contract::Cdi));
        assert_eq!(kc("Éducateur\nIl s'agit d'un contrat à durée déterminée de 12 mois."), (Kind::Emploi, Contract::Cdd));
        assert_eq!(kc("Comptable (remplacement congé maternité)\nCDD de 6 mois"), (Kind::Emploi, Contract::Cdd));
        assert_eq!(kc("OFFRE DE STAGE\nAssistant de recherche\nLe/la stagiaire travaillera…"), (Kind::Stage, Contract::Stage));
        assert_eq!(kc("Alternance – Chargé·e de communication\nContrat d'apprentissage de 24 mois"), (Kind::Alternance, Contract::Alternance));
        assert_eq!(kc("Développeur\nContrat de professionnalisation"), (Kind::Alternance, Contract::Alternance));
        assert_eq!(kc("Service civique – Médiateur·rice\nType de contrat : Volontariat"), (Kind::ServiceCivique, Contract::ServiceCivique));
        assert_eq!(kc("Bénévolat – Accompagnateur bénévole\nMission bénévole"), (Kind::Benevolat, Contract::Benevolat));
        assert_eq!(kc("Appel d'offres : évaluation d'impact\nPrestation de 20 jours"), (Kind::Freelance, Contract::Freelance));
        let juriste = "Juriste\nType de contrat : contrat de 3 ans\nLieu : Grenoble\n\nQui sommes-nous ?\nNotre association tient des permanences d'accès au droit depuis vingt ans.\n\nL'équipe\nL'équipe compte sept salariés, des bénévoles et deux volontaires en service civique.";
        assert_eq!(kc(juriste), (Kind::Emploi, Contract::Cdd));
        assert_eq!(kc("Bénévoles pour les maraudes du soir\nL'association cherche des bénévoles."), (Kind::Benevolat, Contract::Benevolat));
        assert_eq!(kc("Volontaire en soutien scolaire\nÉcole de devoirs à Charleroi (Belgique), ASBL.\nVolontariat"), (Kind::Benevolat, Contract::Benevolat));
    }

    #[test]
    fn learning_a_language_is_no_apprenticeship() {
        let text = "Juriste en droit des étrangers\nNous animons des ateliers d'apprentissage du français.\nContrat de 2 ans à mi-temps.";
        assert_eq!(kc(text), (Kind::Emploi, Contract::Cdd));
        assert_eq!(kc("Assistant RH\nContrat d'apprentissage de 24 mois"), (Kind::Alternance, Contract::Alternance));
    }

    #[test]
    fn calls_for_projects() {
        let text = "Appel à projets « Quartiers vivants » 2026\nUne subvention jusqu'à 12 000 € par projet.\nDépôt des dossiers avant le 30 avril.";
        assert_eq!(kc(text), (Kind::Projet, Contract::None));
    }

    #[test]
    fn volunteers_in_a_job_body_do_not_make_benevolat() {
        let text = "Coordinateur de la vie associative\n\nMissions\nAnimer le réseau de bénévoles.\nAccueillir les bénévoles.\n\nConditions\nCDI à temps plein.";
        assert_eq!(kc(text), (Kind::Emploi, Contract::Cdi));
    }

    #[test]
    fn project_pages() {
        let text = "ASSOCIATION POSSIBLE\nMis à jour le 20/04/2023\nDate de signature de la convention\nMars 2021\nLE PROJET SOUTENU\nRéalisation d'un référentiel";
        assert_eq!(kc(text), (Kind::Projet, Contract::None));
        assert_eq!(extract(&Ctx::new("Un texte sans indice."), None).guessed, true);
    }
}
