//! Page furniture: what a web page, a job board, a forum or an e-mail wraps around a posting once
//! its text is copied: menus on one line, breadcrumbs, "Chargement…", cookie and share lines
//! (junk, never read), publication lines, forum and e-mail headers and sector tags (metadata: their
//! dates are publication dates, nothing else is read from them), and the "Autres offres" lists at
//! the end of a page, whose contracts, places and durations belong to other postings.

use super::clean::Line;
use super::text::FastStr;

/// Items of a site menu ("Accueil | Qui sommes-nous ? | Nous rejoindre | Contact").
const NAV: [&str; 81] = [
    "accueil", "home", "contact", "contacts", "contactez-nous", "nous contacter", "qui sommes-nous", "qui sommes nous",
    "a propos", "l'association", "association", "nos actions", "nos missions", "nos projets", "actualites", "actus",
    "agenda", "blog", "presse", "espace presse", "faire un don", "don", "dons", "je donne", "soutenir", "nous soutenir",
    "soutenez-nous", "adherer", "nous rejoindre", "rejoignez-nous", "rejoindre", "emplois", "emploi", "offres",
    "offres d'emploi", "recrutement", "carrieres", "jobs", "devenir benevole", "benevolat", "s'engager", "engagez-vous",
    "postuler", "rechercher", "recherche", "menu", "connexion", "se connecter", "mon compte", "espace membre",
    "newsletter", "ressources", "publications", "equipe", "notre equipe", "partenaires", "faq", "plan du site",
    "evenements", "boutique", "english", "nederlands", "forum", "forums", "membres", "espace recruteur", "espace candidat",
    "mon espace", "inscription", "repondre", "citer", "signaler", "suivre le sujet", "suivre", "nous joindre",
    "trouver une mission", "trouver une offre", "publier une mission", "publier une offre", "missions", "annonces",
];

/// Words of a job board's sector tags ("Associations", "Solidarité", "Associations · Logement").
const SECTORS: [&str; 71] = [
    "associations", "association", "solidarite", "solidarites", "logement", "insertion", "environnement", "culture",
    "sante", "social", "action sociale", "medico-social", "education", "jeunesse", "ess", "economie sociale et solidaire",
    "economie sociale", "humanitaire", "international", "cooperation internationale", "handicap", "justice", "droit",
    "droits humains", "migrations", "alimentation", "agriculture", "sport", "numerique", "emploi", "animation",
    "enfance", "petite enfance", "precarite", "ecologie", "transition ecologique", "developpement durable", "egalite",
    "benevolat", "accompagnement social", "mediation", "tous secteurs", "plaidoyer", "services a la personne",
    "education populaire", "hebergement", "protection de l'enfance", "lutte contre l'exclusion", "citoyennete",
    "sante mentale", "formation", "recherche", "stage", "stages", "alternance", "cdi", "cdd", "service civique",
    "volontariat", "spectacle vivant", "arts", "patrimoine", "loisirs", "tourisme", "communication", "gestion",
    "administration", "comptabilite", "ressources humaines", "informatique", "environnement et agriculture",
];

/// What starts a list of other postings at the end of a page.
const OTHER_OFFERS: [&str; 28] = [
    "autres offres", "d'autres offres", "nos autres offres", "offres similaires", "offres proches", "offres recentes",
    "dernieres offres", "ces offres pourraient vous interesser", "ces offres peuvent vous interesser",
    "vous aimerez aussi", "vous pourriez aussi aimer", "autres missions", "missions similaires", "missions proches",
    "missions a proximite", "offres a proximite", "annonces similaires", "autres annonces", "voir aussi",
    "a lire aussi", "sur le meme sujet", "dans la meme categorie", "voir toutes les offres", "toutes nos offres",
    "sujets similaires", "discussions similaires", "sujets en rapport", "messages similaires",
];

/// Starts of forum and e-mail headers.
const HEADERS: [&str; 18] = [
    "demarre par", "poste par", "postee par", "message de", "reponse de", "repondu par", "re :", "re:", "tr :", "tr:",
    "fwd:", "fw :", "message transfere", "---------- forwarded", "de :", "envoye :", "a :", "cc :",
];

