//! People and medals, drawn like the rest of the game's art: the portraits of the career
//! cards' personas (women and men with different faces, hair, skin and clothes, each
//! with a matching dark silhouette for a card still locked) and the badge medals.
//!
//! A portrait's look comes from the card's position and the persona's gender only, so a
//! card keeps its face from one run to the next and neighbouring cards look different.

use bevy::math::Vec2;

use super::{
    Canvas, GOLD, GOLD_DARK, GOLD_LIGHT, GREY_STAR, GREY_STAR_EDGE, INK, Rgba, WHITE, capsule,
    circle, hex, mix, polygon, rounded_box, star_points, v, with_alpha,
};
use crate::curriculum::Gender;

/// Side of a portrait picture, in pixels.
pub const PORTRAIT_PX: u32 = 160;
/// Side of a medal picture, in pixels.
pub const MEDAL_PX: u32 = 96;

const SKINS: [u32; 6] = [0xf6d5b8, 0xe9b48a, 0xc98a5b, 0xa5693f, 0x7b4a2b, 0x5a3520];
const HAIR_COLORS: [u32; 6] = [0x2a1b12, 0x5b3620, 0x1c1c22, 0x9c5a2c, 0xd6a24c, 0x3e2618];
const SHIRTS: [u32; 7] = [
    0x3a86ff, 0xf28c28, 0x2ec4b6, 0x9b5de5, 0x52b855, 0xe63946, 0xf15bb5,
];
const BACKGROUNDS: [u32; 5] = [0xd9e7ff, 0xffe3c2, 0xd7f7f3, 0xeadcfb, 0xfff4cc];
/// The colour of a locked card's silhouette and its background.
const SILHOUETTE: Rgba = hex(0x4a5368);
const SILHOUETTE_BACKGROUND: Rgba = hex(0xc9ced8);
/// Ribbon colours of the medals, one per badge in turn.
const RIBBONS: [(u32, u32); 4] = [
    (0xe63946, 0x3a86ff),
    (0x2ec4b6, 0xf28c28),
    (0x9b5de5, 0xf2c230),
    (0x52b855, 0xf15bb5),
];

/// How someone's hair is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hair {
    Long,
    Bun,
    Curls,
    Bob,
    Short,
    Buzz,
    Quiff,
    ShortCurls,
}

const WOMEN_HAIR: [Hair; 4] = [Hair::Long, Hair::Curls, Hair::Bun, Hair::Bob];
const MEN_HAIR: [Hair; 4] = [Hair::Short, Hair::ShortCurls, Hair::Quiff, Hair::Buzz];

/// Everything that makes one portrait different from another.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Look {
    skin: Rgba,
    hair_color: Rgba,
    hair: Hair,
    shirt: Rgba,
    background: Rgba,
    glasses: bool,
    beard: bool,
}

impl Look {
    /// The look of the persona of the `index`-th card, the `rank`-th of that gender.
    /// Each trait cycles with its own step, so two neighbouring cards never share all
    /// of them.
    fn new(index: usize, rank: usize, gender: Gender) -> Look {
        let pick = |len: usize, step: usize, offset: usize| (index * step + offset) % len;
        let hair = match gender {
            Gender::Woman => WOMEN_HAIR[rank % WOMEN_HAIR.len()],
            Gender::Man => MEN_HAIR[rank % MEN_HAIR.len()],
        };
        Look {
            skin: hex(SKINS[pick(SKINS.len(), 5, 0)]),
            hair_color: hex(HAIR_COLORS[pick(HAIR_COLORS.len(), 5, 1)]),
            hair,
            shirt: hex(SHIRTS[pick(SHIRTS.len(), 3, 0)]),
            background: hex(BACKGROUNDS[pick(BACKGROUNDS.len(), 2, 0)]),
            glasses: index % 3 == 1,
            beard: gender == Gender::Man && index % 4 == 3,
        }
    }
}

/// The looks of the personas of cards with these genders, in order.
fn looks(genders: &[Gender]) -> Vec<Look> {
    genders
        .iter()
        .enumerate()
        .map(|(index, gender)| {
            let rank = genders[..index].iter().filter(|g| *g == gender).count();
            Look::new(index, rank, *gender)
        })
        .collect()
}

