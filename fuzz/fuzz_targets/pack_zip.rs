//! Fuzz target: the bytes of a `.zip` pack, read as `codebot install-pack pack.zip` reads
//! it (safe archive reader, then the pack loader): damaged archives, zip bombs, odd
//! names and encodings must end in a diagnostic, never a panic or a runaway allocation.

#![no_main]

use std::io::Cursor;

use codebot::level::Pack;
use codebot::level::archive::{PackLimits, read_zip_from};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = PackLimits::default();
    let Ok(files) = read_zip_from("fuzz.zip", Cursor::new(data), &limits) else {
        return;
    };
    let total: usize = files.files.values().map(String::len).sum();
    assert!(total as u64 <= limits.max_total_bytes);
    assert!(files.files.len() <= limits.max_files as usize);
    let _ = Pack::from_files(&files);
});