/// Starts of publication lines.
const PUBLISHED: [&str; 13] = [
    "publie le", "publiee le", "publie il y a", "publiee il y a", "publie :", "publiee :", "mis en ligne", "mise en ligne",
    "mis a jour", "mise a jour", "date de publication", "il y a ", "posted",
];

/// The folded text without what decorates its ends (spaces, ellipses, punctuation).
fn bare(f: &str) -> &str {
    f.trim_matches(|c: char| !c.is_alphanumeric())
}

/// True when a line starts with the site's home ("Accueil > …", "Home › …").
pub fn starts_home(t: &str) -> bool {
    let f = super::text::fold(t);
    ["accueil ", "home ", "[accueil]", "[home]"].iter().any(|h| f.starts_with(h))
}

/// True when a line's first item (up to " / ") is a navigation word ("Devenir bénévole / Occasions
/// de bénévolat / Éducation").
pub fn starts_nav(t: &str) -> bool {
    t.split(" / ").next().is_some_and(|first| is_nav(super::text::fold(first).trim()))
}

/// A one-step breadcrumb from a site's section: "Emplois > Chargé·e de projets", "Actualités ›
/// Appel à bénévoles".
pub fn section_crumb(t: &str) -> bool {
    for sep in [" > ", " › ", " » "] {
        if let Some((left, right)) = t.split_once(sep) {
            let l = super::text::fold(left);
            return !right.contains(sep) && is_nav(l.trim()) || ["actualites", "actualite", "nos offres", "toutes les offres"].contains(&l.trim());
        }
    }
    false
}

/// The items of a folded line cut at menu separators (`|`, and `·` or `•`, which fold to a
/// spaced `.`), trimmed, non-empty.
fn items(f: &str) -> Vec<String> {
    f.replace(" . ", "|")
        .split('|')
        .map(|s| s.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '\'').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A menu item: a navigation word, or one that starts with it ("Rechercher une offre").
fn is_nav(item: &str) -> bool {
    NAV.contains(&item) || NAV.iter().any(|n| item.strip_prefix(n).is_some_and(|r| r.starts_with(' ')) && item.split_whitespace().count() <= 3)
        || ["deposer une offre", "publier une offre", "formations", "nos appels", "projets soutenus", "le fonds", "la fondation"].contains(&item)
}

fn menu_items<S: AsRef<str>>(it: &[S]) -> bool {
    if it.len() < 3 || it.iter().any(|i| i.as_ref().split_whitespace().count() > 4) {
        return false;
    }
    let nav = it.iter().filter(|i| is_nav(i.as_ref())).count();
    // A job board's menu also lists kinds of offer ("Offres · Alternance · Stages · Bénévolat").
    let kinds = it.iter().filter(|i| !is_nav(i.as_ref()) && SECTORS.contains(&i.as_ref())).count();
    nav >= 2 && (nav + kinds) * 2 >= it.len() && nav * 3 >= it.len()
}

/// A menu line (folded): items cut at `|`, `·` or `•`, most of them navigation words.
pub fn is_menu(f: &str) -> bool {
    (f.contains('|') || f.contains(" . ")) && menu_items(&items(f))
}

/// Cells of a pasted row (cut at runs of spaces) that make a menu.
pub fn is_menu_cells(cells: &[&str]) -> bool {
    let folded: Vec<String> =
        cells.iter().map(|c| super::text::fold(c).trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '\'').to_string()).collect();
    menu_items(&folded)
}

/// A page number a PDF's text carries on its header or footer line: "… page 2/5", "Page 3 sur 8",
/// "- 4 -".
fn page_number(b: &str) -> bool {
    let words: Vec<&str> = b.split_whitespace().collect();
    let num = |w: &str| !w.is_empty() && w.len() <= 3 && w.bytes().all(|c| c.is_ascii_digit());
    let fraction = |w: &str| w.split_once('/').is_some_and(|(n, m)| num(n) && num(m));
    match words.as_slice() {
        [.., "page", n, "sur" | "/", m] => num(n) && num(m),
        [.., "page", n] | [n] => num(n) || fraction(n),
        _ => false,
    }
}

