//! Small-count suppression: which counts of a published table may be shown, so that no group
//! of fewer than [`MIN_CELL`] people can be read off it, directly or by subtraction.
//!
//! Independent of the dashboard: a table is counts in rows and columns, nothing more, so the
//! board's breakdowns and a public transparency report use the same rule.
//!
//! # The problem
//!
//! A small agency's figures identify people. "Complaints in Tigrinya at the Eastside site: 1"
//! tells a reader who knows the site which client complained. The usual remedy in official
//! statistics is a threshold: no count of fewer than 5 people is published. A threshold alone
//! is not enough when totals are published too: if a breakdown shows 12 and (hidden) and 7
//! with a total of 22, the hidden cell is 22 - 12 - 7 = 3. So a second round, *complementary*
//! suppression, hides enough other cells that no published total gives a hidden cell back.
//!
//! # The table
//!
//! A [`Table`] is `R` rows by `C` columns of counts. Its row totals, column totals and grand
//! total are computed here and are taken to be published with it. Together they form the
//! *augmented* table of `(R + 1) x (C + 1)` entries, and each of its rows and columns is a
//! *line*: an equation "the sum of the members is the total". A row's members are its cells
//! and its total is its row total; the row of column totals has the column totals as members
//! and the grand total as total; columns likewise. A 1-D list with its overall count (a
//! breakdown by language and the number of complaints) is a table with one column
//! ([`Table::column`]).
//!
//! # The rule
//!
//! With a threshold `min` (default [`MIN_CELL`] = 5):
//!
//! 1. **Primary suppression.** Every entry `n` with `0 < n < min` is suppressed, cells and
//!    totals alike (a total is a count of people too). **Zeros are shown**: "nobody" describes
//!    no person, and hiding zeros would hide most of a small agency's tables for nothing. The
//!    consequence, that a reader knows every suppressed entry is at least 1, is taken into
//!    account in step 3.
//! 2. **Complementary suppression.** A line with exactly one suppressed entry gives it back by
//!    subtraction. Suppress as well the smallest non-zero member of that line still shown
//!    (the first one on a tie, so the result is deterministic); if it has none (a row whose
//!    only non-zero cell is the suppressed one), suppress the line's total instead. That total
//!    is a member of another line (the column of row totals, or the row of column totals),
//!    which the next rounds then check in the same way: the cascade.
//! 3. **No extreme sums.** Since zeros are shown, a line whose total is shown and whose
//!    `k >= 2` suppressed members sum to exactly `k` gives them all back: each is 1 (a
//!    breakdown 40, hidden, hidden, total 42, says both hidden groups are one person).
//!    Likewise a reader who takes every suppressed entry to be under the threshold reads a
//!    sum of `k * (min - 1)` as `min - 1` each (40, hidden, hidden, total 48: two groups of
//!    4). Such a line gets one more suppression, chosen as in step 2. This step is not in the
//!    usual statement of the rule; without it the rule fails on exactly the case it is for.
//! 4. Repeat 2 and 3 until no line needs either.
//!
//! The smallest member is chosen because it loses the least information, and because it
//! makes the suppressed sum of the line as uninformative as possible for the least cost.
//!
//! # Termination
//!
//! Every round of steps 2 and 3 either suppresses one more entry or changes nothing, and then
//! the loop stops. Suppression is never undone and the augmented table has
//! `(R + 1) x (C + 1)` entries, so there are at most that many rounds that change something.
//! Each round that finds a line in need does find an entry to suppress:
//!
//! - Every suppressed entry is non-zero: primary suppression takes only non-zero entries,
//!   step 2 and 3 take a non-zero member, or a total when the line has a suppressed non-zero
//!   member (so the total is at least that member, hence non-zero).
//! - In step 2, the line has exactly one suppressed entry `e > 0`. If `e` is a member, the
//!   total is at least `e`, so non-zero, and shown: a candidate. If `e` is the total, some
//!   member is non-zero (they sum to `e`), and it is shown: a candidate.
//! - In step 3, the total is shown and non-zero (it is at least `k >= 2`): if no member is a
//!   candidate, the total is.
//!
//! The cost is at most `(R + 1)(C + 1) + 1` passes over the `R + C + 2` lines, each pass
//! `O(RC)`: nothing for the tables a board reads.
//!
//! # What it guarantees, and what not
//!
//! After [`suppress`], for every line: no line has exactly one suppressed entry, no line with
//! a shown total has an extreme suppressed sum (step 3), and every shown entry is 0 or at
//! least `min`. So no single published equation gives a suppressed entry back. The tests
//! check this exhaustively on about 79,000 small tables, and for 1-D lists of 3 and 4 groups
//! and for 2 x 2 tables they check more: every suppressed entry has at least two values
//! consistent with everything published (every equation at once, zeros shown).
//!
//! Limits, which a reader of the published figures should know:
//!
//! - **A reader who knows the rule.** The complement is the smallest shown member, so a
//!   shown member bounds the hidden ones from above, and with a tie it can pin them: in 6,
//!   6, 4 (total 16) the first 6 is hidden with the 4. The hidden pair sums to 10 and one of
//!   them is under 5, so the other is at least 6; it is at most the shown 6; so both are
//!   given back. Checked
//!   exhaustively, 5 of the 784 lists of 3 groups (0 to 9) that suppress anything, and 20 of
//!   the 2,320 lists of 4 groups (0 to 6), can be solved this way, all through such ties.
//!   Closing this needs the interval audit below.
//! - **Several equations at once.** In larger 2-D tables, combining lines (a row and a
//!   column sharing cells) can narrow a suppressed entry to an interval, and in rare patterns
//!   to one value. Guaranteeing intervals is a linear-programming audit (as in tau-ARGUS),
//!   beyond this module. The board publishes only 1-D breakdowns, where the single equation
//!   is all there is.
//! - **Figures beside the count.** Suppressing a group's count means nothing if its
//!   percentages, medians or averages are shown: a row whose count is suppressed shows none
//!   of its figures (the caller's duty; the dashboard's [`published`] does it). The other
//!   counts of a *shown* group (how many of them were appealed, say) are not thresholded.
//! - **Other tables.** Two tables of the same people published side by side (by language,
//!   and by language and site) can be subtracted from one another. Each table is protected
//!   on its own.
//! - **Totals published elsewhere.** If a caller publishes a total this rule suppressed (the
//!   board's overall count, always shown), the protection of that line is the caller's
//!   choice: with one non-zero group, or only ones, the group is then readable.
//!
//! [`published`]: crate::dashboard::published

