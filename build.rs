//! The browser build keeps its relocations, so that the build after cargo (crates/chiso-build) can
//! cut the wasm into the module every page loads and the parts fetched later (src/split.rs).
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=chiso-web=--emit-relocs");
    }
}
