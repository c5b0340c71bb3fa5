//! What the user's browser is, read from its user-agent string, and the storage rules that follow:
//! WebKit's 7-day storage limit, the in-app browsers that block downloads, the backup reminder's interval.
//! Pure: the shell passes the user-agent string and the clock. Sources: docs/browsers.md.

/// An app's built-in browser in which a download from a page fails silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InApp {
    /// WeChat (微信) and WeCom (企业微信): `MicroMessenger` in the user agent.
    WeChat,
    /// Mobile QQ: ` QQ/` (QQ Browser, `MQQBrowser` alone, downloads normally).
    Qq,
}

/// What the page needs to know of its browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Browser {
    /// Safari's engine, where a site's script-written storage is deleted after 7 days of browser use
    /// without a visit (every browser on iPhone and iPad is WebKit, WeChat's too).
    pub webkit: bool,
    /// Set in an app's built-in browser that blocks downloads.
    pub in_app: Option<InApp>,
}

/// Reads the user-agent string. Chromium-based browsers carry `AppleWebKit` too, so WebKit is
/// `AppleWebKit` without `Chrome/` or `Chromium/` (Chrome on iOS says `CriOS/`: WebKit, rightly).
pub fn classify(user_agent: &str) -> Browser {
    let has = |s: &str| user_agent.contains(s);
    Browser {
        webkit: has("AppleWebKit") && !has("Chrome/") && !has("Chromium/"),
        in_app: if has("MicroMessenger") {
            Some(InApp::WeChat)
        } else if has(" QQ/") {
            Some(InApp::Qq)
        } else {
            None
        },
    }
}

/// Days after which changes not yet in a backup call for one in every page: a week, and one day
/// where WebKit may delete the site's storage after 7 days without a visit.
pub fn backup_interval_days(webkit_storage_limit: bool) -> u32 {
    if webkit_storage_limit {
        1
    } else {
        7
    }
}

const DAY_MS: f64 = 86_400_000.0;

/// Whole days that changes have waited for a backup, when that is at least `interval_days`:
/// `pending_since` is when the first change after the last backup was saved (ms since the epoch).
pub fn backup_overdue(pending_since: Option<f64>, now_ms: f64, interval_days: u32) -> Option<u32> {
    let days = ((now_ms - pending_since?) / DAY_MS).floor();
    (days >= f64::from(interval_days)).then_some(days as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    // User agents as the browsers send them (docs/browsers.md lists where each comes from).
    const CHROME_WIN: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    const SAFARI_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
    const CHROME_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1";
    const WECHAT_IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323a) NetType/WIFI Language/zh_CN";
    const WECHAT_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; V2309A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0.6261.120 Mobile Safari/537.36 XWEB/1220099 MMWEBSDK/20240404 MMWEBID/2307 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";
    const QQ_ANDROID: &str = "Mozilla/5.0 (Linux; Android 13; PGT-AN10 Build/HONORPGT-AN10; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/6.2 TBS/047205 Mobile Safari/537.36 V1_AND_SQ_9.0.0_5282_YYB_D QQ/9.0.0.14110 NetType/WIFI WebP/0.3.0 AppId/537202200 Pixel/1080";
    const QQ_BROWSER: &str = "Mozilla/5.0 (Linux; U; Android 13; zh-cn; PGT-AN10 Build/HONORPGT-AN10) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.6 Mobile Safari/537.36";
    const WEBKITGTK: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";

    #[test]
    fn engines_are_told_apart() {
        for ua in [CHROME_WIN, FIREFOX, QQ_BROWSER] {
            assert_eq!(classify(ua), Browser::default(), "{ua}");
        }
        for ua in [SAFARI_MAC, CHROME_IOS, WEBKITGTK] {
            assert_eq!(
                classify(ua),
                Browser {
                    webkit: true,
                    in_app: None
                },
                "{ua}"
            );
        }
    }

    #[test]
    fn in_app_browsers_are_found() {
        assert_eq!(
            classify(WECHAT_IOS),
            Browser {
                webkit: true,
                in_app: Some(InApp::WeChat)
            }
        );
        assert_eq!(classify(WECHAT_ANDROID).in_app, Some(InApp::WeChat));
        assert!(!classify(WECHAT_ANDROID).webkit);
        assert_eq!(classify(QQ_ANDROID).in_app, Some(InApp::Qq));
    }

    #[test]
    fn the_reminder_waits_for_its_interval() {
        let t0 = 1_764_000_000_000.0;
        assert_eq!(backup_overdue(None, t0 + 30.0 * DAY_MS, 1), None);
        assert_eq!(backup_overdue(Some(t0), t0 + 0.9 * DAY_MS, 1), None);
        assert_eq!(backup_overdue(Some(t0), t0 + DAY_MS, 1), Some(1));
        assert_eq!(backup_overdue(Some(t0), t0 + 6.5 * DAY_MS, 7), None);
        assert_eq!(backup_overdue(Some(t0), t0 + 9.2 * DAY_MS, 7), Some(9));
        // A clock set back does not remind.
        assert_eq!(backup_overdue(Some(t0), t0 - DAY_MS, 1), None);
        assert!(backup_interval_days(true) < backup_interval_days(false));
    }
}
