//! The game's pictures, drawn by code when the game starts (no image files, no licence to
//! track): the robot facing each way, floor, walls, the goal flag, the items, painted
//! floor tiles, profile avatars, stars and a lock for the chapter map; the portraits of
//! the career cards' personas and the badge medals (in `people`).
//!
//! Every picture is described with signed distance functions (negative inside a shape),
//! which gives smooth edges at any size without supersampling. `GameArt` holds the
//! handles; the level screen's world view and the menus both use it.

use bevy::asset::RenderAssetUsages;
use bevy::math::Vec2;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
use bevy_egui::{EguiContexts, EguiTextureHandle, egui};

use crate::sim::{Color as PaintColor, Heading, ItemKind};

mod people;

/// Side of a world tile picture, in pixels. Sprites are square, drawn for this size.
pub const TILE_PX: u32 = 64;
/// Side of an avatar picture, in pixels.
pub const AVATAR_PX: u32 = 96;
/// How many different avatars a profile can choose from.
pub const AVATAR_COUNT: u8 = 8;

pub(super) fn plugin(app: &mut App) {
    // Built while the app is assembled, so the resource exists before the first screen
    // is entered (the first state transition runs before `Startup`). Headless tests
    // without an asset plugin simply get no pictures.
    if let Some(mut images) = app.world_mut().get_resource_mut::<Assets<Image>>() {
        let art = GameArt::build(&mut images);
        app.insert_resource(art);
    }
}

/// Handles of every picture drawn at startup.
#[derive(Resource, Clone, Debug)]
pub struct GameArt {
    /// The robot seen from above, in the order of `Heading::ALL` (north, east, south, west).
    pub robot: [Handle<Image>; 4],
    pub floor: Handle<Image>,
    /// A solid wall filling a whole cell.
    pub wall: Handle<Image>,
    /// A thin wall between two cells, drawn horizontal (`TILE_PX` wide, a quarter high);
    /// rotate it a quarter turn for a wall between two cells side by side.
    pub thin_wall: Handle<Image>,
    /// The goal flag, on a transparent background (draw it over the floor).
    pub goal: Handle<Image>,
    /// Items on a transparent background, in the order of `ItemKind::ALL`.
    pub items: [Handle<Image>; 4],
    /// Painted floor tiles (opaque, replace the floor), in the order of `sim::Color::ALL`.
    pub paint: [Handle<Image>; 4],
    /// Profile avatars, `AVATAR_COUNT` of them.
    pub avatars: Vec<Handle<Image>>,
    pub star: Handle<Image>,
    pub star_empty: Handle<Image>,
    pub lock: Handle<Image>,
    /// The big friendly robot of the title screen.
    pub logo: Handle<Image>,
    /// The persona of each career card of the built-in curriculum, in card order, and
    /// the same shapes as dark silhouettes for the cards still locked.
    pub portraits: Vec<Handle<Image>>,
    pub silhouettes: Vec<Handle<Image>>,
    /// A medal for each badge of the built-in curriculum, in order, and a grey one for
    /// the badges not earned yet.
    pub medals: Vec<Handle<Image>>,
    pub medal_locked: Handle<Image>,
}

impl GameArt {
    /// Draws every picture and adds it to `images`.
    pub fn build(images: &mut Assets<Image>) -> GameArt {
        let mut add = |canvas: Canvas| images.add(canvas.into_image());
        let north = robot_canvas();
        let east = north.rotated_clockwise();
        let south = east.rotated_clockwise();
        let west = south.rotated_clockwise();
        let curriculum = crate::curriculum::builtin();
        let genders: Vec<_> = curriculum
            .careers
            .iter()
            .map(|c| c.persona.gender)
            .collect();
        let (portraits, silhouettes) = people::portraits(&genders, people::PORTRAIT_PX)
            .into_iter()
            .map(|(portrait, silhouette)| (add(portrait), add(silhouette)))
            .unzip();
        GameArt {
            robot: [add(north), add(east), add(south), add(west)],
            floor: add(floor_canvas(None)),
            wall: add(wall_canvas()),
            thin_wall: add(thin_wall_canvas()),
            goal: add(goal_canvas()),
            items: ItemKind::ALL.map(|kind| add(item_canvas(kind))),
            paint: PaintColor::ALL.map(|color| add(floor_canvas(Some(color)))),
            avatars: (0..AVATAR_COUNT)
                .map(|i| add(avatar_canvas(i, AVATAR_PX)))
                .collect(),
            star: add(star_canvas(true)),
            star_empty: add(star_canvas(false)),
            lock: add(lock_canvas()),
            logo: add(avatar_canvas(0, 256)),
            portraits,
            silhouettes,
            medals: (0..curriculum.badges.len())
                .map(|i| add(people::medal_canvas(Some(i), people::MEDAL_PX)))
                .collect(),
            medal_locked: add(people::medal_canvas(None, people::MEDAL_PX)),
        }
    }

    pub fn robot(&self, heading: Heading) -> &Handle<Image> {
        let index = Heading::ALL.iter().position(|h| *h == heading);
        &self.robot[index.unwrap_or(0)]
    }

    pub fn item(&self, kind: ItemKind) -> &Handle<Image> {
        let index = ItemKind::ALL.iter().position(|k| *k == kind);
        &self.items[index.unwrap_or(0)]
    }

    pub fn paint(&self, color: PaintColor) -> &Handle<Image> {
        let index = PaintColor::ALL.iter().position(|c| *c == color);
        &self.paint[index.unwrap_or(0)]
    }

