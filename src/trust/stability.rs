//! Spec section 8: `prize stability`.
