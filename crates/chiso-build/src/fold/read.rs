//! A wasm module as read for folding: the sections it extends, each other section as it is,
//! and what the module imports and defines.

use anyhow::{bail, Result};
use std::collections::HashMap;
use wasmparser::{
    CodeSectionReader, Data, DataKind, DataSectionReader, ElementSectionReader,
    FunctionSectionReader, KnownCustom, Name, Parser, Payload, TypeRef, TypeSectionReader,
};

/// A module as read: the sections folding extends, and every section as it is (custom ones by
/// their readers), in order.
#[derive(Default)]
pub(super) struct Read<'a> {
    pub(super) types: Option<TypeSectionReader<'a>>,
    pub(super) imports: Vec<Imported<'a>>,
    pub(super) functions: Option<FunctionSectionReader<'a>>,
    pub(super) elements: Option<ElementSectionReader<'a>>,
    pub(super) code: Option<CodeSectionReader<'a>>,
    pub(super) data: Option<DataSectionReader<'a>>,
    /// The data segments' names, by index, where the module has a name section.
    pub(super) data_names: HashMap<u32, &'a str>,
    /// How many of each kind the module defines itself (not imports).
    pub(super) defined: HashMap<Kind, u32>,
    pub(super) exports: u32,
    pub(super) start: bool,
    pub(super) sections: Vec<Section<'a>>,
}

pub(super) struct Imported<'a> {
    pub(super) module: &'a str,
    pub(super) name: &'a str,
    pub(super) ty: TypeRef,
}

pub(super) enum Section<'a> {
    Raw(u8, &'a [u8]),
    Custom(&'a str, &'a [u8]),
}

impl<'a> Read<'a> {
    pub(super) fn new(wasm: &'a [u8]) -> Result<Self> {
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

    pub(super) fn imported(&self, kind: Kind) -> u32 {
        self.imports
            .iter()
            .filter(|i| kind_of(i.ty) == kind)
            .count() as u32
    }

    /// All of a kind, imported and defined.
    pub(super) fn all(&self, kind: Kind) -> u32 {
        self.imported(kind) + self.defined.get(&kind).copied().unwrap_or(0)
    }

    pub(super) fn raw(&self, id: u8) -> Option<&'a [u8]> {
        self.sections.iter().find_map(|s| match s {
            Section::Raw(i, bytes) if *i == id => Some(*bytes),
            _ => None,
        })
    }

    pub(super) fn elements(&self) -> u32 {
        self.elements.as_ref().map_or(0, |e| e.count())
    }

    /// The module's data segments that are constants (`constant`) or state (`!constant`), as
    /// the linker names them; unnamed ones count as state.
    pub(super) fn segments(&self, constant: bool) -> Result<Vec<Data<'a>>> {
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
pub(super) enum Kind {
    Func,
    Table,
    Memory,
    Global,
    Tag,
}

pub(super) fn kind_of(ty: TypeRef) -> Kind {
    match ty {
        TypeRef::Func(_) | TypeRef::FuncExact(_) => Kind::Func,
        TypeRef::Table(_) => Kind::Table,
        TypeRef::Memory(_) => Kind::Memory,
        TypeRef::Global(_) => Kind::Global,
        TypeRef::Tag(_) => Kind::Tag,
    }
}
