//! All fetching: the manifest (or a single metric file), then the files it lists that the view on
//! screen needs (as the manifest says what each holds), in parallel, then one reading of whatever
//! arrived. A file validated at publishing comes as its packed copy, proven by its sha256, and
//! files that all came so are read without the validator; anything else (a file opened here, a
//! packed copy that does not hold) goes through the core's validator, which reads the JSON. The
//! other listed files are fetched once the first chart is painted, those the view then asks for
//! first, and join together as they arrive, as does a needed file still on its way a few
//! seconds on (or it fails at its time limit). Files the user opens locally join the same
//! reading, and are kept in the browser's storage to join every later load too. The validator is a part of its own (`validate`), fetched
//! only when a file has to go through it.

use crate::browser::{
    close_early_fetches, embedded_files, fetch_bytes, first_chart_shown, gunzip, keep_file,
    kept_files, measured, measured_async, sha256, sleep, Fetched, NotKept,
};
use crate::split::{not_loaded_words, NotLoaded};
use chiso_core::ingest::finding::Finding;
use chiso_core::ingest::gather::{Gathered, Wanted};
use chiso_core::ingest::json::decimal;
use chiso_core::ingest::last_good::LastGood;
use chiso_core::ingest::load::{is_packed, load, load_packed, FileStatus, Loaded};
use chiso_core::ingest::need::{first, First, Need};
use futures::future::{join, join_all, select, Either, FutureExt, LocalBoxFuture};
use futures::stream::{FuturesUnordered, StreamExt};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::task::Poll;

pub const DEFAULT_DATA: &str = "data/manifest.json";

/// How long the page waits, once the manifest is in, for the files still on their way before it
/// shows what has come (at least one file). A stalled server then holds up its own file alone,
/// until the fetch's time limit names it.
const PATIENCE_MS: u64 = 4_000;
/// An embed fetches nothing after its chart, so it waits for its files as long as a fetch may
/// take to answer (`browser::fetch_bytes`), and only a body that stalls past that is left out.
const EMBED_PATIENCE_MS: u64 = 20_000;

/// At most this many late files join in one pass of the validator: a batch arrived together
/// is read once, and a long list still shows its first files soon.
const LATE_BATCH: usize = 64;

/// At most this many late files are fetched at once: each fetch costs the page's one thread a
/// little, and five hundred started together would keep a tablet from answering a tap.
const LATE_IN_FLIGHT: usize = 16;

/// The pauses before a change whose validator did not arrive is made again: the first, and the
/// longest.
const RETRY_MS: u64 = 2_000;
const RETRY_MAX_MS: u64 = 60_000;

/// A listed file's answer, with its place in the manifest.
type Arrival = (usize, Wanted, Result<Fetched, String>);
type Fetch = LocalBoxFuture<'static, Arrival>;
type Fetches = FuturesUnordered<Fetch>;

/// The files the first chart did not need, by their place in the manifest, in the order they
/// are to be fetched.
type Queue = Rc<RefCell<VecDeque<usize>>>;

/// The fetches still under way when the page first showed, the files not fetched yet, and how
/// to fetch one.
struct LateFetches {
    in_flight: Fetches,
    queue: Queue,
    fetch: Box<dyn Fn(usize) -> Option<Fetch>>,
}

/// What the page showing the bundle takes once (`follow_late`). The page has one thread: the
/// wrapper only satisfies the signal's bounds.
#[derive(Clone, Default)]
pub struct Later(Arc<Mutex<Option<SendWrapper<LateFetches>>>>);

impl Later {
    fn take(&self) -> Option<LateFetches> {
        self.0.lock().ok()?.take().map(SendWrapper::take)
    }
}

/// A file the user opened, and whether the browser keeps it for later visits (or why not).
#[derive(Clone)]
pub struct LocalFile {
    pub name: String,
    pub kept: Result<(), NotKept>,
}

/// Everything loaded: what was gathered (with what could not be read) and its reading, by the
/// fast path or the validator.
pub struct Bundle {
    gathered: Gathered,
    pub loaded: Loaded,
    /// The user's own files, in the order opened.
    pub local: Vec<LocalFile>,
    /// Whether the page can keep files across visits at all.
    pub storage: bool,
    /// The listed files still on their way, by name.
    pub pending: Vec<String>,
    later: Later,
    /// The unit to show when the address names none, as the manifest's `holds` chose it.
    pub first_unit: Option<String>,
    /// In an embed that left listed files unfetched: what its view needed when they were chosen.
    pub embed_need: Option<Need>,
    /// The manifest's files, in its order: where to fetch as JSON a file that came packed.
    listed: Arc<Vec<Wanted>>,
}

