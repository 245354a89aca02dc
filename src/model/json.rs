//! A small JSON reader, and the writing of JSON strings, for vitrine's own types: the widget reads
//! its data through [`FromJson`] (see `model::read`) and so carries no general JSON library.
//!
//! The reader pulls values from the text in the order they come: strings (with every escape,
//! surrogate pairs included), numbers (checked against the JSON grammar), `null`, objects and
//! arrays through callbacks, and any value skipped without recursion. Errors give the byte offset
//! of the value at fault and say what was expected and what was found.

use std::borrow::Cow;

/// What went wrong, and where (a byte offset in the text read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub at: usize,
    pub message: String,
}

impl Error {
    /// The 1-based line and column of the error in `text` (columns count characters).
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        line_column(text, self.at)
    }

    /// The error with its line and column in `text`, ready to show.
    pub fn locate(self, text: &str) -> Located {
        let (line, column) = self.line_column(text);
        Located { line, column, message: self.message }
    }
}

/// An error placed by line and column; shows as "… at line L, column C".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for Located {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at line {}, column {}", self.message, self.line, self.column)
    }
}

impl std::error::Error for Located {}

/// The 1-based line and column of byte `at` of `text` (columns count characters).
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    Cursor::default().at(text, at)
}

/// Turns byte offsets into 1-based (line, column-in-characters), moving forward from the last
/// answer so that many positions asked in order cost one pass over the text.
#[derive(Default)]
pub struct Cursor {
    byte: usize,
    line: usize,
    column: usize,
}

impl Cursor {
    /// The line and column of byte `target` of `text` (the same text at every call).
    pub fn at(&mut self, text: &str, target: usize) -> (usize, usize) {
        let bytes = text.as_bytes();
        let target = target.min(bytes.len());
        if target < self.byte || self.line == 0 {
            *self = Cursor { byte: 0, line: 1, column: 1 };
        }
        for &b in &bytes[self.byte..target] {
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                // Characters, not bytes: count the bytes that start one.
                self.column += 1;
            }
        }
        self.byte = target;
        (self.line, self.column)
    }
}

/// How the text at byte `at` is named in messages: "a string", "an object", "an array", "the
/// number `12.5`", a bare word ("`null`", "`True`", at most 20 characters), a control character
/// by its code, another character as itself, or "the end of the text".
pub fn describe(text: &str, at: usize) -> String {
    let rest = (at..=text.len().min(at + 3)).find_map(|i| text.get(i..)).unwrap_or("");
    let word = |c: char| c.is_alphanumeric() || matches!(c, '-' | '+' | '.' | '_');
    let bare = || rest.chars().take_while(|&c| word(c)).take(20).collect::<String>();
    match rest.chars().next() {
        None => "the end of the text".to_string(),
        Some('"') => "a string".to_string(),
        Some('{') => "an object".to_string(),
        Some('[') => "an array".to_string(),
        Some('-' | '0'..='9') => format!("the number `{}`", bare()),
        Some(c) if c.is_control() => format!("the control character U+{:04X}", c as u32),
        Some(c) if word(c) => format!("`{}`", bare()),
        Some(c) => format!("`{c}`"),
    }
}

/// A value that can be read from JSON.
pub trait FromJson: Sized {
    fn read(r: &mut Reader) -> Result<Self, Error>;
}

/// Reads a whole text as one `T` (whitespace around it allowed, nothing else).
pub fn from_str<T: FromJson>(text: &str) -> Result<T, Error> {
    let mut r = Reader::new(text);
    let value = T::read(&mut r)?;
    r.end()?;
    Ok(value)
}

