//! How names are compared across files.

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// The applicant's name as compared for duplicates: no case, accents or spaces.
pub fn applicant_key(name: &str) -> String {
    // ASCII has no accents to strip, and decomposes to itself.
    if name.is_ascii() {
        return name
            .bytes()
            .filter(|&b| !(b as char).is_whitespace())
            .map(|b| b.to_ascii_lowercase() as char)
            .collect();
    }
    name.nfkd()
        .filter(|c| !is_combining_mark(*c) && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `s.trim()`, without its search when `s` starts and ends with a visible ASCII character (a
/// score, an id, most names): half a million sheet rows have several cells each, and every row
/// is tested for conflicts by name.
pub fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_is_strs_trim() {
        for s in [
            "", " ", "a", " a", "a ", "7.5", "\u{a0}x", "x\u{a0}", "é", "\tx\n", "a b", "\u{3000}",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn applicant_names_ignore_case_accents_and_spaces() {
        assert_eq!(applicant_key("Bogotá D.C."), applicant_key("BOGOTA D. C."));
        assert_eq!(applicant_key("São  Paulo"), applicant_key("sao paulo"));
        assert_ne!(applicant_key("Bogotá D.C."), applicant_key("Bogotá DC"));
        // The ASCII path agrees with the general one.
        for name in ["Comune di  Milano", "SEOUL\tMetropolitan\x0bGov", "A.B. C-D"] {
            let general: String = name
                .nfkd()
                .filter(|c| !is_combining_mark(*c) && !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(applicant_key(name), general);
        }
    }
}
