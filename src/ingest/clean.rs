//! From bytes to clean lines: decoding (UTF-8, UTF-16 with BOM, else Windows-1252), refusing empty
//! and binary input, and per line: spaces, markdown leftovers, bullets, site navigation/footer junk.

use super::furniture;
use super::text::Folded;

/// Why a file's bytes are not a posting text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// Nothing but whitespace.
    Empty,
    /// Not text; the string says what it looks like.
    Binary(String),
}

/// Which encoding a text was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
}

/// Decodes a file's bytes: UTF-8 (a BOM is dropped), UTF-16 with a BOM, otherwise Windows-1252
/// (what Word writes). Empty and binary content (PDF, Office, images, NUL bytes) are refused.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeProblem> {
    const MAGIC: [(&[u8], &str); 7] = [
        (b"%PDF", "a PDF file: name it .pdf to read its text layer"),
        (b"PK\x03\x04", "a zip or Office (.docx/.odt) file: name it .docx or .odt to read it"),
        (b"\xD0\xCF\x11\xE0", "an old Office (.doc) file: save it as .docx, or copy its text into a .txt file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"{\\rtf", "an RTF file: save it as .docx or .odt, or copy its text into a .txt file"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(DecodeProblem::Binary(format!("looks like {what}")));
        }
    }
    let (text, enc) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8)
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (s, _) = enc.decode_with_bom_removal(bytes);
        (s.into_owned(), Encoding::Utf16)
    } else if bytes.contains(&0) {
        return Err(DecodeProblem::Binary("contains NUL bytes, so it is not a text file".into()));
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), Encoding::Utf8),
            Err(_) => {
                let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                (s.into_owned(), Encoding::Windows1252)
            }
        }
    };
    let (controls, total) = count_controls(&text);
    if total > 0 && controls * 50 > total {
        return Err(DecodeProblem::Binary(format!(
            "{controls} of its {total} characters are control characters, so it is not a text file"
        )));
    }
    if text.trim().is_empty() {
        return Err(DecodeProblem::Empty);
    }
    Ok((text, enc))
}

/// The marker a list line started with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bullet {
    /// •, ●, ▪, ➢, *, +, >, o …
    Symbol,
    /// -, –, —
    Dash,
    /// 1. 2) a) …
    Numbered,
}

/// One cleaned line of the posting.
#[derive(Debug, Clone)]
pub struct Line {
    /// The text without bullet, markdown marks or extra spaces.
    pub text: String,
    /// Folded form of `text` (lowercase ASCII), with a map back to `text`.
    pub f: Folded,
    /// Leading spaces before the bullet or text (a tab counts 4).
    pub indent: usize,
    /// The 1-based number of the input line this line starts on (for evidence).
    pub n: usize,
    pub bullet: Option<Bullet>,
    /// A markdown `#` heading.
    pub md_heading: bool,
    /// Blank lines right before this one.
    pub blank_before: usize,
    /// Site navigation, share buttons, alerts… never part of the offer.
    pub junk: bool,
    /// Page footer (after "nous suivre", "avec le soutien de"…): kept for addresses, not for the body.
    pub footer: bool,
    /// Page metadata about the posting rather than part of it: a publication line ("Publiée le …",
    /// "12.03.2024 - Offre d'emploi", "il y a 3 jours"), a forum or e-mail header ("Démarré par …",
    /// "Posté par …", "Objet : …"), a job board's sector tags ("Associations · Logement"). Never a
    /// title, an organization or body text; its dates are publication dates.
    pub meta: bool,
    /// Targets of markdown links on the line (http(s) only).
    pub links: Vec<String>,
    nwords: usize,
    /// Byte offset of the first ':' in the folded text and the word count before it, when the
    /// line could be "Label : value".
    label: Option<(usize, usize)>,
}

