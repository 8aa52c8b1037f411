//! The world drawn with Bevy sprites (the pictures of `GameArt`): floor, walls, thin
//! walls, goal flags, marked cells, painted floor, items, the robot moving and turning
//! smoothly, and the small effects of picking, dropping, painting and crashing.
//!
//! The grid is scaled to fit the free area the egui panels leave ([`WorldViewport`]).
//! What is drawn at any time is a pure function of the replay cursor (`animation`).

use bevy::prelude::*;

use super::LevelSet;
use super::animation::{self, Effect};
use super::goals::goal_marks;
use super::open::ActiveLevel;
use super::replay::{Replay, drawn_cursor, shown_trace};
use super::run::ProgramRun;
use crate::game::art::GridPicture;
use crate::game::theme::Theme;
use crate::game::{GameArt, Screen};
use crate::sim::{Heading, ItemKind, Pos, Trace, World};

/// Side of a cell in the world's own units (the pictures' size); the root is scaled.
const CELL: f32 = 64.0;
/// Space around the grid, in cells.
const MARGIN: f32 = 0.35;
/// Largest cell drawn, in logical pixels: small worlds do not become huge.
pub(super) const MAX_CELL_PX: f32 = 112.0;
/// The letter of the goal cell in level maps, which briefs use ("va sur G").
const GOAL_LETTER: char = 'G';
/// Sprites kept for effects (a crash throws several sparks).
const EFFECT_SPRITES: usize = 7;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<WorldViewport>()
        .add_systems(OnEnter(Screen::Level), spawn_world)
        .add_systems(
            Update,
            (place_world, draw_grid, draw_floor, draw_robot, draw_effects)
                .chain()
                .in_set(LevelSet::Draw),
        );
}

/// The window area left free for the world by the panels, in logical pixels from the
/// window's top-left corner. Set by the layout every frame.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub(super) struct WorldViewport(pub Option<Rect>);

/// The size of a cell, in the units of `area`, to fit a `width` x `height` grid in it.
pub(super) fn cell_size(area: Vec2, width: i32, height: i32, max: f32) -> f32 {
    let cells = Vec2::new(width as f32, height as f32) + 2.0 * MARGIN;
    (area / cells).min_element().clamp(1.0, max)
}

/// The centre of cell `(x, y)` (fractional for a moving robot), relative to the grid's
/// centre, y pointing up, in cells.
pub(super) fn cell_offset(world: &World, x: f32, y: f32) -> Vec2 {
    Vec2::new(
        x - (world.width - 1) as f32 / 2.0,
        (world.height - 1) as f32 / 2.0 - y,
    )
}

#[derive(Component)]
struct WorldRoot;

/// The frame around the grid: a soft blue-grey, calm next to the warm panels. Around it
/// is the window's background (see `theme::clear_with_panel_colour`): a backdrop of its
/// own for the free area cost a tenth of a frame on software rendering.
const BORDER: Color = Color::srgb(0.62, 0.68, 0.75);

/// Floor, walls, goals: redrawn when another variant or level is shown.
#[derive(Component)]
struct GridLayer;

/// Painted floor and items: redrawn when they change during the replay.
#[derive(Component)]
struct FloorLayer;

#[derive(Component)]
struct RobotSprite;

/// The badge showing how many items the robot carries.
#[derive(Component)]
struct BagBadge;

/// The number on the bag badge.
#[derive(Component)]
struct BagLabel;

#[derive(Component)]
struct EffectSprite(usize);

/// What the layers show now, to redraw them only when it changes.
#[derive(Default, PartialEq, Clone)]
struct Drawn {
    grid: Option<(String, usize)>,
    floor: Option<(String, usize, u64, usize)>,
}

fn spawn_world(mut commands: Commands) {
    commands
        .spawn((
            Name::new("World"),
            WorldRoot,
            Transform::default(),
            Visibility::Hidden,
            DespawnOnExit(Screen::Level),
        ))
        .with_children(|root| {
            root.spawn((
                Name::new("Grid"),
                GridLayer,
                Transform::default(),
                Visibility::Inherited,
            ));
            root.spawn((
                Name::new("Floor"),
                FloorLayer,
                Transform::default(),
                Visibility::Inherited,
            ));
            root.spawn((
                Name::new("Robot"),
                RobotSprite,
                Sprite::default(),
                Transform::from_xyz(0.0, 0.0, 5.0),
            ));
            // How many items the robot carries, on a dark badge that does not turn with it.
            root.spawn((
                Name::new("Bag"),
                BagBadge,
                Sprite::from_color(
                    Color::srgba(0.1, 0.12, 0.18, 0.85),
                    Vec2::splat(CELL * 0.36),
                ),
                Transform::from_xyz(0.0, 0.0, 5.5),
                Visibility::Hidden,
            ))
            .with_children(|badge| {
                badge.spawn((
                    BagLabel,
                    Text2d::default(),
                    TextFont::from_font_size(18.0),
                    TextColor(Color::WHITE),
                    Transform::from_xyz(0.0, 0.0, 0.1),
                ));
            });
            for i in 0..EFFECT_SPRITES {
                root.spawn((
                    EffectSprite(i),
                    Sprite::default(),
                    Transform::from_xyz(0.0, 0.0, 6.0),
                    Visibility::Hidden,
                ));
            }
        });
}

