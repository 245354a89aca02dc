//! Fuzz target `ingest_text`: see `fuzz/common.rs` for what it drives and the invariants it checks.
#![no_main]

#[path = "../common.rs"]
#[allow(dead_code)]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::ingest_text(data));
