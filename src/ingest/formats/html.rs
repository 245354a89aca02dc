//! HTML pages → the offer's text: the page's main block only (navigation, banners, sidebars,
//! cookie and share bars, "offres similaires", footers and forms left out), written as the
//! markdown-ish text the extractor reads; and the schema.org `JobPosting` the page states
//! (JSON-LD or microdata).

use super::{collapse, Writer};
use crate::ingest::jsonld::{self, JobPosting};
use crate::ingest::text::fold;
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::{Map, Value};

/// What a page gives: its text, and its `JobPosting` fields when it states them.
#[derive(Debug, Clone)]
pub struct Page {
    pub text: String,
    pub job: Option<JobPosting>,
}

/// Reads a page's bytes (charset from a BOM or `<meta charset>`, else UTF-8, else Windows-1252).
pub fn read(bytes: &[u8]) -> Page {
    page(&decode(bytes))
}

/// Decodes a page's bytes.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_with_bom_removal(bytes).0.into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let declared = head.find("charset=").and_then(|i| {
        let rest = head[i + 8..].trim_start_matches(['"', '\'', ' ']);
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
        encoding_rs::Encoding::for_label(&rest.as_bytes()[..end])
    });
    match (declared, std::str::from_utf8(bytes)) {
        (Some(enc), _) if enc != encoding_rs::UTF_8 => enc.decode_without_bom_handling(bytes).0.into_owned(),
        (_, Ok(s)) => s.to_string(),
        (_, Err(_)) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// Reads a page's source.
pub fn page(source: &str) -> Page {
    let doc = Html::parse_document(source);
    let job = job_posting(&doc);
    let root = doc.root_element();
    let main = main_block(root);
    let mut text = to_text(main);
    // The page's title goes first when the main block lacks it.
    if let Some(title) = page_title(&doc, main) {
        if !starts_with_title(&text, &title) {
            text = format!("{title}\n\n{text}");
        }
    }
    // A page whose text is thin (a script-built page, a teaser) reads its JobPosting's description.
    if let Some(d) = job.as_ref().and_then(|j| j.description.as_deref()) {
        if words(&text) < 40.max(words(d) / 2) {
            let mut head = String::new();
            if let Some(t) = job.as_ref().and_then(|j| j.title.as_deref()) {
                head.push_str(&format!("{t}\n\n"));
            }
            if let Some(o) = job.as_ref().and_then(|j| j.organization.as_deref()) {
                head.push_str(&format!("{o}\n\n"));
            }
            text = format!("{head}{d}");
        }
    }
    Page { text, job }
}

/// An HTML fragment (a JobPosting's or a feed item's description) as text; plain text stays.
pub fn fragment_text(s: &str) -> String {
    if !s.contains('<') && !s.contains('&') {
        let mut w = Writer::new();
        for p in s.split("\n\n") {
            w.para(p);
        }
        return w.finish();
    }
    let frag = Html::parse_fragment(s);
    to_text(frag.root_element())
}

/// An HTML fragment's text on one line (a title, a name).
pub fn inline(s: &str) -> String {
    collapse(&fragment_text(s).replace('\n', " "))
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

// ---- What is left out ----

const DROP_TAGS: [&str; 24] = [
    "nav", "footer", "aside", "script", "style", "noscript", "form", "template", "svg", "iframe", "object",
    "video", "audio", "canvas", "button", "select", "textarea", "input", "label", "dialog", "head", "menu",
    "link", "meta",
];
const DROP_ROLES: [&str; 10] = [
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alertdialog", "toolbar",
];
/// Words of class names and ids that mark a page's furniture (matched at a word's start).
const DROP_WORDS: [&str; 22] = [
    "menu", "navbar", "navigation", "breadcrumb", "fil-ariane", "ariane", "cookie", "consent", "gdpr", "rgpd", "share",
    "sharing", "sharedaddy", "partage", "social", "sociaux", "sidebar", "related", "similar", "similaire", "newsletter",
    "skip",
];
/// Whole words of class names and ids.
const DROP_EXACT: [&str; 9] = ["nav", "comments", "commentlist", "respond", "autres", "widgets", "tarteaucitron", "popup", "modal"];
/// Headings of blocks listing other offers.
const OTHER_OFFERS: [&str; 8] = [
    "offres similaires", "autres offres", "d'autres offres", "ces offres pourraient", "vous aimerez aussi", "a voir aussi",
    "offres recentes", "dernieres offres",
];

fn words_of(name: &str) -> impl Iterator<Item = String> + '_ {
    // "site-nav", "post_navigation", "shareBar" → site, nav / post, navigation / share, bar.
    let mut spaced = String::with_capacity(name.len() + 4);
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_uppercase() && prev_lower {
            spaced.push(' ');
        }
        prev_lower = c.is_lowercase();
        spaced.push(c);
    }
    spaced
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect::<Vec<_>>()
        .into_iter()
}

