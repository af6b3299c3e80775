//! Spec section 8: `prize agreement`.
