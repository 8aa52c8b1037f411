//! Input generators shared by Codebot's fuzz targets: `folder` builds a pack folder on disk
//! from structured input, `program` writes random but plausible student programs.

pub mod folder;
pub mod program;