/// The default threshold: no count of 1 to 4 people is published.
pub const MIN_CELL: u32 = 5;

/// Rows of counts, all of the same length, whose totals fit a `u32`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    cells: Vec<Vec<u32>>,
    columns: usize,
}

/// Why counts are not a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    /// A row has another length than the first.
    #[error("row {row} has {len} cells, the first row has {expected}")]
    Ragged {
        /// The row, from 0.
        row: usize,
        /// Its length.
        len: usize,
        /// The first row's.
        expected: usize,
    },
    /// A total would not fit a `u32`.
    #[error("the table's total is too large for a count")]
    TooLarge,
}

impl Table {
    /// A table of `cells`, row by row; refused if rows differ in length or the grand total
    /// does not fit a `u32` (then no row or column total overflows either).
    pub fn new(cells: Vec<Vec<u32>>) -> Result<Table, TableError> {
        let columns = cells.first().map_or(0, Vec::len);
        if let Some((row, r)) = cells.iter().enumerate().find(|(_, r)| r.len() != columns) {
            return Err(TableError::Ragged {
                row,
                len: r.len(),
                expected: columns,
            });
        }
        let grand: u64 = cells.iter().flatten().map(|&n| u64::from(n)).sum();
        if u32::try_from(grand).is_err() {
            return Err(TableError::TooLarge);
        }
        Ok(Table { cells, columns })
    }

