//! Grading an exam: every submitted program is run again, in the sandbox, on every
//! variant of its level. Only the code counts. A hostile or broken program is a failed
//! level; a missing level is "not answered"; an unreadable or foreign file is reported
//! and the others are graded.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::csv::Csv;
use super::files::{FileIssue, collect_files};
use super::parallel::parallel_map;
use super::report::short;
use super::submission::{Submission, read_submission};
use crate::grade::{self, Runner};
use crate::i18n::Lang;
use crate::level::Pack;
use crate::progress::name_key;

/// The result of one level of one submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelGrade {
    /// The level's id in the pack.
    pub level: String,
    pub outcome: GradeOutcome,
}

/// What happened to one level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GradeOutcome {
    /// No code (or only blanks) for this level.
    Missing,
    /// The program was run on every variant.
    Graded {
        passed: bool,
        stars: u8,
        variants_passed: u32,
        variants: u32,
        /// As in `check --json`: `syntax`, `runtime`, `forbidden`, `timeout`... or
        /// `None` when passed.
        kind: Option<String>,
        /// Why the first failed variant failed, in the teacher's language.
        reason: Option<String>,
    },
    /// The level itself could not be played (its variants cannot be built).
    LevelError(String),
}

impl GradeOutcome {
    pub fn passed(&self) -> bool {
        matches!(self, GradeOutcome::Graded { passed: true, .. })
    }

    pub fn stars(&self) -> u8 {
        match self {
            GradeOutcome::Graded { stars, .. } => *stars,
            _ => 0,
        }
    }
}

/// One student's graded exam.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GradedSubmission {
    pub student: String,
    pub profile_id: String,
    /// The file it was read from.
    pub file: String,
    pub submitted_at: u64,
    /// One per level of the pack, in playing order.
    pub levels: Vec<LevelGrade>,
}

impl GradedSubmission {
    pub fn levels_passed(&self) -> u32 {
        self.levels.iter().filter(|l| l.outcome.passed()).count() as u32
    }

    pub fn total_stars(&self) -> u32 {
        self.levels
            .iter()
            .map(|l| u32::from(l.outcome.stars()))
            .sum()
    }
}

/// A graded exam for a class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExamResults {
    pub pack: String,
    /// The pack's level ids, in playing order.
    pub levels: Vec<String>,
    /// Sorted by name.
    pub students: Vec<GradedSubmission>,
    /// Files not graded (unreadable, another pack, an older copy of a submission).
    pub issues: Vec<FileIssue>,
}

/// Grades one submission against a pack (which the caller checked it is for).
pub fn grade_submission(
    pack: &Pack,
    submission: &Submission,
    runner: &(dyn Runner + Sync),
    lang: Lang,
) -> Vec<LevelGrade> {
    grade_all(pack, std::slice::from_ref(submission), runner, lang)
        .pop()
        .unwrap_or_default()
}

/// Grades submission files (and folders of them) against a pack.
pub fn grade_files(
    pack: &Pack,
    paths: &[PathBuf],
    runner: &(dyn Runner + Sync),
    lang: Lang,
) -> ExamResults {
    let (files, mut issues) = collect_files(paths);
    // The latest submission of each student.
    let mut kept: Vec<(Submission, String)> = Vec::new();
    for file in files {
        let shown = file.display().to_string();
        let submission = match read_submission(&file) {
            Ok(s) => s,
            Err(error) => {
                issues.push(FileIssue::new(shown, error.to_string()));
                continue;
            }
        };
        if submission.pack != pack.id {
            issues.push(FileIssue::new(
                shown,
                format!(
                    "this submission is for pack `{}`, not `{}`: not graded",
                    submission.pack, pack.id
                ),
            ));
            continue;
        }
        match kept
            .iter_mut()
            .find(|(s, _)| s.profile_id == submission.profile_id)
        {
            None => kept.push((submission, shown)),
            Some(other) => {
                let newer = submission.submitted_at > other.0.submitted_at;
                let (old_file, new) = if newer {
                    (std::mem::replace(other, (submission, shown)).1, &other.1)
                } else {
                    (shown, &other.1)
                };
                issues.push(FileIssue::new(
                    old_file,
                    format!("an older submission of the same student ({new} is graded)"),
                ));
            }
        }
    }
    kept.sort_by_cached_key(|(s, _)| (name_key(&s.student), s.profile_id.clone()));
    let submissions: Vec<Submission> = kept.iter().map(|(s, _)| s.clone()).collect();
    let grades = grade_all(pack, &submissions, runner, lang);
    let students = kept
        .into_iter()
        .zip(grades)
        .map(|((s, file), levels)| GradedSubmission {
            student: s.student,
            profile_id: s.profile_id,
            file,
            submitted_at: s.submitted_at,
            levels,
        })
        .collect();
    ExamResults {
        pack: pack.id.clone(),
        levels: pack.levels().map(|l| l.id.clone()).collect(),
        students,
        issues,
    }
}