/// Whether a class name or id marks furniture.
fn furniture_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.contains("fil-ariane") || lower.contains("breadcrumb") || lower.contains("autres-offres") || lower.contains("offres-similaires") {
        return true;
    }
    let ws: Vec<String> = words_of(name).collect();
    // A theme's "widget" blocks fill sidebars; page builders' "elementor-widget-text" hold content.
    if ws.first().is_some_and(|w| w == "widget" || w == "widgets") {
        return true;
    }
    ws.iter().any(|w| DROP_EXACT.contains(&w.as_str()) || DROP_WORDS.iter().any(|d| w.starts_with(d)))
}

/// Whether an element is left out with all it holds.
fn dropped(el: ElementRef) -> bool {
    let e = el.value();
    let name = e.name();
    if DROP_TAGS.contains(&name) {
        return true;
    }
    // The page's banner; an article's own header (its title, its date) stays.
    if name == "header" && !el.ancestors().filter_map(ElementRef::wrap).any(|a| matches!(a.value().name(), "article" | "main")) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("style").is_some_and(|s| s.replace(' ', "").to_ascii_lowercase().contains("display:none")) {
        return true;
    }
    if e.attr("role").is_some_and(|r| DROP_ROLES.contains(&r.trim().to_ascii_lowercase().as_str())) {
        return true;
    }
    if e.id().is_some_and(furniture_name) || e.classes().any(furniture_name) {
        return true;
    }
    // A block headed "Offres similaires", "Autres offres"…
    if matches!(name, "section" | "div" | "ul") {
        if let Some(h) = el.child_elements().find(|c| is_heading(c.value().name())) {
            if is_other_offers(&h.text().collect::<String>()) {
                return true;
            }
        }
    }
    false
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_other_offers(heading: &str) -> bool {
    let f = fold(&collapse(heading));
    OTHER_OFFERS.iter().any(|o| f.starts_with(o))
}

fn inside_dropped(el: ElementRef) -> bool {
    dropped(el) || el.ancestors().filter_map(ElementRef::wrap).any(dropped)
}

// ---- The main block ----

/// Lengths of the text an element shows, and of the part of it in links (furniture left out).
fn text_lengths(n: NodeRef<Node>, in_link: bool, acc: &mut (usize, usize)) {
    for c in n.children() {
        match c.value() {
            Node::Text(t) => {
                let l = t.trim().chars().count();
                acc.0 += l;
                if in_link {
                    acc.1 += l;
                }
            }
            Node::Element(e) => {
                let el = ElementRef::wrap(c).expect("element");
                if !dropped(el) {
                    text_lengths(c, in_link || e.name() == "a", acc);
                }
            }
            _ => {}
        }
    }
}

fn lengths(el: ElementRef) -> (usize, usize) {
    let mut acc = (0, 0);
    text_lengths(*el, false, &mut acc);
    acc
}

fn link_density(el: ElementRef) -> f64 {
    let (t, l) = lengths(el);
    if t == 0 {
        1.0
    } else {
        l as f64 / t as f64
    }
}

/// `main`, `[role=main]` or the fullest `article` when the page has one; otherwise the block
/// with the most paragraph text and fewest links, widened to its container while that adds
/// no link lists.
fn main_block(root: ElementRef) -> ElementRef {
    let body = root.select(&sel("body")).next().unwrap_or(root);
    let fullest = |s: &str| {
        root.select(&sel(s)).filter(|e| !inside_dropped(*e)).map(|e| (lengths(e).0, e)).filter(|(n, _)| *n > 0).max_by_key(|(n, _)| *n)
    };
    if let Some((_, m)) = fullest("main, [role=main]") {
        return m;
    }
    if let Some((_, a)) = fullest("article") {
        return a;
    }
    // Readability's way: each paragraph scores its parent, and half as much its grandparent.
    let mut scores: Vec<(ego_tree::NodeId, f64)> = Vec::new();
    let mut add = |id: ego_tree::NodeId, s: f64| match scores.iter_mut().find(|(i, _)| *i == id) {
        Some(x) => x.1 += s,
        None => scores.push((id, s)),
    };
    for p in body.select(&sel("p, pre, td, li, div, dd")) {
        let leaf = p.value().name() != "div" || !p.child_elements().any(|c| is_block(c.value().name()));
        if !leaf || inside_dropped(p) {
            continue;
        }
        let text: String = p.text().collect();
        let len = collapse(&text).chars().count();
        if len < 25 {
            continue;
        }
        let s = 1.0 + text.matches(',').count() as f64 + (len as f64 / 100.0).min(3.0);
        if let Some(parent) = p.parent() {
            add(parent.id(), s);
            if let Some(g) = parent.parent() {
                add(g.id(), s / 2.0);
            }
        }
    }
    let tree = root.tree();
    let best = scores
        .iter()
        .filter_map(|(id, s)| ElementRef::wrap(tree.get(*id)?).map(|e| (e, s * (1.0 - link_density(e)))))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(e, _)| e);
    let Some(mut best) = best else { return body };
    // Widened while the container adds text rather than links (a recruiter card, a link list).
    while let Some(parent) = best.parent().and_then(ElementRef::wrap) {
        let ((pt, pl), (bt, bl)) = (lengths(parent), lengths(best));
        let (added, added_links) = (pt.saturating_sub(bt), pl.saturating_sub(bl));
        if parent == body || parent == root || pl as f64 > 0.25 * pt as f64 || added_links * 2 > added {
            break;
        }
        best = parent;
    }
    best
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "section" | "article" | "main" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol"
            | "li" | "dl" | "dt" | "dd" | "table" | "tr" | "td" | "th" | "blockquote" | "pre" | "address" | "figure"
            | "figcaption" | "hr" | "br" | "details" | "summary" | "fieldset" | "center" | "tbody" | "thead"
    )
}

