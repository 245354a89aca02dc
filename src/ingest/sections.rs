//! Headings and sections: which lines are headings (known cues, capitals, short noun lines, "… :"),
//! and which kind of section (missions, profile, conditions, apply…) each line belongs to.

use super::text::FastStr;
use super::clean::{Doc, Line};
use super::text::{fold, is_upper_text, strip_inclusive};

/// The role of a part of the posting, from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Before any heading.
    Top,
    /// About the organization.
    Org,
    Context,
    Missions,
    Profile,
    Conditions,
    Apply,
    Contact,
    /// A funded project's description.
    Project,
    /// A heading we do not know.
    Other,
}

/// Headings and the section of every line of a [`Doc`].
#[derive(Debug, Clone)]
pub struct Layout {
    pub heading: Vec<bool>,
    pub section: Vec<Section>,
}

// Ordered: the first cue that starts the heading wins.
const CUES: [(&str, Section); 96] = [
    ("modalites de candidature", Section::Apply),
    ("modalites pour postuler", Section::Apply),
    ("processus de recrutement", Section::Apply),
    ("processus de selection", Section::Apply),
    ("procedure de recrutement", Section::Apply),
    ("recrutement", Section::Apply),
    ("candidature", Section::Apply),
    ("candidatures", Section::Apply),
    ("candidater", Section::Apply),
    ("pour candidater", Section::Apply),
    ("postuler", Section::Apply),
    ("pour postuler", Section::Apply),
    ("comment postuler", Section::Apply),
    ("comment candidater", Section::Apply),
    ("envoi des candidatures", Section::Apply),
    ("infos de contact", Section::Contact),
    ("informations de contact", Section::Contact),
    ("contact", Section::Contact),
    ("contacts", Section::Contact),
    ("coordonnees", Section::Contact),
    ("nous contacter", Section::Contact),
    ("le projet soutenu", Section::Project),
    ("le projet en detail", Section::Project),
    ("projet soutenu", Section::Project),
    ("l'avis de la fondation", Section::Project),
    ("le projet", Section::Project),
    ("contexte", Section::Context),
    ("le contexte", Section::Context),
    ("enjeux", Section::Context),
    ("les enjeux", Section::Context),
    ("objectifs de la mission", Section::Missions),
    ("objectifs du poste", Section::Missions),
    ("description du poste", Section::Missions),
    ("description de la mission", Section::Missions),
    ("description de l'offre", Section::Missions),
    ("descriptif du poste", Section::Missions),
    ("le poste", Section::Missions),
    ("poste", Section::Missions),
    ("missions", Section::Missions),
    ("mission", Section::Missions),
    ("les missions", Section::Missions),
    ("vos missions", Section::Missions),
    ("votre mission", Section::Missions),
    ("principales missions", Section::Missions),
    ("activites", Section::Missions),
    ("taches", Section::Missions),
    ("responsabilites", Section::Missions),
    ("vos responsabilites", Section::Missions),
    ("fonctions", Section::Missions),
    ("role", Section::Missions),
    ("objectifs", Section::Missions),
    ("profil", Section::Profile),
    ("votre profil", Section::Profile),
    ("le profil", Section::Profile),
    ("competences", Section::Profile),
    ("qualites", Section::Profile),
    ("savoir", Section::Profile),
    ("formation", Section::Profile),
    ("experience", Section::Profile),
    ("qualifications", Section::Profile),
    ("prerequis", Section::Profile),
    ("vous etes", Section::Profile),
    ("qui etes-vous", Section::Profile),
    ("criteres", Section::Profile),
    ("connaissances", Section::Profile),
    ("conditions", Section::Conditions),
    ("modalites", Section::Conditions),
    ("informations pratiques", Section::Conditions),
    ("infos pratiques", Section::Conditions),
    ("informations complementaires", Section::Conditions),
    ("remuneration", Section::Conditions),
    ("avantages", Section::Conditions),
    ("ce que nous offrons", Section::Conditions),
    ("ce que nous proposons", Section::Conditions),
    ("nous offrons", Section::Conditions),
    ("nous proposons", Section::Conditions),
    ("caracteristiques", Section::Conditions),
    ("details du poste", Section::Conditions),
    ("type de contrat", Section::Conditions),
    ("contrat", Section::Conditions),
    ("statut", Section::Conditions),
    ("lieu", Section::Conditions),
    ("qui sommes-nous", Section::Org),
    ("qui sommes nous", Section::Org),
    ("presentation", Section::Org),
    ("a propos", Section::Org),
    ("notre association", Section::Org),
    ("notre structure", Section::Org),
    ("l'association", Section::Org),
    ("la structure", Section::Org),
    ("l'organisation", Section::Org),
    ("l'employeur", Section::Org),
    ("l'asbl", Section::Org),
    ("l'alliance", Section::Org),
    ("la federation", Section::Org),
    ("la fondation", Section::Org),
];