/// A position in a JSON text.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader { text, pos: 0 }
    }

    /// The byte offset reached.
    pub fn pos(&self) -> usize {
        self.pos
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte after whitespace (which it skips), if any.
    pub fn peek(&mut self) -> Option<u8> {
        let b = self.bytes();
        while self.pos < b.len() && matches!(b[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
        b.get(self.pos).copied()
    }

    /// Where the next value starts (after the whitespace, which it skips).
    pub fn here(&mut self) -> usize {
        self.peek();
        self.pos
    }

    /// An error at `at`.
    pub fn error(&self, at: usize, message: impl Into<String>) -> Error {
        Error { at, message: message.into() }
    }

    /// The value of a required field `key` of the object that starts at `at`, or the error
    /// naming it.
    pub fn required<T>(&self, slot: Option<T>, key: &str, at: usize) -> Result<T, Error> {
        slot.ok_or_else(|| self.error(at, format!("missing field `{key}`")))
    }

    /// The error for a value that is not what was `expected`, naming what is there instead.
    pub fn mismatch<T>(&mut self, expected: &str) -> Result<T, Error> {
        let found = self.describe();
        Err(self.error(self.pos, format!("expected {expected}, found {found}")))
    }

    /// What the next value is, in words.
    fn describe(&mut self) -> String {
        let at = self.here();
        describe(self.text, at)
    }

    /// Only whitespace is left.
    pub fn end(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(_) => {
                let found = self.describe();
                Err(self.error(self.pos, format!("{found} after the end of the value")))
            }
        }
    }

    /// Takes a `null` if one comes next.
    pub fn null(&mut self) -> bool {
        if self.peek() == Some(b'n') && self.bytes()[self.pos..].starts_with(b"null") {
            self.pos += 4;
            return true;
        }
        false
    }

    /// A string, borrowed from the text when it has no escape.
    pub fn str(&mut self) -> Result<Cow<'a, str>, Error> {
        if self.peek() != Some(b'"') {
            return self.mismatch("a string");
        }
        let start = self.pos;
        let b = self.bytes();
        let mut i = start + 1;
        // The plain run up to the closing quote or the first escape.
        while i < b.len() && b[i] != b'"' && b[i] != b'\\' && b[i] >= 0x20 {
            i += 1;
        }
        if b.get(i) == Some(&b'"') {
            self.pos = i + 1;
            return Ok(Cow::Borrowed(&self.text[start + 1..i]));
        }
        let mut out = String::with_capacity(i - start + 16);
        out.push_str(&self.text[start + 1..i]);
        loop {
            match b.get(i) {
                None => return Err(self.error(start, "a string that never ends")),
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    let c = match b.get(i + 1) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let (c, len) = self.unicode_escape(i)?;
                            out.push(c);
                            i += len;
                            continue;
                        }
                        _ => return Err(self.error(i, "an unknown escape `\\` in a string")),
                    };
                    out.push(c);
                    i += 2;
                }
                Some(&c) if c < 0x20 => {
                    return Err(self.error(i, "a control character (such as a raw line break) inside a string"))
                }
                Some(_) => {
                    let run = i;
                    while i < b.len() && b[i] != b'"' && b[i] != b'\\' && b[i] >= 0x20 {
                        i += 1;
                    }
                    out.push_str(&self.text[run..i]);
                }
            }
        }
    }

    /// The character of the `\uXXXX` escape at `i` (two of them for a surrogate pair), and the
    /// number of bytes it took.
    fn unicode_escape(&self, i: usize) -> Result<(char, usize), Error> {
        let hex = |at: usize| -> Option<u32> {
            let digits = self.text.get(at..at + 4)?;
            if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            u32::from_str_radix(digits, 16).ok()
        };
        let bad = || self.error(i, "a `\\u` escape that is not four hex digits, or half a surrogate pair");
        let first = hex(i + 2).ok_or_else(bad)?;
        if (0xD800..0xDC00).contains(&first) {
            if self.text.get(i + 6..i + 8) != Some("\\u") {
                return Err(bad());
            }
            let second = hex(i + 8).filter(|s| (0xDC00..0xE000).contains(s)).ok_or_else(bad)?;
            let c = char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)).ok_or_else(bad)?;
            return Ok((c, 12));
        }
        char::from_u32(first).map(|c| (c, 6)).ok_or_else(bad)
    }

    /// An owned string.
    pub fn string(&mut self) -> Result<String, Error> {
        self.str().map(Cow::into_owned)
    }

    /// The text of a number, checked against the JSON grammar.
    pub fn number(&mut self) -> Result<&'a str, Error> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return self.mismatch("a number");
        }
        let b = self.bytes();
        let start = self.pos;
        let mut i = start;
        let digits = |i: &mut usize| {
            let from = *i;
            while *i < b.len() && b[*i].is_ascii_digit() {
                *i += 1;
            }
            *i > from
        };
        if b[i] == b'-' {
            i += 1;
        }
        let int_start = i;
        let mut ok = digits(&mut i) && !(b[int_start] == b'0' && i - int_start > 1);
        if ok && b.get(i) == Some(&b'.') {
            i += 1;
            ok = digits(&mut i);
        }
        if ok && matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            ok = digits(&mut i);
        }
        if !ok {
            return Err(self.error(start, "a malformed number"));
        }
        self.pos = i;
        Ok(&self.text[start..i])
    }

    /// A whole number from 0 to `max`.
    pub fn whole(&mut self, max: u64) -> Result<u64, Error> {
        let at = self.here();
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return self.mismatch(&format!("a whole number from 0 to {max}"));
        }
        let text = self.number()?;
        match text.parse::<u64>() {
            Ok(n) if n <= max => Ok(n),
            _ => Err(self.error(at, format!("expected a whole number from 0 to {max}, found the number `{text}`"))),
        }
    }

    /// A number that fits a finite `f32` (read exactly for up to 15 significant digits with at
    /// most 22 after the point, else to the nearest `f64` first).
    pub fn f32(&mut self) -> Result<f32, Error> {
        let at = self.here();
        let text = self.number()?;
        let value = decimal(text) as f32;
        if !value.is_finite() {
            return Err(self.error(at, format!("the number `{text}` is too large")));
        }
        Ok(value)
    }

    /// An object: calls `field` with each key, the reader then standing at its value, which
    /// `field` must read (or [`Reader::skip`]).
    pub fn object(&mut self, mut field: impl FnMut(&mut Self, &str) -> Result<(), Error>) -> Result<(), Error> {
        self.fields(&mut field)
    }

    /// [`Reader::object`] for any callback (one copy of the code for all of them).
    fn fields(&mut self, field: &mut dyn FnMut(&mut Self, &str) -> Result<(), Error>) -> Result<(), Error> {
        self.sequence([b'{', b'}'], "an object `{…}`", "`,` or `}` after a value", &mut |r| {
            let key = r.key()?;
            field(r, &key)
        })
    }

    /// An array: calls `item` at each element, which it must read.
    pub fn array(&mut self, mut item: impl FnMut(&mut Self) -> Result<(), Error>) -> Result<(), Error> {
        self.sequence([b'[', b']'], "an array `[…]`", "`,` or `]` after a value", &mut item)
    }

    /// The elements of an array, or the fields of an object, between `brackets`, separated by
    /// commas: `each` reads one.
    fn sequence(
        &mut self,
        [open, close]: [u8; 2],
        what: &str,
        after: &str,
        each: &mut dyn FnMut(&mut Self) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if self.peek() != Some(open) {
            return self.mismatch(what);
        }
        self.pos += 1;
        if self.peek() == Some(close) {
            self.pos += 1;
            return Ok(());
        }
        loop {
            each(self)?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(c) if c == close => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return self.mismatch(after),
            }
        }
    }

    /// Skips one value of any kind and depth (checked as it goes, without recursion).
    pub fn skip(&mut self) -> Result<(), Error> {
        // Open brackets; after each value, what may follow depends on the innermost one.
        let mut open: Vec<u8> = Vec::new();
        loop {
            // A value.
            match self.peek() {
                Some(bracket @ (b'{' | b'[')) => {
                    self.pos += 1;
                    let close = if bracket == b'{' { b'}' } else { b']' };
                    if self.peek() == Some(close) {
                        self.pos += 1;
                    } else {
                        open.push(bracket);
                        if bracket == b'{' {
                            self.key()?;
                        }
                        continue;
                    }
                }
                Some(b'"') => {
                    self.str()?;
                }
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                Some(b't' | b'f' | b'n') => {
                    let rest = &self.bytes()[self.pos..];
                    let len = [&b"true"[..], b"false", b"null"].iter().find(|w| rest.starts_with(w)).map(|w| w.len());
                    match len {
                        Some(len) => self.pos += len,
                        None => return self.mismatch("a value"),
                    }
                }
                _ => return self.mismatch("a value"),
            }
            // What follows it, closing brackets as they come.
            loop {
                let Some(&inner) = open.last() else { return Ok(()) };
                let close = if inner == b'{' { b'}' } else { b']' };
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        if inner == b'{' {
                            self.key()?;
                        }
                        break;
                    }
                    Some(c) if c == close => {
                        self.pos += 1;
                        open.pop();
                    }
                    _ => return self.mismatch(if inner == b'{' { "`,` or `}` after a value" } else { "`,` or `]` after a value" }),
                }
            }
        }
    }

    /// A key and its `:`.
    fn key(&mut self) -> Result<Cow<'a, str>, Error> {
        if self.peek() != Some(b'"') {
            return self.mismatch("a key in double quotes");
        }
        let key = self.str()?;
        if self.peek() != Some(b':') {
            return self.mismatch("`:` after a key");
        }
        self.pos += 1;
        Ok(key)
    }
}

