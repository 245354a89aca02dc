//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/`) through the fuzz targets' own logic
//! (`fuzz/common.rs`) on stable Rust, with a few deterministic mutations of each file, so CI
//! catches regressions without nightly or cargo-fuzz.

#[path = "../fuzz/common.rs"]
#[allow(dead_code)]
mod common;

use std::path::PathBuf;

/// Mutants made from each corpus file (truncations, byte changes, cut and repeated ranges).
const MUTANTS_PER_FILE: u64 = 6;

fn corpus_files(target: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable corpus folder").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: no corpus files", dir.display());
    files
}

/// xorshift64*: a small deterministic generator, so a failing mutant is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(data: &[u8], seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed | 1);
    let mut out = data.to_vec();
    let len = out.len();
    match seed % 4 {
        0 => out.truncate(rng.below(len + 1)),
        1 => {
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(len);
                if let Some(b) = out.get_mut(i) {
                    *b = [b'"', b'{', b']', b'\\', b'\n', b'&', b'=', b'%', 0xC3, 0x00][rng.below(10)];
                }
            }
        }
        2 => {
            let a = rng.below(len + 1);
            let b = a + rng.below(len - a + 1);
            out.drain(a..b);
        }
        _ => {
            let a = rng.below(len + 1);
            let b = (a + rng.below(64)).min(len);
            let piece = out[a..b].to_vec();
            let at = rng.below(len + 1);
            out.splice(at..at, piece);
        }
    }
    out
}

fn replay(target: &str) {
    let mut failures = Vec::new();
    for (k, path) in corpus_files(target).iter().enumerate() {
        let data = std::fs::read(path).expect("readable corpus file");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut inputs = vec![(name.clone(), data.clone())];
        for m in 0..MUTANTS_PER_FILE {
            let seed = (k as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ m;
            inputs.push((format!("{name} mutant {m}"), mutate(&data, (seed << 2) | (m % 4))));
        }
        for (label, input) in inputs {
            if std::panic::catch_unwind(|| common::run(target, &input)).is_err() {
                failures.push(label);
            }
        }
    }
    assert!(failures.is_empty(), "{target} failed on: {failures:?}");
}

#[test]
fn ingest_text() {
    replay("ingest_text");
}

#[test]
fn feed_decode() {
    replay("feed_decode");
}

#[test]
fn data_file() {
    replay("data_file");
}

#[test]
fn url_state() {
    replay("url_state");
}

#[test]
fn config() {
    replay("config");
}

#[test]
fn catalogue_search() {
    replay("catalogue_search");
}

#[test]
fn every_target_has_a_test_and_a_corpus() {
    assert_eq!(common::TARGETS, ["ingest_text", "feed_decode", "data_file", "url_state", "config", "catalogue_search"]);
    for t in common::TARGETS {
        corpus_files(t);
    }
}
