//! The input grid of each statutory table: which typed cell sits at (row, column), for keyboard
//! navigation and for pasting a block copied from Excel/WPS. Computed cells are holes in the grid.

use crate::catalog::{self, CellKind};
use crate::cell::parse_cell;
use crate::model::TableFormat;

/// One typed cell: its `TableValues` key, kind, and verbatim row and column labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    pub key: String,
    pub kind: CellKind,
    pub row: String,
    pub column: String,
}

/// Rows × columns; `None` where the cell is computed or absent.
pub type Grid = Vec<Vec<Option<GridCell>>>;

/// 表二: the blocks' rows stacked, each row as wide as its block.
pub fn table2(format: TableFormat) -> Grid {
    catalog::table2(format)
        .iter()
        .flat_map(|b| {
            b.rows.iter().map(move |r| {
                b.columns
                    .iter()
                    .map(|c| {
                        Some(GridCell {
                            key: catalog::cell_key(catalog::TABLE2, b.key, r.key, c.key),
                            kind: c.kind,
                            row: r.label.to_string(),
                            column: c.label.to_string(),
                        })
                    })
                    .collect()
            })
        })
        .collect()
}

/// 表三: every row, seven columns; 总计 and （七）总计 are holes.
pub fn table3(format: TableFormat) -> Grid {
    let t = catalog::table3(format);
    t.rows
        .iter()
        .map(|r| {
            t.columns
                .iter()
                .map(|c| {
                    (!r.computed && !c.computed).then(|| GridCell {
                        key: catalog::t3_key(r.key, c.key),
                        kind: c.kind,
                        row: r.label.to_string(),
                        column: c.label.to_string(),
                    })
                })
                .collect()
        })
        .collect()
}

/// 表四: one row of fifteen cells; each group's 总计 is a hole.
pub fn table4(format: TableFormat) -> Grid {
    let t = catalog::table4(format);
    vec![t
        .groups
        .iter()
        .flat_map(|g| {
            t.columns.iter().map(move |c| {
                (!c.computed).then(|| GridCell {
                    key: catalog::t4_key(g.key, c.key),
                    kind: c.kind,
                    row: g.label.to_string(),
                    column: c.label.to_string(),
                })
            })
        })
        .collect()]
}

/// A move of the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    Left,
    Right,
}

/// The nearest typed cell from (`row`, `col`) in direction `step`, skipping holes.
pub fn step(grid: &Grid, (row, col): (usize, usize), step: Step) -> Option<(usize, usize)> {
    let (dr, dc): (isize, isize) = match step {
        Step::Up => (-1, 0),
        Step::Down => (1, 0),
        Step::Left => (0, -1),
        Step::Right => (0, 1),
    };
    let (mut r, mut c) = (row as isize, col as isize);
    loop {
        r += dr;
        c += dc;
        let cells = grid.get(usize::try_from(r).ok()?)?;
        match cells.get(usize::try_from(c).ok()?) {
            Some(Some(_)) => return Some((r as usize, c as usize)),
            Some(None) => continue,
            // A shorter row (表二 blocks differ in width): keep going down/up, stop sideways.
            None if dc == 0 => continue,
            None => return None,
        }
    }
}

/// What pasting a block at `start` does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PastePlan {
    /// Cells to set, with their text as pasted (trimmed; empty clears the cell).
    pub writes: Vec<(String, String)>,
    /// Values that did not parse for their cell, with the cell's labels.
    pub rejected: Vec<(GridCell, String)>,
    /// Values that fell on computed cells or outside the table.
    pub skipped: usize,
}

/// Maps a pasted block onto the grid, one value per visible cell, starting at `start`.
pub fn paste(grid: &Grid, start: (usize, usize), block: &[Vec<String>]) -> PastePlan {
    let mut plan = PastePlan::default();
    for (dr, values) in block.iter().enumerate() {
        for (dc, value) in values.iter().enumerate() {
            let target = grid
                .get(start.0 + dr)
                .and_then(|row| row.get(start.1 + dc))
                .and_then(Option::as_ref);
            let Some(cell) = target else {
                plan.skipped += 1;
                continue;
            };
            let value = value.trim();
            match parse_cell(value, cell.kind) {
                Ok(_) => plan.writes.push((cell.key.clone(), value.to_string())),
                Err(_) => plan.rejected.push((cell.clone(), value.to_string())),
            }
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grids_have_the_table_shapes() {
        assert_eq!(table3(TableFormat::V2019).len(), 23);
        assert_eq!(table3(TableFormat::V2021).len(), 25);
        assert!(table3(TableFormat::V2021).iter().all(|r| r.len() == 7));
        assert_eq!(table4(TableFormat::V2021)[0].len(), 15);
        assert_eq!(table2(TableFormat::V2019).len(), 8);
        assert_eq!(table2(TableFormat::V2021).len(), 6);
    }

    #[test]
    fn steps_skip_computed_cells() {
        let g = table3(TableFormat::V2019);
        let total_row = g
            .iter()
            .position(|r| r.iter().all(Option::is_none))
            .unwrap();
        // Down from the row above （七）总计 lands on 四、结转下年度继续办理.
        assert_eq!(
            step(&g, (total_row - 1, 0), Step::Down),
            Some((total_row + 1, 0))
        );
        // Right from 其他 (column 5) finds only the computed 总计: no move.
        assert_eq!(step(&g, (0, 5), Step::Right), None);
        assert_eq!(step(&g, (0, 0), Step::Left), None);
        assert_eq!(step(&g, (0, 0), Step::Up), None);
        let g4 = table4(TableFormat::V2019);
        assert_eq!(
            step(&g4, (0, 3), Step::Right),
            Some((0, 5)),
            "skips 行政复议 总计"
        );
    }

    #[test]
    fn table2_down_crosses_blocks_of_other_widths() {
        let g = table2(TableFormat::V2019);
        // From 其他对外管理服务事项 (row 3) down to 行政处罚 (row 4), same column.
        assert_eq!(step(&g, (3, 2), Step::Down), Some((4, 2)));
        // 行政事业性收费 (row 6) has two columns: column 2 skips it and reaches nothing below.
        assert_eq!(step(&g, (5, 2), Step::Down), None);
    }

    #[test]
    fn paste_maps_a_block_and_rejects_bad_values() {
        let g = table3(TableFormat::V2019);
        let outcome = g
            .iter()
            .position(|r| r[0].as_ref().is_some_and(|c| c.row == "（一）予以公开"))
            .unwrap();
        let block = vec![
            vec!["1".to_string(), "2".into(), "x".into()],
            vec!["4".to_string(), " 5 ".into(), "6".into()],
        ];
        let plan = paste(&g, (outcome, 0), &block);
        assert_eq!(plan.writes.len(), 5);
        let first = g[outcome][0].as_ref().unwrap();
        assert_eq!(plan.writes[0], (first.key.clone(), "1".to_string()));
        assert_eq!(plan.writes[3].1, "5", "values are trimmed");
        assert_eq!(plan.writes[4].1, "6");
        assert_eq!(plan.rejected.len(), 1);
        assert_eq!(plan.rejected[0].1, "x");
        // Pasting past the 其他 column falls on 总计 (computed) and outside the table.
        let wide = vec![vec!["1".to_string(); 9]];
        let plan = paste(&g, (outcome, 0), &wide);
        assert_eq!(plan.writes.len(), 6);
        assert_eq!(plan.skipped, 3);
    }
}
