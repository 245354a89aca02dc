//! How to apply: e-mail addresses (also "nom [at] asso.org", "nom(at)asso.org"), application
//! links, a postal address for paper applications, the contact person with their role, and the
//! instruction sentence.

use super::text::FastStr;
use super::clean::Line;
use super::sections::Section;
use super::text::{fold, has_any_word};
use super::Ctx;
use crate::model::Apply;

fn deobfuscate(s: &str) -> String {
    let mut t = s.to_string();
    let maybe = s.contains('@') || s.contains('[') || s.contains('(') || s.fhas("arobase") || s.fhas(" AT ");
    if !maybe {
        return t;
    }
    for (pat, rep) in [
        (" [at] ", "@"), ("[at]", "@"), (" (at) ", "@"), ("(at)", "@"), (" [arobase] ", "@"), ("[arobase]", "@"),
        (" (arobase) ", "@"), (" arobase ", "@"), ("[@]", "@"), (" @ ", "@"), (" [dot] ", "."), ("[dot]", "."),
        (" (dot) ", "."), ("(dot)", "."), (" [point] ", "."), (" (point) ", "."), (" AT ", "@"), (" [AT] ", "@"),
    ] {
        if t.fhas(pat) {
            t = t.replace(pat, rep);
        }
    }
    t
}

/// "[at]", "(at)", " at ", " AT ", "arobase": an e-mail written to escape robots.
fn obfuscated_at(t: &str) -> bool {
    let b = t.as_bytes();
    for i in 1..b.len().saturating_sub(2) {
        if (b[i] == b'a' || b[i] == b'A') && (b[i + 1] == b't' || b[i + 1] == b'T') {
            let l = b[i - 1];
            let r = b[i + 2];
            if matches!((l, r), (b'[', b']') | (b'(', b')') | (b' ', b' ')) {
                return true;
            }
        }
    }
    t.fhas("arobase")
}

fn is_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._%+-'".contains(c)
}
fn is_domain(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.' || c == '-'
}

/// E-mail addresses in a text, lowercased, in order.
pub fn emails_in(text: &str) -> Vec<String> {
    if !text.contains('@') && !obfuscated_at(text) {
        return Vec::new();
    }
    let t = deobfuscate(text);
    let mut out = Vec::new();
    for (at, _) in t.match_indices('@') {
        let local_start = t[..at].char_indices().rev().take_while(|(_, c)| is_local(*c)).last().map(|(i, _)| i);
        let Some(ls) = local_start else { continue };
        let local = t[ls..at].trim_start_matches(['.', '\'', '-']);
        let rest = &t[at + 1..];
        let dl = rest.char_indices().take_while(|(_, c)| is_domain(*c)).last().map_or(0, |(i, c)| i + c.len_utf8());
        let domain = rest[..dl].trim_end_matches(['.', '-']);
        let tld_ok = domain.rsplit_once('.').is_some_and(|(_, tld)| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
        if local.is_empty() || !tld_ok {
            continue;
        }
        let e = format!("{}@{}", local, domain).to_lowercase();
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

/// http(s) and www. links in a text, with trailing punctuation removed; www. gets https://.
pub fn urls_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !text.fhas("http") && !text.fhas("www.") {
        return out;
    }
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let start = ["https://", "http://", "www."]
            .iter()
            .filter_map(|p| rest.ffind(p).map(|k| (k, *p)))
            .min_by_key(|(k, _)| *k);
        let Some((k, p)) = start else { break };
        let s = i + k;
        // "www." must start a word (not inside an e-mail or another URL).
        if p == "www." && s > 0 && !text[..s].ends_with([' ', '(', '<', ':', '\u{a0}']) {
            i = s + 4;
            continue;
        }
        let e = text[s..].find(|c: char| c.is_whitespace() || "<>\"«»()[]".contains(c)).map_or(text.len(), |x| s + x);
        let mut u = text[s..e].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’']).to_string();
        if u.starts_with("www.") {
            u = format!("https://{u}");
        }
        if u.len() > 12 && !out.contains(&u) {
            out.push(u);
        }
        i = e.max(s + 1);
    }
    out
}

const APPLY_CUES: [&str; 25] = [
    "postuler", "candidature", "candidatures", "candidater", "cv", "lettre de motivation", "envoyer", "envoyez",
    "adresser", "adressez", "formulaire", "en ligne", "inscription", "inscrire", "repondre", "plateforme", "deposer",
    "deposent", "depot", "ecrivez", "ecrivez-nous", "ecris", "ecris-nous", "envoie", "envoie-nous",
];
const APPLY_URL_PARTS: [&str; 13] = [
    "recrut", "emploi", "job", "offre", "candidat", "apply", "postul", "career", "carriere", "form", "welcometothejungle", "inscription",
    "depot",
];
/// Where a sentence gives an address for questions, not for applications.
const QUESTION_CUES: [&str; 7] = ["question", "questions", "renseignement", "renseignements", "information", "informations", "precision"];
/// Local parts of an organization's general addresses.
const GENERAL_BOXES: [&str; 10] = ["contact", "info", "infos", "accueil", "secretariat", "bonjour", "hello", "admin", "communication", "web"];

fn is_name_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|f| f.is_uppercase()) && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-' || c == '\'')
        && w.chars().count() >= 2
}

