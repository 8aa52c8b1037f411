//! The windows over the editor: Save (where: the pack library or a folder, which pack,
//! which chapter), Open (the levels of every pack the game knows, or a file) and the
//! question asked before unsaved changes are dropped.

use std::path::PathBuf;

use bevy_egui::egui::{self, RichText};

use super::files::EditorRequest;
use super::{LevelEditor, SaveWhere, default_placement};
use crate::editor::Placement;
use crate::editor::pack::{pack_file, placement_in};
use crate::game::dialogs::{DialogPurpose, OpenDialog};
use crate::game::theme::Palette;
use crate::game::{Packs, Session};
use crate::level::{FileSet, Text, builtin_packs, is_valid_id};

/// A pack's names and chapters, to choose a chapter from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownPack {
    pub id: String,
    pub title: Text,
    pub chapters: Vec<(String, Text)>,
}

/// The Save window's choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveForm {
    pub in_library: bool,
    pub folder: Option<PathBuf>,
    pub placement: Placement,
    /// The pack chosen, when it exists already (its id and title are then kept).
    pub pack: Option<KnownPack>,
}

impl SaveForm {
    /// The form as the editor last saved, or a new pack of the library.
    pub fn new(editor: &LevelEditor, packs: &Packs) -> SaveForm {
        let mut form = SaveForm {
            in_library: true,
            folder: None,
            placement: default_placement(),
            pack: None,
        };
        if let Some(spot) = &editor.spot {
            form.placement = spot.placement.clone();
            match &spot.target {
                SaveWhere::Library => form.pick_library_pack(packs, &spot.placement.pack_id),
                SaveWhere::Folder(dir) => form.choose_folder(dir.clone()),
            }
            form.placement.chapter_id = spot.placement.chapter_id.clone();
            form.placement.chapter_title = spot.placement.chapter_title.clone();
        }
        form
    }

    /// A pack of the library (or a new one with that id).
    fn pick_library_pack(&mut self, packs: &Packs, id: &str) {
        self.in_library = true;
        self.pack = installed_packs(packs).into_iter().find(|p| p.id == id);
        self.placement.pack_id = id.to_string();
        self.adopt_pack();
    }

    /// A folder: the pack in it if there is one, else a new pack there.
    pub fn choose_folder(&mut self, folder: PathBuf) {
        self.in_library = false;
        let files = FileSet::from_dir(&folder).ok();
        self.pack = files.as_ref().and_then(|files| {
            let pack = pack_file(files)?;
            Some(KnownPack {
                id: pack.id,
                title: pack.title,
                chapters: pack.chapters.into_iter().map(|c| (c.id, c.title)).collect(),
            })
        });
        if let Some(placement) = files.as_ref().and_then(|f| placement_in(f, "")) {
            self.placement = placement;
        }
        self.folder = Some(folder);
        self.adopt_pack();
    }

    /// An existing pack keeps its names; its last chapter is proposed.
    fn adopt_pack(&mut self) {
        if let Some(pack) = &self.pack {
            self.placement.pack_id = pack.id.clone();
            self.placement.pack_title = pack.title.clone();
            if let Some((id, title)) = pack.chapters.last() {
                self.placement.chapter_id = id.clone();
                self.placement.chapter_title = title.clone();
            }
        }
    }

    /// Whether the chapter named exists in the pack chosen.
    fn chapter_exists(&self) -> bool {
        self.pack.as_ref().is_some_and(|p| {
            p.chapters
                .iter()
                .any(|(id, _)| *id == self.placement.chapter_id)
        })
    }

    fn is_complete(&self) -> bool {
        let p = &self.placement;
        let texts = |t: &Text| t.empty_languages().is_empty();
        (self.in_library || self.folder.is_some())
            && is_valid_id(&p.pack_id)
            && is_valid_id(&p.chapter_id)
            && (self.pack.is_some() || texts(&p.pack_title))
            && (self.chapter_exists() || texts(&p.chapter_title))
    }
}

/// The packs installed in the library: those the game knows beyond the built-in ones.
fn installed_packs(packs: &Packs) -> Vec<KnownPack> {
    let builtin: Vec<String> = builtin_packs()
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.id)
        .collect();
    packs
        .0
        .iter()
        .filter(|p| !builtin.contains(&p.id))
        .map(|p| KnownPack {
            id: p.id.clone(),
            title: p.title.clone(),
            chapters: p
                .chapters
                .iter()
                .map(|c| (c.id.clone(), c.title.clone()))
                .collect(),
        })
        .collect()
}

