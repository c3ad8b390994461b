//! The memory allocator of everything the crate allocates: mimalloc instead of the system's.
//!
//! Extraction makes a few short strings per mention (keys, canonical names) and many small
//! vectors per document, and glibc's malloc (`_int_malloc`, `unlink_chunk`,
//! `malloc_consolidate`) was 10-15% of load + extract in `perf`. Measured on the 53 MB benchmark
//! corpus, one thread, fresh processes taking turns (2026-12-06): `cc.load(..., quotes=False)`
//! took 3.06-3.22 s of CPU with glibc and 2.70-2.73 s with mimalloc.
//!
//! Python's own objects are not affected: CPython allocates them itself. Arrow buffers handed to
//! pyarrow are freed by the release callback Rust exported with them, so by this allocator too.

#[cfg(not(feature = "count-heap"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(feature = "count-heap")]
#[global_allocator]
static GLOBAL: counting::Counting = counting::Counting;

/// `mi_option_arena_eager_commit` and `mi_option_purge_delay` in mimalloc 3's `mi_option_e`
/// (`libmimalloc-sys` names the options of mimalloc 2, whose numbering differs).
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep peak memory where glibc's was. By default mimalloc commits whole arenas on Linux, and
/// where transparent huge pages are on (as on this machine) every touched byte then brings in
/// 2 MiB: the peak RSS of loading the 53 MB corpus into pandas grew by about 95 MiB (387 MiB
/// with glibc, 478-485 with mimalloc). Loaded as Arrow (`quotes=False`, 2 threads), glibc
/// peaked at 320 MiB; mimalloc committing on demand at 334-348 MiB, and also returning freed
/// pages after 10 ms instead of a second at 321 MiB (2 ms: 319-320; 20 ms: 321-329; 50 ms: 333),
/// for about 3% more time on one thread (2.76 against 2.68 s of CPU). On two threads every
/// return of pages interrupts the other core to flush its TLB: 10 ms cost less than 2 ms there
/// (1.35-1.38 against 1.36-1.49 s). Call before the first large allocation; later calls only
/// affect arenas reserved afterwards.
/// A user's `MIMALLOC_ARENA_EAGER_COMMIT` or `MIMALLOC_PURGE_DELAY` (mimalloc's own environment
/// settings) wins over these.
pub fn configure() {
    for (option, env, value) in [(ARENA_EAGER_COMMIT, "MIMALLOC_ARENA_EAGER_COMMIT", 0), (PURGE_DELAY, "MIMALLOC_PURGE_DELAY", 10)] {
        if std::env::var_os(env).is_none() {
            #[allow(unsafe_code)]
            // SAFETY: writes one value of mimalloc's option table, which it reads atomically; no
            // memory is touched.
            unsafe {
                libmimalloc_sys::mi_option_set(option, value);
            }
        }
    }
}

/// Bytes allocated and not yet freed, in a build with the `count-heap` feature (for
/// `bench/memory.rs`); None otherwise, where counting would cost an atomic update per call.
pub fn live_bytes() -> Option<usize> {
    #[cfg(feature = "count-heap")]
    return Some(counting::LIVE.load(std::sync::atomic::Ordering::Relaxed));
    #[cfg(not(feature = "count-heap"))]
    None
}

/// mimalloc with a count of live bytes beside it.
#[cfg(feature = "count-heap")]
mod counting {
    use std::alloc::{GlobalAlloc, Layout};
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    pub(super) static LIVE: AtomicUsize = AtomicUsize::new(0);

    pub(super) struct Counting;

    #[allow(unsafe_code)]
    // SAFETY: every call goes to mimalloc unchanged; only a counter is kept beside it.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { mimalloc::MiMalloc.alloc(layout) };
            if !p.is_null() {
                LIVE.fetch_add(layout.size(), Relaxed);
            }
            p
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) };
            if !p.is_null() {
                LIVE.fetch_add(layout.size(), Relaxed);
            }
            p
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) };
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let p = unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) };
            if !p.is_null() {
                LIVE.fetch_add(new_size, Relaxed);
                LIVE.fetch_sub(layout.size(), Relaxed);
            }
            p
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(unsafe_code)]
    fn get(option: libmimalloc_sys::mi_option_t) -> std::ffi::c_long {
        // SAFETY: reads one value of mimalloc's option table.
        unsafe { libmimalloc_sys::mi_option_get(option) }
    }

    #[test]
    fn the_options_set_are_the_ones_meant() {
        // Their defaults (2, "on where the OS overcommits"; 1000 ms) are unlike their neighbours'
        // (0 or 1; deprecated options read 0): a wrong index would read another value here.
        if std::env::var_os("MIMALLOC_ARENA_EAGER_COMMIT").is_some() || std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        assert_eq!((get(ARENA_EAGER_COMMIT), get(PURGE_DELAY)), (2, 1000));
        configure();
        assert_eq!((get(ARENA_EAGER_COMMIT), get(PURGE_DELAY)), (0, 10));
    }

    #[cfg(feature = "count-heap")]
    #[test]
    fn live_bytes_count_a_large_allocation() {
        let before = live_bytes().expect("counted");
        let big = vec![1u8; 64 << 20];
        assert!(live_bytes().expect("counted") >= before + (64 << 20));
        drop(big);
    }
}