    /// The avatar a profile chose (any number is accepted: it wraps around).
    pub fn avatar(&self, avatar: u8) -> &Handle<Image> {
        &self.avatars[usize::from(avatar % AVATAR_COUNT)]
    }
}

/// The largest side of a [`GridPicture`], in pixels: what every graphics card, WebGL 2
/// included, accepts as a texture.
const GRID_PICTURE_MAX_PX: u32 = 2048;

/// The still part of a level's map as one picture: the floor and wall tiles on a border
/// of `margin` cells. The level screen draws it as one sprite instead of one per cell
/// (plus the border under them): on school PCs without a graphics driver every pixel
/// drawn costs CPU time, and the tiles were a fifth of a frame.
pub struct GridPicture {
    pub image: Image,
    /// The side of a cell in the picture, in pixels: [`TILE_PX`], less on maps too big
    /// for [`GRID_PICTURE_MAX_PX`].
    pub cell_px: u32,
}

impl GridPicture {
    pub fn new(world: &crate::sim::World, margin: f32, border: Color) -> GridPicture {
        let (width, height) = (world.width.max(1) as u32, world.height.max(1) as u32);
        let most_cells = width.max(height) as f32 + 2.0 * margin;
        let cell_px = ((GRID_PICTURE_MAX_PX as f32 / most_cells) as u32).clamp(1, TILE_PX);
        let margin_px = (margin * cell_px as f32).round() as u32;
        let floor = floor_canvas_sized(None, cell_px).into_rgba8();
        let wall = wall_canvas_sized(cell_px).into_rgba8();
        let picture_width = width * cell_px + 2 * margin_px;
        let picture_height = height * cell_px + 2 * margin_px;
        let border = border.to_srgba().to_u8_array();
        let mut rgba: Vec<u8> = border
            .iter()
            .copied()
            .cycle()
            .take((picture_width * picture_height * 4) as usize)
            .collect();
        let row_bytes = (cell_px * 4) as usize;
        for y in 0..height {
            for x in 0..width {
                let pos = crate::sim::Pos::new(x as i32, y as i32);
                let tile = if world.blocked.contains(&pos) {
                    &wall
                } else {
                    &floor
                };
                for row in 0..cell_px {
                    let to_row = margin_px + y * cell_px + row;
                    let to = ((to_row * picture_width + margin_px + x * cell_px) * 4) as usize;
                    let from = row as usize * row_bytes;
                    rgba[to..to + row_bytes].copy_from_slice(&tile[from..from + row_bytes]);
                }
            }
        }
        GridPicture {
            image: rgba_image(picture_width, picture_height, rgba),
            cell_px,
        }
    }

    /// The picture's size in cells, margins included.
    pub fn size_in_cells(&self) -> Vec2 {
        self.image.size().as_vec2() / self.cell_px as f32
    }
}

/// Writes the title screen's robot as a PNG of `size` pixels a side: the icon of the
/// installed game (`codebot --write-icon`, used by scripts/package.sh).
pub fn write_logo_png(
    path: &std::path::Path,
    size: u32,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    avatar_canvas(0, size)
        .into_image()
        .try_into_dynamic()?
        .save(path)?;
    Ok(())
}

/// The egui texture of one of the pictures, for `egui::Image`.
pub fn egui_texture(contexts: &mut EguiContexts, handle: &Handle<Image>) -> egui::TextureId {
    contexts.add_image(EguiTextureHandle::Weak(handle.id()))
}

/// The same pictures as egui textures, for the menus (made each frame: registering an
/// image already known to egui only looks it up).
#[derive(Clone, Debug)]
pub struct ArtTextures {
    pub robot: [egui::TextureId; 4],
    pub floor: egui::TextureId,
    pub wall: egui::TextureId,
    pub goal: egui::TextureId,
    pub items: [egui::TextureId; 4],
    pub paint: [egui::TextureId; 4],
    pub avatars: Vec<egui::TextureId>,
    pub star: egui::TextureId,
    pub star_empty: egui::TextureId,
    pub lock: egui::TextureId,
    pub logo: egui::TextureId,
    pub portraits: Vec<egui::TextureId>,
    pub silhouettes: Vec<egui::TextureId>,
    pub medals: Vec<egui::TextureId>,
    pub medal_locked: egui::TextureId,
}

impl ArtTextures {
    pub fn new(contexts: &mut EguiContexts, art: &GameArt) -> ArtTextures {
        let mut id = |handle: &Handle<Image>| egui_texture(contexts, handle);
        ArtTextures {
            robot: [
                id(&art.robot[0]),
                id(&art.robot[1]),
                id(&art.robot[2]),
                id(&art.robot[3]),
            ],
            floor: id(&art.floor),
            wall: id(&art.wall),
            goal: id(&art.goal),
            items: [
                id(&art.items[0]),
                id(&art.items[1]),
                id(&art.items[2]),
                id(&art.items[3]),
            ],
            paint: [
                id(&art.paint[0]),
                id(&art.paint[1]),
                id(&art.paint[2]),
                id(&art.paint[3]),
            ],
            avatars: art.avatars.iter().map(&mut id).collect(),
            star: id(&art.star),
            star_empty: id(&art.star_empty),
            lock: id(&art.lock),
            logo: id(&art.logo),
            portraits: art.portraits.iter().map(&mut id).collect(),
            silhouettes: art.silhouettes.iter().map(&mut id).collect(),
            medals: art.medals.iter().map(&mut id).collect(),
            medal_locked: id(&art.medal_locked),
        }
    }