/// Where a PDF's page number starts at the end of a header or footer line ("La Margeride – 15100
/// Saint-Flour    page 1/5"): the byte offset of "page", when the line has words before it.
pub fn page_suffix(text: &str) -> Option<usize> {
    // It ends on a number: most lines are out at once.
    if !text.trim_end_matches(|c: char| !c.is_alphanumeric()).ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let p = lower.rfind("page ").or_else(|| lower.rfind("p. "))?;
    let marker = lower[p..].replacen("p. ", "page ", 1);
    (p > 0 && lower[..p].ends_with(' ') && page_number(marker.trim_end_matches(|c: char| !c.is_alphanumeric()))).then_some(p)
}

/// Lines never read: menus, "Chargement…", cookie banners, share lines, page numbers.
pub fn is_junk(f: &str, _text: &str) -> bool {
    let b = bare(f);
    if b.len() <= 20 && page_number(b) {
        return true;
    }
    if b.len() <= 20 && matches!(b, "chargement" | "chargement en cours" | "loading" | "veuillez patienter" | "lire la suite" | "voir plus") {
        return true;
    }
    if f.len() < 400 && (f.contains("cookie") || f.contains("traceurs")) {
        return true;
    }
    if ["partager", "partagez", "share", "imprimer |", "envoyer a un ami"].iter().any(|s| b.starts_with(s)) && f.split_whitespace().count() <= 14 {
        return true;
    }
    is_menu(f)
}

/// Publication lines, forum and e-mail headers: about the posting, not of it.
pub fn is_meta(f: &str, _text: &str) -> bool {
    // Metadata lines are short: no need to count the words of a paragraph.
    if f.len() > 160 {
        return false;
    }
    let b = bare(f);
    let words = f.split_whitespace().count();
    if words > 14 {
        return false;
    }
    if PUBLISHED.iter().any(|p| b.starts_with(p)) || HEADERS.iter().any(|h| f.starts_with(h)) {
        return true;
    }
    // "12.03.2024 - Offre d'emploi", "18/08/2025 – Bénévolat": a date, a dash, a category.
    let mut parts = b.splitn(2, [' ']);
    let first = parts.next().unwrap_or("");
    let rest = parts.next().unwrap_or("").trim_start();
    let numeric_date = first.len() >= 8
        && first.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'/' | b'-'))
        && first.bytes().filter(|c| !c.is_ascii_digit()).count() == 2;
    (numeric_date && (rest.starts_with('-') || rest.starts_with('–') || rest.starts_with('|')) && words <= 8) || dated_header(f, words)
}

/// A board's or a group's header line ending on its date: "📌 Babillard communautaire – Rimouski ·
/// 2 mars 2026", "Forum de l'emploi | 12/01/2026".
fn dated_header(f: &str, words: usize) -> bool {
    // It ends on a year or a time: most lines are out at once.
    if words > 12 || !f.trim_end().ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some(last) = [" . ", " | ", " - "].iter().filter_map(|sep| f.rfind(sep).map(|p| &f[p + sep.len()..])).min_by_key(|t| t.len()) else {
        return false;
    };
    let mut w: Vec<&str> = last.split_whitespace().collect();
    // A time after the date: "05/01/2026 à 18:42", "2 mars 2026, 9h30".
    let time = |t: &str| {
        t.bytes().any(|b| b.is_ascii_digit()) && t.bytes().any(|b| matches!(b, b':' | b'h')) && t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b':' | b'h'))
    };
    if w.len() >= 2 && time(w[w.len() - 1]) {
        w.pop();
        if w.last().is_some_and(|t| *t == "a") {
            w.pop();
        }
    }
    if let Some(t) = w.last_mut() {
        *t = t.trim_end_matches(',');
    }
    let day = |t: &str| t.trim_end_matches("er").parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    let year = |t: &str| t.len() == 4 && t.starts_with("20") && t.bytes().all(|b| b.is_ascii_digit());
    match w.as_slice() {
        [d, m, y] => day(d) && super::dates::month_of(m).is_some() && year(y),
        // A newsletter's issue: "La Lettre de l'ESS — n° 47 — décembre 2026".
        [m, y] => {
            super::dates::month_of(m).is_some()
                && year(y)
                && ["lettre", "infolettre", "newsletter", "bulletin", "n°", "numero", "edition"].iter().any(|w| f.fhas(w))
        }
        [d] => d.len() == 10 && d.bytes().filter(|b| b.is_ascii_digit()).count() == 8 && d.bytes().filter(|b| matches!(b, b'/' | b'.')).count() == 2,
        _ => false,
    }
}