/// The offer's title: the main block's `h1`, else the page's first `h1` outside its furniture,
/// else `<title>` without the site's name.
fn page_title(doc: &Html, main: ElementRef) -> Option<String> {
    let h1 = sel("h1");
    if let Some(h) = main.select(&h1).next() {
        return Some(collapse(&h.text().collect::<String>())).filter(|t| !t.is_empty());
    }
    if let Some(h) = doc.select(&h1).find(|h| !inside_dropped(*h)) {
        let t = collapse(&h.text().collect::<String>());
        if !t.is_empty() {
            return Some(t);
        }
    }
    let t = collapse(&doc.select(&sel("title")).next()?.text().collect::<String>());
    let t = [" | ", " – ", " — ", " - ", " :: "].iter().fold(t, |t, sep| match t.split_once(sep) {
        Some((a, _)) if a.chars().count() >= 4 => a.to_string(),
        _ => t,
    });
    Some(t).filter(|t| !t.is_empty())
}

fn starts_with_title(text: &str, title: &str) -> bool {
    let ft = fold(title);
    text.lines().map(|l| l.trim_start_matches(['#', ' '])).filter(|l| !l.is_empty()).take(6).any(|l| fold(l).contains(&ft))
}

// ---- Writing the text ----

struct Conv {
    w: Writer,
    cur: String,
    prefix: String,
    depth: usize,
}

fn to_text(el: ElementRef) -> String {
    let mut c = Conv { w: Writer::new(), cur: String::new(), prefix: String::new(), depth: 0 };
    c.children(*el);
    c.flush();
    c.w.finish()
}