impl Line {
    /// The folded text.
    pub fn fold(&self) -> &str {
        &self.f.text
    }
    /// Junk or metadata: a line no field but the publication date reads.
    pub fn skipped(&self) -> bool {
        self.junk || self.meta
    }
    /// Number of words.
    pub fn words(&self) -> usize {
        self.nwords
    }
    /// Splits "Label : value" lines (label of at most `max_words` words). Returns the folded label
    /// (trimmed) and the original value text.
    pub fn label_value(&self, max_words: usize) -> Option<(&str, &str)> {
        let (i, words) = self.label?;
        if words > max_words {
            return None;
        }
        let f = self.fold();
        // Symbols before a label are decoration ("✅ Indemnité : …", "🏃 Mission : …"); some
        // symbols alone say what follows ("📍 Vierzon (18)", "📅 6 mois, dès janvier").
        let head = f[..i].trim();
        let label = match SYMBOL_LABELS.iter().find(|(sym, _)| head.trim_end_matches('\u{fe0f}') == *sym) {
            Some((_, says)) => says,
            None => {
                let l = head.trim_start_matches(|c: char| !c.is_alphanumeric());
                // A question as label reads as the label it stands for ("Où ?" → "lieu").
                QUESTION_LABELS.iter().find(|(q, _)| *q == l).map_or(l, |(_, says)| says)
            }
        };
        // The value starts after the separator (a colon, a question mark, the space after a pin).
        let oi = self.f.orig(i);
        let value = self.text[oi..].char_indices().nth(1).map_or("", |(k, _)| &self.text[oi + k..]).trim();
        if value.is_empty() {
            return None;
        }
        Some((label, value))
    }
    /// The byte offset, in the folded text, of what ends the label of a "Label : value" line (its
    /// colon, question mark or pin).
    pub fn label_end(&self) -> Option<usize> {
        self.label.map(|(i, _)| i)
    }
    /// True when nothing follows a final colon ("Profil recherché :").
    pub fn ends_with_colon(&self) -> bool {
        self.text.trim_end().ends_with(':')
    }
}

/// A pin at a line's start labels a place ("📍 Vierzon (18)"), as on social media posts.
const PIN: &str = "📍";

/// Symbols that label what follows them on social-media posts, and the label each stands for.
const SYMBOL_LABELS: [(&str, &str); 9] = [
    (PIN, "lieu"), ("📅", "periode"), ("🗓", "periode"), ("⏰", "horaires"), ("🕒", "horaires"), ("⏱", "duree"),
    ("💶", "remuneration"), ("💰", "remuneration"), ("💵", "remuneration"),
];

/// A line opening with one of [`SYMBOL_LABELS`] and a space: the symbol's end (its label's end).
fn symbol_label(f: &str) -> Option<(usize, usize)> {
    let (sym, _) = SYMBOL_LABELS.iter().find(|(sym, _)| f.starts_with(sym))?;
    let end = sym.len() + if f[sym.len()..].starts_with('\u{fe0f}') { '\u{fe0f}'.len_utf8() } else { 0 };
    f[end..].strip_prefix(' ').is_some_and(|r| !r.trim().is_empty()).then_some((end, 1))
}

/// Words a question label starts with, on pages that set fields out as questions ("Où ? Lyon",
/// "Quand ? À partir de mars", "Quel organisme ? …").
const QUESTION_WORDS: [&str; 9] = ["ou", "quand", "quel", "quelle", "quels", "quelles", "combien", "qui", "pour qui"];

/// The labels questions stand for.
const QUESTION_LABELS: [(&str, &str); 12] = [
    ("ou", "lieu"), ("ou ca", "lieu"), ("ou ca se passe", "lieu"), ("quand", "periode"), ("quelle duree", "duree"),
    ("quel organisme", "organisme"), ("quelle structure", "structure"), ("quelle association", "association"),
    ("qui recrute", "employeur"), ("qui sommes-nous", "presentation"), ("quelle remuneration", "remuneration"),
    ("quelle indemnite", "indemnite"),
];

/// A question used as a label: a short question ("Où ?", "Quel organisme ?") followed by its
/// answer on the same line. Returns the question mark's offset and the question's word count.
fn question_label(f: &str) -> Option<(usize, usize)> {
    let i = f.find('?')?;
    let q = f[..i].trim().trim_start_matches(|c: char| !c.is_alphanumeric());
    let words = q.split_whitespace().count();
    let value = f[i + 1..].trim();
    // The question is a question word, or opens with one ("quel organisme").
    let asks = QUESTION_WORDS.iter().any(|w| q.strip_prefix(w).is_some_and(|r| r.is_empty() || r.starts_with(' ')));
    (words <= 4 && asks && !value.is_empty() && !value.ends_with('?')).then_some((i, words))
}

