//! Canadian statutory holidays and business-day arithmetic.
//!
//! Service-level clocks in Recourse count *business days* in the
//! organization's own jurisdiction: weekends and that jurisdiction's general
//! (statutory) holidays do not count. This module provides two things:
//!
//! 1. [`statutory_holidays`]: the general holidays of the federal
//!    jurisdiction (Canada Labour Code) or of one province or territory
//!    (its employment standards statute) for any year, each with the actual
//!    date and the weekday on which it is observed.
//! 2. [`Calendar`]: a cheap-to-query set of non-working days (weekends plus
//!    observed holidays, plus an organization's own closures, minus days the
//!    organization works anyway) with [`Calendar::add_business_days`] and
//!    [`Calendar::business_days_between`].
//!
//! # Design: rules, not tables
//!
//! Holidays are *computed* from their legal rule ("third Monday of
//! February", "the Monday preceding May 25", "Easter Sunday minus two days")
//! rather than read from a list of dates. A list would need someone to extend
//! it every year and would silently go stale; rules work for any year, so an
//! organization in any province gets a correct clock without maintaining
//! anything. Where a holiday was created or changed at a known date (Family
//! Day in Ontario from 2008, British Columbia's move from the second to the
//! third Monday of February in 2019, the National Day for Truth and
//! Reconciliation from 2021 federally, ...) the rule carries that start year.
//! Older, long-established holidays (New Year's Day, Good Friday, Christmas,
//! civic holidays, ...) are emitted for every year, even years before the
//! statute that now makes them a general holiday existed: the intended range
//! is roughly 1900..=2200 and the interesting range is "recent past to a few
//! decades ahead". A handful of historical quirks before 1960 are modelled
//! (Victoria Day before 1953, Thanksgiving before 1957) because they are
//! cheap, but pre-1960 dates should not be relied upon.
//!
//! Law changes. When a jurisdiction adds a holiday, the rule here must be
//! updated; until then an organization can add the date itself with
//! [`Calendar::with_extra`]. Organizations also legitimately differ from the
//! statutory minimum (many close on Easter Monday or Boxing Day where those
//! are not statutory, Quebec employers may choose Easter Monday instead of
//! Good Friday), which is what [`Calendar::with_extra`] and
//! [`Calendar::without`] are for.
//!
//! # Observed days
//!
//! Statutes differ on what happens when a holiday falls on a Saturday or
//! Sunday: some move the holiday itself (Canada Day on a Sunday is July 2 in
//! several statutes; Quebec's Fête nationale on a Sunday is June 25), most
//! instead entitle an employee to a substitute day off, and a few say the day
//! stays where it is (Manitoba's Orange Shirt Day, Nova Scotia's Canada Day
//! since 2018 and Remembrance Day). The **common practice** of offices, and of
//! the federal and most provincial public services, is to close on the next
//! working day. This module applies that one rule everywhere:
//!
//! * a holiday on a Saturday or Sunday is observed on the following Monday;
//! * if that weekday is already taken by an earlier holiday's observance, it
//!   moves on to the next free weekday. Holidays are processed in date order,
//!   so Christmas on a Saturday is observed Monday 27 and Boxing Day (Sunday)
//!   Tuesday 28; Christmas on a Sunday is observed Monday 26 and Boxing Day,
//!   although itself a Monday, is observed Tuesday 27 (this is how the federal
//!   and Ontario public services present it, and it is the only case where
//!   `observed != date` for a holiday that falls on a weekday).
//!
//! Because this is a simplification of the law, the result is a *default*:
//! an organization that does not close on the observed day removes it with
//! [`Calendar::without`] (and can add the actual date with
//! [`Calendar::with_extra`]).
//!
//! # What is covered, and what is uncertain
//!
//! The per-jurisdiction lists are documented on each [`Jurisdiction`]
//! variant. Points known to be uncertain:
//!
//! * Start years older than about 1990 are taken from secondary sources
//!   (Victoria Day's move to the Monday preceding May 25 is dated 1952 for the
//!   statute but 1953 for the first observance; 1953 is used).
//! * Remembrance Day in New Brunswick and Prince Edward Island is emitted from
//!   2004, the year secondary sources give for its addition; Nova Scotia's,
//!   which comes from its separate Remembrance Day Act rather than the Labour
//!   Standards Code, from 1981.
//! * Nunavut's National Day for Truth and Reconciliation is emitted from 2022
//!   (a bill was before the Legislative Assembly that year; some 2025 payroll
//!   guides still list it as optional).
//! * One-off holidays (e.g. the funeral of Queen Elizabeth II, 19 September
//!   2022, a holiday in some provinces) are not modelled: add them as extras.
//!
//! # Performance
//!
//! [`Calendar`] stores, per year, a 366-bit mask of business days. Masks for
//! 1900..=2200 are computed lazily, once, behind a [`OnceLock`] each; years
//! outside that window are computed on demand on every query (correct, only
//! slower). A query is then a bit test ([`Calendar::is_business_day`]) or a
//! few population counts per year crossed ([`Calendar::add_business_days`],
//! [`Calendar::business_days_between`]), so a million SLA evaluations cost
//! milliseconds. A `Calendar` is `Send + Sync`, and cloning it is cheap (the
//! sets and cache are shared behind [`Arc`]s): build it once per organization
//! and share it.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use jiff::ToSpan;
use jiff::civil::{Date, Weekday, date};
use serde::{Deserialize, Serialize};

