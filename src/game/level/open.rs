//! Which level the screen shows: the one named by `Session::level`, loaded with its
//! variant worlds when the screen opens or the session switches level ("next level").
//! A level of an exam pack keeps only its first variant: during an exam the student
//! sees and runs that one; the teacher grades every variant afterwards.

use bevy::prelude::*;

use super::LevelSet;
use crate::game::unlock::level_states;
use crate::game::{Packs, Screen, Session};
use crate::i18n::{Lang, tr};
use crate::level::{Exam, Level};
use crate::progress::Profile;
use crate::sim::Trace;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LevelLoad>()
        .add_message::<LevelOpened>()
        .add_systems(Update, open_session_level.in_set(LevelSet::Open))
        .add_systems(OnExit(Screen::Level), close_level);
}

/// The level being played.
#[derive(Resource, Debug)]
pub struct ActiveLevel {
    /// `pack-id/level-id`, the key of saves.
    pub key: String,
    pub level: Level,
    /// One trace without actions per variant: its starting world, shown before a run.
    pub previews: Vec<Trace>,
    /// The exam's rules when the level belongs to an exam pack: no hints, no solution,
    /// no verdict, the first variant only.
    pub exam: Option<Exam>,
}

impl ActiveLevel {
    pub fn title(&self, lang: Lang) -> &str {
        self.level.title.in_lang(lang == Lang::Fr)
    }
}

/// The last level the screen tried to open, and why it could not, if so.
#[derive(Resource, Debug, Default)]
pub struct LevelLoad {
    tried: Option<String>,
    pub problem: Option<String>,
}

/// Sent once a level is open (also when the session moves to another level).
#[derive(Message, Clone, Debug)]
pub struct LevelOpened {
    pub key: String,
}

fn open_session_level(
    mut commands: Commands,
    mut session: ResMut<Session>,
    packs: Res<Packs>,
    mut load: ResMut<LevelLoad>,
    mut opened: MessageWriter<LevelOpened>,
) {
    if session.level.is_none() {
        // Opened without a level: start at the very first one rather than show nothing.
        let first = packs
            .0
            .iter()
            .find_map(|p| p.levels().next().map(|l| format!("{}/{}", p.id, l.id)));
        session.level = first;
    }
    let wanted = session.level.clone();
    if load.tried == wanted {
        return;
    }
    load.tried.clone_from(&wanted);
    let Some(key) = wanted else {
        load.problem = Some(tr(session.lang, "level-no-levels", &[]));
        commands.remove_resource::<ActiveLevel>();
        return;
    };
    match prepare(&packs, &key) {
        Ok(active) => {
            load.problem = None;
            commands.insert_resource(active);
            opened.write(LevelOpened { key });
        }
        Err(problem) => {
            let reference = key.into();
            load.problem = Some(match problem {
                None => tr(
                    session.lang,
                    "input-unknown-level",
                    &[("reference", reference)],
                ),
                Some(reason) => tr(
                    session.lang,
                    "input-unreadable-level",
                    &[("path", reference), ("reason", reason.into())],
                ),
            });
            commands.remove_resource::<ActiveLevel>();
        }
    }
}

/// The level and its variants; `Err(None)` when no level has this key.
fn prepare(packs: &Packs, key: &str) -> Result<ActiveLevel, Option<String>> {
    let mut level = packs.level(key).ok_or(None)?.clone();
    let exam = key
        .split_once('/')
        .and_then(|(pack, _)| packs.0.iter().find(|p| p.id == pack))
        .and_then(|pack| pack.exam.clone());
    if exam.is_some() {
        level.variants.count = 1;
    }
    let worlds = level.worlds().map_err(|e| Some(e.to_string()))?;
    let previews = worlds
        .into_iter()
        .map(|(_, world)| Trace::replay(&world, &[], ""))
        .collect();
    Ok(ActiveLevel {
        key: key.to_owned(),
        level,
        previews,
        exam,
    })
}

/// The level after `key` in its pack, for the "next level" button, if the map's rules
/// open it for this student.
pub(super) fn next_level(packs: &Packs, key: &str, record: &Profile) -> Option<String> {
    let (pack_id, level_id) = key.split_once('/')?;
    let pack = packs.0.iter().find(|p| p.id == pack_id)?;
    let states = level_states(pack, record);
    let mut levels = pack
        .levels()
        .zip(states.iter().flatten())
        .skip_while(|(l, _)| l.id != level_id);
    levels.next()?;
    let (next, state) = levels.next()?;
    state.is_open().then(|| format!("{}/{}", pack.id, next.id))
}

fn close_level(mut commands: Commands, mut load: ResMut<LevelLoad>) {
    commands.remove_resource::<ActiveLevel>();
    *load = LevelLoad::default();
}
