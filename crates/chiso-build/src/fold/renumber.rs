//! How a chunk's indices (types, functions, table slots' segments, imports) become those of the
//! module it is folded into, for wasm-encoder's re-encoding.

use super::read::Kind;
use anyhow::{anyhow, Result};
use std::collections::HashMap;
use wasm_encoder::reencode::{Error as ReencodeError, Reencode};

/// How a chunk's indices become those of the module it is folded into.
pub(super) struct Renumber {
    pub(super) types: u32,
    pub(super) functions: u32,
    pub(super) elements: u32,
    /// The chunk's imported tables, memories and globals, by their index in the chunk.
    pub(super) imports: HashMap<(Kind, u32), u32>,
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

pub(super) fn reencoded<T, E: std::fmt::Debug>(r: Result<T, ReencodeError<E>>) -> Result<T> {
    r.map_err(|e| anyhow!("{e:?}"))
}
