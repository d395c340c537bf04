//! Loading published files: every file and entry is checked, what is wrong is reported with
//! its place, and whatever is right is kept. Nothing here panics on input. The steps, in order:
//! each file's own checks (`file`), the units and indicators all files declare (`registry`),
//! the figures (`figures`, read through `entry`), one value per key (`conflicts`), then sums.

mod conflicts;
mod entry;
mod fast;
mod figures;
mod file;
mod indicator;
mod packed;
mod registry;
mod report;

use crate::contract::model::Dataset;
use crate::ingest::checks::{
    after_merger, check_sums, huge_counts, implausible_jumps, outside_component_years,
};
use crate::ingest::finding::{Finding, Location, Message, Severity, Subject};
use conflicts::resolve_conflicts;
use figures::Places;
use report::Report;
use serde::Serialize;

/// One file to load: its name for messages, its bytes, and the checksum a manifest gave it.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    pub sha256: Option<&'a str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileState {
    Loaded,
    Rejected,
    Tampered,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileStatus {
    pub name: String,
    pub state: FileState,
    pub errors: usize,
    pub warnings: usize,
    pub observations: usize,
    pub illustrative: bool,
}

pub struct Loaded {
    pub data: Dataset,
    pub findings: Vec<Finding>,
    pub files: Vec<FileStatus>,
}

impl Loaded {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

pub use fast::load_packed;
pub use packed::{is_packed, pack};

pub fn load(inputs: &[Input]) -> Loaded {
    let mut report = Report::default();
    let mut states = vec![FileState::Rejected; inputs.len()];
    let mut files = Vec::new();
    let mut parsed = Vec::new();
    for (input, inp) in inputs.iter().enumerate() {
        match file::open(input, inp, files.len(), &mut report) {
            Ok((p, meta)) => {
                states[input] = FileState::Loaded;
                files.push(meta);
                parsed.push(p);
            }
            Err(state) => states[input] = state,
        }
    }

    let mut registry = registry::read(&parsed, &mut report);
    let figures = figures::read(&parsed, &registry, &files, &mut report);
    // Register units the figures name without any file declaring them.
    let units = figures.observations.iter().map(|(o, _)| &o.unit);
    registry.adopt_named(units.chain(figures.targets.iter().map(|(t, _)| &t.unit)));
    let places = Places::new(&parsed, inputs);
    let (observations, obs_origins) = resolve_conflicts(
        figures.observations,
        &files,
        &places,
        "observations",
        &mut report,
    );
    let (targets, _) = resolve_conflicts(figures.targets, &files, &places, "targets", &mut report);

    let data = Dataset::new(
        files,
        registry.units,
        registry.catalogue,
        observations,
        targets,
    );
    let place = |at: usize| {
        let origin = &obs_origins[at];
        let (location, _) = places.of(origin, "observations");
        let input = origin.input();
        (input, places.name(input).to_string(), Some(location))
    };
    Warn {
        data: &data,
        place: &place,
    }
    .all(&mut report);
    let file_of: Vec<Option<usize>> = (0..inputs.len())
        .map(|input| parsed.iter().find(|p| p.ctx.input == input).map(|p| p.file))
        .collect();
    let files = statuses(inputs, &states, &file_of, &data, &report);
    Loaded {
        data,
        findings: report.into_sorted(),
        files,
    }
}

/// Where the checks on the loaded figures put their warnings: at the figure checked, which
/// stays on the chart as published.
struct Warn<'a> {
    data: &'a Dataset,
    /// Where observation `i` was read: its input, the input's name and, when the bytes were
    /// read with positions, its place in them.
    place: &'a dyn Fn(usize) -> (usize, String, Option<Location>),
}

impl Warn<'_> {
    /// Every check on the loaded figures.
    fn all(&self, report: &mut Report) {
        self.sums(report);
        self.after_merger(report);
        let huge = self.huge(report);
        self.jumps(report, &huge);
        self.component_years(report);
    }

    /// A warning at observation `at`; about `indicators` of its unit and period where given, so
    /// a chart of them can show it.
    fn at(
        &self,
        report: &mut Report,
        at: usize,
        message: Message,
        indicators: Option<Vec<String>>,
    ) {
        let o = &self.data.observations[at];
        let (input, name, location) = (self.place)(at);
        let subject = indicators.map(|indicators| Subject {
            unit: o.unit.to_string(),
            indicators,
            period: o.period.to_string(),
        });
        report.push_about(input, &name, Severity::Warning, location, message, subject);
    }

    /// Dossier figures that do not add up.
    fn sums(&self, report: &mut Report) {
        for sum in check_sums(self.data) {
            let indicators = sum.indicators.iter().map(|s| s.to_string()).collect();
            self.at(report, sum.at, sum.message, Some(indicators));
        }
    }

    /// Figures of a unit for a time after it was merged into another.
    fn after_merger(&self, report: &mut Report) {
        for (at, successor, until) in after_merger(self.data) {
            let period = self.data.observations[at].period;
            let successor = successor.id.clone();
            self.at(
                report,
                at,
                Message::AfterMerger {
                    period,
                    successor,
                    until,
                },
                None,
            );
        }
    }

    /// Counts far from their unit's previous period, but those already said to be huge.
    fn jumps(&self, report: &mut Report, huge: &[usize]) {
        let jumps = implausible_jumps(self.data).into_iter();
        for (at, before, since) in jumps.filter(|(at, ..)| !huge.contains(at)) {
            let o = &self.data.observations[at];
            let message = Message::Jump {
                period: o.period,
                value: o.value,
                before,
                since,
            };
            self.at(report, at, message, Some(vec![o.indicator.to_string()]));
        }
    }

    /// Counts no unit has in a period; their indexes.
    fn huge(&self, report: &mut Report) -> Vec<usize> {
        let huge = huge_counts(self.data);
        for &at in &huge {
            let o = &self.data.observations[at];
            let message = Message::Huge {
                period: o.period,
                value: o.value,
            };
            self.at(report, at, message, Some(vec![o.indicator.to_string()]));
        }
        huge
    }

    /// Index components dated in a year their publisher leaves without them.
    fn component_years(&self, report: &mut Report) {
        for (at, years) in outside_component_years(self.data) {
            let o = &self.data.observations[at];
            let message = Message::ComponentYear {
                period: o.period,
                years,
            };
            self.at(report, at, message, Some(vec![o.indicator.to_string()]));
        }
    }
}

/// Each input's outcome, in input order.
/// `file_of` is each input's index among the loaded files, if it was loaded.
fn statuses(
    inputs: &[Input],
    states: &[FileState],
    file_of: &[Option<usize>],
    data: &Dataset,
    report: &Report,
) -> Vec<FileStatus> {
    inputs
        .iter()
        .zip(states)
        .enumerate()
        .map(|(input, (inp, &state))| {
            let file = file_of.get(input).copied().flatten();
            FileStatus {
                name: inp.name.to_string(),
                state,
                errors: report.count(input, Severity::Error),
                warnings: report.count(input, Severity::Warning),
                observations: file.map_or(0, |f| {
                    data.observations.iter().filter(|o| o.file == f).count()
                }),
                illustrative: file.is_some_and(|f| data.files[f].illustrative),
            }
        })
        .collect()
}