    pub fn robot(&self, heading: Heading) -> egui::TextureId {
        let index = Heading::ALL.iter().position(|h| *h == heading);
        self.robot[index.unwrap_or(0)]
    }

    pub fn item(&self, kind: ItemKind) -> egui::TextureId {
        let index = ItemKind::ALL.iter().position(|k| *k == kind);
        self.items[index.unwrap_or(0)]
    }

    pub fn avatar(&self, avatar: u8) -> egui::TextureId {
        self.avatars[usize::from(avatar % AVATAR_COUNT)]
    }

    /// The portrait of the `index`-th career card, or its silhouette while locked.
    pub fn portrait(&self, index: usize, unlocked: bool) -> Option<egui::TextureId> {
        let list = if unlocked {
            &self.portraits
        } else {
            &self.silhouettes
        };
        list.get(index).copied()
    }

    /// The medal of the `index`-th badge, or the grey one while it is not earned.
    pub fn medal(&self, index: usize, earned: bool) -> egui::TextureId {
        match self.medals.get(index) {
            Some(medal) if earned => *medal,
            _ => self.medal_locked,
        }
    }
}

// ---------------------------------------------------------------------------------------
// The palette: warm, saturated, readable on light and dark backgrounds.

type Rgba = [f32; 4];

const fn hex(rgb: u32) -> Rgba {
    [
        ((rgb >> 16) & 0xff) as f32 / 255.0,
        ((rgb >> 8) & 0xff) as f32 / 255.0,
        (rgb & 0xff) as f32 / 255.0,
        1.0,
    ]
}

const fn with_alpha(c: Rgba, alpha: f32) -> Rgba {
    [c[0], c[1], c[2], alpha]
}

const INK: Rgba = hex(0x2b2d42);
const SHADOW: Rgba = with_alpha(hex(0x1d1f2e), 0.22);
const WHITE: Rgba = hex(0xffffff);
const FLOOR_EDGE: Rgba = hex(0xd9d0bd);
const FLOOR: Rgba = hex(0xf3ecdc);
const FLOOR_SPECK: Rgba = hex(0xe6dcc6);
const WALL_MORTAR: Rgba = hex(0x394462);
const WALL_BRICK: Rgba = hex(0x56658c);
const WALL_LIGHT: Rgba = hex(0x6d7ea8);
const ROBOT_BODY: Rgba = hex(0xf28c28);
const ROBOT_DARK: Rgba = hex(0x9a4f10);
const ROBOT_LIGHT: Rgba = hex(0xffb866);
const TREAD: Rgba = hex(0x3b4050);
const TREAD_LINE: Rgba = hex(0x5a6175);
const SCREEN: Rgba = hex(0x1f2a44);
const EYE: Rgba = hex(0x6ff3ff);
const NOSE: Rgba = hex(0xffe066);
const GOLD: Rgba = hex(0xf7c948);
const GOLD_DARK: Rgba = hex(0xb7791f);
const GOLD_LIGHT: Rgba = hex(0xfff1b8);
const FLAG: Rgba = hex(0xef476f);
const FLAG_LIGHT: Rgba = hex(0xff8fab);
const POLE: Rgba = hex(0x6b4f3a);
const GEM_DARK: Rgba = hex(0x4c2fb8);
const GEM: Rgba = hex(0x7c5cff);
const GEM_LIGHT: Rgba = hex(0xb9a7ff);
const GEM_SHINE: Rgba = hex(0xe9e3ff);
const BATTERY: Rgba = hex(0x2fbf71);
const BATTERY_CASE: Rgba = hex(0x39405a);
const STEEL: Rgba = hex(0x8d99ae);
const STEEL_DARK: Rgba = hex(0x4a5368);
const GREY_STAR: Rgba = hex(0xc9ced8);
const GREY_STAR_EDGE: Rgba = hex(0x8e96a8);

fn paint_rgba(color: PaintColor) -> (Rgba, Rgba) {
    match color {
        PaintColor::Red => (hex(0xe85d5d), hex(0xf59a9a)),
        PaintColor::Green => (hex(0x3dbb6a), hex(0x86e0a6)),
        PaintColor::Blue => (hex(0x3f8fe0), hex(0x8ec2f5)),
        PaintColor::Yellow => (hex(0xf2c230), hex(0xffe28a)),
    }
}

/// Avatar head colours, one per avatar.
const AVATAR_COLORS: [(u32, u32); AVATAR_COUNT as usize] = [
    (0xf28c28, 0xffe3c2), // orange on cream
    (0x2ec4b6, 0xd7f7f3), // teal
    (0x9b5de5, 0xeadcfb), // purple
    (0xf15bb5, 0xfde0f1), // pink
    (0x3a86ff, 0xd9e7ff), // blue
    (0x52b855, 0xdcf3dc), // green
    (0xf2c230, 0xfff4cc), // yellow
    (0xe63946, 0xfddcdf), // red
];

// ---------------------------------------------------------------------------------------
// Signed distance functions, in picture units: (0, 0) top left, (1, 1) bottom right.

fn circle(p: Vec2, center: Vec2, radius: f32) -> f32 {
    p.distance(center) - radius
}

