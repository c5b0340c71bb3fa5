//! One module per page.

mod category;
pub mod check;
mod data;
pub mod districts;
mod graphic;
mod item_schools;
mod lookup;
mod narrative;
mod overview;
mod placeholder;
mod report;
mod school;
mod school_style;
mod schools;
mod settings;
mod tables;
mod trends;

pub use category::CategoryPage;
pub use check::CheckPage;
pub use data::DataPage;
pub use districts::DistrictsPage;
pub use graphic::GraphicPage;
pub use lookup::LookupPage;
pub use narrative::NarrativePage;
pub use overview::Overview;
pub use placeholder::{ComingSoon, NotFound};
pub use report::ReportPage;
pub use school::SchoolPage;
pub use schools::SchoolsPage;
pub use settings::SettingsPage;
pub use tables::TablesPage;
pub use trends::Trends;
