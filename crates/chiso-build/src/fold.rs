//! Folds the splitter's shared chunks into the modules that use them. The splitter puts what two
//! or more parts call in a module of its own, fetched before any of them: a request (a round trip
//! on a slow line) for a few hundred bytes. Here each part takes its own copy of its chunks'
//! functions, placed at the same slots of the shared table, so whichever copy was loaded last
//! answers, and the copies are the same code. So are the chunk's constants (`.rodata`). Its other
//! data is state (`.data`, `.bss`), which a second copy would reset when its part arrived: that
//! goes into the first module, written once at its start.

use anyhow::{anyhow, bail, Result};
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;
use wasm_encoder::reencode::{Error as ReencodeError, Reencode, RoundtripReencoder};
use wasm_encoder::{
    CodeSection, CustomSection, DataSection, ElementSection, EntityType, FunctionSection,
    ImportSection, Module, RawSection, TypeSection,
};
use wasmparser::{
    CodeSectionReader, Data, DataKind, DataSectionReader, ElementSectionReader,
    FunctionSectionReader, KnownCustom, Name, Parser, Payload, TypeRef, TypeSectionReader,
};

/// A module as read: the sections folding extends, and every section as it is (custom ones by
/// their readers), in order.
#[derive(Default)]
struct Read<'a> {
    types: Option<TypeSectionReader<'a>>,
    imports: Vec<Imported<'a>>,
    functions: Option<FunctionSectionReader<'a>>,
    elements: Option<ElementSectionReader<'a>>,
    code: Option<CodeSectionReader<'a>>,
    data: Option<DataSectionReader<'a>>,
    /// The data segments' names, by index, where the module has a name section.
    data_names: HashMap<u32, &'a str>,
    /// How many of each kind the module defines itself (not imports).
    defined: HashMap<Kind, u32>,
    exports: u32,
    start: bool,
    sections: Vec<Section<'a>>,
}

struct Imported<'a> {
    module: &'a str,
    name: &'a str,
    ty: TypeRef,
}

enum Section<'a> {
    Raw(u8, &'a [u8]),
    Custom(&'a str, &'a [u8]),
}

impl<'a> Read<'a> {
    fn new(wasm: &'a [u8]) -> Result<Self> {
        let mut read = Read::default();
        for payload in Parser::new(0).parse_all(wasm) {
            let payload = payload?;
            let mut count = |kind, n| *read.defined.entry(kind).or_default() += n;
            match &payload {
                Payload::TypeSection(s) => read.types = Some(s.clone()),
                Payload::ImportSection(s) => {
                    for import in s.clone().into_imports() {
                        let i = import?;
                        read.imports.push(Imported {
                            module: i.module,
                            name: i.name,
                            ty: i.ty,
                        });
                    }
                }
                Payload::FunctionSection(s) => {
                    count(Kind::Func, s.count());
                    read.functions = Some(s.clone());
                }
                Payload::TableSection(s) => count(Kind::Table, s.count()),
                Payload::MemorySection(s) => count(Kind::Memory, s.count()),
                Payload::GlobalSection(s) => count(Kind::Global, s.count()),
                Payload::TagSection(s) => count(Kind::Tag, s.count()),
                Payload::ExportSection(s) => read.exports = s.count(),
                Payload::StartSection { .. } => read.start = true,
                Payload::ElementSection(s) => read.elements = Some(s.clone()),
                Payload::CodeSectionStart { range, .. } => {
                    read.code = Some(CodeSectionReader::new(wasmparser::BinaryReader::new(
                        &wasm[range.clone()],
                        range.start,
                    ))?)
                }
                Payload::DataSection(s) => read.data = Some(s.clone()),
                Payload::CustomSection(s) => {
                    if let KnownCustom::Name(names) = s.as_known() {
                        for name in names {
                            if let Name::Data(map) = name? {
                                for naming in map {
                                    let naming = naming?;
                                    read.data_names.insert(naming.index, naming.name);
                                }
                            }
                        }
                    }
                    read.sections.push(Section::Custom(s.name(), s.data()))
                }
                _ => {}
            }
            if let Some((id, range)) = payload.as_section() {
                if id != 0 {
                    read.sections.push(Section::Raw(id, &wasm[range]));
                }
            }
        }
        Ok(read)
    }

