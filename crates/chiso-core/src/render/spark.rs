//! The overview card's sparkline: a series' figures placed in time, as the points of SVG
//! polylines, broken where a period is missing (a gap is never drawn as a straight rise).

use crate::contract::period::Period;

/// One polyline of a sparkline.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// SVG `points`.
    pub points: String,
    /// A figure with no neighbour: a zero-length line, which a round cap draws as a dot.
    pub lone: bool,
}

/// Lines through a series' figures (oldest first), scaled to a 100 × 30 box with the highest
/// figure near the top and time to scale along it: one polyline per run of adjacent periods.
/// None for fewer than two figures.
pub fn sparkline(figures: &[(Period, f64)]) -> Vec<Run> {
    let (Some(first), Some(last)) = (figures.first(), figures.last()) else {
        return Vec::new();
    };
    if figures.len() < 2 {
        return Vec::new();
    }
    let (lo, hi) = figures
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), (_, v)| {
            (a.min(*v), b.max(*v))
        });
    let span = if hi > lo { hi - lo } else { 1.0 };
    let (t0, t1) = (first.0.midpoint_years(), last.0.midpoint_years());
    let width = if t1 > t0 { t1 - t0 } else { 1.0 };
    let point = |(p, v): &(Period, f64)| {
        let x = (p.midpoint_years() - t0) / width * 100.0;
        format!("{x:.1},{:.1}", 28.0 - (v - lo) / span * 24.0)
    };
    let runs = figures.chunk_by(|(a, _), (b, _)| b.previous() == Some(*a));
    runs.map(|run| Run {
        points: match run {
            [one] => format!("{0} {0}", point(one)),
            _ => run.iter().map(point).collect::<Vec<_>>().join(" "),
        },
        lone: run.len() == 1,
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The polylines' points, for figures by year.
    fn spark(figures: &[(i32, f64)]) -> Vec<String> {
        let figures: Vec<(Period, f64)> = figures
            .iter()
            .map(|(y, v)| (Period::Year(*y), *v))
            .collect();
        sparkline(&figures).into_iter().map(|r| r.points).collect()
    }

    #[test]
    fn scales_figures_into_the_box_with_time_to_scale() {
        assert!(spark(&[(2019, 1.0)]).is_empty());
        assert_eq!(
            spark(&[(2018, 2.0), (2019, 4.0), (2020, 3.0)]),
            ["0.0,28.0 50.0,4.0 100.0,16.0"]
        );
        // A flat series sits on the floor rather than dividing by zero.
        assert_eq!(spark(&[(2018, 5.0), (2019, 5.0)]), ["0.0,28.0 100.0,28.0"]);
    }

    #[test]
    fn a_missing_year_breaks_the_line() {
        // 2015 and 2019 alone: two dots four years apart, no line between them.
        assert_eq!(
            spark(&[(2015, 59.66), (2019, 67.05)]),
            ["0.0,28.0 0.0,28.0", "100.0,4.0 100.0,4.0"]
        );
        let runs = spark(&[(2018, 1.0), (2019, 2.0), (2021, 3.0)]);
        assert_eq!(runs, ["0.0,28.0 33.3,16.0", "100.0,4.0 100.0,4.0"]);
    }
}