/// What the windows ask the screen to do.
#[derive(Default)]
pub struct WindowOutput {
    pub request: Option<EditorRequest>,
    pub dialog: Option<OpenDialog>,
}

/// Draws the windows that are open.
pub fn show(
    ctx: &egui::Context,
    session: &Session,
    palette: &Palette,
    packs: &Packs,
    editor: &mut LevelEditor,
    out: &mut WindowOutput,
) {
    if let Some(mut form) = editor.save_window.take() {
        let mut open = true;
        save_window(ctx, session, packs, &mut form, &mut open, out);
        if open && out.request.is_none() {
            editor.save_window = Some(form);
        }
    }
    if editor.open_window {
        let mut open = true;
        let mut chosen = WindowOutput::default();
        open_window(ctx, session, palette, packs, &mut open, &mut chosen);
        if let Some(request) = chosen.request {
            // Unsaved changes are dropped only once the teacher agrees.
            if editor.unsaved() {
                editor.confirm = Some(request);
            } else {
                out.request = Some(request);
            }
            open = false;
        }
        out.dialog = out.dialog.take().or(chosen.dialog);
        editor.open_window = open;
    }
    if let Some(request) = editor.confirm.clone() {
        egui::Modal::new(egui::Id::new("editor-confirm")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.label(RichText::new(session.t("editor-unsaved-title")).heading());
            ui.label(session.t("editor-unsaved-body"));
            ui.horizontal(|ui| {
                if ui.button(session.t("editor-unsaved-discard")).clicked() {
                    out.request = Some(request.clone());
                    editor.confirm = None;
                }
                if ui.button(session.t("editor-cancel")).clicked() {
                    editor.confirm = None;
                }
            });
        });
    }
}

fn text_pair(ui: &mut egui::Ui, session: &Session, text: &mut Text) {
    egui::Grid::new(ui.next_auto_id())
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(session.t("editor-lang-fr"));
            ui.add(egui::TextEdit::singleline(&mut text.fr).desired_width(300.0));
            ui.end_row();
            ui.label(session.t("editor-lang-en"));
            ui.add(egui::TextEdit::singleline(&mut text.en).desired_width(300.0));
            ui.end_row();
        });
}