/// An element's text on one line (table cells, definition terms).
fn inline_text(el: ElementRef) -> String {
    collapse(&to_text(el).replace('\n', " "))
}

fn link_target(href: &str) -> Option<String> {
    let h = href.trim();
    let lower = h.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")).then(|| h.to_string())
}

impl Conv {
    fn flush(&mut self) {
        if !self.cur.trim().is_empty() {
            let p = std::mem::take(&mut self.prefix);
            self.w.line(&p, &self.cur);
        }
        self.cur.clear();
    }

    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !self.cur.is_empty() && !self.cur.ends_with(' ') {
                    self.cur.push(' ');
                }
            } else {
                self.cur.push(c);
            }
        }
    }

    fn children(&mut self, n: NodeRef<Node>) {
        for c in n.children() {
            self.node(c);
        }
    }

    fn block(&mut self, n: NodeRef<Node>, gap: bool) {
        self.flush();
        self.children(n);
        self.flush();
        if gap && self.depth == 0 {
            self.w.gap();
        }
    }

    fn node(&mut self, n: NodeRef<Node>) {
        let el = match n.value() {
            Node::Text(t) => return self.text(t),
            Node::Element(_) => ElementRef::wrap(n).expect("element"),
            _ => return, // comments, doctypes
        };
        if dropped(el) || link_cluster(el) {
            return;
        }
        let name = el.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.w.gap();
                self.prefix = "# ".into();
                self.children(n);
                self.flush();
                self.prefix.clear();
                self.w.gap();
            }
            "br" => self.flush(),
            "hr" => {
                self.flush();
                self.w.gap();
            }
            "ul" | "ol" => {
                self.flush();
                if self.depth == 0 {
                    self.w.gap();
                }
                self.depth += 1;
                self.children(n);
                self.flush();
                self.depth -= 1;
                if self.depth == 0 {
                    self.w.gap();
                }
            }
            "li" => {
                self.flush();
                self.prefix = format!("{}- ", "  ".repeat(self.depth.saturating_sub(1)));
                self.children(n);
                self.flush();
                self.prefix.clear();
            }
            "table" if !layout_table(el) => {
                self.flush();
                self.w.gap();
                for tr in el.select(&sel("tr")) {
                    // Rows of nested tables are read with their own table.
                    if tr.ancestors().filter_map(ElementRef::wrap).find(|a| a.value().name() == "table") != Some(el) {
                        continue;
                    }
                    let cells: Vec<String> =
                        tr.child_elements().filter(|c| matches!(c.value().name(), "td" | "th") && !dropped(*c)).map(inline_text).collect();
                    self.w.row(&cells);
                }
                self.w.gap();
            }
            "dl" => {
                self.flush();
                self.w.gap();
                let mut term: Option<String> = None;
                for c in el.child_elements().filter(|c| !dropped(*c)) {
                    match c.value().name() {
                        "dt" => {
                            if let Some(t) = term.take() {
                                self.w.line("", &t);
                            }
                            term = Some(inline_text(c));
                        }
                        _ => {
                            let v = inline_text(c);
                            match term.take() {
                                Some(t) => self.w.row(&[t, v]),
                                None => self.w.line("", &v),
                            }
                        }
                    }
                }
                if let Some(t) = term {
                    self.w.line("", &t);
                }
                self.w.gap();
            }
            "pre" => {
                self.flush();
                let t: String = el.text().collect();
                for l in t.lines() {
                    self.w.line("", l);
                }
                self.w.gap();
            }
            "a" => {
                let start = self.cur.len();
                self.children(n);
                let Some(target) = el.value().attr("href").and_then(link_target) else { return };
                let label = self.cur[start..].trim().to_string();
                if label.is_empty() || label == target {
                    return;
                }
                let lead = if self.cur[start..].starts_with(' ') { " " } else { "" };
                self.cur.truncate(start);
                if let Some(addr) = target.get(7..).filter(|_| target[..7].eq_ignore_ascii_case("mailto:")) {
                    let addr = addr.split('?').next().unwrap_or("").trim();
                    // The extractor reads addresses from the words: a label without it keeps it beside.
                    let shown = if addr.is_empty() || label.to_lowercase().contains(&addr.to_lowercase()) {
                        label
                    } else {
                        format!("{label} ({addr})")
                    };
                    self.cur.push_str(&format!("{lead}[{shown}](mailto:{addr})"));
                } else {
                    self.cur.push_str(&format!("{lead}[{label}]({target})"));
                }
            }
            "p" | "blockquote" | "address" | "figure" | "section" | "article" | "main" | "header" => self.block(n, true),
            _ if is_block(name) => self.block(n, false),
            "img" => {}
            _ => self.children(n),
        }
    }
}

