//! Reporting periods: a calendar month, quarter or year, written `2026-03`, `2026-Q1`, `2026`,
//! and the [`Query`] of a report, the local dates it covers and by which periods.
//!
//! # The range, once
//!
//! [`Query::asked`] is the one rule for what the board may ask, applied by the dashboard page,
//! its exports and the API alike: by quarter unless told otherwise, up to today unless told
//! otherwise, from the first day of the quarter of the organization's first filing (its own
//! history; the last day's quarter if nothing was filed by then, and at most the last
//! [`MAX_YEARS`] years in whole quarters) unless told otherwise; the first day not after the
//! last, and the range at most [`MAX_YEARS`] years long. A refusal is a [`RangeError`],
//! which names its field and says why as a [`Message`] id, translated where it is shown.

use std::fmt;
use std::str::FromStr;

use jiff::Span;
use jiff::civil::{Date, date};
use serde::{Deserialize, Serialize};

use crate::message::Message;

/// The longest range a query may cover, in years (a month-by-month report of it is 120
/// periods, which the page and its charts still show whole).
pub const MAX_YEARS: i16 = 10;

recourse_events::vocabulary! {
    /// The length of a reporting period.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Granularity {
        /// Calendar months.
        Month,
        /// Calendar quarters (January to March is Q1).
        Quarter,
        /// Calendar years.
        Year,
    }
}

/// A calendar month, quarter or year.
///
/// Displayed, parsed and serialized as `2026-03` (month), `2026-Q1` (quarter), `2026` (year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    /// Month, quarter or year.
    pub granularity: Granularity,
    /// The year.
    pub year: i16,
    /// Month 1-12, quarter 1-4, or 1 for a year.
    pub index: u8,
}

/// Why a string is not a [`Period`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a period: expected a month (2026-03), a quarter (2026-Q1) or a year (2026)")]
pub struct ParsePeriodError(pub String);

impl Period {
    /// The period of `granularity` holding `d`.
    pub fn of(granularity: Granularity, d: Date) -> Period {
        let index = match granularity {
            Granularity::Month => d.month() as u8,
            Granularity::Quarter => (d.month() as u8 - 1) / 3 + 1,
            Granularity::Year => 1,
        };
        Period {
            granularity,
            year: d.year(),
            index,
        }
    }

    /// A number that increases by one from each period to the next of the same granularity.
    pub(super) fn key(&self) -> i32 {
        let (per_year, index) = match self.granularity {
            Granularity::Month => (12, self.index),
            Granularity::Quarter => (4, self.index),
            Granularity::Year => (1, 1),
        };
        i32::from(self.year) * per_year + i32::from(index) - 1
    }

    pub(super) fn from_key(granularity: Granularity, key: i32) -> Period {
        let per_year = match granularity {
            Granularity::Month => 12,
            Granularity::Quarter => 4,
            Granularity::Year => 1,
        };
        Period {
            granularity,
            year: key.div_euclid(per_year) as i16,
            index: (key.rem_euclid(per_year) + 1) as u8,
        }
    }

    /// The first day.
    pub fn start(&self) -> Date {
        let month = match self.granularity {
            Granularity::Month => self.index as i8,
            Granularity::Quarter => (self.index as i8 - 1) * 3 + 1,
            Granularity::Year => 1,
        };
        date(self.year, month, 1)
    }

    /// The last day (inclusive).
    pub fn end(&self) -> Date {
        let month = match self.granularity {
            Granularity::Month => self.index as i8,
            Granularity::Quarter => self.index as i8 * 3,
            Granularity::Year => 12,
        };
        date(self.year, month, 1).last_of_month()
    }

    /// Whether `d` falls in this period.
    pub fn contains(&self, d: Date) -> bool {
        Period::of(self.granularity, d) == *self
    }

    /// The period after this one.
    pub fn next(&self) -> Period {
        Period::from_key(self.granularity, self.key() + 1)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.granularity {
            Granularity::Month => write!(f, "{:04}-{:02}", self.year, self.index),
            Granularity::Quarter => write!(f, "{:04}-Q{}", self.year, self.index),
            Granularity::Year => write!(f, "{:04}", self.year),
        }
    }
}

