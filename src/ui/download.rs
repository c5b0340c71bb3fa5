//! What the user reads when a download does not start: in WeChat or QQ, open the page in a browser
//! (with its address); otherwise the caller's own words.

use crate::text::t;
use crate::web::browser::address;
use crate::web::download::DownloadError;

/// The message for a failed download; `otherwise` when it is not an in-app browser.
pub fn download_refusal(e: &DownloadError, otherwise: &str) -> String {
    match e {
        DownloadError::InApp(app) => (t().browser.in_app)(*app, &address()),
        DownloadError::Failed(_) => otherwise.to_string(),
    }
}
