//! The app as one module, for the offline file: there the parts have nowhere to be fetched from.
//! The linked wasm calls each split function through an import that the splitter would point at
//! the part, and asks for each part through a load import; here each import becomes the function
//! it stands for, and each load calls back at once with success (the runtime allows a callback
//! made before the load returns). No text of generated code is touched.

use anyhow::{bail, Context, Result};
use walrus::{FunctionId, ImportKind, Module, ValType};

/// The import module `#[wasm_split]` declares its functions in (wasm_split_macros).
const PLACEHOLDER: &str = "__wasm_split_placeholder__";
const LOAD: &str = "__wasm_split_load_";
/// The section the macros describe the split points in, for the splitter.
const SPLIT_SECTION: &str = "__wasm_split_unstable";

pub fn resolve_parts(linked: &[u8]) -> Result<Vec<u8>> {
    let mut module = Module::from_buffer(linked).context("the linked wasm does not parse")?;
    let imports: Vec<(FunctionId, String)> = module
        .imports
        .iter()
        .filter(|i| i.module == PLACEHOLDER)
        .map(|i| match i.kind {
            ImportKind::Function(f) => Ok((f, i.name.clone())),
            _ => bail!("{PLACEHOLDER}.{} is not a function", i.name),
        })
        .collect::<Result<_>>()?;
    for (import, name) in imports {
        if name.starts_with(LOAD) {
            load_at_once(&mut module, import)?;
        } else {
            // `__wasm_split_00<part>00_import_<hash>_<name>` stands for `…00_export_…`.
            let export = name.replacen("00_import_", "00_export_", 1);
            if export == name {
                bail!("{PLACEHOLDER}.{name} is neither a part's load nor a split function");
            }
            let target = (module.exports.get_func(&export).ok())
                .or_else(|| module.funcs.by_name(&export))
                .with_context(|| format!("no function {export} for {name}"))?;
            forward(&mut module, import, target)?;
        }
    }
    // The linker's relocations describe the module before this change, and the splitter's own
    // section is for the splitter: nothing reads them now.
    let stale: Vec<_> = module
        .customs
        .iter()
        .filter(|(_, c)| {
            c.name().starts_with("reloc.") || ["linking", SPLIT_SECTION].contains(&c.name())
        })
        .map(|(id, _)| id)
        .collect();
    for id in stale {
        module.customs.delete(id);
    }
    Ok(module.emit_wasm())
}

/// `load(callback, data)` becomes `callback(data, true)`, through the function table.
fn load_at_once(module: &mut Module, import: FunctionId) -> Result<()> {
    let table = module
        .tables
        .main_function_table()?
        .context("no function table for a part's callback")?;
    let callback = match module.types.find(&[ValType::I32, ValType::I32], &[]) {
        Some(ty) => ty,
        None => module.types.add(&[ValType::I32, ValType::I32], &[]),
    };
    module.replace_imported_func(import, |(body, args)| {
        body.local_get(args[1])
            .i32_const(1)
            .local_get(args[0])
            .call_indirect(callback, table);
    })?;
    Ok(())
}

/// The import becomes a call of the function it stands for, with the same arguments.
fn forward(module: &mut Module, import: FunctionId, target: FunctionId) -> Result<()> {
    let (from, to) = (module.funcs.get(import).ty(), module.funcs.get(target).ty());
    if module.types.get(from) != module.types.get(to) {
        bail!("a split function's import and export differ in type");
    }
    module.replace_imported_func(import, |(body, args)| {
        for &arg in args {
            body.local_get(arg);
        }
        body.call(target);
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use walrus::ir::{Call, CallIndirect, Instr};
    use walrus::{FunctionBuilder, ModuleConfig, RefType};

    /// A module shaped as the linker leaves a split app: a split function `f` of part `x`, called
    /// through its placeholder import, and the part's load import.
    fn linked() -> Vec<u8> {
        let mut module = Module::with_config(ModuleConfig::new());
        module.tables.add_local(false, 1, None, RefType::FUNCREF);
        let load_ty = module.types.add(&[ValType::I32, ValType::I32], &[]);
        let f_ty = module.types.add(&[ValType::I32], &[ValType::I32]);
        let (load, _) = module.add_import_func(PLACEHOLDER, "__wasm_split_load_x", load_ty);
        let (import, _) =
            module.add_import_func(PLACEHOLDER, "__wasm_split_00x00_import_0123_f", f_ty);
        // The linker's name section names the imports as it names every function.
        module.funcs.get_mut(load).name = Some("__wasm_split_load_x".into());
        module.funcs.get_mut(import).name = Some("__wasm_split_00x00_import_0123_f".into());
        let mut export = FunctionBuilder::new(&mut module.types, &[ValType::I32], &[ValType::I32]);
        export.name("__wasm_split_00x00_export_0123_f".into());
        let arg = module.locals.add(ValType::I32);
        export
            .func_body()
            .local_get(arg)
            .i32_const(1)
            .binop(walrus::ir::BinaryOp::I32Add);
        let export = export.finish(vec![arg], &mut module.funcs);
        let mut main = FunctionBuilder::new(&mut module.types, &[], &[ValType::I32]);
        main.func_body().i32_const(41).call(import);
        let main = main.finish(vec![], &mut module.funcs);
        module.exports.add("main", main);
        module.exports.add("keep", export);
        module.emit_wasm()
    }

    fn body(module: &Module, name: &str) -> Vec<Instr> {
        let id = module
            .funcs
            .by_name(name)
            .unwrap_or_else(|| panic!("no function {name}"));
        let local = module.funcs.get(id).kind.unwrap_local();
        local
            .block(local.entry_block())
            .instrs
            .iter()
            .map(|(i, _)| i.clone())
            .collect()
    }

    #[test]
    fn each_placeholder_becomes_the_function_it_stands_for() {
        let module = Module::from_buffer(&resolve_parts(&linked()).unwrap()).unwrap();
        assert_eq!(
            module.imports.iter().count(),
            0,
            "no import is left for the splitter"
        );
        let export = module
            .funcs
            .by_name("__wasm_split_00x00_export_0123_f")
            .unwrap();
        let forward = body(&module, "__wasm_split_00x00_import_0123_f");
        assert!(
            matches!(forward.last(), Some(Instr::Call(Call { func })) if *func == export),
            "{forward:?}"
        );
        let load = body(&module, "__wasm_split_load_x");
        assert!(
            matches!(load.last(), Some(Instr::CallIndirect(CallIndirect { .. }))),
            "{load:?}"
        );
        assert!(
            matches!(load[1], Instr::Const(_)),
            "the callback is told the load succeeded: {load:?}"
        );
    }

    #[test]
    fn an_unknown_placeholder_is_an_error_not_a_guess() {
        let mut module = Module::from_buffer(&linked()).unwrap();
        let ty = module.types.add(&[], &[]);
        module.add_import_func(PLACEHOLDER, "something_else", ty);
        let error = resolve_parts(&module.emit_wasm()).unwrap_err().to_string();
        assert!(
            error.contains("neither a part's load nor a split function"),
            "{error}"
        );
    }
}
