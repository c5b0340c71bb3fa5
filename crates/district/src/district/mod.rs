//! School-district lookup (学区查询), the pure core: the rule model, the 门牌号 and 服务区域 parsers,
//! table imports (CSV, XLSX), conflicts, the published `districts.json`, and the index that answers a
//! parent's query. No browser crate here; the shell passes in what only the browser has (a GBK decoder).

pub mod area;
pub mod conflicts;
pub mod editing;
pub mod example;
pub mod index;
pub mod lookup;
pub mod mapping;
pub mod model;
pub mod normalize;
pub mod packed;
pub mod pinyin;
pub mod problems;
pub mod publish;
pub mod query;
pub mod review;
pub mod schools;
pub(crate) mod sort;
pub mod spec;
mod stream;
#[cfg(any(test, feature = "synth"))]
pub mod synth;
pub mod table;
pub mod xlsx;

pub use area::{
    parse_area, parse_fragments, print_area, AreaError, AreaErrorKind, AreaParse, ParsedFragment,
};
pub use conflicts::{conflicts, Conflict, Level};
pub use index::{DistrictIndex, IndexMemory, Meta};
pub use lookup::{Assignment, Found, MatchKind, Outcome, PlaceHit, RuleHit};
pub use model::{AreaText, DistrictData, Exclusion, Fragment, FragmentState, PlaceKind, Rule};
pub use publish::{
    publish, read_published, reading_names, set_readings, write_published, PubSchool, PublishError,
    Published,
};
pub use query::{parse_query, print_query, Query};
pub use spec::{
    parse_numbers, print_numbers, Address, Cover, NumberSpec, Numbers, Parity, SpecError,
    SpecErrorKind, Unit,
};
pub use table::{
    apply_import, csv_file_rows, import_file, import_rows, is_xlsx, preview_import, ImportError,
    ImportErrorKind, ImportJob, ImportMode, ImportPreview, Imported, LegacyDecoder, Row, SchoolRow,
    TableKind,
};

/// Reads `districts.json` into an index: what the parent page does on load. Links no pinyin table,
/// report code or `text.rs`. The page passes the bytes it fetched: a JS string handed to wasm is first
/// copied into a buffer of three bytes per character (wasm-bindgen), 180 MB for a 93 MB file.
///
/// The file is read straight into the index (`stream.rs`: the parsed file is never held whole, which
/// keeps a province-sized file's peak memory down), with the answer of `read_published` +
/// `DistrictIndex::build` (the same index or the same error; unit tests compare them).
pub fn load_index_bytes(bytes: &[u8]) -> Result<DistrictIndex, PublishError> {
    // Invalid UTF-8 is replaced, as the browser's `Response.text()` does; a valid file is not copied.
    load_index(&String::from_utf8_lossy(bytes))
}

/// [`load_index_bytes`] of a text already decoded.
pub fn load_index(json: &str) -> Result<DistrictIndex, PublishError> {
    publish::check_head(json)?;
    stream::read_index(json)
}