/// A Canadian jurisdiction whose general holidays govern an organization's
/// business days.
///
/// Federally regulated employers (banks, airlines, telecoms, federal Crown
/// corporations, ...) follow [`Jurisdiction::Federal`]; everyone else follows
/// the province or territory where the work is done.
///
/// Serialized, parsed and displayed as a lowercase code: `"federal"`, `"ab"`,
/// `"bc"`, ..., `"yt"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Jurisdiction {
    /// Canada Labour Code, s. 166: New Year's Day, Good Friday, Easter Monday,
    /// Victoria Day, Canada Day, Civic Holiday (first Monday of August),
    /// Labour Day, National Day for Truth and Reconciliation (September 30,
    /// from 2021), Thanksgiving, Remembrance Day, Christmas Day, Boxing Day.
    Federal,
    /// Alberta, Employment Standards Code: New Year's Day, Family Day (third
    /// Monday of February, from 1990), Good Friday, Victoria Day, Canada Day,
    /// Labour Day, Thanksgiving, Remembrance Day, Christmas Day. (Easter
    /// Monday, Heritage Day, Truth and Reconciliation and Boxing Day are
    /// optional in Alberta and not included.)
    AB,
    /// British Columbia, Employment Standards Act: New Year's Day, Family Day
    /// (from 2013: second Monday of February 2013–2018, third Monday from
    /// 2019), Good Friday, Victoria Day, Canada Day, British Columbia Day
    /// (first Monday of August, from 1974), Labour Day, National Day for Truth
    /// and Reconciliation (from 2023), Thanksgiving, Remembrance Day,
    /// Christmas Day. (Boxing Day and Easter Monday are not statutory in BC.)
    BC,
    /// Manitoba, Employment Standards Code: New Year's Day, Louis Riel Day
    /// (third Monday of February, from 2008), Good Friday, Victoria Day,
    /// Canada Day, Labour Day, Orange Shirt Day / National Day for Truth and
    /// Reconciliation (from 2024), Thanksgiving, Christmas Day. Remembrance
    /// Day is governed by Manitoba's separate Remembrance Day Act, not the
    /// Code, and is not included; the August civic holiday (Terry Fox Day)
    /// and Boxing Day are not statutory.
    MB,
    /// New Brunswick, Employment Standards Act: New Year's Day, Family Day
    /// (third Monday of February, from 2018), Good Friday, Canada Day, New
    /// Brunswick Day (first Monday of August, from 1975), Labour Day,
    /// Remembrance Day (from 2004), Christmas Day. Victoria Day, Thanksgiving
    /// and Boxing Day are retail "days of rest" but not paid public holidays,
    /// and are not included.
    NB,
    /// Newfoundland and Labrador, Labour Standards Act: New Year's Day, Good
    /// Friday, Memorial Day (July 1, which is also Canada Day), Labour Day,
    /// Remembrance Day, Christmas Day. The many provincial government holidays
    /// (St. Patrick's Day, Orangemen's Day, ...) are not general holidays.
    NL,
    /// Nova Scotia, Labour Standards Code: New Year's Day, Nova Scotia
    /// Heritage Day (third Monday of February, from 2015), Good Friday, Canada
    /// Day, Labour Day, Christmas Day; plus Remembrance Day, which falls under
    /// the separate Remembrance Day Act (most businesses must close) and is
    /// included because work generally stops that day.
    NS,
    /// Northwest Territories, Employment Standards Act: New Year's Day, Good
    /// Friday, Victoria Day, National Indigenous Peoples Day (June 21, from
    /// 2001), Canada Day, Civic Holiday (first Monday of August), Labour Day,
    /// National Day for Truth and Reconciliation (from 2022), Thanksgiving,
    /// Remembrance Day, Christmas Day.
    NT,
    /// Nunavut, Labour Standards Act: New Year's Day, Good Friday, Victoria
    /// Day, Canada Day, Nunavut Day (July 9, a general holiday from 2020),
    /// Civic Holiday (first Monday of August), Labour Day, National Day for
    /// Truth and Reconciliation (from 2022, see the module notes),
    /// Thanksgiving, Remembrance Day, Christmas Day.
    NU,
    /// Ontario, Employment Standards Act, 2000: New Year's Day, Family Day
    /// (third Monday of February, from 2008), Good Friday, Victoria Day,
    /// Canada Day, Labour Day, Thanksgiving, Christmas Day, Boxing Day. (The
    /// August Civic Holiday, Easter Monday and Remembrance Day are not public
    /// holidays under the Act.)
    ON,
    /// Prince Edward Island, Employment Standards Act: New Year's Day,
    /// Islander Day (from 2009: second Monday of February in 2009, third
    /// Monday from 2010), Good Friday, Canada Day, Labour Day, National Day
    /// for Truth and Reconciliation (from 2022), Remembrance Day (from 2004),
    /// Christmas Day.
    PE,
    /// Quebec, Act respecting labour standards and National Holiday Act: New
    /// Year's Day, Good Friday (the Act lets the employer choose Good Friday
    /// *or* Easter Monday; Good Friday is used, swap it with
    /// [`Calendar::without`]/[`Calendar::with_extra`] if needed), National
    /// Patriots' Day (the Monday preceding May 25), Fête nationale (June 24,
    /// from 1925), Canada Day, Labour Day, Thanksgiving, Christmas Day.
    QC,
    /// Saskatchewan, Saskatchewan Employment Act: New Year's Day, Family Day
    /// (third Monday of February, from 2007), Good Friday, Victoria Day,
    /// Canada Day, Saskatchewan Day (first Monday of August), Labour Day,
    /// Thanksgiving, Remembrance Day, Christmas Day.
    SK,
    /// Yukon, Employment Standards Act: New Year's Day, Good Friday, Victoria
    /// Day, National Indigenous Peoples Day (June 21, from 2017), Canada Day,
    /// Discovery Day (third Monday of August, from 1912), Labour Day, National
    /// Day for Truth and Reconciliation (from 2023), Thanksgiving, Remembrance
    /// Day, Christmas Day. (Heritage Day in February, Easter Monday and Boxing
    /// Day are not statutory in Yukon.)
    YT,
}

impl Jurisdiction {
    /// Every jurisdiction, federal first, then provinces and territories in
    /// alphabetical order of their codes.
    pub const ALL: [Jurisdiction; 14] = [
        Jurisdiction::Federal,
        Jurisdiction::AB,
        Jurisdiction::BC,
        Jurisdiction::MB,
        Jurisdiction::NB,
        Jurisdiction::NL,
        Jurisdiction::NS,
        Jurisdiction::NT,
        Jurisdiction::NU,
        Jurisdiction::ON,
        Jurisdiction::PE,
        Jurisdiction::QC,
        Jurisdiction::SK,
        Jurisdiction::YT,
    ];

    /// The lowercase code used by serde, [`FromStr`] and [`fmt::Display`]:
    /// `"federal"`, `"ab"`, ..., `"yt"`.
    pub const fn code(self) -> &'static str {
        match self {
            Jurisdiction::Federal => "federal",
            Jurisdiction::AB => "ab",
            Jurisdiction::BC => "bc",
            Jurisdiction::MB => "mb",
            Jurisdiction::NB => "nb",
            Jurisdiction::NL => "nl",
            Jurisdiction::NS => "ns",
            Jurisdiction::NT => "nt",
            Jurisdiction::NU => "nu",
            Jurisdiction::ON => "on",
            Jurisdiction::PE => "pe",
            Jurisdiction::QC => "qc",
            Jurisdiction::SK => "sk",
            Jurisdiction::YT => "yt",
        }
    }

    /// The English name of the jurisdiction, e.g. `"Prince Edward Island"`.
    pub const fn name(self) -> &'static str {
        match self {
            Jurisdiction::Federal => "Federal (Canada Labour Code)",
            Jurisdiction::AB => "Alberta",
            Jurisdiction::BC => "British Columbia",
            Jurisdiction::MB => "Manitoba",
            Jurisdiction::NB => "New Brunswick",
            Jurisdiction::NL => "Newfoundland and Labrador",
            Jurisdiction::NS => "Nova Scotia",
            Jurisdiction::NT => "Northwest Territories",
            Jurisdiction::NU => "Nunavut",
            Jurisdiction::ON => "Ontario",
            Jurisdiction::PE => "Prince Edward Island",
            Jurisdiction::QC => "Quebec",
            Jurisdiction::SK => "Saskatchewan",
            Jurisdiction::YT => "Yukon",
        }
    }
}

impl fmt::Display for Jurisdiction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error returned when a string is not a known [`Jurisdiction`] code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown jurisdiction {0:?}: expected one of federal, ab, bc, mb, nb, nl, ns, nt, nu, on, pe, qc, sk, yt"
)]
pub struct ParseJurisdictionError(pub String);

impl FromStr for Jurisdiction {
    type Err = ParseJurisdictionError;

    /// Parses a jurisdiction code. Matching ignores ASCII case, so `"ON"` and
    /// `"on"` both give [`Jurisdiction::ON`]; the canonical form is lowercase.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Jurisdiction::ALL
            .into_iter()
            .find(|j| j.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| ParseJurisdictionError(s.to_owned()))
    }
}

/// One statutory holiday in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Holiday {
    /// The actual calendar date of the holiday.
    pub date: Date,
    /// The weekday on which it is observed: equal to `date` unless `date` is
    /// a Saturday or Sunday (or, for Boxing Day after a Sunday Christmas, the
    /// Monday taken by Christmas' observance); see the module documentation
    /// for the rule.
    pub observed: Date,
    /// A stable identifier such as `"good_friday"` or `"canada_day"`, the
    /// same across jurisdictions for the same holiday.
    pub key: &'static str,
    /// The English name, e.g. `"Good Friday"`. It can vary with the year
    /// (`"Dominion Day"` before 1983).
    pub name: &'static str,
}

impl Holiday {
    /// Whether the holiday is observed on a day other than its actual date.
    pub fn is_shifted(&self) -> bool {
        self.observed != self.date
    }
}

/// Earliest year for which holidays are produced (jiff's minimum year).
const MIN_YEAR: i16 = -9999;
/// Latest year for which holidays are produced (jiff's maximum year).
const MAX_YEAR: i16 = 9999;

