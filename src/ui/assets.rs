//! Shrinking the files the wasm embeds: `build.rs` runs `minify_css` on `style.css` and
//! `minify_json` on `data/postings.json`, so the sources keep their comments and layout at no cost
//! to visitors.
//!
//! Only comments and whitespace that cannot matter go: in CSS, whitespace is kept where it may be
//! read (before `:` in selectors, around `+`/`-` in `calc()`, between words); strings stay as
//! written in both.

/// Characters next to which whitespace is never significant.
fn tight(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',' | '>')
}

/// The stylesheet without comments, with runs of whitespace cut to one space (or none next to
/// `{ } ; , >`, after `:`, and at the ends), and without the `;` before a `}`.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    // A space is owed to the output unless the next character makes it useless.
    let mut space = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for d in chars.by_ref() {
                if last == '*' && d == '/' {
                    break;
                }
                last = d;
            }
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            let after_tight = out.chars().next_back().is_none_or(|p| tight(p) || p == ':');
            if !after_tight && !tight(c) {
                out.push(' ');
            }
            space = false;
        }
        match c {
            '"' | '\'' => copy_quoted(c, &mut chars, &mut out),
            '\\' => {
                out.push(c);
                if let Some(e) = chars.next() {
                    out.push(e);
                }
            }
            '}' => {
                if out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Copies a string that `quote` opened, up to its closing quote, escapes and all.
fn copy_quoted(quote: char, chars: &mut impl Iterator<Item = char>, out: &mut String) {
    out.push(quote);
    while let Some(d) = chars.next() {
        out.push(d);
        if d == '\\' {
            if let Some(e) = chars.next() {
                out.push(e);
            }
        } else if d == quote {
            break;
        }
    }
}

/// The JSON text without whitespace outside strings (the same value, read the same way).
pub fn minify_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut chars = json.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\n' | '\r' | '\t' => {}
            '"' => copy_quoted(c, &mut chars, &mut out),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{minify_css as minify, minify_json};

    #[test]
    fn drops_comments_and_useless_whitespace() {
        assert_eq!(minify("/* a */\n.a  >  .b ,\n.c {\n  color : red ;\n  margin: 0 auto;\n}\n"), ".a>.b,.c{color :red;margin:0 auto}");
        assert_eq!(minify("a/**/b{}"), "a b{}");
        assert_eq!(minify("  "), "");
    }

    #[test]
    fn keeps_what_css_reads() {
        // A space before `:` in a selector is a descendant combinator.
        assert_eq!(minify(":where(.v) :where(ul) { x: 1 }"), ":where(.v) :where(ul){x:1}");
        assert_eq!(minify("p { width: calc(100% - 2 * var(--s)); }"), "p{width:calc(100% - 2 * var(--s))}");
        assert_eq!(minify("a::after { content: \"  /* ; } */ \\\" \"; }"), "a::after{content:\"  /* ; } */ \\\" \"}");
        assert_eq!(minify("a { content: '}'; }"), "a{content:'}'}");
        assert_eq!(minify("@media (prefers-color-scheme: dark) {\n  .a { b: c }\n}"), "@media (prefers-color-scheme:dark){.a{b:c}}");
        assert_eq!(minify(".a\\:b { c: d }"), ".a\\:b{c:d}");
    }

    /// The real stylesheet loses only comments, whitespace and `;` before `}`; every `X :Y`
    /// selector space stays.
    #[test]
    fn the_widget_stylesheet_keeps_its_rules() {
        let css = include_str!("style.css");
        let min = minify(css);
        assert!(min.len() < css.len() * 9 / 10, "{} → {}", css.len(), min.len());
        let bare = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>().replace(";}", "}");
        let mut no_comments = String::new();
        let mut rest = css;
        while let Some(start) = rest.find("/*") {
            no_comments.push_str(&rest[..start]);
            rest = &rest[start + 2..];
            rest = &rest[rest.find("*/").expect("closed comment") + 2..];
        }
        no_comments.push_str(rest);
        assert_eq!(bare(&min), bare(&no_comments));
        // Whitespace before `:` after a selector part (not after `{ } ; , > :`) is kept.
        let collapsed = no_comments.split_whitespace().collect::<Vec<_>>().join(" ");
        let significant = collapsed
            .match_indices(" :")
            .filter(|(i, _)| collapsed[..*i].chars().next_back().is_some_and(|p| !super::tight(p) && p != ':'))
            .count();
        assert!(significant > 0);
        assert_eq!(min.matches(" :").count(), significant);
        assert_eq!(minify(&min), min, "minifying twice changes nothing");
    }

    #[test]
    fn json_loses_only_whitespace_outside_strings() {
        let text = "{\n  \"a b\": [1, 2.5e3 ,\t\"x \\\" y\\\\\"],\r\n  \"c\": { }\n}\n";
        assert_eq!(minify_json(text), r#"{"a b":[1,2.5e3,"x \" y\\"],"c":{}}"#);
        let data = include_str!("../../data/postings.json");
        let min = minify_json(data);
        assert!(min.len() < data.len());
        assert_eq!(crate::model::from_json(&min).unwrap(), crate::model::from_json(data).unwrap());
        let value = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
        assert_eq!(value(&min), value(data));
    }
}
