//! CI guard: the committed `data/postings.json` must be exactly what `vitrine ingest seeds/`
//! produces with `data/overrides.toml` (run in memory, nothing written).

use std::path::PathBuf;
use vitrine::ingest::{files, overrides::Overrides};
use vitrine::model;

#[test]
fn committed_data_equals_ingest_of_seeds_plus_overrides() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let ov = Overrides::load(&root.join("data/overrides.toml")).expect("data/overrides.toml parses");
    let run = files::ingest(&[root.join("seeds")], Some(&ov), false).unwrap_or_else(|errors| {
        panic!("ingest of seeds/ failed:\n{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))
    });
    let produced = model::to_json(&run.postings);
    let committed = std::fs::read_to_string(root.join("data/postings.json")).expect("data/postings.json");
    if produced != committed {
        let want = model::from_json(&committed).expect("committed data parses");
        for (p, w) in run.postings.iter().zip(&want) {
            if p != w {
                let pv = serde_json::to_value(p).unwrap();
                let wv = serde_json::to_value(w).unwrap();
                for (k, v) in pv.as_object().unwrap() {
                    if wv.get(k) != Some(v) {
                        eprintln!("{}: field {k} differs\n  ingest:    {v}\n  committed: {}", p.id, wv.get(k).unwrap_or(&serde_json::Value::Null));
                    }
                }
            }
        }
        panic!(
            "data/postings.json is not what `vitrine ingest seeds/` produces ({} vs {} records); \
             rerun `cargo run --bin vitrine -- ingest seeds/` and review the diff, or add an override",
            run.postings.len(),
            want.len()
        );
    }
    // Every override is still needed (an override equal to the extraction is dead weight).
    let bare = files::ingest(&[root.join("seeds")], None, false).expect("ingest without overrides");
    for (id, fields) in &run.overridden {
        let with = run.postings.iter().find(|p| &p.id == id).unwrap();
        let without = bare.postings.iter().find(|p| &p.id == id).unwrap();
        assert_ne!(with, without, "override for {id} ({fields:?}) changes nothing: remove it");
    }
}