impl Bundle {
    /// The bundle of what was gathered, read (`read`).
    async fn read(
        gathered: Gathered,
        listed: Arc<Vec<Wanted>>,
        local: Vec<LocalFile>,
        storage: bool,
    ) -> Result<Bundle, NotLoaded> {
        let (gathered, loaded) = read(gathered, &listed).await?;
        Ok(Bundle {
            gathered,
            loaded,
            local,
            storage,
            pending: Vec::new(),
            later: Later::default(),
            first_unit: None,
            embed_need: None,
            listed,
        })
    }

    /// The same bundle, still waiting for what it waited for.
    fn waiting_as(mut self, before: &Bundle) -> Bundle {
        self.pending = before.pending.clone();
        self.later = before.later.clone();
        self.first_unit = before.first_unit.clone();
        self.embed_need = before.embed_need.clone();
        self
    }

    /// The same data with files that were not in when the page first showed: read again once
    /// for all that arrived together, not once per file.
    async fn with_arrived(&self, arrivals: Vec<Arrival>) -> Result<Bundle, NotLoaded> {
        let mut gathered = self.gathered.clone();
        let names: Vec<String> = arrivals
            .into_iter()
            .map(|arrival| receive(&mut gathered, arrival))
            .collect();
        let (local, listed) = (self.local.clone(), self.listed.clone());
        let mut next = Bundle::read(gathered, listed, local, self.storage)
            .await?
            .waiting_as(self);
        next.pending.retain(|p| !names.contains(p));
        Ok(next)
    }

    /// What was gathered, with the files kept from earlier visits joined (`None`: the page has
    /// no storage).
    async fn with_kept(
        mut gathered: Gathered,
        kept: Option<Vec<(String, Vec<u8>)>>,
        listed: Arc<Vec<Wanted>>,
    ) -> Result<Bundle, NotLoaded> {
        let Some(kept) = kept else {
            return Bundle::read(gathered, listed, Vec::new(), false).await;
        };
        let mut local = Vec::new();
        for (name, bytes) in kept {
            gathered.replace(name.clone(), Ok(bytes));
            local.push(LocalFile { name, kept: Ok(()) });
        }
        Bundle::read(gathered, listed, local, true).await
    }

    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.gathered.findings().iter().chain(&self.loaded.findings)
    }

    pub fn files(&self) -> impl Iterator<Item = &FileStatus> {
        self.gathered.unreadable().iter().chain(&self.loaded.files)
    }

    /// The files shown from their last good copy, the network having failed them.
    pub fn last_good(&self) -> &[LastGood] {
        self.gathered.last_good()
    }

    /// The same data plus files the user opened, each kept or not as `kept` says: validated
    /// together, so a local file can use the published units and its conflicts with published
    /// figures are reported.
    async fn with_local(
        &self,
        files: Vec<Opened>,
        kept: Vec<Result<(), NotKept>>,
    ) -> Result<Bundle, NotLoaded> {
        let mut gathered = self.gathered.clone();
        let mut local = self.local.clone();
        for ((name, got), kept) in files.into_iter().zip(kept) {
            local.retain(|l| l.name != name);
            local.push(LocalFile {
                name: name.clone(),
                kept,
            });
            gathered.replace(name, got);
        }
        Ok(
            Bundle::read(gathered, self.listed.clone(), local, self.storage)
                .await?
                .waiting_as(self),
        )
    }
}

/// A file the user opened: its name, and its bytes or why they could not be read.
pub type Opened = (String, Result<Vec<u8>, String>);

