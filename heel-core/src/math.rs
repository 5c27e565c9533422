//! The transcendental functions the model uses, written so that they give
//! the same bits on every platform (x86-64, WebAssembly, ...): plain IEEE
//! `f64` additions, multiplications and divisions in a fixed order, no
//! fused multiply-add, no platform maths library. The standard library's
//! `f64::exp` defers to the platform, whose last bit differs between, say,
//! x86-64 Linux and WebAssembly; with these, Rust, Python and JavaScript
//! return identical documents.
//!
//! `ln`, `log2` and the precise `exp` come from `libm` (a pure-Rust port of
//! a portable maths library): the knowledge base is compiled with them once,
//! and they are used where a call is rare. [`exp_fast`] is this crate's own
//! table-free `exp` for the hot paths (a softmax over every cause for each
//! score, each trial answer of the interview): a polynomial and a power of
//! two built from bits, within one unit in the last place of `libm::exp`;
//! without a table lookup, a loop of them vectorises.

/// Natural logarithm.
pub(crate) fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// e raised to `x`, as `libm` computes it (used when compiling the tables).
pub(crate) fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// Base-2 logarithm.
pub(crate) fn log2(x: f64) -> f64 {
    libm::log2(x)
}

/// `1 / ln 2`: turns a natural logarithm into bits.
pub(crate) const LOG2_E: f64 = std::f64::consts::LOG2_E;

/// `1 / ln 2`, nearest `f64` (the same bits as [`LOG2_E`]).
const INV_LN2: f64 = f64::from_bits(0x3ff7_1547_652b_82fe);
/// `ln 2` split in two: the high part is `ln 2`'s nearest `f64` with its
/// last 21 bits cleared (32 significant bits), so `k × HI` is exact for
/// every `|k| < 2^21`; the low part is the nearest `f64` to the rest of the
/// exact `ln 2`.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
/// `1.5 × 2^52`: adding it rounds a number of magnitude below `2^51` to
/// the nearest integer (ties to even), whatever the rounding of the host.
const ROUND: f64 = 6_755_399_441_055_744.0;

/// `1 / n!` for `n` in `2..=13`, each the nearest `f64` (a correctly
/// rounded division of two exact integers).
const INV_FACTORIAL: [f64; 12] = [
    1.0 / 2.0,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5_040.0,
    1.0 / 40_320.0,
    1.0 / 362_880.0,
    1.0 / 3_628_800.0,
    1.0 / 39_916_800.0,
    1.0 / 479_001_600.0,
    1.0 / 6_227_020_800.0,
];