/// The date of Easter Sunday in the Gregorian calendar, by the anonymous
/// Gregorian algorithm (Meeus/Jones/Butcher). Valid for every year of the
/// proleptic Gregorian calendar.
///
/// # Panics
///
/// If `year` is outside jiff's supported range `-9999..=9999`.
pub fn easter_sunday(year: i16) -> Date {
    assert!(
        (MIN_YEAR..=MAX_YEAR).contains(&year),
        "easter_sunday: year {year} is outside -9999..=9999"
    );
    let y = i32::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let month = n / 31;
    let day = n % 31 + 1;
    // month is 3 or 4 and day is 1..=31 by construction of the algorithm.
    date(year, month as i8, day as i8)
}

/// The statutory (general) holidays of `jurisdiction` in `year`, sorted by
/// observed date.
///
/// The lists and start years per jurisdiction are documented on
/// [`Jurisdiction`]; the weekend rule in the module documentation. Intended
/// for years 1900..=2200 but defined for every year jiff supports
/// (`-9999..=9999`); returns an empty list outside that range. Observed dates
/// always fall within `year`.
pub fn statutory_holidays(jurisdiction: Jurisdiction, year: i16) -> Vec<Holiday> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Vec::new();
    }
    let mut h = Rules::new(year);
    match jurisdiction {
        Jurisdiction::Federal => {
            h.new_years_day();
            h.good_friday();
            h.easter_monday();
            h.victoria_day();
            h.canada_day();
            h.first_monday_of_august("civic_holiday", "Civic Holiday", MIN_YEAR);
            h.labour_day();
            h.truth_and_reconciliation(2021);
            h.thanksgiving();
            h.remembrance_day(1931);
            h.christmas_day();
            h.boxing_day();
        }
        Jurisdiction::AB => {
            h.new_years_day();
            h.third_monday_of_february("family_day", "Family Day", 1990);
            h.good_friday();
            h.victoria_day();
            h.canada_day();
            h.labour_day();
            h.thanksgiving();
            h.remembrance_day(1931);
            h.christmas_day();
        }
        Jurisdiction::BC => {
            h.new_years_day();
            if (2013..=2018).contains(&year) {
                h.add(nth_monday(year, 2, 2), "family_day", "Family Day");
            } else {
                h.third_monday_of_february("family_day", "Family Day", 2019);
            }
            h.good_friday();
            h.victoria_day();
            h.canada_day();
            h.first_monday_of_august("british_columbia_day", "British Columbia Day", 1974);
            h.labour_day();
            h.truth_and_reconciliation(2023);
            h.thanksgiving();
            h.remembrance_day(1931);
            h.christmas_day();
        }
        Jurisdiction::MB => {
            h.new_years_day();
            h.third_monday_of_february("louis_riel_day", "Louis Riel Day", 2008);
            h.good_friday();
            h.victoria_day();
            h.canada_day();
            h.labour_day();
            h.truth_and_reconciliation(2024);
            h.thanksgiving();
            h.christmas_day();
        }
        Jurisdiction::NB => {
            h.new_years_day();
            h.third_monday_of_february("family_day", "Family Day", 2018);
            h.good_friday();
            h.canada_day();
            h.first_monday_of_august("new_brunswick_day", "New Brunswick Day", 1975);
            h.labour_day();
            h.remembrance_day(2004);
            h.christmas_day();
        }
        Jurisdiction::NL => {
            h.new_years_day();
            h.good_friday();
            h.add(
                date(year, 7, 1),
                "canada_day",
                if year >= 1983 {
                    "Memorial Day / Canada Day"
                } else {
                    "Memorial Day / Dominion Day"
                },
            );
            h.labour_day();
            h.remembrance_day(1931);
            h.christmas_day();
        }
        Jurisdiction::NS => {
            h.new_years_day();
            h.third_monday_of_february("heritage_day", "Nova Scotia Heritage Day", 2015);
            h.good_friday();
            h.canada_day();
            h.labour_day();
            h.remembrance_day(1981);
            h.christmas_day();
        }
        Jurisdiction::NT => {
            h.new_years_day();
            h.good_friday();
            h.victoria_day();
            h.national_indigenous_peoples_day(2001);
            h.canada_day();
            h.first_monday_of_august("civic_holiday", "Civic Holiday", MIN_YEAR);
            h.labour_day();
            h.truth_and_reconciliation(2022);
            h.thanksgiving();
            h.remembrance_day(1931);
            h.christmas_day();
        }
        Jurisdiction::NU => {
            h.new_years_day();
            h.good_friday();
            h.victoria_day();
            h.canada_day();
            if year >= 2020 {
                h.add(date(year, 7, 9), "nunavut_day", "Nunavut Day");
            }
            h.first_monday_of_august("civic_holiday", "Civic Holiday", MIN_YEAR);
            h.labour_day();
            h.truth_and_reconciliation(2022);
            h.thanksgiving();
            h.remembrance_day(1931);
            h.christmas_day();
        }
        Jurisdiction::ON => {
            h.new_years_day();
            h.third_monday_of_february("family_day", "Family Day", 2008);
            h.good_friday();
            h.victoria_day();
            h.canada_day();
            h.labour_day();
            h.thanksgiving();
            h.christmas_day();
            h.boxing_day();
        }
        Jurisdiction::PE => {
            h.new_years_day();
            if year == 2009 {
                h.add(nth_monday(year, 2, 2), "islander_day", "Islander Day");
            } else {
                h.third_monday_of_february("islander_day", "Islander Day", 2010);
            }
            h.good_friday();
            h.canada_day();
            h.labour_day();
            h.truth_and_reconciliation(2022);
            h.remembrance_day(2004);
            h.christmas_day();
        }
        Jurisdiction::QC => {
            h.new_years_day();
            h.good_friday();
            h.add(
                monday_before_may_25(year),
                "national_patriots_day",
                if year >= 2003 {
                    "National Patriots' Day"
                } else {
                    "Victoria Day"
                },
            );
            if year >= 1925 {
                h.add(
                    date(year, 6, 24),
                    "fete_nationale",
                    "Fête nationale du Québec",
                );
            }
            h.canada_day();
            h.labour_day();
            h.thanksgiving();
            h.christmas_day();
        }
        Jurisdiction::SK => {
            h.new_years_day();
            h.third_monday_of_february("family_day", "Family Day", 2007);
            h.good_friday();
            h.victoria_day();
            h.canada_day();
            h.first_monday_of_august("saskatchewan_day", "Saskatchewan Day", MIN_YEAR);
            h.labour_day();
            h.thanksgiving();
            h.remembrance_day(1931);
            h.christmas_day();
        }
        Jurisdiction::YT => {
            h.new_years_day();
            h.good_friday();
            h.victoria_day();
            h.national_indigenous_peoples_day(2017);
            h.canada_day();
            if year >= 1912 {
                h.add(nth_monday(year, 8, 3), "discovery_day", "Discovery Day");
            }
            h.labour_day();
            h.truth_and_reconciliation(2023);
            h.thanksgiving();
            h.remembrance_day(1931);
            h.christmas_day();
        }
    }
    h.observe()
}

/// The `n`-th Monday of `month` in `year`.
fn nth_monday(year: i16, month: i8, n: i8) -> Date {
    date(year, month, 1)
        .nth_weekday_of_month(n, Weekday::Monday)
        .expect("every month has at least four Mondays")
}

/// The Monday strictly before May 25 (Victoria Day, National Patriots' Day).
fn monday_before_may_25(year: i16) -> Date {
    date(year, 5, 25)
        .nth_weekday(-1, Weekday::Monday)
        .expect("May 25 minus at most a week is within jiff's range")
}

fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// Accumulates one year's holidays by rule, then applies the observed-day
/// rule.
struct Rules {
    year: i16,
    actual: Vec<(Date, &'static str, &'static str)>,
}