/// Everything the drawing systems read to know what is shown.
#[derive(bevy::ecs::system::SystemParam)]
struct Shown<'w> {
    active: Option<Res<'w, ActiveLevel>>,
    run: Res<'w, ProgramRun>,
    replay: Res<'w, Replay>,
    art: Option<Res<'w, GameArt>>,
    theme: Option<Res<'w, Theme>>,
}

impl Shown<'_> {
    fn trace(&self) -> Option<&Trace> {
        shown_trace(self.active.as_deref()?, &self.run, &self.replay)
    }

    /// Where the replay is drawn (whole actions with reduced motion).
    fn cursor(&self) -> f32 {
        drawn_cursor(
            &self.replay,
            self.theme.as_ref().is_some_and(|t| t.reduced_motion),
        )
    }
}

fn place_world(
    viewport: Res<WorldViewport>,
    shown: Shown,
    cameras: Query<(&Camera, &GlobalTransform), With<Camera2d>>,
    mut root: Single<(&mut Transform, &mut Visibility), With<WorldRoot>>,
) {
    let (transform, visibility) = &mut *root;
    let placed = (|| {
        let rect = viewport.0?;
        let world = &shown.trace()?.initial;
        let (camera, camera_transform) = cameras.iter().next()?;
        let cell_px = cell_size(rect.size(), world.width, world.height, MAX_CELL_PX);
        let centre = camera
            .viewport_to_world_2d(camera_transform, rect.center())
            .ok()?;
        let right = camera
            .viewport_to_world_2d(camera_transform, rect.center() + Vec2::X)
            .ok()?;
        let world_per_px = (right - centre).length();
        Some((centre, cell_px * world_per_px / CELL))
    })();
    match placed {
        Some((centre, scale)) => {
            transform.translation = centre.extend(0.0);
            transform.scale = Vec3::new(scale, scale, 1.0);
            **visibility = Visibility::Inherited;
        }
        None => **visibility = Visibility::Hidden,
    }
}

fn at(world: &World, pos: Pos, z: f32) -> Transform {
    let offset = cell_offset(world, pos.x as f32, pos.y as f32) * CELL;
    Transform::from_translation(offset.extend(z))
}

fn tile(image: &Handle<Image>) -> Sprite {
    Sprite {
        image: image.clone(),
        custom_size: Some(Vec2::splat(CELL)),
        ..default()
    }
}

