//! The jury's workflow (spec sections 4 and 7): assigning judges, writing sheet templates and
//! importing the sheets judges send back, each write atomic.

pub mod assign;
pub mod assigned;
pub mod atomic;
pub mod import;
pub mod sheet_write;
pub mod template;
