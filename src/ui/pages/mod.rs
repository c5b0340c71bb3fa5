//! One module per page.

mod data;
mod overview;
mod placeholder;
mod settings;

pub use data::DataPage;
pub use overview::Overview;
pub use placeholder::{ComingSoon, NotFound};
pub use settings::SettingsPage;
