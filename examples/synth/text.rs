//! Text helpers: name keys, slugs, TOML strings and paragraphs.

use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The key `prize` compares applicants by: no case, no accents, no spaces.
pub(crate) fn fold_key(name: &str) -> String {
    name.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .collect()
}

pub(crate) fn strip_accents(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).nfc().collect()
}

/// A lower-case ASCII label for domain names, ids and e-mail addresses.
pub(crate) fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.nfd() {
        if is_combining_mark(c) || c == '\'' || c == '\u{2019}' {
            continue;
        }
        let mapped = match c {
            'ł' | 'Ł' => "l",
            'đ' | 'Đ' => "d",
            'ı' => "i",
            'ø' | 'Ø' => "o",
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'œ' | 'Œ' => "oe",
            '&' => "and",
            _ => "",
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !mapped.is_empty() {
            out.push_str(mapped);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.len() > max {
        let cut = out[..max].rfind('-').unwrap_or(max);
        out.truncate(cut);
    }
    out
}

/// A TOML basic string.
pub(crate) fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    push_escaped(&mut out, text);
    out.push('"');
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

pub(crate) fn quoted_list<S: AsRef<str>>(items: &[S]) -> String {
    let inner: Vec<String> = items.iter().map(|s| quoted(s.as_ref())).collect();
    format!("[{}]", inner.join(", "))
}

/// `key = """..."""`, wrapped at about 90 columns with line-ending backslashes,
/// which TOML folds away, so the value is one paragraph.
pub(crate) fn push_paragraph(out: &mut String, key: &str, text: &str) {
    let _ = writeln!(out, "{key} = \"\"\"");
    let mut column = 0;
    for word in text.split_whitespace() {
        let mut escaped = String::new();
        push_escaped(&mut escaped, word);
        let width = escaped.chars().count();
        if column > 0 && column + 1 + width > 90 {
            out.push_str(" \\\n");
            column = 0;
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(&escaped);
        column += width;
    }
    out.push_str("\"\"\"\n");
}

pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(crate) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A same-sounding spelling of `name`: accents dropped or case changed, and one
/// space doubled — the way one applicant appears twice in a real call.
pub(crate) fn respell(name: &str) -> String {
    let folded = strip_accents(name);
    let base = if folded == name { name.to_uppercase() } else { folded };
    match base.find(' ') {
        Some(i) => format!("{}  {}", &base[..i], &base[i + 1..]),
        None => base,
    }
}
