//! Helpers shared by integration tests: a strict XML reader and golden-file comparison. Each test
//! file uses some of them.
#![allow(dead_code)]

pub mod golden;
pub mod xml;
