//! Values written for the interface in its locale (`i18n::Locale`): numbers, amounts, dates,
//! durations, working hours and deadline badges; the checks that keep links safe; element ids.
//! Pure functions (no yew), tested natively. The words come from `i18n`.

use super::i18n::{self, Lang, Locale};
use crate::catalogue::DeadlineStatus;
use crate::model::{Amount, Currency, Date, MonthRange, Pay, PayBasis, PayPeriod, Start, YearMonth};

/// A day: "15 octobre 2025", "1er mars 2024" / "1 March 2024" / "1 maart 2024".
pub fn date(d: Date, locale: Locale) -> String {
    let lang = locale.lang();
    let day = if d.day() == 1 && lang == Lang::Fr { "1er".to_string() } else { d.day().to_string() };
    format!("{day} {} {}", i18n::month_name(lang, d.month()), d.year())
}

/// A month: "février 2026", "February 2026", "februari 2026".
pub fn year_month(m: YearMonth, locale: Locale) -> String {
    format!("{} {}", i18n::month_name(locale.lang(), m.month()), m.year())
}

/// Capitalises the first letter of a text that starts with a month name ("février 2026" →
/// "Février 2026"). Month names start with an ASCII letter in every language (a test checks it),
/// so ASCII upper-casing is enough and the wasm carries no Unicode case table for it.
fn capitalise_month(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// "Dès que possible", "Février 2026", "1er février 2026".
pub fn start(s: Start, locale: Locale) -> String {
    match s {
        Start::Asap => locale.texts().asap.to_string(),
        Start::Month(m) => capitalise_month(&year_month(m, locale)),
        Start::Date(d) => date(d, locale),
    }
}

/// The thousands separator and decimal mark of a locale.
fn marks(locale: Locale) -> (char, char) {
    match locale {
        // French typography: a narrow no-break space between groups.
        Locale::FrFr | Locale::FrBe => ('\u{202F}', ','),
        Locale::NlBe => ('.', ','),
        Locale::En => (',', '.'),
    }
}

/// A whole number with its thousands separated: "29 000" (narrow no-break space), "29.000", "29,000".
pub fn number(n: u32, locale: Locale) -> String {
    let (group, _) = marks(locale);
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 8);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(ch);
    }
    out
}

/// A number of hours: whole when it is ("37"), else one decimal ("17,5", "17.5"), rounded half
/// to even as Rust's `{:.1}` does ("17,2" for 17.25).
///
/// Integer arithmetic only: float formatting would add about 20 kB to the wasm.
pub fn decimal(x: f32, locale: Locale) -> String {
    if (x - x.round()).abs() < 0.01 {
        return (x.round() as i64).to_string();
    }
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    // An `f32` with a fraction is below 2^23, and 10 x is exact in an `f64`.
    let tenths = (f64::from(x) * 10.0).round_ties_even().abs() as u64;
    let (_, mark) = marks(locale);
    let mut out = String::with_capacity(12);
    if x.is_sign_negative() {
        out.push('-');
    }
    out.push_str(&(tenths / 10).to_string());
    out.push(mark);
    out.push(char::from(b'0' + (tenths % 10) as u8));
    out
}

/// How a currency is written in a locale, and whether it goes before the amount.
fn currency(c: Currency, locale: Locale) -> (&'static str, bool) {
    match (locale, c) {
        (Locale::FrFr | Locale::FrBe, c) => (c.symbol(), false),
        (Locale::NlBe, Currency::CAD) => ("CA$", false),
        (Locale::NlBe, c) => (c.symbol(), false),
        (Locale::En, Currency::EUR) => ("€", true),
        (Locale::En, Currency::CHF) => ("CHF\u{a0}", true),
        (Locale::En, Currency::CAD) => ("CA$", true),
    }
}

/// An amount of money: its whole units grouped, and its cents when it has some ("4,35",
/// "2 150", "25.50").
pub fn money(a: Amount, locale: Locale) -> String {
    let mut s = number(a.whole() as u32, locale);
    if a.fraction() != 0 {
        let (_, mark) = marks(locale);
        s.push(mark);
        s.push(char::from(b'0' + (a.fraction() / 10) as u8));
        s.push(char::from(b'0' + (a.fraction() % 10) as u8));
    }
    s
}