fn rounded_box(p: Vec2, min: Vec2, max: Vec2, radius: f32) -> f32 {
    let center = (min + max) * 0.5;
    let half = (max - min) * 0.5 - Vec2::splat(radius);
    let q = (p - center).abs() - half;
    q.max(Vec2::ZERO).length() + q.x.max(q.y).min(0.0) - radius
}

fn capsule(p: Vec2, a: Vec2, b: Vec2, half_width: f32) -> f32 {
    let pa = p - a;
    let ba = b - a;
    let h = (pa.dot(ba) / ba.dot(ba)).clamp(0.0, 1.0);
    (pa - ba * h).length() - half_width
}

fn ellipse_approx(p: Vec2, center: Vec2, radii: Vec2) -> f32 {
    // Good enough for soft shadows: scaled distance.
    let q = (p - center) / radii;
    (q.length() - 1.0) * radii.x.min(radii.y)
}

/// Exact signed distance to a polygon (Inigo Quilez's formula).
fn polygon(p: Vec2, points: &[Vec2]) -> f32 {
    let n = points.len();
    let mut d = (p - points[0]).length_squared();
    let mut sign = 1.0;
    let mut j = n - 1;
    for i in 0..n {
        let e = points[j] - points[i];
        let w = p - points[i];
        let b = w - e * (w.dot(e) / e.dot(e)).clamp(0.0, 1.0);
        d = d.min(b.length_squared());
        let c = [p.y >= points[i].y, p.y < points[j].y, e.x * w.y > e.y * w.x];
        if c.iter().all(|x| *x) || c.iter().all(|x| !*x) {
            sign = -sign;
        }
        j = i;
    }
    sign * d.sqrt()
}

fn star_points(center: Vec2, outer: f32, inner: f32) -> Vec<Vec2> {
    (0..10)
        .map(|i| {
            let angle = -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::PI / 5.0;
            let r = if i % 2 == 0 { outer } else { inner };
            center + Vec2::new(angle.cos(), angle.sin()) * r
        })
        .collect()
}

fn v(x: f32, y: f32) -> Vec2 {
    Vec2::new(x, y)
}

/// A small deterministic hash, for speckles that look random but never change.
fn hash(x: u32, y: u32) -> f32 {
    let mut h = x.wrapping_mul(374_761_393) ^ y.wrapping_mul(668_265_263);
    h = (h ^ (h >> 13)).wrapping_mul(1_274_126_177);
    (h ^ (h >> 16)) as f32 / u32::MAX as f32
}

// ---------------------------------------------------------------------------------------
// A picture being drawn: straight-alpha sRGB colours, composited "over".

struct Canvas {
    width: u32,
    height: u32,
    pixels: Vec<Rgba>,
}

impl Canvas {
    fn new(width: u32, height: u32) -> Canvas {
        Canvas {
            width,
            height,
            pixels: vec![[0.0; 4]; (width * height) as usize],
        }
    }

    fn square(size: u32) -> Canvas {
        Canvas::new(size, size)
    }

    /// Fills the inside of `sdf` (in picture units of the width) with `color`, with
    /// anti-aliased edges.
    fn fill(&mut self, color: Rgba, sdf: impl Fn(Vec2) -> f32) {
        self.shade(|p| (color, sdf(p)));
    }

    /// Like `fill`, the colour depending on the point (gradients).
    fn shade(&mut self, shader: impl Fn(Vec2) -> (Rgba, f32)) {
        let unit = self.width as f32;
        for y in 0..self.height {
            for x in 0..self.width {
                let p = v((x as f32 + 0.5) / unit, (y as f32 + 0.5) / unit);
                let (color, distance) = shader(p);
                let coverage = (0.5 - distance * unit).clamp(0.0, 1.0);
                if coverage > 0.0 {
                    let index = (y * self.width + x) as usize;
                    self.pixels[index] = over(self.pixels[index], color, coverage);
                }
            }
        }
    }

    /// Fills `sdf` with `fill` and a dark `outline` of the given width around it.
    fn outlined(&mut self, outline: Rgba, fill: Rgba, width: f32, sdf: impl Fn(Vec2) -> f32) {
        self.fill(outline, |p| sdf(p) - width);
        self.fill(fill, sdf);
    }

    fn rotated_clockwise(&self) -> Canvas {
        let n = self.width;
        debug_assert_eq!(self.width, self.height);
        let mut out = Canvas::square(n);
        for y in 0..n {
            for x in 0..n {
                out.pixels[(y * n + x) as usize] = self.pixels[((n - 1 - x) * n + y) as usize];
            }
        }
        out
    }

    fn into_rgba8(self) -> Vec<u8> {
        self.pixels
            .iter()
            .flat_map(|c| c.map(|channel| (channel.clamp(0.0, 1.0) * 255.0).round() as u8))
            .collect()
    }

    fn into_image(self) -> Image {
        let (width, height) = (self.width, self.height);
        rgba_image(width, height, self.into_rgba8())
    }
}

/// An sRGB picture of `width` x `height` pixels from its RGBA bytes, kept on the CPU too.
fn rgba_image(width: u32, height: u32, rgba: Vec<u8>) -> Image {
    let size = Extent3d {
        width,
        height,
        depth_or_array_layers: 1,
    };
    Image::new(
        size,
        TextureDimension::D2,
        rgba,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::default(),
    )
}