/// A block made of links only ("Voir toutes les offres de ce recruteur", "Créer une alerte"):
/// two links or more, almost all its text in them, none of them a way to apply.
fn link_cluster(el: ElementRef) -> bool {
    if !matches!(el.value().name(), "div" | "p" | "section" | "ul" | "ol") {
        return false;
    }
    let links: Vec<ElementRef> = el.select(&sel("a[href]")).collect();
    if links.len() < 2 {
        return false;
    }
    let applies = links.iter().any(|a| {
        let href = a.value().attr("href").unwrap_or("").to_ascii_lowercase();
        let label = fold(&a.text().collect::<String>());
        href.starts_with("mailto:") || ["postul", "candidat", "apply"].iter().any(|w| label.contains(w) || href.contains(w))
    });
    let (t, l) = lengths(el);
    !applies && t > 0 && l as f64 >= 0.8 * t as f64
}

/// A table used to lay out a page rather than to hold data: its cells hold blocks or long texts.
fn layout_table(el: ElementRef) -> bool {
    el.select(&sel("td, th")).any(|c| {
        c.child_elements().any(|e| matches!(e.value().name(), "p" | "div" | "ul" | "ol" | "table" | "h1" | "h2" | "h3" | "h4"))
            || c.text().map(|t| t.len()).sum::<usize>() > 300
    })
}

// ---- JobPosting: JSON-LD and microdata ----

fn job_posting(doc: &Html) -> Option<JobPosting> {
    for s in doc.select(&sel("script[type]")) {
        let ty = s.value().attr("type").unwrap_or("").trim().to_ascii_lowercase();
        if ty != "application/ld+json" {
            continue;
        }
        let raw: String = s.text().collect();
        // Some sites leave comments markers or a trailing semicolon around the JSON.
        let raw = raw.trim().trim_start_matches("<!--").trim_end_matches("-->").trim().trim_end_matches(';');
        if let Ok(v) = serde_json::from_str::<Value>(raw) {
            if let Some(j) = jsonld::job_postings(&v).into_iter().next() {
                return Some(JobPosting::from_value(j));
            }
        }
    }
    let item = doc.select(&sel("[itemscope][itemtype]")).find(|e| {
        e.value().attr("itemtype").is_some_and(|t| t.split_whitespace().any(|t| t.trim_end_matches('/').ends_with("/JobPosting")))
    })?;
    let mut v = microdata(item);
    if let Value::Object(m) = &mut v {
        m.insert("@type".into(), Value::String("JobPosting".into()));
    }
    Some(JobPosting::from_value(&v))
}

/// A microdata item as a JSON-LD-shaped object: `itemprop` names → values, nested items as objects.
fn microdata(item: ElementRef) -> Value {
    let mut map = Map::new();
    props(*item, &mut map);
    Value::Object(map)
}