impl Rules {
    fn new(year: i16) -> Self {
        Rules {
            year,
            actual: Vec::with_capacity(12),
        }
    }

    fn add(&mut self, d: Date, key: &'static str, name: &'static str) {
        self.actual.push((d, key, name));
    }

    fn new_years_day(&mut self) {
        self.add(date(self.year, 1, 1), "new_years_day", "New Year's Day");
    }

    fn third_monday_of_february(&mut self, key: &'static str, name: &'static str, since: i16) {
        if self.year >= since {
            self.add(nth_monday(self.year, 2, 3), key, name);
        }
    }

    fn good_friday(&mut self) {
        let d = easter_sunday(self.year)
            .checked_sub(2.days())
            .expect("Good Friday is within the same year");
        self.add(d, "good_friday", "Good Friday");
    }

    fn easter_monday(&mut self) {
        let d = easter_sunday(self.year)
            .checked_add(1.day())
            .expect("Easter Monday is within the same year");
        self.add(d, "easter_monday", "Easter Monday");
    }

    /// The Monday preceding May 25 from 1953; before that May 24, or May 25
    /// when May 24 was a Sunday (the 1901 Victoria Day Act).
    fn victoria_day(&mut self) {
        let d = if self.year >= 1953 {
            monday_before_may_25(self.year)
        } else if date(self.year, 5, 24).weekday() == Weekday::Sunday {
            date(self.year, 5, 25)
        } else {
            date(self.year, 5, 24)
        };
        self.add(d, "victoria_day", "Victoria Day");
    }

    fn national_indigenous_peoples_day(&mut self, since: i16) {
        if self.year >= since {
            let name = if self.year >= 2017 {
                "National Indigenous Peoples Day"
            } else {
                "National Aboriginal Day"
            };
            self.add(
                date(self.year, 6, 21),
                "national_indigenous_peoples_day",
                name,
            );
        }
    }

    fn canada_day(&mut self) {
        let name = if self.year >= 1983 {
            "Canada Day"
        } else {
            "Dominion Day"
        };
        self.add(date(self.year, 7, 1), "canada_day", name);
    }

    fn first_monday_of_august(&mut self, key: &'static str, name: &'static str, since: i16) {
        if self.year >= since {
            self.add(nth_monday(self.year, 8, 1), key, name);
        }
    }

    /// First Monday of September, a national holiday since 1894.
    fn labour_day(&mut self) {
        if self.year >= 1894 {
            self.add(nth_monday(self.year, 9, 1), "labour_day", "Labour Day");
        }
    }

    fn truth_and_reconciliation(&mut self, since: i16) {
        if self.year >= since {
            self.add(
                date(self.year, 9, 30),
                "truth_and_reconciliation",
                "National Day for Truth and Reconciliation",
            );
        }
    }

    /// Second Monday of October (fixed by proclamation from 1957, and the
    /// usual day from 1931, except 1935 when it was moved to Thursday
    /// October 24 because of the federal election). From 1921 to 1930 it was
    /// held with Armistice Day on the Monday of the week of November 11.
    /// Before 1921 the day was set yearly by proclamation and is not emitted.
    fn thanksgiving(&mut self) {
        let y = self.year;
        if y == 1935 {
            self.add(date(y, 10, 24), "thanksgiving", "Thanksgiving");
        } else if y >= 1931 {
            self.add(nth_monday(y, 10, 2), "thanksgiving", "Thanksgiving");
        } else if y >= 1921 {
            let d = date(y, 11, 12)
                .nth_weekday(-1, Weekday::Monday)
                .expect("within range");
            self.add(d, "thanksgiving", "Thanksgiving (Armistice Day)");
        }
    }

    /// November 11, as Remembrance Day from 1931 (earlier it was combined
    /// with Thanksgiving; see [`Rules::thanksgiving`]).
    fn remembrance_day(&mut self, since: i16) {
        if self.year >= since.max(1931) {
            self.add(
                date(self.year, 11, 11),
                "remembrance_day",
                "Remembrance Day",
            );
        }
    }

    fn christmas_day(&mut self) {
        self.add(date(self.year, 12, 25), "christmas_day", "Christmas Day");
    }

    fn boxing_day(&mut self) {
        self.add(date(self.year, 12, 26), "boxing_day", "Boxing Day");
    }

    /// Applies the observed-day rule (module docs) and sorts by observed
    /// date.
    fn observe(mut self) -> Vec<Holiday> {
        self.actual.sort_by_key(|&(d, _, _)| d);
        let mut out: Vec<Holiday> = Vec::with_capacity(self.actual.len());
        for (d, key, name) in self.actual {
            let mut observed = d;
            while is_weekend(observed) || out.iter().any(|h| h.observed == observed) {
                observed = observed
                    .tomorrow()
                    .expect("observed days never leave the year (latest is December 28)");
            }
            out.push(Holiday {
                date: d,
                observed,
                key,
                name,
            });
        }
        out.sort_by_key(|h| h.observed);
        out
    }
}

/// First year whose business-day mask is cached by [`Calendar`].
const CACHE_FIRST_YEAR: i16 = 1900;
/// Last year whose business-day mask is cached by [`Calendar`].
const CACHE_LAST_YEAR: i16 = 2200;
/// 64-bit words per year mask (6 × 64 = 384 ≥ 366 days).
const WORDS: usize = 6;

/// One year's business days as a bit set indexed by `day_of_year - 1`
/// (bit set = business day; bits past the year's last day are clear).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct YearMask {
    business: [u64; WORDS],
    total: u32,
}

impl YearMask {
    fn is_business(&self, ord0: usize) -> bool {
        self.business[ord0 / 64] & (1 << (ord0 % 64)) != 0
    }

    fn set(&mut self, ord0: usize, business: bool) {
        if business {
            self.business[ord0 / 64] |= 1 << (ord0 % 64);
        } else {
            self.business[ord0 / 64] &= !(1 << (ord0 % 64));
        }
    }

    /// Number of business days with index `< k` (`k <= 366`).
    fn prefix(&self, k: usize) -> u32 {
        let full = k / 64;
        let rest = k % 64;
        let mut count: u32 = self.business[..full].iter().map(|w| w.count_ones()).sum();
        if rest != 0 {
            count += (self.business[full] & ((1u64 << rest) - 1)).count_ones();
        }
        count
    }

    /// Index of the `nth` (1-based) business day with index `>= start`, if
    /// the year has that many.
    fn select(&self, start: usize, nth: u32) -> Option<usize> {
        debug_assert!(nth >= 1);
        let mut w = start / 64;
        if w >= WORDS {
            return None;
        }
        let mut word = self.business[w] & (!0u64 << (start % 64));
        let mut remaining = nth;
        loop {
            let c = word.count_ones();
            if c >= remaining {
                for _ in 1..remaining {
                    word &= word - 1;
                }
                return Some(w * 64 + word.trailing_zeros() as usize);
            }
            remaining -= c;
            w += 1;
            if w == WORDS {
                return None;
            }
            word = self.business[w];
        }
    }
}

/// A jurisdiction's business days, adjusted by an organization's own
/// closures and exceptions.
///
/// A date is a *non-working* day when it is a Saturday or Sunday, the observed
/// date of a statutory holiday ([`Holiday::observed`]), or an extra date
/// ([`Calendar::with_extra`]), unless it has been removed with
/// [`Calendar::without`], which makes it a business day whatever else it is
/// (an organization that works a particular Saturday can remove it too).
/// Every other date is a business day.
///
/// Cheap to query and to clone, `Send + Sync`; see the module documentation.
/// Build it once per organization and reuse it: construction allocates the
/// per-year cache, which [`Calendar::with_extra`] and [`Calendar::without`]
/// also reset.
#[derive(Clone)]
pub struct Calendar {
    jurisdiction: Jurisdiction,
    extra: Arc<BTreeSet<Date>>,
    removed: Arc<BTreeSet<Date>>,
    cache: Arc<[OnceLock<YearMask>]>,
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("jurisdiction", &self.jurisdiction)
            .field("extra", &self.extra)
            .field("removed", &self.removed)
            .finish_non_exhaustive()
    }
}

