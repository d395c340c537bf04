//! Folds the splitter's shared chunks into the modules that use them. The splitter puts what two
//! or more parts call in a module of its own, fetched before any of them: a request (a round trip
//! on a slow line) for a few hundred bytes. Here each part takes its own copy of its chunks'
//! functions, placed at the same slots of the shared table, so whichever copy was loaded last
//! answers, and the copies are the same code. So are the chunk's constants (`.rodata`). Its other
//! data is state (`.data`, `.bss`), which a second copy would reset when its part arrived: that
//! goes into the first module, written once at its start.

mod read;
mod renumber;
#[cfg(test)]
mod tests;

use anyhow::{bail, Result};
use read::{kind_of, Imported, Kind, Read, Section};
use renumber::{reencoded, Renumber};
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{
    CodeSection, CustomSection, DataSection, ElementSection, EntityType, FunctionSection,
    ImportSection, Module, RawSection, TypeSection,
};
use wasmparser::TypeRef;

/// Checks that `chunk` holds only what folding knows how to place: functions, table slots and
/// data, over the first module's imports.
fn foldable(chunk: &Read, name: &str) -> Result<()> {
    let defines = |k| chunk.defined.get(&k).copied().unwrap_or(0) > 0;
    if chunk.imported(Kind::Func) > 0
        || [Kind::Table, Kind::Memory, Kind::Global, Kind::Tag]
            .into_iter()
            .any(defines)
        || chunk.exports > 0
        || chunk.start
    {
        bail!("{name} imports functions or defines tables, memories, globals, exports or a start: it cannot be folded");
    }
    Ok(())
}

/// Each part's module file, by the name of its split (`None` for a part with no code).
pub type PartFiles = BTreeMap<String, Option<String>>;

/// The parts of the splitter's output in `out`, each as its own module, with their chunks
/// (`chunk_<n>.wasm` in `prefetch`, which lists each part's files) folded in and removed; and
/// the first module `main` with the chunks' state.
pub fn chunks(
    out: &Path,
    main: &[u8],
    prefetch: &HashMap<String, Vec<String>>,
) -> Result<(Vec<u8>, PartFiles)> {
    let mut files = BTreeMap::new();
    let mut chunks = BTreeMap::new();
    for (name, stems) in prefetch {
        let (shared, own): (Vec<&String>, Vec<&String>) =
            stems.iter().partition(|s| s.starts_with("chunk_"));
        for stem in &shared {
            if !chunks.contains_key(*stem) {
                chunks.insert((*stem).clone(), fs::read(out.join(format!("{stem}.wasm")))?);
            }
        }
        let file = match own.as_slice() {
            [] if shared.is_empty() => None,
            [own] => Some(format!("{own}.wasm")),
            _ => bail!(
                "part {name}: one module of its own expected beside its chunks, found {stems:?}"
            ),
        };
        if let Some(file) = &file {
            let bytes: Vec<(&str, &[u8])> = shared
                .iter()
                .map(|s| (s.as_str(), chunks[*s].as_slice()))
                .collect();
            let path = out.join(file);
            fs::write(&path, into_part(&fs::read(&path)?, &bytes)?)?;
        }
        files.insert(name.clone(), file);
    }
    let all: Vec<(&str, &[u8])> = chunks
        .iter()
        .map(|(s, b)| (s.as_str(), b.as_slice()))
        .collect();
    let first = data_into_first(main, &all)?;
    for stem in chunks.keys() {
        fs::remove_file(out.join(format!("{stem}.wasm")))?;
    }
    Ok((first, files))
}

