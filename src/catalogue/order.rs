//! The crate's one sort: a stable merge sort of `u32` ids under a `dyn` comparison, compiled once.
//!
//! The standard library's sorts are generic: every `sort_by`/`sort_unstable_by_key` call with
//! its own closure or element type gets its own copy of the whole algorithm (several kB of wasm
//! each). Here the algorithm exists once, for `[u32]`; sorting anything else sorts the positions
//! of its elements, then moves the elements into that order, so each call site only adds its
//! comparison and a short permutation loop.

use std::cmp::Ordering;

/// Slices up to this length are sorted by insertion before merging.
const RUN: usize = 12;

/// Sorts `ids` by `cmp`, keeping the input order of equal ids (stable).
pub fn sort_ids(ids: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    let n = ids.len();
    for run in ids.chunks_mut(RUN) {
        insertion_sort(run, cmp);
    }
    if n <= RUN {
        return;
    }
    let mut buf = vec![0u32; n];
    let mut in_ids = true;
    let mut width = RUN;
    while width < n {
        if in_ids {
            merge_pass(ids, &mut buf, width, cmp);
        } else {
            merge_pass(&buf, ids, width, cmp);
        }
        in_ids = !in_ids;
        width *= 2;
    }
    if !in_ids {
        ids.copy_from_slice(&buf);
    }
}

/// Sorts `ids` by the key `key` gives each (stable).
pub fn sort_ids_by_key<K: Ord>(ids: &mut [u32], key: impl Fn(&u32) -> K) {
    sort_ids(ids, &|a, b| key(&a).cmp(&key(&b)));
}

/// Sorts `items` by `cmp` (stable), through the one id sort.
///
/// # Panics
/// With more than `u32::MAX` items.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let n = u32::try_from(items.len()).expect("at most u32::MAX items to sort");
    let mut order: Vec<u32> = (0..n).collect();
    sort_ids(&mut order, &|a, b| cmp(&items[a as usize], &items[b as usize]));
    permute(items, &mut order);
}

/// Rearranges `items` so that the new `items[k]` is the old `items[order[k]]`; `order` must be a
/// permutation of `0..items.len()` (it is used up: every entry ends as its own index).
fn permute<T>(items: &mut [T], order: &mut [u32]) {
    for start in 0..order.len() {
        // Walk the cycle through `start`, pulling each element into place with one swap.
        let mut at = start;
        while order[at] as usize != start {
            let from = order[at] as usize;
            items.swap(at, from);
            order[at] = at as u32;
            at = from;
        }
        order[at] = at as u32;
    }
}

fn insertion_sort(v: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && cmp(x, v[j - 1]) == Ordering::Less {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

/// Merges each pair of neighbouring sorted runs of `width` in `src` into `dst`; on ties the left
/// run's element comes first, which keeps the sort stable.
fn merge_pass(src: &[u32], dst: &mut [u32], width: usize, cmp: &dyn Fn(u32, u32) -> Ordering) {
    let n = src.len();
    let mut start = 0;
    while start < n {
        let mid = (start + width).min(n);
        let end = (start + 2 * width).min(n);
        let (mut i, mut j) = (start, mid);
        for slot in &mut dst[start..end] {
            if j == end || (i < mid && cmp(src[j], src[i]) != Ordering::Less) {
                *slot = src[i];
                i += 1;
            } else {
                *slot = src[j];
                j += 1;
            }
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so the tests need no crate.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u32 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 32) as u32
        }
    }

    #[test]
    fn matches_the_standard_stable_sort() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for n in [0, 1, 2, 3, 11, 12, 13, 24, 25, 100, 257, 1000, 4099] {
            for modulo in [1, 3, 50, u32::MAX] {
                // Pairs (key, position): equal keys must keep their positions in order.
                let keys: Vec<u32> = (0..n).map(|_| rng.next() % modulo).collect();
                let mut ids: Vec<u32> = (0..n as u32).collect();
                sort_ids(&mut ids, &|a, b| keys[a as usize].cmp(&keys[b as usize]));
                let mut expected: Vec<u32> = (0..n as u32).collect();
                expected.sort_by_key(|&i| keys[i as usize]);
                assert_eq!(ids, expected, "n={n} modulo={modulo}");
            }
        }
    }

    #[test]
    fn sorted_reversed_and_descending_orders() {
        let mut ids: Vec<u32> = (0..500).rev().collect();
        sort_ids(&mut ids, &|a, b| a.cmp(&b));
        assert_eq!(ids, (0..500).collect::<Vec<u32>>());
        sort_ids(&mut ids, &|a, b| b.cmp(&a));
        assert_eq!(ids, (0..500).rev().collect::<Vec<u32>>());
        sort_ids_by_key(&mut ids, |&i| (i % 7, std::cmp::Reverse(i)));
        let mut expected: Vec<u32> = (0..500).collect();
        expected.sort_by_key(|&i| (i % 7, std::cmp::Reverse(i)));
        assert_eq!(ids, expected);
    }

    #[test]
    fn sorts_any_items_stably() {
        let mut rng = Rng(42);
        for n in [0, 1, 5, 40, 333] {
            let mut items: Vec<(u32, String)> =
                (0..n).map(|i| (rng.next() % 9, format!("item {i}"))).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|x| x.0);
            sort_by(&mut items, |a, b| a.0.cmp(&b.0));
            assert_eq!(items, expected, "n={n}");
        }
        let mut words = vec!["pro", "de", "c", "de", "a"];
        sort_by(&mut words, |a, b| a.cmp(b));
        assert_eq!(words, ["a", "c", "de", "de", "pro"]);
    }

    #[test]
    fn permutes_every_cycle() {
        let mut items = ['a', 'b', 'c', 'd', 'e', 'f'];
        let mut order = [3, 0, 1, 2, 5, 4];
        permute(&mut items, &mut order);
        assert_eq!(items, ['d', 'a', 'b', 'c', 'f', 'e']);
        assert_eq!(order, [0, 1, 2, 3, 4, 5]);
    }
}
