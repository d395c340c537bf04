//! One value per unit, indicator and period (or target date): when files disagree, the figure
//! published latest is kept and both places are reported.

use super::figures::{Origin, Places};
use super::report::Report;
use crate::contract::model::{FileMeta, Observation, Target};
use crate::contract::period::Period;
use crate::ingest::finding::{Message, Severity};

/// A figure's identity and value.
pub(super) trait Keyed {
    fn key(&self) -> (&str, &str, Period);
    fn value(&self) -> f64;
    fn file(&self) -> usize;
}

impl Keyed for Observation {
    fn key(&self) -> (&str, &str, Period) {
        (&self.unit, &self.indicator, self.period)
    }
    fn value(&self) -> f64 {
        self.value
    }
    fn file(&self) -> usize {
        self.file
    }
}

impl Keyed for Target {
    fn key(&self) -> (&str, &str, Period) {
        (&self.unit, &self.indicator, self.by)
    }
    fn value(&self) -> f64 {
        self.value
    }
    fn file(&self) -> usize {
        self.file
    }
}

/// Keeps one entry per key: the one published latest (then the one read last). Entries that
/// differ from the kept one are reported at both places. `kind` names the array they sit in.
pub(super) fn resolve_conflicts<T: Keyed>(
    mut entries: Vec<(T, Origin)>,
    files: &[FileMeta],
    places: &Places,
    kind: &str,
    report: &mut Report,
) -> (Vec<T>, Vec<Origin>) {
    let published = |t: &T| files.get(t.file()).and_then(|f| f.published);
    entries.sort_by(|(a, oa), (b, ob)| {
        a.key()
            .cmp(&b.key())
            .then_with(|| published(a).cmp(&published(b)))
            .then((oa.input, oa.index).cmp(&(ob.input, ob.index)))
    });
    let mut kept: Vec<T> = Vec::with_capacity(entries.len());
    let mut origins: Vec<Origin> = Vec::with_capacity(entries.len());
    let mut losers: Vec<(T, Origin)> = Vec::new();
    let mut settle = |losers: &mut Vec<(T, Origin)>, winner: Option<&T>, won: Option<&Origin>| {
        if let (Some(winner), Some(won)) = (winner, won) {
            for (loser, lost) in losers.drain(..) {
                report_conflict((&loser, &lost), (winner, won), places, kind, report);
            }
        }
    };
    for (t, o) in entries {
        // Sorted, so an entry with the key of the last kept one supersedes it.
        if kept.last().is_some_and(|last| last.key() == t.key()) {
            if let (Some(prev), Some(prev_origin)) = (kept.pop(), origins.pop()) {
                losers.push((prev, prev_origin));
            }
        } else {
            settle(&mut losers, kept.last(), origins.last());
        }
        kept.push(t);
        origins.push(o);
    }
    settle(&mut losers, kept.last(), origins.last());
    (kept, origins)
}

/// Reports a dropped figure at its place (an error) and at the kept one's (a warning), unless
/// they agree.
fn report_conflict<T: Keyed>(
    (loser, lost): (&T, &Origin),
    (winner, won): (&T, &Origin),
    places: &Places,
    kind: &str,
    report: &mut Report,
) {
    let (dropped, kept) = (loser.value(), winner.value());
    if dropped == kept {
        return;
    }
    let (win_loc, win_short) = places.of(won, kind);
    let (lose_loc, lose_short) = places.of(lost, kind);
    let message = Message::ConflictDropped {
        value: dropped,
        kept,
        other: win_short,
    };
    let name = places.name(lost.input);
    report.push(lost.input, name, Severity::Error, Some(lose_loc), message);
    let message = Message::ConflictKept {
        value: kept,
        dropped,
        other: lose_short,
    };
    let name = places.name(won.input);
    report.push(won.input, name, Severity::Warning, Some(win_loc), message);
}