    fn imported(&self, kind: Kind) -> u32 {
        self.imports
            .iter()
            .filter(|i| kind_of(i.ty) == kind)
            .count() as u32
    }

    /// All of a kind, imported and defined.
    fn all(&self, kind: Kind) -> u32 {
        self.imported(kind) + self.defined.get(&kind).copied().unwrap_or(0)
    }

    fn raw(&self, id: u8) -> Option<&'a [u8]> {
        self.sections.iter().find_map(|s| match s {
            Section::Raw(i, bytes) if *i == id => Some(*bytes),
            _ => None,
        })
    }

    fn elements(&self) -> u32 {
        self.elements.as_ref().map_or(0, |e| e.count())
    }

    /// The module's data segments that are constants (`constant`) or state (`!constant`), as
    /// the linker names them; unnamed ones count as state.
    fn segments(&self, constant: bool) -> Result<Vec<Data<'a>>> {
        let mut found = vec![];
        for (i, segment) in self.data.clone().into_iter().flatten().enumerate() {
            let segment = segment?;
            if !matches!(segment.kind, DataKind::Active { .. }) {
                bail!("a chunk has a passive data segment");
            }
            let named_constant = self
                .data_names
                .get(&(i as u32))
                .is_some_and(|n| n.starts_with(".rodata"));
            if named_constant == constant {
                found.push(segment);
            }
        }
        Ok(found)
    }
}

/// The index spaces a module imports into or defines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Func,
    Table,
    Memory,
    Global,
    Tag,
}

fn kind_of(ty: TypeRef) -> Kind {
    match ty {
        TypeRef::Func(_) | TypeRef::FuncExact(_) => Kind::Func,
        TypeRef::Table(_) => Kind::Table,
        TypeRef::Memory(_) => Kind::Memory,
        TypeRef::Global(_) => Kind::Global,
        TypeRef::Tag(_) => Kind::Tag,
    }
}

/// How a chunk's indices become those of the module it is folded into.
struct Renumber {
    types: u32,
    functions: u32,
    elements: u32,
    /// The chunk's imported tables, memories and globals, by their index in the chunk.
    imports: HashMap<(Kind, u32), u32>,
}

impl Renumber {
    fn import(&self, kind: Kind, index: u32) -> Result<u32, ReencodeError<String>> {
        self.imports.get(&(kind, index)).copied().ok_or_else(|| {
            ReencodeError::UserError(format!("{kind:?} {index} is not an import of the chunk"))
        })
    }
}

impl Reencode for Renumber {
    type Error = String;

    fn type_index(&mut self, ty: u32) -> Result<u32, ReencodeError<String>> {
        Ok(self.types + ty)
    }
    fn function_index(&mut self, func: u32) -> Result<u32, ReencodeError<String>> {
        Ok(self.functions + func)
    }
    fn element_index(&mut self, element: u32) -> Result<u32, ReencodeError<String>> {
        Ok(self.elements + element)
    }
    fn table_index(&mut self, table: u32) -> Result<u32, ReencodeError<String>> {
        self.import(Kind::Table, table)
    }
    fn memory_index(&mut self, memory: u32) -> Result<u32, ReencodeError<String>> {
        self.import(Kind::Memory, memory)
    }
    fn global_index(&mut self, global: u32) -> Result<u32, ReencodeError<String>> {
        self.import(Kind::Global, global)
    }
    fn data_index(&mut self, _: u32) -> Result<u32, ReencodeError<String>> {
        Err(ReencodeError::UserError(
            "the chunk's code refers to its data, which moves to the first module".into(),
        ))
    }
}

fn reencoded<T, E: std::fmt::Debug>(r: Result<T, ReencodeError<E>>) -> Result<T> {
    r.map_err(|e| anyhow!("{e:?}"))
}

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

