//! The one place that decides how many threads a call uses, and runs it. `n_threads = 0` means
//! the `CONGRESS_CORPUS_THREADS` (or `RAYON_NUM_THREADS`) variable, else every core. Several
//! Dask workers on one host set it to 1 each instead of all fighting over every core.
//!
//! Pools are kept for the few sizes used last (a sweep over sizes must not keep a pool per
//! size: 1..100 once left 5,055 threads), and belong to the process that built them: a child
//! made by `fork` has none of its parent's threads, so it builds its own.

use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::error::Error;

/// Pools kept at once; a call with another size builds one and drops the least recently used.
pub const MAX_POOLS: usize = 2;

/// Most threads a call may ask for.
pub const MAX_THREADS: usize = 1024;

/// How often a watched call asks whether it should stop.
const WATCH_EVERY: Duration = Duration::from_millis(50);

/// Threads to use for `requested` (0 = default).
pub fn resolve_threads(requested: usize) -> usize {
    if requested > 0 {
        return requested;
    }
    for var in ["CONGRESS_CORPUS_THREADS", "RAYON_NUM_THREADS"] {
        if let Some(n) = std::env::var(var).ok().and_then(|v| v.trim().parse::<usize>().ok()).filter(|&n| n > 0) {
            return n;
        }
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A pool whose drop waits until its threads have exited, so that a dropped pool's threads are
/// gone (not merely told to go) when the call that dropped it returns.
struct Pool {
    pool: Option<ThreadPool>,
    live: Arc<(Mutex<usize>, Condvar)>,
}

impl Pool {
    fn build(n: usize) -> Result<Pool, Error> {
        let live = Arc::new((Mutex::new(n), Condvar::new()));
        let on_exit = Arc::clone(&live);
        let pool = ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("congress-corpus-{i}"))
            .exit_handler(move |_| {
                let (count, cv) = &*on_exit;
                *count.lock().unwrap_or_else(|e| e.into_inner()) -= 1;
                cv.notify_all();
            })
            .build()
            .map_err(|e| Error::InvalidArgument(format!("cannot start {n} threads: {e}")))?;
        Ok(Pool { pool: Some(pool), live })
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        drop(self.pool.take());
        let (count, cv) = &*self.live;
        let mut left = count.lock().unwrap_or_else(|e| e.into_inner());
        while *left > 0 {
            left = cv.wait(left).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// The pools of one process, most recently used first.
struct Pools {
    pid: u32,
    by_size: Mutex<Vec<(usize, Arc<Pool>)>>,
}

static POOLS: AtomicPtr<Pools> = AtomicPtr::new(std::ptr::null_mut());

/// This process's pools. After a `fork`, the parent's are abandoned, never dropped: their
/// threads do not exist in the child, and their lock may have been held by one of them when
/// the process was copied, so neither may be touched.
fn pools() -> &'static Pools {
    let pid = std::process::id();
    loop {
        let current = POOLS.load(Ordering::Acquire);
        // SAFETY: every pointer stored in POOLS comes from `Box::leak` and is never freed.
        if let Some(p) = unsafe { current.as_ref() } {
            if p.pid == pid {
                return p;
            }
        }
        let fresh: &'static mut Pools = Box::leak(Box::new(Pools { pid, by_size: Mutex::new(Vec::new()) }));
        let fresh_ptr: *mut Pools = fresh;
        match POOLS.compare_exchange(current, fresh_ptr, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => return fresh,
            // Another thread of this process got there first; use its pools (this one stays
            // leaked: a few bytes, once).
            Err(_) => continue,
        }
    }
}

/// The pool of `n` threads, built if needed; the least recently used beyond `MAX_POOLS` is
/// dropped (its threads exit once no call is using it).
fn pool(n: usize) -> Result<Arc<Pool>, Error> {
    let registry = pools();
    let evicted;
    let pool = {
        let mut by_size = registry.by_size.lock().unwrap_or_else(|e| e.into_inner());
        let pool = match by_size.iter().position(|(size, _)| *size == n) {
            Some(i) => by_size.remove(i).1,
            None => Arc::new(Pool::build(n)?),
        };
        by_size.insert(0, (n, Arc::clone(&pool)));
        let keep = by_size.len().min(MAX_POOLS);
        evicted = by_size.split_off(keep);
        pool
    };
    // Dropped outside the lock: waiting for threads to exit must not block other calls.
    drop(evicted);
    Ok(pool)
}

/// The number of threads of the pools kept now (for tests and diagnostics).
pub fn pooled_threads() -> usize {
    pools().by_size.lock().unwrap_or_else(|e| e.into_inner()).iter().map(|(n, _)| n).sum()
}

/// Set when a watched call is asked to stop; long work checks it between documents.
#[derive(Debug, Default)]
pub struct Cancel(AtomicBool);

impl Cancel {
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
    pub fn set(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Run `f` inside a pool of `n_threads` threads (see `resolve_threads`). A panic anywhere in `f`
/// (rayon carries a worker's panic back to this thread) becomes `Error::Internal`, so a bug
/// surfaces as an exception instead of tearing down the host process.
pub fn install<R: Send>(n_threads: usize, f: impl FnOnce() -> R + Send) -> Result<R, Error> {
    let pool = sized_pool(n_threads)?;
    let pool_ref = pool.pool.as_ref().expect("a kept pool has its threads");
    caught(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pool_ref.install(f))))
}

/// Like `install`, while this thread asks `stop` every 50 ms whether to give up (Ctrl-C): when
/// it says so, `f`'s `Cancel` is set, `f` is awaited (it checks between documents) and the call
/// returns `Error::Interrupted`.
pub fn install_watched<R: Send>(n_threads: usize, f: impl FnOnce(&Cancel) -> R + Send, mut stop: impl FnMut() -> bool) -> Result<R, Error> {
    let pool = sized_pool(n_threads)?;
    let pool_ref = pool.pool.as_ref().expect("a kept pool has its threads");
    let cancel = Cancel::default();
    let watcher = std::thread::current();
    let result = std::thread::scope(|scope| {
        let worker = scope.spawn(|| {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pool_ref.install(|| f(&cancel))));
            watcher.unpark();
            r
        });
        while !worker.is_finished() {
            if !cancel.is_set() && stop() {
                cancel.set();
            }
            std::thread::park_timeout(WATCH_EVERY);
        }
        worker.join().unwrap_or_else(Err)
    });
    let r = caught(result)?;
    if cancel.is_set() {
        return Err(Error::Interrupted);
    }
    Ok(r)
}

fn sized_pool(n_threads: usize) -> Result<Arc<Pool>, Error> {
    let n = resolve_threads(n_threads);
    if n > MAX_THREADS {
        return Err(Error::InvalidArgument(format!("n_threads={n} is more than {MAX_THREADS}")));
    }
    pool(n)
}

fn caught<R>(result: std::thread::Result<R>) -> Result<R, Error> {
    result.map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Error::Internal(msg)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rayon::prelude::*;

    #[test]
    fn worker_panic_becomes_an_error() {
        let r = install(2, || (0..100).into_par_iter().map(|i| if i == 57 { panic!("boom at {i}") } else { i }).sum::<i32>());
        match r {
            Err(Error::Internal(m)) => assert!(m.contains("boom at 57"), "{m}"),
            other => panic!("{other:?}"),
        }
        let r = install_watched(2, |_| (0..100).into_par_iter().for_each(|i| assert_ne!(i, 42, "boom")), || false);
        assert!(matches!(r, Err(Error::Internal(_))), "{r:?}");
    }

    #[test]
    fn same_result_on_any_thread_count() {
        let f = || (0..10_000u64).into_par_iter().map(|i| i * i).collect::<Vec<_>>();
        assert_eq!(install(1, f).unwrap(), install(3, f).unwrap());
    }

    #[test]
    fn every_call_runs_on_the_threads_it_asked_for() {
        for n in [1, 3, 5] {
            assert_eq!(install(n, rayon::current_num_threads).unwrap(), n);
            assert_eq!(install_watched(n, |_| rayon::current_num_threads(), || false).unwrap(), n);
        }
    }

    #[test]
    fn a_sweep_of_sizes_keeps_a_bounded_number_of_pools() {
        for n in 1..=40 {
            install(n, || ()).unwrap();
        }
        // Other tests run beside this one, so only the bound is certain, not the sizes kept.
        assert!(pooled_threads() <= MAX_POOLS * MAX_THREADS);
        assert!(pools().by_size.lock().unwrap().len() <= MAX_POOLS);
    }

    #[test]
    fn a_stop_request_sets_cancel_and_interrupts() {
        let mut asked = 0;
        let r = install_watched(
            2,
            |cancel| {
                while !cancel.is_set() {
                    std::thread::sleep(Duration::from_millis(5));
                }
            },
            || {
                asked += 1;
                asked >= 2
            },
        );
        assert_eq!(r, Err(Error::Interrupted));
    }
}
