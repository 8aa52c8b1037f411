//! The map drawn as text and its alphabet.
//!
//! Built-in characters: `#` wall, `.` or space floor, `>` `<` `^` `v` the robot facing
//! east/west/north/south, `G` goal cell, `*` gem, `c` coin, `k` key, `r` `g` `b` `y` floor
//! painted red/green/blue/yellow. A level's legend adds characters or overrides these.
//!
//! Leading and trailing blank lines are dropped, the common indentation is removed,
//! trailing spaces are ignored and shorter rows are padded with walls.

use std::collections::BTreeMap;

use super::format::Feature;
use crate::sim::{Color as Paint, Heading, ItemKind};

/// The meaning of a built-in map character.
pub fn builtin_features(ch: char) -> Option<Vec<Feature>> {
    use Feature::*;
    Some(match ch {
        '#' => vec![Wall],
        '.' | ' ' => vec![],
        '>' => vec![Robot(Heading::East)],
        '<' => vec![Robot(Heading::West)],
        '^' => vec![Robot(Heading::North)],
        'v' => vec![Robot(Heading::South)],
        'G' => vec![Goal],
        '*' => vec![Item(ItemKind::Gem)],
        'c' => vec![Item(ItemKind::Coin)],
        'k' => vec![Item(ItemKind::Key)],
        'r' => vec![Color(Paint::Red)],
        'g' => vec![Color(Paint::Green)],
        'b' => vec![Color(Paint::Blue)],
        'y' => vec![Color(Paint::Yellow)],
        _ => return None,
    })
}

/// The features of a character: from the legend first, then the built-in alphabet.
pub fn features_of(legend: &BTreeMap<char, Vec<Feature>>, ch: char) -> Option<Vec<Feature>> {
    legend.get(&ch).cloned().or_else(|| builtin_features(ch))
}

/// One character of the drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Drawn {
    pub ch: char,
    /// Index of the character in the map string (`None` for wall padding).
    pub source: Option<usize>,
}

/// The map string cut into rows of equal width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Drawing {
    pub rows: Vec<Vec<Drawn>>,
    pub width: usize,
}

impl Drawing {
    pub fn parse(map: &str) -> Drawing {
        // Split into lines, remembering where each character sits in the string.
        let mut lines: Vec<Vec<Drawn>> = vec![Vec::new()];
        for (index, ch) in map.chars().enumerate() {
            match ch {
                '\n' => lines.push(Vec::new()),
                '\r' => {}
                _ => lines.last_mut().expect("one line").push(Drawn {
                    ch,
                    source: Some(index),
                }),
            }
        }
        for line in &mut lines {
            while line.last().is_some_and(|d| d.ch.is_whitespace()) {
                line.pop();
            }
        }
        let first = lines
            .iter()
            .position(|l| !l.is_empty())
            .unwrap_or(lines.len());
        let last = lines
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(first, |i| i + 1);
        let mut rows: Vec<Vec<Drawn>> = lines.drain(first..last).collect();
        let indent = rows
            .iter()
            .filter(|row| !row.is_empty())
            .map(|row| row.iter().take_while(|d| d.ch.is_whitespace()).count())
            .min()
            .unwrap_or(0);
        for row in &mut rows {
            row.drain(..indent.min(row.len()));
        }
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut rows {
            row.resize(
                width,
                Drawn {
                    ch: '#',
                    source: None,
                },
            );
        }
        Drawing { rows, width }
    }

    pub fn height(&self) -> usize {
        self.rows.len()
    }

    pub fn get(&self, col: usize, row: usize) -> Option<Drawn> {
        self.rows.get(row).and_then(|r| r.get(col)).copied()
    }

    /// Every drawn cell with its column and row.
    pub fn cells(&self) -> impl Iterator<Item = (usize, usize, Drawn)> + '_ {
        self.rows
            .iter()
            .enumerate()
            .flat_map(|(y, row)| row.iter().enumerate().map(move |(x, d)| (x, y, *d)))
    }

    pub fn contains(&self, ch: char) -> bool {
        self.cells().any(|(_, _, d)| d.ch == ch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(drawing: &Drawing) -> Vec<String> {
        drawing
            .rows
            .iter()
            .map(|r| r.iter().map(|d| d.ch).collect())
            .collect()
    }

    #[test]
    fn blank_lines_indentation_and_ragged_rows() {
        let drawing = Drawing::parse("\n\n    #####\n    #>.G   \n      #\n   \n");
        assert_eq!(text(&drawing), vec!["#####", "#>.G#", "  ###"]);
        assert_eq!(drawing.width, 5);
        assert_eq!(drawing.height(), 3);
        // Sources point back into the string; padding has none.
        assert_eq!(drawing.get(1, 1).unwrap().source, Some(17));
        assert_eq!(drawing.get(4, 1).unwrap().source, None);
        assert!(drawing.contains('G') && !drawing.contains('X'));
    }

    #[test]
    fn empty_maps_have_no_rows() {
        assert_eq!(Drawing::parse("  \n\n").height(), 0);
        assert_eq!(Drawing::parse("").width, 0);
    }

    #[test]
    fn legend_overrides_the_alphabet() {
        let mut legend = BTreeMap::new();
        legend.insert('*', vec![Feature::Items(ItemKind::Coin, 2)]);
        assert_eq!(
            features_of(&legend, '*'),
            Some(vec![Feature::Items(ItemKind::Coin, 2)])
        );
        assert_eq!(features_of(&legend, 'G'), Some(vec![Feature::Goal]));
        assert_eq!(features_of(&legend, 'Q'), None);
    }
}
