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

    /// The statistic of `sorted`, figures in order (either way, as a ranking lists them);
    /// none without figures.
    pub fn of(self, sorted: &[f64]) -> Option<f64> {
        let n = sorted.len();
        match self {
            _ if n == 0 => None,
            Stat::Average => Some(sorted.iter().sum::<f64>() / n as f64),
            Stat::Median => Some((sorted[(n - 1) / 2] + sorted[n / 2]) / 2.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_average() {
        assert_eq!(Stat::Median.of(&[3.0, 2.0, 1.0]), Some(2.0));
        assert_eq!(Stat::Median.of(&[1.0, 2.0, 3.0, 10.0]), Some(2.5));
        assert_eq!(Stat::Average.of(&[1.0, 2.0, 6.0]), Some(3.0));
        assert_eq!(Stat::Median.of(&[]), None);
        assert_eq!(Stat::parse("average"), Some(Stat::Average));
        assert_eq!(Stat::parse("mean"), None);
    }
}
