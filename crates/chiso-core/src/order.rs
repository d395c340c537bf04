//! Stable sorting compiled once for the whole program: each call sorts a list of positions
//! through one type-erased comparison, with a small merge sort of our own, then moves the
//! items into that order. The standard sort instantiated per element type and comparison
//! costs the browser's download about 4 KB each.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their order (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items = &*items;
        positions(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
    };
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, keeping equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in ascending order, keeping equal items in their order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// `items` in ascending order, each once: what collecting into a `BTreeSet` gives, in a `Vec`.
pub fn sorted_unique<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    sort(&mut items);
    items.dedup();
    items
}

/// The positions `0..n` in the stable order `cmp` says, by merging runs of 1, 2, 4… positions
/// from one buffer into the other: n·log₂n comparisons at most, whatever the input.
fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        for (run, out) in order.chunks(2 * width).zip(merged.chunks_mut(2 * width)) {
            let (a, b) = run.split_at(width.min(run.len()));
            merge(a, b, out, cmp);
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Merges the sorted runs `a` and `b` into `out`; on a tie `a`'s position goes first, which
/// keeps the sort stable.
fn merge(
    a: &[usize],
    b: &[usize],
    out: &mut [usize],
    cmp: &mut dyn FnMut(usize, usize) -> Ordering,
) {
    let (mut i, mut j) = (0, 0);
    for slot in out {
        *slot = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if cmp(y, x) == Ordering::Less => {
                j += 1;
                y
            }
            (Some(&x), _) => {
                i += 1;
                x
            }
            (None, Some(&y)) => {
                j += 1;
                y
            }
            (None, None) => return,
        };
    }
}

/// Puts the item at `order[i]` in place `i`, for every `i`, by following each cycle of the
/// permutation with swaps: no copy of the items and no `Clone`.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            // Each place is visited once: it is marked done as its item arrives.
            let from = std::mem::replace(&mut order[at], at);
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Sorts by the first field only, so the second shows whether equal keys kept their order.
    fn by_key(v: &[(u8, usize)]) -> Vec<(u8, usize)> {
        let mut v = v.to_vec();
        sort_by_key(&mut v, |p| p.0);
        v
    }

    #[test]
    fn empty_and_single() {
        let mut none: Vec<String> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
        let mut one = vec!["a".to_string()];
        sort(&mut one);
        assert_eq!(one, ["a"]);
    }

    #[test]
    fn sorted_reversed_and_repeated() {
        let mut up: Vec<i32> = (0..50).collect();
        sort(&mut up);
        assert_eq!(up, (0..50).collect::<Vec<_>>());
        let mut down: Vec<i32> = (0..50).rev().collect();
        sort(&mut down);
        assert_eq!(down, (0..50).collect::<Vec<_>>());
        let mut same = vec![3, 1, 3, 2, 1, 3];
        sort(&mut same);
        assert_eq!(same, [1, 1, 2, 3, 3, 3]);
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let v = [(2, 0), (1, 1), (2, 2), (1, 3), (0, 4), (2, 5)];
        assert_eq!(by_key(&v), [(0, 4), (1, 1), (1, 3), (2, 0), (2, 2), (2, 5)]);
    }

    #[test]
    fn descending_comparison() {
        let mut v = vec![1.5, -2.0, 9.25, 0.0];
        sort_by(&mut v, |a: &f64, b| b.total_cmp(a));
        assert_eq!(v, [9.25, 1.5, 0.0, -2.0]);
    }

    #[test]
    fn unique_in_order() {
        let got = sorted_unique(vec!["b", "a", "c", "a", "b"]);
        assert_eq!(got, ["a", "b", "c"]);
        assert!(sorted_unique(Vec::<u8>::new()).is_empty());
    }

    proptest! {
        #[test]
        fn same_as_the_standard_stable_sort(keys in prop::collection::vec(0u8..8, 0..300)) {
            let v: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            prop_assert_eq!(by_key(&v), expected);
        }

        #[test]
        fn strings_as_the_standard_sort(mut v in prop::collection::vec("[a-c]{0,3}", 0..100)) {
            let mut expected = v.clone();
            expected.sort();
            sort(&mut v);
            prop_assert_eq!(v, expected);
        }
    }
}
