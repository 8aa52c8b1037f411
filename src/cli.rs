//! The `codebot` command line: `check`, `validate` and `list`, as specified in
//! ../shared/notes/design.md. Exit codes: 0 passed/valid, 1 the program failed the
//! level, 2 bad input. No subcommand starts the game.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde_json::{Value, json};

use crate::grade::{self, Failure, Report, Runner};
use crate::i18n::{self, FluentValue, Lang, ids};
use crate::level::{self, Diagnostic, Level, LevelError, LevelProblem, Pack};
use crate::sandbox::Sandbox;

/// Exit code: the program passed, or the level is valid.
pub const EXIT_PASSED: u8 = 0;
/// Exit code: the program failed the level.
pub const EXIT_FAILED: u8 = 1;
/// Exit code: bad input (unreadable level or program, bad arguments).
pub const EXIT_BAD_INPUT: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "codebot",
    version,
    about = "Learn Python by programming a robot. With no command, starts the game."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub game: GameArgs,
}

/// Options of the game window (no subcommand). They also let scripts open a given
/// screen or level and take screenshots.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct GameArgs {
    /// Opens this screen directly: title, profiles, map, level, settings, credits.
    #[arg(long)]
    pub screen: Option<String>,
    /// Opens this level (`pack-id/level-id`).
    #[arg(long)]
    pub level: Option<String>,
    /// Puts this program in the code editor.
    #[arg(long)]
    pub code: Option<PathBuf>,
    /// Runs the program as soon as the level is open.
    #[arg(long)]
    pub run: bool,
    /// Plays as this profile (created if it does not exist).
    #[arg(long)]
    pub profile: Option<String>,
    /// Language of the game (default: the profile's, else the system's).
    #[arg(long = "game-lang")]
    pub lang: Option<Lang>,
    /// Window size, e.g. 1366x768.
    #[arg(long)]
    pub window: Option<String>,
    /// Saves a screenshot of the window to this PNG file, then quits.
    #[arg(long)]
    pub screenshot: Option<PathBuf>,
    /// Seconds to wait before the screenshot (or before quitting).
    #[arg(long)]
    pub after: Option<f32>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs a program on every variant of a level and prints the verdict.
    Check {
        /// A level file (.ron) or `pack-id/level-id` of a built-in pack.
        level: String,
        /// The Python program to check.
        #[arg(required_unless_present = "reference", conflicts_with = "reference")]
        program: Option<PathBuf>,
        /// Checks the level's own reference solution instead of a program file.
        #[arg(long)]
        reference: bool,
        /// Prints one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Adds, per variant, the list of robot actions executed (with --json).
        #[arg(long)]
        trace: bool,
        /// Language of the messages (default: the system's, French or English).
        #[arg(long)]
        lang: Option<Lang>,
    },
    /// Checks a level file or a pack folder: prints `file:line:col: message` per problem.
    Validate {
        path: PathBuf,
        /// Language of the summary line.
        #[arg(long)]
        lang: Option<Lang>,
    },
    /// Lists the packs and levels Codebot knows.
    List {
        /// Prints JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Runs a parsed command and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    let code = match command {
        Command::Check {
            level,
            program,
            reference,
            json,
            trace,
            lang,
        } => check(
            &level,
            program.as_deref(),
            reference,
            json,
            trace,
            lang.unwrap_or_else(Lang::detect),
        ),
        Command::Validate { path, lang } => validate(&path, lang.unwrap_or_else(Lang::detect)),
        Command::List { json } => list(json),
    };
    ExitCode::from(code)
}

fn sandbox() -> Result<Sandbox, String> {
    Sandbox::from_current_exe()
        .map_err(|e| format!("cannot find the codebot executable to start the sandbox: {e}"))
}

fn bad_input(message: &str) -> u8 {
    eprintln!("{message}");
    EXIT_BAD_INPUT
}

fn check(
    spec: &str,
    program: Option<&Path>,
    reference: bool,
    json: bool,
    trace: bool,
    lang: Lang,
) -> u8 {
    let level = match level::resolve_level(spec) {
        Ok(level) => level,
        Err(error) => return bad_input(&level_error_message(lang, spec, &error)),
    };
    let code = match (program, reference) {
        (_, true) => level.solution.clone(),
        (Some(path), false) => match std::fs::read(path) {
            // Bytes that are not UTF-8 are still a program: the student gets a syntax error.
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                let args = [
                    ("path", FluentValue::from(path.display().to_string())),
                    ("reason", e.to_string().into()),
                ];
                return bad_input(&i18n::tr(lang, ids::INPUT_UNREADABLE_PROGRAM, &args));
            }
        },
        (None, false) => return bad_input("codebot check: give a program file or --reference"),
    };
    let runner = match sandbox() {
        Ok(runner) => runner,
        Err(message) => return bad_input(&message),
    };
    let report = match grade::grade(&level, &code, &runner) {
        Ok(report) => report,
        Err(error) => return bad_input(&level_error_message(lang, spec, &error)),
    };
    if json {
        let _ = writeln!(std::io::stdout(), "{}", report_json(&report, lang, trace));
    } else {
        print_report(&report, lang);
    }
    if report.passed {
        EXIT_PASSED
    } else {
        EXIT_FAILED
    }
}

