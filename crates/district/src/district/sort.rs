//! One sort routine for the index and the lookup. Each `sort_unstable_by_key` with its own element
//! type and key is a separate copy of the standard library's quicksort in the wasm (2–5 KB of code
//! each; the parent page carried seven): these helpers sort a list of positions with one
//! non-generic comparator instead, so every call shares a single copy. Ties keep their original
//! order (the position is the last key), so the result is what a stable sort gives.

use std::cmp::Ordering;

/// The positions `0..len` in the order `cmp` gives, equal ones in their original order.
#[inline(never)]
fn order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut positions: Vec<u32> = (0..len as u32).collect();
    positions.sort_unstable_by(|a, b| cmp(*a as usize, *b as usize).then(a.cmp(b)));
    positions
}

/// Sorts `v` by `cmp`, stably, through the shared routine.
pub(crate) fn sort_by<T: Copy>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let positions = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let sorted: Vec<T> = positions.iter().map(|p| v[*p as usize]).collect();
    v.copy_from_slice(&sorted);
}

/// Sorts `v` by `key`, stably, through the shared routine.
pub(crate) fn sort_by_key<T: Copy, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order through the shared routine.
pub(crate) fn sort<T: Copy + Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u64;
        for len in [0usize, 1, 2, 5, 20, 33, 200, 1000] {
            let v: Vec<(u8, u32)> = (0..len as u32)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |(k, _)| *k);
            let mut std = v.clone();
            std.sort_by_key(|(k, _)| *k);
            assert_eq!(ours, std, "len {len}");
            let mut ours = v.clone();
            sort(&mut ours);
            let mut std = v;
            std.sort();
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn sort_by_uses_the_comparator() {
        let mut v = [3, 1, 2];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [3, 2, 1]);
    }
}