fn draw_grid(
    mut commands: Commands,
    shown: Shown,
    layer: Single<Entity, With<GridLayer>>,
    mut images: Option<ResMut<Assets<Image>>>,
    mut picture: Local<Option<Handle<Image>>>,
    mut drawn: Local<Drawn>,
) {
    let (Some(active), Some(art), Some(trace)) = (&shown.active, &shown.art, shown.trace()) else {
        return;
    };
    let key = Some((active.key.clone(), shown.replay.variant));
    if drawn.grid == key {
        return;
    }
    drawn.grid = key;
    let world = &trace.initial;
    let mut layer = commands.entity(*layer);
    layer.despawn_children();
    let marks = goal_marks(&active.level.goals);
    // Border, floor and walls: one picture, redrawn in place for each map.
    let grid = GridPicture::new(world, MARGIN, BORDER);
    let size = grid.size_in_cells() * CELL;
    let Some(images) = images.as_deref_mut() else {
        return;
    };
    let handle = picture
        .get_or_insert_with(|| images.reserve_handle())
        .clone();
    if let Err(error) = images.insert(handle.id(), grid.image) {
        warn!("the map's picture could not be stored: {error}");
    }
    layer.with_children(|grid| {
        grid.spawn((
            Sprite {
                image: handle,
                custom_size: Some(size),
                ..default()
            },
            Transform::from_xyz(0.0, 0.0, 1.0),
        ));
        for y in 0..world.height {
            for x in 0..world.width {
                let pos = Pos::new(x, y);
                if world.blocked.contains(&pos) {
                    continue;
                }
                let goal = world.goals.contains(&pos);
                if goal {
                    grid.spawn((tile(&art.goal), at(world, pos, 2.0)));
                }
                // The letter naming the cell, in its top-left corner: the mark goals use,
                // else G on the goal flag (briefs say "go to G").
                let mark = world.marks.get(&pos).filter(|m| marks.contains(m));
                if let Some(letter) = mark.copied().or(goal.then_some(GOAL_LETTER)) {
                    let corner = Vec3::new(-CELL * 0.3, CELL * 0.28, 2.5);
                    grid.spawn((
                        Text2d::new(letter.to_string()),
                        TextFont::from_font_size(18.0),
                        TextColor(Color::srgba(0.1, 0.1, 0.15, 0.75)),
                        at(world, pos, 0.0)
                            .with_translation(at(world, pos, 0.0).translation + corner),
                    ));
                }
            }
        }
        for (pos, side) in &world.thin_walls {
            let mut transform = at(world, *pos, 4.5);
            match side {
                Heading::East => {
                    transform.translation.x += CELL / 2.0;
                    transform.rotate_z(std::f32::consts::FRAC_PI_2);
                }
                _ => transform.translation.y -= CELL / 2.0,
            }
            grid.spawn((
                Sprite {
                    image: art.thin_wall.clone(),
                    custom_size: Some(Vec2::new(CELL * 1.1, CELL / 4.0)),
                    ..default()
                },
                transform,
            ));
        }
    });
}

fn draw_floor(
    mut commands: Commands,
    shown: Shown,
    layer: Single<Entity, With<FloorLayer>>,
    mut drawn: Local<Drawn>,
) {
    let (Some(active), Some(art), Some(trace)) = (&shown.active, &shown.art, shown.trace()) else {
        return;
    };
    let (world, index) = animation::floor_world(trace, shown.cursor());
    let recorded = shown.run.report().is_some();
    let key = Some((
        active.key.clone(),
        shown.replay.variant,
        if recorded { shown.run.generation } else { 0 },
        index,
    ));
    if drawn.floor == key {
        return;
    }
    drawn.floor = key;
    let mut layer = commands.entity(*layer);
    layer.despawn_children();
    layer.with_children(|floor| {
        for (pos, color) in &world.colors {
            floor.spawn((tile(art.paint(*color)), at(world, *pos, 1.5)));
        }
        for (pos, kinds) in &world.items {
            let kinds: Vec<(ItemKind, u32)> = kinds.iter().map(|(k, n)| (*k, *n)).collect();
            let spread = kinds.len() as f32 - 1.0;
            for (i, (kind, count)) in kinds.into_iter().enumerate() {
                let mut transform = at(world, *pos, 3.0 + i as f32 * 0.01);
                transform.translation.x += (i as f32 - spread / 2.0) * CELL * 0.28;
                transform.scale = Vec3::splat(if spread > 0.0 { 0.7 } else { 0.85 });
                floor.spawn((tile(art.item(kind)), transform));
                if count > 1 {
                    spawn_count(
                        floor,
                        count,
                        transform.translation + Vec3::new(CELL * 0.22, -CELL * 0.24, 0.2),
                    );
                }
            }
        }
    });
}

/// A number with a dark shadow, readable on any floor.
fn spawn_count(parent: &mut ChildSpawnerCommands, count: u32, at: Vec3) {
    for (offset, color) in [
        (Vec3::new(1.5, -1.5, 0.0), Color::srgba(0.0, 0.0, 0.0, 0.8)),
        (Vec3::new(0.0, 0.0, 0.01), Color::WHITE),
    ] {
        parent.spawn((
            Text2d::new(count.to_string()),
            TextFont::from_font_size(20.0),
            TextColor(color),
            Transform::from_translation(at + offset),
        ));
    }
}

/// The robot's sprite, not the badge that follows it.
type RobotOnly = (With<RobotSprite>, Without<BagBadge>);