impl FromStr for Period {
    type Err = ParsePeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ParsePeriodError(s.to_owned());
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        let (year, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        if year.len() != 4 || !digits(year) {
            return Err(bad());
        }
        let year: i16 = year.parse().map_err(|_| bad())?;
        let (granularity, index) = match rest {
            None => (Granularity::Year, 1),
            Some(q) if q.len() == 2 && (q.starts_with('Q') || q.starts_with('q')) => {
                let n: u8 = q[1..].parse().map_err(|_| bad())?;
                if !(1..=4).contains(&n) || !digits(&q[1..]) {
                    return Err(bad());
                }
                (Granularity::Quarter, n)
            }
            Some(m) if m.len() == 2 && digits(m) => {
                let n: u8 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&n) {
                    return Err(bad());
                }
                (Granularity::Month, n)
            }
            Some(_) => return Err(bad()),
        };
        Ok(Period {
            granularity,
            year,
            index,
        })
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What to report: the cases filed from `from` to `to` (inclusive, local dates), by period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Query {
    /// Month, quarter or year.
    pub granularity: Granularity,
    /// First day.
    pub from: Date,
    /// Last day (inclusive).
    pub to: Date,
}

/// Why a range cannot be reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    /// The first day is after the last.
    #[error("from: must not be after to")]
    Reversed,
    /// The range is longer than [`MAX_YEARS`].
    #[error("to: at most {MAX_YEARS} years after from")]
    TooLong,
}

impl RangeError {
    /// The field refused: `from` or `to`, as both the page's form and the API name them.
    pub fn field(&self) -> &'static str {
        match self {
            RangeError::Reversed => "from",
            RangeError::TooLong => "to",
        }
    }

    /// Why, as a message id (`board.ftl`) with its arguments.
    pub fn message(&self) -> Message {
        match self {
            RangeError::Reversed => Message::new("board-error-order"),
            RangeError::TooLong => Message::new("board-error-too-long").count("years", MAX_YEARS),
        }
    }
}

impl Query {
    /// The query for what was asked, with the defaults for what was not (see the
    /// [module](self)): the same rule for every door.
    pub fn asked(
        granularity: Option<Granularity>,
        from: Option<Date>,
        to: Option<Date>,
        today: Date,
        first_filed: Option<Date>,
    ) -> Result<Query, RangeError> {
        let to = to.unwrap_or(today);
        let from = from.unwrap_or_else(|| Query::default_from(to, first_filed));
        if from > to {
            return Err(RangeError::Reversed);
        }
        if from
            .checked_add(Span::new().years(MAX_YEARS))
            .is_ok_and(|limit| to > limit)
        {
            return Err(RangeError::TooLong);
        }
        Ok(Query {
            granularity: granularity.unwrap_or(Granularity::Quarter),
            from,
            to,
        })
    }

