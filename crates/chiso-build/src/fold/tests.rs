//! Folding on small modules built here, checked by reading the result back.

use super::*;
use wasm_encoder::{
    ConstExpr, Elements, Function, GlobalType, Instruction as I, MemoryType, NameMap, NameSection,
    TableType, ValType,
};
use wasmparser::{DataKind, ElementItems, ElementKind, Operator, Parser, Payload, Validator};

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
