//! Fuzz target: a level file as untrusted text, through the parser, the validator and the
//! variant generator, as `codebot validate level.ron` and the game read it.
//!
//! Beyond "never panics": a level the validator accepts must build all its variants, and
//! building one variant alone (`Level::world`, used when a level opens) must give the
//! same world as building them all (`Level::worlds`, used by grading).

#![no_main]

use codebot::level::Level;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(level) = Level::parse("fuzz.ron", text) else {
        return;
    };
    let problems = level.validate("fuzz.ron", text);
    if !problems.is_empty() {
        return;
    }
    let worlds = level
        .worlds()
        .expect("a level that passed validation builds every variant");
    assert_eq!(worlds.len() as u64, level.seeds().end);
    for (seed, world) in &worlds {
        let alone = level.world(*seed).expect("this variant was built above");
        assert_eq!(&alone, world, "variant {seed} differs when built alone");
    }
});
