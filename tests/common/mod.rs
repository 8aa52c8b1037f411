//! Fixtures shared by the teacher tests (`tests/teacher.rs`, `tests/game_teacher.rs`):
//! a small corridor level with three variants, its solution, and a `pack.ron` around
//! levels made from it.
#![allow(dead_code)] // Each test file uses its own part.

/// A corridor whose length changes with the variant: only a loop passes every variant.
pub const CORRIDOR: &str = include_str!("../fixtures/corridor.ron");

/// The corridor's solution: passes every variant with three stars.
pub const CORRIDOR_CODE: &str = "while not at_goal():\n    move()\n";

/// The corridor level under another id.
pub fn level_text(id: &str) -> String {
    CORRIDOR.replacen("id: \"couloir\"", &format!("id: \"{id}\""), 1)
}

/// A `pack.ron` for pack `id`: one chapter of `levels`, then `extra` lines.
pub fn pack_ron(id: &str, levels: &[&str], extra: &str) -> String {
    let levels: Vec<String> = levels.iter().map(|l| format!("\"{l}\"")).collect();
    format!(
        "(\n  id: \"{id}\",\n  title: (fr: \"Ma classe\", en: \"My class\"),\n  chapters: [\n    (id: \"c1\", title: (fr: \"Un\", en: \"One\"), levels: [{}]),\n  ],\n{extra})\n",
        levels.join(", ")
    )
}
