//! Table arithmetic and cross-year continuity (reference §1.5).

use super::Finding;
use crate::model::Report;

pub fn check(_report: &Report, _previous: Option<&Report>) -> Vec<Finding> {
    Vec::new()
}
