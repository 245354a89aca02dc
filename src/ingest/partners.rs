//! Partner organizations of the offer: "en partenariat avec X", "son partenaire X", "les
//! associations A et B (s'allient)" when one of them is the hiring organization, and the
//! organization behind an application e-mail address that is not the hiring one.

use super::text::FastStr;
use super::text::fold;
use super::Ctx;

fn alnum(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

/// A capitalized name at the start of `s` (up to `max` words, small connectors allowed inside).
fn name_at(s: &str, max: usize) -> Option<String> {
    let small = ["de", "du", "des", "la", "le", "les", "et", "pour", "en", "sur"];
    let mut out: Vec<&str> = Vec::new();
    for w in s.split_whitespace() {
        let core = w.trim_end_matches([',', '.', ';', ':', ')', '(']);
        let upper = core.chars().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_uppercase());
        let elided = (core.starts_with("L’") || core.starts_with("L'")) && core.chars().nth(2).is_some_and(|c| c.is_uppercase());
        if upper || elided || (!out.is_empty() && small.contains(&core) && core != "et") {
            out.push(core);
            if core.len() != w.len() || out.len() >= max {
                break;
            }
        } else {
            break;
        }
    }
    while out.last().is_some_and(|w| small.contains(w)) {
        out.pop();
    }
    (!out.is_empty()).then(|| out.join(" "))
}

fn same_org(a: &str, org_alnum: &str, org_last: &str) -> bool {
    let x = alnum(a);
    !x.is_empty() && (org_alnum.contains(&x) || x.contains(org_alnum) || (!org_last.is_empty() && x == org_last))
}

/// Partners named in the text.
pub fn extract(cx: &Ctx, organization: &str, emails: &[String]) -> Vec<String> {
    let org_alnum = alnum(organization);
    let org_last = fold(organization).split(' ').next_back().map(alnum).unwrap_or_default();
    let mut out: Vec<String> = Vec::new();
    let push = |n: String, out: &mut Vec<String>| {
        let n = n.trim_matches(|c: char| c == '*' || c == '"' || c.is_whitespace()).to_string();
        if n.chars().count() >= 2 && !same_org(&n, &org_alnum, &org_last) && !out.iter().any(|o| alnum(o) == alnum(&n)) {
            out.push(n);
        }
    };
    for (li, l) in cx.doc.lines.iter().enumerate() {
        if l.skipped() || l.footer {
            continue;
        }
        let f = l.fold();
        static GATE: std::sync::OnceLock<super::text::Cues> = std::sync::OnceLock::new();
        let gate = GATE.get_or_init(|| {
            super::text::Cues::new(&["partenaire", "partenaires", "partenariat", "associations", "structures", "organisations"])
        });
        if !gate.any_in(f, &cx.fspans[li]) {
            continue;
        }
        let orig_after = |fpos: usize| -> &str {
            let chars = f[..fpos].chars().count();
            l.text.char_indices().nth(chars).map_or("", |(o, _)| &l.text[o..])
        };
        for cue in ["en partenariat avec ", "son partenaire ", "sa partenaire ", "notre partenaire ", "partenaire : ", "partenaires : "] {
            let mut from = 0;
            while let Some(p) = f[from..].ffind(cue) {
                let s = from + p + cue.len();
                from = s;
                let rest = orig_after(s);
                let rest = rest
                    .strip_prefix("l'")
                    .or_else(|| rest.strip_prefix("l’"))
                    .or_else(|| rest.strip_prefix("la "))
                    .or_else(|| rest.strip_prefix("le "))
                    .unwrap_or(rest);
                if let Some(n) = name_at(rest, 5) {
                    push(n, &mut out);
                }
            }
        }
        // "les associations A (…) et B (…) décident de s'allier"
        for cue in ["les associations ", "les structures ", "les organisations "] {
            if let Some(p) = f.ffind(cue) {
                let s = p + cue.len();
                let rest = orig_after(s);
                if let Some(a) = name_at(rest, 4) {
                    let mut after = &rest[a.len()..];
                    after = after.trim_start();
                    if after.starts_with('(') {
                        if let Some(c) = after.find(')') {
                            after = after[c + 1..].trim_start();
                        }
                    }
                    if let Some(b_rest) = after.strip_prefix("et ") {
                        if let Some(b) = name_at(b_rest, 4) {
                            if same_org(&a, &org_alnum, &org_last) {
                                push(b, &mut out);
                            } else if same_org(&b, &org_alnum, &org_last) {
                                push(a, &mut out);
                            }
                        }
                    }
                }
            }
        }
    }
    // The organization behind an application address ("recrutement@ilot.be" → "L’Ilot").
    for e in emails {
        let Some(domain) = e.split('@').nth(1) else { continue };
        // The name part of the domain: "x.asso.fr" → "x", "carrefourfamilles.qc.ca" → "carrefourfamilles".
        let parts: Vec<&str> = domain.split('.').collect();
        if parts.len() < 2 {
            continue;
        }
        let mut k = parts.len() - 2;
        while k > 0 && matches!(parts[k], "asso" | "com" | "org" | "gouv" | "co" | "qc" | "on" | "net" | "coop") {
            k -= 1;
        }
        let core: String = parts[k].chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        if core.len() < 3 || same_org(&core, &org_alnum, &org_last) || org_alnum.contains(&core) {
            continue;
        }
        'lines: for l in &cx.doc.lines {
            if l.skipped() {
                continue;
            }
            let words: Vec<&str> = l.text.split_whitespace().collect();
            for i in 0..words.len() {
                for n in 1..=3 {
                    if i + n > words.len() {
                        break;
                    }
                    let cand: Vec<&str> = words[i..i + n].iter().map(|w| w.trim_end_matches([',', '.', ';', ':', ')'])).collect();
                    if !cand.iter().all(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_uppercase())) {
                        break;
                    }
                    let joined = cand.join(" ");
                    let a = alnum(&joined);
                    let bare = a.strip_prefix('l').filter(|_| joined.starts_with("L'") || joined.starts_with("L’")).unwrap_or(&a);
                    if a == core || bare == core {
                        push(joined, &mut out);
                        break 'lines;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Ctx;
    use super::*;

    #[test]
    fn partners_from_phrases_and_addresses() {
        let cx = Ctx::new("En 2019, l'association Possible, en partenariat avec Ronalpia, a lancé le programme.");
        assert_eq!(extract(&cx, "Association Possible", &[]), ["Ronalpia"]);
        let cx = Ctx::new("En 2019, les associations Possible (experte de la justice) et Ronalpia (experte de l'entrepreneuriat) décident de s'allier.");
        assert_eq!(extract(&cx, "Association Possible", &[]), ["Ronalpia"]);
        let cx = Ctx::new("La réception des candidatures se fera au niveau de L’Ilot, l’AMA restant responsable.\nÉcrire à recrutement@ilot.be");
        assert_eq!(extract(&cx, "AMA", &["recrutement@ilot.be".into()]), ["L’Ilot"]);
        let cx = Ctx::new("Basé à Villeurbanne, dans les bureaux de Justice Ensemble.");
        assert_eq!(extract(&cx, "Institut Alinsky", &["a.r@justiceensemble.org".into(), "l.g@alinsky.fr".into()]), ["Justice Ensemble"]);
        let cx = Ctx::new("Écrire à florian@lelabo-ess.org");
        assert!(extract(&cx, "Le Labo de l'ESS", &["florian@lelabo-ess.org".into()]).is_empty());
    }
}
