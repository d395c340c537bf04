//! A JSON number's text as `f64`, correctly rounded. What publishers write (up to 15 significant
//! digits, times a power of ten up to 10^22) is one multiplication or division of two exact
//! `f64`, which IEEE rounds correctly (Clinger's fast path): a few hundred bytes of code. Any
//! other number takes core's reader, whose tables (about 12 KB, most of them incompressible)
//! the page's first module leaves out: in the page's build (feature `exact-numbers-installed`)
//! the validator's part installs it (`install`), and until then such a number reads as none, so
//! the fast path hands its file to the validator. Natively and in the other builds it is there.

/// `text` (a JSON number, as the scanner checked it) as `f64`; `None` where it cannot be read.
pub fn read(text: &str) -> Option<f64> {
    quick(text).or_else(|| exact(text))
}

/// The powers of ten that `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Clinger's fast path; `None` where it would not be exact.
fn quick(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let (mut mantissa, mut digits, mut exponent, mut fraction) = (0u64, 0, 0i32, false);
    for (i, &b) in bytes.iter().enumerate().skip(usize::from(negative)) {
        match b {
            b'0'..=b'9' => {
                // Leading zeros are not significant digits; trailing ones are (0.5000).
                if mantissa > 0 || b != b'0' {
                    digits += 1;
                    if digits > 15 {
                        return None;
                    }
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                }
                exponent -= i32::from(fraction);
            }
            b'.' if !fraction => fraction = true,
            b'e' | b'E' => {
                exponent = exponent.checked_add(text.get(i + 1..)?.parse().ok()?)?;
                break;
            }
            _ => return None,
        }
    }
    let value = if mantissa == 0 {
        0.0
    } else {
        // At most 15 digits: below 2^53, so exact.
        let (m, power) = (
            mantissa as f64,
            *EXACT_POWERS.get(exponent.unsigned_abs() as usize)?,
        );
        if exponent >= 0 {
            m * power
        } else {
            m / power
        }
    };
    Some(if negative { -value } else { value })
}

#[cfg(not(all(feature = "exact-numbers-installed", target_arch = "wasm32")))]
fn exact(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// Natively core's reader is always there: nothing to install.
#[cfg(not(all(feature = "exact-numbers-installed", target_arch = "wasm32")))]
pub fn install(_: fn(&str) -> Option<f64>) {}

#[cfg(all(feature = "exact-numbers-installed", target_arch = "wasm32"))]
static EXACT: std::sync::OnceLock<fn(&str) -> Option<f64>> = std::sync::OnceLock::new();

#[cfg(all(feature = "exact-numbers-installed", target_arch = "wasm32"))]
fn exact(text: &str) -> Option<f64> {
    EXACT.get()?(text)
}

/// Gives the page core's exact reader, from the part whose code carries it.
#[cfg(all(feature = "exact-numbers-installed", target_arch = "wasm32"))]
pub fn install(exact: fn(&str) -> Option<f64>) {
    let _ = EXACT.set(exact);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_reading_is_core_s_where_it_answers() {
        let cases = [
            ("0", Some(0.0)),
            ("-0", Some(-0.0)),
            ("0.4582", Some(0.4582)),
            ("0.5000", Some(0.5)),
            ("-1.5", Some(-1.5)),
            ("100", Some(100.0)),
            ("0.05", Some(0.05)),
            ("1.25e3", Some(1250.0)),
            ("125E-2", Some(1.25)),
            ("7e+22", Some(7e22)),
            ("0e400", Some(0.0)),
            ("999999999999999", Some(999_999_999_999_999.0)),
            // Beyond what is exact here: core's reader answers.
            ("9007199254740993", None),
            ("0.45820000000000001", None),
            ("1e23", None),
            ("1e-23", None),
            ("1e999", None),
            ("1e99999999999", None),
        ];
        for (text, quickly) in cases {
            let q = quick(text);
            assert_eq!(q.map(f64::to_bits), quickly.map(f64::to_bits), "{text}");
            let core: f64 = text.parse().unwrap();
            assert_eq!(read(text).map(f64::to_bits), Some(core.to_bits()), "{text}");
        }
    }

    #[test]
    fn every_quick_reading_is_core_s() {
        // Mantissas and exponents across the quick range, against core's correctly rounded
        // reading, bit for bit.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let digits = 1 + (seed % 15) as u32;
            let mantissa = (seed >> 8) % 10u64.pow(digits);
            let exponent = ((seed >> 40) % 45) as i32 - 22;
            let (negative, point) = (seed & 1 == 1, (seed >> 50) % 4 == 0);
            let text = if point && exponent < 0 && -exponent <= 15 {
                let s = format!("{mantissa:0>width$}", width = (-exponent) as usize + 1);
                let (int, frac) = s.split_at(s.len() - (-exponent) as usize);
                format!("{}{int}.{frac}", if negative { "-" } else { "" })
            } else {
                format!("{}{mantissa}e{exponent}", if negative { "-" } else { "" })
            };
            let core: f64 = text.parse().unwrap();
            let q = quick(&text).unwrap_or_else(|| panic!("{text} is in the quick range"));
            assert_eq!(q.to_bits(), core.to_bits(), "{text}");
        }
    }
}
