//! Derived series, computed from published figures and never stored: shares, rates, sums and
//! the part of a total that the published breakdown leaves unexplained.

/// `part / whole` in percent; nothing when `whole` is not positive.
pub fn share_of(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole * 100.0)
}

/// `share_of` period by period; nothing where either figure is missing.
pub fn share(num: &[Option<f64>], den: &[Option<f64>]) -> Vec<Option<f64>> {
    num.iter()
        .zip(den)
        .map(|(n, d)| share_of((*n)?, (*d)?))
        .collect()
}

/// `a + b` period by period, a missing figure counting as zero beside a given one; nothing
/// where both are missing.
pub fn sum(a: &[Option<f64>], b: &[Option<f64>]) -> Vec<Option<f64>> {
    a.iter()
        .zip(b)
        .map(|(a, b)| match (a, b) {
            (None, None) => None,
            _ => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
        })
        .collect()
}

/// What a total holds beyond its published parts (Bắc Kạn gives received and online only: the
/// rest arrived by channels the report does not split). `None` where nothing is left over or a
/// figure is missing; a part that is itself missing counts as zero only if another part is given.
pub fn remainder(total: &[Option<f64>], parts: &[&[Option<f64>]]) -> Vec<Option<f64>> {
    total
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let t = (*t)?;
            let given: Vec<f64> = parts
                .iter()
                .filter_map(|p| p.get(i).copied().flatten())
                .collect();
            if given.is_empty() {
                return None;
            }
            let rest = t - given.iter().sum::<f64>();
            (rest > 1e-9).then_some(rest)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_remainders() {
        let online = [Some(6687.0), None, Some(1.0)];
        let received = [Some(58463.0), Some(10.0), Some(0.0)];
        let s = share(&online, &received);
        assert!((s[0].unwrap() - 11.438).abs() < 0.001);
        assert_eq!(s[1], None);
        assert_eq!(s[2], None);
        let r = remainder(&received, &[&online, &[None, None, None]]);
        assert_eq!(r, vec![Some(51776.0), None, None]);
        let r = remainder(&[Some(47.0)], &[&[Some(4.0)], &[Some(36.0)], &[Some(7.0)]]);
        assert_eq!(r, vec![None]);
        assert_eq!(share_of(1.0, 4.0), Some(25.0));
        assert_eq!(share_of(1.0, -4.0), None);
        let s = sum(&[Some(38.0), None, None], &[Some(6.0), Some(2.0), None]);
        assert_eq!(s, vec![Some(44.0), Some(2.0), None]);
    }
}
