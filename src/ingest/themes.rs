//! Themes: a small weighted lexicon per theme (justice, logement, insertion, transition
//! écologique, santé, jeunesse, culture, démocratie, migrations, alimentation, ESS…), scored over
//! title, explicit "Thématiques :" lines and the text.

use super::text::{find_stem, fold, strip_inclusive, Cues};
use std::sync::OnceLock;
use super::Ctx;
use crate::model::Theme;

/// (theme, folded stems matched at word starts, weight). Multi-word cues are matched as phrases.
const LEXICON: [(Theme, &[&str], f32); 17] = [
    (Theme::Justice, &["justice", "judiciaire", "penal", "penale", "carceral", "prison", "detenu", "detention", "sous main de justice", "sous-main de justice", "acces au droit", "acces aux droits", "droits humains", "droits de l'homme", "tribunal", "avocat", "juriste", "droit des etrangers"], 1.0),
    (Theme::Logement, &["logement", "hlm", "habitat", "bailleur", "locataire", "mal-logement", "hebergement", "habitant"], 1.0),
    (Theme::Precarite, &["precarite", "pauvrete", "sans-abri", "sans abri", "sans-abrisme", "sans domicile", "exclusion", "grande precarite", "maraude", "urgence sociale", "solidarite", "demunis", "aide sociale", "action sociale"], 1.0),
    (Theme::Insertion, &["insertion", "reinsertion", "iae", "retour a l'emploi", "eloignees de l'emploi", "eloignes de l'emploi", "demandeurs d'emploi", "chantier d'insertion", "chomage", "inclusion", "accompagnement socio-professionnel"], 1.0),
    (Theme::TransitionEcologique, &["transition ecologique", "ecologi", "environnement", "climat", "biodiversite", "developpement durable", "energie", "dechets", "economie circulaire", "reemploi", "mobilites douces", "zero dechet", "renovation energetique", "nature"], 1.0),
    (Theme::Sante, &["sante", "soins", "medical", "medicale", "medico", "hopital", "sanitaire", "psychiatr", "addiction", "sante mentale", "infirmi", "therapeut", "handicap psychique"], 1.0),
    (Theme::Jeunesse, &["jeunesse", "jeunes", "adolescent", "enfance", "enfant", "mineurs", "protection de l'enfance", "periscolaire", "centre de loisirs"], 1.0),
    (Theme::Education, &["education", "educatif", "educative", "scolaire", "ecole", "pedagog", "enseignement", "decrochage", "formation professionnelle"], 1.0),
    (Theme::Culture, &["culture", "culturel", "culturelle", "artist", "spectacle", "musique", "theatre", "cinema", "patrimoine", "musee", "bibliotheque", "arts", "lecture publique"], 1.0),
    (Theme::Democratie, &["democratie", "democratique", "citoyen", "citoyenne", "citoyennete", "participation citoyenne", "pouvoir d'agir", "interpellation", "libertes associatives", "plaidoyer", "community organizing", "vie associative", "droits civiques"], 1.0),
    (Theme::Migrations, &["migra", "refugie", "exile", "asile", "demandeurs d'asile", "etrangers", "sans-papiers", "interculturel", "mobilite internationale", "primo-arrivant"], 1.0),
    (Theme::Alimentation, &["alimentation", "alimentaire", "agricult", "maraich", "nutrition", "cuisine", "circuits courts", "paysan", "agroecolog", "aide alimentaire", "agriculture"], 1.0),
    (Theme::Ess, &["economie sociale et solidaire", "ess", "entrepreneuriat social", "innovation sociale", "cooperative", "scop", "scic", "tiers-lieu", "finance solidaire", "entreprises sociales"], 1.0),
    (Theme::Handicap, &["handicap", "situation de handicap", "esat", "accessibilite", "pmr", "autisme", "mdph", "polyhandicap"], 1.0),
    (Theme::Egalite, &["egalite", "discrimination", "discriminations", "femmes", "genre", "feminis", "lgbt", "violences faites aux femmes", "diversite", "racisme", "egalite des chances", "egalite femmes-hommes"], 1.0),
    (Theme::Numerique, &["numerique", "informatique", "digital", "developpeur", "web", "inclusion numerique", "mediation numerique", "logiciel", "data"], 1.0),
    (Theme::Sport, &["sport", "sportif", "sportive", "activite physique", "football", "club sportif"], 1.0),
];

