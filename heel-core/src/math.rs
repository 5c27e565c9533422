//! The transcendental functions the model uses, from `libm`: a pure-Rust
//! implementation that gives the same result on every platform. The standard
//! library defers to the platform's maths library, whose last bit differs
//! between, say, x86-64 Linux and WebAssembly; with `libm`, Rust, Python and
//! JavaScript return identical documents.

/// Natural logarithm.
pub(crate) fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// e raised to `x`.
pub(crate) fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// Base-2 logarithm.
pub(crate) fn log2(x: f64) -> f64 {
    libm::log2(x)
}