/// A person's name (two or three capitalized words) at the start of `s`; returns its byte length.
fn name_at(s: &str) -> Option<usize> {
    let mut end = 0;
    let mut n = 0;
    let mut rest = s;
    for prefix in ["Mme ", "M. ", "Madame ", "Monsieur "] {
        if let Some(r) = rest.strip_prefix(prefix) {
            end += prefix.len();
            rest = r;
            break;
        }
    }
    for w in rest.split(' ') {
        let core = w.trim_end_matches([',', '.', ':', ';', ')']);
        let upper_surname = core.len() >= 2 && core.chars().all(|c| c.is_uppercase() || c == '-');
        if n < 3 && (is_name_word(core) || (n >= 1 && upper_surname)) && !is_common_capitalized(core) {
            if n > 0 {
                end += 1; // the space before this word
            }
            end += core.len();
            n += 1;
            if core.len() != w.len() {
                break;
            }
        } else {
            break;
        }
    }
    (n >= 2).then_some(end)
}

fn is_common_capitalized(w: &str) -> bool {
    matches!(
        fold(w).as_str(),
        "le" | "la" | "les" | "l" | "un" | "une" | "des" | "du" | "de" | "nous" | "vous" | "merci" | "pour" | "par"
            | "avant" | "contact" | "candidature" | "cv" | "rh" | "association" | "service" | "direction"
    )
}

/// The contact person: "à l'attention de X, rôle", "à X, rôle, à l'adresse", "Contact : X, rôle".
pub fn contact_in(text: &str) -> Option<String> {
    let f = fold(text);
    for cue in [
        "a l'attention de ", "a l'attention d'", "a l'intention de ", "a l'intention d'", "aupres de ", "contact : ",
        "renseignements : ", "adressee a ", "adressees a ", "adresser a ", "a adresser a ", "envoyer a ", " a ",
    ] {
        let mut from = 0;
        while let Some(p) = f[from..].ffind(cue) {
            let p = from + p;
            from = p + cue.len();
            let start = p + cue.len();
            // Map folded offset to original: folding keeps byte lengths for ASCII, but not for
            // accented letters; walk the original to the same character count.
            let chars_before = f[..start].chars().count();
            let Some((os, _)) = text.char_indices().nth(chars_before) else { continue };
            let rest = &text[os..];
            let Some(nl) = name_at(rest) else { continue };
            let name = rest[..nl].trim();
            // Role: ", role" up to a separator.
            let after = &rest[nl..];
            let mut out = name.to_string();
            if let Some(r) = after.strip_prefix(", ") {
                let stop = r
                    .find(|c: char| c == ':' || c == ',' || c == '(' || c == ')' || c == ';')
                    .into_iter()
                    .chain([" à ", " par ", ". ", " au ", " avant ", " - ", " – "].iter().filter_map(|s| r.ffind(s)))
                    .min()
                    .unwrap_or(r.len());
                let role = r[..stop].trim().trim_end_matches('.');
                let words = role.split_whitespace().count();
                if (1..=8).contains(&words) && !role.contains('@') && !role.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    out = format!("{out}, {role}");
                }
            } else if let Some(r) = after.strip_prefix(" (") {
                if let Some(close) = r.find(')') {
                    let role = &r[..close];
                    if role.split_whitespace().count() <= 8 && !role.contains('@') {
                        out = format!("{out}, {role}");
                    }
                }
            }
            return Some(out);
        }
    }
    None
}