/// `2^e` for an exponent of a normal `f64` (`-1022..=1023`).
fn pow2(e: i64) -> f64 {
    debug_assert!((-1022..=1023).contains(&e));
    #[allow(clippy::cast_sign_loss)] // e + 1023 is in 1..=2046
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// e raised to `x`, without a table: `x = k ln2 + r` with `k` the nearest
/// integer to `x / ln2` and `|r| ≤ ln2/2`, so `e^x = 2^k × e^r`, and `e^r`
/// is its Taylor polynomial of degree 13 (truncation error below `5e-18`
/// relative). The result is within about one unit in the last place of
/// the exact value. Deterministic: every step is one IEEE operation, in a
/// fixed order. Underflows to 0 below about -745.13, overflows to infinity
/// above about 709.78; NaN gives NaN.
pub(crate) fn exp_fast(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x < -745.2 {
        return 0.0;
    }
    if x > 709.8 {
        return f64::INFINITY;
    }
    let (mantissa, power) = reduce(x);
    if power < -1022 {
        // A subnormal result: scale in two steps, rounding once at the end.
        mantissa * pow2(power + 1000) * pow2(-1000)
    } else if power > 1023 {
        mantissa * pow2(power - 1) * 2.0
    } else {
        mantissa * pow2(power)
    }
}

/// [`exp_fast`] for `x` in `-708..=0` (the result is a normal number at
/// most 1), without its range checks and without branches, so a loop of
/// them vectorises (the softmax's case, where every input is a score less
/// the largest one). The same bits as [`exp_fast`].
#[inline]
pub(crate) fn exp_fast_normal_nonpositive(x: f64) -> f64 {
    // Outside the range (a caller's bug, or NaN) the result is wrong or
    // NaN, never a panic.
    debug_assert!(x.is_nan() || (-708.0..=0.0).contains(&x));
    let shifted = x * INV_LN2 + ROUND;
    // The low bits of `shifted` hold `2^51 + k`; adding 1023 and shifting
    // left by 52 leaves the biased exponent `k + 1023` (in `1..=1023` here)
    // alone: `2^k`, built from bits, without a float-to-integer conversion.
    let scale = f64::from_bits(shifted.to_bits().wrapping_add(1023) << 52);
    scale * exp_reduced(x, shifted - ROUND)
}

/// `e^x = mantissa × 2^power`, `mantissa` in about `[0.7, 1.42]`.
#[inline]
fn reduce(x: f64) -> (f64, i64) {
    let shifted = x * INV_LN2 + ROUND;
    // The integer is in the low bits of `shifted` (exact for |k| < 2^51):
    // read there, it needs no float-to-integer conversion.
    #[allow(clippy::cast_possible_wrap)] // both below 2^63
    let k = shifted.to_bits() as i64 - ROUND.to_bits() as i64;
    (exp_reduced(x, shifted - ROUND), k)
}

/// `e^(x - k ln2)` for `k` the nearest integer to `x / ln2` (given as a
/// float): the remainder `r`, then `1 + r + r²/2! + ... + r^13/13!`
/// (Horner), the small terms summed first.
#[inline]
fn exp_reduced(x: f64, k: f64) -> f64 {
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let mut q = INV_FACTORIAL[11];
    for &c in INV_FACTORIAL[..11].iter().rev() {
        q = c + r * q;
    }
    1.0 + (r + r * r * q)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The distance between two finite numbers in units in the last place.
    #[allow(clippy::cast_possible_wrap)] // sign-magnitude bits to an ordered key
    fn ulps(a: f64, b: f64) -> u64 {
        let key = |x: f64| {
            let bits = x.to_bits() as i64;
            if bits < 0 { i64::MIN - bits } else { bits }
        };
        key(a).abs_diff(key(b))
    }

    #[test]
    fn the_constants_are_what_they_say() {
        use std::f64::consts::{LN_2, LOG2_E};
        assert_eq!(INV_LN2.to_bits(), LOG2_E.to_bits());
        // The high part is ln 2 with its last 21 bits cleared.
        assert_eq!(LN2_HI.to_bits(), LN_2.to_bits() & !((1 << 21) - 1));
        // The two parts add up to ln 2; the low one also carries the bits
        // of the exact ln 2 beyond its nearest `f64` (less than half an ulp).
        assert_eq!((LN2_HI + LN2_LO).to_bits(), LN_2.to_bits());
        assert!(((LN_2 - LN2_HI) - LN2_LO).abs() < 0.5 * f64::EPSILON * 0.5);
        // 1/n! times n! is 1, to rounding.
        let mut factorial = 1.0;
        for (n, &c) in (2..).zip(&INV_FACTORIAL) {
            factorial *= f64::from(n);
            assert!((c * factorial - 1.0).abs() <= f64::EPSILON, "1/{n}!");
        }
    }

    #[test]
    fn exp_fast_is_within_one_ulp_of_libm() {
        assert_eq!(exp_fast(0.0).to_bits(), 1.0_f64.to_bits());
        assert_eq!(exp_fast(-0.0).to_bits(), 1.0_f64.to_bits());
        assert_eq!(exp_fast(f64::NEG_INFINITY).to_bits(), 0);
        assert_eq!(exp_fast(-800.0).to_bits(), 0);
        assert_eq!(exp_fast(800.0).to_bits(), f64::INFINITY.to_bits());
        assert!(exp_fast(f64::NAN).is_nan());
        // A reproducible sweep over the range scores use, and the edges.
        let mut state: u64 = 7;
        let mut worst = 0;
        for i in 0..400_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let unit = (state >> 11) as f64 / (1u64 << 53) as f64;
            let x = match i % 4 {
                0 => -40.0 * unit,
                1 => -745.0 * unit,
                2 => 709.0 * unit,
                _ => 2.0 * unit - 1.0,
            };
            let (fast, precise) = (exp_fast(x), libm::exp(x));
            let off = if precise < f64::MIN_POSITIVE {
                // Subnormal results carry fewer bits: compare absolutely.
                u64::from((fast - precise).abs() > 1e-320)
            } else {
                ulps(fast, precise)
            };
            worst = worst.max(off);
            assert!(off <= 1, "exp({x}) = {fast}, libm {precise}");
        }
        assert!(worst <= 1);
        for i in 0..=70_800 {
            // Down to the bottom of the range, never past it.
            let x = (-0.01 * f64::from(i) - 1e-9 * f64::from(i % 7)).max(-708.0);
            assert_eq!(
                exp_fast_normal_nonpositive(x).to_bits(),
                exp_fast(x).to_bits()
            );
        }
        // Where the reduction changes its power of two, `x` near
        // `(k + 1/2) ln 2`: the remainder is largest there, on either side.
        for k in -1022..=1022 {
            let edge = (f64::from(k) + 0.5) * std::f64::consts::LN_2;
            for step in -40..=40 {
                let x = edge + f64::from(step) * 1e-12 * edge.abs().max(1.0);
                if !(-745.0..=709.0).contains(&x) {
                    continue;
                }
                let (fast, precise) = (exp_fast(x), libm::exp(x));
                if precise >= f64::MIN_POSITIVE {
                    assert!(
                        ulps(fast, precise) <= 1,
                        "exp({x}) = {fast}, libm {precise}"
                    );
                }
                if (-708.0..=0.0).contains(&x) {
                    assert_eq!(exp_fast_normal_nonpositive(x).to_bits(), fast.to_bits());
                }
            }
        }
        // A dense sweep of the softmax's usual range, counting the results
        // that differ from libm's in the last place.
        let mut differ = 0;
        for i in 0..=200_000 {
            let x = -30.0 * f64::from(i) / 200_000.0;
            let (fast, precise) = (exp_fast_normal_nonpositive(x), libm::exp(x));
            assert!(
                ulps(fast, precise) <= 1,
                "exp({x}) = {fast}, libm {precise}"
            );
            differ += u32::from(fast.to_bits() != precise.to_bits());
        }
        // Most agree to the bit.
        assert!(differ < 20_000, "{differ} of 200,001 differ from libm");
        for x in [-745.1, -740.0, -708.5, -708.3, 709.0, 709.7, 1e-300, -1e-17] {
            let (fast, precise) = (exp_fast(x), libm::exp(x));
            assert!(
                (fast - precise).abs() <= precise * 3e-16 || (fast - precise).abs() < 1e-320,
                "exp({x}) = {fast}, libm {precise}"
            );
        }
    }
}
