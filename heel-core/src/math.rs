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
pub(crate) const LOG2_E: f64 = std::f64::consts::LOG2_E;

/// `2^(j/64)` for `j` in `0..64`, each the nearest `f64` (bit patterns,
/// computed to 60 significant digits and rounded once).
const EXP2_64THS: [u64; 64] = [
    0x3ff0_0000_0000_0000,
    0x3ff0_2c9a_3e77_8061,
    0x3ff0_59b0_d315_8574,
    0x3ff0_8745_1875_9bc8,
    0x3ff0_b558_6cf9_890f,
    0x3ff0_e3ec_32d3_d1a2,
    0x3ff1_1301_d012_5b51,
    0x3ff1_429a_aea9_2de0,
    0x3ff1_72b8_3c7d_517b,
    0x3ff1_a35b_eb6f_cb75,
    0x3ff1_d487_3168_b9aa,
    0x3ff2_063b_8862_8cd6,
    0x3ff2_387a_6e75_6238,
    0x3ff2_6b45_65e2_7cdd,
    0x3ff2_9e9d_f51f_dee1,
    0x3ff2_d285_a6e4_030b,
    0x3ff3_06fe_0a31_b715,
    0x3ff3_3c08_b264_16ff,
    0x3ff3_71a7_373a_a9cb,
    0x3ff3_a7db_34e5_9ff7,
    0x3ff3_dea6_4c12_3422,
    0x3ff4_160a_21f7_2e2a,
    0x3ff4_4e08_6061_892d,
    0x3ff4_86a2_b5c1_3cd0,
    0x3ff4_bfda_d536_2a27,
    0x3ff4_f9b2_769d_2ca7,
    0x3ff5_342b_569d_4f82,
    0x3ff5_6f47_36b5_27da,
    0x3ff5_ab07_dd48_5429,
    0x3ff5_e76f_15ad_2148,
    0x3ff6_247e_b03a_5585,
    0x3ff6_6238_8255_2225,
    0x3ff6_a09e_667f_3bcd,
    0x3ff6_dfb2_3c65_1a2f,
    0x3ff7_1f75_e8ec_5f74,
    0x3ff7_5feb_5642_67c9,
    0x3ff7_a114_73eb_0187,
    0x3ff7_e2f3_36cf_4e62,
    0x3ff8_2589_994c_ce13,
    0x3ff8_68d9_9b44_92ed,
    0x3ff8_ace5_422a_a0db,
    0x3ff8_f1ae_9915_7736,
    0x3ff9_3737_b0cd_c5e5,
    0x3ff9_7d82_9fde_4e50,
    0x3ff9_c491_82a3_f090,
    0x3ffa_0c66_7b5d_e565,
    0x3ffa_5503_b23e_255d,
    0x3ffa_9e6b_5579_fdbf,
    0x3ffa_e89f_995a_d3ad,
    0x3ffb_33a2_b84f_15fb,
    0x3ffb_7f76_f2fb_5e47,
    0x3ffb_cc1e_904b_c1d2,
    0x3ffc_199b_dd85_529c,
    0x3ffc_67f1_2e57_d14b,
    0x3ffc_b720_dcef_9069,
    0x3ffd_072d_4a07_897c,
    0x3ffd_5818_dcfb_a487,
    0x3ffd_a9e6_03db_3285,
    0x3ffd_fc97_337b_9b5f,
    0x3ffe_502e_e78b_3ff6,
    0x3ffe_a4af_a2a4_90da,
    0x3ffe_fa1b_ee61_5a27,
    0x3fff_5076_5b6e_4540,
    0x3fff_a7c1_819e_90d8,
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
/// most 1), without its range checks: the softmax's case, where every
/// input is a score less the largest one. The same bits as [`exp_fast`].
pub(crate) fn exp_fast_normal_nonpositive(x: f64) -> f64 {
    debug_assert!((-708.0..=0.0).contains(&x));
    let (mantissa, power) = reduce(x);
    mantissa * pow2(power)
}

/// `e^x = mantissa × 2^power`, `mantissa` in about `[1, 2)`.
#[inline]
fn reduce(x: f64) -> (f64, i64) {
    // The nearest multiple of ln2/64: x = n ln2/64 + rest.
    let shifted = x * INV_LN2_64 + ROUND;
    let nearest = shifted - ROUND;
    // The integer is in the low bits of `shifted` (exact for |n| < 2^51):
    // read there, it needs no float-to-integer conversion.
    #[allow(clippy::cast_possible_wrap)] // both below 2^63
    let n = shifted.to_bits() as i64 - ROUND.to_bits() as i64;
    let rest = (x - nearest * LN2_64_HI) - nearest * LN2_64_LO;
    // e^rest - 1 = rest + rest²/2 + rest³/6 + rest⁴/24 + rest⁵/120 (Horner).
    let tail = rest
        + rest * rest * (0.5 + rest * (1.0 / 6.0 + rest * (1.0 / 24.0 + rest * (1.0 / 120.0))));
    #[allow(clippy::cast_sign_loss)] // n & 63 is in 0..64
    let table = f64::from_bits(EXP2_64THS[(n & 63) as usize]);
    (table + table * tail, n >> 6)
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
    fn the_table_holds_powers_of_two() {
        for (j, &bits) in EXP2_64THS.iter().enumerate() {
            let t = f64::from_bits(bits);
            assert!(ulps(t, libm::exp2(j as f64 / 64.0)) <= 1, "2^({j}/64)");
        }
        assert_eq!(EXP2_64THS[32], std::f64::consts::SQRT_2.to_bits());
        assert!((INV_LN2_64 * std::f64::consts::LN_2 - 64.0).abs() < 1e-13);
        assert_eq!(
            (LN2_64_HI + LN2_64_LO).to_bits(),
            (std::f64::consts::LN_2 / 64.0).to_bits()
        );
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
        for x in [-745.1, -740.0, -708.5, -708.3, 709.0, 709.7, 1e-300, -1e-17] {
            let (fast, precise) = (exp_fast(x), libm::exp(x));
            assert!(
                (fast - precise).abs() <= precise * 3e-16 || (fast - precise).abs() < 1e-320,
                "exp({x}) = {fast}, libm {precise}"
            );
        }
    }
}
