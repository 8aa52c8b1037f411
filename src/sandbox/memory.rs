//! A global allocator that counts live bytes and, once a cap is set (in the worker
//! process only), ends the process with a recognisable exit code instead of letting
//! an allocation bomb take the machine's memory or abort with no explanation.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

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

unsafe extern "C" {
    /// Leaves at once, without running destructors or flushing (nothing may allocate here).
    fn _exit(status: i32) -> !;
}

fn reserve(size: usize) {
    let live = LIVE_BYTES.fetch_add(size, Ordering::Relaxed) + size;
    let cap = CAP_BYTES.load(Ordering::Relaxed);
    if cap != 0 && live > cap {
        // SAFETY: _exit is async-signal-safe and never returns.
        unsafe { _exit(EXIT_OUT_OF_MEMORY) }
    }
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
