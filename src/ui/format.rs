//! French wording of values for the interface: dates, pay, durations, deadline badges, counts.
//! Pure functions (no yew), tested natively.

use crate::catalogue::{DeadlineStatus, Facet};
use crate::model::{Contract, Country, Date, Kind, MonthRange, Pay, PayBasis, PayPeriod, Remote, Start, Theme, YearMonth};

const MONTHS: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
];

fn month_name(m: u8) -> &'static str {
    MONTHS[(m as usize).clamp(1, 12) - 1]
}

/// "15 octobre 2025", "1er mars 2024".
pub fn date(d: Date) -> String {
    let day = if d.day() == 1 { "1er".to_string() } else { d.day().to_string() };
    format!("{day} {} {}", month_name(d.month()), d.year())
}

/// "février 2026".
pub fn year_month(m: YearMonth) -> String {
    format!("{} {}", month_name(m.month()), m.year())
}

/// Capitalises the first letter ("février 2026" → "Février 2026").
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "Dès que possible", "Février 2026", "1er février 2026".
pub fn start(s: Start) -> String {
    match s {
        Start::Asap => "Dès que possible".to_string(),
        Start::Month(m) => capitalise(&year_month(m)),
        Start::Date(d) => date(d),
    }
}

/// Thousands separated by a narrow no-break space, as French typography wants: "29 000".
pub fn number(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202F}');
        }
        out.push(ch);
    }
    out
}

/// Short pay for cards: "29 000 € brut / an", "2 000 – 2 300 € / mois"; `None` without an amount.
pub fn pay_short(p: &Pay) -> Option<String> {
    let amount = match (p.min, p.max) {
        (Some(a), Some(b)) if a != b => format!("{} – {}", number(a), number(b)),
        (Some(a), _) | (None, Some(a)) => number(a),
        (None, None) => return None,
    };
    let mut s = format!("{amount}\u{a0}{}", p.currency.symbol());
    match p.basis {
        Some(PayBasis::Gross) => s.push_str(" brut"),
        Some(PayBasis::Net) => s.push_str(" net"),
        None => {}
    }
    match p.period {
        Some(PayPeriod::Year) => s.push_str(" / an"),
        Some(PayPeriod::Month) => s.push_str(" / mois"),
        Some(PayPeriod::Hour) => s.push_str(" / heure"),
        None => {}
    }
    Some(s)
}

/// Full pay for the detail view: the amount when known, and the original words when they add to it.
pub fn pay_long(p: &Pay) -> String {
    match pay_short(p) {
        Some(short) if !p.text.trim().is_empty() && p.text.trim() != short => format!("{short} ({})", p.text.trim()),
        Some(short) => short,
        None => p.text.trim().to_string(),
    }
}

/// "12 mois", "4 à 6 mois", "1 mois".
pub fn duration(r: MonthRange) -> String {
    if r.min == r.max {
        format!("{} mois", r.min)
    } else {
        format!("{} à {} mois", r.min, r.max)
    }
}

/// "37 h par semaine", "17,5 h par semaine".
pub fn hours(h: f32) -> String {
    let s = if (h - h.round()).abs() < 0.01 { format!("{}", h.round() as i64) } else { format!("{h:.1}").replace('.', ",") };
    format!("{s}\u{a0}h par semaine")
}

/// Deadlines further than this many days are given as a date rather than a countdown.
const COUNTDOWN_DAYS: i64 = 30;

/// Badge text for a deadline, `None` when the posting has none.
pub fn deadline_badge(status: &DeadlineStatus, deadline: Option<Date>) -> Option<String> {
    Some(match (*status, deadline) {
        (DeadlineStatus::NoDeadline, _) => return None,
        (DeadlineStatus::Open { days_left: 0 }, _) => "Clôture aujourd’hui".to_string(),
        (DeadlineStatus::Open { days_left: 1 }, _) => "Clôture demain".to_string(),
        (DeadlineStatus::Open { days_left }, Some(d)) if days_left > COUNTDOWN_DAYS => format!("Jusqu’au {}", date(d)),
        (DeadlineStatus::Open { days_left }, _) => format!("Clôture dans {days_left} jours"),
        (DeadlineStatus::Expired { .. }, _) => "Clôturée".to_string(),
    })
}

