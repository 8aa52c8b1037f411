//! The `codebot` command line: `check`, `validate` and `list`, as specified in
//! ../shared/notes/design.md, and the teacher's commands (`install-pack`, `remove-pack`,
//! `export-progress`, `report`, `grade`; see docs/teachers.md). Exit codes: 0
//! passed/valid/done, 1 the program failed the level, 2 bad input. No subcommand starts
//! the game.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde_json::{Value, json};

use crate::grade::{self, Failure, Report, Runner};
use crate::i18n::{self, FluentValue, Lang, ids};
use crate::level::{self, Diagnostic, Level, LevelError, LevelProblem, Library, Pack, PackError};
#[cfg(not(target_arch = "wasm32"))]
use crate::sandbox::Sandbox;
use crate::teacher::{self, ClassReport, ProgressExport};

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
    /// Opens this screen directly: title, profiles, map, level, settings, credits,
    /// careers, teacher, editor.
    #[arg(long)]
    pub screen: Option<String>,
    /// Opens this level (`pack-id/level-id`).
    #[arg(long)]
    pub level: Option<String>,
    /// Opens the level editor on this level: a `.ron` file or `pack-id/level-id`
    /// (with --run, its reference solution is tested at once).
    #[arg(long)]
    pub edit: Option<String>,
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
    /// Installs this pack (a folder or a .zip) into the pack library, then shows it.
    #[arg(long)]
    pub pack: Option<PathBuf>,
    /// Graphics: auto (the best card found, Vulkan or OpenGL), vulkan, or gl (OpenGL,
    /// for old graphics cards). Also the environment variable CODEBOT_BACKEND.
    #[arg(long, value_enum)]
    pub backend: Option<GraphicsBackend>,
    /// Writes the game's icon (a 256×256 PNG) to this file and quits, without a window
    /// (used by scripts/package.sh).
    #[arg(long, hide = true, value_name = "PNG")]
    pub write_icon: Option<PathBuf>,
}