fn empty_cache() -> Arc<[OnceLock<YearMask>]> {
    let len = (CACHE_LAST_YEAR - CACHE_FIRST_YEAR + 1) as usize;
    (0..len).map(|_| OnceLock::new()).collect()
}

/// The date with 0-based index `ord0` within `year`.
fn date_from_ordinal(year: i16, ord0: usize) -> Date {
    date(year, 1, 1)
        .with()
        .day_of_year(ord0 as i16 + 1)
        .build()
        .expect("ordinal comes from the year's own mask")
}

impl Calendar {
    /// The calendar of `jurisdiction`'s statutory holidays (observed dates)
    /// and weekends, for every date jiff supports.
    pub fn new(jurisdiction: Jurisdiction) -> Self {
        Calendar {
            jurisdiction,
            extra: Arc::new(BTreeSet::new()),
            removed: Arc::new(BTreeSet::new()),
            cache: empty_cache(),
        }
    }

    /// Adds organization-specific closures (non-working days). A date given
    /// here that was earlier passed to [`Calendar::without`] stops being
    /// removed: the later call wins.
    pub fn with_extra(mut self, dates: impl IntoIterator<Item = Date>) -> Self {
        let extra = Arc::make_mut(&mut self.extra);
        let removed = Arc::make_mut(&mut self.removed);
        for d in dates {
            removed.remove(&d);
            extra.insert(d);
        }
        self.cache = empty_cache();
        self
    }

    /// Marks dates the organization works anyway, making them business days
    /// even if they are observed holidays, weekends or earlier extras (the
    /// later call wins). Holidays are removed by their *observed* date.
    pub fn without(mut self, dates: impl IntoIterator<Item = Date>) -> Self {
        let extra = Arc::make_mut(&mut self.extra);
        let removed = Arc::make_mut(&mut self.removed);
        for d in dates {
            extra.remove(&d);
            removed.insert(d);
        }
        self.cache = empty_cache();
        self
    }

    /// The jurisdiction whose statutory holidays this calendar uses.
    pub fn jurisdiction(&self) -> Jurisdiction {
        self.jurisdiction
    }

