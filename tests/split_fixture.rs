//! CI guard: the split feed the end-to-end tests serve (`tests/e2e/fixtures/split/`) must be
//! exactly what `vitrine pack data/postings.json --updated 2023-06-30` writes today, so the
//! browser tests always exercise the current pack format and the current offers.

use std::path::{Path, PathBuf};
use vitrine::export::split::{run, Pack};

const REGENERATE: &str = "regenerate it with `cargo run -q --bin vitrine -- pack data/postings.json \
     -o tests/e2e/fixtures/split/offres.json --updated 2023-06-30` and review the diff";

/// Where `a` and `b` first differ: line and column (1-based), with some text of each around it.
fn first_difference(a: &str, b: &str) -> String {
    let at = a.char_indices().zip(b.chars()).find(|((_, x), y)| x != y).map(|((i, _), _)| i);
    let at = at.unwrap_or_else(|| a.len().min(b.len()));
    let line = a[..at].matches('\n').count() + 1;
    let column = a[..at].rfind('\n').map_or(at, |nl| at - nl - 1) + 1;
    let around = |s: &str| {
        let from = s[..at.min(s.len())].char_indices().rev().nth(40).map_or(0, |(i, _)| i);
        let text: String = s[from..].chars().take(100).collect();
        format!("{text:?}")
    };
    format!("line {line}, byte {column} of the line:\n  committed: {}\n  fresh:     {}", around(a), around(b))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: cannot read ({e}); {REGENERATE}", path.display()))
}

#[test]
fn committed_split_fixture_equals_a_fresh_pack_of_the_data() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let committed = root.join("tests/e2e/fixtures/split");
    let tmp = std::env::temp_dir().join(format!("vitrine-split-fixture-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).expect("a temporary folder");

    let job = Pack {
        input: root.join("data/postings.json"),
        output: tmp.join("offres.json"),
        updated: Some("2023-06-30".parse().expect("a valid date")),
    };
    let done = run(&job).unwrap_or_else(|e| panic!("vitrine pack of data/postings.json failed: {e}"));
    let names: Vec<_> = done.written.iter().map(|(p, _)| p.file_name().unwrap().to_owned()).collect();
    assert_eq!(names, ["offres.json", "offres.bodies.json"], "pack writes the offers file and its bodies file");

    let mut problems = Vec::new();
    for name in ["offres.json", "offres.bodies.json"] {
        let fresh = read(&tmp.join(name));
        let kept = read(&committed.join(name));
        if fresh != kept {
            problems.push(format!(
                "tests/e2e/fixtures/split/{name} is not what `vitrine pack` writes now ({} vs {} bytes), first at {}",
                kept.len(),
                fresh.len(),
                first_difference(&kept, &fresh)
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(problems.is_empty(), "{}\n{REGENERATE}", problems.join("\n"));
}
