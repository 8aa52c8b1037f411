//! The time, in whole seconds since 1970, for `created`, `last_played` and the names of
//! kept copies (and, through `teacher::now_secs`, for exams and crash reports). The only
//! place that reads the wall clock, so the browser build reads its own here.

/// Seconds since 1970 (0 if the clock is before 1970).
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub fn now_secs() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The browser has no `SystemTime` (it panics there): its `Date.now()` instead.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub fn now_secs() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// Nanoseconds since 1970, only to seed the id generator.
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
        // Milliseconds only: mixed with a random draw so two ids made in the same
        // millisecond differ.
        let millis = js_sys::Date::now() as u64;
        millis.wrapping_mul(1_000_000) ^ (js_sys::Math::random() * 1e6) as u64
    }
}
