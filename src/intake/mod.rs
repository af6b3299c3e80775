//! Applications in, letters out (spec section 10): application files from the export of an
//! application form or portal, and one feedback letter per application.
//!
//! [`map`] reads the mapping file (`intake.toml`), [`export`] the export (CSV in the encodings
//! and delimiters `scores import` reads, `.xlsx`, `.ods`), [`compose`] makes each row an
//! application file, and [`import`] checks every row as `validate` would and writes the files.
//! [`feedback`] writes the letters from the judged archive.

pub mod compose;
pub mod export;
pub mod feedback;
pub mod import;
pub mod map;
