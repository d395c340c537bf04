//! The periods a unit can be viewed over: what the range pickers offer.

use crate::contract::model::Dataset;
use crate::contract::period::Period;
use crate::order;

/// Every period the unit has a figure for, oldest first.
pub fn unit_periods(data: &Dataset, unit: &str) -> Vec<Period> {
    order::sorted_unique(
        data.observations
            .iter()
            .filter(|o| o.unit == unit)
            .map(|o| o.period)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::model::Observation;

    fn obs(unit: &str, indicator: &str, period: &str) -> Observation {
        Observation {
            unit: unit.into(),
            indicator: indicator.into(),
            period: Period::parse(period).unwrap(),
            value: 1.0,
            of: None,
            label: None,
            source: None,
            file: 0,
        }
    }

    #[test]
    fn periods_of_one_unit_once_each_oldest_first() {
        let data = Dataset::new(
            Vec::new(),
            Vec::new(),
            Default::default(),
            vec![
                obs("a", "x", "2021"),
                obs("a", "y", "2020-Q2"),
                obs("a", "y", "2021"),
                obs("b", "x", "2019"),
            ],
            Vec::new(),
        );
        let got: Vec<String> = unit_periods(&data, "a")
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(got, vec!["2020-Q2", "2021"]);
        assert!(unit_periods(&data, "nobody").is_empty());
    }
}