const THEME_LABELS: [&str; 8] = ["thematiques", "thematique", "themes", "theme", "secteur", "secteurs", "domaine", "domaines"];

fn count(f: &str, cue: &str) -> usize {
    // Short cues (acronyms, short words) must be whole words; longer ones are stems.
    let whole = cue.len() <= 4 || cue.contains(' ');
    let mut n = 0;
    let mut from = 0;
    while from < f.len() {
        let hit = if whole { super::text::find_word_from(f, cue, from) } else { find_stem(&f[from..], cue).map(|p| p + from) };
        match hit {
            Some(p) => {
                n += 1;
                from = p + cue.len();
            }
            None => break,
        }
        if n >= 6 {
            break;
        }
    }
    n
}

/// Themes named in a short list ("Environnement, Santé") — each item mapped through the lexicon.
pub fn themes_of_list(value: &str) -> Vec<Theme> {
    let mut out = Vec::new();
    for item in value.split([',', ';', '/', '|']) {
        let f = strip_inclusive(&fold(item.trim()));
        if f.is_empty() {
            continue;
        }
        // Small items of common synthetic/real lists that the lexicon would miss.
        let direct = match f.as_str() {
            "droits humains" => Some(Theme::Justice),
            "solidarite" => Some(Theme::Precarite),
            "environnement" => Some(Theme::TransitionEcologique),
            "agriculture" => Some(Theme::Alimentation),
            "mobilite internationale" => Some(Theme::Migrations),
            _ => None,
        };
        let best = direct.or_else(|| {
            LEXICON
                .iter()
                .map(|(t, cues, _)| (*t, cues.iter().map(|c| count(&f, c)).sum::<usize>()))
                .filter(|(_, n)| *n > 0)
                .max_by_key(|(_, n)| *n)
                .map(|(t, _)| t)
        });
        if let Some(t) = best {
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// A "Thématiques : …" line: its folded label and its value.
pub fn label(line: &super::clean::Line) -> Option<(&str, &str)> {
    line.label_value(3).filter(|(l, _)| THEME_LABELS.contains(l))
}

/// Themes of the posting: the explicit list when there is one, else the best-scored themes
/// (at most three, each well supported).
pub fn extract(cx: &Ctx, title: &str) -> Vec<Theme> {
    for line in &cx.doc.lines {
        if let Some((_, value)) = label(line) {
            let mut t = themes_of_list(value);
            if !t.is_empty() {
                t.sort();
                return t;
            }
        }
    }
    let (score, total_words) = scores(cx, title);
    pick(&score, total_words)
}

/// The lexicon as two matchers (whole words/phrases, and stems) with each cue's theme.
fn matchers() -> &'static (Cues, Vec<usize>, Cues, Vec<usize>) {
    static M: OnceLock<(Cues, Vec<usize>, Cues, Vec<usize>)> = OnceLock::new();
    M.get_or_init(|| {
        let (mut whole, mut wt, mut stems, mut st) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (k, (_, cues, _)) in LEXICON.iter().enumerate() {
            for c in cues.iter() {
                // Short cues (acronyms, short words) and phrases are whole words; longer ones stems.
                if c.len() <= 4 || c.contains(' ') || c.contains('-') || c.contains('\'') {
                    whole.push(*c);
                    wt.push(k);
                } else {
                    stems.push(*c);
                    st.push(k);
                }
            }
        }
        (Cues::new(&whole), wt, Cues::stems(&stems), st)
    })
}

/// Raw theme scores (lexicon order) and the number of words of the text.
pub fn scores(cx: &Ctx, title: &str) -> ([f32; 17], usize) {
    let (whole, wt, stems, st) = matchers();
    let mut score = [0f32; 17];
    let mut total_words = 0usize;
    let edu = LEXICON.iter().position(|(t, _, _)| *t == Theme::Education).expect("education in lexicon");
    let add_line = |f: &str, spans: &[(u32, u32)], w: f32, score: &mut [f32; 17]| {
        // Each cue counts at most three times a line.
        let mut per_cue: Vec<(usize, u8)> = Vec::new();
        let mut bump = |key: usize, theme: usize, score: &mut [f32; 17]| {
            match per_cue.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) if *n >= 3 => return,
                Some((_, n)) => *n += 1,
                None => per_cue.push((key, 1)),
            }
            score[theme] += w * LEXICON[theme].2;
        };
        whole.each_in(f, spans, |k, _| bump(k, wt[k], score));
        stems.each_in(f, spans, |k, _| bump(10_000 + k, st[k], score));
        // "Éducation populaire" names a movement of civic education, not schooling.
        let mut from = 0;
        let mut n = 0;
        while let Some(p) = super::text::find_word_from(f, "education populaire", from) {
            n += 1;
            from = p + 1;
        }
        score[edu] -= w * (n.min(3) as f32);
    };
    for (i, line) in cx.doc.lines.iter().enumerate() {
        if line.junk || line.footer {
            continue;
        }
        total_words += line.words();
        let w = if cx.layout.heading[i] { 2.0 } else { 1.0 };
        add_line(&cx.incl[i], &cx.ispans[i], w, &mut score);
    }
    score[edu] = score[edu].max(0.0);
    // The title weighs more: each theme it names adds 4.
    let title_f = strip_inclusive(&fold(title));
    let mut title_score = [0f32; 17];
    add_line(&title_f, &super::text::word_spans(&title_f), 1.0, &mut title_score);
    for k in 0..17 {
        if title_score[k] > 0.0 {
            score[k] += 4.0;
        }
    }
    (score, total_words)
}