fn props(n: NodeRef<Node>, map: &mut Map<String, Value>) {
    for c in n.children() {
        let Some(el) = ElementRef::wrap(c) else { continue };
        let e = el.value();
        let scope = e.attr("itemscope").is_some();
        if let Some(names) = e.attr("itemprop") {
            let value = if scope {
                microdata(el)
            } else {
                let v = match e.name() {
                    "meta" => e.attr("content"),
                    "a" | "link" | "area" => e.attr("href"),
                    "img" | "source" => e.attr("src"),
                    "time" => e.attr("datetime"),
                    "data" | "meter" => e.attr("value"),
                    _ => None,
                };
                Value::String(v.or(e.attr("content")).map(str::to_string).unwrap_or_else(|| {
                    if names.split_whitespace().any(|n| n == "description") {
                        el.inner_html()
                    } else {
                        collapse(&el.text().collect::<String>())
                    }
                }))
            };
            for name in names.split_whitespace() {
                map.entry(name.to_string()).or_insert_with(|| value.clone());
            }
        }
        if !scope {
            props(c, map);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_main_block_as_structured_text() {
        let p = page(
            "<html><head><title>Comptable (H/F) | Asso</title><script>var x = 1;</script></head><body>\
             <header><nav><a href='/'>Accueil</a> <a href='/offres'>Offres</a></nav></header>\
             <div class='breadcrumbs'>Accueil &gt; Offres &gt; Comptable</div>\
             <main><h1>Comptable (H/F)</h1><p>L&#8217;association   <b>Le Pont</b> recrute.</p>\
             <h3>Missions</h3><ul><li>Tenir les comptes<ul><li>paie</li></ul></li><li><p>Budget</p></li></ul>\
             <table><tr><th>Lieu</th><td>Lyon</td></tr></table>\
             <p>Écrire à <a href='mailto:rh@pont.org'>la RH</a> ou <a href='https://pont.org/postuler'>postuler</a>.<br>Merci</p>\
             <!-- a comment --><div class='share-bar'>Partager Facebook</div></main>\
             <footer>Contact : contact@asso.org</footer></body></html>",
        );
        assert_eq!(
            p.text,
            "# Comptable (H/F)\n\nL’association Le Pont recrute.\n\n# Missions\n\n- Tenir les comptes\n  - paie\n- Budget\n\n\
             Lieu : Lyon\n\nÉcrire à [la RH (rh@pont.org)](mailto:rh@pont.org) ou [postuler](https://pont.org/postuler).\nMerci\n"
        );
        assert!(p.job.is_none());
    }

    #[test]
    fn scores_blocks_when_the_page_has_no_main() {
        let long = "Nous cherchons une personne pour accompagner les familles, animer les ateliers, tenir les dossiers. ";
        let p = page(&format!(
            "<html><head><title>Animateur – Centre social</title></head><body><div id='top'><a href='/'>A</a><a href='/b'>B</a></div>\
             <div class='wrap'><div class='content'><p>{long}</p><p>{long}</p></div>\
             <div><h2>Offres similaires</h2><p>Comptable à Lyon, CDI, temps plein, dès que possible.</p></div></div>\
             <div class='links'><a href='/1'>Lien un qui est assez long pour compter</a></div></body></html>"
        ));
        assert!(p.text.starts_with("Animateur\n\nNous cherchons"), "{}", p.text);
        assert!(!p.text.contains("Comptable") && !p.text.contains("Lien un"), "{}", p.text);
    }

    #[test]
    fn reads_microdata() {
        let p = page(
            "<div itemscope itemtype='https://schema.org/JobPosting'><h1 itemprop='title'>Juriste</h1>\
             <div itemprop='hiringOrganization' itemscope itemtype='https://schema.org/Organization'><span itemprop='name'>Droits Pour Tous</span></div>\
             <meta itemprop='validThrough' content='2026-03-01'></div>",
        );
        let j = p.job.unwrap();
        assert_eq!(j.title.as_deref(), Some("Juriste"));
        assert_eq!(j.organization.as_deref(), Some("Droits Pour Tous"));
        assert_eq!(j.deadline.map(|d| d.to_string()).as_deref(), Some("2026-03-01"));
    }

    #[test]
    fn decodes_declared_charsets() {
        assert_eq!(decode(b"<meta charset=\"iso-8859-1\"><p>\xe9t\xe9</p>"), "<meta charset=\"iso-8859-1\"><p>été</p>");
        assert_eq!(decode("<p>été</p>".as_bytes()), "<p>été</p>");
        assert!(furniture_name("site-nav") && furniture_name("postNavigation") && furniture_name("widget_recent"));
        assert!(!furniture_name("elementor-widget-text-editor") && !furniture_name("entry-content") && !furniture_name("comment-postuler"));
    }
}
