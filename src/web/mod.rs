//! The browser shell: the only modules that touch `web_sys`. Everything here is thin; decisions live in
//! the core (`store`, `backup`, `route`).

pub mod browser;
pub mod clock;
pub mod compress;
pub mod dom;
pub mod download;
/// The panic hooks (a crate of their own: the parent page installs them too).
pub use gongkai_fatal as fatal;
pub mod file_input;
pub mod modules;
pub mod page_host;
pub mod random;
pub mod raster;
pub mod storage;
pub mod text_decode;
pub mod tick;
