//! The one place that decides how many threads a call uses. A pool per size is built once and
//! reused; `n_threads = 0` means the `CONGRESS_CORPUS_THREADS` (or `RAYON_NUM_THREADS`) variable,
//! else every core. Several Dask workers on one host set it to 1 each instead of all fighting
//! over every core.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::error::Error;

static POOLS: LazyLock<Mutex<HashMap<usize, Arc<ThreadPool>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

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

/// Run `f` inside a pool of `n_threads` threads (see `resolve_threads`). A panic anywhere in `f`
/// (rayon carries a worker's panic back to this thread) becomes `Error::Internal`, so a bug
/// surfaces as an exception instead of tearing down the host process.
pub fn install<R: Send>(n_threads: usize, f: impl FnOnce() -> R + Send) -> Result<R, Error> {
    let n = resolve_threads(n_threads);
    if n > 1024 {
        return Err(Error::InvalidArgument(format!("n_threads={n} is more than 1024")));
    }
    let pool = {
        let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
        match pools.get(&n) {
            Some(p) => Arc::clone(p),
            None => {
                let p = ThreadPoolBuilder::new()
                    .num_threads(n)
                    .thread_name(|i| format!("congress-corpus-{i}"))
                    .build()
                    .map_err(|e| Error::InvalidArgument(format!("cannot start {n} threads: {e}")))?;
                let p = Arc::new(p);
                pools.insert(n, Arc::clone(&p));
                p
            }
        }
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pool.install(f)));
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
    }

    #[test]
    fn same_result_on_any_thread_count() {
        let f = || (0..10_000u64).into_par_iter().map(|i| i * i).collect::<Vec<_>>();
        assert_eq!(install(1, f).unwrap(), install(3, f).unwrap());
    }
}