fn pick(score: &[f32; 17], total_words: usize) -> Vec<Theme> {
    // Scale the threshold with the text length: long texts mention everything once.
    let min = 3.0 + (total_words as f32 / 400.0);
    let max = score.iter().cloned().fold(0.0, f32::max);
    let mut picked: Vec<(f32, Theme)> = score
        .iter()
        .enumerate()
        .filter(|(_, s)| **s >= min && **s >= max * 0.4)
        .map(|(k, s)| (*s, LEXICON[k].0))
        .collect();
    picked.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
    picked.truncate(3);
    let mut out: Vec<Theme> = picked.into_iter().map(|(_, t)| t).collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::super::Ctx;
    use super::*;

    #[test]
    fn explicit_lists_map_through_the_lexicon() {
        assert_eq!(themes_of_list("Environnement, Santé"), [Theme::TransitionEcologique, Theme::Sante]);
        assert_eq!(themes_of_list("Économie sociale et solidaire ; Égalité femmes-hommes"), [Theme::Ess, Theme::Egalite]);
        let t = extract(&Ctx::new("Titre\nThématiques : Jeunesse, Culture"), "Titre");
        assert_eq!(t, [Theme::Jeunesse, Theme::Culture]);
    }

    #[test]
    fn themes_from_text() {
        let text = "Chargé d'études justice\nL'association accompagne les personnes placées sous main de justice et travaille sur le système pénal et carcéral. \
                    Elle favorise l'insertion des personnes détenues. La prison reste au cœur du projet.";
        let t = extract(&Ctx::new(text), "Chargé d'études justice");
        assert!(t.contains(&Theme::Justice), "{t:?}");
        assert!(!t.contains(&Theme::Sport));
        let t = extract(&Ctx::new("Comptable\nTenue de la comptabilité générale."), "Comptable");
        assert!(t.is_empty(), "{t:?}");
    }
}
