//! Work spread over the machine's cores with its results kept in order: `verify`'s
//! exercises, and the solutions a grading run runs on its held-out inputs. Each item's
//! work is mostly waiting on processes (cargo's freshness check, a test binary, Python),
//! so one thread per core keeps the cores busy without a thread pool's crate.

use anyhow::Result;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Calls `work` on every item of `items`, on up to one thread per core, and hands each
/// result to `done` in the order of `items`, as soon as every earlier result was handed
/// on (so a long list prints as it goes).
///
/// # Errors
/// The first error `done` returns: no item is started after it, the items under way
/// finish, and their results are dropped.
pub fn in_order<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync, mut done: impl FnMut(R) -> Result<()>) -> Result<()> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from).clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::channel();
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, stop, work) = (&next, &stop, &work);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if sender.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // A result waits here until every earlier one was handed on.
        let mut finished: BTreeMap<usize, R> = BTreeMap::new();
        let mut handed = 0;
        for (i, result) in receiver {
            finished.insert(i, result);
            while let Some(result) = finished.remove(&handed) {
                handed += 1;
                if let Err(err) = done(result) {
                    stop.store(true, Ordering::Relaxed);
                    return Err(err);
                }
            }
        }
        Ok(())
    })
}

/// `work` on every item of `items`, on up to one thread per core: the results in the
/// order of `items`, or the first error in that order.
///
/// # Errors
/// The first item's error, in the order of `items`.
pub fn map<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> Result<R> + Sync) -> Result<Vec<R>> {
    let mut results = Vec::with_capacity(items.len());
    in_order(items, work, |result| {
        results.push(result?);
        Ok(())
    })?;
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_items_order_whichever_finishes_first() {
        // The first items take longest, so they finish last on several threads.
        let items: Vec<u64> = (0..8).collect();
        let mut seen = Vec::new();
        in_order(
            &items,
            |&i| {
                std::thread::sleep(std::time::Duration::from_millis(40 - 5 * i));
                i * 10
            },
            |r| {
                seen.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, vec![0, 10, 20, 30, 40, 50, 60, 70]);
    }

    #[test]
    fn an_error_stops_the_items_not_yet_started() {
        let started = AtomicUsize::new(0);
        let items: Vec<usize> = (0..100).collect();
        let outcome = in_order(
            &items,
            |&i| {
                started.fetch_add(1, Ordering::Relaxed);
                std::thread::sleep(std::time::Duration::from_millis(2));
                i
            },
            |i| if i == 3 { anyhow::bail!("item {i} failed") } else { Ok(()) },
        );
        assert_eq!(outcome.unwrap_err().to_string(), "item 3 failed");
        assert!(started.load(Ordering::Relaxed) < 100, "every item started after the error");
    }

    #[test]
    fn map_gives_the_first_error_in_the_items_order() {
        let items = [1, 2, 3, 4];
        let all = map(&items, |&i| Ok(i * 2)).unwrap();
        assert_eq!(all, vec![2, 4, 6, 8]);
        let failed = map(&items, |&i| if i % 2 == 0 { anyhow::bail!("{i} is even") } else { Ok(i) });
        assert_eq!(failed.unwrap_err().to_string(), "2 is even");
    }
}
