//! GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=CODE::MESSAGE`, with
//! archive text through [`super::escape`] first and then escaped as GitHub documents.

use std::io::{self, Write};

use super::Renderer;
use crate::diagnostics::finding::{Finding, Severity};
use crate::report::validation::Validation;

/// GitHub Actions annotations.
pub struct Github;

impl Renderer for Github {
    fn validation(&self, out: &mut dyn Write, validation: &Validation<'_>) -> io::Result<()> {
        findings(out, validation.findings.iter().copied())
    }
}

/// Escapes the message part of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command per finding (`notice` for ineligibility).
pub fn findings<'a>(out: &mut dyn Write, findings: impl IntoIterator<Item = &'a Finding>) -> io::Result<()> {
    for f in findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Ineligible => "notice",
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            escape_property(&super::escape(&f.file)),
            f.line,
            f.column,
            escape_property(&super::escape(&f.code)),
            escape_data(&super::escape(&f.message))
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_github() {
        assert_eq!(escape_data("a%b\nc\r"), "a%25b%0Ac%0D");
        assert_eq!(escape_property("a,b:c"), "a%2Cb%3Ac");
    }
}