/// Joins files the user opened to `bundle`, each kept for later visits where the browser allows
/// (once it is stored, so the panel never says "kept" of a file that was not).
pub async fn add_local(bundle: RwSignal<Arc<Bundle>>, files: Vec<Opened>) {
    let storage = bundle.with_untracked(|b| b.storage);
    let mut kept = Vec::with_capacity(files.len());
    for (name, got) in &files {
        kept.push(match got {
            Ok(bytes) if storage => keep_file(name, bytes).await,
            Ok(_) => Err(NotKept::NoStorage),
            Err(_) => Err(NotKept::Unreadable),
        });
    }
    update(bundle, &|b| {
        let (files, kept) = (files.clone(), kept.clone());
        async move { b.with_local(files, kept).await }.boxed_local()
    })
    .await;
}

/// Replaces the bundle by `change` of it. A change that fetches (files that came packed, as
/// JSON for the validator) may see another land meanwhile: it is then made again on that one,
/// so neither is lost. A change whose validator did not arrive (the network is down) is made
/// again after a pause, longer each time, so the files join once it is back. Nothing happens
/// once the page has gone (a reload).
async fn update(
    bundle: RwSignal<Arc<Bundle>>,
    change: &dyn Fn(Arc<Bundle>) -> LocalBoxFuture<'static, Result<Bundle, NotLoaded>>,
) -> Option<()> {
    let mut pause = RETRY_MS;
    loop {
        let current = bundle.try_get_untracked()?;
        let Ok(next) = change(current.clone()).await else {
            sleep(pause).await;
            pause = (pause * 2).min(RETRY_MAX_MS);
            continue;
        };
        if Arc::ptr_eq(&current, &bundle.try_get_untracked()?) {
            return bundle.try_set(Arc::new(next)).is_none().then_some(());
        }
    }
}

/// Once the first chart is painted, fetches the files it did not need, `LATE_IN_FLIGHT` at a
/// time, and takes them, with those still on their way, into `bundle` as they arrive, for as
/// long as the page showing it lives. Files that arrive together join in one pass. The queue it
/// returns (`None`: nothing is left to fetch) lets the page put first what the reader asks for.
pub fn follow_late(bundle: RwSignal<Arc<Bundle>>) -> Option<LateQueue> {
    let late = bundle.with_untracked(|b| b.later.take())?;
    let asked = LateQueue {
        queue: late.queue.clone(),
        listed: bundle.with_untracked(|b| b.listed.clone()),
    };
    leptos::task::spawn_local(async move {
        first_chart_shown().await;
        let LateFetches {
            in_flight,
            queue,
            fetch,
        } = late;
        let queued = futures::stream::poll_fn(move |_| loop {
            let Some(i) = queue.borrow_mut().pop_front() else {
                return Poll::Ready(None);
            };
            if let Some(f) = fetch(i) {
                return Poll::Ready(Some(f));
            }
        });
        // Those still on their way first: they are in flight already.
        let mut batches = futures::stream::iter(in_flight)
            .chain(queued)
            .buffer_unordered(LATE_IN_FLIGHT)
            .ready_chunks(LATE_BATCH);
        while let Some(arrivals) = batches.next().await {
            let join = |b: Arc<Bundle>| {
                let arrivals = arrivals.clone();
                async move { b.with_arrived(arrivals).await }.boxed_local()
            };
            // The page that showed the bundle is gone (a reload): nothing more to take.
            if update(bundle, &join).await.is_none() {
                return;
            }
        }
    });
    Some(asked)
}

/// The files `follow_late` has still to fetch, and what each holds.
pub struct LateQueue {
    queue: Queue,
    listed: Arc<Vec<Wanted>>,
}

impl LateQueue {
    /// Moves to the front the files that hold what `need` asks for (another unit, a
    /// comparison), keeping their order.
    pub fn ask_first(&self, need: &Need) {
        let asked = first_of(&self.listed, need).files;
        let mut queue = self.queue.borrow_mut();
        let (now, later): (VecDeque<usize>, VecDeque<usize>) = queue
            .drain(..)
            .partition(|&i| asked.get(i).copied().unwrap_or(false));
        *queue = now;
        queue.extend(later);
    }
}

/// The listed files `need` asks for, by what each entry says it holds (`need::first`).
fn first_of(listed: &[Wanted], need: &Need) -> First {
    let holds: Vec<_> = listed.iter().map(|w| w.holds.as_ref()).collect();
    first(&holds, need)
}