fn save_window(
    ctx: &egui::Context,
    session: &Session,
    packs: &Packs,
    form: &mut SaveForm,
    open: &mut bool,
    out: &mut WindowOutput,
) {
    let french = session.french();
    egui::Window::new(session.t("editor-save-title"))
        .id(egui::Id::new("editor-save-window"))
        .collapsible(false)
        .resizable(false)
        .open(open)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.label(RichText::new(session.t("editor-save-where")).strong());
            // The browser has no folders: its pack library is the only place.
            let folders = !cfg!(target_arch = "wasm32");
            let library_choice = if folders {
                session.t("editor-save-in-library")
            } else {
                session.t("editor-save-in-browser")
            };
            if ui.radio(form.in_library, library_choice).clicked() {
                form.in_library = true;
                form.pack = None;
            }
            if folders {
                ui.horizontal(|ui| {
                    if ui
                        .radio(!form.in_library, session.t("editor-save-in-folder"))
                        .clicked()
                    {
                        form.in_library = false;
                        form.pack = None;
                    }
                    if ui.button(session.t("editor-choose-folder")).clicked() {
                        out.dialog = Some(OpenDialog {
                            purpose: DialogPurpose::EditorPackFolder,
                            title: session.t("editor-choose-folder"),
                            folder: form.folder.clone(),
                            file_name: None,
                        });
                    }
                });
            }
            if !form.in_library {
                let shown = form.folder.as_ref().map_or_else(
                    || session.t("editor-no-folder"),
                    |f| f.display().to_string(),
                );
                ui.label(RichText::new(shown).small());
            }
            ui.separator();

            // The pack: one of the library's, or a new one.
            ui.label(RichText::new(session.t("editor-save-pack")).strong());
            if form.in_library {
                let installed = installed_packs(packs);
                let selected = form.pack.as_ref().map_or_else(
                    || session.t("editor-new-pack"),
                    |p| p.title.in_lang(french).to_string(),
                );
                egui::ComboBox::from_id_salt("editor-save-pack")
                    .selected_text(selected)
                    .width(320.0)
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(form.pack.is_none(), session.t("editor-new-pack"))
                            .clicked()
                        {
                            form.pack = None;
                            form.placement = default_placement();
                        }
                        for pack in installed {
                            let chosen = form.pack.as_ref().is_some_and(|p| p.id == pack.id);
                            let label = format!("{} ({})", pack.title.in_lang(french), pack.id);
                            if ui.selectable_label(chosen, label).clicked() {
                                form.pick_library_pack(packs, &pack.id);
                            }
                        }
                    });
            }
            if form.pack.is_none() {
                ui.horizontal(|ui| {
                    ui.label(session.t("editor-id"));
                    ui.text_edit_singleline(&mut form.placement.pack_id);
                });
                text_pair(ui, session, &mut form.placement.pack_title);
            } else {
                ui.label(format!(
                    "{} ({})",
                    form.placement.pack_title.in_lang(french),
                    form.placement.pack_id
                ));
            }
            ui.separator();

            // The chapter: one of the pack's, or a new one.
            ui.label(RichText::new(session.t("editor-save-chapter")).strong());
            let chapters = form
                .pack
                .as_ref()
                .map(|p| p.chapters.clone())
                .unwrap_or_default();
            if !chapters.is_empty() {
                let selected = chapters
                    .iter()
                    .find(|(id, _)| *id == form.placement.chapter_id)
                    .map_or_else(
                        || session.t("editor-new-chapter"),
                        |(_, t)| t.in_lang(french).to_string(),
                    );
                egui::ComboBox::from_id_salt("editor-save-chapter")
                    .selected_text(selected)
                    .width(320.0)
                    .show_ui(ui, |ui| {
                        for (id, title) in &chapters {
                            let chosen = *id == form.placement.chapter_id;
                            if ui.selectable_label(chosen, title.in_lang(french)).clicked() {
                                form.placement.chapter_id = id.clone();
                                form.placement.chapter_title = title.clone();
                            }
                        }
                        if ui
                            .selectable_label(
                                !form.chapter_exists(),
                                session.t("editor-new-chapter"),
                            )
                            .clicked()
                        {
                            let fresh = default_placement();
                            form.placement.chapter_id = format!("chapitre-{}", chapters.len() + 1);
                            form.placement.chapter_title = fresh.chapter_title;
                        }
                    });
            }
            if !form.chapter_exists() {
                ui.horizontal(|ui| {
                    ui.label(session.t("editor-id"));
                    ui.text_edit_singleline(&mut form.placement.chapter_id);
                });
                text_pair(ui, session, &mut form.placement.chapter_title);
            }
            ui.add_space(8.0);
            let help = if folders {
                session.t("editor-save-help")
            } else {
                session.t("editor-save-help-web")
            };
            ui.label(RichText::new(help).small().weak());
            ui.horizontal(|ui| {
                let complete = form.is_complete();
                let save = ui.add_enabled(complete, egui::Button::new(session.t("editor-save")));
                if save.clicked()
                    && let Some(spot) = form.spot()
                {
                    out.request = Some(EditorRequest::Save(spot));
                }
                if !complete {
                    ui.label(
                        RichText::new(session.t("editor-save-incomplete"))
                            .small()
                            .weak(),
                    );
                }
            });
        });
}

fn open_window(
    ctx: &egui::Context,
    session: &Session,
    palette: &Palette,
    packs: &Packs,
    open: &mut bool,
    out: &mut WindowOutput,
) {
    let french = session.french();
    egui::Window::new(session.t("editor-open-title"))
        .id(egui::Id::new("editor-open-window"))
        .collapsible(false)
        .open(open)
        .default_size([560.0, 460.0])
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            if ui.button(session.t("editor-open-file")).clicked() {
                out.dialog = Some(OpenDialog {
                    purpose: DialogPurpose::EditorOpenLevel,
                    title: session.t("editor-open-file"),
                    folder: None,
                    file_name: None,
                });
            }
            ui.label(RichText::new(session.t("editor-open-help")).small().weak());
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .max_height(ctx.content_rect().height() * 0.6)
                .show(ui, |ui| {
                    for pack in &packs.0 {
                        ui.label(
                            RichText::new(pack.title.in_lang(french))
                                .strong()
                                .color(palette.accent),
                        );
                        for chapter in &pack.chapters {
                            egui::CollapsingHeader::new(chapter.title.in_lang(french))
                                .id_salt((&pack.id, &chapter.id))
                                .show(ui, |ui| {
                                    for level in &chapter.levels {
                                        let label = format!(
                                            "{} · {}",
                                            level.title.in_lang(french),
                                            level.id
                                        );
                                        if ui.link(label).clicked() {
                                            out.request = Some(EditorRequest::OpenLevel(
                                                pack.level_key(&level.id),
                                            ));
                                        }
                                    }
                                });
                        }
                    }
                });
        });
}