fn level_error_message(lang: Lang, spec: &str, error: &LevelError) -> String {
    match error {
        LevelError::UnknownPack(_) | LevelError::UnknownLevel { .. } | LevelError::BadSpec(_) => {
            i18n::tr(
                lang,
                ids::INPUT_UNKNOWN_LEVEL,
                &[("reference", spec.to_string().into())],
            )
        }
        other => {
            let args = [
                ("path", FluentValue::from(spec.to_string())),
                ("reason", other.to_string().into()),
            ];
            i18n::tr(lang, ids::INPUT_UNREADABLE_LEVEL, &args)
        }
    }
}

/// The message explaining why a variant failed, in the student's language.
pub fn failure_message(lang: Lang, seed: u64, failure: &Failure) -> String {
    match failure {
        Failure::Program(error) => i18n::program_error_message(lang, error),
        Failure::Goal(goal) => i18n::goal_failure_message(lang, goal),
        Failure::NotRun => i18n::tr(
            lang,
            ids::VERDICT_VARIANT_NOT_RUN,
            &[("seed", seed.to_string().into())],
        ),
    }
}

/// The JSON object of the CLI contract.
pub fn report_json(report: &Report, lang: Lang, with_trace: bool) -> Value {
    let variants: Vec<Value> = report
        .variants
        .iter()
        .map(|v| {
            let mut entry = json!({
                "seed": v.seed,
                "passed": v.passed(),
                "actions": v.actions(),
                "reason": v.failure.as_ref().map(|f| failure_message(lang, v.seed, f)),
            });
            if with_trace {
                entry["trace"] = json!(
                    v.trace
                        .as_ref()
                        .map(|t| t.action_names())
                        .unwrap_or_default()
                );
            }
            entry
        })
        .collect();
    let error = report.first_failure().and_then(|v| {
        let failure = v.failure.as_ref()?;
        let line = match failure {
            Failure::Program(e) => e.line,
            _ => None,
        };
        Some(json!({
            "kind": failure.kind()?.as_str(),
            "line": line,
            "message": failure_message(lang, v.seed, failure),
        }))
    });
    json!({
        "passed": report.passed,
        "stars": report.stars,
        "variants": variants,
        "error": error,
        "output": report.output(),
        "lines_of_code": report.lines_of_code,
        "elapsed_ms": report.elapsed_ms,
    })
}

fn print_report(report: &Report, lang: Lang) {
    let mut out = std::io::stdout().lock();
    let output = report.output();
    if !output.is_empty() {
        let _ = write!(out, "{output}");
        if !output.ends_with('\n') {
            let _ = writeln!(out);
        }
        let _ = writeln!(out, "--");
    }
    for variant in &report.variants {
        let seed = FluentValue::from(variant.seed.to_string());
        let line = match &variant.failure {
            None => i18n::tr(
                lang,
                ids::VERDICT_VARIANT_PASSED,
                &[("seed", seed), ("actions", variant.actions().into())],
            ),
            Some(Failure::NotRun) => {
                i18n::tr(lang, ids::VERDICT_VARIANT_NOT_RUN, &[("seed", seed)])
            }
            Some(failure) => {
                let reason = failure_message(lang, variant.seed, failure);
                i18n::tr(
                    lang,
                    ids::VERDICT_VARIANT_FAILED,
                    &[("seed", seed), ("reason", reason.into())],
                )
            }
        };
        let _ = writeln!(out, "  {line}");
    }
    let passed = report.variants.iter().filter(|v| v.passed()).count();
    let summary_args = [
        ("passed", FluentValue::from(passed)),
        ("total", report.variants.len().into()),
    ];
    let _ = writeln!(
        out,
        "{}",
        i18n::tr(lang, ids::VERDICT_VARIANTS_SUMMARY, &summary_args)
    );
    if report.passed {
        let _ = writeln!(
            out,
            "{}",
            i18n::tr(lang, ids::VERDICT_PASSED, &[("stars", report.stars.into())])
        );
        let detail_args = [
            ("lines", FluentValue::from(report.lines_of_code)),
            ("actions", report.max_actions().into()),
        ];
        let _ = writeln!(
            out,
            "{}",
            i18n::tr(lang, ids::VERDICT_STARS_DETAIL, &detail_args)
        );
    } else {
        let _ = writeln!(out, "{}", i18n::tr(lang, ids::VERDICT_FAILED, &[]));
    }
}