/// Runs every (submission, level) pair, several at once.
fn grade_all(
    pack: &Pack,
    submissions: &[Submission],
    runner: &(dyn Runner + Sync),
    lang: Lang,
) -> Vec<Vec<LevelGrade>> {
    let levels: Vec<_> = pack.levels().collect();
    let jobs: Vec<(usize, usize)> = (0..submissions.len())
        .flat_map(|s| (0..levels.len()).map(move |l| (s, l)))
        .collect();
    let mut outcomes = parallel_map(&jobs, |&(s, l)| {
        grade_one(levels[l], submissions[s].code(&levels[l].id), runner, lang)
    })
    .into_iter();
    submissions
        .iter()
        .map(|_| {
            levels
                .iter()
                .map(|level| LevelGrade {
                    level: level.id.clone(),
                    outcome: outcomes.next().unwrap_or(GradeOutcome::Missing),
                })
                .collect()
        })
        .collect()
}

fn grade_one(
    level: &crate::level::Level,
    code: Option<&str>,
    runner: &dyn Runner,
    lang: Lang,
) -> GradeOutcome {
    let Some(code) = code else {
        return GradeOutcome::Missing;
    };
    match grade::grade(level, code, runner) {
        Err(error) => GradeOutcome::LevelError(error.to_string()),
        Ok(report) => {
            let failed = report.first_failure();
            GradeOutcome::Graded {
                passed: report.passed,
                stars: report.stars,
                variants_passed: report.variants.iter().filter(|v| v.passed()).count() as u32,
                variants: report.variants.len() as u32,
                kind: failed
                    .and_then(|v| v.failure.as_ref())
                    .and_then(|f| f.kind())
                    .map(|k| k.as_str().to_string()),
                reason: failed.and_then(|v| {
                    v.failure
                        .as_ref()
                        .map(|f| crate::cli::failure_message(lang, v.seed, f))
                }),
            }
        }
    }
}

impl ExamResults {
    /// The most stars a submission can earn.
    pub fn max_stars(&self) -> u32 {
        self.levels.len() as u32 * u32::from(crate::progress::MAX_STARS)
    }

