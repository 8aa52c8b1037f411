//! The command-line contract (../shared/notes/design.md): exit codes, JSON fields, and
//! `file:line:col` diagnostics, checked by running the real `codebot` executable.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn codebot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codebot"))
        .args(args)
        .output()
        .expect("codebot runs")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn check_json(level: &str, code: &str, extra: &[&str]) -> (i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    let program = write(dir.path(), "student.py", code);
    let mut args = vec!["check", level, &program, "--json", "--lang", "en"];
    args.extend_from_slice(extra);
    let out = codebot(&args);
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), json)
}

const CORRIDOR: &str = "codebot/premiers-pas-02";

#[test]
fn a_passing_program_exits_0_with_the_documented_fields() {
    let (code, json) = check_json(CORRIDOR, "while not at_goal():\n    move()\n", &[]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["passed"], true);
    assert_eq!(json["stars"], 3);
    assert!(json["error"].is_null());
    assert_eq!(json["lines_of_code"], 2);
    assert!(json["elapsed_ms"].is_u64());
    assert!(json["output"].is_string());
    let variants = json["variants"].as_array().unwrap();
    assert!(variants.len() >= 3);
    for v in variants {
        assert_eq!(v["passed"], true);
        assert!(v["seed"].is_u64());
        assert!(v["actions"].as_u64().unwrap() > 0);
        assert!(v["reason"].is_null());
        assert!(v.get("trace").is_none(), "trace only with --trace");
    }
}

#[test]
fn french_names_work_the_same() {
    let (code, json) = check_json(CORRIDOR, "while not arrivee():\n    avancer()\n", &[]);
    assert_eq!(code, 0, "{json}");
}

#[test]
fn trace_lists_the_actions_of_each_variant() {
    let (_, json) = check_json(CORRIDOR, "while not at_goal():\n    move()\n", &["--trace"]);
    for v in json["variants"].as_array().unwrap() {
        let trace = v["trace"].as_array().unwrap();
        assert_eq!(trace.len() as u64, v["actions"].as_u64().unwrap());
        assert!(trace.iter().all(|a| a == "move"));
    }
}

#[test]
fn a_hard_coded_program_fails_another_variant_with_exit_1() {
    let (_, reference) = check_json(CORRIDOR, "while not at_goal():\n    move()\n", &["--trace"]);
    let moves = reference["variants"][0]["actions"].as_u64().unwrap() as usize;
    let (code, json) = check_json(CORRIDOR, &"move()\n".repeat(moves), &[]);
    assert_eq!(code, 1);
    assert_eq!(json["passed"], false);
    assert_eq!(json["stars"], 0);
    assert_eq!(json["variants"][0]["passed"], true);
    let kind = json["error"]["kind"].as_str().unwrap();
    assert!(kind == "goal_not_met" || kind == "runtime", "{json}");
    assert!(
        json["variants"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["reason"].is_string())
    );
}

#[test]
fn a_syntax_error_points_at_its_line() {
    let (code, json) = check_json(CORRIDOR, "move()\nwhile not at_goal()\n    move()\n", &[]);
    assert_eq!(code, 1);
    assert_eq!(json["error"]["kind"], "syntax");
    assert_eq!(json["error"]["line"], 2);
    assert!(
        json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Line 2")
    );
}

#[test]
fn an_endless_loop_is_a_timeout_not_a_hang() {
    let (code, json) = check_json(CORRIDOR, "while True:\n    pass\n", &[]);
    assert_eq!(code, 1);
    assert_eq!(json["error"]["kind"], "timeout");
    assert_eq!(json["error"]["line"], 1);
}

#[test]
fn messages_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let program = write(dir.path(), "p.py", "while True:\n    move()\n");
    let fr = codebot(&["check", CORRIDOR, &program, "--json", "--lang", "fr"]);
    let json: Value = serde_json::from_slice(&fr.stdout).unwrap();
    assert_eq!(json["error"]["kind"], "runtime");
    assert!(
        json["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Ligne 2"),
        "{json}"
    );
}

#[test]
fn output_is_reported() {
    let (code, json) = check_json("codebot/messages-01", "print('hello')\n", &[]);
    assert_eq!(code, 1);
    assert_eq!(json["output"], "hello\n");
    assert_eq!(json["error"]["kind"], "goal_not_met");
}

