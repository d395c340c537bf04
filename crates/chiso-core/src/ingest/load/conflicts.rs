//! One value per unit, indicator and period (or target date): when files disagree, the figure
//! published latest is kept and both places are reported.

use super::figures::{Origin, Places};
use super::report::Report;
use crate::contract::model::{FileMeta, Observation, SharedStr, Target};
use crate::contract::period::Period;
use crate::ingest::finding::{Message, Severity};

/// A figure's identity and value. Ids are compared as shared texts: the same id read twice
/// is one allocation, so most comparisons end at the pointers.
pub(super) trait Keyed {
    fn key(&self) -> (&SharedStr, &SharedStr, Period);
    fn value(&self) -> f64;
    fn file(&self) -> usize;
}

impl Keyed for Observation {
    fn key(&self) -> (&SharedStr, &SharedStr, Period) {
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
    fn key(&self) -> (&SharedStr, &SharedStr, Period) {
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
    let read = |o: &Origin| (o.input(), o.index as usize);
    latest_per_key(&mut entries, files, read, |loser, winner| {
        report_conflict(loser, winner, places, kind, report)
    });
    let origins = entries.iter().map(|(_, o)| *o).collect();
    // Collected in place, in the entries' own allocation.
    let mut kept: Vec<T> = entries.into_iter().map(|(t, _)| t).collect();
    kept.shrink_to_fit();
    (kept, origins)
}

/// Thins `entries` to one per key: the one published latest, then the one last in `read` order
/// (its input, then its place in it). `dropped` hears each entry left out, with the one kept.
/// Works in place: a national file's figures are not copied while they are sorted and thinned.
pub(super) fn latest_per_key<T: Keyed, O>(
    entries: &mut Vec<(T, O)>,
    files: &[FileMeta],
    read: impl Fn(&O) -> (usize, usize),
    mut dropped: impl FnMut((&T, &O), (&T, &O)),
) {
    // Keys already in order, each once (a packed copy, a file written sorted): nothing to do.
    if entries.windows(2).all(|w| w[0].0.key() < w[1].0.key()) {
        return;
    }
    let published = |t: &T| files.get(t.file()).and_then(|f| f.published);
    // Each entry has its own place, so this order is total: an unstable sort (which needs no
    // scratch copy) gives the same result as a stable one.
    entries.sort_unstable_by(|(a, oa), (b, ob)| {
        a.key()
            .cmp(&b.key())
            .then_with(|| published(a).cmp(&published(b)))
            .then(read(oa).cmp(&read(ob)))
    });
    let mut kept = 0;
    let mut start = 0;
    while let Some((first, _)) = entries.get(start) {
        let run = entries[start..]
            .iter()
            .take_while(|(t, _)| t.key() == first.key())
            .count();
        // Sorted, so the last of a run of one key supersedes the others.
        let last = start + run - 1;
        let (winner, won) = &entries[last];
        for (loser, lost) in &entries[start..last] {
            dropped((loser, lost), (winner, won));
        }
        entries.swap(kept, last);
        kept += 1;
        start += run;
    }
    entries.truncate(kept);
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
    let name = places.name(lost.input());
    report.push(lost.input(), name, Severity::Error, Some(lose_loc), message);
    let message = Message::ConflictKept {
        value: kept,
        dropped,
        other: lose_short,
    };
    let name = places.name(won.input());
    report.push(won.input(), name, Severity::Warning, Some(win_loc), message);
}
