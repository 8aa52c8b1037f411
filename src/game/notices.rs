//! Messages the player must read, over any screen: a damaged save recovered from its
//! backup, progress that cannot be saved. Shown one at a time in a dialog closed with
//! OK (Enter or Esc); written in the player's language when shown, so they follow a
//! language switch. Nothing about saves is ever only logged. A notice may offer one more
//! button that opens a screen (a new career card: "See my career cards").

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::navigation::Navigate;
use super::theme::{self, Theme};
use super::{Screen, Session, UiSet};
use crate::i18n::FluentValue;
use crate::level::Text;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Notices>()
        .add_systems(EguiPrimaryContextPass, show_notice.in_set(UiSet::Overlays));
}

/// How serious a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something done that the player should know about (where a file was written).
    Info,
    Warning,
    Error,
    /// Good news: something earned (a career card, a badge).
    Reward,
}

/// A value of a notice's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeArg {
    Text(String),
    /// Another message id, translated when shown.
    Message(&'static str),
    /// A text of the game's data in both languages, shown in the player's.
    Localized(Text),
    /// A number (the messages choose singular or plural with it).
    Count(u32),
}

impl From<String> for NoticeArg {
    fn from(text: String) -> Self {
        NoticeArg::Text(text)
    }
}

/// One message for the player.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    /// The message id in the Fluent files.
    pub id: &'static str,
    pub args: Vec<(&'static str, NoticeArg)>,
    /// A button besides OK.
    pub action: Option<NoticeAction>,
}

/// A notice's extra button: its label (a message id) and the screen it opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoticeAction {
    pub label: &'static str,
    pub to: Screen,
}

impl Notice {
    pub fn info(id: &'static str, args: Vec<(&'static str, NoticeArg)>) -> Notice {
        Notice {
            kind: NoticeKind::Info,
            id,
            args,
            action: None,
        }
    }

    pub fn warning(id: &'static str, args: Vec<(&'static str, NoticeArg)>) -> Notice {
        Notice {
            kind: NoticeKind::Warning,
            id,
            args,
            action: None,
        }
    }

    pub fn error(id: &'static str, args: Vec<(&'static str, NoticeArg)>) -> Notice {
        Notice {
            kind: NoticeKind::Error,
            id,
            args,
            action: None,
        }
    }

    pub fn reward(id: &'static str, args: Vec<(&'static str, NoticeArg)>) -> Notice {
        Notice {
            kind: NoticeKind::Reward,
            id,
            args,
            action: None,
        }
    }

    /// The same notice with a button (labelled `label`) that opens `to`.
    pub fn with_action(mut self, label: &'static str, to: Screen) -> Notice {
        self.action = Some(NoticeAction { label, to });
        self
    }

    /// The text in the session's language.
    pub fn text(&self, session: &Session) -> String {
        let args: Vec<(&str, FluentValue)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value: FluentValue = match value {
                    NoticeArg::Text(text) => text.clone().into(),
                    NoticeArg::Message(id) => session.t(id).into(),
                    NoticeArg::Localized(text) => text.in_lang(session.french()).to_owned().into(),
                    NoticeArg::Count(count) => (*count).into(),
                };
                (*name, value)
            })
            .collect();
        session.tr(self.id, &args)
    }
}

/// The notices not yet acknowledged, oldest first.
#[derive(Resource, Debug, Default)]
pub struct Notices {
    pub list: Vec<Notice>,
}

impl Notices {
    pub fn push(&mut self, notice: Notice) {
        self.list.push(notice);
    }

    /// Adds the notice unless one with the same id is already waiting.
    pub fn push_once(&mut self, notice: Notice) {
        if !self.list.iter().any(|n| n.id == notice.id) {
            self.list.push(notice);
        }
    }

    /// Drops the waiting notices with this id (the problem went away).
    pub fn clear_kind(&mut self, id: &str) {
        self.list.retain(|n| n.id != id);
    }

    pub fn has(&self, id: &str) -> bool {
        self.list.iter().any(|n| n.id == id)
    }
}

fn show_notice(
    mut contexts: EguiContexts,
    mut notices: ResMut<Notices>,
    session: Res<Session>,
    theme: Res<Theme>,
    mut navigate: MessageWriter<Navigate>,
    mut shown: Local<Option<Notice>>,
) -> Result {
    let Some(notice) = notices.list.first() else {
        *shown = None;
        return Ok(());
    };
    // The focus goes to the first button when a notice appears; then Tab may move it.
    let first_frame = shown.as_ref() != Some(notice);
    if first_frame {
        *shown = Some(notice.clone());
    }
    let ctx = contexts.ctx_mut()?;
    let p = theme.palette;
    let (title_id, color) = match notice.kind {
        NoticeKind::Info => ("notice-title-info", p.success),
        NoticeKind::Warning => ("notice-title-warning", p.warning),
        NoticeKind::Error => ("notice-title-error", p.danger),
        NoticeKind::Reward => ("notice-title-reward", p.accent),
    };
    let action = notice.action;
    let text = notice.text(&session);
    let mut close = false;
    egui::Modal::new(egui::Id::new("codebot-notice"))
        .frame(theme::card_frame(&p).stroke(egui::Stroke::new(3.0, color)))
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.label(
                egui::RichText::new(session.t(title_id))
                    .size(theme::HEADING_SIZE)
                    .color(color)
                    .strong(),
            );
            ui.add_space(6.0);
            ui.label(egui::RichText::new(text).size(theme::BODY_SIZE));
            ui.add_space(10.0);
            ui.vertical_centered(|ui| match action {
                None => {
                    let ok = theme::big_button(ui, &p, &session.t("notice-ok"));
                    ok.request_focus();
                    close = ok.clicked();
                }
                Some(action) => {
                    let go = theme::big_button(ui, &p, &session.t(action.label));
                    // Until the player moves the focus (Tab), it stays on this button.
                    if first_frame || ui.memory(|m| m.focused().is_none()) {
                        go.request_focus();
                    }
                    if go.clicked() {
                        navigate.write(Navigate::To(action.to));
                        close = true;
                    }
                    ui.add_space(4.0);
                    close |= theme::wide_button(ui, &session.t("notice-later")).clicked();
                }
            });
        });
    // Enter clicks the focused OK; Esc closes too, and must not also go back a screen.
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        close = true;
    }
    if close {
        notices.list.remove(0);
    }
    Ok(())
}
