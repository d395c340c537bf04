//! Chart maths: nice axis ticks and the projection of values and categories to pixels.

/// A linear map from a value domain to a pixel range; the range may run either way, which is
/// how rank axes put 1 at the top.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn project(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Ticks at 1, 2 or 5 × 10ⁿ covering `lo..=hi`, about `count` of them. Returns the ticks; the
/// first and last are the nice bounds of the axis.
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo.min(hi), lo.max(hi))
    } else {
        (0.0, 1.0)
    };
    let (lo, hi) = if hi - lo < 1e-12 {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        (lo - pad, hi + pad)
    } else {
        (lo, hi)
    };
    let raw = (hi - lo) / count.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).floor();
    let end = (hi / step).ceil();
    let n = ((end - start) as usize).min(1000);
    (0..=n)
        .map(|i| clean((start + i as f64) * step, step))
        .collect()
}

/// Removes float noise (0.30000000000000004) relative to the step.
fn clean(v: f64, step: f64) -> f64 {
    let digits = (-step.log10().floor()).max(0.0) as i32 + 2;
    let f = 10f64.powi(digits);
    (v * f).round() / f
}

/// Equal bands for categories (periods) along x, with padding between them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bands {
    pub count: usize,
    pub range: (f64, f64),
}

impl Bands {
    pub fn width(&self) -> f64 {
        (self.range.1 - self.range.0) / self.count.max(1) as f64
    }

    pub fn center(&self, i: usize) -> f64 {
        self.range.0 + self.width() * (i as f64 + 0.5)
    }

    /// The category under pixel `x`, if any.
    pub fn at(&self, x: f64) -> Option<usize> {
        if x < self.range.0 || x >= self.range.1 || self.count == 0 {
            return None;
        }
        Some((((x - self.range.0) / self.width()) as usize).min(self.count - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_nice_and_cover_the_data() {
        assert_eq!(
            nice_ticks(0.0, 58463.0, 5),
            vec![0.0, 20000.0, 40000.0, 60000.0]
        );
        assert_eq!(nice_ticks(0.0, 1.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(
            nice_ticks(0.4, 0.5, 5),
            vec![0.4, 0.42, 0.44, 0.46, 0.48, 0.5]
        );
        let t = nice_ticks(5.0, 5.0, 5);
        assert!(t[0] <= 5.0 && *t.last().unwrap() >= 5.0);
        assert_eq!(
            nice_ticks(f64::NAN, 1.0, 5),
            vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        );
    }

    #[test]
    fn projects_both_ways() {
        let y = Linear {
            domain: (0.0, 100.0),
            range: (300.0, 100.0),
        };
        assert_eq!(y.project(0.0), 300.0);
        assert_eq!(y.project(50.0), 200.0);
        let rank = Linear {
            domain: (1.0, 63.0),
            range: (100.0, 300.0),
        };
        assert!(rank.project(1.0) < rank.project(25.0));
    }

    #[test]
    fn bands_hit_test() {
        let b = Bands {
            count: 4,
            range: (100.0, 500.0),
        };
        assert_eq!(b.center(0), 150.0);
        assert_eq!(b.at(99.0), None);
        assert_eq!(b.at(100.0), Some(0));
        assert_eq!(b.at(499.9), Some(3));
        assert_eq!(b.at(500.0), None);
    }
}
