//! The plan: when each complaint is filed (more in autumn and winter, slowly growing, web
//! filings at any hour, staff filings in office hours, a few in the last two weeks whatever
//! the volume), and each one's script, from its own generator so that one case's choices do
//! not shift the others'.

use jiff::civil::{Date, Weekday};
use jiff::{SignedDuration, Timestamp};
use rand::{RngExt, SeedableRng};
use recourse_events::case::Channel;

use super::DemoOptions;
use super::calendar::{Cal, add_days};
use super::corpus::Corpus;
use super::random::{Rng, weighted};
use super::script::script;
use super::step::Script;

/// Plans every complaint: filing times first (one generator), then each case's script (its own
/// generator, so one case's choices do not shift the others').
pub(super) fn plan(
    cal: &Cal,
    corpus: &Corpus,
    options: &DemoOptions,
    started: Timestamp,
    now: Timestamp,
) -> Vec<Script> {
    let mut rng = Rng::seed_from_u64(options.seed);
    let n = options.complaints;
    let first = add_days(cal.date(started), 1);
    let today = cal.date(now);
    let span = options.days - 1;
    // A few complaints in the last two weeks whatever the volume, so that a small demo still
    // has open cases at every stage; the newest was filed on the web minutes ago.
    let recent = (n / 150).max(8).min(n / 4);
    let mut filings = Vec::with_capacity(n);
    for i in 0..n {
        let channel = if i + 1 == n && n >= 2 {
            Channel::Web
        } else {
            weighted(
                &mut rng,
                &[
                    (Channel::Web, 50),
                    (Channel::Phone, 20),
                    (Channel::InPerson, 17),
                    (Channel::Email, 8),
                    (Channel::Referral, 5),
                ],
            )
        };
        let at = if i + 1 == n && n >= 2 {
            now - SignedDuration::from_mins(rng.random_range(5..25))
        } else {
            let date = if i + recent >= n {
                add_days(today, -rng.random_range(1..=14))
            } else {
                seasonal_date(&mut rng, first, span, channel)
            };
            filing_time(cal, &mut rng, date.max(first), channel, started, now)
        };
        filings.push((at, channel));
    }
    filings
        .into_iter()
        .enumerate()
        .map(|(i, (at, channel))| {
            let seed = options.seed ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let mut rng = Rng::seed_from_u64(seed);
            let mut steps = script(cal, corpus, &mut rng, at, channel);
            steps.sort_by_key(|s| s.0);
            steps.retain(|s| s.0 < now);
            Script { steps }
        })
        .collect()
}

/// More complaints in autumn and winter, a slow growth over the years, fewer on weekends.
fn seasonal_date(rng: &mut Rng, first: Date, span: i64, channel: Channel) -> Date {
    const MONTH: [f64; 12] = [
        1.25, 1.2, 1.1, 0.95, 0.85, 0.75, 0.7, 0.8, 1.15, 1.3, 1.35, 1.0,
    ];
    loop {
        let k = rng.random_range(0..span.max(1));
        let d = add_days(first, k);
        let growth = 0.85 + 0.3 * k as f64 / span.max(1) as f64;
        let weekend = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
        let day = match (channel, weekend) {
            (Channel::Web, true) => 0.5,
            (_, true) => 0.0,
            _ => 1.0,
        };
        let w = MONTH[(d.month() - 1) as usize] * growth * day;
        if rng.random::<f64>() * 1.6 < w {
            return d;
        }
    }
}

/// Web filings at any hour (mostly evenings); staff file in office hours on business days.
/// Always after the set-up and before now.
fn filing_time(
    cal: &Cal,
    rng: &mut Rng,
    date: Date,
    channel: Channel,
    started: Timestamp,
    now: Timestamp,
) -> Timestamp {
    const HOURS: [u32; 24] = [
        1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 6, 7, 8, 8, 7, 5, 3,
    ];
    let earliest = started + SignedDuration::from_hours(2);
    if channel == Channel::Web {
        let hours: Vec<(i32, u32)> = (0..24).map(|h| (h, HOURS[h as usize])).collect();
        let h = weighted(rng, &hours);
        let at = cal.at(date, h * 60 + rng.random_range(0..60));
        return at.clamp(earliest, now - SignedDuration::from_mins(30));
    }
    let mut d = cal.business_day_on_or_before(date);
    if d < date && rng.random_bool(0.5) {
        d = cal.business_day_on_or_after(date);
    }
    let mut at = cal.office_time(rng, d);
    if at >= now {
        at = cal.office_time(
            rng,
            cal.business_day_on_or_before(add_days(cal.date(now), -1)),
        );
    }
    if at <= earliest {
        at = cal.office_time(
            rng,
            cal.business_day_on_or_after(add_days(cal.date(started), 1)),
        );
    }
    at
}
