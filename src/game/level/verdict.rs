//! The verdict shown when the replay reaches the end of the run: passed on every
//! variant (with the stars and what would earn the next one) or which variant failed
//! and why, a picker to replay any variant, and Retry / Next level / See a solution.

use bevy_egui::egui::{self, Color32, RichText};

use super::highlight::{self, palette};
use super::open::ActiveLevel;
use super::replay::Replay;
use super::run::ProgramRun;
use crate::cli::failure_message;
use crate::game::theme::Palette;
use crate::grade::{Failure, Report};
use crate::i18n::{Lang, function_name, program_error_message_for, tr};
use crate::level::Level;
use crate::sandbox::{ErrorKind, RobotFn};

/// What the student chose in the verdict panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum VerdictChoice {
    Retry,
    NextLevel(String),
    ShowSolution,
    Hide,
    ShowVariant(usize),
}

/// The star pictures, when the game's art is there.
#[derive(Clone, Copy, Debug)]
pub(super) struct StarIcons {
    pub full: egui::TextureId,
    pub empty: egui::TextureId,
}

/// What the panel needs besides the run.
pub(super) struct VerdictContext<'a> {
    pub lang: Lang,
    pub palette: Palette,
    pub active: &'a ActiveLevel,
    /// The level after this one, if any.
    pub next: Option<String>,
    /// Passed now or on an earlier day: the solution may be shown.
    pub ever_passed: bool,
    pub stars: Option<StarIcons>,
}

pub(super) fn show(
    ui: &mut egui::Ui,
    context: &VerdictContext,
    run: &ProgramRun,
    replay: &Replay,
) -> Option<VerdictChoice> {
    let lang = context.lang;
    let palette = &context.palette;
    let t = |id: &str| tr(lang, id, &[]);
    let outcome = run.outcome()?;
    let mut choice = None;
    let strong = |text: String| RichText::new(text).color(palette.text);
    ui.add_space(6.0);
    match &outcome.report {
        Err(problem) => {
            title(ui, &t("level-verdict-not-graded"), palette.warning);
            ui.label(strong(problem.clone()));
        }
        Ok(report) if report.passed => {
            ui.horizontal(|ui| {
                title(ui, &t("level-verdict-passed"), palette.success);
                ui.add_space(12.0);
                stars(ui, report.stars, context.stars, 30.0);
            });
            let total = report.variants.len();
            ui.label(strong(tr(
                lang,
                "level-verdict-passed-all",
                &[("total", total.into())],
            )));
            for line in next_star_lines(lang, &context.active.level, report) {
                ui.label(RichText::new(line).italics());
            }
        }
        Ok(report) => {
            title(ui, &t("level-verdict-failed"), palette.warning);
            if let Some(failed) = report.first_failure() {
                let number = report
                    .variants
                    .iter()
                    .position(|v| v.seed == failed.seed)
                    .unwrap_or(0)
                    + 1;
                let reason = failed
                    .failure
                    .as_ref()
                    .map(|f| failure_message_for(lang, &context.active.level, failed.seed, f))
                    .unwrap_or_default();
                // The variant and the reason in one wrapped text: the world keeps its room.
                let text = if report.variants.len() > 1 && !stopped_before_running(report) {
                    let args = [
                        ("number", number.into()),
                        ("total", report.variants.len().into()),
                    ];
                    format!(
                        "{} {reason}",
                        tr(lang, "level-verdict-failed-variant", &args)
                    )
                } else {
                    reason
                };
                ui.label(strong(text));
            }
        }
    }
    ui.add_space(2.0);
    ui.horizontal_wrapped(|ui| {
        let ever_passed = outcome.passed() || context.ever_passed;
        if let Some(next) = context.next.as_ref().filter(|_| ever_passed) {
            let label = RichText::new(t("level-next"))
                .strong()
                .color(palette.on_accent);
            if ui
                .add(egui::Button::new(label).fill(palette.accent))
                .clicked()
            {
                choice = Some(VerdictChoice::NextLevel(next.clone()));
            }
        }
        if ui.button(t("level-retry")).clicked() {
            choice = Some(VerdictChoice::Retry);
        }
        if ever_passed && ui.button(t("level-show-solution")).clicked() {
            choice = Some(VerdictChoice::ShowSolution);
        }
        if ui.button(t("level-verdict-hide")).clicked() {
            choice = Some(VerdictChoice::Hide);
        }
        // The variants to replay, beside the buttons (none when the program never ran:
        // a syntax error is the same on every variant).
        if let Ok(report) = &outcome.report
            && report.variants.len() > 1
            && !stopped_before_running(report)
        {
            ui.separator();
            choice = choice
                .clone()
                .or(variant_picker(ui, context, report, replay.variant));
        }
    });
    ui.add_space(6.0);
    choice
}

/// Why a variant failed, with advice fitting the level (no sensor it does not offer).
fn failure_message_for(lang: Lang, level: &Level, seed: u64, failure: &Failure) -> String {
    match failure {
        Failure::Program(error) => {
            program_error_message_for(lang, error, &level.allowed_functions())
        }
        _ => failure_message(lang, seed, failure),
    }
}

/// The program stopped before running on any variant (a syntax error, a forbidden
/// import...): which variant does not matter.
fn stopped_before_running(report: &Report) -> bool {
    report
        .first_failure()
        .and_then(|v| v.failure.as_ref())
        .and_then(Failure::kind)
        .is_some_and(|kind| matches!(kind, ErrorKind::Syntax | ErrorKind::Forbidden))
}

fn title(ui: &mut egui::Ui, text: &str, color: Color32) {
    ui.label(RichText::new(text).size(22.0).strong().color(color));
}