#[test]
fn the_reference_solution_of_every_built_in_level_passes() {
    let list = codebot(&["list", "--json"]);
    let json: Value = serde_json::from_slice(&list.stdout).unwrap();
    let mut count = 0;
    for pack in json["packs"].as_array().unwrap() {
        for chapter in pack["chapters"].as_array().unwrap() {
            for level in chapter["levels"].as_array().unwrap() {
                let reference = level["ref"].as_str().unwrap();
                let out = codebot(&["check", reference, "--reference", "--json"]);
                let verdict: Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(out.status.code(), Some(0), "{reference}: {verdict}");
                assert_eq!(verdict["stars"], 3, "{reference}");
                count += 1;
            }
        }
    }
    assert!(count >= 6);
}

#[test]
fn bad_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let program = write(dir.path(), "p.py", "move()\n");
    assert_eq!(
        codebot(&["check", "codebot/no-such-level", &program])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(codebot(&["check", "nope", &program]).status.code(), Some(2));
    assert_eq!(
        codebot(&["check", CORRIDOR, "missing.py"]).status.code(),
        Some(2)
    );
    assert_eq!(codebot(&["check", CORRIDOR]).status.code(), Some(2));
    assert_eq!(codebot(&["frobnicate"]).status.code(), Some(2));
    let broken = write(dir.path(), "broken.ron", "(id: \"x\", title: ");
    assert_eq!(
        codebot(&["check", &broken, &program]).status.code(),
        Some(2)
    );
}

#[test]
fn binary_garbage_program_gets_a_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.py");
    std::fs::write(&path, [0u8, 159, 146, 150, 255, 10, 40, 40]).unwrap();
    let out = codebot(&["check", CORRIDOR, path.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["error"]["kind"], "syntax");
}

#[test]
fn validate_accepts_the_built_in_pack() {
    let out = codebot(&[
        "validate",
        concat!(env!("CARGO_MANIFEST_DIR"), "/levels/codebot"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn validate_reports_file_line_col_for_each_problem() {
    let dir = tempfile::tempdir().unwrap();
    let level = r#"(
    id: "broken",
    title: (fr: "Cassé", en: "Broken"),
    brief: (fr: "Un niveau cassé.", en: "A broken level."),
    map: "
      #####
      #.Q.#
      #####
    ",
    goals: [ReachGoal],
    allowed: ["move", "fly"],
    solution: "move()\n",
)"#;
    let path = write(dir.path(), "broken.ron", level);
    let out = codebot(&["validate", &path]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 3, "{text}");
    for line in &lines {
        let mut parts = line.splitn(4, ':');
        assert!(parts.next().unwrap().ends_with("broken.ron"), "{line}");
        assert!(parts.next().unwrap().parse::<u32>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<u32>().is_ok(), "{line}");
    }
    // The unknown map character 'Q' is on file line 7, column 9.
    assert!(text.contains("broken.ron:7:9:"), "{text}");
    assert!(text.contains("fly"), "{text}");
}

#[test]
fn validate_runs_the_reference_solution() {
    let dir = tempfile::tempdir().unwrap();
    let level = r#"(
    id: "wrong-solution",
    title: (fr: "Faux", en: "Wrong"),
    brief: (fr: "Va au but.", en: "Reach the goal."),
    map: "
      #####
      #>.G#
      #####
    ",
    goals: [ReachGoal],
    allowed: ["move"],
    solution: "move()\n",
)"#;
    let path = write(dir.path(), "wrong.ron", level);
    let out = codebot(&["validate", &path]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("wrong.ron:12:"),
        "the solution field is on line 12: {text}"
    );
}

#[test]
fn list_json_has_the_documented_shape() {
    let out = codebot(&["list", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let pack = &json["packs"][0];
    assert_eq!(pack["id"], "codebot");
    assert!(pack["title"]["fr"].is_string() && pack["title"]["en"].is_string());
    let level = &pack["chapters"][0]["levels"][0];
    assert!(level["id"].is_string());
    assert_eq!(
        level["ref"].as_str().unwrap(),
        format!("codebot/{}", level["id"].as_str().unwrap())
    );
    assert!(level["variants"].as_u64().unwrap() >= 1);
    assert!(level["title"]["en"].is_string());
}
