//! `--edit <level>`: the game opens the level editor on a level file or on
//! `pack-id/level-id`, and with `--run` tests its reference solution at once (for
//! screenshots and for teachers who start from the command line).

use std::path::PathBuf;

use bevy::prelude::*;

use super::checks::TestSolution;
use super::files::EditorRequest;
use super::{EditorTab, LevelEditor};
use crate::game::{Screen, StartOptions};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, open_start_level)
        .add_systems(Update, test_when_open.run_if(in_state(Screen::Editor)));
}

/// Set when `--run` asks for a test once the level is open.
#[derive(Resource, Debug, Default)]
struct TestWhenOpen(u8);

fn open_start_level(
    mut commands: Commands,
    options: Option<Res<StartOptions>>,
    mut requests: MessageWriter<EditorRequest>,
    mut screen: ResMut<NextState<Screen>>,
) {
    let Some(spec) = options.as_ref().and_then(|o| o.0.edit.clone()) else {
        return;
    };
    let path = PathBuf::from(&spec);
    requests.write(if path.is_file() || spec.ends_with(".ron") {
        EditorRequest::OpenFile(path)
    } else {
        EditorRequest::OpenLevel(spec)
    });
    screen.set(Screen::Editor);
    if options.is_some_and(|o| o.0.run) {
        commands.insert_resource(TestWhenOpen(2));
    }
}

/// Asks for the test a couple of frames after the screen opened (the level is open by
/// then: requests are handled in the frame they are read).
fn test_when_open(
    mut commands: Commands,
    wanted: Option<ResMut<TestWhenOpen>>,
    mut editor: ResMut<LevelEditor>,
    mut test: MessageWriter<TestSolution>,
) {
    let Some(mut wanted) = wanted else {
        return;
    };
    wanted.0 = wanted.0.saturating_sub(1);
    if wanted.0 == 0 {
        test.write(TestSolution);
        editor.tab = EditorTab::Solution;
        commands.remove_resource::<TestWhenOpen>();
    }
}