/// The parts of the splitter's output in `out`, each as its own module, with their chunks (`chunk_<n>.wasm` in `prefetch`,
/// which lists each part's files) folded in and removed; and the first module `main` with the
/// chunks' state.
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
            _ => bail!("part {name} has no module of its own to fold its chunks into"),
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

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        ConstExpr, Elements, Function, GlobalType, Instruction as I, MemoryType, NameMap,
        NameSection, TableType, ValType,
    };
    use wasmparser::{ElementItems, ElementKind, Operator, Validator};

    const SHARED: &str = "__wasm_split";

    /// A module of `funcs` (type index and body) over the shared imports in `imports` order
    /// (t: table, m: memory, g: global), with table slots `elems` and named data segments.
    fn module(
        imports: &str,
        types: &[(&[ValType], &[ValType])],
        funcs: &[(u32, &[I])],
        elems: &[(i32, &[u32])],
        data: &[(&str, i32, &[u8])],
    ) -> Vec<u8> {
        let mut m = Module::new();
        let mut t = TypeSection::new();
        for (params, results) in types {
            t.ty()
                .function(params.iter().copied(), results.iter().copied());
        }
        m.section(&t);
        let mut imp = ImportSection::new();
        for c in imports.chars() {
            match c {
                't' => imp.import(SHARED, "__indirect_function_table", table()),
                'm' => imp.import(SHARED, "memory", memory()),
                _ => imp.import(SHARED, "__wasm_split_shared0", global()),
            };
        }
        m.section(&imp);
        let mut f = FunctionSection::new();
        funcs.iter().for_each(|(ty, _)| {
            f.function(*ty);
        });
        m.section(&f);
        let mut e = ElementSection::new();
        for (at, items) in elems {
            e.active(
                None,
                &ConstExpr::i32_const(*at),
                Elements::Functions((*items).into()),
            );
        }
        m.section(&e);
        let mut c = CodeSection::new();
        for (_, body) in funcs {
            let mut func = Function::new([]);
            body.iter().for_each(|i| {
                func.instruction(i);
            });
            c.function(&func);
        }
        m.section(&c);
        let (mut d, mut names) = (DataSection::new(), NameMap::new());
        for (i, (name, at, bytes)) in data.iter().enumerate() {
            d.active(0, &ConstExpr::i32_const(*at), bytes.iter().copied());
            names.append(i as u32, name);
        }
        m.section(&d);
        let mut n = NameSection::new();
        n.data(&names);
        m.section(&n);
        m.finish()
    }

    fn table() -> TableType {
        TableType {
            element_type: wasm_encoder::RefType::FUNCREF,
            table64: false,
            minimum: 16,
            maximum: None,
            shared: false,
        }
    }
    fn memory() -> MemoryType {
        MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        }
    }
    fn global() -> GlobalType {
        GlobalType {
            val_type: ValType::I32,
            mutable: true,
            shared: false,
        }
    }

    /// Table slots (offset, functions), data segments (offset, bytes) and each function's calls
    /// and global reads, of a module that must validate.
    #[allow(clippy::type_complexity)]
    fn contents(wasm: &[u8]) -> (Vec<(i32, Vec<u32>)>, Vec<(i32, Vec<u8>)>, Vec<Vec<String>>) {
        Validator::new()
            .validate_all(wasm)
            .expect("the folded module validates");
        let offset = |e: &wasmparser::ConstExpr| match e.get_operators_reader().read().unwrap() {
            Operator::I32Const { value } => value,
            other => panic!("offset {other:?}"),
        };
        let (mut elems, mut data, mut bodies) = (vec![], vec![], vec![]);
        for payload in Parser::new(0).parse_all(wasm) {
            match payload.unwrap() {
                Payload::ElementSection(s) => {
                    for e in s {
                        let e = e.unwrap();
                        let (ElementKind::Active { offset_expr, .. }, ElementItems::Functions(f)) =
                            (e.kind, e.items)
                        else {
                            panic!("an active segment of functions");
                        };
                        elems.push((
                            offset(&offset_expr),
                            f.into_iter().map(|f| f.unwrap()).collect(),
                        ));
                    }
                }
                Payload::DataSection(s) => {
                    for d in s {
                        let d = d.unwrap();
                        let DataKind::Active { offset_expr, .. } = d.kind else {
                            panic!("an active segment")
                        };
                        data.push((offset(&offset_expr), d.data.to_vec()));
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    let ops = body.get_operators_reader().unwrap();
                    bodies.push(
                        ops.into_iter()
                            .filter_map(|op| match op.unwrap() {
                                Operator::Call { function_index } => {
                                    Some(format!("call {function_index}"))
                                }
                                Operator::GlobalGet { global_index } => {
                                    Some(format!("global {global_index}"))
                                }
                                Operator::CallIndirect { type_index, .. } => {
                                    Some(format!("indirect {type_index}"))
                                }
                                _ => None,
                            })
                            .collect(),
                    );
                }
                _ => {}
            }
        }
        (elems, data, bodies)
    }

    #[test]
    fn a_chunk_joins_the_part_renumbered_with_its_constants_and_its_state_goes_first() {
        let i32s: &[ValType] = &[ValType::I32];
        // The part: one function calling slot 5 through the table; its own constants at 100.
        let part = module(
            "mtg",
            &[(&[], i32s)],
            &[(
                0,
                &[
                    I::I32Const(5),
                    I::CallIndirect {
                        type_index: 0,
                        table_index: 0,
                    },
                    I::End,
                ],
            )],
            &[(3, &[0])],
            &[(".rodata", 100, b"part")],
        );
        // The chunk imports in another order; `f` (slot 5) calls `g`, which reads the global.
        let chunk = module(
            "gtm",
            &[(i32s, i32s), (&[], i32s)],
            &[
                (1, &[I::GlobalGet(0), I::End]),
                (1, &[I::Call(0), I::I32Const(1), I::I32Add, I::End]),
            ],
            &[(5, &[1])],
            &[
                (".rodata.x", 200, b"abc"),
                (".bss", 300, &[0; 4]),
                (".data", 400, b"st"),
            ],
        );
        let folded = into_part(&part, &[("chunk_1", &chunk)]).unwrap();
        let (elems, data, bodies) = contents(&folded);
        assert_eq!(
            elems,
            vec![(3, vec![0]), (5, vec![2])],
            "f is the part's third function"
        );
        assert_eq!(
            data,
            vec![(100, b"part".to_vec()), (200, b"abc".to_vec())],
            "the chunk's constants come along, not its state"
        );
        assert_eq!(
            bodies,
            vec![vec!["indirect 0"], vec!["global 0"], vec!["call 1"]],
            "g reads the part's global; f calls g at its new index"
        );

        // The first module defines the memory the others import.
        let mut first = Module::new();
        let mut mem = wasm_encoder::MemorySection::new();
        mem.memory(memory());
        first.section(&mem);
        let mut d = DataSection::new();
        d.active(0, &ConstExpr::i32_const(10), b"first".iter().copied());
        first.section(&d);
        let first = first.finish();
        let (_, data, _) = contents(&data_into_first(&first, &[("chunk_1", &chunk)]).unwrap());
        assert_eq!(
            data,
            vec![
                (10, b"first".to_vec()),
                (300, vec![0; 4]),
                (400, b"st".to_vec())
            ],
            "the chunk's state is written once, by the first module"
        );
    }

    #[test]
    fn a_chunk_with_state_of_its_own_is_refused() {
        let mut chunk = Module::new();
        let mut globals = wasm_encoder::GlobalSection::new();
        globals.global(global(), &ConstExpr::i32_const(0));
        chunk.section(&globals);
        let part = module("mtg", &[], &[], &[], &[]);
        let refused = into_part(&part, &[("chunk_2", &chunk.finish())]).unwrap_err();
        assert!(refused.to_string().contains("chunk_2"), "{refused}");
    }
}
