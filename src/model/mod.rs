//! Plain data shared by every layer above loading: an application's standing, countries, how
//! names are compared.

pub mod config;
pub mod country;
pub mod names;
pub mod roster;
pub mod rules;
pub mod sheet;
pub mod spanned;
pub mod status;

pub use status::Status;