/// True when every item of a short line is a sector word ("Associations · Logement").
pub fn is_tag(f: &str) -> bool {
    let it = items(f);
    !it.is_empty() && f.split_whitespace().count() <= 6 && it.iter().all(|i| SECTORS.contains(&i.as_str()))
}

/// The lines that open a forwarded message ("---------- Message transféré ----------").
const FORWARDED: [&str; 6] =
    ["message transfere", "forwarded message", "debut du message reexpedie", "message d'origine", "original message", "message reexpedie"];

/// E-mail headers, and in a forwarded e-mail what the relaying person wrote above the forwarded
/// message (their greeting, signature and address): about the posting, not of it, so metadata.
pub fn mark_relayed(lines: &mut [Line]) {
    // An e-mail's header block: the "Objet :" and "Date :" lines after a "De :" line belong to it
    // (alone, "Objet : …" names a consultation's object). Lines [`HEADERS`] starts are metadata
    // already.
    for i in 1..lines.len() {
        let f = lines[i].fold();
        let header = ["objet :", "objet:", "date :", "date:", "sujet :", "subject:", "to:", "cc:"].iter().any(|h| f.starts_with(h));
        if header && lines[i].blank_before == 0 && lines[i - 1].meta {
            lines[i].meta = true;
        }
    }
    // The innermost forwarded message (a message forwarded twice has two markers) is the posting.
    let marker = lines.iter().rposition(|l| {
        let b = bare(l.fold());
        l.words() <= 8 && FORWARDED.iter().any(|m| b.starts_with(m) || b.ends_with(m))
    });
    if let Some(m) = marker.filter(|&m| m + 3 < lines.len()) {
        for l in &mut lines[..=m] {
            if !l.junk {
                l.meta = true;
            }
        }
    }
}

/// A mailing list's digest ("Message : 1", "Message : 2"…, each with its headers): the message
/// that reads most like a posting (labelled lines, application words) is the posting; the
/// digest's own header and table of contents are metadata, the other messages junk.
pub fn mark_digest(lines: &mut [Line]) {
    let is_sep = |l: &Line| {
        let b = bare(l.fold());
        let n = b.strip_prefix("message").map(|r| r.trim_start_matches([' ', ':', 'n', '°', '.']).trim());
        l.words() <= 3 && n.is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
    };
    let seps: Vec<usize> = (0..lines.len()).filter(|&i| is_sep(&lines[i])).collect();
    if seps.len() < 2 {
        return;
    }
    const CUES: [&str; 8] = ["candidature", "cv", "poste", "contrat", "mission", "remuneration", "recrute", "profil"];
    let score = |ls: &[Line]| -> usize {
        ls.iter().map(|l| usize::from(l.label_value(4).is_some()) + CUES.iter().filter(|c| super::text::find_stem(l.fold(), c).is_some()).count()).sum()
    };
    let bounds: Vec<(usize, usize)> = seps.iter().enumerate().map(|(k, &s)| (s, seps.get(k + 1).copied().unwrap_or(lines.len()))).collect();
    let best = bounds.iter().copied().max_by_key(|&(a, b)| (score(&lines[a..b]), std::cmp::Reverse(a))).expect("two messages");
    for (i, l) in lines.iter_mut().enumerate() {
        if i < seps[0] {
            l.meta = !l.junk;
        } else if !(best.0..best.1).contains(&i) {
            l.junk = true;
        }
    }
}

