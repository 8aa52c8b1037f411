//! Rebuilds when a level or message file is added: they are embedded in the binary.
fn main() {
    println!("cargo:rerun-if-changed=levels");
    println!("cargo:rerun-if-changed=assets");
}