fn stars(ui: &mut egui::Ui, earned: u8, icons: Option<StarIcons>, size: f32) {
    for i in 0..crate::progress::MAX_STARS {
        let full = i < earned;
        match icons {
            Some(icons) => {
                let texture = if full { icons.full } else { icons.empty };
                ui.add(egui::Image::new((texture, egui::vec2(size, size))));
            }
            None => {
                let (glyph, color) = if full {
                    ("★", Color32::GOLD)
                } else {
                    ("☆", Color32::GRAY)
                };
                ui.label(RichText::new(glyph).size(size).color(color));
            }
        }
    }
}

/// What the next stars ask for (nothing when every star is earned).
fn next_star_lines(lang: Lang, level: &Level, report: &Report) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(max) = level.stars.max_lines
        && report.lines_of_code > max
    {
        let args = [("max", max.into()), ("lines", report.lines_of_code.into())];
        lines.push(tr(lang, "level-verdict-next-lines", &args));
    }
    if let Some(max) = level.stars.max_actions
        && report.max_actions() > max
    {
        let args = [
            ("max", max.into()),
            ("actions", report.max_actions().into()),
        ];
        lines.push(tr(lang, "level-verdict-next-actions", &args));
    }
    if lines.is_empty() {
        lines.push(tr(lang, "level-verdict-all-stars", &[]));
    }
    lines
}

fn variant_picker(
    ui: &mut egui::Ui,
    context: &VerdictContext,
    report: &Report,
    shown: usize,
) -> Option<VerdictChoice> {
    let lang = context.lang;
    let palette = &context.palette;
    let mut choice = None;
    // Straight into the caller's wrapping row: on a narrow column the numbers wrap too.
    ui.label(tr(lang, "level-verdict-variants", &[]));
    for (i, variant) in report.variants.iter().enumerate() {
        let number = i + 1;
        let (mark, color, tip) = match &variant.failure {
            None => ("✔", palette.success, "level-variant-passed"),
            Some(Failure::NotRun) => ("–", palette.weak_text, "level-variant-not-run"),
            Some(_) => ("✖", palette.danger, "level-variant-failed"),
        };
        let text = RichText::new(format!("{number} {mark}"))
            .strong()
            .color(color);
        let response = ui.selectable_label(i == shown, text).on_hover_text(tr(
            lang,
            tip,
            &[("number", number.into())],
        ));
        if response.clicked() {
            choice = Some(VerdictChoice::ShowVariant(i));
        }
    }
    choice
}

/// The reference solution, in a window, once the level was passed.
pub(super) fn solution_window(ctx: &egui::Context, lang: Lang, level: &Level, open: &mut bool) {
    egui::Window::new(tr(lang, "level-solution-title", &[]))
        .id(egui::Id::new("level-solution"))
        .open(open)
        .collapsible(false)
        .resizable(true)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(tr(lang, "level-solution-note", &[]));
            ui.add_space(6.0);
            egui::Frame::new()
                .fill(palette::BACKGROUND)
                .corner_radius(6.0)
                .inner_margin(10.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(360.0)
                        .show(ui, |ui| {
                            let code = with_robot_names(lang, level.solution.trim_end());
                            let job = highlight::layout_job(&code, egui::FontId::monospace(16.0));
                            ui.label(job);
                        });
                });
        });
}

/// A program with its robot functions named in the student's language (`avancer()` for
/// a French student, as the brief says); strings and comments are left as they are.
fn with_robot_names(lang: Lang, code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(c) = rest.chars().next() {
        let taken = if c == '#' {
            rest.find('\n').unwrap_or(rest.len())
        } else if c == '"' || c == '\'' {
            let quote = if rest[1..].starts_with(&format!("{c}{c}")) {
                format!("{c}{c}{c}")
            } else {
                c.to_string()
            };
            // The literal up to its closing quote (escaped quotes skipped), or the line.
            let body = &rest[quote.len()..];
            let mut end = None;
            let mut escaped = false;
            for (i, ch) in body.char_indices() {
                if escaped {
                    escaped = false;
                } else if ch == '\\' {
                    escaped = true;
                } else if body[i..].starts_with(&quote) {
                    end = Some(quote.len() + i + quote.len());
                    break;
                } else if ch == '\n' && quote.len() == 1 {
                    end = Some(quote.len() + i);
                    break;
                }
            }
            end.unwrap_or(rest.len())
        } else if c.is_alphabetic() || c == '_' {
            let word_len = rest
                .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                .unwrap_or(rest.len());
            let word = &rest[..word_len];
            match RobotFn::from_name(word) {
                Some(function) => out.push_str(function_name(lang, function)),
                None => out.push_str(word),
            }
            rest = &rest[word_len..];
            continue;
        } else {
            c.len_utf8()
        };
        out.push_str(&rest[..taken]);
        rest = &rest[taken..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solutions_speak_the_students_language() {
        let code = "def deux():\n    move()  # move twice\n    move()\nwhile not at_goal():\n    say(\"move()\")\n    pick()\nmoved = 1\n";
        assert_eq!(
            with_robot_names(Lang::Fr, code),
            "def deux():\n    avancer()  # move twice\n    avancer()\nwhile not arrivee():\n    dire(\"move()\")\n    ramasser()\nmoved = 1\n"
        );
        assert_eq!(
            with_robot_names(Lang::En, "tourner_gauche()\nprint('l\\'objet_ici')\n"),
            "turn_left()\nprint('l\\'objet_ici')\n"
        );
        assert_eq!(
            with_robot_names(Lang::Fr, "s = \"\"\"move\"\"\"\nmove()"),
            "s = \"\"\"move\"\"\"\navancer()"
        );
    }
}