    /// The organization's extra non-working dates, in order.
    pub fn extra_dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.extra.iter().copied()
    }

    /// The dates the organization works anyway, in order.
    pub fn removed_dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.removed.iter().copied()
    }

    /// Whether `d` is a business day (see [`Calendar`] for the definition).
    pub fn is_business_day(&self, d: Date) -> bool {
        self.mask(d.year())
            .is_business(d.day_of_year() as usize - 1)
    }

    /// The `n`-th business day strictly after `from` (`from` itself when
    /// `n == 0`). `from` need not be a business day.
    ///
    /// # Panics
    ///
    /// If the result would be after jiff's maximum date, 9999-12-31.
    pub fn add_business_days(&self, from: Date, n: u32) -> Date {
        if n == 0 {
            return from;
        }
        let mut year = from.year();
        // Index of the day after `from` (may equal the year's length).
        let mut start = from.day_of_year() as usize;
        let mut remaining = n;
        loop {
            let mask = self.mask(year);
            if let Some(ord0) = mask.select(start, remaining) {
                return date_from_ordinal(year, ord0);
            }
            remaining -= mask.total - mask.prefix(start);
            assert!(
                year < MAX_YEAR,
                "add_business_days: result is after 9999-12-31"
            );
            year += 1;
            start = 0;
        }
    }

    /// The number of business days `d` with `from < d <= to`; negative (the
    /// count of business days with `to < d <= from`, negated) when
    /// `to < from`. Consistent with [`Calendar::add_business_days`]:
    /// `business_days_between(from, add_business_days(from, n)) == n`.
    pub fn business_days_between(&self, from: Date, to: Date) -> i64 {
        if to < from {
            return -self.business_days_between(to, from);
        }
        let (yf, f_next) = (from.year(), from.day_of_year() as usize);
        let (yt, t_next) = (to.year(), to.day_of_year() as usize);
        let first = self.mask(yf);
        if yf == yt {
            return i64::from(first.prefix(t_next)) - i64::from(first.prefix(f_next));
        }
        let mut count = i64::from(first.total - first.prefix(f_next));
        for y in yf + 1..yt {
            count += i64::from(self.mask(y).total);
        }
        count + i64::from(self.mask(yt).prefix(t_next))
    }

    /// The business-day mask of `year`, from the cache when the year is in
    /// the cached window.
    fn mask(&self, year: i16) -> YearMask {
        if (CACHE_FIRST_YEAR..=CACHE_LAST_YEAR).contains(&year) {
            *self.cache[(year - CACHE_FIRST_YEAR) as usize].get_or_init(|| self.compute_mask(year))
        } else {
            self.compute_mask(year)
        }
    }

    fn compute_mask(&self, year: i16) -> YearMask {
        let first = date(year, 1, 1);
        let days = first.days_in_year() as usize;
        let jan1 = first.weekday().to_monday_zero_offset() as usize;
        let mut mask = YearMask {
            business: [0; WORDS],
            total: 0,
        };
        for ord0 in 0..days {
            // Monday = 0 ... Friday = 4.
            mask.set(ord0, (jan1 + ord0) % 7 < 5);
        }
        for h in statutory_holidays(self.jurisdiction, year) {
            debug_assert_eq!(h.observed.year(), year);
            mask.set(h.observed.day_of_year() as usize - 1, false);
        }
        let last = date(year, 12, 31);
        for d in self.extra.range(first..=last) {
            mask.set(d.day_of_year() as usize - 1, false);
        }
        for d in self.removed.range(first..=last) {
            mask.set(d.day_of_year() as usize - 1, true);
        }
        mask.total = mask.prefix(days);
        mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    fn observed(j: Jurisdiction, year: i16) -> Vec<(&'static str, Date)> {
        statutory_holidays(j, year)
            .into_iter()
            .map(|h| (h.key, h.observed))
            .collect()
    }

    fn find(j: Jurisdiction, year: i16, key: &str) -> Option<Holiday> {
        statutory_holidays(j, year)
            .into_iter()
            .find(|h| h.key == key)
    }

    #[test]
    fn easter_known_years() {
        let known = [
            (1818, date(1818, 3, 22)),
            (1900, date(1900, 4, 15)),
            (1943, date(1943, 4, 25)),
            (1961, date(1961, 4, 2)),
            (2000, date(2000, 4, 23)),
            (2008, date(2008, 3, 23)),
            (2019, date(2019, 4, 21)),
            (2024, date(2024, 3, 31)),
            (2025, date(2025, 4, 20)),
            (2026, date(2026, 4, 5)),
            (2038, date(2038, 4, 25)),
            (2100, date(2100, 3, 28)),
            (2200, date(2200, 4, 6)),
            (2285, date(2285, 3, 22)),
        ];
        for (year, expected) in known {
            assert_eq!(easter_sunday(year), expected, "Easter {year}");
        }
    }

    #[test]
    fn easter_is_a_sunday_between_march_22_and_april_25() {
        for year in 1583..=4099 {
            let e = easter_sunday(year);
            assert_eq!(e.weekday(), Weekday::Sunday, "{year}");
            assert!(
                e >= date(year, 3, 22) && e <= date(year, 4, 25),
                "{year}: {e}"
            );
        }
    }

    #[test]
    fn federal_2025_matches_published_list() {
        assert_eq!(
            observed(Jurisdiction::Federal, 2025),
            vec![
                ("new_years_day", date(2025, 1, 1)),
                ("good_friday", date(2025, 4, 18)),
                ("easter_monday", date(2025, 4, 21)),
                ("victoria_day", date(2025, 5, 19)),
                ("canada_day", date(2025, 7, 1)),
                ("civic_holiday", date(2025, 8, 4)),
                ("labour_day", date(2025, 9, 1)),
                ("truth_and_reconciliation", date(2025, 9, 30)),
                ("thanksgiving", date(2025, 10, 13)),
                ("remembrance_day", date(2025, 11, 11)),
                ("christmas_day", date(2025, 12, 25)),
                ("boxing_day", date(2025, 12, 26)),
            ]
        );
    }

    #[test]
    fn federal_2026_matches_published_list() {
        assert_eq!(
            observed(Jurisdiction::Federal, 2026),
            vec![
                ("new_years_day", date(2026, 1, 1)),
                ("good_friday", date(2026, 4, 3)),
                ("easter_monday", date(2026, 4, 6)),
                ("victoria_day", date(2026, 5, 18)),
                ("canada_day", date(2026, 7, 1)),
                ("civic_holiday", date(2026, 8, 3)),
                ("labour_day", date(2026, 9, 7)),
                ("truth_and_reconciliation", date(2026, 9, 30)),
                ("thanksgiving", date(2026, 10, 12)),
                ("remembrance_day", date(2026, 11, 11)),
                ("christmas_day", date(2026, 12, 25)),
                // Saturday December 26 is observed on Monday December 28.
                ("boxing_day", date(2026, 12, 28)),
            ]
        );
        let boxing = find(Jurisdiction::Federal, 2026, "boxing_day").unwrap();
        assert_eq!(boxing.date, date(2026, 12, 26));
        assert!(boxing.is_shifted());
    }

    #[test]
    fn ontario_2025_matches_published_list() {
        assert_eq!(
            observed(Jurisdiction::ON, 2025),
            vec![
                ("new_years_day", date(2025, 1, 1)),
                ("family_day", date(2025, 2, 17)),
                ("good_friday", date(2025, 4, 18)),
                ("victoria_day", date(2025, 5, 19)),
                ("canada_day", date(2025, 7, 1)),
                ("labour_day", date(2025, 9, 1)),
                ("thanksgiving", date(2025, 10, 13)),
                ("christmas_day", date(2025, 12, 25)),
                ("boxing_day", date(2025, 12, 26)),
            ]
        );
    }

    #[test]
    fn ontario_2026_matches_published_list() {
        assert_eq!(
            observed(Jurisdiction::ON, 2026),
            vec![
                ("new_years_day", date(2026, 1, 1)),
                ("family_day", date(2026, 2, 16)),
                ("good_friday", date(2026, 4, 3)),
                ("victoria_day", date(2026, 5, 18)),
                ("canada_day", date(2026, 7, 1)),
                ("labour_day", date(2026, 9, 7)),
                ("thanksgiving", date(2026, 10, 12)),
                ("christmas_day", date(2026, 12, 25)),
                ("boxing_day", date(2026, 12, 28)),
            ]
        );
    }

    #[test]
    fn quebec_2026() {
        assert_eq!(
            observed(Jurisdiction::QC, 2026),
            vec![
                ("new_years_day", date(2026, 1, 1)),
                ("good_friday", date(2026, 4, 3)),
                ("national_patriots_day", date(2026, 5, 18)),
                ("fete_nationale", date(2026, 6, 24)),
                ("canada_day", date(2026, 7, 1)),
                ("labour_day", date(2026, 9, 7)),
                ("thanksgiving", date(2026, 10, 12)),
                ("christmas_day", date(2026, 12, 25)),
            ]
        );
    }

    #[test]
    fn yukon_2025_matches_published_list() {
        // yukon.ca publishes the 2025 list with actual dates; June 21 2025 is
        // a Saturday, observed on Monday June 23.
        let list = statutory_holidays(Jurisdiction::YT, 2025);
        let actual: Vec<Date> = list.iter().map(|h| h.date).collect();
        assert_eq!(
            actual,
            vec![
                date(2025, 1, 1),
                date(2025, 4, 18),
                date(2025, 5, 19),
                date(2025, 6, 21),
                date(2025, 7, 1),
                date(2025, 8, 18),
                date(2025, 9, 1),
                date(2025, 9, 30),
                date(2025, 10, 13),
                date(2025, 11, 11),
                date(2025, 12, 25),
            ]
        );
        let nipd = find(Jurisdiction::YT, 2025, "national_indigenous_peoples_day").unwrap();
        assert_eq!(nipd.observed, date(2025, 6, 23));
    }

    #[test]
    fn holiday_counts_2025_per_jurisdiction() {
        let expected = [
            (Jurisdiction::Federal, 12),
            (Jurisdiction::AB, 9),
            (Jurisdiction::BC, 11),
            (Jurisdiction::MB, 9),
            (Jurisdiction::NB, 8),
            (Jurisdiction::NL, 6),
            (Jurisdiction::NS, 7),
            (Jurisdiction::NT, 11),
            (Jurisdiction::NU, 11),
            (Jurisdiction::ON, 9),
            (Jurisdiction::PE, 8),
            (Jurisdiction::QC, 8),
            (Jurisdiction::SK, 10),
            (Jurisdiction::YT, 11),
        ];
        for (j, n) in expected {
            assert_eq!(statutory_holidays(j, 2025).len(), n, "{j}");
        }
    }

    #[test]
    fn christmas_2027_on_saturday_pushes_boxing_day() {
        for j in [Jurisdiction::Federal, Jurisdiction::ON] {
            let christmas = find(j, 2027, "christmas_day").unwrap();
            let boxing = find(j, 2027, "boxing_day").unwrap();
            assert_eq!(christmas.date, date(2027, 12, 25));
            assert_eq!(christmas.date.weekday(), Weekday::Saturday);
            assert_eq!(christmas.observed, date(2027, 12, 27));
            assert_eq!(boxing.date, date(2027, 12, 26));
            assert_eq!(boxing.observed, date(2027, 12, 28));
        }
        // Where Boxing Day is not statutory, only Christmas moves.
        let bc = find(Jurisdiction::BC, 2027, "christmas_day").unwrap();
        assert_eq!(bc.observed, date(2027, 12, 27));
        assert!(find(Jurisdiction::BC, 2027, "boxing_day").is_none());
    }

    #[test]
    fn christmas_on_sunday_observed_monday_boxing_day_tuesday() {
        let christmas = find(Jurisdiction::Federal, 2022, "christmas_day").unwrap();
        let boxing = find(Jurisdiction::Federal, 2022, "boxing_day").unwrap();
        assert_eq!(christmas.observed, date(2022, 12, 26));
        assert_eq!(boxing.date, date(2022, 12, 26));
        assert_eq!(boxing.observed, date(2022, 12, 27));
    }

    #[test]
    fn canada_day_2028_on_saturday_observed_monday() {
        for j in Jurisdiction::ALL {
            let h = find(j, 2028, "canada_day").unwrap();
            assert_eq!(h.date, date(2028, 7, 1));
            assert_eq!(h.date.weekday(), Weekday::Saturday);
            assert_eq!(h.observed, date(2028, 7, 3), "{j}");
        }
    }

    #[test]
    fn new_years_day_2022_on_saturday_observed_monday() {
        let h = find(Jurisdiction::ON, 2022, "new_years_day").unwrap();
        assert_eq!(h.observed, date(2022, 1, 3));
    }

    #[test]
    fn bc_family_day_rule_change() {
        assert!(find(Jurisdiction::BC, 2012, "family_day").is_none());
        let d = |y| find(Jurisdiction::BC, y, "family_day").unwrap().date;
        assert_eq!(d(2013), date(2013, 2, 11));
        assert_eq!(d(2018), date(2018, 2, 12)); // second Monday
        assert_eq!(d(2019), date(2019, 2, 18)); // third Monday
        assert_eq!(d(2026), date(2026, 2, 16));
    }

    #[test]
    fn start_years_are_respected() {
        let has = |j, y, key| find(j, y, key).is_some();
        assert!(!has(Jurisdiction::ON, 2007, "family_day"));
        assert!(has(Jurisdiction::ON, 2008, "family_day"));
        assert!(!has(
            Jurisdiction::Federal,
            2020,
            "truth_and_reconciliation"
        ));
        assert!(has(Jurisdiction::Federal, 2021, "truth_and_reconciliation"));
        assert!(!has(Jurisdiction::BC, 2022, "truth_and_reconciliation"));
        assert!(has(Jurisdiction::BC, 2023, "truth_and_reconciliation"));
        assert!(!has(Jurisdiction::MB, 2023, "truth_and_reconciliation"));
        assert!(has(Jurisdiction::MB, 2024, "truth_and_reconciliation"));
        assert!(!has(Jurisdiction::NS, 2014, "heritage_day"));
        assert!(has(Jurisdiction::NS, 2015, "heritage_day"));
        assert!(!has(Jurisdiction::NU, 2019, "nunavut_day"));
        assert!(has(Jurisdiction::NU, 2020, "nunavut_day"));
        assert!(!has(
            Jurisdiction::YT,
            2016,
            "national_indigenous_peoples_day"
        ));
        assert!(has(
            Jurisdiction::YT,
            2017,
            "national_indigenous_peoples_day"
        ));
        assert_eq!(
            find(Jurisdiction::PE, 2009, "islander_day").unwrap().date,
            date(2009, 2, 9)
        );
        assert_eq!(
            find(Jurisdiction::PE, 2010, "islander_day").unwrap().date,
            date(2010, 2, 15)
        );
        // Names follow the year.
        assert_eq!(
            find(Jurisdiction::Federal, 1982, "canada_day")
                .unwrap()
                .name,
            "Dominion Day"
        );
        assert_eq!(
            find(Jurisdiction::Federal, 1983, "canada_day")
                .unwrap()
                .name,
            "Canada Day"
        );
    }

    #[test]
    fn victoria_day_and_patriots_day_rule() {
        for year in 1953..=2200 {
            let v = find(Jurisdiction::Federal, year, "victoria_day")
                .unwrap()
                .date;
            assert_eq!(v.weekday(), Weekday::Monday, "{year}");
            assert!(v >= date(year, 5, 18) && v <= date(year, 5, 24), "{year}");
            let p = find(Jurisdiction::QC, year, "national_patriots_day")
                .unwrap()
                .date;
            assert_eq!(p, v, "{year}");
        }
        // 2021: May 24 was itself a Monday, and is the Monday preceding May 25.
        assert_eq!(
            find(Jurisdiction::ON, 2021, "victoria_day").unwrap().date,
            date(2021, 5, 24)
        );
        // Before 1953, May 24 itself (a Thursday in 1951).
        assert_eq!(
            find(Jurisdiction::ON, 1951, "victoria_day").unwrap().date,
            date(1951, 5, 24)
        );
    }

    #[test]
    fn invariants_hold_for_every_jurisdiction_and_year() {
        for j in Jurisdiction::ALL {
            for year in 1900..=2200 {
                let list = statutory_holidays(j, year);
                let mut keys = HashSet::new();
                let mut days = HashSet::new();
                for w in list.windows(2) {
                    assert!(
                        w[0].observed < w[1].observed,
                        "{j} {year}: sorted, distinct"
                    );
                }
                for h in &list {
                    assert!(keys.insert(h.key), "{j} {year}: duplicate key {}", h.key);
                    assert!(days.insert(h.observed));
                    assert!(!is_weekend(h.observed), "{j} {year}: {h:?}");
                    assert_eq!(h.observed.year(), year);
                    assert_eq!(h.date.year(), year);
                    assert!(h.observed >= h.date);
                    assert!(h.date.until(h.observed).unwrap().get_days() <= 3);
                    assert!(!h.name.is_empty());
                    if !is_weekend(h.date) && h.key != "boxing_day" {
                        assert_eq!(h.observed, h.date, "{j} {year}: {h:?}");
                    }
                }
                // Everyone has New Year's Day, Good Friday and Christmas.
                for key in ["new_years_day", "good_friday", "christmas_day"] {
                    assert!(keys.contains(key), "{j} {year}: {key}");
                }
            }
        }
    }

    #[test]
    fn out_of_range_years_yield_no_holidays() {
        assert!(statutory_holidays(Jurisdiction::ON, 10_000).is_empty());
        assert!(statutory_holidays(Jurisdiction::ON, -10_000).is_empty());
        assert!(!statutory_holidays(Jurisdiction::ON, 9999).is_empty());
    }

    #[test]
    fn jurisdiction_codes_round_trip() {
        for j in Jurisdiction::ALL {
            let code = j.to_string();
            assert_eq!(code, j.code());
            assert_eq!(code.parse::<Jurisdiction>().unwrap(), j);
            assert_eq!(code.to_uppercase().parse::<Jurisdiction>().unwrap(), j);
            let json = serde_json::to_string(&j).unwrap();
            assert_eq!(json, format!("\"{code}\""));
            assert_eq!(serde_json::from_str::<Jurisdiction>(&json).unwrap(), j);
        }
        assert_eq!(Jurisdiction::ON.to_string(), "on");
        assert_eq!(Jurisdiction::Federal.to_string(), "federal");
        let err = "xx".parse::<Jurisdiction>().unwrap_err();
        assert_eq!(err, ParseJurisdictionError("xx".into()));
        assert!(err.to_string().contains("federal"));
        assert!(serde_json::from_str::<Jurisdiction>("\"ON\"").is_err());
    }

    #[test]
    fn holiday_serializes_with_iso_dates() {
        let h = find(Jurisdiction::Federal, 2027, "christmas_day").unwrap();
        let v = serde_json::to_value(h).unwrap();
        assert_eq!(v["date"], "2027-12-25");
        assert_eq!(v["observed"], "2027-12-27");
        assert_eq!(v["key"], "christmas_day");
        assert_eq!(v["name"], "Christmas Day");
    }

    #[test]
    fn is_business_day_follows_jurisdiction() {
        let on = Calendar::new(Jurisdiction::ON);
        let fed = Calendar::new(Jurisdiction::Federal);
        assert!(!on.is_business_day(date(2026, 4, 3))); // Good Friday
        assert!(on.is_business_day(date(2026, 4, 6))); // Easter Monday: not in ON
        assert!(!fed.is_business_day(date(2026, 4, 6)));
        assert!(!on.is_business_day(date(2026, 4, 4))); // Saturday
        assert!(!on.is_business_day(date(2026, 4, 5))); // Sunday
        assert!(on.is_business_day(date(2026, 4, 7)));
        // Observed, not actual: Boxing Day 2026 (Saturday) closes Monday 28.
        assert!(!on.is_business_day(date(2026, 12, 28)));
        assert!(on.is_business_day(date(2026, 12, 29)));
    }

    #[test]
    fn add_business_days_skips_holidays_and_weekends() {
        let on = Calendar::new(Jurisdiction::ON);
        let fed = Calendar::new(Jurisdiction::Federal);
        // Thursday before Easter 2026: Good Friday and the weekend are skipped.
        let thu = date(2026, 4, 2);
        assert_eq!(on.add_business_days(thu, 0), thu);
        assert_eq!(on.add_business_days(thu, 1), date(2026, 4, 6));
        assert_eq!(on.add_business_days(thu, 2), date(2026, 4, 7));
        // Federally Easter Monday is a holiday too.
        assert_eq!(fed.add_business_days(thu, 1), date(2026, 4, 7));
        // Christmas 2027: Fri 24 -> Sat, Sun, Mon 27 (Christmas), Tue 28 (Boxing).
        assert_eq!(
            fed.add_business_days(date(2027, 12, 24), 1),
            date(2027, 12, 29)
        );
        // Ten business days across the New Year: Dec 23, 24, 29, 30, 31,
        // Jan 2, 5, 6, 7, 8 (25, 26 and Jan 1 are holidays).
        assert_eq!(
            fed.add_business_days(date(2025, 12, 22), 10),
            date(2026, 1, 8)
        );
        // From a weekend day.
        assert_eq!(on.add_business_days(date(2026, 4, 4), 1), date(2026, 4, 6));
        // A whole year of business days in Ontario 2026.
        let total = on.business_days_between(date(2025, 12, 31), date(2026, 12, 31));
        // 2026 has 261 weekdays; all 9 Ontario holidays are observed on one.
        assert_eq!(total, 261 - 9);
        assert_eq!(
            on.add_business_days(date(2025, 12, 31), total as u32),
            date(2026, 12, 31)
        );
    }

    #[test]
    fn business_days_between_basic() {
        let fed = Calendar::new(Jurisdiction::Federal);
        let a = date(2027, 12, 24);
        let b = date(2027, 12, 31);
        assert_eq!(fed.business_days_between(a, b), 3); // 29, 30, 31
        assert_eq!(fed.business_days_between(b, a), -3);
        assert_eq!(fed.business_days_between(a, a), 0);
        // from is excluded, to is included.
        assert_eq!(
            fed.business_days_between(date(2027, 12, 28), date(2027, 12, 29)),
            1
        );
        assert_eq!(
            fed.business_days_between(date(2027, 12, 29), date(2027, 12, 30)),
            1
        );
    }

    #[test]
    fn extra_and_removed_dates() {
        let base = Calendar::new(Jurisdiction::ON);
        let eve = date(2026, 12, 24);
        let boxing_observed = date(2026, 12, 28);
        let saturday = date(2026, 12, 19);
        assert!(base.is_business_day(eve));
        let cal = base
            .clone()
            .with_extra([eve])
            .without([boxing_observed, saturday]);
        assert!(!cal.is_business_day(eve));
        assert!(cal.is_business_day(boxing_observed));
        assert!(cal.is_business_day(saturday));
        // The original is unaffected (cheap clone, no shared mutation).
        assert!(base.is_business_day(eve));
        assert!(!base.is_business_day(boxing_observed));
        assert_eq!(cal.extra_dates().collect::<Vec<_>>(), vec![eve]);
        assert_eq!(
            cal.removed_dates().collect::<Vec<_>>(),
            vec![saturday, boxing_observed]
        );
        // Later call wins.
        let cal = cal.with_extra([saturday]);
        assert!(!cal.is_business_day(saturday));
        assert_eq!(
            cal.removed_dates().collect::<Vec<_>>(),
            vec![boxing_observed]
        );
        // Wed 23 + 1 skips the 24th (extra), 25th (Christmas), weekend; the
        // 28th is worked.
        assert_eq!(
            cal.add_business_days(date(2026, 12, 23), 1),
            boxing_observed
        );
        assert_eq!(cal.jurisdiction(), Jurisdiction::ON);
    }

    #[test]
    fn works_outside_the_cached_window() {
        let cal = Calendar::new(Jurisdiction::Federal);
        // 2500-12-25 is a Saturday.
        assert_eq!(date(2500, 12, 25).weekday(), Weekday::Saturday);
        assert!(!cal.is_business_day(date(2500, 12, 27)));
        assert!(!cal.is_business_day(date(2500, 12, 28)));
        assert_eq!(
            cal.add_business_days(date(2500, 12, 24), 1),
            date(2500, 12, 29)
        );
        // Spanning the window boundary matches a day-by-day count.
        let from = date(2199, 6, 1);
        let to = date(2202, 3, 1);
        assert_eq!(
            cal.business_days_between(from, to),
            naive_between(&cal, from, to)
        );
    }

    #[test]
    fn calendar_is_send_sync_and_shareable() {
        fn assert_traits<T: Send + Sync + Clone + 'static>() {}
        assert_traits::<Calendar>();
        let cal = Calendar::new(Jurisdiction::QC);
        let expected = cal.add_business_days(date(2026, 6, 19), 5);
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let cal = cal.clone();
                std::thread::spawn(move || cal.add_business_days(date(2026, 6, 19), 5))
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), expected);
        }
        // Fri 19 -> Mon 22, Tue 23, (Wed 24 Fête nationale), Thu 25, Fri 26, Mon 29.
        assert_eq!(expected, date(2026, 6, 29));
    }

    fn naive_is_business(
        j: Jurisdiction,
        extra: &BTreeSet<Date>,
        removed: &BTreeSet<Date>,
        d: Date,
    ) -> bool {
        if removed.contains(&d) {
            return true;
        }
        if extra.contains(&d) || is_weekend(d) {
            return false;
        }
        !statutory_holidays(j, d.year())
            .iter()
            .any(|h| h.observed == d)
    }

    fn naive_between(cal: &Calendar, from: Date, to: Date) -> i64 {
        let (lo, hi, sign) = if to < from {
            (to, from, -1)
        } else {
            (from, to, 1)
        };
        let mut d = lo;
        let mut n = 0;
        while d < hi {
            d = d.tomorrow().unwrap();
            if naive_is_business(cal.jurisdiction, &cal.extra, &cal.removed, d) {
                n += 1;
            }
        }
        sign * n
    }

    fn arb_date() -> impl Strategy<Value = Date> {
        // 1890-01-01 .. ~2225: includes years on both sides of the cache.
        (0i32..122_000).prop_map(|off| date(1890, 1, 1).checked_add(off.days()).unwrap())
    }

    fn arb_jurisdiction() -> impl Strategy<Value = Jurisdiction> {
        (0usize..Jurisdiction::ALL.len()).prop_map(|i| Jurisdiction::ALL[i])
    }

    proptest! {
        #[test]
        fn between_inverts_add(j in arb_jurisdiction(), from in arb_date(), n in 0u32..800) {
            let cal = Calendar::new(j);
            let to = cal.add_business_days(from, n);
            prop_assert!(to >= from);
            prop_assert_eq!(cal.business_days_between(from, to), i64::from(n));
            prop_assert_eq!(cal.business_days_between(to, from), -i64::from(n));
            if n > 0 {
                prop_assert!(cal.is_business_day(to));
                // `to` is the first date reaching n: the day before has n - 1.
                prop_assert_eq!(
                    cal.business_days_between(from, to.yesterday().unwrap()),
                    i64::from(n) - 1
                );
            }
        }

        #[test]
        fn fast_paths_match_naive_day_by_day(
            j in arb_jurisdiction(),
            from in arb_date(),
            span in -400i32..400,
            n in 0u32..60,
            extra_offsets in proptest::collection::vec(0i32..60, 0..6),
            removed_offsets in proptest::collection::vec(0i32..60, 0..6),
        ) {
            let at = |o: i32| from.checked_add(o.days()).unwrap();
            let cal = Calendar::new(j)
                .with_extra(extra_offsets.iter().map(|&o| at(o)))
                .without(removed_offsets.iter().map(|&o| at(o)));
            let to = at(span);
            prop_assert_eq!(cal.business_days_between(from, to), naive_between(&cal, from, to));
            for o in -3..60 {
                let d = at(o);
                prop_assert_eq!(
                    cal.is_business_day(d),
                    naive_is_business(j, &cal.extra, &cal.removed, d)
                );
            }
            let mut expected = from;
            for _ in 0..n {
                expected = expected.tomorrow().unwrap();
                while !naive_is_business(j, &cal.extra, &cal.removed, expected) {
                    expected = expected.tomorrow().unwrap();
                }
            }
            prop_assert_eq!(cal.add_business_days(from, n), expected);
        }
    }
}