fn draw_robot(
    shown: Shown,
    robot: Single<(&mut Sprite, &mut Transform), RobotOnly>,
    badge: Single<(&mut Transform, &mut Visibility), With<BagBadge>>,
    mut label: Single<&mut Text2d, With<BagLabel>>,
) {
    let (Some(art), Some(trace)) = (&shown.art, shown.trace()) else {
        return;
    };
    let (mut sprite, mut transform) = robot.into_inner();
    let cursor = shown.cursor();
    let pose = animation::robot_pose(trace, cursor);
    let world = &trace.initial;
    let tint = match animation::effect(trace, cursor) {
        Some((Effect::Crash(_) | Effect::Refused, _, t)) => {
            let flash = (t * std::f32::consts::PI).sin();
            Color::srgb(1.0, 1.0 - 0.55 * flash, 1.0 - 0.55 * flash)
        }
        _ => Color::WHITE,
    };
    if sprite.image != *art.robot(Heading::North) {
        *sprite = tile(art.robot(Heading::North));
    }
    sprite.color = tint;
    let centre = cell_offset(world, pose.x, pose.y) * CELL;
    transform.translation = centre.extend(5.0);
    transform.rotation =
        Quat::from_rotation_z(pose.angle - animation::heading_angle(Heading::North));

    let carried = animation::world_after(trace, animation::Moment::at(trace, cursor).done)
        .robot
        .carried();
    let (mut badge_transform, mut visibility) = badge.into_inner();
    badge_transform.translation = (centre + Vec2::new(0.32, -0.32) * CELL).extend(5.5);
    *visibility = if carried > 0 {
        Visibility::Inherited
    } else {
        Visibility::Hidden
    };
    let wanted = carried.to_string();
    if label.0 != wanted {
        label.0 = wanted;
    }
}

fn draw_effects(
    shown: Shown,
    mut sprites: Query<(&EffectSprite, &mut Sprite, &mut Transform, &mut Visibility)>,
) {
    let effect = shown
        .trace()
        .and_then(|trace| Some((trace, animation::effect(trace, shown.cursor())?)));
    for (EffectSprite(i), mut sprite, mut transform, mut visibility) in &mut sprites {
        let placed = match (&shown.art, effect) {
            (Some(art), Some((trace, (effect, pos, t)))) => {
                effect_sprite(art, &trace.initial, effect, pos, t, *i)
            }
            _ => None,
        };
        match placed {
            Some((new_sprite, new_transform)) => {
                *sprite = new_sprite;
                *transform = new_transform;
                *visibility = Visibility::Inherited;
            }
            None => *visibility = Visibility::Hidden,
        }
    }
}

/// Sprite `i` of an effect at progress `t`, if the effect uses that many sprites.
fn effect_sprite(
    art: &GameArt,
    world: &World,
    effect: Effect,
    pos: Pos,
    t: f32,
    i: usize,
) -> Option<(Sprite, Transform)> {
    let centre = cell_offset(world, pos.x as f32, pos.y as f32) * CELL;
    let fade = |alpha: f32| Color::srgba(1.0, 1.0, 1.0, alpha.clamp(0.0, 1.0));
    match effect {
        Effect::Pick(kind) | Effect::Drop(kind) if i == 0 => {
            // The item rises into the robot, or falls out of it.
            let rise = if matches!(effect, Effect::Pick(_)) {
                t
            } else {
                1.0 - t
            };
            let mut sprite = tile(art.item(kind));
            sprite.color = fade(1.0 - rise * 0.6);
            let transform =
                Transform::from_translation((centre + Vec2::Y * rise * CELL * 0.6).extend(6.0))
                    .with_scale(Vec3::splat(0.85 - 0.45 * rise));
            Some((sprite, transform))
        }
        Effect::Paint(color) if i == 0 => {
            let mut sprite = tile(art.paint(color));
            sprite.color = fade(1.0 - t * 0.5);
            let transform = Transform::from_translation(centre.extend(1.6))
                .with_scale(Vec3::splat(0.2 + 0.8 * t));
            Some((sprite, transform))
        }
        Effect::Crash(heading) if i < EFFECT_SPRITES => {
            // Sparks fly from the point of impact while the robot bumps.
            let (dx, dy) = heading.delta();
            let impact = centre + Vec2::new(dx as f32, -dy as f32) * CELL * 0.5;
            let angle = (i as f32 / EFFECT_SPRITES as f32) * std::f32::consts::TAU;
            let reach = (t * 1.4).min(1.0) * CELL * 0.45;
            let spark = impact + Vec2::from_angle(angle) * reach;
            let colors = [Color::srgb(1.0, 0.85, 0.2), Color::srgb(1.0, 0.45, 0.1)];
            let mut color = colors[i % 2];
            color.set_alpha((1.0 - t).clamp(0.0, 1.0));
            let sprite = Sprite::from_color(color, Vec2::splat(CELL * 0.12));
            let transform = Transform::from_translation(spark.extend(6.0))
                .with_rotation(Quat::from_rotation_z(angle + t * 3.0));
            Some((sprite, transform))
        }
        _ => None,
    }
}
