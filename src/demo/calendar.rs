//! Time in the demo agency: its calendar (time zone, holidays) and business hours, and the
//! moves the script makes through them: staff work in office hours on business days, clients
//! at waking hours on any day, and each step of a case comes at least two minutes after the
//! one before.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Span, Timestamp, Zoned};
use rand::RngExt;
use recourse_projections::holiday::Calendar;

use super::random::Rng;

/// Office hours start, in minutes after midnight.
pub(super) const DAY_START: i32 = 9 * 60;
/// Office hours end.
pub(super) const DAY_END: i32 = 17 * 60;

/// The agency's time zone and holidays.
pub(super) struct Cal {
    /// Time zone.
    pub(super) tz: TimeZone,
    /// Business days.
    pub(super) cal: Calendar,
}

/// `n` days after `d` (saturating at the calendar's ends, which the demo's two years of
/// history never reach).
pub(super) fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(Span::new().days(n))
        .unwrap_or(if n < 0 { Date::MIN } else { Date::MAX })
}

fn minute_of_day(z: &Zoned) -> i32 {
    i32::from(z.hour()) * 60 + i32::from(z.minute())
}

impl Cal {
    /// The local date of `t`.
    pub(super) fn date(&self, t: Timestamp) -> Date {
        t.to_zoned(self.tz.clone()).date()
    }

    /// `minute` minutes after local midnight on `d`.
    pub(super) fn at(&self, d: Date, minute: i32) -> Timestamp {
        let (h, m) = (minute.clamp(0, 24 * 60 - 1) / 60, minute.rem_euclid(60));
        let local = d.at(h as i8, m as i8, 0, 0);
        // Only the calendar's very ends have no time in the zone: saturate there.
        local.to_zoned(self.tz.clone()).map_or_else(
            |_| {
                local
                    .to_zoned(TimeZone::UTC)
                    .map_or(Timestamp::MAX, |z| z.timestamp())
            },
            |z| z.timestamp(),
        )
    }

    /// `d` if it is a business day, else the next.
    pub(super) fn business_day_on_or_after(&self, d: Date) -> Date {
        if self.cal.is_business_day(d) {
            d
        } else {
            self.cal.add_business_days(d, 1)
        }
    }

    /// `d` if it is a business day, else the one before.
    pub(super) fn business_day_on_or_before(&self, mut d: Date) -> Date {
        while !self.cal.is_business_day(d) {
            d = add_days(d, -1);
        }
        d
    }

    /// A time in office hours on `d`.
    pub(super) fn office_time(&self, rng: &mut Rng, d: Date) -> Timestamp {
        self.at(d, rng.random_range(DAY_START..DAY_END - 15))
    }

    /// Moves `cur` on (at least two minutes) to `t`.
    pub(super) fn bump(&self, cur: &mut Timestamp, t: Timestamp) -> Timestamp {
        let t = t.max(*cur + SignedDuration::from_mins(2));
        *cur = t;
        t
    }

    /// Staff work `bdays` business days after `cur` (0: later the same business day if there
    /// is time left, else the next one), in office hours.
    pub(super) fn staff(
        &self,
        rng: &mut Rng,
        cur: &mut Timestamp,
        bdays: std::ops::RangeInclusive<u32>,
    ) -> Timestamp {
        let bdays = rng.random_range(bdays);
        let z = cur.to_zoned(self.tz.clone());
        let (d, m) = (z.date(), minute_of_day(&z));
        let t = if bdays == 0 && self.cal.is_business_day(d) && m < DAY_END - 30 {
            self.at(
                d,
                (m.max(DAY_START) + rng.random_range(5..=90)).min(DAY_END - 1),
            )
        } else {
            self.office_time(rng, self.cal.add_business_days(d, bdays.max(1)))
        };
        self.bump(cur, t)
    }

    /// Staff work on `date` (or the next business day), or soon after `cur` if that is later.
    pub(super) fn staff_on(&self, rng: &mut Rng, cur: &mut Timestamp, date: Date) -> Timestamp {
        let d = self.business_day_on_or_after(date);
        if d <= self.date(*cur) {
            return self.staff(rng, cur, 0..=0);
        }
        let t = self.office_time(rng, d);
        self.bump(cur, t)
    }

    /// The client, `days` calendar days after `cur`, at a waking hour.
    pub(super) fn client(
        &self,
        rng: &mut Rng,
        cur: &mut Timestamp,
        days: std::ops::RangeInclusive<i64>,
    ) -> Timestamp {
        let days = rng.random_range(days);
        let d = add_days(self.date(*cur), days);
        let t = self.at(d, rng.random_range(7 * 60..22 * 60 + 30));
        self.bump(cur, t)
    }
}
