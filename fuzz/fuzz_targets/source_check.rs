//! Fuzz target: any text as a student's program, through the checks run before it
//! (size, nesting, syntax errors explained for beginners, the walk refusing imports and
//! internals), on a thread with the sandbox's own stack size, as in `run_program`.
//! Bytes that are not UTF-8 are read as `codebot check` reads them (lossily).
//!
//! Beyond "never panics": a refusal points at a line and column of the program.

#![no_main]

use codebot::sandbox::python::PYTHON_STACK_BYTES;
use codebot::sandbox::source_check;
use libfuzzer_sys::fuzz_target;

fn check(source: &str) {
    let result = source_check::check(source);
    let _ = source_check::format_field_reaches_internals(source);
    let Err(error) = result else {
        return;
    };
    let Some(line) = error.line else {
        return;
    };
    let lines = source.split('\n').count() as u32;
    assert!(
        (1..=lines).contains(&line),
        "{error:?} points at line {line} of {lines}"
    );
    if let Some(column) = error.column {
        let width = source.split('\n').nth(line as usize - 1).unwrap_or("");
        let width = width.chars().count() as u32;
        assert!(
            (1..=width + 1).contains(&column),
            "{error:?} points at column {column} of a line of {width} characters"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data).into_owned();
    std::thread::Builder::new()
        .stack_size(PYTHON_STACK_BYTES)
        .spawn(move || check(&source))
        .expect("a checking thread")
        .join()
        .expect("the checks never panic");
});