/// Normalizes a heading candidate for cue matching: folded, inclusive marks removed, leading
/// numbering ("1.", "II –", "Article 2 :") and a final colon dropped.
pub fn heading_key(text: &str) -> String {
    let f = strip_inclusive(&fold(text));
    let mut t = f.trim();
    // Leading numbering: digits, or roman numerals followed by punctuation ("1.", "2)", "II -").
    let lead = t.split_whitespace().next().unwrap_or("");
    let lead_core = lead.trim_end_matches(['.', ')', '-', '/']);
    let after = t[lead.len()..].trim_start();
    let digits = !lead_core.is_empty() && lead_core.chars().all(|c| c.is_ascii_digit());
    let roman = !lead_core.is_empty()
        && lead_core.len() <= 4
        && lead_core.chars().all(|c| "ivx".contains(c))
        && (lead != lead_core || after.starts_with('-'));
    if (digits && t.len() > lead.len()) || roman {
        t = after.trim_start_matches(['-', '.', ')']).trim_start();
    }
    t.trim_end_matches([':', ' ', '.', '!']).trim().to_string()
}

/// The section a heading opens, when it is a known cue.
pub fn cue_section(key: &str) -> Option<Section> {
    for (cue, sec) in CUES {
        if key == cue {
            return Some(sec);
        }
    }
    for (cue, sec) in CUES {
        if key.starts_with(cue) && key[cue.len()..].starts_with([' ', '\'', ',', '-', '(', ':']) {
            return Some(sec);
        }
    }
    None
}

const NOT_VERBS: [&str; 22] = [
    "dossier", "atelier", "premier", "janvier", "fevrier", "quartier", "metier", "chantier", "calendrier",
    "courrier", "master", "poster", "manager", "leader", "avenir", "loisir", "plaisir", "desir", "foyer",
    "pilier", "cahier", "papier",
];
const RE_VERBS: [&str; 24] = [
    "etre", "mettre", "suivre", "conduire", "produire", "construire", "prendre", "entreprendre", "comprendre",
    "apprendre", "rendre", "repondre", "defendre", "ecrire", "decrire", "inscrire", "traduire", "permettre",
    "transmettre", "connaitre", "faire", "dire", "lire", "vivre",
];

/// True when a folded word looks like a French infinitive (list items often start with one).
pub fn is_infinitive(w: &str) -> bool {
    if w.len() < 4 || NOT_VERBS.contains(&w) {
        return false;
    }
    RE_VERBS.contains(&w) || w.ends_with("er") || w.ends_with("ir") || w.ends_with("oir")
}

/// Words that start sentences rather than headings.
const FUNCTION_WORDS: [&str; 30] = [
    "en", "votre", "vos", "notre", "nos", "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux",
    "a", "pour", "dans", "nous", "vous", "il", "elle", "ils", "elles", "ce", "cette", "ces", "si",
];

fn starts_numbered_part(f: &str) -> bool {
    let mut w = f.split_whitespace();
    let (Some(a), Some(b)) = (w.next(), w.next()) else { return false };
    let num = b.trim_end_matches([':', '.', ')', '-']);
    matches!(a, "mission" | "axe" | "etape" | "partie" | "volet" | "lot" | "objectif" | "phase")
        && !num.is_empty()
        && num.chars().all(|c| c.is_ascii_digit())
        && (b.len() > num.len() || w.next().is_some_and(|x| matches!(x, "-" | ":" | "–")))
}

fn first_word(f: &str) -> &str {
    f.split(|c: char| !c.is_ascii_alphabetic()).find(|w| !w.is_empty()).unwrap_or("")
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', ';', ',', '!', '?', '…'])
}