/// Whether a badge should draw attention (closing within a week).
pub fn deadline_urgent(status: &DeadlineStatus) -> bool {
    matches!(*status, DeadlineStatus::Open { days_left } if days_left <= 7)
}

/// "1 offre", "2 offres", "Aucune offre".
pub fn offers(n: usize) -> String {
    match n {
        0 => "Aucune offre".to_string(),
        1 => "1 offre".to_string(),
        n => format!("{} offres", number(n as u32)),
    }
}

/// What a card says of the offer's type: the contract for jobs ("CDD"), else the kind ("Stage").
pub fn kind_short(kind: Kind, contract: Contract) -> &'static str {
    match (kind, contract) {
        (Kind::Emploi, Contract::None) => kind.label(),
        (Kind::Emploi, c) => c.label(),
        (k, _) => k.label(),
    }
}

/// Said when only closed offers match: "1 offre clôturée correspond à ces critères."
pub fn expired_matching(n: usize) -> String {
    if n == 1 {
        "1 offre clôturée correspond à ces critères.".to_string()
    } else {
        format!("{} offres clôturées correspondent à ces critères.", number(n as u32))
    }
}

/// Heading of a facet group.
pub fn facet_title(f: Facet) -> &'static str {
    match f {
        Facet::Kind => "Type d’offre",
        Facet::Contract => "Contrat",
        Facet::Country => "Pays",
        Facet::City => "Ville",
        Facet::Remote => "Télétravail",
        Facet::Theme => "Thématique",
        Facet::Organization => "Organisation",
    }
}

/// Label of a facet value key (enum keys get their French label; names are shown as they are).
pub fn facet_value(f: Facet, value: &str) -> String {
    let label = match f {
        Facet::Kind => Kind::from_key(value).map(Kind::label),
        Facet::Contract => Contract::from_key(value).map(Contract::label),
        Facet::Country => Country::from_key(value).map(Country::label),
        Facet::Remote => Remote::from_key(value).map(Remote::label),
        Facet::Theme => Theme::from_key(value).map(Theme::label),
        Facet::City | Facet::Organization => None,
    };
    label.map(str::to_string).unwrap_or_else(|| value.to_string())
}

/// An http(s) link that is safe to put in `href`, or `None` (javascript:, data:, relative…).
pub fn safe_url(raw: &str) -> Option<String> {
    let url = raw.trim();
    let lower = url.to_ascii_lowercase();
    let ok_scheme = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    (ok_scheme && clean && url.len() > "https://".len()).then(|| url.to_string())
}

/// A `mailto:` link with a subject, or `None` when the address does not look like one.
pub fn mailto(email: &str, subject: &str) -> Option<String> {
    let email = email.trim();
    let (local, domain) = email.split_once('@')?;
    let allowed = |c: char| c.is_ascii_alphanumeric() || "._%+-'".contains(c);
    let valid = !local.is_empty()
        && domain.contains('.')
        && local.chars().all(allowed)
        && domain.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    valid.then(|| format!("mailto:{email}?subject={}", percent_encode(subject)))
}

