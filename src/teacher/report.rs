//! The class report: students' progress files merged into a table of students × levels,
//! and who is stuck where.
//!
//! The same student's files may be given several times (exported twice, copied into two
//! folders): students are merged by profile id, and for each level the most recently
//! played record is kept, so nothing is counted twice.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use super::csv::Csv;
use super::files::{FileIssue, collect_files};
use super::progress_file::{ExportedLevel, ProgressExport, read_progress};
use crate::i18n::Lang;
use crate::level::Pack;
use crate::progress::name_key;

/// A level not passed after this many attempts counts as "stuck".
pub const STUCK_ATTEMPTS: u32 = 3;

/// One student, merged from all their files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentProgress {
    pub profile_id: String,
    /// The name in their most recent file.
    pub name: String,
    /// The most recent export time of their files.
    pub exported_at: u64,
    /// How many files were merged.
    pub files: u32,
    pub levels: BTreeMap<String, ExportedLevel>,
}

impl StudentProgress {
    pub fn levels_passed(&self) -> u32 {
        self.levels.values().filter(|l| l.passed).count() as u32
    }

    pub fn total_stars(&self) -> u32 {
        self.levels.values().map(|l| u32::from(l.stars)).sum()
    }
}

/// A student stuck on a level: not passed after [`STUCK_ATTEMPTS`] attempts or more.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stuck {
    pub student: String,
    pub profile_id: String,
    pub level: String,
    pub attempts: u32,
    pub hints_used: u32,
}

/// The progress of a class.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassReport {
    /// Sorted by name.
    pub students: Vec<StudentProgress>,
    /// The columns: every level key met, in the order of the packs given to
    /// [`ClassReport::order_levels`], else sorted.
    pub levels: Vec<String>,
    /// Files that could not be used, and other remarks.
    pub issues: Vec<FileIssue>,
}

impl ClassReport {
    /// Reads progress files and folders of them. Unreadable files are listed in `issues`.
    pub fn load(paths: &[PathBuf]) -> ClassReport {
        let (files, mut issues) = collect_files(paths);
        let mut report = ClassReport::default();
        for file in files {
            match read_progress(&file) {
                Ok(export) => report.add(export),
                Err(error) => issues.push(FileIssue::new(
                    file.display().to_string(),
                    error.to_string(),
                )),
            }
        }
        report.issues.splice(0..0, issues);
        report.note_same_names();
        report
    }

    /// Merges exports (e.g. already read).
    pub fn from_exports(exports: impl IntoIterator<Item = ProgressExport>) -> ClassReport {
        let mut report = ClassReport::default();
        for export in exports {
            report.add(export);
        }
        report.note_same_names();
        report
    }

    /// Adds one student's file, merging it with their other files.
    pub fn add(&mut self, export: ProgressExport) {
        let index = match self
            .students
            .iter()
            .position(|s| s.profile_id == export.profile_id)
        {
            Some(i) => i,
            None => {
                self.students.push(StudentProgress {
                    profile_id: export.profile_id.clone(),
                    name: export.student.clone(),
                    exported_at: 0,
                    files: 0,
                    levels: BTreeMap::new(),
                });
                self.students.len() - 1
            }
        };
        let student = &mut self.students[index];
        student.files += 1;
        if export.exported_at >= student.exported_at {
            student.exported_at = export.exported_at;
            student.name = export.student.clone();
        }
        for (key, level) in export.levels {
            if !self.levels.contains(&key) {
                self.levels.push(key.clone());
            }
            match student.levels.get(&key) {
                // The record played last wins; on a tie, the one with more attempts (a
                // later save of the same play).
                Some(kept)
                    if (kept.last_played, kept.attempts) >= (level.last_played, level.attempts) => {
                }
                _ => {
                    student.levels.insert(key, level);
                }
            }
        }
        self.students
            .sort_by_cached_key(|s| (name_key(&s.name), s.profile_id.clone()));
        self.levels.sort();
    }

    /// Two profiles with the same name are two rows: tell the teacher.
    fn note_same_names(&mut self) {
        for pair in self.students.windows(2) {
            if name_key(&pair[0].name) == name_key(&pair[1].name) {
                self.issues.push(FileIssue::new(
                    format!("{} / {}", pair[0].profile_id, pair[1].profile_id),
                    format!(
                        "two profiles are named `{}` (two computers?): shown as two rows",
                        pair[0].name
                    ),
                ));
            }
        }
    }

    /// Puts the columns in the packs' playing order; other levels come after, sorted.
    pub fn order_levels(&mut self, packs: &[Pack]) {
        let mut order: BTreeMap<String, usize> = BTreeMap::new();
        for pack in packs {
            for level in pack.levels() {
                let next = order.len();
                order.entry(pack.level_key(&level.id)).or_insert(next);
            }
        }
        self.levels
            .sort_by_cached_key(|k| (order.get(k).copied().unwrap_or(usize::MAX), k.clone()));
    }

    /// Every student stuck on a level, most attempts first.
    pub fn stuck(&self) -> Vec<Stuck> {
        let mut stuck: Vec<Stuck> = self
            .students
            .iter()
            .flat_map(|s| {
                s.levels
                    .iter()
                    .filter(|(_, l)| !l.passed && l.attempts >= STUCK_ATTEMPTS)
                    .map(|(key, l)| Stuck {
                        student: s.name.clone(),
                        profile_id: s.profile_id.clone(),
                        level: key.clone(),
                        attempts: l.attempts,
                        hints_used: l.hints_used,
                    })
            })
            .collect();
        stuck.sort_by(|a, b| {
            (b.attempts, b.hints_used, &a.student).cmp(&(a.attempts, a.hints_used, &b.student))
        });
        stuck
    }

