//! Findings, their codes and the source excerpts they point into.

pub mod codes;
pub mod escape;
pub mod finding;
pub mod source;

/// A number from the archive as a message shows it: as written for everyday sizes, in
/// exponent form (`1.7e308`) for huge or tiny ones, never as 309 digits.
pub fn number(x: f64) -> String {
    if x != 0.0 && x.is_finite() && !(1e-6..1e15).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_are_shown_compactly() {
        assert_eq!(super::number(7.5), "7.5");
        assert_eq!(super::number(-10.0), "-10");
        assert_eq!(super::number(1.7e308), "1.7e308");
        assert_eq!(super::number(-1e-9), "-1e-9");
        assert_eq!(super::number(f64::INFINITY), "inf");
    }
}