/// Percent-encodes everything but unreserved ASCII (RFC 3986), for URL query values.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Currency;

    fn pay(min: Option<u32>, max: Option<u32>, period: Option<PayPeriod>, text: &str) -> Pay {
        Pay { min, max, period, currency: Currency::EUR, basis: Some(PayBasis::Gross), text: text.into() }
    }

    #[test]
    fn dates_in_french() {
        assert_eq!(date(Date::new(2025, 10, 15).unwrap()), "15 octobre 2025");
        assert_eq!(date(Date::new(2024, 3, 1).unwrap()), "1er mars 2024");
        assert_eq!(start(Start::Month(YearMonth::new(2026, 2).unwrap())), "Février 2026");
        assert_eq!(start(Start::Asap), "Dès que possible");
    }

    #[test]
    fn numbers_and_pay() {
        assert_eq!(number(29000), "29\u{202F}000");
        assert_eq!(number(999), "999");
        assert_eq!(number(1234567), "1\u{202F}234\u{202F}567");
        let p = pay(Some(29000), Some(29000), Some(PayPeriod::Year), "29K€ brut par an");
        assert_eq!(pay_short(&p).unwrap(), "29\u{202F}000\u{a0}€ brut / an");
        assert_eq!(pay_long(&p), "29\u{202F}000\u{a0}€ brut / an (29K€ brut par an)");
        let r = pay(Some(32000), Some(36000), Some(PayPeriod::Year), "");
        assert_eq!(pay_short(&r).unwrap(), "32\u{202F}000 – 36\u{202F}000\u{a0}€ brut / an");
        let words = pay(None, None, None, "Gratification : légale");
        assert_eq!(pay_short(&words), None);
        assert_eq!(pay_long(&words), "Gratification : légale");
    }

    #[test]
    fn durations_hours_counts() {
        assert_eq!(duration(MonthRange { min: 4, max: 6 }), "4 à 6 mois");
        assert_eq!(duration(MonthRange { min: 12, max: 12 }), "12 mois");
        assert_eq!(hours(37.0), "37\u{a0}h par semaine");
        assert_eq!(hours(17.5), "17,5\u{a0}h par semaine");
        assert_eq!(offers(0), "Aucune offre");
        assert_eq!(offers(1), "1 offre");
        assert_eq!(offers(2), "2 offres");
        assert_eq!(expired_matching(1), "1 offre clôturée correspond à ces critères.");
        assert_eq!(expired_matching(3), "3 offres clôturées correspondent à ces critères.");
    }

    #[test]
    fn deadline_badges() {
        let d = Date::new(2025, 10, 15);
        assert_eq!(deadline_badge(&DeadlineStatus::NoDeadline, None), None);
        assert_eq!(deadline_badge(&DeadlineStatus::Open { days_left: 0 }, d).unwrap(), "Clôture aujourd’hui");
        assert_eq!(deadline_badge(&DeadlineStatus::Open { days_left: 1 }, d).unwrap(), "Clôture demain");
        assert_eq!(deadline_badge(&DeadlineStatus::Open { days_left: 16 }, d).unwrap(), "Clôture dans 16 jours");
        assert_eq!(deadline_badge(&DeadlineStatus::Open { days_left: 30 }, d).unwrap(), "Clôture dans 30 jours");
        assert_eq!(deadline_badge(&DeadlineStatus::Open { days_left: 31 }, d).unwrap(), "Jusqu’au 15 octobre 2025");
        assert_eq!(deadline_badge(&DeadlineStatus::Expired { days_ago: 3 }, d).unwrap(), "Clôturée");
        assert!(deadline_urgent(&DeadlineStatus::Open { days_left: 7 }));
        assert!(!deadline_urgent(&DeadlineStatus::Open { days_left: 8 }));
    }

    #[test]
    fn only_safe_links() {
        assert_eq!(safe_url(" https://alinsky.fr/ ").unwrap(), "https://alinsky.fr/");
        assert!(safe_url("javascript:alert(1)").is_none());
        assert!(safe_url("JAVASCRIPT:alert(1)").is_none());
        assert!(safe_url("data:text/html,<script>").is_none());
        assert!(safe_url("https://x.org/\"onmouseover=\"x").is_none());
        assert!(safe_url("/relative").is_none());
        assert_eq!(
            mailto("recrutement@ilot.be", "Candidature : Chargé·e").unwrap(),
            "mailto:recrutement@ilot.be?subject=Candidature%20%3A%20Charg%C3%A9%C2%B7e"
        );
        assert!(mailto("pas une adresse", "x").is_none());
        assert!(mailto("a@b.org?cc=evil@x.org", "x").is_none());
        assert!(mailto("a@b", "x").is_none());
    }

    #[test]
    fn kind_on_cards() {
        assert_eq!(kind_short(Kind::Emploi, Contract::Cdd), "CDD");
        assert_eq!(kind_short(Kind::Emploi, Contract::None), "Emploi");
        assert_eq!(kind_short(Kind::Stage, Contract::Stage), "Stage");
        assert_eq!(kind_short(Kind::Projet, Contract::None), "Projet");
    }

    #[test]
    fn facet_labels() {
        assert_eq!(facet_value(Facet::Kind, "service_civique"), "Service civique");
        assert_eq!(facet_value(Facet::Country, "BE"), "Belgique");
        assert_eq!(facet_value(Facet::City, "Lyon"), "Lyon");
        assert_eq!(facet_value(Facet::Theme, "unknown"), "unknown");
    }
}
