//! A fast path for the TOML that application files are made of: top-level keys, `[table]`
//! headers, bare keys, strings, arrays, and scalars. It builds the very table the `toml`
//! crate's parser builds — the same keys in the same order, the same values and spans — in one
//! pass over the bytes, without the crate's token and event lists.
//!
//! Anything outside that subset, and anything that is not valid TOML, gives `None`, and the
//! `toml` crate parses the file instead (and reports its errors): the fast path never decides
//! what a document means on its own. Dotted and quoted keys, inline tables, arrays of tables,
//! multi-line literal strings, datetimes with a space, escapes other than the common ones and a
//! duplicate key are all left to the crate. The tests compare both parsers, spans included.

use std::borrow::Cow;

use toml::Spanned;
use toml::de::{DeArray, DeString, DeTable, DeValue};

/// Parses `text`, or `None` when the `toml` crate must.
pub fn parse(text: &str) -> Option<Spanned<DeTable<'_>>> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut root = DeTable::new();
    // The table being filled: the root's own keys first, then each [table] in turn, which joins
    // the root when the next header (or the end) comes, as the crate does.
    let mut current: Option<(Spanned<DeString<'_>>, usize, DeTable<'_>)> = None;
    loop {
        p.skip_blank_lines()?;
        let Some(&b) = p.bytes.get(p.at) else { break };
        if b == b'[' {
            let start = p.at;
            p.at += 1;
            let key = p.bare_key()?;
            if p.bytes.get(p.at) != Some(&b']') {
                return None;
            }
            p.at += 1;
            p.end_of_line()?;
            if let Some((name, span_start, table)) = current.take() {
                close(&mut root, name, span_start, table);
            }
            if root.contains_key(key.get_ref().as_ref()) {
                return None;
            }
            current = Some((key, start, DeTable::new()));
            // The header's span runs from `[` to `]`: kept with the table as its start, and
            // its end found again from the key when the table is closed.
            continue;
        }
        let key = p.bare_key()?;
        p.skip_space();
        if p.bytes.get(p.at) != Some(&b'=') {
            return None;
        }
        p.at += 1;
        p.skip_space();
        let value = p.value(0)?;
        p.end_of_line()?;
        let table = match &mut current {
            Some((_, _, table)) => table,
            None => &mut root,
        };
        if table.contains_key(key.get_ref().as_ref()) {
            return None;
        }
        table.insert(key, value);
    }
    if let Some((name, span_start, table)) = current.take() {
        close(&mut root, name, span_start, table);
    }
    Some(Spanned::new(0..0, root))
}

/// Puts a finished `[name]` table into the root, spanning its header (the name was checked
/// free when its header was read).
fn close<'i>(root: &mut DeTable<'i>, name: Spanned<DeString<'i>>, header_start: usize, table: DeTable<'i>) {
    // The header is written `[name]` without spaces, so it ends one past the key.
    let span = header_start..name.span().end + 1;
    root.insert(name, Spanned::new(span, DeValue::Table(table)));
}

/// Where the parser is in the text.
struct Parser<'i> {
    text: &'i str,
    bytes: &'i [u8],
    at: usize,
}

impl<'i> Parser<'i> {
    /// Spaces and tabs.
    fn skip_space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// A comment to the end of its line (not the line break); `None` for a control character
    /// in it, which TOML forbids.
    fn comment(&mut self) -> Option<()> {
        if self.bytes.get(self.at) != Some(&b'#') {
            return Some(());
        }
        let end = memchr::memchr(b'\n', &self.bytes[self.at..]).map_or(self.bytes.len(), |i| self.at + i);
        let body = &self.bytes[self.at + 1..end];
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        if has_control(body, false) {
            return None;
        }
        self.at += 1 + body.len();
        Some(())
    }

    /// A line break (LF or CRLF), if one is here; `None` for a lone CR.
    fn line_break(&mut self) -> Option<bool> {
        match self.bytes.get(self.at) {
            Some(b'\n') => {
                self.at += 1;
                Some(true)
            }
            Some(b'\r') if self.bytes.get(self.at + 1) == Some(&b'\n') => {
                self.at += 2;
                Some(true)
            }
            Some(b'\r') => None,
            _ => Some(false),
        }
    }

