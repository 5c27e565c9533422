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
//! table-driven `exp` for the hot paths (a softmax over every cause for each
//! score, each trial answer of the interview): about four times cheaper than
//! `libm::exp`, within about one unit in the last place of it.

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
pub(crate) const LOG2_E: f64 = 1.442_695_040_888_963_4;

/// `2^(j/64)` for `j` in `0..64`, each the nearest `f64` (bit patterns,
/// computed to 60 significant digits and rounded once).
const EXP2_64THS: [u64; 64] = [
    0x3ff0000000000000,
    0x3ff02c9a3e778061,
    0x3ff059b0d3158574,
    0x3ff0874518759bc8,
    0x3ff0b5586cf9890f,
    0x3ff0e3ec32d3d1a2,
    0x3ff11301d0125b51,
    0x3ff1429aaea92de0,
    0x3ff172b83c7d517b,
    0x3ff1a35beb6fcb75,
    0x3ff1d4873168b9aa,
    0x3ff2063b88628cd6,
    0x3ff2387a6e756238,
    0x3ff26b4565e27cdd,
    0x3ff29e9df51fdee1,
    0x3ff2d285a6e4030b,
    0x3ff306fe0a31b715,
    0x3ff33c08b26416ff,
    0x3ff371a7373aa9cb,
    0x3ff3a7db34e59ff7,
    0x3ff3dea64c123422,
    0x3ff4160a21f72e2a,
    0x3ff44e086061892d,
    0x3ff486a2b5c13cd0,
    0x3ff4bfdad5362a27,
    0x3ff4f9b2769d2ca7,
    0x3ff5342b569d4f82,
    0x3ff56f4736b527da,
    0x3ff5ab07dd485429,
    0x3ff5e76f15ad2148,
    0x3ff6247eb03a5585,
    0x3ff6623882552225,
    0x3ff6a09e667f3bcd,
    0x3ff6dfb23c651a2f,
    0x3ff71f75e8ec5f74,
    0x3ff75feb564267c9,
    0x3ff7a11473eb0187,
    0x3ff7e2f336cf4e62,
    0x3ff82589994cce13,
    0x3ff868d99b4492ed,
    0x3ff8ace5422aa0db,
    0x3ff8f1ae99157736,
    0x3ff93737b0cdc5e5,
    0x3ff97d829fde4e50,
    0x3ff9c49182a3f090,
    0x3ffa0c667b5de565,
    0x3ffa5503b23e255d,
    0x3ffa9e6b5579fdbf,
    0x3ffae89f995ad3ad,
    0x3ffb33a2b84f15fb,
    0x3ffb7f76f2fb5e47,
    0x3ffbcc1e904bc1d2,
    0x3ffc199bdd85529c,
    0x3ffc67f12e57d14b,
    0x3ffcb720dcef9069,
    0x3ffd072d4a07897c,
    0x3ffd5818dcfba487,
    0x3ffda9e603db3285,
    0x3ffdfc97337b9b5f,
    0x3ffe502ee78b3ff6,
    0x3ffea4afa2a490da,
    0x3ffefa1bee615a27,
    0x3fff50765b6e4540,
    0x3fffa7c1819e90d8,
];

/// `64 / ln 2`, nearest `f64`.
const INV_LN2_64: f64 = f64::from_bits(0x4057_1547_652b_82fe);
/// `ln 2 / 64` split in two: the high part has 33 significant bits, so
/// `k × HI` is exact for every `|k| < 2^20`; the low part is the rest.
const LN2_64_HI: f64 = f64::from_bits(0x3f86_2e42_fef0_0000);
const LN2_64_LO: f64 = f64::from_bits(0x3d74_73de_6af2_78ed);
/// `1.5 × 2^52`: adding it rounds a number of magnitude below `2^51` to
/// the nearest integer (ties to even), whatever the rounding of the host.
const ROUND: f64 = 6_755_399_441_055_744.0;

/// `2^e` for an exponent of a normal `f64` (`-1022..=1023`).
fn pow2(e: i64) -> f64 {
    debug_assert!((-1022..=1023).contains(&e));
    #[allow(clippy::cast_sign_loss)] // e + 1023 is in 1..=2046
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// e raised to `x`, from a table of `2^(j/64)` and a degree-5 polynomial:
/// `x = (64m + j) ln2/64 + r` with `|r| ≤ ln2/128`, so
/// `e^x = 2^m × 2^(j/64) × e^r`. The polynomial's truncation error is below
/// `4e-17` relative; the result is within about one unit in the last place
/// of the exact value. Deterministic: every step is one IEEE operation, in
/// a fixed order. Underflows to 0 below about -745.13, overflows to
/// infinity above about 709.78; NaN gives NaN.
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
    let kd = (x * INV_LN2_64 + ROUND) - ROUND;
    // |kd| ≤ 2^17: the conversion is exact.
    let k = kd as i64;
    let r = (x - kd * LN2_64_HI) - kd * LN2_64_LO;
    // e^r - 1 = r + r²/2 + r³/6 + r⁴/24 + r⁵/120 (Horner).
    let tail = r + r * r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0))));
    #[allow(clippy::cast_sign_loss)] // k & 63 is in 0..64
    let t = f64::from_bits(EXP2_64THS[(k & 63) as usize]);
    let y = t + t * tail;
    let m = k >> 6;
    if m < -1022 {
        // A subnormal result: scale in two steps, rounding once at the end.
        y * pow2(m + 1000) * pow2(-1000)
    } else if m > 1023 {
        y * pow2(m - 1) * 2.0
    } else {
        y * pow2(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The distance between two finite numbers in units in the last place.
    fn ulps(a: f64, b: f64) -> u64 {
        let key = |x: f64| {
            let bits = x.to_bits() as i64;
            if bits < 0 { i64::MIN - bits } else { bits }
        };
        key(a).abs_diff(key(b))
    }

    #[test]
    fn the_table_holds_powers_of_two() {
        for (j, &bits) in EXP2_64THS.iter().enumerate() {
            let t = f64::from_bits(bits);
            assert!(ulps(t, libm::exp2(j as f64 / 64.0)) <= 1, "2^({j}/64)");
        }
        assert_eq!(f64::from_bits(EXP2_64THS[32]), std::f64::consts::SQRT_2);
        assert!((INV_LN2_64 * std::f64::consts::LN_2 - 64.0).abs() < 1e-13);
        assert_eq!(LN2_64_HI + LN2_64_LO, std::f64::consts::LN_2 / 64.0);
    }

    #[test]
    fn exp_fast_is_within_one_ulp_of_libm() {
        assert_eq!(exp_fast(0.0).to_bits(), 1.0_f64.to_bits());
        assert_eq!(exp_fast(-0.0).to_bits(), 1.0_f64.to_bits());
        assert_eq!(exp_fast(f64::NEG_INFINITY), 0.0);
        assert_eq!(exp_fast(-800.0), 0.0);
        assert_eq!(exp_fast(800.0), f64::INFINITY);
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
        for x in [-745.1, -740.0, -708.5, -708.3, 709.0, 709.7, 1e-300, -1e-17] {
            let (fast, precise) = (exp_fast(x), libm::exp(x));
            assert!(
                (fast - precise).abs() <= precise * 3e-16 || (fast - precise).abs() < 1e-320,
                "exp({x}) = {fast}, libm {precise}"
            );
        }
    }
}
