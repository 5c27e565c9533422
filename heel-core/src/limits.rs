//! The size limits heel enforces on every document it reads, whatever the
//! language it comes from. A hostile input cannot exhaust memory, the stack or
//! time; an input beyond a limit is an [`Error::TooLarge`](crate::Error::TooLarge)
//! naming the field where the limit was hit. The bindings use these values too,
//! for the few checks they make before handing a host value to heel.

/// Deepest nesting accepted (an assessment needs 3 levels; options 2).
pub const MAX_DEPTH: usize = 8;
/// Most entries accepted in one object or array.
pub const MAX_ENTRIES: usize = 512;
/// Most values accepted in one document, all levels together. A host value
/// (a Python dict, a JavaScript object) may share one list among many places,
/// so the depth and entry limits alone would allow 512 to the 8th power.
/// An assessment has fewer than 200.
pub const MAX_VALUES: usize = 8192;
/// Longest string (or object key) accepted, in bytes.
pub const MAX_STRING: usize = 256;
/// Longest JSON text accepted, in bytes.
pub const MAX_TEXT: usize = 1 << 20;