fn sentence_with(line: &Line, cue_pos: usize) -> String {
    let t = &line.text;
    let (os, _) = line.f.orig_range(cue_pos, cue_pos);
    let s = t[..os].frfind(". ").map_or(0, |k| k + 2);
    let mut e = t[os..].ffind(". ").map_or(t.len(), |k| os + k + 1);
    // A dash starts another clause ("… à x@y.be – date limite : …").
    if let Some(d) = [" – ", " — ", " - "].iter().filter_map(|d| t[os..e].find(d)).min() {
        e = os + d;
    }
    let mut out = t[s..e].trim();
    // A sentence that is only a lead-in to a list of addresses: drop the addresses.
    if !out.ends_with('.') {
        if let Some(c) = out.rfind(':') {
            let tail = &out[c + 1..];
            if !tail.trim().is_empty() && tail.split_whitespace().all(|w| w.contains('@') || w.chars().all(|c| !c.is_alphanumeric())) {
                out = out[..c].trim_end();
            }
        }
    }
    out.to_string()
}

/// How to apply.
pub fn extract(cx: &Ctx) -> Apply {
    let mut apply = Apply::default();
    let mut apply_lines: Vec<usize> = Vec::new();
    static GATES: std::sync::OnceLock<super::text::Cues> = std::sync::OnceLock::new();
    let gates = GATES.get_or_init(|| super::text::Cues::new(&["at", "arobase", "http", "https", "www"]));
    for (i, line) in cx.doc.lines.iter().enumerate() {
        if line.skipped() {
            continue;
        }
        let (mut mail_gate, mut url_gate) = (line.text.contains('@'), false);
        gates.each_in(line.fold(), &cx.fspans[i], |k, _| {
            if k <= 1 {
                mail_gate = true;
            } else {
                url_gate = true;
            }
        });
        if mail_gate {
            for e in emails_in(&line.text) {
                if !apply.emails.contains(&e) {
                    apply.emails.push(e);
                }
            }
        }
        let f = line.fold();
        let sec = cx.layout.section[i];
        static APPLY: std::sync::OnceLock<super::text::Cues> = std::sync::OnceLock::new();
        let cue = APPLY.get_or_init(|| super::text::Cues::new(&APPLY_CUES)).any_in(f, &cx.fspans[i]) || f.starts_with("contact") || f.starts_with("renseignements");
        if sec == Section::Apply || cue {
            apply_lines.push(i);
        }
        let mut links: Vec<String> = if url_gate { urls_in(&line.text) } else { Vec::new() };
        links.extend(line.links.iter().cloned());
        for u in links {
            let uf = u.to_lowercase();
            // The sentence around the link decides, not the whole line.
            let bare = u.strip_prefix("https://").filter(|b| b.starts_with("www.")).unwrap_or(&u);
            let sent = match line.text.find(bare) {
                Some(p) => {
                    let s = line.text[..p].frfind(". ").map_or(0, |k| k + 2);
                    fold(&line.text[s..p])
                }
                None => f.to_string(),
            };
            let info_only = sent.fhas("plus d'information") || sent.fhas("plus d'infos") || sent.fhas("en savoir plus") || sent.fhas("site internet");
            let looks_apply = APPLY_URL_PARTS.iter().any(|p| uf.fhas(p));
            // A link alone on its line takes the sentence before it ("… le formulaire en ligne :").
            let alone = line.text.trim() == u || line.text.trim().trim_end_matches(['.', '/']) == u.trim_end_matches('/');
            let lead_in = alone && i > 0 && {
                let prev = cx.doc.lines[i - 1].fold();
                has_any_word(prev, &APPLY_CUES) && !has_any_word(prev, &QUESTION_CUES)
            };
            // A site's home page is no application form unless the sentence says to apply there.
            let root = uf.trim_end_matches('/').splitn(4, '/').nth(3).is_none_or(str::is_empty) || !uf.contains("://");
            let context_apply = !info_only
                && (lead_in || has_any_word(&sent, &APPLY_CUES) || (sec == Section::Apply && !root));
            if (looks_apply || context_apply) && !line.footer && !uf.fhas("bit.ly") && !apply.urls.contains(&u) {
                apply.urls.push(u);
            }
        }
    }
    // Contact and instructions from the application lines (the apply section first).
    let mut ordered: Vec<usize> = apply_lines.iter().copied().filter(|&i| cx.layout.section[i] == Section::Apply).collect();
    ordered.extend(apply_lines.iter().copied().filter(|&i| cx.layout.section[i] != Section::Apply));
    let mut best_instr: Option<(i32, String)> = None;
    for &i in &ordered {
        let line = &cx.doc.lines[i];
        let f = line.fold();
        if !cx.layout.heading[i] && line.words() >= 5 {
            for cue in ["envoyer", "envoyez", "adresser", "adressez", "postuler", "candidatures", "candidature", "merci de"] {
                if let Some(p) = super::text::find_word(f, cue) {
                    let s = sentence_with(line, p);
                    let sf = fold(&s);
                    let object = has_any_word(&sf, &["cv", "c.v", "lettre", "dossier"]);
                    let verb = has_any_word(&sf, &["envoyer", "envoyez", "envoyee", "adresser", "adressez", "postuler", "transmettre", "deposer", "merci d'envoyer"]);
                    let channel = sf.contains('@') || sf.fhas("http") || sf.fhas("www.") || has_any_word(&sf, &["mail", "e-mail", "courriel", "formulaire"]);
                    let score = object as i32 * 2 + verb as i32 * 2 + channel as i32 + (cx.layout.section[i] == Section::Apply) as i32;
                    if score >= 3 && best_instr.as_ref().is_none_or(|(b, _)| score > *b) {
                        best_instr = Some((score, s));
                    }
                    break;
                }
            }
        }
        if apply.contact.is_none() {
            let mut s = line.text.clone();
            // A name cut off at a line break ("… à l'intention de\nMarie Sadzot").
            if let Some(n) = cx.doc.lines.get(i + 1) {
                if s.len() < 200 {
                    s = format!("{s} {}", n.text);
                }
            }
            apply.contact = contact_in(&s);
        }
        if apply.address.is_none() && (f.fhas("candidatures papier") || f.fhas("par courrier") || f.fhas("par voie postale")) {
            if let Some(p) = f.ffind(" au ").or_else(|| f.ffind(" a l'adresse ")).or_else(|| f.ffind(" : ")) {
                let (os, _) = line.f.orig_range(p, p);
                let rest = &line.text[os..];
                let rest = rest.trim_start_matches([' ', ':']);
                let rest = rest.strip_prefix("au ").or_else(|| rest.strip_prefix("à l'adresse ")).unwrap_or(rest);
                let end = rest.ffind(". ").map_or(rest.len(), |k| k);
                let addr = rest[..end].trim_end_matches('.').trim();
                if addr.chars().any(|c| c.is_ascii_digit()) && addr.len() < 160 {
                    apply.address = Some(addr.to_string());
                }
            }
        }
    }
    apply.instructions = best_instr.map(|(_, s)| s);
    apply.emails = rank_emails(cx, apply.emails, !apply.urls.is_empty());
    if apply.address.is_none() {
        apply.address = contact_address(cx);
    }
    apply
}

