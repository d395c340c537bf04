//! The fast path: files that `chiso manifest` validated together, read from their packed
//! copies (proven to be those bytes by their sha256): each file's own facts are a few hundred
//! bytes of JSON, read by the validator's reader; its figures are columns of numbers, taken
//! without positions, per-entry checks or texts about them. It builds what the validator builds
//! from the JSON (a test holds the two together on every sample and fuzz-corpus file); anything
//! unexpected gives `None`, and the caller reads the JSON with the validator instead.

use super::conflicts::resolve_conflicts;
use super::figures::{narrow, Origin, Places};
use super::packed::{self, Packed};
use super::report::Report;
use super::{file, registry, statuses, FileState, Input, Loaded, Warn};
use crate::contract::catalogue::Catalogue;
use crate::contract::model::{Dataset, Observation, Target};
use crate::contract::period::Period;
use crate::contract::shared::{Interner, SharedStr, Slot};

/// The model of files validated together, from their packed copies; `None` where the bytes
/// hold anything the validator would have had to speak about.
pub fn load_packed(inputs: &[Input]) -> Option<Loaded> {
    let packs: Vec<Packed> = inputs
        .iter()
        .map(|i| packed::read(i.bytes))
        .collect::<Option<_>>()?;
    let mut report = Report::default();
    let mut files = Vec::with_capacity(inputs.len());
    let mut parsed = Vec::with_capacity(inputs.len());
    for (input, (inp, pack)) in inputs.iter().zip(&packs).enumerate() {
        let head = Input {
            bytes: pack.head,
            sha256: None,
            ..*inp
        };
        let (p, meta) = file::open(input, &head, files.len(), &mut report).ok()?;
        files.push(meta);
        parsed.push(p);
    }
    let mut registry = registry::read(&parsed, &mut report);
    if !report.items.is_empty() {
        return None;
    }
    let mut texts = Interner::default();
    let mut observations = Vec::new();
    let mut targets = Vec::new();
    for (file, pack) in packs.iter().enumerate() {
        let mut texts = Lookup::new(pack, &registry.catalogue, &mut texts);
        texts.figures(pack, file, &mut observations, &mut targets)?;
    }
    // Units the figures name without any file declaring them, as the validator adopts them.
    let named = observations.iter().map(|(o, _)| &o.unit);
    if !registry.adopt_named(named.chain(targets.iter().map(|(t, _)| &t.unit))) {
        return None;
    }
    // One figure per key, as the validator keeps them. Files validated together never
    // disagree on a figure: where they do, the bytes are not what was validated.
    let places = Places::new(&parsed, inputs);
    let (observations, _) =
        resolve_conflicts(observations, &files, &places, "observations", &mut report);
    let (targets, _) = resolve_conflicts(targets, &files, &places, "targets", &mut report);
    if !report.items.is_empty() {
        return None;
    }
    let data = Dataset::new(
        files,
        registry.units,
        registry.catalogue,
        observations,
        targets,
    );
    // The checks on the loaded figures, as the validator makes them, without a line to point at.
    let place = |at: usize| {
        let input = data.observations[at].file;
        (input, inputs[input].name.to_string(), None)
    };
    Warn {
        data: &data,
        place: &place,
    }
    .all(&mut report);
    let states = vec![FileState::Loaded; inputs.len()];
    let file_of: Vec<Option<usize>> = (0..inputs.len()).map(Some).collect();
    let files = statuses(inputs, &states, &file_of, &data, &report);
    Some(Loaded {
        data,
        findings: report.into_sorted(),
        files,
    })
}

/// The texts of a packed copy as the model holds them, each worked out once however many
/// figures name it.
struct Lookup<'p> {
    pack: &'p [&'p str],
    catalogue: &'p Catalogue,
    interner: &'p mut Interner,
    /// By slot, then text.
    shared: Vec<Option<SharedStr>>,
    periods: Vec<Option<Period>>,
}

impl<'p> Lookup<'p> {
    fn new(pack: &'p Packed, catalogue: &'p Catalogue, interner: &'p mut Interner) -> Self {
        let n = pack.texts.len();
        Lookup {
            pack: &pack.texts,
            catalogue,
            interner,
            shared: vec![None; n * Slot::COUNT],
            periods: vec![None; n],
        }
    }

    /// A pack's figures, as the validator reads them from the JSON.
    fn figures(
        &mut self,
        pack: &Packed,
        file: usize,
        observations: &mut Vec<(Observation, Origin)>,
        targets: &mut Vec<(Target, Origin)>,
    ) -> Option<()> {
        let rows = &pack.observations;
        observations.reserve(rows.rows);
        for row in 0..rows.rows {
            let (value, of) = (rows.number(3, row), rows.number(4, row));
            let observation = Observation {
                unit: self.text(Slot::Unit, rows.text(0, row)?)?,
                indicator: self.indicator(rows.text(1, row)?)?,
                period: self.period(rows.text(2, row)?)?,
                value: (!value.is_nan()).then_some(value)?,
                of: (!of.is_nan()).then_some(of),
                label: self.maybe(Slot::Label, rows.text(5, row))?,
                source: self.maybe(Slot::Source, rows.text(6, row))?,
                file,
            };
            observations.push((observation, origin(file, row)));
        }
        let rows = &pack.targets;
        for row in 0..rows.rows {
            let baseline = match rows.text(4, row) {
                Some(b) => Some(self.period(b)?),
                None => None,
            };
            let value = rows.number(3, row);
            let target = Target {
                unit: self.text(Slot::Unit, rows.text(0, row)?)?,
                indicator: self.indicator(rows.text(1, row)?)?,
                by: self.period(rows.text(2, row)?)?,
                value: (!value.is_nan()).then_some(value)?,
                baseline,
                source: self.maybe(Slot::Source, rows.text(5, row))?,
                file,
            };
            targets.push((target, origin(file, row)));
        }
        Some(())
    }

    fn text(&mut self, slot: Slot, i: usize) -> Option<SharedStr> {
        let text = *self.pack.get(i)?;
        let (cell, interner) = (
            &mut self.shared[slot as usize * self.pack.len() + i],
            &mut *self.interner,
        );
        Some(cell.get_or_insert_with(|| interner.get(slot, text)).clone())
    }

    /// An absent text is `Some(None)`; one out of the table, `None`.
    fn maybe(&mut self, slot: Slot, i: Option<usize>) -> Option<Option<SharedStr>> {
        match i {
            Some(i) => self.text(slot, i).map(Some),
            None => Some(None),
        }
    }

    /// An indicator by its catalogue id, as the validator takes it.
    fn indicator(&mut self, i: usize) -> Option<SharedStr> {
        let at = Slot::Indicator as usize * self.pack.len() + i;
        if let Some(known) = self.shared.get(at)?.clone() {
            return Some(known);
        }
        let def = self.catalogue.get(self.pack.get(i)?)?;
        let shared = self.interner.get(Slot::Indicator, &def.id);
        self.shared[at] = Some(shared.clone());
        Some(shared)
    }

    fn period(&mut self, i: usize) -> Option<Period> {
        let cell = self.periods.get_mut(i)?;
        if cell.is_none() {
            *cell = Some(Period::parse(self.pack.get(i)?).ok()?);
        }
        *cell
    }
}

/// Where a packed figure was read: its file and row (there is no offset in a text to give).
fn origin(file: usize, row: usize) -> Origin {
    Origin {
        input: narrow(file),
        offset: 0,
        index: narrow(row),
    }
}