/// `part` with the functions and table slots of each of `chunks` (name, bytes) as its own.
fn into_part(part: &[u8], chunks: &[(&str, &[u8])]) -> Result<Vec<u8>> {
    let base = Read::new(part)?;
    let mut imports = ImportSection::new();
    let mut types = TypeSection::new();
    let mut functions = FunctionSection::new();
    let mut elements = ElementSection::new();
    let mut code = CodeSection::new();
    let mut data = DataSection::new();
    let mut added: Vec<(String, String, TypeRef)> = vec![];
    let mut rt = RoundtripReencoder;
    for i in &base.imports {
        imports.import(i.module, i.name, entity(&mut rt, i.ty)?);
    }
    if let Some(s) = base.types.clone() {
        reencoded(rt.parse_type_section(&mut types, s))?;
    }
    if let Some(s) = base.functions.clone() {
        reencoded(rt.parse_function_section(&mut functions, s))?;
    }
    if let Some(s) = base.elements.clone() {
        reencoded(rt.parse_element_section(&mut elements, s))?;
    }
    if let Some(s) = base.code.clone() {
        reencoded(rt.parse_code_section(&mut code, s))?;
    }
    if let Some(s) = base.data.clone() {
        reencoded(rt.parse_data_section(&mut data, s))?;
    }
    let (mut type_count, mut function_count, mut element_count) = (
        base.types.as_ref().map_or(0, |t| t.count()),
        base.all(Kind::Func),
        base.elements(),
    );
    for (name, bytes) in chunks {
        let chunk = Read::new(bytes)?;
        foldable(&chunk, name)?;
        let mut renumber = Renumber {
            types: type_count,
            functions: function_count,
            elements: element_count,
            imports: HashMap::new(),
        };
        let mut seen: HashMap<Kind, u32> = HashMap::new();
        for i in &chunk.imports {
            let kind = kind_of(i.ty);
            let index = seen.entry(kind).or_default();
            let target = match position(&base, &added, i, kind) {
                Some(t) => t,
                None => {
                    // A new import comes after the part's own of its kind: only sound when the
                    // part defines none of that kind, whose indices would otherwise move.
                    if base.defined.get(&kind).copied().unwrap_or(0) > 0 {
                        bail!(
                            "{name} imports {}.{}, which the part lacks",
                            i.module,
                            i.name
                        );
                    }
                    imports.import(i.module, i.name, entity(&mut rt, i.ty)?);
                    added.push((i.module.to_owned(), i.name.to_owned(), i.ty));
                    base.imported(kind)
                        + added.iter().filter(|a| kind_of(a.2) == kind).count() as u32
                        - 1
                }
            };
            renumber.imports.insert((kind, *index), target);
            *index += 1;
        }
        if let Some(s) = chunk.types.clone() {
            type_count += s.count();
            reencoded(renumber.parse_type_section(&mut types, s))?;
        }
        if let Some(s) = chunk.functions.clone() {
            function_count += s.count();
            reencoded(renumber.parse_function_section(&mut functions, s))?;
        }
        if let Some(s) = chunk.elements.clone() {
            element_count += s.count();
            reencoded(renumber.parse_element_section(&mut elements, s))?;
        }
        if let Some(s) = chunk.code.clone() {
            reencoded(renumber.parse_code_section(&mut code, s))?;
        }
        for segment in chunk.segments(true)? {
            reencoded(renumber.parse_data(&mut data, segment))?;
        }
    }
    let count = data.len();
    let mut built = |id: u8, module: &mut Module| match id {
        1 => put(module, &types),
        2 => put(module, &imports),
        3 => put(module, &functions),
        9 => put(module, &elements),
        10 => put(module, &code),
        11 => put(module, &data),
        12 => put(module, &wasm_encoder::DataCountSection { count }),
        _ => false,
    };
    Ok(assemble(&base, &mut built))
}

/// Where `import` is in the part (or among the imports already added), by module and name.
fn position(
    base: &Read,
    added: &[(String, String, TypeRef)],
    import: &Imported,
    kind: Kind,
) -> Option<u32> {
    let same = |m: &str, n: &str| m == import.module && n == import.name;
    let of_kind = base.imports.iter().filter(|i| kind_of(i.ty) == kind);
    if let Some(p) = of_kind.clone().position(|i| same(i.module, i.name)) {
        return Some(p as u32);
    }
    added
        .iter()
        .filter(|a| kind_of(a.2) == kind)
        .position(|a| same(&a.0, &a.1))
        .map(|p| base.imported(kind) + p as u32)
}

fn entity(rt: &mut RoundtripReencoder, ty: TypeRef) -> Result<EntityType> {
    reencoded(rt.entity_type(ty))
}

/// The first module with the state of every chunk (its data other than constants) added to its
/// own data, written at its start.
fn data_into_first(first: &[u8], chunks: &[(&str, &[u8])]) -> Result<Vec<u8>> {
    let base = Read::new(first)?;
    if base.all(Kind::Memory) != 1 {
        bail!("the first module has more than one memory");
    }
    let mut data = DataSection::new();
    let mut rt = RoundtripReencoder;
    if let Some(s) = base.data.clone() {
        reencoded(rt.parse_data_section(&mut data, s))?;
    }
    for (name, bytes) in chunks {
        let chunk = Read::new(bytes)?;
        foldable(&chunk, name)?;
        // The one memory is the chunk's memory import; a data offset may name no global.
        let mut renumber = Renumber {
            types: 0,
            functions: 0,
            elements: 0,
            imports: HashMap::from([((Kind::Memory, 0), 0)]),
        };
        for segment in chunk.segments(false)? {
            reencoded(renumber.parse_data(&mut data, segment))?;
        }
    }
    let count = data.len();
    let mut built = |id: u8, module: &mut Module| match id {
        11 => put(module, &data),
        12 => put(module, &wasm_encoder::DataCountSection { count }),
        _ => false,
    };
    Ok(assemble(&base, &mut built))
}

/// Writes `section` into `module`; true, as `assemble` asks of a section built anew.
fn put(module: &mut Module, section: &impl wasm_encoder::Section) -> bool {
    module.section(section);
    true
}

/// `base`'s sections in the standard order, each either built anew by `built` (which returns
/// false for those it leaves alone) or copied as they are, custom sections last.
fn assemble(base: &Read, built: &mut dyn FnMut(u8, &mut Module) -> bool) -> Vec<u8> {
    // Section ids in the order a module must list them (the tag section, 13, after memories).
    const ORDER: [u8; 13] = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];
    let mut module = Module::new();
    for id in ORDER {
        // The data count section is written only where the module had one.
        if id == 12 && base.raw(12).is_none() {
            continue;
        }
        if !built(id, &mut module) {
            if let Some(bytes) = base.raw(id) {
                module.section(&RawSection { id, data: bytes });
            }
        }
    }
    for s in &base.sections {
        if let Section::Custom(name, data) = s {
            module.section(&CustomSection {
                name: (*name).into(),
                data: (*data).into(),
            });
        }
    }
    module.finish()
}
