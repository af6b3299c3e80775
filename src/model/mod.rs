//! Plain data shared by every layer above loading: an application's standing, countries, how
//! names are compared.

pub mod country;
pub mod names;
pub mod status;

pub use status::Status;
