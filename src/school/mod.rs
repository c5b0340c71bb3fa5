//! School submissions (学校填报), pure core. Files carry the work both ways: the bureau sends a
//! filling pack (`pack`), a school fills its draft offline (`draft`) and exports a submission
//! (`submission`, with a SHA-256 hash over the canonical items, `canonical`), and the bureau previews
//! and merges many submissions at once (`merge`), then follows who has sent what (`dashboard`). The
//! clock is always an argument; the shell only reads files and downloads.

mod canonical;
mod dashboard;
mod draft;
mod file;
mod merge;
mod pack;
mod roster;
mod submission;
#[cfg(feature = "synth")]
pub mod synth;

pub use crate::dates::{chinese_date, parse_date, parse_time};
pub use canonical::{canonical_items, content_hash, HASH_PREFIX, MAX_COUNT};
pub use dashboard::{dashboard, missing_csv, Dashboard, MissingWords, SchoolRow, Status};
pub use draft::Draft;
pub use file::{read_value, FileError};
pub use merge::{
    apply, changes, merge_one, preview, Applied, ChangeKind, FileReview, Incoming, ItemChange,
    Preview, Refusal, Verdict,
};
pub use pack::{
    assigned_items, make_pack, make_pack_of, pack_file_name, read_pack, write_pack, Pack, PackItem,
    PackProblem, PackSchool, PACK_FORMAT, PACK_SUFFIX, PACK_VERSION,
};
pub use roster::{
    add_school, consequence, contribution_of, kept_from_removed, relink, remove_school, restore,
    Consequence,
};
pub use submission::{
    read_submission, submission_file_name, write_submission, Submission, SubmissionSchool,
    SUBMISSION_FORMAT, SUBMISSION_SUFFIX, SUBMISSION_VERSION,
};
