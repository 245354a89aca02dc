//! Build step: writes the widget stylesheet, minified (`src/ui/css.rs`), to `OUT_DIR/style.css`,
//! which `embed::dom` embeds in the wasm. Std only.

#[path = "src/ui/css.rs"]
mod css;

fn main() {
    println!("cargo:rerun-if-changed=src/ui/style.css");
    println!("cargo:rerun-if-changed=src/ui/css.rs");
    let source = std::fs::read_to_string("src/ui/style.css").expect("build.rs: cannot read src/ui/style.css");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("style.css");
    std::fs::write(&out, css::minify(&source)).unwrap_or_else(|e| panic!("build.rs: cannot write {}: {e}", out.display()));
}
