//! The one 2D camera; egui's panels attach to it.
//!
//! Multisampling is off: the world is made of axis-aligned tiles and egui smooths its own
//! edges, while 4x MSAA (Bevy's default) multiplies the pixel work of every frame by
//! four, which software rendering (Mesa's lavapipe on school PCs without a graphics
//! driver) cannot afford.
//!
//! On the desktop the camera draws into a 16-bit float picture (Bevy's "HDR", with no tone
//! mapping): blending the panels, text and sprites then needs no sRGB conversion per
//! pixel, only the final copy to the window does. The browser keeps 8-bit colour, which
//! every WebGL 2 card can draw into.

use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera);
}

fn spawn_camera(mut commands: Commands) {
    let camera = commands
        .spawn((Name::new("Camera"), Camera2d, Msaa::Off))
        .id();
    #[cfg(not(target_arch = "wasm32"))]
    commands.entity(camera).insert(bevy::camera::Hdr);
    #[cfg(target_arch = "wasm32")]
    let _ = camera;
}
