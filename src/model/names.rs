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

#[cfg(test)]
mod tests {
    use super::*;

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
