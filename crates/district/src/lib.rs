//! gongkai-district: the district lookup (学区查询) as a crate of its own, pure Rust with no browser
//! crate and no Leptos: the rule model, the table imports and 服务区域 parser, the published
//! `districts.json` and its index, the parent page's HTML and words, and the school list's types they
//! share with the workbench. The parent page's binary (`crates/lookup-page`) links this crate alone,
//! so Cargo, not a convention, keeps the report, DOCX and Leptos code out of it.

pub mod district;
pub mod html;
pub mod lookup;
pub mod lookup_text;
pub mod school;