/// The application e-mail first: one in a sentence about applying (CV, candidature, envoyer…)
/// comes before one given for questions or in the page's footer, and a general box (contact@,
/// info@) given for questions or in a footer is left out when a form or another address is the
/// way to apply.
fn rank_emails(cx: &Ctx, emails: Vec<String>, has_form: bool) -> Vec<String> {
    let mut scored: Vec<(i32, String)> = emails
        .into_iter()
        .map(|e| {
            let mut best = i32::MIN;
            for (i, l) in cx.doc.lines.iter().enumerate() {
                if l.skipped() || !l.text.contains(e.as_str()) {
                    continue;
                }
                let p = l.text.find(e.as_str()).unwrap_or(0);
                let s = l.text[..p].rfind(". ").map_or(0, |k| k + 2);
                let mut sent = fold(&l.text[s..p]);
                if sent.trim().is_empty() && i > 0 {
                    sent = cx.doc.lines[i - 1].fold().to_string();
                } else if (sent.starts_with("ou ") || sent.starts_with("et ")) && i > 0 {
                    // "… remplissez le formulaire : (link) / ou écrivez à …": the sentence began above.
                    sent = format!("{} {sent}", cx.doc.lines[i - 1].fold());
                }
                let mut score = 0;
                if has_any_word(&sent, &APPLY_CUES) || has_any_word(&sent, &["dossier", "lettre", "offres"]) {
                    score += 3;
                }
                if cx.layout.section[i] == Section::Apply {
                    score += 1;
                }
                if has_any_word(&sent, &QUESTION_CUES) && !has_any_word(&sent, &["cv", "candidature", "candidatures", "postuler"]) {
                    score -= 3;
                }
                // A footer, or an organization's address block at the end ("X – 3 rue … – contact@…").
                let address_block = [" – ", " · ", " | ", " - "].iter().map(|sep| l.text.matches(sep).count()).sum::<usize>() >= 2;
                if l.footer || (i + 3 >= cx.doc.lines.len() && address_block && !has_any_word(&sent, &APPLY_CUES)) {
                    score -= 2;
                }
                best = best.max(score);
            }
            let local = e.split('@').next().unwrap_or("").to_ascii_lowercase();
            if GENERAL_BOXES.contains(&local.as_str()) {
                best = best.saturating_sub(1);
            }
            (best, e)
        })
        .collect();
    let any_positive = scored.iter().any(|(s, _)| *s > 0);
    if any_positive {
        scored.retain(|(s, _)| *s >= 0);
    } else if has_form {
        scored.retain(|(s, _)| *s > 0);
    }
    // Stable: ties keep the text's order.
    scored.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
    scored.into_iter().map(|(_, e)| e).collect()
}

