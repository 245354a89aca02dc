//! Build step: writes the widget stylesheet and the bundled offers, minified (`src/ui/assets.rs`),
//! to `OUT_DIR/style.css` and `OUT_DIR/postings.json`, which `embed::dom` embeds in the wasm.
//! Std only.

#[path = "src/ui/assets.rs"]
mod assets;

use std::path::Path;

/// Reads `source`, shrinks it with `minify` and writes it to `OUT_DIR/name`.
fn shrink(source: &str, name: &str, minify: fn(&str) -> String) {
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("build.rs: cannot read {source}: {e}"));
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(&out, minify(&text)).unwrap_or_else(|e| panic!("build.rs: cannot write {}: {e}", out.display()));
}

fn main() {
    println!("cargo:rerun-if-changed=src/ui/assets.rs");
    shrink("src/ui/style.css", "style.css", assets::minify_css);
    shrink("data/postings.json", "postings.json", assets::minify_json);
}
