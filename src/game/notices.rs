//! Messages the player must read, over any screen: a damaged save recovered from its
//! backup, progress that cannot be saved. Shown one at a time in a dialog closed with
//! OK (Enter or Esc); written in the player's language when shown, so they follow a
//! language switch. Nothing about saves is ever only logged.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::theme::{self, Theme};
use super::{Session, UiSet};
use crate::i18n::FluentValue;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Notices>()
        .add_systems(EguiPrimaryContextPass, show_notice.in_set(UiSet::Overlays));
}

/// How serious a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Warning,
    Error,
}

/// A value of a notice's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeArg {
    Text(String),
    /// Another message id, translated when shown.
    Message(&'static str),
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
}

impl Notice {
    pub fn warning(id: &'static str, args: Vec<(&'static str, NoticeArg)>) -> Notice {
        Notice {
            kind: NoticeKind::Warning,
            id,
            args,
        }
    }

    pub fn error(id: &'static str, args: Vec<(&'static str, NoticeArg)>) -> Notice {
        Notice {
            kind: NoticeKind::Error,
            id,
            args,
        }
    }

    /// The text in the session's language.
    pub fn text(&self, session: &Session) -> String {
        let args: Vec<(&str, FluentValue)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    NoticeArg::Text(text) => text.clone(),
                    NoticeArg::Message(id) => session.t(id),
                };
                (*name, value.into())
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
) -> Result {
    let Some(notice) = notices.list.first() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let p = theme.palette;
    let (title_id, color) = match notice.kind {
        NoticeKind::Warning => ("notice-title-warning", p.warning),
        NoticeKind::Error => ("notice-title-error", p.danger),
    };
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
            ui.vertical_centered(|ui| {
                let ok = theme::big_button(ui, &p, &session.t("notice-ok"));
                ok.request_focus();
                close = ok.clicked();
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