fn validate(path: &Path, lang: Lang) -> u8 {
    let mut problems = level::validate_path(path);
    let mut checked = 0;
    if problems.is_empty() {
        let levels = match levels_at(path) {
            Ok(levels) => levels,
            Err(diagnostics) => diagnostics_as_levels(diagnostics, &mut problems),
        };
        match sandbox() {
            Ok(runner) => {
                for (level, text) in &levels {
                    problems.extend(reference_problems(level, text.as_deref(), &runner));
                }
                checked = levels.len();
            }
            Err(message) => return bad_input(&message),
        }
    }
    let mut out = std::io::stdout().lock();
    for problem in &problems {
        let _ = writeln!(out, "{problem}");
    }
    if problems.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            i18n::tr(lang, ids::VERDICT_VALIDATE_OK, &[("count", checked.into())])
        );
        EXIT_PASSED
    } else {
        EXIT_BAD_INPUT
    }
}

fn diagnostics_as_levels(
    diagnostics: Vec<Diagnostic>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(Level, Option<String>)> {
    problems.extend(diagnostics);
    Vec::new()
}

/// The levels at a path that is already known to be valid, with their file text.
fn levels_at(path: &Path) -> Result<Vec<(Level, Option<String>)>, Vec<Diagnostic>> {
    let pack_dir = if path.is_dir() {
        Some(path.to_path_buf())
    } else if path.file_name().is_some_and(|n| n == level::PACK_FILE) {
        Some(path.parent().map(Path::to_path_buf).unwrap_or_default())
    } else {
        None
    };
    match pack_dir {
        Some(dir) => {
            let pack = Pack::load_dir(&dir)?;
            Ok(pack
                .levels()
                .map(|l| (l.clone(), std::fs::read_to_string(&l.file).ok()))
                .collect())
        }
        None => {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| {
                vec![Diagnostic::new(
                    &name,
                    1,
                    1,
                    LevelProblem::Io {
                        message: e.to_string(),
                    },
                )]
            })?;
            let level = Level::parse(&name, &text)?;
            Ok(vec![(level, Some(text))])
        }
    }
}

/// Runs the reference solution of a level: it must pass every variant and earn every star.
pub fn reference_problems(
    level: &Level,
    text: Option<&str>,
    runner: &dyn Runner,
) -> Vec<Diagnostic> {
    let place =
        |problem| Level::field_diagnostic(&level.file, text.unwrap_or(""), "solution", problem);
    let report = match grade::grade_reference(level, runner) {
        Ok(report) => report,
        Err(error) => {
            return vec![place(LevelProblem::SolutionFails {
                seed: None,
                reason: error.to_string(),
            })];
        }
    };
    if let Some(failed) = report.first_failure() {
        let reason = failed
            .failure
            .as_ref()
            .map(|f| failure_message(Lang::En, failed.seed, f))
            .unwrap_or_default();
        return vec![place(LevelProblem::SolutionFails {
            seed: Some(failed.seed),
            reason,
        })];
    }
    if report.stars < 3 {
        let reason = format!(
            "it earns {} stars of 3 ({} lines of code, up to {} actions): loosen the star targets or shorten it",
            report.stars,
            report.lines_of_code,
            report.max_actions()
        );
        return vec![place(LevelProblem::SolutionFails { seed: None, reason })];
    }
    Vec::new()
}

fn list(json: bool) -> u8 {
    let packs = match level::builtin_packs() {
        Ok(packs) => packs,
        Err(diagnostics) => {
            for d in diagnostics {
                eprintln!("{d}");
            }
            return EXIT_BAD_INPUT;
        }
    };
    let mut out = std::io::stdout().lock();
    if json {
        let packs: Vec<Value> = packs
            .iter()
            .map(|pack| {
                let chapters: Vec<Value> = pack
                    .chapters
                    .iter()
                    .map(|chapter| {
                        let levels: Vec<Value> = chapter
                            .levels
                            .iter()
                            .map(|l| {
                                json!({
                                    "id": l.id,
                                    "ref": format!("{}/{}", pack.id, l.id),
                                    "title": l.title,
                                    "variants": l.seeds().count(),
                                })
                            })
                            .collect();
                        json!({"id": chapter.id, "title": chapter.title, "levels": levels})
                    })
                    .collect();
                json!({"id": pack.id, "title": pack.title, "chapters": chapters})
            })
            .collect();
        let _ = writeln!(out, "{}", json!({ "packs": packs }));
    } else {
        let french = Lang::detect() == Lang::Fr;
        for pack in &packs {
            let _ = writeln!(out, "{} — {}", pack.id, pack.title.in_lang(french));
            for chapter in &pack.chapters {
                let _ = writeln!(out, "  {} — {}", chapter.id, chapter.title.in_lang(french));
                for l in &chapter.levels {
                    let _ = writeln!(
                        out,
                        "    {}/{} — {} ({})",
                        pack.id,
                        l.id,
                        l.title.in_lang(french),
                        l.seeds().count()
                    );
                }
            }
        }
    }
    EXIT_PASSED
}
