//! The one 2D camera; egui's panels attach to it.
//!
//! Multisampling is off: the world is made of axis-aligned tiles and egui smooths its own
//! edges, while 4x MSAA (Bevy's default) multiplies the pixel work of every frame by
//! four, which software rendering (Mesa's lavapipe on school PCs without a graphics
//! driver) cannot afford.

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera);
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn((Name::new("Camera"), Camera2d, Msaa::Off));
}