/// The graphics backend of the game window (`--backend`, `CODEBOT_BACKEND`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphicsBackend {
    /// The best graphics card found, through Vulkan (DirectX 12, Metal) or OpenGL.
    #[default]
    Auto,
    /// Vulkan only.
    Vulkan,
    /// OpenGL only (GLES through EGL, or WGL on Windows): for old graphics cards.
    Gl,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs a program on every variant of a level and prints the verdict.
    Check {
        /// A level file (.ron) or `pack-id/level-id` of a built-in or installed pack.
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
    /// Checks a level file, a pack folder or a pack zip: prints `file:line:col: message`
    /// per problem. Runs every level's reference solution unless --no-run.
    Validate {
        path: PathBuf,
        /// Language of the summary line.
        #[arg(long)]
        lang: Option<Lang>,
        /// Static checks only: does not run the reference solutions.
        #[arg(long)]
        no_run: bool,
    },
    /// Lists the packs and levels Codebot knows: built-in and installed.
    List {
        /// Prints JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Installs a pack (a folder or a .zip) into the pack library of the data folder.
    InstallPack {
        /// The pack folder, its pack.ron, or a .zip of it.
        path: PathBuf,
        /// Replaces an installed pack with the same id.
        #[arg(long)]
        replace: bool,
    },
    /// Removes an installed pack (students' progress on it is kept).
    RemovePack {
        /// The pack's id.
        id: String,
    },
    /// Writes a student's progress to a file for the teacher.
    ExportProgress {
        /// The profile's name or id.
        #[arg(long)]
        profile: String,
        /// Only this pack's levels (default: every level played).
        #[arg(long)]
        pack: Option<String>,
        /// The file to write (default: `<profile-id>-<pack>.progress.json` here).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Merges students' progress files into a table of students × levels.
    Report {
        /// Progress files, or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also writes the table as CSV (one row per student and level).
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Language of the table.
        #[arg(long)]
        lang: Option<Lang>,
    },
    /// Grades exam submissions: runs each student's code on every variant.
    Grade {
        /// The exam pack: a folder, a .zip, or the id of an installed pack.
        pack: String,
        /// Submission files, or folders of them.
        #[arg(required = true)]
        submissions: Vec<PathBuf>,
        /// Also writes the results as CSV (one row per student and level).
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Language of the results.
        #[arg(long)]
        lang: Option<Lang>,
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
        Command::Validate { path, lang, no_run } => {
            validate(&path, lang.unwrap_or_else(Lang::detect), !no_run)
        }
        Command::List { json } => list(json),
        Command::InstallPack { path, replace } => install_pack(&path, replace),
        Command::RemovePack { id } => remove_pack(&id),
        Command::ExportProgress {
            profile,
            pack,
            output,
        } => export_progress(&profile, pack.as_deref(), output.as_deref()),
        Command::Report { paths, csv, lang } => {
            report(&paths, csv.as_deref(), lang.unwrap_or_else(Lang::detect))
        }
        Command::Grade {
            pack,
            submissions,
            csv,
            lang,
        } => grade_exam(
            &pack,
            &submissions,
            csv.as_deref(),
            lang.unwrap_or_else(Lang::detect),
        ),
    };
    ExitCode::from(code)
}

#[cfg(not(target_arch = "wasm32"))]
fn sandbox() -> Result<Sandbox, String> {
    Sandbox::from_current_exe()
        .map_err(|e| format!("cannot find the codebot executable to start the sandbox: {e}"))
}

/// The browser build has no command line to run (only `GameArgs` is read there) and no
/// worker process.
#[cfg(target_arch = "wasm32")]
fn sandbox() -> Result<grade::InProcess, String> {
    Err("the command line does not run in a browser".to_owned())
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

fn validate(path: &Path, lang: Lang, run_solutions: bool) -> u8 {
    let mut problems = level::validate_path(path);
    let mut checked = 0;
    if problems.is_empty() && !run_solutions {
        checked = levels_at(path).map_or(0, |levels| levels.len());
    } else if problems.is_empty() {
        let levels = match levels_at(path) {
            Ok(levels) => levels,
            Err(diagnostics) => diagnostics_as_levels(diagnostics, &mut problems),
        };
        match sandbox() {
            Ok(runner) => {
                problems.extend(all_reference_problems(&levels, &runner));
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

/// Runs the reference solutions of levels, several at once (each run is its own worker
/// process), and returns the problems in the levels' order.
fn all_reference_problems(
    levels: &[(Level, Option<String>)],
    runner: &(dyn Runner + Sync),
) -> Vec<Diagnostic> {
    teacher::parallel_map(levels, |(level, text)| {
        reference_problems(level, text.as_deref(), runner)
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The levels at a path that is already known to be valid, with their file text. Levels a
/// pack borrows from a built-in pack are left out: the built-in pack's own tests run them.
fn levels_at(path: &Path) -> Result<Vec<(Level, Option<String>)>, Vec<Diagnostic>> {
    let is_pack = path.is_dir()
        || level::archive::is_zip(path)
        || path.file_name().is_some_and(|n| n == level::PACK_FILE);
    match is_pack {
        true => {
            let files =
                level::archive::read_pack_files(path, &Default::default()).map_err(|d| vec![d])?;
            let pack = Pack::from_files(&files)?;
            let texts: std::collections::BTreeMap<String, &String> = files
                .files
                .iter()
                .map(|(relative, text)| (files.display_name(relative), text))
                .collect();
            Ok(pack
                .levels()
                .filter(|l| !pack.borrowed.contains_key(&l.id))
                .map(|l| (l.clone(), texts.get(&l.file).map(|t| t.to_string())))
                .collect())
        }
        false => {
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
    solution_problems(level, text, grade::grade_reference(level, runner))
}

/// The problems of a level's reference solution, from its grading (`reference_problems`;
/// the level editor keeps the report to suggest star targets).
pub fn solution_problems(
    level: &Level,
    text: Option<&str>,
    graded: Result<Report, LevelError>,
) -> Vec<Diagnostic> {
    let place =
        |problem| Level::field_diagnostic(&level.file, text.unwrap_or(""), "solution", problem);
    let report = match graded {
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
    let mut packs = match level::builtin_packs() {
        Ok(packs) => packs,
        Err(diagnostics) => {
            for d in diagnostics {
                eprintln!("{d}");
            }
            return EXIT_BAD_INPUT;
        }
    };
    // Installed packs follow the built-in ones; a broken one is reported, not listed.
    if let Ok(root) = Library::default_root() {
        match Library::at(root).entries() {
            Ok(entries) => {
                for entry in entries {
                    match entry.pack {
                        Ok(pack) => packs.push(pack),
                        Err(diagnostics) => {
                            eprintln!(
                                "installed pack `{}` cannot be used any more ({}):",
                                entry.id,
                                entry.dir.display()
                            );
                            for d in diagnostics {
                                eprintln!("  {d}");
                            }
                        }
                    }
                }
            }
            Err(error) => eprintln!("{error}"),
        }
    }
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

// --- teacher commands -------------------------------------------------------------

fn open_library() -> Result<Library, u8> {
    Library::open_default().map_err(|e| bad_input(&e.to_string()))
}

fn install_pack(path: &Path, replace: bool) -> u8 {
    let library = match open_library() {
        Ok(library) => library,
        Err(code) => return code,
    };
    match library.install_with(path, replace) {
        Ok(pack) => {
            let levels = pack.levels().count();
            let exam = if pack.is_exam() { " (exam)" } else { "" };
            println!(
                "installed pack `{}`{exam}: {levels} levels, in {}",
                pack.id,
                library.root().join(&pack.id).display()
            );
            println!(
                "tip: `codebot validate {}` also runs every reference solution",
                path.display()
            );
            EXIT_PASSED
        }
        Err(error) => {
            let diagnostics = error.diagnostics();
            if diagnostics.is_empty() {
                eprintln!("{error}");
            } else {
                for d in diagnostics {
                    eprintln!("{d}");
                }
            }
            eprintln!("the pack was not installed; the library is unchanged");
            EXIT_BAD_INPUT
        }
    }
}

fn remove_pack(id: &str) -> u8 {
    let library = match open_library() {
        Ok(library) => library,
        Err(code) => return code,
    };
    match library.remove(id) {
        Ok(()) => {
            println!("removed pack `{id}` (students' progress on it is kept)");
            EXIT_PASSED
        }
        Err(error) => bad_input(&error.to_string()),
    }
}

fn export_progress(wanted: &str, pack: Option<&str>, output: Option<&Path>) -> u8 {
    let store = match crate::progress::Store::open_default() {
        Ok(store) => store,
        Err(e) => return bad_input(&teacher::TeacherError::Profiles(e.to_string()).to_string()),
    };
    let summaries = match store.list_profiles() {
        Ok(list) => list,
        Err(e) => return bad_input(&teacher::TeacherError::Profiles(e.to_string()).to_string()),
    };
    let key = crate::progress::name_key(wanted);
    let Some(found) = summaries.iter().find(|s| s.id == wanted).or_else(|| {
        summaries
            .iter()
            .find(|s| crate::progress::name_key(&s.name) == key)
    }) else {
        return bad_input(&teacher::TeacherError::UnknownProfile(wanted.to_string()).to_string());
    };
    let profile = match store.load_profile(&found.id) {
        Ok(loaded) => loaded.value,
        Err(e) => return bad_input(&teacher::TeacherError::Profiles(e.to_string()).to_string()),
    };
    let export = ProgressExport::from_profile(&profile, pack);
    let path = output.map_or_else(|| PathBuf::from(export.file_name()), Path::to_path_buf);
    match teacher::write_progress(&path, &export) {
        Ok(()) => {
            println!(
                "{}: {} levels written to {}",
                export.student,
                export.levels.len(),
                path.display()
            );
            EXIT_PASSED
        }
        Err(e) => bad_input(&e.to_string()),
    }
}

/// Every pack known here (built-in, then installed), to order report columns.
fn known_packs() -> Vec<Pack> {
    let mut packs = level::builtin_packs().unwrap_or_default();
    if let Ok(root) = Library::default_root() {
        packs.extend(Library::at(root).packs().unwrap_or_default());
    }
    packs
}

fn write_csv(path: &Path, text: &str) -> Result<(), u8> {
    std::fs::write(path, text)
        .map(|()| eprintln!("CSV written to {}", path.display()))
        .map_err(|e| bad_input(&format!("cannot write {}: {e}", path.display())))
}

fn print_issues(issues: &[teacher::FileIssue], lang: Lang) {
    if issues.is_empty() {
        return;
    }
    let title = match lang {
        Lang::Fr => "Fichiers ignorés ou remarques :",
        Lang::En => "Files skipped, and remarks:",
    };
    eprintln!("{title}");
    for issue in issues {
        eprintln!("  {}: {}", issue.path, issue.problem);
    }
}

fn report(paths: &[PathBuf], csv: Option<&Path>, lang: Lang) -> u8 {
    let mut report = ClassReport::load(paths);
    report.order_levels(&known_packs());
    print_table(
        &report.to_text(lang),
        &report.issues,
        csv.map(|path| (path, report.to_csv())),
        report.students.is_empty(),
        lang,
    )
}

/// Prints a class table and the files it could not use, writes its CSV when asked, and
/// gives the exit code: bad input when no student could be read.
fn print_table(
    text: &str,
    issues: &[teacher::FileIssue],
    csv: Option<(&Path, String)>,
    no_students: bool,
    lang: Lang,
) -> u8 {
    let _ = write!(std::io::stdout(), "{text}");
    print_issues(issues, lang);
    if let Some((path, content)) = csv
        && let Err(code) = write_csv(path, &content)
    {
        return code;
    }
    if no_students {
        EXIT_BAD_INPUT
    } else {
        EXIT_PASSED
    }
}

/// The exam pack: a folder or zip on disk, else an installed or built-in pack's id.
fn exam_pack(spec: &str) -> Result<Pack, PackError> {
    let path = Path::new(spec);
    if path.exists() {
        return level::load_pack(path);
    }
    if let Some(pack) = level::builtin_pack(spec) {
        return Ok(pack);
    }
    Library::at(Library::default_root()?).pack(spec)
}

fn grade_exam(pack: &str, submissions: &[PathBuf], csv: Option<&Path>, lang: Lang) -> u8 {
    let pack = match exam_pack(pack) {
        Ok(pack) => pack,
        Err(error) => {
            let diagnostics = error.diagnostics();
            if diagnostics.is_empty() {
                eprintln!("{error}");
            } else {
                for d in diagnostics {
                    eprintln!("{d}");
                }
            }
            return EXIT_BAD_INPUT;
        }
    };
    let runner = match sandbox() {
        Ok(runner) => runner,
        Err(message) => return bad_input(&message),
    };
    let results = teacher::grade_files(&pack, submissions, &runner, lang);
    print_table(
        &results.to_text(lang),
        &results.issues,
        csv.map(|path| (path, results.to_csv())),
        results.students.is_empty(),
        lang,
    )
}
