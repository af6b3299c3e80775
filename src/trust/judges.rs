//! Spec section 8: `prize judges`.