fn over(below: Rgba, color: Rgba, coverage: f32) -> Rgba {
    let alpha = color[3] * coverage;
    let out_alpha = alpha + below[3] * (1.0 - alpha);
    if out_alpha <= 0.0 {
        return [0.0; 4];
    }
    let mut out = [0.0; 4];
    for i in 0..3 {
        out[i] = (color[i] * alpha + below[i] * below[3] * (1.0 - alpha)) / out_alpha;
    }
    out[3] = out_alpha;
    out
}

fn mix(a: Rgba, b: Rgba, t: f32) -> Rgba {
    let t = t.clamp(0.0, 1.0);
    [0, 1, 2, 3].map(|i| a[i] + (b[i] - a[i]) * t)
}

// ---------------------------------------------------------------------------------------
// The pictures.

fn floor_canvas(paint: Option<PaintColor>) -> Canvas {
    floor_canvas_sized(paint, TILE_PX)
}

fn floor_canvas_sized(paint: Option<PaintColor>, size: u32) -> Canvas {
    let mut c = Canvas::square(size);
    c.fill(FLOOR_EDGE, |_| -1.0);
    let (face, light) = match paint {
        Some(color) => paint_rgba(color),
        None => (FLOOR, WHITE),
    };
    c.shade(|p| {
        // A gentle light from the top left.
        let t = (p.x + p.y) * 0.5;
        (
            mix(mix(face, light, 0.25), face, t * 1.6),
            rounded_box(p, v(0.04, 0.04), v(0.96, 0.96), 0.1),
        )
    });
    if paint.is_none() {
        for (i, j) in [(13, 17), (41, 12), (27, 38), (50, 46), (9, 52), (36, 27)] {
            let r = 0.012 + hash(i, j) * 0.02;
            let center = v(i as f32, j as f32) / TILE_PX as f32;
            c.fill(FLOOR_SPECK, |p| circle(p, center, r));
        }
    } else {
        // A brush stroke so painted cells read as paint, not as a different floor.
        let (_, light) = paint_rgba(paint.unwrap_or(PaintColor::Red));
        c.fill(with_alpha(light, 0.7), |p| {
            capsule(p, v(0.22, 0.3), v(0.5, 0.22), 0.045)
        });
    }
    c
}

fn wall_canvas() -> Canvas {
    wall_canvas_sized(TILE_PX)
}

fn wall_canvas_sized(size: u32) -> Canvas {
    let mut c = Canvas::square(size);
    c.fill(WALL_MORTAR, |_| -1.0);
    let rows = 4;
    let h = 1.0 / rows as f32;
    for row in 0..rows {
        let offset = if row % 2 == 0 { 0.0 } else { 0.5 };
        for col in -1..3 {
            let x0 = col as f32 * 0.5 + offset * 0.5;
            let min = v(x0 + 0.02, row as f32 * h + 0.025);
            let max = v(x0 + 0.5 - 0.02, (row + 1) as f32 * h - 0.025);
            c.shade(|p| {
                let t = (p.y - min.y) / (max.y - min.y);
                (
                    mix(WALL_LIGHT, WALL_BRICK, t * 2.0),
                    rounded_box(p, min, max, 0.03),
                )
            });
        }
    }
    c
}

fn thin_wall_canvas() -> Canvas {
    let mut c = Canvas::new(TILE_PX, TILE_PX / 4);
    let height = 0.25;
    c.fill(WALL_MORTAR, |p| {
        rounded_box(p, v(0.0, 0.0), v(1.0, height), 0.05)
    });
    c.shade(|p| {
        (
            mix(WALL_LIGHT, WALL_BRICK, p.y / height * 1.5),
            rounded_box(p, v(0.03, 0.04), v(0.97, height - 0.04), 0.04),
        )
    });
    c
}

fn goal_canvas() -> Canvas {
    let mut c = Canvas::square(TILE_PX);
    // A target ring on the floor, then the flag.
    c.fill(with_alpha(FLAG, 0.35), |p| {
        circle(p, v(0.5, 0.55), 0.36).abs() - 0.03
    });
    c.fill(SHADOW, |p| ellipse_approx(p, v(0.4, 0.84), v(0.16, 0.05)));
    c.outlined(INK, POLE, 0.015, |p| {
        capsule(p, v(0.36, 0.16), v(0.36, 0.83), 0.03)
    });
    let flag = [v(0.39, 0.16), v(0.82, 0.3), v(0.39, 0.46)];
    c.outlined(INK, FLAG, 0.015, |p| polygon(p, &flag));
    c.fill(FLAG_LIGHT, |p| {
        polygon(p, &[v(0.41, 0.2), v(0.6, 0.26), v(0.41, 0.3)])
    });
    c.outlined(INK, GOLD, 0.012, |p| circle(p, v(0.36, 0.13), 0.05));
    c
}

fn item_canvas(kind: ItemKind) -> Canvas {
    let mut c = Canvas::square(TILE_PX);
    c.fill(SHADOW, |p| ellipse_approx(p, v(0.5, 0.8), v(0.24, 0.06)));
    match kind {
        ItemKind::Gem => draw_gem(&mut c),
        ItemKind::Coin => draw_coin(&mut c),
        ItemKind::Key => draw_key(&mut c),
        ItemKind::Battery => draw_battery(&mut c),
    }
    c
}

