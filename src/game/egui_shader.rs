//! A cheaper shader for egui's panels and text, put in place of bevy_egui's own.
//!
//! Every pixel of the menus, the brief and the code editor goes through egui's fragment
//! shader. bevy_egui's does two sRGB conversions (`pow`) per pixel; on school PCs without
//! a graphics driver the pixels are computed by the CPU (Mesa's lavapipe/llvmpipe), where
//! that shader was most of a frame's time. `egui.wgsl` does the conversion once per
//! vertex instead (see its header for why the result is the same to the eye).

use bevy::prelude::*;
use bevy::shader::Shader;
use bevy_egui::render::EGUI_SHADER_HANDLE;

/// Replaces bevy_egui's shader; call after adding `EguiPlugin`. Without a renderer
/// (headless tests) there are no shaders and nothing is done.
pub(super) fn plugin(app: &mut App) {
    let Some(mut shaders) = app.world_mut().get_resource_mut::<Assets<Shader>>() else {
        return;
    };
    let shader = Shader::from_wgsl(include_str!("egui.wgsl"), "codebot/egui.wgsl");
    if let Err(error) = shaders.insert(EGUI_SHADER_HANDLE.id(), shader) {
        warn!("egui's shader stays bevy_egui's own: {error}");
    }
}