    /// Blank lines and comment lines, up to the next expression or the end.
    fn skip_blank_lines(&mut self) -> Option<()> {
        loop {
            self.skip_space();
            self.comment()?;
            if !self.line_break()? {
                return Some(());
            }
        }
    }

    /// The rest of an expression's line: space, a comment, then a line break or the end.
    fn end_of_line(&mut self) -> Option<()> {
        self.skip_space();
        self.comment()?;
        if self.at == self.bytes.len() || self.line_break()? {
            Some(())
        } else {
            None
        }
    }

    /// Space, comments and line breaks inside an array.
    fn skip_array_space(&mut self) -> Option<()> {
        loop {
            self.skip_space();
            self.comment()?;
            if !self.line_break()? {
                return Some(());
            }
        }
    }

    /// A bare key: ASCII letters, digits, `-` and `_`.
    fn bare_key(&mut self) -> Option<Spanned<DeString<'i>>> {
        let start = self.at;
        while matches!(
            self.bytes.get(self.at),
            Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_')
        ) {
            self.at += 1;
        }
        if self.at == start {
            return None;
        }
        Some(Spanned::new(start..self.at, Cow::Borrowed(&self.text[start..self.at])))
    }

    /// A value: a string, an array or a scalar.
    fn value(&mut self, depth: usize) -> Option<Spanned<DeValue<'i>>> {
        let start = self.at;
        match *self.bytes.get(self.at)? {
            b'"' if self.bytes[self.at..].starts_with(b"\"\"\"") => {
                self.at += 3;
                let s = self.multiline_basic()?;
                Some(Spanned::new(start..self.at, DeValue::String(s)))
            }
            b'"' => {
                self.at += 1;
                let s = self.basic()?;
                Some(Spanned::new(start..self.at, DeValue::String(s)))
            }
            b'\'' if self.bytes[self.at..].starts_with(b"'''") => None,
            b'\'' => {
                self.at += 1;
                let end = self.at + memchr::memchr2(b'\'', b'\n', &self.bytes[self.at..])?;
                if self.bytes[end] != b'\'' {
                    return None;
                }
                let body = &self.text[self.at..end];
                if has_control(body.as_bytes(), false) {
                    return None;
                }
                self.at = end + 1;
                Some(Spanned::new(start..self.at, DeValue::String(Cow::Borrowed(body))))
            }
            b'[' if depth < 16 => {
                self.at += 1;
                let mut array = DeArray::new();
                loop {
                    self.skip_array_space()?;
                    if self.bytes.get(self.at) == Some(&b']') {
                        self.at += 1;
                        break;
                    }
                    array.push(self.value(depth + 1)?);
                    self.skip_array_space()?;
                    match self.bytes.get(self.at) {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
                Some(Spanned::new(start..self.at, DeValue::Array(array)))
            }
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'-' | b'.' | b'_' | b':' => {
                while matches!(
                    self.bytes.get(self.at),
                    Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'-' | b'.' | b'_' | b':')
                ) {
                    self.at += 1;
                }
                let raw = &self.text[start..self.at];
                // A date and a time apart by a space is one datetime to TOML: the crate decides.
                if raw.as_bytes().first().is_some_and(u8::is_ascii_digit)
                    && self.bytes.get(self.at) == Some(&b' ')
                    && self.bytes.get(self.at + 1).is_some_and(u8::is_ascii_digit)
                {
                    return None;
                }
                // Booleans and dates as the crate's decoder tells them (`true`/`false` exactly; a
                // run of digits from 1–9 then `-` or `:` is a datetime, read by the same
                // `Datetime` parser); numbers and the rest by the crate's own reading of the
                // scalar, so that they mean exactly what they mean to it.
                let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
                let value = if raw == "true" || raw == "false" {
                    DeValue::Boolean(raw == "true")
                } else if raw.as_bytes()[0] != b'0'
                    && digits > 0
                    && matches!(raw.as_bytes().get(digits), Some(b'-' | b':'))
                {
                    DeValue::Datetime(raw.parse::<toml::value::Datetime>().ok()?)
                } else {
                    match DeValue::parse(raw).ok()?.into_inner() {
                        value @ (DeValue::Integer(_)
                        | DeValue::Float(_)
                        | DeValue::Boolean(_)
                        | DeValue::Datetime(_)) => value,
                        _ => return None,
                    }
                };
                Some(Spanned::new(start..self.at, value))
            }
            _ => None,
        }
    }

    /// The rest of a basic string after its opening quote, through the closing one.
    fn basic(&mut self) -> Option<DeString<'i>> {
        let start = self.at;
        let end = start + memchr::memchr3(b'"', b'\\', b'\n', &self.bytes[start..])?;
        if self.bytes[end] == b'"' {
            let body = &self.text[start..end];
            if has_control(body.as_bytes(), false) {
                return None;
            }
            self.at = end + 1;
            return Some(Cow::Borrowed(body));
        }
        let mut out = String::with_capacity(end - start + 16);
        loop {
            let next = self.at + memchr::memchr3(b'"', b'\\', b'\n', &self.bytes[self.at..])?;
            let chunk = &self.text[self.at..next];
            if has_control(chunk.as_bytes(), false) {
                return None;
            }
            out.push_str(chunk);
            self.at = next;
            match self.bytes[next] {
                b'"' => {
                    self.at += 1;
                    return Some(Cow::Owned(out));
                }
                b'\\' => self.escape(&mut out)?,
                _ => return None,
            }
        }
    }

    /// The rest of a multi-line basic string after its opening `"""`, through the closing one.
    fn multiline_basic(&mut self) -> Option<DeString<'i>> {
        // A line break right after the opening quotes is not part of the string.
        self.line_break()?;
        let mut out: Option<String> = None;
        let mut from = self.at;
        loop {
            let next = self.at + memchr::memchr3(b'"', b'\\', b'\r', &self.bytes[self.at..])?;
            let chunk = &self.bytes[self.at..next];
            if has_control(chunk, true) {
                return None;
            }
            self.at = next;
            match self.bytes[next] {
                b'"' => {
                    let quotes = self.bytes[next..].iter().take_while(|&&c| c == b'"').count();
                    if quotes < 3 {
                        self.at += quotes;
                        continue;
                    }
                    if quotes > 5 {
                        return None;
                    }
                    // Up to two quotes just before the closing three belong to the string.
                    let body_end = next + quotes - 3;
                    self.at = next + quotes;
                    return Some(match out {
                        None => Cow::Borrowed(&self.text[from..body_end]),
                        Some(mut s) => {
                            s.push_str(&self.text[from..body_end]);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(&self.text[from..next]);
                    // A backslash at the end of a line joins it to the next non-blank text.
                    let after = &self.bytes[next + 1..];
                    let blank = after.iter().take_while(|&&c| c == b' ' || c == b'\t').count();
                    if matches!(after.get(blank), Some(b'\n')) {
                        self.at = next + 1 + blank;
                        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\n')) {
                            self.at += 1;
                        }
                        if self.bytes.get(self.at) == Some(&b'\r') {
                            return None;
                        }
                    } else {
                        self.escape(s)?;
                    }
                    from = self.at;
                }
                // A carriage return in a multi-line string: left to the crate.
                _ => return None,
            }
        }
    }

    /// One escape sequence at the backslash under the cursor, decoded into `out`.
    fn escape(&mut self, out: &mut String) -> Option<()> {
        let c = *self.bytes.get(self.at + 1)?;
        self.at += 2;
        let decoded = match c {
            b'b' => '\u{8}',
            b't' => '\t',
            b'n' => '\n',
            b'f' => '\u{c}',
            b'r' => '\r',
            b'"' => '"',
            b'\\' => '\\',
            b'u' | b'U' => {
                let digits = if c == b'u' { 4 } else { 8 };
                let hex = self.text.get(self.at..self.at + digits)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                self.at += digits;
                char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
            }
            _ => return None,
        };
        out.push(decoded);
        Some(())
    }
}

