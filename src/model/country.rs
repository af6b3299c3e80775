//! ISO 3166-1 alpha-2 country codes, checked against the real list.

/// The English short name of an assigned ISO 3166-1 alpha-2 code, if `code` is one.
pub fn name(code: &str) -> Option<&'static str> {
    rust_iso3166::from_alpha2(code).map(|c| c.name)
}

/// What to suggest for a code that is not assigned: the right case, or a common mix-up.
pub fn suggestion(code: &str) -> Option<&'static str> {
    let upper = code.trim().to_ascii_uppercase();
    let mixed_up = match upper.as_str() {
        "UK" | "EN" => Some("GB"),
        "EL" => Some("GR"),
        "KO" | "SK" if code.eq_ignore_ascii_case("ko") => Some("KR"),
        _ => None,
    };
    mixed_up.or_else(|| {
        (upper != code)
            .then(|| rust_iso3166::from_alpha2(&upper).map(|c| c.alpha2))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_codes_only() {
        assert_eq!(name("GB"), Some("United Kingdom of Great Britain and Northern Ireland"));
        assert_eq!(name("UK"), None);
        assert_eq!(name("kr"), None);
        assert_eq!(suggestion("UK"), Some("GB"));
        assert_eq!(suggestion("kr"), Some("KR"));
        assert_eq!(suggestion("QQ"), None);
    }
}
