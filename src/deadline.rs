//! The publication deadline of a report: 条例第四十九条 has each department publish its report of one
//! year by 1月31日 of the next. Pure: the caller passes today's date from its clock.

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub const fn new(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    /// Days since 1970-01-01 (proleptic Gregorian; negative before). Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

/// How far the deadline is from today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineStatus {
    /// This many days left (at least 1).
    DaysLeft(u32),
    /// The deadline is today.
    Today,
    /// Passed this many days ago.
    Overdue(u32),
}

/// The deadline of a report and where today stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub date: Date,
    pub status: DeadlineStatus,
}

/// The year whose report is due next, seen from `today`: from 2月1日 the current year's (due 1月31日
/// of the next), before it the previous year's (due this 1月31日). A new workspace opens on it.
pub fn year_due_next(today: Date) -> u16 {
    let year = if today.month >= 2 {
        today.year
    } else {
        today.year - 1
    };
    u16::try_from(year).unwrap_or(u16::MAX)
}

/// 1月31日 of the year after `report_year`.
pub fn publication_date(report_year: u16) -> Date {
    Date::new(i32::from(report_year) + 1, 1, 31)
}

/// The deadline of the report of `report_year`, seen from `today`.
pub fn deadline(report_year: u16, today: Date) -> Deadline {
    let date = publication_date(report_year);
    let days = date.days_since_epoch() - today.days_since_epoch();
    let n = |d: i64| u32::try_from(d.unsigned_abs()).unwrap_or(u32::MAX);
    let status = match days {
        0 => DeadlineStatus::Today,
        d if d > 0 => DeadlineStatus::DaysLeft(n(d)),
        d => DeadlineStatus::Overdue(n(d)),
    };
    Deadline { date, status }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_due_next_turns_on_the_first_of_february() {
        assert_eq!(year_due_next(Date::new(2026, 12, 7)), 2026);
        assert_eq!(year_due_next(Date::new(2026, 2, 1)), 2026);
        assert_eq!(year_due_next(Date::new(2026, 1, 31)), 2025);
        assert_eq!(year_due_next(Date::new(2027, 1, 1)), 2026);
    }

    #[test]
    fn days_since_epoch() {
        assert_eq!(Date::new(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(Date::new(1970, 1, 2).days_since_epoch(), 1);
        assert_eq!(Date::new(1969, 12, 31).days_since_epoch(), -1);
        assert_eq!(Date::new(2000, 3, 1).days_since_epoch(), 11_017);
        assert_eq!(Date::new(2024, 2, 29).days_since_epoch(), 19_782);
        assert_eq!(Date::new(2026, 11, 27).days_since_epoch(), 20_784);
    }

    #[test]
    fn the_report_of_one_year_is_due_on_31_january_of_the_next() {
        assert_eq!(publication_date(2020), Date::new(2021, 1, 31));
        assert_eq!(
            deadline(2020, Date::new(2021, 1, 1)).status,
            DeadlineStatus::DaysLeft(30)
        );
        assert_eq!(
            deadline(2020, Date::new(2021, 1, 31)).status,
            DeadlineStatus::Today
        );
        assert_eq!(
            deadline(2020, Date::new(2021, 2, 1)).status,
            DeadlineStatus::Overdue(1)
        );
        // Across a leap year: 2024-01-31 to 2025-01-31 is 366 days.
        assert_eq!(
            deadline(2024, Date::new(2024, 1, 31)).status,
            DeadlineStatus::DaysLeft(366)
        );
        assert_eq!(
            deadline(2025, Date::new(2025, 12, 31)).status,
            DeadlineStatus::DaysLeft(31)
        );
        assert_eq!(
            deadline(2000, Date::new(2100, 1, 1)).status,
            DeadlineStatus::Overdue(36_129)
        );
    }
}
