//! A global allocator that counts live bytes and, once a cap is set (in the worker
//! process only), ends the process with a recognisable exit code instead of letting
//! an allocation bomb take the machine's memory or abort with no explanation. In the
//! browser's sandbox Web Worker it traps instead, and the worker says why.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Exit code of a worker that went over its memory cap.
pub const EXIT_OUT_OF_MEMORY: i32 = 86;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);
/// 0 means no cap.
static CAP_BYTES: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, with counting and an optional cap.
pub struct CappedAllocator;

/// Sets the cap for the rest of the process's life.
pub fn set_cap(bytes: usize) {
    CAP_BYTES.store(bytes, Ordering::SeqCst);
}

/// Bytes currently allocated through this allocator.
pub fn live_bytes() -> usize {
    LIVE_BYTES.load(Ordering::Relaxed)
}

#[cfg(not(target_arch = "wasm32"))]
unsafe extern "C" {
    /// Leaves at once, without running destructors or flushing (nothing may allocate here).
    fn _exit(status: i32) -> !;
}

/// Set when the cap was crossed, for the Web Worker's last word (the browser has no exit code).
static WENT_OVER_CAP: AtomicBool = AtomicBool::new(false);

/// Whether this process (or Web Worker) went over its cap.
pub fn went_over_cap() -> bool {
    WENT_OVER_CAP.load(Ordering::SeqCst)
}

fn reserve(size: usize) {
    let live = LIVE_BYTES.fetch_add(size, Ordering::Relaxed) + size;
    let cap = CAP_BYTES.load(Ordering::Relaxed);
    if cap != 0 && live > cap {
        WENT_OVER_CAP.store(true, Ordering::SeqCst);
        over_cap()
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn over_cap() -> ! {
    // SAFETY: _exit is async-signal-safe and never returns.
    unsafe { _exit(EXIT_OUT_OF_MEMORY) }
}

/// In the browser: a trap ends the call into the Web Worker, which reports it (see
/// `sandbox::web_worker`); the page then replaces the worker.
#[cfg(target_arch = "wasm32")]
fn over_cap() -> ! {
    core::arch::wasm32::unreachable()
}

unsafe impl GlobalAlloc for CappedAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        reserve(layout.size());
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        reserve(layout.size());
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            reserve(new_size - layout.size());
        } else {
            LIVE_BYTES.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}
