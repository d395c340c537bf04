//! The overview card's sparkline: a series' figures as the points of an SVG polyline.

/// A line through a series' figures, scaled to a 100 × 30 box with the highest figure near
/// the top; none for fewer than two figures.
pub fn sparkline(values: &[f64]) -> Option<String> {
    if values.len() < 2 {
        return None;
    }
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(*v), b.max(*v))
        });
    let span = if hi > lo { hi - lo } else { 1.0 };
    let step = 100.0 / (values.len() - 1) as f64;
    Some(
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                format!(
                    "{:.1},{:.1}",
                    i as f64 * step,
                    28.0 - (v - lo) / span * 24.0
                )
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_figures_into_the_box() {
        assert_eq!(sparkline(&[1.0]), None);
        assert_eq!(
            sparkline(&[2.0, 4.0, 3.0]).as_deref(),
            Some("0.0,28.0 50.0,4.0 100.0,16.0")
        );
        // A flat series sits on the floor rather than dividing by zero.
        assert_eq!(
            sparkline(&[5.0, 5.0]).as_deref(),
            Some("0.0,28.0 100.0,28.0")
        );
    }
}
