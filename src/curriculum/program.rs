//! Simple facts about a student's program, read from its lines (no parsing): enough to
//! award badges, never used to grade.

/// The lines that hold code: trimmed, without blank lines and comment-only lines.
fn statements(code: &str) -> impl Iterator<Item = &str> {
    code.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Whether a line starts with a Python keyword (followed by a space or a bracket).
fn starts_with_keyword(line: &str, keyword: &str) -> bool {
    line.strip_prefix(keyword)
        .is_some_and(|rest| rest.starts_with([' ', '\t', '(']))
}

/// Whether the program has a `for` or `while` loop.
pub fn uses_loop(code: &str) -> bool {
    statements(code).any(|l| starts_with_keyword(l, "for") || starts_with_keyword(l, "while"))
}

/// Whether the program defines a function with `def`.
pub fn defines_function(code: &str) -> bool {
    statements(code).any(|l| starts_with_keyword(l, "def"))
}

/// Whether a line of code is written twice in a row (ignoring indentation), the sign of
/// a repetition a loop could do.
pub fn repeats_a_line(code: &str) -> bool {
    let lines: Vec<&str> = statements(code).collect();
    lines.windows(2).any(|pair| pair[0] == pair[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loops_functions_and_repeated_lines() {
        let looped = "# walk\nfor _ in range(3):\n    move()\n";
        assert!(uses_loop(looped) && !repeats_a_line(looped) && !defines_function(looped));
        assert!(uses_loop("while(not at_goal()):\n    move()\n"));
        assert!(!uses_loop("forward = 1\nwhile_done = True\n# for x in y\n"));
        let repeated = "move()\n\n  move()\nturn_left()\n";
        assert!(repeats_a_line(repeated) && !uses_loop(repeated));
        assert!(!repeats_a_line("move()\n# move()\nturn_left()\nmove()\n"));
        assert!(defines_function("def right():\n    turn_left()\n"));
        assert!(!defines_function("define = 2\n"));
    }
}
