//! What the teacher chose on the screen, kept between sessions in `<data>/teacher.ron`:
//! the tab shown, the progress files of the class report, the exam pack and its
//! submissions. Paths only: the files are read again when the screen opens.

use std::path::PathBuf;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::TeacherRequest;
use crate::game::player::Saves;

pub(super) fn plugin(app: &mut App) {
    if !app.world().contains_resource::<DeskFile>() {
        let file = app
            .world()
            .get_resource::<Saves>()
            .map(|saves| saves.store().root().to_path_buf())
            .filter(|root| root.is_dir())
            .map(|root| root.join(DESK_FILE));
        app.insert_resource(DeskFile(file));
    }
    let desk = app.world().resource::<DeskFile>().load();
    app.insert_resource(desk)
        .add_systems(Update, (show_tab, save_desk).chain());
}

/// The file's name in the data folder.
const DESK_FILE: &str = "teacher.ron";

/// The tabs of the screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TeacherTab {
    #[default]
    Packs,
    Progress,
    Exams,
}

/// The teacher's choices.
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Desk {
    pub tab: TeacherTab,
    /// Progress files and folders of the class report.
    pub progress: Vec<PathBuf>,
    /// The id of the exam pack to grade.
    pub exam: Option<String>,
    /// Submission files and folders.
    pub submissions: Vec<PathBuf>,
}

impl Desk {
    /// Adds paths not there yet; whether any was added.
    pub(super) fn add(list: &mut Vec<PathBuf>, paths: &[PathBuf]) -> bool {
        let before = list.len();
        for path in paths {
            if !list.contains(path) {
                list.push(path.clone());
            }
        }
        list.len() != before
    }
}

/// Where the choices are kept (`None`: nowhere, progress lives in memory).
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq)]
pub struct DeskFile(pub Option<PathBuf>);

impl DeskFile {
    /// The choices saved, or none (a damaged file is only a lost convenience).
    fn load(&self) -> Desk {
        self.0
            .as_ref()
            .and_then(|path| std::fs::read_to_string(path).ok())
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }
}

fn show_tab(mut requests: MessageReader<TeacherRequest>, mut desk: ResMut<Desk>) {
    for request in requests.read() {
        if let TeacherRequest::ShowTab(tab) = request
            && desk.tab != *tab
        {
            desk.tab = *tab;
        }
    }
}

fn save_desk(desk: Res<Desk>, file: Res<DeskFile>) {
    if !desk.is_changed() || desk.is_added() {
        return;
    }
    let Some(path) = &file.0 else {
        return;
    };
    let text = ron::ser::to_string_pretty(&*desk, ron::ser::PrettyConfig::default())
        .expect("the desk always serializes");
    if let Err(error) = std::fs::write(path, text) {
        warn!(
            "cannot remember the teacher's choices in {}: {error}",
            path.display()
        );
    }
}