/// Short pay for cards: "29 000 € brut / an", "€2,000 – 2,300 / month", "29.000 € bruto / jaar";
/// `None` without an amount.
pub fn pay_short(p: &Pay, locale: Locale) -> Option<String> {
    let amount = match (p.min, p.max) {
        (Some(a), Some(b)) if a != b => format!("{} – {}", money(a, locale), money(b, locale)),
        (Some(a), _) | (None, Some(a)) => money(a, locale),
        (None, None) => return None,
    };
    let t = locale.texts();
    let mut s = match currency(p.currency, locale) {
        (symbol, true) => format!("{symbol}{amount}"),
        (symbol, false) => format!("{amount}\u{a0}{symbol}"),
    };
    match p.basis {
        Some(PayBasis::Gross) => s.push_str(&format!(" {}", t.gross)),
        Some(PayBasis::Net) => s.push_str(&format!(" {}", t.net)),
        None => {}
    }
    let period = match p.period {
        Some(PayPeriod::Year) => Some(t.per_year),
        Some(PayPeriod::Month) => Some(t.per_month),
        Some(PayPeriod::Hour) => Some(t.per_hour),
        None => None,
    };
    if let Some(period) = period {
        s.push_str(&format!(" / {period}"));
    }
    Some(s)
}

/// Pay for the detail view: the amount when known, and the original words (in the offer's
/// language) when they add to it.
pub fn pay_parts(p: &Pay, locale: Locale) -> (Option<String>, Option<&str>) {
    let short = pay_short(p, locale);
    let words = p.text.trim();
    let adds = !words.is_empty() && Some(words) != short.as_deref();
    (short, adds.then_some(words))
}

/// "12 mois", "4 à 6 mois" / "1 month", "4 to 6 months" / "1 maand", "4 tot 6 maanden".
pub fn duration(r: MonthRange, locale: Locale) -> String {
    let lang = locale.lang();
    let unit = match (lang, lang.is_singular(r.max as usize)) {
        (Lang::Fr, _) => "mois",
        (Lang::En, true) => "month",
        (Lang::En, false) => "months",
        (Lang::Nl, true) => "maand",
        (Lang::Nl, false) => "maanden",
    };
    if r.min == r.max {
        return format!("{} {unit}", r.min);
    }
    let to = match lang {
        Lang::Fr => "à",
        Lang::En => "to",
        Lang::Nl => "tot",
    };
    format!("{} {to} {} {unit}", r.min, r.max)
}

/// Working hours: "37 h par semaine", "17,5 h par semaine" / "37 hours a week" / "37 uur per week".
pub fn hours(h: f32, locale: Locale) -> String {
    let n = decimal(h, locale);
    match locale.lang() {
        Lang::Fr => format!("{n}\u{a0}h par semaine"),
        Lang::En if (h - 1.0).abs() < 0.01 => format!("{n}\u{a0}hour a week"),
        Lang::En => format!("{n}\u{a0}hours a week"),
        Lang::Nl => format!("{n}\u{a0}uur per week"),
    }
}

/// Deadlines further than this many days are given as a date rather than a countdown.
const COUNTDOWN_DAYS: i64 = 30;

/// Badge text for a deadline, `None` when the posting has none.
pub fn deadline_badge(status: &DeadlineStatus, deadline: Option<Date>, locale: Locale) -> Option<String> {
    let t = locale.texts();
    Some(match (*status, deadline) {
        (DeadlineStatus::NoDeadline, _) => return None,
        (DeadlineStatus::Open { days_left: 0 }, _) => t.closes_today.to_string(),
        (DeadlineStatus::Open { days_left: 1 }, _) => t.closes_tomorrow.to_string(),
        (DeadlineStatus::Open { days_left }, Some(d)) if days_left > COUNTDOWN_DAYS => i18n::until(locale, d),
        (DeadlineStatus::Open { days_left }, _) => i18n::closes_in(locale, days_left),
        (DeadlineStatus::Expired { .. }, _) => t.closed.to_string(),
    })
}