/// A postal address given in a contact block: its street, postal-code and country lines joined.
fn contact_address(cx: &Ctx) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for (i, l) in cx.doc.lines.iter().enumerate() {
        if cx.layout.section[i] != Section::Contact || cx.layout.heading[i] || l.skipped() {
            if !parts.is_empty() {
                break;
            }
            continue;
        }
        let f = l.fold();
        let street = f.split_whitespace().any(|w| matches!(w, "rue" | "route" | "avenue" | "boulevard" | "bd" | "chemin" | "place" | "quai" | "allee" | "impasse" | "cours" | "chaussee"))
            && f.chars().any(|c| c.is_ascii_digit());
        let postal = f.split_whitespace().next().is_some_and(|w| (w.len() == 5 || w.len() == 4) && w.chars().all(|c| c.is_ascii_digit()));
        let country = matches!(f.trim(), "france" | "belgique" | "suisse" | "canada");
        if (street || postal || (country && !parts.is_empty())) && l.words() <= 10 && !f.contains('@') {
            parts.push(l.text.as_str());
        } else if !parts.is_empty() {
            break;
        }
    }
    (parts.len() >= 2).then(|| parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::super::Ctx;
    use super::*;

    #[test]
    fn the_application_address_before_the_general_ones() {
        let a = extract(&Ctx::new(
            "Pour toute question : info@lacle.org\n\nCandidature\nCV et lettre à recrutement@lacle.org avant le 3 mars.\n\nLa Clé – 3 rue Haute – 69001 Lyon – contact@lacle.org",
        ));
        assert_eq!(a.emails, ["recrutement@lacle.org"]);
        // Applying through a form: a footer's or a question's address is not a way to apply.
        let a = extract(&Ctx::new(
            "Pour candidater, remplissez le formulaire en ligne :\nhttps://lacle.org/nous-rejoindre/animateur\nPour toute question : info@lacle.org",
        ));
        assert_eq!((a.emails.len(), a.urls.as_slice()), (0, &["https://lacle.org/nous-rejoindre/animateur".to_string()][..]));
        // "… le formulaire : (link) / ou écrivez à …": the address is a way to apply too.
        let a = extract(&Ctx::new("Pour vous inscrire, remplissez le formulaire :\nhttps://x.ca/benevoles/inscription\nou écrivez à Nathalie, responsable : benevolat@x.ca"));
        assert_eq!(a.emails, ["benevolat@x.ca"]);
        // An address found only on a skipped line (an e-mail header) ranks last, without overflow.
        let _ = extract(&Ctx::new("De : Lucie <lucie@relais.example>\nTexte de l'offre."));
        // With no other way, the only address stays.
        assert_eq!(extract(&Ctx::new("Bénévole\n\nÉcrivez-nous : contact@lacle.org")).emails, ["contact@lacle.org"]);
        // A home page in a footer is no application form.
        assert!(extract(&Ctx::new("Candidature\nCV à rh@lacle.org\nLa Clé – www.lacle.org")).urls.is_empty());
    }

    #[test]
    fn finds_emails_in_all_forms() {
        assert_eq!(emails_in("CV à lea.galloy@alinsky.fr ;"), ["lea.galloy@alinsky.fr"]);
        assert_eq!(emails_in("écrire à recrutement [at] asso.org."), ["recrutement@asso.org"]);
        assert_eq!(emails_in("jean.dupont(at)asso-x.fr"), ["jean.dupont@asso-x.fr"]);
        assert_eq!(emails_in("contact arobase exemple.be"), ["contact@exemple.be"]);
        assert_eq!(emails_in("Florian@LeLabo-ESS.org."), ["florian@lelabo-ess.org"]);
        assert!(emails_in("@twitter et a@b").is_empty());
    }

    #[test]
    fn finds_urls() {
        assert_eq!(urls_in("en ligne sur www.archipel.org/offres. Merci"), ["https://www.archipel.org/offres"]);
        assert_eq!(urls_in("(voir <https://alinsky.fr/>)"), ["https://alinsky.fr/"]);
        assert!(urls_in("a.roux@www.x.fr").is_empty());
    }

    #[test]
    fn contact_people() {
        assert_eq!(
            contact_in("Envoyez avant le 17 juillet votre lettre de motivation et CV à Florian Laboulais, Responsable projets et développement, à l'adresse suivante : florian@lelabo-ess.org."),
            Some("Florian Laboulais, Responsable projets et développement".into())
        );
        assert_eq!(
            contact_in("par mail à l’intention de Marie Sadzot, co-responsable RH à recrutement@ilot.be"),
            Some("Marie Sadzot, co-responsable RH".into())
        );
        assert_eq!(
            contact_in("envoyez votre CV à a.rodriguez@x.fr (à l’attention d’Adrien Rodriguez, responsable RH) avant le 11 avril"),
            Some("Adrien Rodriguez, responsable RH".into())
        );
        assert_eq!(contact_in("Envoyez votre CV à l'association."), None);
    }

    #[test]
    fn apply_block() {
        let a = extract(&Ctx::new(
            "Candidature\nPour postuler, envoyez votre CV et une lettre de motivation à j.m@cinema.fr (à l'attention de Julien Mémomart, délégué général) avant le 7 septembre 2025. Plus d'informations sur nos actions : www.cinema.fr.\nLes candidatures papier sont à envoyer au 14 cours des Colibris, 59777 Lille.",
        ));
        assert_eq!(a.emails, ["j.m@cinema.fr"]);
        assert!(a.urls.is_empty(), "{:?}", a.urls);
        assert_eq!(a.contact.as_deref(), Some("Julien Mémomart, délégué général"));
        assert!(a.instructions.as_deref().unwrap().starts_with("Pour postuler, envoyez votre CV"));
        assert_eq!(a.address.as_deref(), Some("14 cours des Colibris, 59777 Lille"));
    }
}