/// The data carried inside the page, in the single-file offline build; `None` elsewhere.
pub async fn load_embedded() -> Option<Result<Bundle, String>> {
    let files = embedded_files();
    if files.is_empty() {
        return None;
    }
    let mut gathered = Gathered::default();
    for (name, bytes, sha256) in files {
        gathered.receive(name, sha256, Ok(bytes));
    }
    let bundle = Bundle::with_kept(gathered, kept_files().await, Arc::default()).await;
    Some(bundle.map_err(not_loaded))
}

/// Loads `url`: a manifest and the files of it that `need` asks for, or one metric file. `Err`
/// only when nothing at all could be read; a broken file among good ones is reported inside the
/// bundle. The other files, and those still on their way after `PATIENCE_MS`, are left pending
/// (`follow_late` takes them in). An embed (`embed`) waits longer for the files it needs
/// (`EMBED_PATIENCE_MS`) and leaves the others unfetched: it shows one view, and a portal's page
/// need not download a whole publication for it.
pub async fn load_data(url: String, need: Need, embed: bool) -> Result<Bundle, String> {
    // The kept files are read from the browser's storage while the network answers.
    let (document, kept) = join(fetch_bytes(&url), kept_files()).await;
    let document = document.map_err(|e| format!("{url}: {e}"))?;
    let mut gathered = Gathered::default();
    let name = short_name(&url);
    note_copy(&mut gathered, name, &document);
    // What a long manifest costs before the first chart: the benchmark reports it.
    let wanted = measured("chiso:manifest", || {
        gathered.first_document(&url, name, document.bytes)
    });
    // The shell's script may still be reading the manifest: past this, files are the app's.
    close_early_fetches();
    let pending: Vec<String> = wanted
        .iter()
        .map(|w| short_name(&w.address).to_string())
        .collect();
    let First { mut files, unit } = first_of(&wanted, &need);
    // An embed of a unit no file holds (an old or mistyped id) shows, as the dashboard does, the
    // default unit: with every file, since it fetches none later.
    let held = |u: &String| {
        wanted
            .iter()
            .any(|w| w.holds.as_ref().is_some_and(|h| h.units.contains(u)))
    };
    if embed && need.unit.as_ref().is_some_and(|u| !held(u)) {
        files.fill(true);
    }
    let now = files;
    let (needed, rest): (Vec<usize>, Vec<usize>) = (0..wanted.len()).partition(|&i| now[i]);
    let listed = Arc::new(wanted);
    // With files kept here the validator reads everything, as JSON: no packed copies then.
    let packed = kept.as_ref().is_none_or(Vec::is_empty);
    // A file that will go through the validator: its part is fetched beside the files.
    let unpacked = |&i: &usize| listed.get(i).is_some_and(|w| w.packed.is_none());
    if !packed || needed.iter().any(unpacked) {
        leptos::task::spawn_local(async {
            let _ = preload_validator().await;
        });
    }
    // Futures do nothing until polled, and those of the files not needed now are made only
    // when `follow_late` takes them from its queue: a long manifest's entries are not copied
    // before the first chart.
    let fetch = {
        let listed = listed.clone();
        move |i: usize| -> Option<Fetch> {
            let w = listed.get(i)?.clone();
            let fetched = async move {
                let got = fetch_listed(&w, packed).await;
                (i, w, got)
            };
            Some(fetched.boxed_local())
        }
    };
    let mut fetches: Fetches = needed.iter().filter_map(|&i| fetch(i)).collect();
    let mut arrived = Vec::new();
    let wait = if embed {
        EMBED_PATIENCE_MS
    } else {
        PATIENCE_MS
    };
    let mut patience = Some(sleep(wait).boxed_local());
    while !fetches.is_empty() && (patience.is_some() || arrived.is_empty()) {
        let next = match patience.take() {
            Some(wait) => match select(fetches.next(), wait).await {
                Either::Left((next, wait)) => {
                    patience = Some(wait);
                    next
                }
                Either::Right(_) => continue,
            },
            None => fetches.next().await,
        };
        arrived.extend(next);
    }
    let arrived: Vec<String> = arrived
        .into_iter()
        .map(|arrival| receive(&mut gathered, arrival))
        .collect();
    let mut bundle = Bundle::with_kept(gathered, kept, listed)
        .await
        .map_err(not_loaded)?;
    bundle.first_unit = unit;
    if !fetches.is_empty() || !rest.is_empty() {
        if embed {
            bundle.embed_need = Some(need);
        } else {
            bundle.pending = pending
                .into_iter()
                .filter(|p| !arrived.contains(p))
                .collect();
            let late = LateFetches {
                in_flight: fetches,
                queue: Rc::new(RefCell::new(rest.into())),
                fetch: Box::new(fetch),
            };
            bundle.later = Later(Arc::new(Mutex::new(Some(SendWrapper::new(late)))));
        }
    }
    Ok(bundle)
}

