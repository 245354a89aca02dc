//! Fuzz target `data_file`: see `fuzz/common.rs` for what it drives and the invariants it checks.
#![no_main]

#[path = "../common.rs"]
#[allow(dead_code)]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::data_file(data));
