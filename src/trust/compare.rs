//! Spec section 8: `prize compare`.