/// Words of a job board's or a volunteering platform's name.
const BOARD_WORDS: [&str; 16] = [
    "emploi", "emplois", "offres", "plateforme", "portail", "missions", "volontariat", "volontaires", "benevolat", "jobs",
    "annonces", "babillard", "recrutement", "carrieres", "benevole", "benevoles",
];

/// A job board's masthead: the line or two at the very top, right above the site's menu or
/// breadcrumb, naming a board ("Emplois communautaires Outaouais" / "Accueil · Offres · …"):
/// neither the title nor the employer. (An association's own site name above its menu stays: it
/// names the employer.)
pub fn mark_masthead(lines: &mut [Line]) {
    // The site's menu or breadcrumb right below.
    let Some(menu) = lines.iter().take(4).position(|l| l.junk) else { return };
    for l in &mut lines[..menu] {
        if !l.junk && l.words() <= 12 && BOARD_WORDS.iter().any(|w| super::text::find_word(l.fold(), w).is_some()) {
            l.meta = true;
        }
    }
}

/// Marks sector tags in the page's header (before its first long line) as metadata, and every
/// line from a "Autres offres" heading on as junk (but a copyright or head-office line, kept as
/// footer for the organization's name).
pub fn mark_other_offers(lines: &mut [Line]) {
    let first_long = lines.iter().position(|l| (l.words() >= 10 && l.text.ends_with('.')) || l.words() >= 20).unwrap_or(lines.len());
    for l in lines.iter_mut().take(first_long) {
        if !l.junk && is_tag(l.fold()) {
            l.meta = true;
        }
    }
    let start = lines.iter().enumerate().position(|(i, l)| {
        i >= 5 && l.words() <= 8 && {
            let b = bare(l.fold());
            OTHER_OFFERS.iter().any(|c| b.starts_with(c))
        }
    });
    if let Some(s) = start {
        // The list runs until a line after a blank that is no offer's line (no separators, no
        // bullet): the page's footer, kept as footer for the organization's name and address.
        let mut in_list = true;
        for (k, l) in lines[s..].iter_mut().enumerate() {
            let t = &l.text;
            if in_list && k >= 2 && l.blank_before >= 1 && l.bullet.is_none() && ![" · ", " – ", " - ", " | ", " — "].iter().any(|sep| t.contains(sep)) {
                in_list = false;
            }
            if in_list {
                l.junk = true;
            } else if !l.junk {
                l.footer = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::clean::clean;

    fn flags(text: &str) -> Vec<(bool, bool)> {
        clean(text).lines.iter().map(|l| (l.junk, l.meta)).collect()
    }

    #[test]
    fn job_board_menus_dated_headers_and_relayed_mails() {
        let d = flags(
            "Offres · Alternance · Stages · Bénévolat · Espace recruteur\nCDI · Lyon · Temps plein\n\
             📌 BABILLARD – Rimouski · 2 mars 2026\n#1 — Membre42 (Membre) — 05/01/2026 à 18:42\nÉducateur",
        );
        assert_eq!(d, [(true, false), (false, false), (false, true), (false, true), (false, false)]);
        let d = flags("Bonjour, je relaie.\nLucie\n---------- Message transféré ----------\nDe : X <x@y.be>\nObjet : Bénévoles\n\nObjet : Évaluation\nTexte.\nSuite.");
        assert_eq!(d, [(false, true), (false, true), (false, true), (false, true), (false, true), (false, false), (false, false), (false, false)]);
    }

    #[test]
    fn mastheads_page_numbers_and_crumbs() {
        // A job board's name above its menu is metadata; an association's own name stays.
        assert_eq!(flags("Emplois solidaires Outaouais\nAccueil · Offres · Employeurs · Contact\nÉducateur"), [(false, true), (true, false), (false, false)]);
        assert_eq!(flags("Relais Riviera\nAccueil • L'association • Emplois • Contact\nÉducateur"), [(false, false), (true, false), (false, false)]);
        assert_eq!(flags("Devenir bénévole / Occasions de bénévolat / Éducation\nÉducateur"), [(true, false), (false, false)]);
        assert_eq!(flags("3/5\nÉducateur"), [(true, false), (false, false)]);
        // A newsletter's issue line is metadata; a title ending on its start month is not.
        assert_eq!(flags("La Lettre de l'ESS — n° 47 — décembre 2026\nAnimateur – septembre 2026"), [(false, true), (false, false)]);
        let d = super::super::clean::clean("La Margeride – 15100 Saint-Flour      page 1/5\nTexte.");
        assert_eq!((d.lines[0].text.as_str(), d.lines[0].footer), ("La Margeride – 15100 Saint-Flour", true));
        assert_eq!(super::page_suffix("Réunion de la page 12 du dossier"), None);
        assert_eq!(super::page_suffix("Maison Mosaïque – décembre 2026 p. 2"), Some("Maison Mosaïque – décembre 2026 ".len()));
    }

    #[test]
    fn a_digest_keeps_the_message_that_posts_an_offer() {
        let d = flags(
            "Liste emploi — Résumé n° 4\nSujets du jour :\nMessage : 1\nDe : A <a@a.fr>\nPoste : Animateur\nContrat : CDI\nCandidature : cv@a.fr\n\
             Message : 2\nDe : B <b@b.fr>\nJe pars de Vitré à 8 h.\nMessage : 3\nFormation le 19 mars, 30 €.",
        );
        let kept: Vec<usize> = d.iter().enumerate().filter(|(_, f)| !f.0 && !f.1).map(|(i, _)| i).collect();
        assert_eq!(kept, [2, 4, 5, 6]);
    }

    #[test]
    fn menus_banners_and_share_lines_are_junk() {
        let d = flags(
            "Accueil | Qui sommes-nous ? | Nos actions | Devenir bénévole | Contact\nChargement…\n\
             Nous utilisons des cookies pour mesurer l'audience. Tout accepter | Tout refuser\n\
             Partager cette mission : Facebook · WhatsApp · Copier le lien\nAccueil › Nous rejoindre › Stages\n\
             CDI | Lyon | Temps plein\nÉducateur spécialisé",
        );
        assert_eq!(d, [(true, false), (true, false), (true, false), (true, false), (true, false), (false, false), (false, false)]);
    }

    #[test]
    fn publication_lines_headers_and_tags_are_metadata() {
        let d = flags(
            "Associations · Logement\n12.12.2025 - Offre d'emploi\nPubliée il y a 3 jours\nDémarré par Pierre dans Emplois, 5 février 2024\n\
             Mis en ligne le 4 décembre 2025\nJuriste en droit du logement\nL'association défend les droits des locataires depuis trente ans et recrute.\nFormation",
        );
        assert_eq!(d, [(false, true), (false, true), (false, true), (false, true), (false, true), (false, false), (false, false), (false, false)]);
    }

    #[test]
    fn a_sections_one_step_breadcrumb_is_junk() {
        let d = flags("Emplois > Chargé·e de projets intégration\nActualités › Appel à bénévoles\nLyon > Paris, le trajet");
        assert_eq!(d, [(true, false), (true, false), (false, false)]);
    }

    #[test]
    fn other_offers_end_the_posting() {
        let d = clean("Titre\nTexte\nTexte\nTexte\nTexte\nTexte\nAutres offres\nStage – Lyon – 6 mois\nCDD – Paris\n\nSiège social : La Tresse, Lyon");
        let junk: Vec<bool> = d.lines.iter().map(|l| l.junk).collect();
        assert_eq!(junk, [false, false, false, false, false, false, true, true, true, false]);
        assert!(d.lines[9].footer);
    }
}