/// For each card (given by its persona's gender, in order), the portrait and its
/// silhouette (same shape, one dark colour, on grey) shown while the card is locked.
pub(super) fn portraits(genders: &[Gender], size: u32) -> Vec<(Canvas, Canvas)> {
    looks(genders)
        .iter()
        .map(|look| portrait_canvases(look, size))
        .collect()
}

fn portrait_canvases(look: &Look, size: u32) -> (Canvas, Canvas) {
    let figure = figure_canvas(look, size);

    let mut portrait = Canvas::square(size);
    portrait.fill(look.background, |p| circle(p, CENTER, 0.49));
    portrait.fill(with_alpha(look.shirt, 0.25), |p| {
        circle(p, CENTER, 0.49).abs() - 0.012
    });
    stamp(&mut portrait, &figure, None);

    let mut silhouette = Canvas::square(size);
    silhouette.fill(SILHOUETTE_BACKGROUND, |p| circle(p, CENTER, 0.49));
    stamp(&mut silhouette, &figure, Some(SILHOUETTE));
    (portrait, silhouette)
}

const CENTER: Vec2 = Vec2::new(0.5, 0.5);

/// Keeps a shape inside the round frame of the portrait.
fn framed(d: f32, p: Vec2) -> f32 {
    d.max(circle(p, CENTER, 0.47))
}

/// Draws `figure` over `canvas`; with `color`, every pixel of the figure in that colour.
fn stamp(canvas: &mut Canvas, figure: &Canvas, color: Option<Rgba>) {
    for (below, pixel) in canvas.pixels.iter_mut().zip(&figure.pixels) {
        let pixel = match color {
            Some(c) => [c[0], c[1], c[2], pixel[3]],
            None => *pixel,
        };
        *below = super::over(*below, pixel, 1.0);
    }
}

