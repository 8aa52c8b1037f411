//! The time, in whole seconds since 1970, for `created`, `last_played` and the names of
//! kept copies. The only place in `progress` that reads the clock.

/// Seconds since 1970 (0 if the clock is before 1970).
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub fn now_secs() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The browser has no `SystemTime` (it panics there): 0 until the web build reads
/// `Date.now()` here.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub fn now_secs() -> u64 {
    0
}

/// Nanoseconds since 1970, only to seed the id generator (0 where there is no clock).
pub fn seed_nanos() -> u64 {
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    {
        use std::time::{SystemTime, UNIX_EPOCH};
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    }
    #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
    {
        0
    }
}