    /// The default first day for a last day `to`, the organization's first filing having
    /// been on `first_filed`: the first day of that filing's quarter (of `to`'s quarter if
    /// nothing was filed by `to`), and no earlier than the first whole quarter of the last
    /// [`MAX_YEARS`] years up to `to`.
    pub fn default_from(to: Date, first_filed: Option<Date>) -> Date {
        let quarter = |d: Date| Period::of(Granularity::Quarter, d).start();
        let start = quarter(first_filed.filter(|f| *f <= to).unwrap_or(to));
        let Ok(limit) = to.checked_sub(Span::new().years(MAX_YEARS)) else {
            return start;
        };
        let earliest = match quarter(limit) {
            q if q < limit => q.checked_add(Span::new().months(3)).unwrap_or(q),
            q => q,
        };
        start.max(earliest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_display_parse_and_bound() {
        let cases = [
            (
                Granularity::Month,
                "2026-03",
                date(2026, 3, 1),
                date(2026, 3, 31),
            ),
            (
                Granularity::Month,
                "2024-02",
                date(2024, 2, 1),
                date(2024, 2, 29),
            ),
            (
                Granularity::Quarter,
                "2026-Q1",
                date(2026, 1, 1),
                date(2026, 3, 31),
            ),
            (
                Granularity::Quarter,
                "2026-Q4",
                date(2026, 10, 1),
                date(2026, 12, 31),
            ),
            (
                Granularity::Year,
                "2026",
                date(2026, 1, 1),
                date(2026, 12, 31),
            ),
        ];
        for (g, text, start, end) in cases {
            let p: Period = text.parse().unwrap();
            assert_eq!(p.granularity, g);
            assert_eq!(p.to_string(), text);
            assert_eq!((p.start(), p.end()), (start, end), "{text}");
            assert!(p.contains(start) && p.contains(end));
            assert!(!p.contains(start.yesterday().unwrap()));
            assert!(!p.contains(end.tomorrow().unwrap()));
            assert_eq!(Period::of(g, end), p);
            assert_eq!(p.next().start(), end.tomorrow().unwrap());
            assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{text}\""));
            assert_eq!(
                serde_json::from_str::<Period>(&format!("\"{text}\"")).unwrap(),
                p
            );
        }
        assert_eq!(
            Period::of(Granularity::Quarter, date(2026, 8, 15)).to_string(),
            "2026-Q3"
        );
        assert_eq!(
            "2026-12".parse::<Period>().unwrap().next().to_string(),
            "2027-01"
        );
        for bad in [
            "", "26", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-3", "2026-Q+", "x026",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_range_has_one_default_and_one_maximum() {
        let today = date(2026, 11, 23);
        // Nothing asked: by quarter, from the first filing's quarter up to today.
        let first = Some(date(2025, 8, 14));
        let q = Query::asked(None, None, None, today, first).unwrap();
        assert_eq!(
            (q.granularity, q.from, q.to),
            (Granularity::Quarter, date(2025, 7, 1), today)
        );
        // Nothing filed yet: today's quarter only, not quarters before the organization.
        let q = Query::asked(None, None, None, today, None).unwrap();
        assert_eq!(q.from, date(2026, 10, 1));
        // A last day before the first filing: its own quarter.
        let q = Query::asked(None, None, Some(date(2024, 2, 10)), today, first);
        assert_eq!(q.unwrap().from, date(2024, 1, 1));
        // A last day alone: from the first filing's quarter up to it.
        let q = Query::asked(
            Some(Granularity::Month),
            None,
            Some(date(2026, 2, 10)),
            today,
            first,
        );
        assert_eq!(q.unwrap().from, date(2025, 7, 1));
        // A history longer than the longest range: its last whole quarters.
        let q = Query::asked(None, None, None, today, Some(date(2001, 5, 5))).unwrap();
        assert_eq!(q.from, date(2017, 1, 1));
        assert!(Query::asked(None, Some(q.from), None, today, None).is_ok());
        // Exactly ten years is allowed, a day more is not.
        let ten = Query::asked(
            None,
            Some(date(2016, 1, 1)),
            Some(date(2026, 1, 1)),
            today,
            None,
        );
        assert!(ten.is_ok());
        let more = Query::asked(
            None,
            Some(date(2016, 1, 1)),
            Some(date(2026, 1, 2)),
            today,
            None,
        );
        assert_eq!(more, Err(RangeError::TooLong));
        assert_eq!(RangeError::TooLong.field(), "to");
        assert_eq!(
            RangeError::TooLong.message().to_string(),
            "board-error-too-long years=10"
        );
        let reversed = Query::asked(
            None,
            Some(date(2026, 5, 1)),
            Some(date(2026, 4, 1)),
            today,
            None,
        );
        assert_eq!(reversed, Err(RangeError::Reversed));
        assert_eq!(RangeError::Reversed.field(), "from");
        // The same day is a range of one day.
        assert!(Query::asked(None, Some(today), Some(today), today, None).is_ok());
    }
}
