//! How far the ranking can be trusted (spec section 8): each judge's leniency and consistency,
//! the judges' agreement, the methods side by side, and the result's stability under another
//! jury. Everything here reads the totals that count in a judged round.

pub mod agreement;
pub mod compare;
pub mod judges;
pub mod stability;