/// The person alone, on a transparent background.
fn figure_canvas(look: &Look, size: u32) -> Canvas {
    let mut c = Canvas::square(size);
    let skin = look.skin;
    let skin_shade = mix(skin, INK, 0.18);
    let hair = look.hair_color;
    let outline = 0.012;

    // Hair that falls behind the head and shoulders.
    match look.hair {
        Hair::Long => c.outlined(INK, hair, outline, |p| {
            framed(rounded_box(p, v(0.27, 0.2), v(0.73, 0.8), 0.2), p)
        }),
        Hair::Bob => c.outlined(INK, hair, outline, |p| {
            rounded_box(p, v(0.28, 0.19), v(0.72, 0.64), 0.17)
        }),
        Hair::Curls => c.outlined(INK, hair, outline, |p| curls(p, v(0.5, 0.43), 0.22, 0.085)),
        _ => {}
    }

    // Shoulders in a shirt, with the neck and an open collar.
    c.outlined(INK, look.shirt, outline, |p| {
        framed(rounded_box(p, v(0.15, 0.75), v(0.85, 1.3), 0.17), p)
    });
    c.fill(mix(look.shirt, INK, 0.25), |p| {
        framed(capsule(p, v(0.3, 0.9), v(0.3, 1.1), 0.006), p)
    });
    c.outlined(INK, skin_shade, outline, |p| {
        rounded_box(p, v(0.43, 0.56), v(0.57, 0.8), 0.05)
    });
    c.fill(skin_shade, |p| {
        polygon(p, &[v(0.42, 0.75), v(0.58, 0.75), v(0.5, 0.85)])
    });

    // Ears, then the face.
    for x in [0.325, 0.675] {
        c.outlined(INK, skin, outline, |p| circle(p, v(x, 0.45), 0.04));
    }
    c.outlined(INK, skin, outline, |p| {
        rounded_box(p, v(0.33, 0.22), v(0.67, 0.64), 0.16)
    });

    if look.beard {
        c.fill(hair, |p| {
            rounded_box(p, v(0.33, 0.22), v(0.67, 0.645), 0.16).max(0.5 - p.y)
        });
    }

    // Hair on top of the head.
    let top = |p: Vec2| circle(p, v(0.5, 0.41), 0.19);
    match look.hair {
        Hair::Long | Hair::Bob => c.outlined(INK, hair, outline, |p| {
            // A fringe swept to one side.
            top(p).max(p.y - 0.34 + (p.x - 0.5) * 0.35)
        }),
        Hair::Bun => {
            c.outlined(INK, hair, outline, |p| circle(p, v(0.5, 0.17), 0.085));
            c.outlined(INK, hair, outline, |p| top(p).max(p.y - 0.32));
        }
        Hair::Curls => c.outlined(INK, hair, outline, |p| {
            curls(p, v(0.5, 0.3), 0.12, 0.06).max(p.y - 0.36)
        }),
        Hair::Short => c.outlined(INK, hair, outline, |p| {
            top(p).max(p.y - 0.31 - (p.x - 0.5).abs() * 0.2)
        }),
        Hair::Buzz => c.fill(mix(hair, skin, 0.35), |p| {
            circle(p, v(0.5, 0.41), 0.175).max(p.y - 0.3)
        }),
        Hair::Quiff => {
            c.outlined(INK, hair, outline, |p| {
                top(p).max(p.y - 0.3).min(circle(p, v(0.45, 0.23), 0.075))
            });
        }
        Hair::ShortCurls => c.outlined(INK, hair, outline, |p| {
            curls(p, v(0.5, 0.33), 0.12, 0.055).max(p.y - 0.32)
        }),
    }

    // Eyebrows, eyes with a shine, nose, smile and cheeks.
    for x in [0.43, 0.57] {
        let side = if x < 0.5 { -1.0 } else { 1.0 };
        c.fill(mix(hair, INK, 0.3), |p| {
            capsule(
                p,
                v(x - 0.03, 0.395),
                v(x + 0.03, 0.395 - side * 0.006),
                0.008,
            )
        });
        c.fill(WHITE, |p| circle(p, v(x, 0.45), 0.027));
        c.fill(INK, |p| circle(p, v(x, 0.452), 0.018));
        c.fill(WHITE, |p| circle(p, v(x - 0.006, 0.446), 0.006));
        c.fill(with_alpha(hex(0xff8fab), 0.45), |p| {
            circle(p, v(x + side * 0.05, 0.51), 0.03)
        });
    }
    c.fill(skin_shade, |p| {
        capsule(p, v(0.5, 0.47), v(0.49, 0.51), 0.012)
    });
    c.fill(INK, |p| {
        let d = circle(p, v(0.5, 0.5), 0.07).abs() - 0.008;
        if p.y > 0.54 { d } else { 1.0 }
    });

    if look.glasses {
        for x in [0.43, 0.57] {
            c.fill(with_alpha(WHITE, 0.25), |p| circle(p, v(x, 0.45), 0.045));
            c.fill(INK, |p| circle(p, v(x, 0.45), 0.045).abs() - 0.007);
        }
        c.fill(INK, |p| capsule(p, v(0.475, 0.445), v(0.525, 0.445), 0.006));
    }
    c
}

/// A round mass of curls: a disc with bumps all around it.
fn curls(p: Vec2, center: Vec2, radius: f32, bump: f32) -> f32 {
    let mut d = circle(p, center, radius);
    for i in 0..12 {
        let angle = i as f32 * std::f32::consts::TAU / 12.0;
        let at = center + Vec2::new(angle.cos(), angle.sin()) * radius;
        d = d.min(circle(p, at, bump));
    }
    d
}

