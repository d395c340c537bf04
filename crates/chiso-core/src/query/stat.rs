//! The figure a comparison is read against: the units' median, or their average when asked.

use crate::contract::lang::Lang;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stat {
    /// The middle figure: one outlier does not move it.
    #[default]
    Median,
    Average,
}

impl Stat {
    /// The word in the address: `stat=average`.
    pub fn slug(self) -> &'static str {
        match self {
            Stat::Median => "median",
            Stat::Average => "average",
        }
    }

    pub fn parse(s: &str) -> Option<Stat> {
        [Stat::Median, Stat::Average]
            .into_iter()
            .find(|x| x.slug() == s)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Stat::Median => lang.pick("Trung vị", "Median"),
            Stat::Average => lang.pick("Trung bình", "Average"),
        }
    }

    /// The statistic of `values`; none without figures.
    pub fn of(self, values: &[f64]) -> Option<f64> {
        if values.is_empty() {
            return None;
        }
        let n = values.len();
        match self {
            Stat::Average => Some(values.iter().sum::<f64>() / n as f64),
            Stat::Median => {
                let mut v = values.to_vec();
                v.sort_by(f64::total_cmp);
                Some((v[(n - 1) / 2] + v[n / 2]) / 2.0)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_average() {
        assert_eq!(Stat::Median.of(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(Stat::Median.of(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(Stat::Average.of(&[1.0, 2.0, 6.0]), Some(3.0));
        assert_eq!(Stat::Median.of(&[]), None);
        assert_eq!(Stat::parse("average"), Some(Stat::Average));
        assert_eq!(Stat::parse("mean"), None);
    }
}
