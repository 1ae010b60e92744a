//! Small-count suppression on larger tables than the module's exhaustive tests reach, through
//! the public API only: random tables up to 7 x 7, with small counts common, keep the rule's
//! invariants.

use proptest::prelude::*;
use recourse_projections::suppression::{Entry, MIN_CELL, Table, suppress};

/// Every line of the augmented table: (members, total), true values and published entries.
fn lines(
    cells: &[Vec<u32>],
    published: &recourse_projections::suppression::Suppressed,
) -> Vec<Vec<(u32, Entry)>> {
    let rows = cells.len();
    let columns = cells.first().map_or(0, Vec::len);
    let row_total = |i: usize| cells[i].iter().sum::<u32>();
    let column_total = |j: usize| cells.iter().map(|r| r[j]).sum::<u32>();
    let grand: u32 = cells.iter().flatten().sum();
    let mut out = Vec::new();
    for (i, row) in cells.iter().enumerate() {
        let mut line: Vec<(u32, Entry)> = row
            .iter()
            .zip(&published.cells[i])
            .map(|(&v, &e)| (v, e))
            .collect();
        line.push((row_total(i), published.row_totals[i]));
        out.push(line);
    }
    let mut totals: Vec<(u32, Entry)> = (0..columns)
        .map(|j| (column_total(j), published.column_totals[j]))
        .collect();
    totals.push((grand, published.grand_total));
    out.push(totals);
    for (j, &total) in published.column_totals.iter().enumerate() {
        let mut line: Vec<(u32, Entry)> = cells
            .iter()
            .zip(&published.cells)
            .map(|(r, p)| (r[j], p[j]))
            .collect();
        line.push((column_total(j), total));
        out.push(line);
    }
    let mut totals: Vec<(u32, Entry)> = (0..rows)
        .map(|i| (row_total(i), published.row_totals[i]))
        .collect();
    totals.push((grand, published.grand_total));
    out.push(totals);
    out
}

fn small_heavy() -> impl Strategy<Value = u32> {
    prop_oneof![Just(0u32), 1u32..5, 5u32..40]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn suppression_invariants_hold_on_larger_tables(
        (rows, columns) in (1usize..=7, 1usize..=7),
        seed in proptest::collection::vec(small_heavy(), 49),
        min in prop_oneof![Just(MIN_CELL), 2u32..12],
    ) {
        let cells: Vec<Vec<u32>> = (0..rows)
            .map(|i| seed[i * 7..i * 7 + columns].to_vec())
            .collect();
        let published = suppress(&Table::new(cells.clone()).unwrap(), min);
        for line in lines(&cells, &published) {
            let mut hidden = 0;
            for &(value, entry) in &line {
                match entry {
                    Entry::Shown(n) => {
                        prop_assert_eq!(n, value);
                        prop_assert!(n == 0 || n >= min, "{} shown in {:?}", n, cells);
                    }
                    Entry::Suppressed => {
                        prop_assert!(value > 0, "a zero hidden in {:?}", cells);
                        hidden += 1;
                    }
                }
            }
            prop_assert_ne!(hidden, 1, "a line hides one entry: {:?} -> {:?}", cells, published);
            // With its total shown, the hidden members are not all 1 (nor all min - 1).
            let (members, total) = line.split_at(line.len() - 1);
            if total[0].1.shown().is_some() {
                let hidden: Vec<u32> = members
                    .iter()
                    .filter(|(_, e)| e.is_suppressed())
                    .map(|(v, _)| *v)
                    .collect();
                let (k, sum) = (hidden.len() as u32, hidden.iter().sum::<u32>());
                prop_assert!(k < 2 || (sum != k && sum != k * (min - 1)), "{:?}", cells);
            }
        }
    }
}
