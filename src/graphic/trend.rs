//! The key figures across years: one series per figure over the years whose report has it, the jumps
//! (a change from the year before beyond [`JUMP`]). The series are data; `layout` draws them (the
//! graphic's trend panel, and the overview's small chart of one series, `layout::trend_svg`).

use super::figures::{key_figures, Number};
use crate::model::Report;

/// When a change from the year before counts as a jump: at least `min_change` in size, and more than
/// `ratio` times last year's value (any change of that size from 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Threshold {
    pub ratio: f64,
    pub min_change: i64,
}

/// The jump threshold of the overview and the graphic: a change of more than half, and at least 5.
pub const JUMP: Threshold = Threshold {
    ratio: 0.5,
    min_change: 5,
};

/// A change from the year before beyond the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jump {
    pub from: i64,
    pub to: i64,
}

/// True when `from` → `to` is a jump under `threshold`.
pub fn jump(from: i64, to: i64, threshold: Threshold) -> bool {
    // Saturating: figures are bounded by `cell::MAX_CELL`, so this only matters beyond the bound.
    let change = to.saturating_sub(from).saturating_abs();
    change >= threshold.min_change && change as f64 > threshold.ratio * from.unsigned_abs() as f64
}

/// One year of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    pub year: u16,
    pub number: Number,
    /// Set when the report of `year - 1` has the figure and the change is a jump.
    pub jump: Option<Jump>,
}

/// A key figure across years.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// The figure's id (its cells).
    pub id: String,
    /// The label and caption of the latest year.
    pub label: String,
    pub caption: String,
    /// The typed cell a jump links to.
    pub focus: String,
    /// By year, ascending.
    pub points: Vec<TrendPoint>,
}

/// The series of every key figure with an integer value in at least two of `reports` (any order),
/// the latest report's figures first. Amounts and unreadable text are left out.
pub fn trends(reports: &[&Report]) -> Vec<Trend> {
    // Latest first, one report a year. (A plain Vec and an index sort keep this small in the wasm.)
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_unstable_by_key(|&i| std::cmp::Reverse(reports[i].year));
    order.dedup_by_key(|i| reports[*i].year);
    let mut series: Vec<Trend> = Vec::new();
    for report in order.into_iter().map(|i| reports[i]) {
        for figure in key_figures(report).into_iter().flatten() {
            if figure.number.value.is_none() {
                continue;
            }
            let at = match series.iter().position(|s| s.id == figure.id) {
                Some(at) => at,
                None => {
                    series.push(Trend {
                        id: figure.id.clone(),
                        label: figure.label.clone(),
                        caption: figure.caption.clone(),
                        focus: figure.focus.clone(),
                        points: Vec::new(),
                    });
                    series.len() - 1
                }
            };
            series[at].points.push(TrendPoint {
                year: report.year,
                number: figure.number,
                jump: None,
            });
        }
    }
    series.retain(|s| s.points.len() >= 2);
    for s in &mut series {
        s.points.reverse();
        for i in 1..s.points.len() {
            let (before, now) = (&s.points[i - 1], &s.points[i]);
            let (from, to) = (before.number.count(), now.number.count());
            if before.year.checked_add(1) == Some(now.year) && jump(from, to, JUMP) {
                s.points[i].jump = Some(Jump { from, to });
            }
        }
    }
    series
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::t3_key;
    use crate::graphic::trend_svg;
    use crate::model::ReportStructure;

    #[test]
    fn jumps_need_size_and_proportion() {
        assert!(jump(0, 6, JUMP));
        assert!(!jump(0, 4, JUMP), "too small");
        assert!(!jump(100, 140, JUMP), "40 % of 100");
        assert!(jump(100, 151, JUMP));
        assert!(jump(100, 40, JUMP), "down by 60 %");
        assert!(!jump(12, 12, JUMP));
        assert!(jump(-10, 5, JUMP));
        // At the limits of i64 the change saturates instead of overflowing.
        assert!(jump(i64::MIN, i64::MAX, JUMP));
        assert!(jump(i64::MAX, i64::MIN, JUMP));
        assert!(!jump(i64::MAX, i64::MAX, JUMP));
    }

    fn statutory(year: u16, new: &str) -> Report {
        let mut r = Report::blank(year);
        r.structure = ReportStructure::Statutory;
        r.tables.set(t3_key("new", "natural"), new);
        r
    }

    #[test]
    fn series_by_figure_with_jumps_from_the_year_before_only() {
        let (a, b, c, d) = (
            statutory(2021, "10"),
            statutory(2022, "30"),
            statutory(2024, "90"),
            statutory(2025, "91"),
        );
        let all = trends(&[&c, &a, &d, &b]);
        let new = all.iter().find(|t| t.id == "t3/main/new/total").unwrap();
        let years: Vec<_> = new.points.iter().map(|p| p.year).collect();
        assert_eq!(years, [2021, 2022, 2024, 2025]);
        let jumps: Vec<_> = new.points.iter().map(|p| p.jump).collect();
        assert_eq!(
            jumps,
            [None, Some(Jump { from: 10, to: 30 }), None, None],
            "2024 follows 2022, not the year before"
        );
        assert_eq!(new.focus, "t3/main/new/natural");
        // The latest report's figures come first: 表二 (2021 format) rows, then 新收.
        assert_eq!(all[0].id, "t2/a20_1/rules/issued");
        assert!(trends(&[&a]).is_empty(), "one year is no series");
        assert!(
            !all.iter().any(|t| t.id.ends_with("fee_amount")),
            "amounts, even blank ones, are not charted"
        );
    }

    #[test]
    fn the_overview_chart_links_each_jump_to_its_cell() {
        let (a, b) = (statutory(2021, "1"), statutory(2022, "300000"));
        let all = trends(&[&a, &b]);
        let new = all.iter().find(|t| t.id == "t3/main/new/total").unwrap();
        let svg = trend_svg(new);
        assert!(svg.contains(
            "<a href=\"#/tables?year=2022&amp;cell=t3/main/new/natural\" aria-label=\"2022年较上年变化较大（1 → 300000）"
        ));
        assert!(svg.contains("data-testid=\"trend-jump\""));
        assert!(svg.contains("role=\"group\""), "its links stay reachable");
        assert!(svg.contains(">300000</text>"));
        assert!(
            svg.contains("aria-label=\"本年新收政府信息公开申请数量：2021年 1，2022年 300000\"")
        );
    }
}