/// The value of a JSON number's text (already checked against the grammar). Exact when the
/// digits fit 15 significant ones and the power of ten is at most 22 either way; otherwise
/// within a few units in the last place, which is all the data's numbers could need.
pub(super) fn decimal(text: &str) -> f64 {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa_text, exponent) = match text.find(['e', 'E']) {
        // An exponent too long for an i32 is far out of range either way.
        Some(i) => (&text[..i], text[i + 1..].parse::<i32>().unwrap_or(if text[i + 1..].starts_with('-') { -99_999 } else { 99_999 })),
        None => (text, 0),
    };
    let mut digits: u64 = 0;
    let mut significant = 0;
    let mut scale = exponent;
    let mut after_point = false;
    for b in mantissa_text.bytes() {
        if b == b'.' {
            after_point = true;
            continue;
        }
        let d = (b - b'0') as u64;
        if significant < 19 {
            digits = digits * 10 + d;
            if digits > 0 {
                significant += 1;
            }
            if after_point {
                scale = scale.saturating_sub(1);
            }
        } else if !after_point {
            // Digits beyond what a u64 holds only count by their place.
            scale = scale.saturating_add(1);
        }
    }
    let mut value = digits as f64;
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ];
    if scale.unsigned_abs() as usize <= 22 {
        let p = EXACT[scale.unsigned_abs() as usize];
        value = if scale < 0 { value / p } else { value * p };
    } else if digits != 0 {
        // Far out of any range the data uses: approximate, saturating to 0 or infinity.
        let mut s = scale;
        while s > 0 && value.is_finite() {
            let step = s.min(22);
            value *= EXACT[step as usize];
            s -= step;
        }
        while s < 0 && value != 0.0 {
            let step = (-s).min(22);
            value /= EXACT[step as usize];
            s += step;
        }
    }
    if negative {
        -value
    } else {
        value
    }
}