fn draw_gem(c: &mut Canvas) {
    let outline = [
        v(0.3, 0.26),
        v(0.7, 0.26),
        v(0.84, 0.42),
        v(0.5, 0.8),
        v(0.16, 0.42),
    ];
    c.outlined(GEM_DARK, GEM, 0.02, |p| polygon(p, &outline));
    // Facets: the table on top, lighter; the right side, darker.
    c.fill(GEM_LIGHT, |p| {
        polygon(
            p,
            &[v(0.33, 0.29), v(0.67, 0.29), v(0.75, 0.42), v(0.25, 0.42)],
        )
    });
    c.fill(GEM_DARK, |p| {
        polygon(p, &[v(0.62, 0.44), v(0.8, 0.44), v(0.52, 0.75)])
    });
    c.fill(GEM_SHINE, |p| {
        polygon(
            p,
            &[v(0.36, 0.31), v(0.47, 0.31), v(0.42, 0.4), v(0.31, 0.4)],
        )
    });
    // A sparkle.
    c.fill(WHITE, |p| {
        polygon(
            p,
            &[
                v(0.78, 0.12),
                v(0.8, 0.19),
                v(0.87, 0.21),
                v(0.8, 0.23),
                v(0.78, 0.3),
                v(0.76, 0.23),
                v(0.69, 0.21),
                v(0.76, 0.19),
            ],
        )
    });
}

fn draw_coin(c: &mut Canvas) {
    let center = v(0.5, 0.5);
    c.outlined(GOLD_DARK, GOLD, 0.03, |p| circle(p, center, 0.27));
    c.fill(GOLD_DARK, |p| circle(p, center, 0.19).abs() - 0.012);
    c.fill(GOLD_DARK, |p| polygon(p, &star_points(center, 0.12, 0.05)));
    c.fill(GOLD_LIGHT, |p| {
        // A highlight arc at the top left.
        let d = circle(p, center, 0.225).abs() - 0.018;
        let angle = (p.y - center.y).atan2(p.x - center.x);
        if (-2.6..-1.7).contains(&angle) {
            d
        } else {
            1.0
        }
    });
}

fn draw_key(c: &mut Canvas) {
    let ring = |p: Vec2| circle(p, v(0.3, 0.42), 0.15).max(-circle(p, v(0.3, 0.42), 0.07));
    let shaft = |p: Vec2| capsule(p, v(0.42, 0.5), v(0.84, 0.5), 0.045);
    let teeth = |p: Vec2| {
        rounded_box(p, v(0.64, 0.5), v(0.71, 0.66), 0.015).min(rounded_box(
            p,
            v(0.75, 0.5),
            v(0.82, 0.62),
            0.015,
        ))
    };
    let key = |p: Vec2| ring(p).min(shaft(p)).min(teeth(p));
    c.outlined(GOLD_DARK, GOLD, 0.025, key);
    c.fill(GOLD_LIGHT, |p| {
        capsule(p, v(0.46, 0.485), v(0.8, 0.485), 0.012)
    });
    c.fill(GOLD_LIGHT, |p| {
        let d = circle(p, v(0.3, 0.42), 0.115).abs() - 0.014;
        if p.x < 0.28 && p.y < 0.42 { d } else { 1.0 }
    });
}

fn draw_battery(c: &mut Canvas) {
    c.outlined(INK, BATTERY_CASE, 0.02, |p| {
        rounded_box(p, v(0.15, 0.3), v(0.78, 0.72), 0.07)
    });
    c.outlined(INK, STEEL, 0.02, |p| {
        rounded_box(p, v(0.78, 0.42), v(0.87, 0.6), 0.03)
    });
    for i in 0..3 {
        let x0 = 0.21 + i as f32 * 0.185;
        c.shade(|p| {
            (
                mix(hex(0x7ef0b0), BATTERY, (p.y - 0.36) * 4.0),
                rounded_box(p, v(x0, 0.36), v(x0 + 0.16, 0.66), 0.03),
            )
        });
    }
    let bolt = [
        v(0.52, 0.26),
        v(0.38, 0.54),
        v(0.48, 0.54),
        v(0.43, 0.77),
        v(0.6, 0.46),
        v(0.5, 0.46),
        v(0.56, 0.26),
    ];
    c.outlined(INK, NOSE, 0.018, |p| polygon(p, &bolt));
}

/// The robot seen from above, facing north (up).
fn robot_canvas() -> Canvas {
    let mut c = Canvas::square(TILE_PX);
    c.fill(SHADOW, |p| rounded_box(p, v(0.14, 0.2), v(0.9, 0.92), 0.14));
    // Treads on both sides.
    for (x0, x1) in [(0.12, 0.3), (0.7, 0.88)] {
        c.outlined(INK, TREAD, 0.015, |p| {
            rounded_box(p, v(x0, 0.2), v(x1, 0.84), 0.06)
        });
        for i in 0..6 {
            let y = 0.27 + i as f32 * 0.1;
            c.fill(TREAD_LINE, |p| {
                capsule(p, v(x0 + 0.04, y), v(x1 - 0.04, y), 0.014)
            });
        }
    }
    // Body, with a lighter top.
    c.fill(INK, |p| {
        rounded_box(p, v(0.22, 0.22), v(0.78, 0.84), 0.14) - 0.018
    });
    c.shade(|p| {
        (
            mix(ROBOT_LIGHT, ROBOT_BODY, (p.y - 0.22) * 3.0),
            rounded_box(p, v(0.22, 0.22), v(0.78, 0.84), 0.14),
        )
    });
    c.fill(ROBOT_DARK, |p| {
        capsule(p, v(0.3, 0.56), v(0.7, 0.56), 0.012)
    });
    // Face screen at the front, with two eyes.
    c.fill(SCREEN, |p| rounded_box(p, v(0.3, 0.27), v(0.7, 0.48), 0.07));
    for x in [0.41, 0.59] {
        c.fill(with_alpha(EYE, 0.35), |p| circle(p, v(x, 0.375), 0.07));
        c.fill(EYE, |p| circle(p, v(x, 0.375), 0.045));
        c.fill(WHITE, |p| circle(p, v(x - 0.015, 0.36), 0.014));
    }
    // Antenna on the back, and a nose arrow showing where it faces.
    c.outlined(INK, STEEL, 0.012, |p| circle(p, v(0.5, 0.7), 0.06));
    c.fill(FLAG, |p| circle(p, v(0.5, 0.7), 0.03));
    c.outlined(INK, NOSE, 0.015, |p| {
        polygon(p, &[v(0.5, 0.06), v(0.6, 0.19), v(0.4, 0.19)])
    });
    c
}