/// The cleaned text, line by line.
#[derive(Debug, Clone)]
pub struct Doc {
    pub lines: Vec<Line>,
}

const JUNK_LINES: [&str; 48] = [
    "skip to content", "skip to main content", "aller au contenu", "aller au contenu principal",
    "passer au contenu", "passer au contenu principal", "back to top", "retour en haut",
    "retour en haut de page", "haut de page", "retour", "retour aux offres", "retour a la liste", "menu",
    "rechercher", "partager", "partager cette offre", "partager l'offre", "partager sur", "share",
    "share this", "imprimer", "imprimer l'offre", "imprimer cette offre", "voir site internet",
    "voir le site", "voir le site internet", "nous suivre", "suivez-nous", "suivez nous",
    "nous suivre sur les reseaux", "suivez-nous sur les reseaux", "nous suivre sur les reseaux sociaux",
    "avec le soutien de", "avec le soutien de :", "fermer", "cookies", "accepter", "tweet", "j'aime",
    "copier le lien", "newsletter", "postuler", "postuler a cette offre", "je postule", "candidater",
    "envoyer a un ami", "signaler cette offre",
];

const JUNK_STARTS: [&str; 19] = [
    "activez les alertes", "creer une alerte", "recevez les offres", "recevez nos offres",
    "accepter les cookies", "ce site utilise des cookies", "tous droits reserves", "mentions legales",
    "politique de confidentialite", "inscrivez-vous a notre newsletter", "abonnez-vous a notre newsletter",
    "s'inscrire a la newsletter",
    // A mailing's own lines.
    "vous ne voyez pas correctement", "si ce message ne s'affiche pas", "afficher dans le navigateur",
    "voir la version en ligne", "se desinscrire", "pour vous desinscrire", "vous recevez ce message",
];

const SOCIAL: [&str; 13] = [
    "twitter", "facebook", "linkedin", "instagram", "youtube", "mastodon", "whatsapp", "x", "email",
    "e-mail", "mail", "bluesky", "tiktok",
];

const FOOTER_CUES: [&str; 6] = [
    "nous suivre", "suivez-nous", "suivez nous", "avec le soutien de", "nos partenaires financiers", "nos financeurs",
];

fn is_junk(f: &str) -> bool {
    let t = f.trim().trim_end_matches([':', '!', '.', ' ']).trim();
    if t.is_empty() {
        return false;
    }
    if JUNK_LINES.contains(&t) || JUNK_STARTS.iter().any(|s| t.starts_with(s)) || t.starts_with('©') {
        return true;
    }

    // A line made only of social network names ("Twitter Facebook LinkedIn", "Partager : X | LinkedIn").
    if t.len() > 80 {
        return false;
    }
    let words: Vec<&str> = t
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.iter().all(|w| SOCIAL.contains(w) || *w == "partager" || *w == "sur")
        && words.iter().any(|w| SOCIAL.contains(w) && *w != "x" && *w != "mail")
}

/// "Accueil > Offres > Chargé·e de communication", "Accueil » Emploi » Offre".
fn is_breadcrumb(t: &str) -> bool {
    (t.contains('>') || t.contains('»') || t.contains('›') || t.contains(" / "))
        && t.chars().count() < 160
        && (t.matches(" > ").count() >= 2 || (t.matches(" » ").count() >= 2 && !t.contains('«')) || t.matches(" › ").count() >= 2
            || (furniture::starts_home(t) && (t.contains(" > ") || t.contains(" › ") || t.contains(" » ") || t.matches(" / ").count() >= 2))
            || (t.matches(" / ").count() >= 2 && furniture::starts_nav(t))
            || furniture::section_crumb(t))
}