/// Appends `s` to `out` as a JSON string, quotes included.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{8}' => "\\b",
            '\u{c}' => "\\f",
            c if (c as u32) < 0x20 => "",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let n = c as usize;
            out.push_str("\\u00");
            out.push(HEX[n >> 4] as char);
            out.push(HEX[n & 15] as char);
        } else {
            out.push_str(escape);
        }
        plain = i + c.len_utf8();
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

/// A JSON object being written into a string: `{`, then each field, then `}` at [`Object::end`].
pub struct Object<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Object<'o> {
    pub fn new(out: &'o mut String) -> Object<'o> {
        out.push('{');
        Object { out, first: true }
    }

    /// Writes `"key":` and gives the string to write the value into.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, key);
        self.out.push(':');
        self.out
    }

    /// A string field.
    pub fn str(&mut self, key: &str, value: &str) {
        let out = self.key(key);
        write_str(out, value);
    }

    /// A string field, when there is a value.
    pub fn opt_str(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.str(key, v);
        }
    }

    /// A field whose value is written as is (a number, `true`, `false`…).
    pub fn raw(&mut self, key: &str, value: &str) {
        self.key(key).push_str(value);
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

/// Writes a JSON array of the items `write` puts into the string, one call each.
pub fn write_array<T>(out: &mut String, items: impl IntoIterator<Item = T>, mut write: impl FnMut(&mut String, T)) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

impl FromJson for String {
    fn read(r: &mut Reader) -> Result<String, Error> {
        r.string()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn read(r: &mut Reader) -> Result<Option<T>, Error> {
        if r.null() {
            return Ok(None);
        }
        T::read(r).map(Some)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(r: &mut Reader) -> Result<Vec<T>, Error> {
        let mut items = Vec::new();
        r.array(|r| {
            items.push(T::read(r)?);
            Ok(())
        })?;
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> Result<String, Error> {
        from_str::<String>(text)
    }

    #[test]
    fn strings_with_every_escape() {
        assert_eq!(read_str(r#""plain""#).unwrap(), "plain");
        assert_eq!(read_str(r#" "a\"b\\c\/d\b\f\n\r\t" "#).unwrap(), "a\"b\\c/d\u{8}\u{c}\n\r\t");
        assert_eq!(read_str(r#""\u00e9t\u00C9 \ud83d\ude00 €""#).unwrap(), "étÉ 😀 €");
        assert_eq!(read_str(r#""é\n""#).unwrap(), "é\n");
        for bad in [r#""\x""#, r#""\u12""#, r#""\ud83d""#, r#""\ud83d\u0041""#, "\"a\nb\"", r#""open"#, r#"'x'"#] {
            assert!(read_str(bad).is_err(), "{bad}");
        }
        let e = read_str(r#""ok" x"#).unwrap_err();
        assert_eq!((e.at, e.message.as_str()), (5, "`x` after the end of the value"));
    }

    #[test]
    fn strings_write_back_as_read() {
        for s in ["", "plain", "quote \" and \\ back", "lines\nand\ttabs\r", "\u{1}\u{1f} ctl", "é😀€ </script>"] {
            let mut out = String::new();
            write_str(&mut out, s);
            assert_eq!(read_str(&out).unwrap(), s, "{out}");
        }
        let mut out = String::new();
        write_str(&mut out, "a\u{1}\"");
        assert_eq!(out, r#""a\u0001\"""#);
        // As serde_json writes them, so files written either way are the same bytes.
        for s in ["a\u{1}\u{8}\u{c}\u{1f}\"\\/\n\r\t\u{7f}é\u{2028}", "", "<\u{0}>"] {
            let mut out = String::new();
            write_str(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn numbers_follow_the_grammar() {
        let num = |t: &str| Reader::new(t).number().map(str::to_string);
        for good in ["0", "-0", "12", "3.25", "-1e5", "2E+3", "1.5e-2"] {
            assert_eq!(num(good).unwrap(), good);
        }
        for bad in ["01", "-", "1.", ".5", "1e", "+1", "--1"] {
            assert!(num(bad).is_err() || num(bad).unwrap() != bad, "{bad}");
        }
        let f = |t: &str| Reader::new(t).f32();
        assert_eq!(f("35").unwrap(), 35.0);
        assert_eq!(f("17.5").unwrap(), 17.5);
        assert_eq!(f("0.1").unwrap(), 0.1f32);
        assert_eq!(f("38.85").unwrap(), 38.85f32);
        assert_eq!(f("3.5e1").unwrap(), 35.0);
        assert_eq!(f("-2e-3").unwrap(), -0.002f32);
        assert_eq!(f("12345678901234567890123").unwrap(), 1.2345679e22f32);
        assert_eq!(f("1e-400").unwrap(), 0.0);
        assert_eq!(f("1e39").unwrap_err().message, "the number `1e39` is too large");
        assert_eq!(f("1e99999999999").unwrap_err().message, "the number `1e99999999999` is too large");
        let w = |t: &str| Reader::new(t).whole(65_535);
        assert_eq!(w("65535").unwrap(), 65_535);
        assert_eq!(w("65536").unwrap_err().message, "expected a whole number from 0 to 65535, found the number `65536`");
        assert!(w("-1").is_err() && w("1.5").is_err() && w("1e3").is_err());
        assert_eq!(w("\"7\"").unwrap_err().message, "expected a whole number from 0 to 65535, found a string");
    }

    #[test]
    fn objects_arrays_and_skipping() {
        let text = r#" { "a" : [1, {"x": [true, false, null, "s\"]"]}, []], "b": {}, "c": "end" } "#;
        let mut r = Reader::new(text);
        let mut seen = Vec::new();
        r.object(|r, key| {
            seen.push(key.to_string());
            if key == "c" {
                assert_eq!(r.string()?, "end");
                Ok(())
            } else {
                r.skip()
            }
        })
        .unwrap();
        r.end().unwrap();
        assert_eq!(seen, ["a", "b", "c"]);
        let v: Vec<Option<String>> = from_str(r#"["a", null, "b"]"#).unwrap();
        assert_eq!(v, [Some("a".to_string()), None, Some("b".to_string())]);
        for bad in ["[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "{a:1}", "[", "{\"a\":[}]", "[tru]", "[nul]"] {
            assert!(Reader::new(bad).skip().and_then(|_| Ok(())).is_err(), "{bad}");
        }
        let e = from_str::<Vec<String>>(r#"["a", 7]"#).unwrap_err();
        assert_eq!((e.at, e.message.as_str()), (6, "expected a string, found the number `7`"));
        let e = from_str::<Vec<String>>("[\"a\"\n \"b\"]").unwrap_err();
        assert_eq!(e.line_column("[\"a\"\n \"b\"]"), (2, 2));
        assert_eq!(e.message, "expected `,` or `]` after a value, found a string");
    }

    #[test]
    fn deep_nesting_is_skipped_without_recursion() {
        let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        Reader::new(&deep).skip().unwrap();
        let cut = "[".repeat(200_000);
        assert!(Reader::new(&cut).skip().is_err());
    }

    #[test]
    fn positions_count_characters() {
        assert_eq!(line_column("é\nàb", 5), (2, 2));
        assert_eq!(line_column("abc", 0), (1, 1));
        assert_eq!(line_column("abc", 99), (1, 4));
    }
}