/// A medal on a ribbon: the `index`-th badge's colours, or all grey when `None` (a badge
/// not earned yet).
pub(super) fn medal_canvas(index: Option<usize>, size: u32) -> Canvas {
    let mut c = Canvas::square(size);
    let (left, right, edge, face, shine) = match index {
        Some(i) => {
            let (a, b) = RIBBONS[i % RIBBONS.len()];
            (hex(a), hex(b), GOLD_DARK, GOLD, GOLD_LIGHT)
        }
        None => (
            GREY_STAR,
            GREY_STAR_EDGE,
            GREY_STAR_EDGE,
            GREY_STAR,
            hex(0xe8ebf0),
        ),
    };
    // Two ribbon ends meeting behind the medal.
    c.outlined(INK, left, 0.015, |p| {
        polygon(p, &[v(0.2, 0.04), v(0.4, 0.04), v(0.6, 0.5), v(0.42, 0.56)])
    });
    c.outlined(INK, right, 0.015, |p| {
        polygon(p, &[v(0.6, 0.04), v(0.8, 0.04), v(0.58, 0.56), v(0.4, 0.5)])
    });
    let center = v(0.5, 0.64);
    c.outlined(INK, edge, 0.015, |p| circle(p, center, 0.3));
    c.fill(face, |p| circle(p, center, 0.24));
    c.fill(edge, |p| polygon(p, &star_points(center, 0.17, 0.075)));
    c.fill(with_alpha(shine, 0.9), |p| {
        let d = circle(p, center, 0.205).abs() - 0.016;
        let angle = (p.y - center.y).atan2(p.x - center.x);
        if (-2.7..-1.6).contains(&angle) {
            d
        } else {
            1.0
        }
    });
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_persona_gets_a_face_of_their_own() {
        let careers = crate::curriculum::careers();
        let genders: Vec<Gender> = careers.iter().map(|c| c.persona.gender).collect();
        let looks = looks(&genders);
        for (i, a) in looks.iter().enumerate() {
            for b in &looks[i + 1..] {
                assert_ne!(a, b, "two personas look the same");
            }
            let hair_of_gender = match careers[i].persona.gender {
                Gender::Woman => WOMEN_HAIR.contains(&a.hair),
                Gender::Man => MEN_HAIR.contains(&a.hair),
            };
            assert!(hair_of_gender, "{}", careers[i].persona.name);
        }
        // Neighbouring cards differ in skin or hair colour, not just in a detail.
        for pair in looks.windows(2) {
            assert!(pair[0].skin != pair[1].skin || pair[0].hair_color != pair[1].hair_color);
        }
    }

    #[test]
    fn a_silhouette_has_the_portraits_shape_in_one_colour() {
        let (portrait, silhouette) = portraits(&[Gender::Woman], 64).remove(0);
        assert_eq!(portrait.pixels.len(), silhouette.pixels.len());
        // Round: transparent corners, opaque middle.
        assert_eq!(portrait.pixels[0][3], 0.0);
        assert_eq!(silhouette.pixels[0][3], 0.0);
        let middle = (32 * 64 + 32) as usize;
        assert!(portrait.pixels[middle][3] > 0.99);
        // The face is in colour on the portrait, the silhouette's colour on the other.
        let face = portrait.pixels[middle];
        let shadow = silhouette.pixels[middle];
        assert!((shadow[0] - SILHOUETTE[0]).abs() < 0.01, "{shadow:?}");
        assert!((face[0] - SILHOUETTE[0]).abs() > 0.1, "{face:?}");
        // Inside the frame, the silhouette is its two colours but on the edges of the
        // shape; the portrait has many more.
        let plain = |canvas: &Canvas| {
            let inside: Vec<&Rgba> = canvas.pixels.iter().filter(|p| p[3] > 0.99).collect();
            let near = |a: &Rgba, b: Rgba| (0..3).all(|i| (a[i] - b[i]).abs() < 0.01);
            let count = inside
                .iter()
                .filter(|p| near(p, SILHOUETTE) || near(p, SILHOUETTE_BACKGROUND))
                .count();
            count as f32 / inside.len() as f32
        };
        assert!(plain(&silhouette) > 0.85, "{}", plain(&silhouette));
        assert!(plain(&portrait) < 0.2, "{}", plain(&portrait));
    }

    #[test]
    fn women_and_men_are_drawn_differently() {
        let (woman, _) = portraits(&[Gender::Woman], 48).remove(0);
        let (man, _) = portraits(&[Gender::Man], 48).remove(0);
        assert_ne!(woman.pixels, man.pixels);
    }

    #[test]
    fn medals_are_gold_when_earned_and_grey_when_not() {
        let earned = medal_canvas(Some(0), 48);
        let locked = medal_canvas(None, 48);
        // On the medal's face, below the star.
        let center = (41 * 48 + 24) as usize;
        let gold = earned.pixels[center];
        let grey = locked.pixels[center];
        assert!(gold[0] > gold[2] + 0.2, "{gold:?}");
        assert!((grey[0] - grey[2]).abs() < 0.1, "{grey:?}");
        assert_ne!(medal_canvas(Some(1), 48).pixels, earned.pixels);
    }
}