/// True when line `i` of `doc` reads as a heading.
pub fn is_heading(doc: &Doc, i: usize) -> bool {
    let l: &Line = &doc.lines[i];
    if l.junk || l.bullet.is_some() {
        return false;
    }
    if l.md_heading {
        return true;
    }
    let words = l.words();
    if words > 40 {
        return false;
    }
    let chars = l.text.chars().count();
    if words <= 7 && !ends_sentence(&l.text) && l.label_value(6).is_none() && cue_section(&heading_key(&l.text)).is_some() {
        return true;
    }
    let next = doc.lines.get(i + 1);
    let next_is_content = next.is_some_and(|n| !n.junk);
    if is_upper_text(&l.text) && chars <= 90 && words <= 12 && l.label_value(6).is_none() && next_is_content {
        return true;
    }
    // "Mission 1 – …", "Axe 2 : …", "Étape 3 - …": numbered parts of the offer.
    if words <= 40 && starts_numbered_part(l.fold()) {
        return true;
    }
    if l.ends_with_colon() && words <= 9 && chars <= 90 && next_is_content {
        // "En soutien de …:", "Votre dossier devra contenir :" introduce what follows; they are
        // sentences, not headings.
        return !FUNCTION_WORDS.contains(&first_word(l.fold()));
    }
    // A long title-like line between blank lines that introduces a list or an intro sentence
    // ("Étude-action … " followed by "… il-elle pilotera :").
    if words <= 40
        && l.blank_before > 0
        && !ends_sentence(&l.text)
        && !l.text.contains(':')
        && l.text.starts_with(|c: char| c.is_uppercase())
        && next.is_some_and(|n| n.blank_before > 0 && n.ends_with_colon() && n.bullet.is_none())
        && !l.text.contains('@')
        && !is_infinitive(first_word(l.fold()))
        && i > 0
    {
        return true;
    }
    // A short noun line followed by a longer text or a list.
    if words <= 6
        && chars <= 60
        && !ends_sentence(&l.text)
        && !l.text.contains(':')
        && l.text.starts_with(|c: char| c.is_uppercase())
        && !is_infinitive(first_word(l.fold()))
        && !l.text.contains('@')
        && !l.text.fhas("http")
    {
        if let Some(n) = next {
            let longer = n.bullet.is_some() || n.text.chars().count() > chars * 2 + 20;
            let prev_ok = i == 0 || l.blank_before > 0 || {
                let p = &doc.lines[i - 1];
                ends_sentence(&p.text) || p.ends_with_colon() || p.junk || p.text.chars().count() > 160
            };
            return longer && prev_ok && !n.junk;
        }
    }
    false
}

/// Finds headings and assigns each line its section.
pub fn layout(doc: &Doc) -> Layout {
    let n = doc.lines.len();
    let mut heading = vec![false; n];
    let mut section = vec![Section::Top; n];
    let mut cur = Section::Top;
    for i in 0..n {
        if is_heading(doc, i) {
            let key = heading_key(&doc.lines[i].text);
            if doc.lines[i].ends_with_colon() && cur != Section::Top && cue_section(&key) == Some(cur) && !is_upper_text(&doc.lines[i].text) {
                // "Qualités recherchées :" inside the profile section introduces a list.
                section[i] = cur;
                continue;
            }
            heading[i] = true;
            let sub = doc.lines[i].ends_with_colon() && cur != Section::Top && cue_section(&key).is_none();
            if !sub {
                cur = cue_section(&key).unwrap_or(Section::Other);
            }
        }
        section[i] = cur;
    }
    Layout { heading, section }
}

#[cfg(test)]
mod tests {
    use super::super::clean::clean;
    use super::*;

    fn heads(text: &str) -> Vec<(String, Section)> {
        let d = clean(text);
        let l = layout(&d);
        (0..d.lines.len()).filter(|&i| l.heading[i]).map(|i| (d.lines[i].text.clone(), l.section[i])).collect()
    }

    #[test]
    fn finds_cue_capital_and_colon_headings() {
        let h = heads(
            "Titre du poste\n\nCONTEXTE\nUn texte assez long pour être un paragraphe de contexte ici.\n\
             Vos missions :\n- Animer des ateliers\n- Suivre les budgets\nProfil recherché\nVous aimez le terrain et les gens du quartier.\n\
             Conditions\nCDI à temps plein.\nCandidature\nEnvoyez votre CV.",
        );
        let names: Vec<(&str, Section)> = h.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        assert_eq!(
            names,
            [
                ("CONTEXTE", Section::Context),
                ("Vos missions :", Section::Missions),
                ("Profil recherché", Section::Profile),
                ("Conditions", Section::Conditions),
                ("Candidature", Section::Apply),
            ]
        );
    }

    #[test]
    fn list_items_without_markers_are_not_headings() {
        let h = heads(
            "Les missions\nConcevoir et déployer une méthodologie de recherche afin de produire des analyses\n\
             Être force de proposition sur la communication\nParticiper à la diffusion des outils et travaux de recherche en interne\nProfil\nNous recherchons un profil avec les compétences suivantes.",
        );
        let names: Vec<&str> = h.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["Les missions", "Profil"]);
    }

    #[test]
    fn heading_keys_drop_numbering_and_colons() {
        assert_eq!(heading_key("1. Vos missions :"), "vos missions");
        assert_eq!(heading_key("II - Profil"), "profil");
        assert_eq!(heading_key("PROFIL RECHERCHÉ :"), "profil recherche");
        assert_eq!(cue_section("modalites de candidature"), Some(Section::Apply));
        assert_eq!(cue_section("missionnaire"), None);
        assert!(is_infinitive("participer") && is_infinitive("etre") && !is_infinitive("dossier"));
    }
}