    /// The table as text: one row per student, one numbered column per level, then the
    /// levels' names with how many passed, and who is stuck.
    pub fn to_text(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let t = |f: &'static str, e: &'static str| if fr { f } else { e };
        let mut out = String::new();
        if self.students.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                t(
                    "Aucun fichier de progression lisible.",
                    "No readable progress file."
                )
            );
            return out;
        }
        let names: Vec<String> = self.students.iter().map(|s| short(&s.name, 24)).collect();
        let name_width = names
            .iter()
            .map(|n| n.chars().count())
            .chain([t("Élève", "Student").chars().count()])
            .max()
            .unwrap_or(8);
        let cells: Vec<Vec<String>> = self
            .students
            .iter()
            .map(|s| self.levels.iter().map(|k| cell(s.levels.get(k))).collect())
            .collect();
        let width = cells
            .iter()
            .flatten()
            .map(|c| c.chars().count())
            .chain([self.levels.len().to_string().len() + 1])
            .max()
            .unwrap_or(1);
        let pad = |text: &str, w: usize| {
            let n = text.chars().count();
            format!("{text}{}", " ".repeat(w.saturating_sub(n)))
        };
        let mut header = pad(t("Élève", "Student"), name_width);
        for i in 1..=self.levels.len() {
            header.push_str(" | ");
            header.push_str(&pad(&format!("#{i}"), width));
        }
        header.push_str(" | ");
        header.push_str(t("réussis ★", "passed ★"));
        let _ = writeln!(out, "{header}");
        let _ = writeln!(out, "{}", "-".repeat(header.chars().count()));
        for ((student, name), row) in self.students.iter().zip(&names).zip(&cells) {
            let mut line = pad(name, name_width);
            for c in row {
                line.push_str(" | ");
                line.push_str(&pad(c, width));
            }
            let _ = write!(
                line,
                " | {}/{} {}",
                student.levels_passed(),
                self.levels.len(),
                student.total_stars()
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        let _ = writeln!(
            out,
            "\n{}",
            t(
                "✓3 2/1 = réussi, 3 étoiles, 2 essais, 1 indice ; ✗ 5/0 = pas encore réussi ; - = pas commencé",
                "✓3 2/1 = passed, 3 stars, 2 attempts, 1 hint; ✗ 5/0 = not passed yet; - = not started",
            )
        );
        let _ = writeln!(out, "\n{}", t("Niveaux :", "Levels:"));
        let stuck = self.stuck();
        for (i, key) in self.levels.iter().enumerate() {
            let passed = self
                .students
                .iter()
                .filter(|s| s.levels.get(key).is_some_and(|l| l.passed))
                .count();
            let stuck_here = stuck.iter().filter(|s| &s.level == key).count();
            let _ = write!(
                out,
                "  #{} {key}: {passed}/{} {}",
                i + 1,
                self.students.len(),
                t("réussi", "passed")
            );
            if stuck_here > 0 {
                let _ = write!(out, ", {stuck_here} {}", t("bloqué(s)", "stuck"));
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(
            out,
            "\n{}",
            if fr {
                format!("Bloqués (pas réussi après {STUCK_ATTEMPTS} essais ou plus) :")
            } else {
                format!("Stuck (not passed after {STUCK_ATTEMPTS} attempts or more):")
            }
        );
        if stuck.is_empty() {
            let _ = writeln!(out, "  {}", t("personne", "nobody"));
        }
        for s in &stuck {
            let _ = writeln!(
                out,
                "  {} — {} ({} {}, {} {})",
                short(&s.student, 30),
                s.level,
                s.attempts,
                t("essais", "attempts"),
                s.hints_used,
                t("indices", "hints")
            );
        }
        out
    }

    /// One row per student and level played: `student;profile_id;level;passed;stars;
    /// attempts;hints;last_played` (see [`super::csv`] for the dialect).
    pub fn to_csv(&self) -> String {
        let mut csv = Csv::new(&[
            "student",
            "profile_id",
            "level",
            "passed",
            "stars",
            "attempts",
            "hints",
            "last_played",
        ]);
        for student in &self.students {
            for key in &self.levels {
                let Some(level) = student.levels.get(key) else {
                    continue;
                };
                csv.row([
                    student.name.clone(),
                    student.profile_id.clone(),
                    key.clone(),
                    u8::from(level.passed).to_string(),
                    level.stars.to_string(),
                    level.attempts.to_string(),
                    level.hints_used.to_string(),
                    level.last_played.to_string(),
                ]);
            }
        }
        csv.finish()
    }
}

fn cell(level: Option<&ExportedLevel>) -> String {
    match level {
        None => "-".to_string(),
        Some(l) if l.passed => format!("✓{} {}/{}", l.stars, l.attempts, l.hints_used),
        Some(l) if l.attempts == 0 && l.hints_used == 0 => "-".to_string(),
        Some(l) => format!("✗ {}/{}", l.attempts, l.hints_used),
    }
}

/// At most `max` characters, with `…` when cut.
pub(crate) fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}