/// Whether `bytes` holds a control character TOML does not allow in strings and comments
/// (tab is allowed; a line break too with `line_breaks`, as in a multi-line string). Each
/// block of bytes is looked at whole, with no early exit, so that it compiles to SIMD: a long
/// summary is most of an application's bytes.
fn has_control(bytes: &[u8], line_breaks: bool) -> bool {
    let line_break = if line_breaks { b'\n' } else { b'\t' };
    bytes.chunks(64).any(|block| {
        block.iter().fold(false, |found, &c| {
            found | ((c < 0x20) & (c != b'\t') & (c != line_break)) | (c == 0x7f)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether two parsed values are the same, spans and key spans included.
    fn same(a: &Spanned<DeValue<'_>>, b: &Spanned<DeValue<'_>>) -> bool {
        a.span() == b.span() && same_value(a.get_ref(), b.get_ref())
    }

    fn same_value(a: &DeValue<'_>, b: &DeValue<'_>) -> bool {
        match (a, b) {
            (DeValue::String(x), DeValue::String(y)) => x == y,
            (DeValue::Integer(x), DeValue::Integer(y)) => x.to_string() == y.to_string(),
            (DeValue::Float(x), DeValue::Float(y)) => x.to_string() == y.to_string(),
            (DeValue::Boolean(x), DeValue::Boolean(y)) => x == y,
            (DeValue::Datetime(x), DeValue::Datetime(y)) => x == y,
            (DeValue::Array(x), DeValue::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y.iter()).all(|(x, y)| same(x, y))
            }
            (DeValue::Table(x), DeValue::Table(y)) => same_table(x, y),
            _ => false,
        }
    }

    fn same_table(a: &DeTable<'_>, b: &DeTable<'_>) -> bool {
        a.len() == b.len()
            && a.iter()
                .zip(b.iter())
                .all(|((ka, va), (kb, vb))| ka.span() == kb.span() && ka.get_ref() == kb.get_ref() && same(va, vb))
    }

    /// Checks that the fast path either declines `text` or agrees with the crate on it.
    fn agrees(text: &str) -> Option<bool> {
        let fast = parse(text)?;
        let (slow, errors) = DeTable::parse_recoverable(text);
        assert!(
            errors.is_empty(),
            "the fast path accepted what the crate refuses: {text:?}: {errors:?}"
        );
        assert!(
            same_table(fast.get_ref(), slow.get_ref()),
            "the parsers differ on {text:?}:\nfast {:?}\nslow {:?}",
            fast.get_ref(),
            slow.get_ref()
        );
        assert_eq!(fast.span(), slow.span());
        Some(true)
    }

    #[test]
    fn every_toml_file_of_the_repository_reads_the_same_both_ways() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut compared = 0;
        let mut sample_applications = 0;
        for dir in ["data", "tests/fixtures"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
                let entry = entry.unwrap();
                if entry.path().extension().is_some_and(|e| e == "toml") {
                    let Ok(text) = std::fs::read_to_string(entry.path()) else {
                        continue;
                    };
                    compared += 1;
                    let fast = agrees(&text).is_some();
                    if entry.path().starts_with(root.join("data/sscp-2026/applications")) {
                        assert!(fast, "{} did not take the fast path", entry.path().display());
                        sample_applications += 1;
                    }
                }
            }
        }
        // Every application of the sample took the fast path.
        assert!(
            compared > 300 && sample_applications > 200,
            "{compared} files, {sample_applications} applications"
        );
    }

    #[test]
    fn the_fast_path_reads_what_applications_hold() {
        let text = "# c\r\nid = \"A-1\" # trailing\ntitle = 'lit \\ eral'\nn = 1_000\nf = 2.5e3\nb = true\n\
                    d = 2026-05-29T18:00:00+09:00\nday = 2025-09-02\nlist = [\n  \"a\", # one\n  \"b\",\n]\n\
                    nested = [[1, 2], []]\n\n[applicant]\nname = \"Caf\\u00e9 \\\"Q\\\" \\t\\\\\"\n\
                    [project]\nsummary = \"\"\"\nOne \\\n   two\nthree \"quoted\" \"\"\"\"\n";
        assert_eq!(agrees(text), Some(true));
        for text in [
            "a = true#c\n",
            "a = 1 #c",
            "a = [1]#c\n",
            "[t]#c\nb = 'x'#c\n",
            "",
            "\n\n# only\n",
        ] {
            let _ = agrees(text);
        }
        let DeValue::Table(project) = parse(text).unwrap().get_ref()["project"].get_ref().clone() else {
            panic!()
        };
        let DeValue::String(summary) = project["summary"].get_ref() else {
            panic!()
        };
        assert_eq!(summary, "One two\nthree \"quoted\" \"");
    }

    #[test]
    fn what_the_fast_path_leaves_to_the_crate() {
        for text in [
            "a.b = 1\n",
            "\"quoted\" = 1\n",
            "a = { b = 1 }\n",
            "[[t]]\na = 1\n",
            "[a.b]\n",
            "[ a ]\n",
            "a = '''x'''\n",
            "a = 1979-05-27 07:32:00\n",
            "a = \"\\e\"\n",
            "a = \"\\x41\"\n",
            "a = 1\na = 2\n",
            "[t]\n[t]\n",
            "t = 1\n[t]\n",
            "a = \"unclosed\n",
            "a = \"\"\"x\r\ny\"\"\"\n",
            "a = 1 b = 2\n",
            "a = \"tab\u{1}\"\n",
            "# bell \u{7}\n",
            "a = 1\rb = 2\n",
            "a = [1,,2]\n",
            "a = nan_x\n",
            "a =\n",
            "\u{feff}a = 1\n",
        ] {
            assert!(parse(text).is_none(), "{text:?} took the fast path");
        }
    }

    /// An application as the sample edition writes them.
    const SAMPLE: &str = include_str!("../../data/sscp-2026/applications/human-centricity/SSCP-2026-0002.toml");

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// Documents made of the pieces applications are made of, with random strings: the
        /// fast path, when it answers, answers as the crate does.
        #[test]
        fn random_documents_read_the_same_both_ways(
            lines in proptest::collection::vec(
                proptest::prop_oneof![
                    "[a-z]{1,3} = \"[ -~éß\\\\\"\\n\\t]{0,12}\"",
                    "[a-z]{1,3} = \"\"\"[ -~é\\n\"\\\\]{0,30}\"\"\"",
                    "[a-z]{1,3} = '[ -&(-~]{0,8}'",
                    "[a-z]{1,3} = [-+]?[0-9_]{1,6}(\\.[0-9]{1,3})?([eE][0-9]{1,2})?",
                    "[a-z]{1,3} = (true|false|True|inf|nan|0x1F|1-2|12:3|07:32:00|0999-01-01|2026-0[1-9]-[1-3][0-9](T[0-2][0-9]:[0-6]0:00(\\.5)?(Z|z|\\+09:00|-07:00)?)?)",
                    "[a-z]{1,3} = \\[ *([0-9]{1,2}|\"[a-z]{0,3}\") *(, *[0-9]{1,2})* *,? *\\]",
                    "\\[[a-z]{1,3}\\]",
                    "#[ -~]{0,10}",
                    "",
                ],
                0..12,
            ),
            crlf in proptest::bool::ANY,
        ) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            let _ = agrees(&text);
        }

        /// A real application with a few bytes changed, inserted or removed: the fast path
        /// never panics, and never accepts what the crate refuses or reads it differently.
        #[test]
        fn damaged_applications_read_the_same_both_ways(
            edits in proptest::collection::vec((0usize..2000, 0u8..3, proptest::sample::select(b" \t\n\r\"'\\#=[],.{}:-+_0aZ\x01\x7f".to_vec())), 1..4),
        ) {
            let mut bytes = SAMPLE.as_bytes().to_vec();
            for (at, kind, b) in edits {
                let at = at % (bytes.len() + 1);
                match kind {
                    0 if at < bytes.len() => bytes[at] = b,
                    1 => bytes.insert(at, b),
                    _ if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => {}
                }
            }
            if let Ok(text) = String::from_utf8(bytes) {
                let _ = agrees(&text);
            }
        }
    }
}