/// A robot head seen from the front, on a round coloured badge.
fn avatar_canvas(index: u8, size: u32) -> Canvas {
    let (head, background) = AVATAR_COLORS[usize::from(index % AVATAR_COUNT)];
    let (head, background) = (hex(head), hex(background));
    let dark = mix(head, INK, 0.55);
    let light = mix(head, WHITE, 0.4);
    let mut c = Canvas::square(size);
    c.fill(background, |p| circle(p, v(0.5, 0.5), 0.49));
    c.fill(with_alpha(head, 0.25), |p| {
        circle(p, v(0.5, 0.5), 0.49).abs() - 0.012
    });
    // Antenna (three shapes, changing with the avatar).
    c.outlined(INK, STEEL, 0.015, |p| {
        capsule(p, v(0.5, 0.12), v(0.5, 0.28), 0.02)
    });
    match index % 3 {
        0 => c.outlined(INK, FLAG, 0.015, |p| circle(p, v(0.5, 0.12), 0.055)),
        1 => c.outlined(INK, NOSE, 0.015, |p| {
            polygon(p, &star_points(v(0.5, 0.12), 0.08, 0.035))
        }),
        _ => c.outlined(INK, EYE, 0.015, |p| {
            rounded_box(p, v(0.44, 0.07), v(0.56, 0.16), 0.03)
        }),
    }
    // Ears, head, face screen.
    c.outlined(INK, dark, 0.018, |p| {
        rounded_box(p, v(0.14, 0.42), v(0.86, 0.6), 0.06)
    });
    c.fill(INK, |p| {
        rounded_box(p, v(0.2, 0.26), v(0.8, 0.82), 0.14) - 0.02
    });
    c.shade(|p| {
        (
            mix(light, head, (p.y - 0.26) * 3.0),
            rounded_box(p, v(0.2, 0.26), v(0.8, 0.82), 0.14),
        )
    });
    c.fill(SCREEN, |p| {
        rounded_box(p, v(0.28, 0.36), v(0.72, 0.7), 0.09)
    });
    let eye_y = 0.49;
    for x in [0.39, 0.61] {
        c.fill(with_alpha(EYE, 0.3), |p| circle(p, v(x, eye_y), 0.07));
        match index % 4 {
            // Round eyes, happy arcs, tall eyes, winking.
            0 | 2 => c.fill(EYE, |p| {
                rounded_box(
                    p,
                    v(x - 0.035, eye_y - 0.045 - 0.01 * f32::from(index % 4)),
                    v(x + 0.035, eye_y + 0.045),
                    0.035,
                )
            }),
            1 => c.fill(EYE, |p| {
                let d = circle(p, v(x, eye_y + 0.03), 0.05).abs() - 0.016;
                if p.y < eye_y + 0.03 { d } else { 1.0 }
            }),
            _ => {
                if x < 0.5 {
                    c.fill(EYE, |p| circle(p, v(x, eye_y), 0.045));
                } else {
                    c.fill(EYE, |p| {
                        capsule(p, v(x - 0.04, eye_y), v(x + 0.04, eye_y), 0.016)
                    });
                }
            }
        }
    }
    // Smile.
    c.fill(EYE, |p| {
        let d = circle(p, v(0.5, 0.55), 0.09).abs() - 0.014;
        if p.y > 0.6 { d } else { 1.0 }
    });
    // Cheek lights.
    for x in [0.3, 0.7] {
        c.fill(with_alpha(FLAG_LIGHT, 0.8), |p| {
            circle(p, v(x, 0.76), 0.025)
        });
    }
    c
}

fn star_canvas(earned: bool) -> Canvas {
    let mut c = Canvas::square(TILE_PX);
    let (edge, face, shine) = if earned {
        (GOLD_DARK, GOLD, GOLD_LIGHT)
    } else {
        (GREY_STAR_EDGE, GREY_STAR, hex(0xe8ebf0))
    };
    let points = star_points(v(0.5, 0.53), 0.45, 0.2);
    c.fill(edge, |p| polygon(p, &points) - 0.035);
    c.fill(face, |p| polygon(p, &points));
    let shine_points = star_points(v(0.45, 0.46), 0.16, 0.07);
    c.fill(with_alpha(shine, 0.8), |p| polygon(p, &shine_points));
    c
}