    /// A 1-D list with its total: a table of one column, one row per count.
    pub fn column(counts: &[u32]) -> Result<Table, TableError> {
        Table::new(counts.iter().map(|&n| vec![n]).collect())
    }

    /// The cells, row by row.
    pub fn cells(&self) -> &[Vec<u32>] {
        &self.cells
    }
}

/// A published entry: its count, or that it is suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// Shown as is.
    Shown(u32),
    /// Not shown: say "fewer than `min`" if it is under the threshold (primary), or nothing.
    Suppressed,
}

impl Entry {
    /// Whether it is suppressed.
    pub fn is_suppressed(self) -> bool {
        self == Entry::Suppressed
    }

    /// The count, if shown.
    pub fn shown(self) -> Option<u32> {
        match self {
            Entry::Shown(n) => Some(n),
            Entry::Suppressed => None,
        }
    }
}

/// What of a [`Table`] may be published: each cell and total, shown or suppressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppressed {
    /// The cells, row by row.
    pub cells: Vec<Vec<Entry>>,
    /// Each row's total.
    pub row_totals: Vec<Entry>,
    /// Each column's total.
    pub column_totals: Vec<Entry>,
    /// The grand total.
    pub grand_total: Entry,
}

/// Primary suppression alone, for a count that no published total constrains (a breakdown
/// where one person counts in several groups): shown if 0 or at least `min`.
pub fn primary(n: u32, min: u32) -> Entry {
    if n > 0 && n < min {
        Entry::Suppressed
    } else {
        Entry::Shown(n)
    }
}

