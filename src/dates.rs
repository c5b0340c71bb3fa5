//! Times and dates as the files write them: an RFC 3339 time (`2026-11-26T10:00:00.000Z`, or with an
//! offset such as `+08:00`) read as milliseconds since the epoch so that two files can be ordered, and
//! a calendar date `YYYY-MM-DD` checked and printed the Chinese way (`2020年5月1日`).

/// Milliseconds since 1970-01-01T00:00:00Z of an RFC 3339 time; `None` if it is not one.
pub fn parse_time(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (year, month, day) = parse_date(&s[..10])?;
    let hour = digits(&b[11..13])?;
    let minute = digits(&b[14..16])?;
    let second = digits(&b[17..19])?;
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &b[19..];
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        for (i, d) in fraction[..n.min(3)].iter().enumerate() {
            millis += i64::from(d - b'0') * [100, 10, 1][i];
        }
        rest = &fraction[n..];
    }
    let offset_minutes = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let h = digits(&[*h1, *h2])?;
            let m = digits(&[*m1, *m2])?;
            if h > 23 || m > 59 {
                return None;
            }
            let total = h * 60 + m;
            if *sign == b'-' {
                -total
            } else {
                total
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1000 + millis)
}

/// `(year, month, day)` of a `YYYY-MM-DD` date that exists in the calendar.
pub fn parse_date(s: &str) -> Option<(i64, i64, i64)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1 && (1..=days_in_month).contains(&day)).then_some((year, month, day))
}

/// `2020年5月1日` for `2020-05-01`; other text as it is.
pub fn chinese_date(s: &str) -> String {
    match parse_date(s) {
        Some((y, m, d)) => format!("{y}年{m}月{d}日"),
        None => s.to_string(),
    }
}

fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_milliseconds() {
        assert_eq!(parse_time("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_time("2026-11-26T10:00:00.000Z"),
            Some(1_795_687_200_000)
        );
        assert_eq!(
            parse_time("2026-11-26T18:00:00.5+08:00"),
            Some(1_795_687_200_500)
        );
        assert_eq!(
            parse_time("2026-11-26T10:00:00.123456Z"),
            Some(1_795_687_200_123)
        );
        assert_eq!(parse_time("2000-02-29T00:00:00Z"), Some(951_782_400_000));
        for bad in [
            "",
            "2026-11-26",
            "2026-11-26T10:00:00",
            "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z",
            "2026-11-26T24:00:00Z",
            "2026-11-26T10:00:00.Z",
            "2026-11-26T10:00:00+0800",
            "2026-11-26T10:00:00Zjunk",
            "２026-11-26T10:00:00Z",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_are_checked_and_printed_in_chinese() {
        assert_eq!(parse_date("2020-05-01"), Some((2020, 5, 1)));
        assert_eq!(parse_date("2020-02-30"), None);
        assert_eq!(parse_date("2020-5-1"), None);
        assert_eq!(chinese_date("2020-05-01"), "2020年5月1日");
        assert_eq!(chinese_date("下学期"), "下学期");
    }
}
