//! Global calibration parameters, fitted by `cargo run --release --example
//! calibrate` (which writes `docs/calibration.md`).
//!
//! Even after correlated answers are grouped, the ratios of different groups
//! are not fully independent, and most are judgements; a model that multiplies
//! them pushes probabilities towards 0 and 1 (Niculescu-Mizil and Caruana
//! 2005). One global temperature divides every answer's log likelihood ratio
//! before the distribution is normalised (temperature scaling, Guo et al.
//! 2017); the priors are not scaled. It is fitted by minimising the log loss
//! on the simulated population described in `docs/calibration.md`, and the
//! vignette suite is never used to fit it.

/// Every answer's log likelihood ratio is divided by this before it is added.
pub const EVIDENCE_TEMPERATURE: f64 = 1.0;