/// Whether a badge should draw attention (closing within a week).
pub fn deadline_urgent(status: &DeadlineStatus) -> bool {
    matches!(*status, DeadlineStatus::Open { days_left } if days_left <= 7)
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

/// Percent-encodes everything but unreserved ASCII (RFC 3986), for URL query values: the
/// encoding of the page URL's parameters (`embed::url::encode`), as a new string.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    crate::embed::url::encode(s, &mut out);
    out
}

/// A value usable in an element id (names may hold spaces, quotes, accents): its ASCII letters
/// and digits (others as `_`), then a hash of it in lowercase hex, without leading zeros.
pub fn dom_id(value: &str) -> String {
    let mut id: String = value.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    let hash = value.bytes().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    let digits = (32 - hash.leading_zeros()).div_ceil(4).max(1);
    for k in (0..digits).rev() {
        id.push(char::from(b"0123456789abcdef"[(hash >> (4 * k) & 15) as usize]));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: Locale = Locale::FrFr;

    fn pay(min: Option<u32>, max: Option<u32>, period: Option<PayPeriod>, text: &str) -> Pay {
        Pay { min: min.map(|a| Amount::units(a as u64)), max: max.map(|a| Amount::units(a as u64)), period, currency: Currency::EUR, basis: Some(PayBasis::Gross), text: text.into() }
    }

    #[test]
    fn dates_per_locale() {
        let d = Date::new(2025, 10, 15).unwrap();
        let first = Date::new(2024, 3, 1).unwrap();
        assert_eq!(date(d, FR), "15 octobre 2025");
        assert_eq!(date(first, FR), "1er mars 2024");
        assert_eq!(date(first, Locale::FrBe), "1er mars 2024");
        assert_eq!(date(d, Locale::NlBe), "15 oktober 2025");
        assert_eq!(date(first, Locale::NlBe), "1 maart 2024");
        assert_eq!(date(d, Locale::En), "15 October 2025");
        assert_eq!(date(first, Locale::En), "1 March 2024");
        let feb = YearMonth::new(2026, 2).unwrap();
        assert_eq!(start(Start::Month(feb), FR), "Février 2026");
        assert_eq!(start(Start::Month(feb), Locale::En), "February 2026");
        assert_eq!(start(Start::Month(feb), Locale::NlBe), "Februari 2026");
        assert_eq!(start(Start::Asap, FR), "Dès que possible");
        assert_eq!(start(Start::Asap, Locale::En), "As soon as possible");
        assert_eq!(start(Start::Date(first), Locale::NlBe), "1 maart 2024");
    }

    #[test]
    fn month_names_capitalise_in_ascii() {
        for lang in [Lang::Fr, Lang::En, Lang::Nl] {
            for m in 1..=12 {
                let name = i18n::month_name(lang, m);
                assert!(name.starts_with(|c: char| c.is_ascii_alphabetic()), "{name}");
                let mut upper = name.chars();
                let expected: String = upper.next().unwrap().to_uppercase().chain(upper).collect();
                assert_eq!(capitalise_month(name), expected);
            }
        }
        assert_eq!(capitalise_month("août 2026"), "Août 2026");
        assert_eq!(capitalise_month(""), "");
    }

    #[test]
    fn numbers_per_locale() {
        for (n, fr, nl, en) in [
            (0, "0", "0", "0"),
            (999, "999", "999", "999"),
            (29000, "29\u{202F}000", "29.000", "29,000"),
            (1234567, "1\u{202F}234\u{202F}567", "1.234.567", "1,234,567"),
        ] {
            assert_eq!(number(n, FR), fr);
            assert_eq!(number(n, Locale::FrBe), fr, "fr-BE writes numbers as fr-FR");
            assert_eq!(number(n, Locale::NlBe), nl);
            assert_eq!(number(n, Locale::En), en);
        }
        assert_eq!(decimal(17.5, FR), "17,5");
        assert_eq!(decimal(17.5, Locale::NlBe), "17,5");
        assert_eq!(decimal(17.5, Locale::En), "17.5");
        assert_eq!(decimal(37.0, Locale::En), "37");
    }

    /// `decimal` writes what `{:.1}` (or `{}` of the rounded value) wrote before it avoided float
    /// formatting, with the locale's decimal mark.
    #[test]
    fn decimal_matches_float_formatting() {
        let old = |x: f32, mark: char| {
            if (x - x.round()).abs() < 0.01 {
                format!("{}", x.round() as i64)
            } else {
                format!("{x:.1}").replace('.', &mark.to_string())
            }
        };
        let mut xs: Vec<f32> = (-4000..4000).map(|k| k as f32 / 100.0).collect();
        xs.extend((-400..400).map(|k| k as f32 / 4.0 + 0.001));
        xs.extend([0.05, 0.15, 0.25, 0.35, 0.45, 17.25, 17.75, -0.04, 1e-8, -1e-8, 8_388_607.5, -8_388_607.5]);
        xs.extend([16_777_216.0, 1e20, -1e20, f32::MAX, f32::MIN, f32::INFINITY, f32::NEG_INFINITY, f32::NAN]);
        // Every 997th f32 bit pattern: all magnitudes, signs and fraction lengths.
        xs.extend((0..u32::MAX / 997).map(|i| f32::from_bits(i * 997)));
        for x in xs {
            assert_eq!(decimal(x, FR), old(x, ','), "{x:e}");
            assert_eq!(decimal(x, Locale::En), old(x, '.'), "{x:e}");
        }
    }

    #[test]
    fn pay_per_locale() {
        let p = pay(Some(29000), Some(29000), Some(PayPeriod::Year), "29K€ brut par an");
        assert_eq!(pay_short(&p, FR).unwrap(), "29\u{202F}000\u{a0}€ brut / an");
        assert_eq!(pay_parts(&p, FR), (Some("29\u{202F}000\u{a0}€ brut / an".into()), Some("29K€ brut par an")));
        assert_eq!(pay_short(&p, Locale::NlBe).unwrap(), "29.000\u{a0}€ bruto / jaar");
        assert_eq!(pay_short(&p, Locale::En).unwrap(), "€29,000 gross / year");
        assert_eq!(pay_parts(&p, Locale::En), (Some("€29,000 gross / year".into()), Some("29K€ brut par an")));
        let r = pay(Some(32000), Some(36000), Some(PayPeriod::Year), "");
        assert_eq!(pay_short(&r, FR).unwrap(), "32\u{202F}000 – 36\u{202F}000\u{a0}€ brut / an");
        assert_eq!(pay_parts(&r, Locale::En), (Some("€32,000 – 36,000 gross / year".into()), None));
        let mut m = pay(Some(2000), Some(2300), Some(PayPeriod::Month), "");
        m.basis = Some(PayBasis::Net);
        m.currency = Currency::CHF;
        assert_eq!(pay_short(&m, Locale::En).unwrap(), "CHF\u{a0}2,000 – 2,300 net / month");
        assert_eq!(pay_short(&m, Locale::NlBe).unwrap(), "2.000 – 2.300\u{a0}CHF netto / maand");
        m.currency = Currency::CAD;
        m.period = Some(PayPeriod::Hour);
        assert_eq!(pay_short(&m, FR).unwrap(), "2\u{202F}000 – 2\u{202F}300\u{a0}$ CA net / heure");
        assert_eq!(pay_short(&m, Locale::En).unwrap(), "CA$2,000 – 2,300 net / hour");
        let words = pay(None, None, None, "Gratification : légale");
        assert_eq!(pay_short(&words, FR), None);
        assert_eq!(pay_parts(&words, Locale::En), (None, Some("Gratification : légale")));
    }

    #[test]
    fn durations_and_hours() {
        assert_eq!(duration(MonthRange { min: 4, max: 6 }, FR), "4 à 6 mois");
        assert_eq!(duration(MonthRange { min: 12, max: 12 }, FR), "12 mois");
        assert_eq!(duration(MonthRange { min: 1, max: 1 }, FR), "1 mois");
        assert_eq!(duration(MonthRange { min: 1, max: 1 }, Locale::En), "1 month");
        assert_eq!(duration(MonthRange { min: 4, max: 6 }, Locale::En), "4 to 6 months");
        assert_eq!(duration(MonthRange { min: 1, max: 1 }, Locale::NlBe), "1 maand");
        assert_eq!(duration(MonthRange { min: 4, max: 6 }, Locale::NlBe), "4 tot 6 maanden");
        assert_eq!(hours(37.0, FR), "37\u{a0}h par semaine");
        assert_eq!(hours(17.5, FR), "17,5\u{a0}h par semaine");
        assert_eq!(hours(37.0, Locale::NlBe), "37\u{a0}uur per week");
        assert_eq!(hours(37.0, Locale::En), "37\u{a0}hours a week");
        assert_eq!(hours(17.5, Locale::En), "17.5\u{a0}hours a week");
        assert_eq!(hours(1.0, Locale::En), "1\u{a0}hour a week");
    }

    #[test]
    fn deadline_badges() {
        let d = Date::new(2025, 10, 15);
        let badge = |s, l| deadline_badge(&s, d, l).unwrap();
        assert_eq!(deadline_badge(&DeadlineStatus::NoDeadline, None, FR), None);
        assert_eq!(badge(DeadlineStatus::Open { days_left: 0 }, FR), "Clôture aujourd’hui");
        assert_eq!(badge(DeadlineStatus::Open { days_left: 1 }, FR), "Clôture demain");
        assert_eq!(badge(DeadlineStatus::Open { days_left: 16 }, FR), "Clôture dans 16 jours");
        assert_eq!(badge(DeadlineStatus::Open { days_left: 30 }, FR), "Clôture dans 30 jours");
        assert_eq!(badge(DeadlineStatus::Open { days_left: 31 }, FR), "Jusqu’au 15 octobre 2025");
        assert_eq!(badge(DeadlineStatus::Expired { days_ago: 3 }, FR), "Clôturée");
        assert_eq!(badge(DeadlineStatus::Open { days_left: 0 }, Locale::En), "Closes today");
        assert_eq!(badge(DeadlineStatus::Open { days_left: 16 }, Locale::En), "Closes in 16 days");
        assert_eq!(badge(DeadlineStatus::Open { days_left: 31 }, Locale::En), "Until 15 October 2025");
        assert_eq!(badge(DeadlineStatus::Expired { days_ago: 3 }, Locale::NlBe), "Gesloten");
        assert_eq!(badge(DeadlineStatus::Open { days_left: 1 }, Locale::NlBe), "Sluit morgen");
        assert_eq!(badge(DeadlineStatus::Open { days_left: 31 }, Locale::NlBe), "Tot 15 oktober 2025");
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
        let all: String = (1..=255u8).map(char::from).collect();
        let expected: String = all
            .bytes()
            .map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
            .collect();
        assert_eq!(percent_encode(&all), expected);
    }

    #[test]
    fn dom_ids_keep_ascii_and_add_a_hex_hash() {
        let old = |value: &str| {
            value.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect::<String>()
                + &format!("{:x}", value.bytes().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32)))
        };
        for value in ["", "a", "\u{1}", "Lyon", "Saint-Étienne", "Emmaüs & Cie", "l'Îlot «x»", "zzzzzzzzzz", "0"] {
            assert_eq!(dom_id(value), old(value), "{value}");
        }
        // Hashes of every length, 1 to 8 hex digits.
        for n in 0..5000u32 {
            let value = char::from_u32(n).map_or_else(|| format!("x{n}"), |c| format!("{c}{n}"));
            assert_eq!(dom_id(&value), old(&value), "{value}");
        }
        assert_eq!(dom_id(""), "0");
        assert_eq!(dom_id("a"), "a61");
    }
}