fn lock_canvas() -> Canvas {
    let mut c = Canvas::square(TILE_PX);
    c.outlined(STEEL_DARK, STEEL, 0.025, |p| {
        let shackle = circle(p, v(0.5, 0.42), 0.19).abs() - 0.045;
        if p.y < 0.5 { shackle } else { 1.0 }
    });
    c.outlined(STEEL_DARK, GOLD, 0.03, |p| {
        rounded_box(p, v(0.22, 0.44), v(0.78, 0.88), 0.08)
    });
    c.fill(GOLD_DARK, |p| circle(p, v(0.5, 0.62), 0.06));
    c.fill(GOLD_DARK, |p| capsule(p, v(0.5, 0.62), v(0.5, 0.76), 0.03));
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opaque_share(canvas: &Canvas) -> f32 {
        let opaque = canvas.pixels.iter().filter(|p| p[3] > 0.5).count();
        opaque as f32 / canvas.pixels.len() as f32
    }

    #[test]
    fn tiles_are_opaque_and_sprites_have_transparent_corners() {
        assert!(opaque_share(&floor_canvas(None)) > 0.99);
        assert!(opaque_share(&wall_canvas()) > 0.99);
        for kind in ItemKind::ALL {
            let canvas = item_canvas(kind);
            let share = opaque_share(&canvas);
            assert!((0.08..0.7).contains(&share), "{kind:?}: {share}");
            assert_eq!(canvas.pixels[0][3], 0.0, "{kind:?} corner");
        }
        let robot = robot_canvas();
        assert!(opaque_share(&robot) > 0.3);
        assert_eq!(robot.pixels[0][3], 0.0);
    }

    #[test]
    fn the_robot_faces_four_different_ways() {
        let north = robot_canvas();
        let east = north.rotated_clockwise();
        let south = east.rotated_clockwise();
        let west = south.rotated_clockwise();
        assert_eq!(west.rotated_clockwise().pixels, north.pixels);
        let pictures = [&north, &east, &south, &west];
        for (i, a) in pictures.iter().enumerate() {
            for b in &pictures[i + 1..] {
                assert_ne!(a.pixels, b.pixels);
            }
        }
        // The nose arrow is yellow and at the top when facing north.
        let top_middle = north.pixels[(6 * TILE_PX + TILE_PX / 2) as usize];
        assert!(top_middle[0] > 0.9 && top_middle[1] > 0.8, "{top_middle:?}");
    }

    #[test]
    fn game_art_builds_every_picture() {
        let mut images = Assets::<Image>::default();
        let art = GameArt::build(&mut images);
        assert_eq!(art.avatars.len(), usize::from(AVATAR_COUNT));
        let image = images.get(art.robot(Heading::East)).expect("robot image");
        assert_eq!(image.width(), TILE_PX);
        assert!(images.get(art.paint(PaintColor::Blue)).is_some());
        assert!(images.get(art.avatar(200)).is_some());
        let curriculum = crate::curriculum::builtin();
        assert_eq!(art.portraits.len(), curriculum.careers.len());
        assert_eq!(art.silhouettes.len(), curriculum.careers.len());
        assert_eq!(art.medals.len(), curriculum.badges.len());
    }

    /// The RGBA bytes of pixel (x, y) of an image.
    fn pixel(image: &Image, x: u32, y: u32) -> [u8; 4] {
        let data = image.data.as_ref().expect("pixels on the CPU");
        let at = ((y * image.width() + x) * 4) as usize;
        data[at..at + 4].try_into().expect("4 bytes")
    }

    #[test]
    fn the_grid_picture_has_the_border_the_floor_and_the_walls_where_the_map_has_them() {
        let mut world = crate::sim::World::new(3, 2);
        world.blocked.insert(crate::sim::Pos::new(2, 1));
        let border = Color::srgb_u8(10, 20, 30);
        let grid = GridPicture::new(&world, 0.5, border);
        assert_eq!(grid.cell_px, TILE_PX);
        assert_eq!(grid.size_in_cells(), Vec2::new(4.0, 3.0));
        let floor = floor_canvas(None).into_image();
        let wall = wall_canvas().into_image();
        let margin = TILE_PX / 2;
        let inside = |cell_x: u32, cell_y: u32, x: u32, y: u32| {
            pixel(
                &grid.image,
                margin + cell_x * TILE_PX + x,
                margin + cell_y * TILE_PX + y,
            )
        };
        assert_eq!(pixel(&grid.image, 0, 0), [10, 20, 30, 255]);
        assert_eq!(
            pixel(&grid.image, margin - 1, margin + 5),
            [10, 20, 30, 255]
        );
        for (x, y) in [(0, 0), (13, 17), (63, 63)] {
            assert_eq!(inside(0, 0, x, y), pixel(&floor, x, y));
            assert_eq!(inside(1, 1, x, y), pixel(&floor, x, y));
            assert_eq!(inside(2, 1, x, y), pixel(&wall, x, y));
        }
    }

    #[test]
    fn the_grid_picture_of_the_biggest_map_fits_every_graphics_card() {
        let side = crate::level::MAX_SIDE as i32;
        let grid = GridPicture::new(&crate::sim::World::new(side, side), 0.35, Color::BLACK);
        assert!(grid.image.width() <= GRID_PICTURE_MAX_PX);
        assert!(grid.image.height() <= GRID_PICTURE_MAX_PX);
        assert!(grid.cell_px >= 16, "cells of {} px", grid.cell_px);
        let in_cells = grid.size_in_cells();
        assert!(
            (in_cells.x - (side as f32 + 0.7)).abs() < 0.05,
            "{in_cells}"
        );
    }
}
