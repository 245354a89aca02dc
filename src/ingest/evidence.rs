//! Evidence: for each field of an extracted record, the line of the text its value was read from,
//! so that `vitrine show` (and a publisher reviewing a record) sees where a value came from. The
//! extractors that choose between candidates report their line (title, dates); the others are
//! found again by their value in the text.

use super::text::fold;
use super::Ctx;
use crate::model::Posting;

/// Where one field's value was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The field's name, as in the data format (`title`, `organization`, `places`, `pay`…).
    pub field: &'static str,
    /// The 1-based number of the input line.
    pub line: usize,
    /// The words of that line, as cleaned.
    pub text: String,
}

/// The lines of a posting's text that each field of `p` was read from. `known` gives the lines
/// the extractors chose themselves (index in the cleaned text).
pub fn gather(cx: &Ctx, p: &Posting, known: &[(&'static str, usize)]) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    let mut put = |field: &'static str, i: usize| {
        if let Some(l) = cx.doc.lines.get(i) {
            if !out.iter().any(|e| e.field == field) {
                out.push(Evidence { field, line: l.n, text: l.text.clone() });
            }
        }
    };
    for &(field, i) in known {
        put(field, i);
    }
    let lines = &cx.doc.lines;
    // The first line, not page furniture, whose folded text holds `needle` (prefer labelled lines).
    let find = |needle: &str| -> Option<usize> {
        let n = fold(needle);
        let n = n.trim();
        if n.len() < 2 {
            return None;
        }
        let hits: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].junk && lines[i].fold().contains(n)).collect();
        hits.iter().copied().find(|&i| lines[i].label_value(6).is_some()).or(hits.first().copied())
    };
    if !p.organization.is_empty() {
        let core = p.organization.trim_start_matches("Association ");
        if let Some(i) = find(core) {
            put("organization", i);
        }
    }
    if let Some(pl) = p.places.first() {
        if let Some(i) = pl.postal_code.as_deref().and_then(find).or_else(|| pl.city.as_deref().and_then(find)) {
            put("places", i);
        }
    }
    if let Some(pay) = &p.pay {
        if let Some(i) = find(&pay.text) {
            put("pay", i);
        }
    }
    for e in &p.apply.emails {
        if let Some(i) = find(e) {
            put("apply.emails", i);
        }
    }
    for u in &p.apply.urls {
        if let Some(i) = find(u) {
            put("apply.urls", i);
        }
    }
    let cue_line = |cues: &[&str]| (0..lines.len()).find(|&i| !lines[i].skipped() && cues.iter().any(|c| super::text::find_word(lines[i].fold(), c).is_some()));
    if p.remote.is_some() {
        if let Some(i) = cue_line(&["teletravail", "remote", "distance", "presentiel", "hybride", "sur site"]) {
            put("remote", i);
        }
    }
    if let Some(h) = p.hours_per_week {
        let n = if h.fract() == 0.0 { format!("{}", h as u32) } else { format!("{h}").replace('.', ",") };
        let i = (0..lines.len()).find(|&i| {
            let f = lines[i].fold();
            !lines[i].skipped() && (super::hours::hours_label(&lines[i]).is_some() || (f.contains(&n) && (f.contains(" h") || f.contains("heure"))))
        });
        if let Some(i) = i {
            put("hours_per_week", i);
        }
    }
    if let Some(d) = p.duration_months {
        let i = (0..lines.len()).find(|&i| !lines[i].skipped() && super::hours::duration_label(&lines[i]).is_some()).or_else(|| {
            let m = d.min.to_string();
            (0..lines.len()).find(|&i| {
                let f = lines[i].fold();
                !lines[i].skipped() && f.contains(&m) && (f.contains(" mois") || f.contains(" an"))
            })
        });
        if let Some(i) = i {
            put("duration_months", i);
        }
    }
    let contract_cues: &[&str] = match p.contract.key() {
        "cdi" => &["cdi", "duree indeterminee", "poste permanent"],
        "cdd" => &["cdd", "duree determinee", "contrat de", "remplacement"],
        "stage" => &["stage", "stagiaire"],
        "alternance" => &["alternance", "apprentissage", "professionnalisation"],
        "service_civique" => &["service civique", "volontariat"],
        "benevolat" => &["benevole", "benevoles", "benevolat", "volontariat"],
        "freelance" => &["freelance", "prestation", "prestataire", "appel d'offres", "consultation"],
        _ => &["appel a projets", "appel a candidatures", "projet", "subvention"],
    };
    if let Some(i) = (0..lines.len()).find(|&i| super::contract::label(&lines[i]).is_some()).or_else(|| cue_line(contract_cues)) {
        put("contract", i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::extract;

    #[test]
    fn fields_name_the_lines_they_come_from() {
        let text = "Accueil | Contact | Faire un don | Nous rejoindre\n\nÉducateur spécialisé (H/F)\n\nAssociation Les Écureuils — Lyon (France)\n\
                    Type de contrat : CDI\nRémunération : 2 150 € bruts mensuels\n\nCandidature\nCV à recrutement@ecureuils.org avant le 15 octobre 2025.";
        let e = extract(text, None);
        let at = |f: &str| e.evidence.iter().find(|x| x.field == f).map(|x| (x.line, x.text.as_str()));
        assert_eq!(at("title"), Some((3, "Éducateur spécialisé (H/F)")));
        assert_eq!(at("organization"), Some((5, "Association Les Écureuils — Lyon (France)")));
        assert_eq!(at("contract"), Some((6, "Type de contrat : CDI")));
        assert_eq!(at("pay"), Some((7, "Rémunération : 2 150 € bruts mensuels")));
        assert_eq!(at("deadline"), Some((10, "CV à recrutement@ecureuils.org avant le 15 octobre 2025.")));
        assert_eq!(at("apply.emails").map(|x| x.0), Some(10));
        assert_eq!(at("remote"), None, "nothing said about remote work");
    }
}
