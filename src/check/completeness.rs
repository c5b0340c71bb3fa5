//! Completeness: empty categories and items, 未公开 without a reason, missing unit name or year.

use super::Finding;
use crate::model::Report;

pub fn check(_report: &Report) -> Vec<Finding> {
    Vec::new()
}