/// A listed file: its packed copy, if it has one, `packed` allows it and the copy holds (its
/// sha256 as the manifest gives it, then unzipped, a packed copy); else its JSON.
async fn fetch_listed(w: &Wanted, packed: bool) -> Result<Fetched, String> {
    if let Some(copy) = w.packed.as_ref().filter(|_| packed) {
        if let Ok(Fetched {
            bytes,
            fallback,
            stored,
        }) = fetch_bytes(&copy.path).await
        {
            // Part of reading the file, with `chiso:parse`: the benchmark adds the two.
            let proven = measured_async("chiso:unpack", short_name(&copy.path), async {
                if sha256(&bytes).await != copy.sha256 {
                    return None;
                }
                let bytes = gunzip(bytes).await.ok()?;
                let fetched = Fetched {
                    bytes,
                    fallback,
                    stored,
                };
                is_packed(&fetched.bytes).then_some(fetched)
            });
            if let Some(fetched) = proven.await {
                return Ok(fetched);
            }
        }
    }
    fetch_bytes(&w.address).await
}

/// From the bytes in hand to the model: files that all came packed by the fast path; otherwise
/// by the validator, which reads JSON, so those that came packed are fetched again as JSON first
/// (`listed` says where). The reading is what the benchmark reports as parsing. `Err` if the
/// validator was needed and its part did not arrive.
async fn read(mut gathered: Gathered, listed: &[Wanted]) -> Result<(Gathered, Loaded), NotLoaded> {
    let packed = gathered.packed();
    if !packed.is_empty() && packed.len() == gathered.inputs().len() {
        if let Some(loaded) = measured("chiso:parse", || load_packed(&gathered.inputs())) {
            return Ok((gathered, loaded));
        }
    }
    let validator = preload_validator();
    let again = packed.into_iter().filter_map(|(place, name)| {
        let wanted = listed.get(place)?.clone();
        Some(async move {
            let got = fetch_bytes(&wanted.address).await;
            (name, (place, wanted, got))
        })
    });
    let (arrivals, validator) = join(join_all(again), validator).await;
    validator?;
    for (name, arrival) in arrivals {
        gathered.forget(&name);
        receive(&mut gathered, arrival);
    }
    let loaded = measured_async("chiso:parse", "all", validate(&gathered)).await?;
    Ok((gathered, loaded))
}

/// The validator, with its located, bilingual messages: in a part of its own, since files
/// validated at publishing never need it.
#[wasm_split(
    validator,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_validator)
)]
fn validate(gathered: &Gathered) -> Result<Loaded, NotLoaded> {
    // Core's exact reading of numbers, for those beyond the quick one: its tables come with
    // this part, not the first module.
    decimal::install(|text| text.parse().ok());
    Ok(load(&gathered.inputs()))
}

/// A part that did not arrive, in the reader's words, for the page's error with its retry.
fn not_loaded(_: NotLoaded) -> String {
    not_loaded_words()().to_string()
}

/// Takes one listed file's answer into `gathered`, at its place in the manifest; returns its
/// name.
fn receive(gathered: &mut Gathered, (place, wanted, got): Arrival) -> String {
    let name = short_name(&wanted.address).to_string();
    if let Ok(f) = &got {
        note_copy(gathered, &name, f);
    }
    gathered.receive_listed(place, name.clone(), wanted.sha256, got.map(|f| f.bytes));
    name
}

/// Records a file that came as its last good copy, as the service worker's headers say.
fn note_copy(gathered: &mut Gathered, name: &str, fetched: &Fetched) {
    let copy = LastGood::from_headers(name, fetched.fallback.as_deref(), fetched.stored.as_deref());
    if let Some(copy) = copy {
        gathered.came_as_copy(copy);
    }
}

/// File names in messages without the directory the page already implies.
fn short_name(address: &str) -> &str {
    address.strip_prefix("data/").unwrap_or(address)
}
