//! The student's program for the open level: loaded from their saves when the level
//! opens (or a starter comment), kept while they type, and saved when they run it, a
//! second after they stop typing, when they leave the level and when the game closes.

use std::time::Duration;

use bevy::platform::time::Instant; // the browser has no std clock
use bevy::prelude::*;

use super::LevelSet;
use super::open::LevelOpened;
use super::saves::{Progress, ProgressMut, SaveWork};
use crate::game::{Screen, Session};
use crate::i18n::tr;

/// How long after the last keystroke the code is saved even if the program is not run.
const SAVE_AFTER: Duration = Duration::from_secs(1);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Code>()
        .add_systems(Update, load_code.in_set(LevelSet::Prepare))
        .add_systems(Update, save_edits.in_set(LevelSet::Replay))
        .add_systems(OnExit(Screen::Level), save_on_exit)
        .add_systems(PostUpdate, save_before_quitting);
}

/// The program in the editor.
#[derive(Resource, Debug, Default, Clone)]
pub struct Code {
    pub text: String,
    /// The level it belongs to.
    pub key: Option<String>,
    /// When the student last typed, if not saved since.
    edited: Option<Instant>,
}

impl Code {
    /// Replaces the program, as typed by the student (it will be saved).
    pub fn set(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.edited = Some(Instant::now());
    }

    /// Notes that the editor changed the text.
    pub fn mark_edited(&mut self) {
        self.edited = Some(Instant::now());
    }

    /// The save to make now, clearing the pending edit.
    pub(super) fn take_save(&mut self) -> Option<SaveWork> {
        self.edited.take()?;
        Some(SaveWork::Code {
            key: self.key.clone()?,
            code: self.text.clone(),
        })
    }
}

pub(super) fn load_code(
    mut opened: MessageReader<LevelOpened>,
    mut code: ResMut<Code>,
    progress: Progress,
    session: Res<Session>,
    mut save: MessageWriter<SaveWork>,
) {
    let Some(LevelOpened { key }) = opened.read().last() else {
        return;
    };
    if let Some(work) = code.take_save() {
        save.write(work);
    }
    let text = progress
        .code(key)
        .map(str::to_owned)
        .unwrap_or_else(|| starter(session.lang));
    *code = Code {
        text,
        key: Some(key.clone()),
        edited: None,
    };
}

/// What a new level's editor holds: a comment inviting the student to write.
fn starter(lang: crate::i18n::Lang) -> String {
    let comment = tr(lang, "level-code-starter", &[]);
    let mut text: String = comment.lines().map(|l| format!("# {l}\n")).collect();
    text.push('\n');
    text
}

fn save_edits(mut code: ResMut<Code>, mut save: MessageWriter<SaveWork>) {
    if code.edited.is_some_and(|at| at.elapsed() >= SAVE_AFTER)
        && let Some(work) = code.take_save()
    {
        save.write(work);
    }
}

fn save_on_exit(mut code: ResMut<Code>, mut save: MessageWriter<SaveWork>) {
    if let Some(work) = code.take_save() {
        save.write(work);
    }
}

/// The window is closing: the last keystrokes go into the profile now, before the
/// player module writes it for the last time (in `Last`).
fn save_before_quitting(
    mut exits: MessageReader<AppExit>,
    mut code: ResMut<Code>,
    mut progress: ProgressMut,
) {
    if exits.read().count() > 0
        && let Some(work) = code.take_save()
    {
        progress.record(&work);
    }
}
