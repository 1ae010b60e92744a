//! Seeded choices: every choice of the demo comes from a seeded generator, so that a seed gives
//! the same plan. Each helper draws a fixed count of numbers per call whatever the items'
//! type (one per choice; [`some_of`] one for the count and one per item), so the plan depends
//! only on the order of the calls and of the items: reorder either and a seed gives another
//! plan.

use rand::RngExt;
use rand::rngs::Xoshiro256PlusPlus;

/// The generator.
pub(super) type Rng = Xoshiro256PlusPlus;

/// One of `items`, by weight (the last if the weights are all zero).
pub(super) fn weighted<T: Copy>(rng: &mut Rng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|i| i.1).sum();
    let mut x = rng.random_range(0..total);
    for (item, w) in items {
        if x < *w {
            return *item;
        }
        x -= w;
    }
    items[items.len() - 1].0
}

/// One of `items` (which must not be empty).
pub(super) fn one<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    *pick(rng, items)
}

/// One of `items` (which must not be empty), by reference.
pub(super) fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// One of `items` (which must not be empty), as a string slice.
pub(super) fn one_str<'a>(rng: &mut Rng, items: &'a [String]) -> &'a str {
    pick::<String>(rng, items)
}

/// Up to `n` distinct items, at least one.
pub(super) fn some_of(rng: &mut Rng, items: &[String], n: usize) -> Vec<String> {
    let mut pool: Vec<&str> = items.iter().map(String::as_str).collect();
    let k = rng.random_range(1..=n.min(pool.len()).max(1));
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        out.push(
            pool.swap_remove(rng.random_range(0..pool.len()))
                .to_string(),
        );
    }
    out
}