fn bullet_of(t: &str) -> Option<(Bullet, usize)> {
    let mut chars = t.char_indices();
    let (_, c) = chars.next()?;
    let next = chars.next();
    let after_space = |n: Option<(usize, char)>| matches!(n, Some((_, ' ')));
    match c {
        '•' | '●' | '◦' | '○' | '▪' | '▫' | '■' | '□' | '◆' | '◇' | '➢' | '➤' | '►' | '▶' | '▸' | '‣' | '⁃'
        | '✓' | '✔' | '→' | '⇒' | '·' | '❖' | '♦' | '\u{f0b7}' | '\u{f0a7}' | '\u{f0d8}' => {
            let n = c.len_utf8();
            Some((Bullet::Symbol, n))
        }
        '*' | '+' | '>' if after_space(next) => Some((Bullet::Symbol, 1)),
        'o' if after_space(next) && t[2..].starts_with(|c: char| c.is_uppercase()) => Some((Bullet::Symbol, 1)),
        '-' | '–' | '—' if after_space(next) || matches!(next, Some((_, c2)) if c2.is_alphabetic() && c != '-') => {
            Some((Bullet::Dash, c.len_utf8()))
        }
        '0'..='9' | 'a'..='h' => {
            // "1. ", "12) ", "a) "
            let b = t.as_bytes();
            let mut i = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let is_letter = i == 0;
            if is_letter {
                i = 1;
            }
            if i > 2 || i >= b.len() {
                return None;
            }
            let p = b[i];
            let ok = if is_letter { p == b')' } else { p == b'.' || p == b')' };
            if ok && b.get(i + 1) == Some(&b' ') {
                Some((Bullet::Numbered, i + 1))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Removes markdown marks; returns the text and the http(s) targets of its links.
fn strip_markdown(s: &str, links: &mut Vec<String>) -> String {
    if !s.bytes().any(|b| matches!(b, b'[' | b'<' | b'\\' | b'*' | b'_')) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = b[i];
        if c == b'[' {
            // [text](target)
            if let Some(close) = s[i + 1..].find(']') {
                let close = i + 1 + close;
                if s[close + 1..].starts_with('(') {
                    if let Some(end) = s[close + 2..].find(')') {
                        let target = s[close + 2..close + 2 + end].trim();
                        let label = &s[i + 1..close];
                        if target.starts_with("http://") || target.starts_with("https://") {
                            links.push(target.to_string());
                        }
                        out.push_str(label);
                        i = close + 2 + end + 1;
                        continue;
                    }
                }
            }
        }
        if c == b'<' && (s[i + 1..].starts_with("http://") || s[i + 1..].starts_with("https://")) {
            if let Some(end) = s[i + 1..].find('>') {
                out.push_str(&s[i + 1..i + 1 + end]);
                i = i + 1 + end + 1;
                continue;
            }
        }
        if c == b'\\' && i + 1 < b.len() && b"*_-#[]()>.!".contains(&b[i + 1]) {
            out.push(b[i + 1] as char);
            i += 2;
            continue;
        }
        if c == b'*' || (c == b'_' && i + 1 < b.len() && b[i + 1] == b'_') {
            // Emphasis marks: drop runs of * and __ that touch a word on one side.
            let run_end = {
                let mut j = i;
                while j < b.len() && b[j] == c {
                    j += 1;
                }
                j
            };
            let before_space = i == 0 || b[i - 1] == b' ';
            let after_space = run_end >= b.len() || b[run_end] == b' ';
            if !(before_space && after_space) {
                i = run_end;
                continue;
            }
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn normalize_chars(raw: &str) -> String {
    let b = raw.as_bytes();
    let mut s = String::with_capacity(raw.len());
    let mut i = 0;
    while i < b.len() {
        // Printable ASCII runs are copied in bulk.
        let start = i;
        while i < b.len() && (0x20..0x7f).contains(&b[i]) {
            i += 1;
        }
        s.push_str(&raw[start..i]);
        if i >= b.len() {
            break;
        }
        let c = raw[i..].chars().next().expect("char boundary");
        i += c.len_utf8();
        match c {
            '\t' => s.push_str("    "),
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\u{2002}' | '\u{2003}' | '\u{200a}' | '\u{3000}' => {
                s.push(' ')
            }
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            c if c.is_control() => {}
            c => s.push(c),
        }
    }
    s
}

fn collapse_spaces(s: &str) -> String {
    let t = s.trim();
    if !t.contains("  ") {
        return t.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Cleans a decoded text into lines (blank lines are counted, not kept).
pub fn clean(text: &str) -> Doc {
    let mut lines = Vec::new();
    let mut blank = 0usize;
    let raws: Vec<&str> = text.split('\n').flat_map(|r| r.strip_suffix('\r').unwrap_or(r).split('\r')).collect();
    let mut k = 0;
    while k < raws.len() {
        // Lines hard-wrapped in the middle of a sentence (PDF text, e-mails) are joined again.
        let start = k;
        let mut piece = raws[k].to_string();
        while k + 1 < raws.len() && wraps_into(&piece, raws[k + 1]) {
            piece.push(' ');
            piece.push_str(raws[k + 1].trim());
            k += 1;
        }
        let before = lines.len();
        push_line(&piece, &mut blank, &mut lines);
        for l in &mut lines[before..] {
            l.n = start + 1;
        }
        k += 1;
    }
    mark_footer(&mut lines);
    furniture::mark_masthead(&mut lines);
    furniture::mark_relayed(&mut lines);
    furniture::mark_digest(&mut lines);
    furniture::mark_other_offers(&mut lines);
    Doc { lines }
}

/// The control characters of a text other than line breaks, tabs and form feeds (C0, DEL and
/// C1), and its number of characters, counted over the bytes.
fn count_controls(text: &str) -> (usize, usize) {
    let b = text.as_bytes();
    // Sums of 0/1 over the bytes, which the compiler vectorises: continuation bytes (10xxxxxx) are
    // not characters of their own; C0 and DEL are single bytes; U+0080–U+009F are C2 80 – C2 9F.
    let count = |test: fn(u8) -> bool| b.iter().map(|&c| usize::from(test(c))).sum::<usize>();
    let total = b.len() - count(|c| c & 0xC0 == 0x80);
    let c0 = count(|c| c < 0x20 || c == 0x7F) - count(|c| matches!(c, b'\n' | b'\r' | b'\t' | 0x0C));
    let c1 = b.split(|&c| c == 0xC2).skip(1).filter(|rest| rest.first().is_some_and(|n| (0x80..0xA0).contains(n))).count();
    (c0 + c1, total)
}

fn push_line(raw: &str, blank: &mut usize, lines: &mut Vec<Line>) {
    let n = normalize_chars(raw);
    let indent = n.len() - n.trim_start().len();
    let mut t = n.trim();
    if t.is_empty() {
        *blank += 1;
        return;
    }
    // Several inline bullets on one line ("• a • b • c") become separate lines, unless they are a
    // site's menu ("Accueil • L'association • Emplois • Contact").
    let inline: Vec<&str> = if t.contains('•') && !furniture::is_menu(&super::text::fold(t)) { t.split(" • ").collect() } else { Vec::new() };
    if inline.len() >= 3 {
        for (k, part) in inline.iter().enumerate() {
            let p = if k == 0 { part.to_string() } else { format!("• {part}") };
            push_line(&p, blank, lines);
        }
        return;
    }
    let mut md_heading = false;
    if t.starts_with('#') {
        let h = t.trim_start_matches('#');
        if h.starts_with(' ') {
            md_heading = true;
            t = h.trim();
        }
    }
    let mut bullet = None;
    if let Some((b, len)) = bullet_of(t) {
        bullet = Some(b);
        t = t[len..].trim_start();
        // A second marker ("- • item") adds nothing.
        if let Some((_, len2)) = bullet_of(t) {
            if len2 <= 3 && b != Bullet::Numbered {
                t = t[len2..].trim_start();
            }
        }
    }
    let mut links = Vec::new();
    // Columns (tabs or runs of spaces, as tables and menus paste): a row of short navigation
    // items is a menu; two cells, a short label and its value, read as "label : value".
    let cells: Vec<&str> = if t.contains("   ") { t.split("   ").map(str::trim).filter(|c| !c.is_empty()).collect() } else { Vec::new() };
    let joined;
    if cells.len() >= 2 {
        if furniture::is_menu_cells(&cells) {
            let text = collapse_spaces(t);
            let f = Folded::new(&text);
            let nwords = text.split_whitespace().count();
            lines.push(Line { text, f, indent, n: 0, bullet, md_heading, blank_before: *blank, junk: true, footer: false, meta: false, links, nwords, label: None });
            *blank = 0;
            return;
        }
        if cells.len() == 2 && !cells[0].contains(':') && cells[0].split_whitespace().count() <= 5 && !cells[0].ends_with(['.', ',']) {
            joined = format!("{} : {}", cells[0], cells[1]);
            t = &joined;
        }
    }
    let mut text = collapse_spaces(&strip_markdown(t, &mut links));
    // A PDF's running header or footer with its page number: the page number goes, the line is
    // kept as footer (it names the organization and its address, it is not the offer's text).
    let paged = match furniture::page_suffix(&text) {
        Some(p) => {
            text = text[..p].trim_end().trim_end_matches(['–', '-', '|', '·', ':', ' ']).to_string();
            true
        }
        None => false,
    };
    if text.is_empty() || text.chars().all(|c| !c.is_alphanumeric()) {
        *blank += 1;
        return;
    }
    let f = Folded::new(&text);
    let junk = is_junk(&f.text) || is_breadcrumb(&text);
    let nwords = text.split_whitespace().count();
    let label = f.text.find(':').and_then(|i| {
        let l = f.text[..i].trim();
        let words = l.split_whitespace().count();
        let value = text[f.orig(i) + 1..].trim();
        (!l.is_empty() && words <= 8 && !l.contains("http") && !value.is_empty()).then_some((i, words))
    });
    let label = label.or_else(|| question_label(&f.text)).or_else(|| symbol_label(&f.text));
    let junk = junk || furniture::is_junk(&f.text, &text);
    let meta = !junk && furniture::is_meta(&f.text, &text);
    lines.push(Line { text, f, indent, n: 0, bullet, md_heading, blank_before: *blank, junk, footer: paged, meta, links, nwords, label });
    *blank = 0;
}

/// True when `next` continues the sentence `line` was cut in: it starts in lowercase (not as a
/// list item), and `line` ends on a small word or a comma, or is a long line without a final stop.
fn wraps_into(line: &str, next: &str) -> bool {
    let (l, n) = (line.trim_end(), next.trim_start());
    if l.is_empty() || bullet_of(n).is_some() || n.starts_with("http") {
        return false;
    }
    // An address cut after a comma: "12 allée des Saules," / "33160 Saint-Médard-en-Jalles".
    if l.ends_with(',') && n.split_whitespace().next().is_some_and(|w| (4..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())) {
        return true;
    }
    if !n.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    const SMALL: [&str; 24] = [
        "a", "à", "de", "des", "du", "d'", "et", "la", "le", "les", "l'", "en", "pour", "sur", "au", "aux", "un", "une",
        "avec", "dans", "par", "ou", "son", "sa",
    ];
    let last = l.rsplit(' ').next().unwrap_or("").to_lowercase();
    SMALL.contains(&last.as_str()) || l.ends_with(',') || (l.chars().count() >= 60 && !l.ends_with(['.', ':', ';', '!', '?', ')']))
}

/// From a footer cue on, when only short lines follow, the rest of the page is footer.
fn mark_footer(lines: &mut [Line]) {
    let n = lines.len();
    for i in 0..n {
        if lines[i].words() > 8 {
            continue;
        }
        let f = lines[i].fold();
        if FOOTER_CUES.iter().any(|c| f.starts_with(c)) {
            let rest_short = lines[i + 1..].iter().all(|l| l.junk || l.text.chars().count() < 100);
            if rest_short {
                for l in &mut lines[i..] {
                    l.footer = true;
                }
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_pins_and_symbols_label_lines() {
        let d = clean("Où ? Le Lamentin (97232)\nQuel organisme ? Lakou Vèt\nQui peut candidater ?\n📍 Vierzon (18)\n✅ Indemnité : 620 €\nTu aimes le sport ? Rejoins-nous");
        let labels: Vec<Option<(&str, &str)>> = d.lines.iter().map(|l| l.label_value(8)).collect();
        assert_eq!(
            labels,
            [Some(("lieu", "Le Lamentin (97232)")), Some(("organisme", "Lakou Vèt")), None, Some(("lieu", "Vierzon (18)")), Some(("indemnite", "620 €")), None]
        );
        // A pin glued to a word labels nothing (and cuts no character).
        assert_eq!(clean("📍Écully\nOù ?é").lines.iter().map(|l| l.label_value(8)).collect::<Vec<_>>(), [None, Some(("lieu", "é"))]);
    }

    #[test]
    fn counts_controls_as_chars_do() {
        let by_chars = |t: &str| {
            (t.chars().filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count(), t.chars().count())
        };
        for t in ["", "abc\n\tdef\r\n\u{c}", "\u{0}\u{1}x\u{1f}\u{7f}", "é\u{80}\u{9f}\u{a0}ÿ€", "Ā\u{85}𝄞 \u{2028}", "\u{c2}\u{7e}"] {
            assert_eq!(count_controls(t), by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn decodes_utf8_cp1252_utf16() {
        assert_eq!(decode("été".as_bytes()).unwrap(), ("été".to_string(), Encoding::Utf8));
        assert_eq!(decode(b"\xEF\xBB\xBFab").unwrap().0, "ab");
        let cp = b"Charg\xe9 d\x92\xe9tudes \x80";
        assert_eq!(decode(cp).unwrap(), ("Chargé d’études €".to_string(), Encoding::Windows1252));
        let u16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Lyon".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(decode(&u16).unwrap(), ("Lyon".to_string(), Encoding::Utf16));
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b"  \n\t\n"), Err(DecodeProblem::Empty));
        assert_eq!(decode(b""), Err(DecodeProblem::Empty));
        assert!(matches!(decode(b"%PDF-1.4 ..."), Err(DecodeProblem::Binary(m)) if m.contains("PDF")));
        assert!(matches!(decode(b"ab\0cd"), Err(DecodeProblem::Binary(_))));
        assert!(matches!(decode(b"\x01\x02\x03\x04abc"), Err(DecodeProblem::Binary(_))));
    }

    #[test]
    fn strips_bullets_markdown_and_spaces() {
        let d = clean("  • Première\u{a0}mission\n- **Gras** et [lien](#)\n1. Un\n  ➢ Deux\n> Trois\nNormal - ligne");
        let t: Vec<&str> = d.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(t, ["Première mission", "Gras et lien", "Un", "Deux", "Trois", "Normal - ligne"]);
        assert_eq!(d.lines[0].bullet, Some(Bullet::Symbol));
        assert_eq!(d.lines[0].indent, 2);
        assert_eq!(d.lines[1].bullet, Some(Bullet::Dash));
        assert_eq!(d.lines[2].bullet, Some(Bullet::Numbered));
        assert_eq!(d.lines[5].bullet, None);
    }

    #[test]
    fn keeps_link_targets_and_footnote_marks() {
        let d = clean("Voir [le site](https://asso.org/offre) et <https://x.fr/a>\n(novembre)¹ 12 m²");
        assert_eq!(d.lines[0].text, "Voir le site et https://x.fr/a");
        assert_eq!(d.lines[0].links, ["https://asso.org/offre"]);
        assert_eq!(d.lines[1].text, "(novembre)¹ 12 m²");
    }

    #[test]
    fn marks_junk_and_footer() {
        let d = clean("Skip to content\nTitre\n[Twitter](#) [Facebook](#) [LinkedIn](#)\nTexte long de l'offre.\nNOUS SUIVRE SUR LES RÉSEAUX :\nBRUXELLES\n13 Rue X – 1050 Bruxelles\nBack To Top");
        let junk: Vec<bool> = d.lines.iter().map(|l| l.junk).collect();
        assert_eq!(junk, [true, false, true, false, true, false, false, true]);
        let footer: Vec<bool> = d.lines.iter().map(|l| l.footer).collect();
        assert_eq!(footer, [false, false, false, false, true, true, true, true]);
        assert!(clean("Activez les alertes d’offres d’emploi par e-mail !").lines[0].junk);
        assert!(clean("Vous ne voyez pas correctement ce message ? Ouvrez-le dans votre navigateur").lines[0].junk);
        assert!(clean("[Accueil](#) > [Offres](#) > Chargé·e de communication").lines[0].junk);
        assert!(clean("Accueil » Emploi » Comptable").lines[0].junk);
        assert!(!clean("Appuyer l'équipe « Communication » et « Projets » dans la valorisation").lines[0].junk);
    }

    #[test]
    fn label_values() {
        let d = clean("Lieu de travail : Paris (7ème arrondissement)\nhttps://x.org : lien");
        assert_eq!(d.lines[0].label_value(5), Some(("lieu de travail", "Paris (7ème arrondissement)")));
        assert_eq!(d.lines[1].label_value(5), None);
    }
}