    /// A table (students × levels) then each failed level's reason.
    pub fn to_text(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let t = |f: &'static str, e: &'static str| if fr { f } else { e };
        let mut out = String::new();
        let _ = writeln!(out, "{} {}", t("Examen", "Exam"), self.pack);
        let names: Vec<String> = self
            .students
            .iter()
            .map(|s| short(&s.student, 24))
            .collect();
        let name_width = names
            .iter()
            .map(|n| n.chars().count())
            .chain([t("Élève", "Student").chars().count()])
            .max()
            .unwrap_or(8);
        let width = self.levels.len().to_string().len() + 1;
        let width = width.max(3);
        let pad = |text: &str, w: usize| {
            let n = text.chars().count();
            format!("{text}{}", " ".repeat(w.saturating_sub(n)))
        };
        let mut header = pad(t("Élève", "Student"), name_width);
        for i in 1..=self.levels.len() {
            let _ = write!(header, " | {}", pad(&format!("#{i}"), width));
        }
        let _ = write!(header, " | {}", t("réussis ★", "passed ★"));
        let _ = writeln!(out, "{header}");
        let _ = writeln!(out, "{}", "-".repeat(header.chars().count()));
        for (student, name) in self.students.iter().zip(&names) {
            let mut line = pad(name, name_width);
            for level in &student.levels {
                let cell = match &level.outcome {
                    GradeOutcome::Missing => "-".to_string(),
                    GradeOutcome::Graded {
                        passed: true,
                        stars,
                        ..
                    } => format!("✓{stars}"),
                    GradeOutcome::Graded { .. } => "✗".to_string(),
                    GradeOutcome::LevelError(_) => "!".to_string(),
                };
                let _ = write!(line, " | {}", pad(&cell, width));
            }
            let _ = write!(
                line,
                " | {}/{} {}/{}",
                student.levels_passed(),
                self.levels.len(),
                student.total_stars(),
                self.max_stars()
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        let _ = writeln!(
            out,
            "\n{}",
            t(
                "✓3 = réussi sur toutes les variantes, 3 étoiles ; ✗ = échoué ; - = pas de code ; ! = niveau injouable",
                "✓3 = passed every variant, 3 stars; ✗ = failed; - = no code; ! = level cannot be played",
            )
        );
        let _ = writeln!(out, "\n{}", t("Niveaux :", "Levels:"));
        for (i, id) in self.levels.iter().enumerate() {
            let passed = self
                .students
                .iter()
                .filter(|s| s.levels.get(i).is_some_and(|l| l.outcome.passed()))
                .count();
            let _ = writeln!(
                out,
                "  #{} {id}: {passed}/{} {}",
                i + 1,
                self.students.len(),
                t("réussi", "passed")
            );
        }
        let mut details = String::new();
        for student in &self.students {
            for level in &student.levels {
                let why = match &level.outcome {
                    GradeOutcome::Graded {
                        passed: false,
                        reason,
                        variants_passed,
                        variants,
                        ..
                    } => format!(
                        "{variants_passed}/{variants} {} — {}",
                        t("variantes", "variants"),
                        reason.as_deref().unwrap_or("")
                    ),
                    GradeOutcome::LevelError(message) => message.clone(),
                    _ => continue,
                };
                let _ = writeln!(
                    details,
                    "  {} — {}: {why}",
                    short(&student.student, 30),
                    level.level
                );
            }
        }
        if !details.is_empty() {
            let _ = writeln!(out, "\n{}\n{details}", t("Échecs :", "Failures:"));
        }
        out
    }

    /// One row per student and level: `student;profile_id;file;level;answered;passed;
    /// stars;variants_passed;variants;error;reason`.
    pub fn to_csv(&self) -> String {
        let mut csv = Csv::new(&[
            "student",
            "profile_id",
            "file",
            "level",
            "answered",
            "passed",
            "stars",
            "variants_passed",
            "variants",
            "error",
            "reason",
        ]);
        for student in &self.students {
            for level in &student.levels {
                let (answered, passed, stars, vp, v, kind, reason) = match &level.outcome {
                    GradeOutcome::Missing => (0, 0, 0, 0, 0, String::new(), String::new()),
                    GradeOutcome::Graded {
                        passed,
                        stars,
                        variants_passed,
                        variants,
                        kind,
                        reason,
                    } => (
                        1,
                        u8::from(*passed),
                        *stars,
                        *variants_passed,
                        *variants,
                        kind.clone().unwrap_or_default(),
                        reason.clone().unwrap_or_default(),
                    ),
                    GradeOutcome::LevelError(message) => {
                        (1, 0, 0, 0, 0, "level".to_string(), message.clone())
                    }
                };
                csv.row([
                    student.student.clone(),
                    student.profile_id.clone(),
                    file_name(&student.file),
                    level.level.clone(),
                    answered.to_string(),
                    passed.to_string(),
                    stars.to_string(),
                    vp.to_string(),
                    v.to_string(),
                    kind,
                    reason,
                ]);
            }
        }
        csv.finish()
    }
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}