/// The table's entries and totals as they may be published with threshold `min`: primary and
/// complementary suppression, as the [module](self) states them.
pub fn suppress(table: &Table, min: u32) -> Suppressed {
    let grid = Grid::of(table);
    let mut hidden: Vec<bool> = grid
        .values
        .iter()
        .map(|&n| primary(n, min).is_suppressed())
        .collect();
    let lines = grid.lines();
    // At most one pass per entry that can still be suppressed, plus the pass that finds none
    // (see "Termination"); the bound makes that proof the loop's own guard too.
    for _ in 0..=grid.values.len() {
        let mut changed = false;
        for line in &lines {
            if let Some(i) = line.needs(&grid.values, &hidden, min) {
                hidden[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    grid.published(&hidden)
}

/// The augmented table, flat: `(R + 1) x (C + 1)` values, totals in the last row and column.
struct Grid {
    rows: usize,
    columns: usize,
    values: Vec<u32>,
}

/// One equation of the augmented table: the members sum to the total (flat indices).
struct Line {
    members: Vec<usize>,
    total: usize,
}

impl Grid {
    fn of(table: &Table) -> Grid {
        let (rows, columns) = (table.cells.len(), table.columns);
        let width = columns + 1;
        let mut values = vec![0u32; (rows + 1) * width];
        // Table::new checked that the grand total fits, so no sum below overflows.
        for (i, row) in table.cells.iter().enumerate() {
            for (j, &n) in row.iter().enumerate() {
                values[i * width + j] = n;
                values[i * width + columns] += n;
                values[rows * width + j] += n;
                values[rows * width + columns] += n;
            }
        }
        Grid {
            rows,
            columns,
            values,
        }
    }

    fn at(&self, i: usize, j: usize) -> usize {
        i * (self.columns + 1) + j
    }

    /// Every row of the augmented table (the last: the column totals), then every column
    /// (the last: the row totals).
    fn lines(&self) -> Vec<Line> {
        let rows = (0..=self.rows).map(|i| Line {
            members: (0..self.columns).map(|j| self.at(i, j)).collect(),
            total: self.at(i, self.columns),
        });
        let columns = (0..=self.columns).map(|j| Line {
            members: (0..self.rows).map(|i| self.at(i, j)).collect(),
            total: self.at(self.rows, j),
        });
        rows.chain(columns).collect()
    }

    fn published(&self, hidden: &[bool]) -> Suppressed {
        let entry = |k: usize| {
            if hidden[k] {
                Entry::Suppressed
            } else {
                Entry::Shown(self.values[k])
            }
        };
        Suppressed {
            cells: (0..self.rows)
                .map(|i| (0..self.columns).map(|j| entry(self.at(i, j))).collect())
                .collect(),
            row_totals: (0..self.rows)
                .map(|i| entry(self.at(i, self.columns)))
                .collect(),
            column_totals: (0..self.columns)
                .map(|j| entry(self.at(self.rows, j)))
                .collect(),
            grand_total: entry(self.at(self.rows, self.columns)),
        }
    }
}

impl Line {
    /// The entry this line needs suppressed next (steps 2 and 3), if any.
    fn needs(&self, values: &[u32], hidden: &[bool], min: u32) -> Option<usize> {
        let hidden_members: Vec<usize> = self
            .members
            .iter()
            .copied()
            .filter(|&k| hidden[k])
            .collect();
        let count = hidden_members.len() + usize::from(hidden[self.total]);
        // Step 3: every suppressed member is at least 1 and, if all are under the threshold,
        // at most `min - 1`; a sum at either end of that range gives them all back.
        let k = hidden_members.len() as u64;
        let sum: u64 = hidden_members.iter().map(|&m| u64::from(values[m])).sum();
        let extreme = !hidden[self.total]
            && k >= 2
            && (sum == k || (min > 1 && sum == k * u64::from(min - 1)));
        if count != 1 && !extreme {
            return None;
        }
        let smallest = self
            .members
            .iter()
            .copied()
            .filter(|&k| !hidden[k] && values[k] > 0)
            .min_by_key(|&k| values[k]);
        smallest.or((!hidden[self.total] && values[self.total] > 0).then_some(self.total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Entry::{Shown as S, Suppressed as X};

    fn table(cells: &[&[u32]]) -> Table {
        Table::new(cells.iter().map(|r| r.to_vec()).collect()).unwrap()
    }

    fn list(counts: &[u32]) -> Suppressed {
        suppress(&Table::column(counts).unwrap(), MIN_CELL)
    }

    /// The cells of a one-column result.
    fn column(s: &Suppressed) -> Vec<Entry> {
        s.cells.iter().map(|r| r[0]).collect()
    }

    #[test]
    fn a_breakdown_hides_its_small_group_and_the_next_smallest() {
        // [12, 3, 7], total 22: 3 is under 5; alone, 22 - 12 - 7 would give it back, so the
        // next smallest, 7, goes too. The reader learns only that the two sum to 10.
        let s = list(&[12, 3, 7]);
        assert_eq!(column(&s), [S(12), X, X]);
        assert_eq!(s.grand_total, S(22));
        assert_eq!(s.column_totals, [S(22)]);
        // Each row of a list is its own total: hidden where the cell is.
        assert_eq!(s.row_totals, [S(12), X, X]);
    }

    #[test]
    fn the_smallest_complement_is_taken_first_on_a_tie() {
        assert_eq!(column(&list(&[9, 2, 9, 30])), [X, X, S(9), S(30)]);
        // Two small groups protect each other: nothing more is needed.
        assert_eq!(column(&list(&[40, 2, 3])), [S(40), X, X]);
    }

    #[test]
    fn hidden_ones_are_not_given_back_by_the_total() {
        // 40, hidden, hidden, total 42: both hidden groups would be 1 (zeros are shown).
        let s = list(&[40, 1, 1]);
        assert_eq!(column(&s), [X, X, X]);
        assert_eq!(s.grand_total, S(42));
        // 1 and 2 sum to 3: either could be the 2, so nothing more.
        assert_eq!(column(&list(&[40, 1, 2])), [S(40), X, X]);
    }

    #[test]
    fn zeros_and_large_counts_are_unchanged() {
        let s = list(&[0, 12, 0, 5]);
        assert_eq!(column(&s), [S(0), S(12), S(0), S(5)]);
        assert_eq!(s.grand_total, S(17));
        let t = table(&[&[5, 0, 9], &[0, 0, 0], &[100, 6, 5]]);
        let s = suppress(&t, MIN_CELL);
        assert_eq!(
            s.cells,
            [[S(5), S(0), S(9)], [S(0), S(0), S(0)], [S(100), S(6), S(5)]]
        );
        assert_eq!(s.row_totals, [S(14), S(0), S(111)]);
        assert_eq!(s.column_totals, [S(105), S(6), S(14)]);
        assert_eq!(s.grand_total, S(125));
        // An empty table, and a table of no columns.
        let empty = suppress(&table(&[]), MIN_CELL);
        assert_eq!((empty.cells.len(), empty.grand_total), (0, S(0)));
        let narrow = suppress(&table(&[&[], &[]]), MIN_CELL);
        assert_eq!(narrow.row_totals, [S(0), S(0)]);
    }

    #[test]
    fn a_row_total_would_give_a_cell_back() {
        // Row 0: 2 + 10 + 20 = 32. The 2 is hidden; then the row total gives it back, so the
        // 10 goes. Column 0 (2 + 30) and column 1 (10 + 40) now have one hidden cell each:
        // their smallest non-zero shown members, 30 and 40, go, and row 1 has two hidden.
        let s = suppress(&table(&[&[2, 10, 20], &[30, 40, 50]]), MIN_CELL);
        assert_eq!(s.cells, [[X, X, S(20)], [X, X, S(50)]]);
        assert_eq!(s.row_totals, [S(32), S(120)]);
        assert_eq!(s.column_totals, [S(32), S(50), S(70)]);
        assert_eq!(s.grand_total, S(152));
    }

    #[test]
    fn a_column_total_would_give_a_cell_back() {
        // Row 0 hides 3 and 4 together (their total, 7, says only their sum), but column 0
        // (3 + 20 = 23) and column 1 (4 + 30 = 34) would each give one back: their 20 and 30
        // go too. Every total stays: one degree of freedom is left, the top-left cell is
        // anything from 1 to 6.
        let s = suppress(&table(&[&[3, 4], &[20, 30]]), MIN_CELL);
        assert_eq!(s.cells, [[X, X], [X, X]]);
        assert_eq!(s.row_totals, [S(7), S(50)]);
        assert_eq!(s.column_totals, [S(23), S(34)]);
        assert_eq!(s.grand_total, S(57));
        // Rows and columns both in need: row 1 (7, 3) takes its 7, column 1 (9, 3, 8) its
        // 8, and then row 2 (6, 8) its 6, after which column 0 hides two.
        let s = suppress(&table(&[&[20, 9], &[7, 3], &[6, 8]]), MIN_CELL);
        assert_eq!(s.cells, [[S(20), S(9)], [X, X], [X, X]]);
        assert_eq!(s.row_totals, [S(29), S(10), S(14)]);
        assert_eq!(s.column_totals, [S(33), S(20)]);
    }

    #[test]
    fn a_row_with_one_non_zero_cell_under_5() {
        // Row 0 is (0, 3): the 3 is hidden, and so is the row's total, 3, by the threshold.
        // Column 1 (3, 10, 12; 25) hides one: its smallest shown, 10, goes. The column of row
        // totals (3, 16, 52; 71) hides one: its 16 goes, and row 1 (6, hidden; hidden) is
        // then safe with its 6 shown.
        let t = table(&[&[0, 3], &[6, 10], &[40, 12]]);
        let s = suppress(&t, MIN_CELL);
        assert_eq!(s.cells, [[S(0), X], [S(6), X], [S(40), S(12)]]);
        assert_eq!(s.row_totals, [X, X, S(52)]);
        assert_eq!(s.column_totals, [S(46), S(25)]);
        assert_eq!(s.grand_total, S(71));
        assert_invariants(&t, &s, MIN_CELL);
    }

    #[test]
    fn a_cascade_across_rows_columns_and_totals() {
        // 0 8 | 8
        // 6 3 | 9
        // 50 40 | 90
        // ------------
        // 56 51 | 107
        // The 3 is hidden. Row 1 takes its 6; column 0 (0, 6, 50) its 50; column 1 (8, 3, 40)
        // its 8. Row 0 is now (0, hidden) with a total of 8: it has no other non-zero cell,
        // so its total goes instead. Row 2 (hidden 50, 40) takes its 40. The column of row
        // totals (hidden 8, 9, 90) takes its 9, and everything holds.
        let t = table(&[&[0, 8], &[6, 3], &[50, 40]]);
        let s = suppress(&t, MIN_CELL);
        assert_eq!(s.cells, [[S(0), X], [X, X], [X, X]]);
        assert_eq!(s.row_totals, [X, X, S(90)]);
        assert_eq!(s.column_totals, [S(56), S(51)]);
        assert_eq!(s.grand_total, S(107));
        assert_invariants(&t, &s, MIN_CELL);
    }

    #[test]
    fn a_single_small_cell_hides_its_totals_up_to_the_grand_total() {
        // Its row and column totals equal it, and so does the grand total: all are under 5,
        // and nothing else needs to go.
        let s = suppress(&table(&[&[0, 0], &[0, 4]]), MIN_CELL);
        assert_eq!(s.cells, [[S(0), S(0)], [S(0), X]]);
        assert_eq!(s.row_totals, [S(0), X]);
        assert_eq!(s.column_totals, [S(0), X]);
        assert_eq!(s.grand_total, X);
        // A single small group in a list hides the list's total.
        let s = list(&[0, 3]);
        assert_eq!((column(&s), s.grand_total), (vec![S(0), X], X));
    }

    #[test]
    fn the_threshold_is_a_parameter() {
        let t = Table::column(&[12, 3, 7]).unwrap();
        assert_eq!(column(&suppress(&t, 3)), [S(12), S(3), S(7)]);
        assert_eq!(column(&suppress(&t, 10)), [S(12), X, X]);
        assert_eq!(column(&suppress(&t, 13)), [X, X, X]);
        // No threshold: everything shown.
        assert_eq!(column(&suppress(&t, 0)), [S(12), S(3), S(7)]);
        assert_eq!(primary(0, 5), S(0));
        assert_eq!(primary(4, 5), X);
        assert_eq!(primary(5, 5), S(5));
    }

    #[test]
    fn bad_tables_are_refused() {
        assert_eq!(
            Table::new(vec![vec![1, 2], vec![3]]),
            Err(TableError::Ragged {
                row: 1,
                len: 1,
                expected: 2
            })
        );
        assert_eq!(
            Table::column(&[u32::MAX, 1]),
            Err(TableError::TooLarge),
            "the total would overflow"
        );
        assert!(Table::column(&[u32::MAX]).is_ok());
    }

    /// Every line of the augmented result, as (members, total).
    fn result_lines(s: &Suppressed) -> Vec<(Vec<Entry>, Entry)> {
        let mut lines: Vec<(Vec<Entry>, Entry)> = s
            .cells
            .iter()
            .zip(&s.row_totals)
            .map(|(r, &t)| (r.clone(), t))
            .collect();
        lines.push((s.column_totals.clone(), s.grand_total));
        let columns = s.column_totals.len();
        for j in 0..columns {
            lines.push((s.cells.iter().map(|r| r[j]).collect(), s.column_totals[j]));
        }
        lines.push((s.row_totals.clone(), s.grand_total));
        lines
    }

    /// The invariants of the rule on `s`, the result for `t`: shown entries are true and 0
    /// or at least `min`; no line has exactly one hidden entry; no line with a shown total
    /// hides only ones.
    fn assert_invariants(t: &Table, s: &Suppressed, min: u32) {
        let truth = Grid::of(t);
        let shown = truth.published(&vec![false; truth.values.len()]);
        for (got, want) in result_lines(s).iter().zip(result_lines(&shown)) {
            let entries = got.0.iter().chain([&got.1]);
            let truths = want.0.iter().chain([&want.1]);
            let mut hidden = 0;
            for (g, w) in entries.zip(truths) {
                match (g, w) {
                    (Entry::Shown(n), Entry::Shown(m)) => {
                        assert_eq!(n, m, "{t:?}: a shown entry is the true count");
                        assert!(*n == 0 || *n >= min, "{t:?}: {n} is shown");
                    }
                    (Entry::Suppressed, Entry::Shown(m)) => {
                        assert!(*m > 0, "{t:?}: a zero is hidden");
                        hidden += 1;
                    }
                    (_, Entry::Suppressed) => unreachable!("the truth is all shown"),
                }
            }
            assert_ne!(hidden, 1, "{t:?} -> {s:?}: a line hides one entry");
            if got.1.shown().is_some() {
                let ones: Vec<u32> = got
                    .0
                    .iter()
                    .zip(&want.0)
                    .filter(|(g, _)| g.is_suppressed())
                    .filter_map(|(_, w)| w.shown())
                    .collect();
                assert!(
                    ones.len() < 2 || ones.iter().sum::<u32>() > ones.len() as u32,
                    "{t:?} -> {s:?}: a line hides only ones"
                );
            }
        }
    }

    /// Every table of `rows` x `columns` cells with values in `0..=max`.
    fn every_table(rows: usize, columns: usize, max: u32) -> impl Iterator<Item = Table> {
        let n = rows * columns;
        let count = u64::from(max + 1).pow(n as u32);
        (0..count).map(move |mut code| {
            let mut cells = vec![vec![0; columns]; rows];
            for row in cells.iter_mut() {
                for cell in row.iter_mut() {
                    *cell = (code % u64::from(max + 1)) as u32;
                    code /= u64::from(max + 1);
                }
            }
            Table::new(cells).unwrap()
        })
    }

    #[test]
    fn the_invariants_hold_on_every_small_table() {
        let mut tables = 0;
        for (rows, columns, max) in [
            (1, 1, 12),
            (2, 1, 12),
            (3, 1, 9),
            (4, 1, 7),
            (1, 3, 9),
            (2, 2, 8),
            (2, 3, 5),
            (3, 3, 2),
        ] {
            for t in every_table(rows, columns, max) {
                for min in [3, MIN_CELL] {
                    let s = suppress(&t, min);
                    assert_invariants(&t, &s, min);
                }
                tables += 1;
            }
        }
        assert!(tables > 70_000, "{tables} tables");
    }

    /// What a reader of the published table is assumed to know.
    #[derive(Clone, Copy, Debug)]
    enum Reader {
        /// The published values, and that zeros are shown: a table is possible if it has
        /// the shown values and non-zero suppressed ones.
        Values,
        /// Also the rule: a table is possible only if the rule publishes it exactly so.
        Rule,
    }

    /// Whether every suppressed cell of `s`, the result for `t`, can take at least two values
    /// among the tables of the same shape, suppressed cells in `1..=cap`, that `reader` finds
    /// possible: what a reader who solves every published equation at once still cannot
    /// tell. (The cap only removes candidates: the check is stricter for it.)
    fn cells_stay_uncertain(t: &Table, s: &Suppressed, cap: u32, reader: Reader) -> bool {
        let columns = t.columns;
        let hidden: Vec<(usize, usize)> = (0..t.cells.len())
            .flat_map(|i| (0..columns).map(move |j| (i, j)))
            .filter(|&(i, j)| s.cells[i][j].is_suppressed())
            .collect();
        let mut values: Vec<Option<u32>> = vec![None; hidden.len()];
        let mut twice = vec![false; hidden.len()];
        let count = u64::from(cap).pow(hidden.len() as u32);
        for mut code in 0..count {
            let mut other = t.cells.clone();
            for &(i, j) in &hidden {
                other[i][j] = (code % u64::from(cap)) as u32 + 1;
                code /= u64::from(cap);
            }
            // Cheap first: the shown totals must agree.
            let rows_agree = other
                .iter()
                .zip(&s.row_totals)
                .all(|(r, e)| e.shown().is_none_or(|n| r.iter().sum::<u32>() == n));
            let columns_agree = s.column_totals.iter().enumerate().all(|(j, e)| {
                e.shown()
                    .is_none_or(|n| other.iter().map(|r| r[j]).sum::<u32>() == n)
            });
            if !rows_agree || !columns_agree {
                continue;
            }
            let other = Table::new(other).unwrap();
            let possible = match reader {
                Reader::Rule => suppress(&other, MIN_CELL) == *s,
                Reader::Values => {
                    // Same shown entries (the cells are by construction), totals non-zero
                    // where suppressed.
                    let g = Grid::of(&other);
                    result_lines(s)
                        .iter()
                        .zip(result_lines(&g.published(&vec![false; g.values.len()])))
                        .all(|(p, o)| {
                            p.0.iter()
                                .chain([&p.1])
                                .zip(o.0.iter().chain([&o.1]))
                                .all(|(p, o)| match p {
                                    Entry::Shown(n) => o.shown() == Some(*n),
                                    Entry::Suppressed => o.shown().is_some_and(|m| m > 0),
                                })
                        })
                }
            };
            if !possible {
                continue;
            }
            for (k, &(i, j)) in hidden.iter().enumerate() {
                let v = other.cells[i][j];
                match values[k] {
                    None => values[k] = Some(v),
                    Some(w) if w != v => twice[k] = true,
                    Some(_) => {}
                }
            }
        }
        twice.iter().all(|&both| both)
    }

    #[test]
    fn no_suppressed_cell_of_a_list_can_be_solved_from_its_values() {
        for t in every_table(3, 1, 9).chain(every_table(4, 1, 5)) {
            let s = suppress(&t, MIN_CELL);
            assert!(
                cells_stay_uncertain(&t, &s, 9, Reader::Values),
                "{t:?} -> {s:?}"
            );
        }
    }

    #[test]
    fn what_a_reader_who_knows_the_rule_can_and_cannot_solve() {
        // 40, hidden, hidden, total 48: taken as two groups under 5, they would be 4 and 4;
        // step 3 hides the 40 too, and even knowing the rule the reader cannot tell.
        let t = Table::column(&[40, 4, 4]).unwrap();
        let s = suppress(&t, MIN_CELL);
        assert_eq!(column(&s), [X, X, X]);
        assert!(cells_stay_uncertain(&t, &s, 48, Reader::Rule));
        // The known limit (see the module): a tie with a shown group gives the hidden ones
        // back to a reader who knows the rule, though not from the values alone.
        let t = Table::column(&[6, 6, 4]).unwrap();
        let s = suppress(&t, MIN_CELL);
        assert_eq!(column(&s), [X, S(6), X]);
        assert!(cells_stay_uncertain(&t, &s, 10, Reader::Values));
        assert!(!cells_stay_uncertain(&t, &s, 10, Reader::Rule));
    }

    #[test]
    fn no_suppressed_cell_of_a_two_by_two_table_can_be_solved_from_its_values() {
        for t in every_table(2, 2, 5) {
            let s = suppress(&t, MIN_CELL);
            assert!(
                cells_stay_uncertain(&t, &s, 6, Reader::Values),
                "{t:?} -> {s:?}"
            );
        }
    }
}
