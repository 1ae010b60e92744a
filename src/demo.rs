//! The demo ledger: a synthetic agency, "Maple Newcomer Services", with two years of
//! complaints built through the same commands real users issue (the public [`Service`] API:
//! filing, acknowledging, triage, review, findings, decisions, corrective actions, appeals,
//! satisfaction answers, erasure and retention), so that every queue, clock and dashboard figure
//! has something true to show and the ledger verifies like any other.
//!
//! # How it is built
//!
//! 1. **Plan** (pure, from the seed): each complaint gets a filing time (more in autumn and
//!    winter, slowly growing, web filings at any hour, staff filings in business hours) and a
//!    script of timed steps that follows a plausible path. Steps of one case are in time order;
//!    the parts that run side by side after a decision (corrective actions, an appeal, the
//!    client's answers, audits) are timed so that every interleaving is one the rules accept.
//!    Steps after the demo's "now" are dropped, which leaves the recent complaints open at
//!    whatever stage they have reached.
//! 2. **Run**: steps are taken from a priority queue keyed by time, so ledger positions are
//!    roughly chronological, with up to [`CONCURRENCY`] steps of *different* cases in flight so
//!    that group commit shares each fsync. A case never has two steps in flight.
//! 3. **Retention** runs at "now", erasing the cases settled longer ago than the (shortened)
//!    retention period.
//!
//! Choices come from a seeded generator, so a seed and a "now" give the same figures; ids, keys
//! and receipt codes are still random. A rule refusing a step is a bug in this script: the
//! error names the complaint and the step.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Span, Timestamp, Zoned};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};
use recourse_events::case::*;
use recourse_events::ids::{ActionId, CaseId, StaffId};
use recourse_events::org::{Named, Role, Settings};
use recourse_projections::case::{ActionStatus, Command, Status};
use recourse_projections::clock::Clocks;
use recourse_projections::framework::Reference;
use recourse_projections::holiday::Calendar;
use recourse_projections::org::OrgCommand;
use recourse_projections::read_model::ReadModel;
use tokio::task::JoinSet;

use crate::data_dir::DataDir;
use crate::receipt::ReceiptCode;
use crate::service::{Acting, ComplaintForm, Service, ServiceError};

/// The demo agency's name.
pub const AGENCY: &str = "Maple Newcomer Services";
/// The demo ledger's origin.
pub const ORIGIN: &str = "demo.recourse.local/maple";
/// Steps of different cases in flight at once.
pub const CONCURRENCY: usize = 32;
/// Retention period of the demo agency, shorter than the default so that retention has
/// something to erase in a two-year history.
pub const RETENTION_DAYS: u32 = 540;

/// What to build.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    /// Complaints to file.
    pub complaints: usize,
    /// Seed of every choice.
    pub seed: u64,
    /// Days of history: the agency is set up this many days before now.
    pub days: i64,
    /// The demo's present (default: the clock's now). Fix it to get the same figures twice.
    pub now: Option<Timestamp>,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            complaints: 3000,
            seed: 1,
            days: 730,
            now: None,
        }
    }
}

/// A staff member of the demo agency.
#[derive(Debug, Clone)]
pub struct DemoStaff {
    /// Their id.
    pub id: StaffId,
    /// Their name.
    pub name: String,
    /// Their sign-in name.
    pub login: String,
    /// Their roles.
    pub roles: Vec<Role>,
    /// Acting as them (their signing key).
    pub acting: Acting,
}

/// Figures of a ledger, from its read model (what the dashboards and queues show).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoCounts {
    /// Cases.
    pub cases: usize,
    /// Cases by status.
    pub by_status: BTreeMap<Status, usize>,
    /// Cases by channel.
    pub by_channel: BTreeMap<Channel, usize>,
    /// Cases by client language.
    pub by_language: BTreeMap<String, usize>,
    /// Cases by the outcome of the decision in force.
    pub outcomes: BTreeMap<Outcome, usize>,
    /// Cases decided at least once.
    pub decided: usize,
    /// Cases withdrawn.
    pub withdrawn: usize,
    /// Appeals filed.
    pub appeals: usize,
    /// Appeals decided, by outcome.
    pub appeal_outcomes: BTreeMap<AppealOutcome, usize>,
    /// Conflicts of interest declared.
    pub recusals: usize,
    /// Times cases were reopened.
    pub reopened: usize,
    /// Corrective actions opened.
    pub actions: usize,
    /// Corrective actions verified.
    pub actions_verified: usize,
    /// Corrective actions waived.
    pub actions_waived: usize,
    /// Corrective actions outstanding (open or reported done).
    pub actions_outstanding: usize,
    /// Outstanding corrective actions past their due date.
    pub actions_overdue: usize,
    /// Clients who answered the satisfaction questions.
    pub satisfaction: usize,
    /// Anonymous filings.
    pub anonymous: usize,
    /// Anonymous clients who came back with their receipt code.
    pub anonymous_returned: usize,
    /// Interpreters asked for.
    pub interpreters: usize,
    /// Complaints naming a staff member.
    pub naming_staff: usize,
    /// Openings of sealed data.
    pub views: usize,
    /// Openings by someone with no part in the case.
    pub outsider_views: usize,
    /// Cases erased at the client's request.
    pub erased_on_request: usize,
    /// Cases erased at the end of the retention period.
    pub erased_by_retention: usize,
}

impl DemoCounts {
    /// The figures of `model` at `now`.
    pub fn of(model: &ReadModel, now: Timestamp) -> DemoCounts {
        let tz = TimeZone::get(&model.org().settings.time_zone).unwrap_or(TimeZone::UTC);
        let today = now.to_zoned(tz).date();
        let mut c = DemoCounts::default();
        for case in model.cases() {
            let Some(f) = &case.filing else { continue };
            c.cases += 1;
            *c.by_status.entry(case.status()).or_default() += 1;
            *c.by_channel.entry(f.channel).or_default() += 1;
            *c.by_language.entry(f.language.clone()).or_default() += 1;
            if let Some(d) = &case.decision {
                *c.outcomes.entry(d.outcome).or_default() += 1;
            }
            c.decided += usize::from(case.first_decided_at.is_some());
            c.withdrawn += usize::from(case.withdrawn_at.is_some());
            c.appeals += case.appeals as usize;
            if let Some((_, o)) = case.appeal.as_ref().and_then(|a| a.decided) {
                *c.appeal_outcomes.entry(o).or_default() += 1;
            }
            c.recusals += case.recusal_times.len();
            c.reopened += case.reopened as usize;
            for a in case.actions.values() {
                c.actions += 1;
                c.actions_verified += usize::from(a.status == ActionStatus::Verified);
                c.actions_waived += usize::from(a.status == ActionStatus::Waived);
                c.actions_outstanding += usize::from(a.outstanding());
                c.actions_overdue += usize::from(a.outstanding() && a.due < today);
            }
            c.satisfaction += usize::from(case.satisfaction.is_some());
            c.anonymous += usize::from(f.anonymous);
            c.anonymous_returned += usize::from(f.anonymous && case.client_returned);
            c.interpreters += usize::from(f.interpreter_language.is_some());
            c.naming_staff += usize::from(!f.named_staff.is_empty());
            c.views += case.views.len();
            c.outsider_views += case.views.iter().filter(|v| v.outsider).count();
            match case.erased {
                Some((_, ErasureReason::ClientRequest)) => c.erased_on_request += 1,
                Some((_, ErasureReason::Retention)) => c.erased_by_retention += 1,
                None => {}
            }
        }
        c
    }

    /// Cases erased, for either reason.
    pub fn erased(&self) -> usize {
        self.erased_on_request + self.erased_by_retention
    }
}

/// What was built.
pub struct DemoReport {
    /// The service over the new ledger.
    pub service: Service,
    /// The administrator.
    pub admin: DemoStaff,
    /// The other staff.
    pub staff: Vec<DemoStaff>,
    /// Complaints filed.
    pub complaints: usize,
    /// Entries in the ledger.
    pub events: u64,
    /// Time taken.
    pub elapsed: Duration,
    /// When the agency was set up.
    pub started: Timestamp,
    /// The demo's present.
    pub now: Timestamp,
    /// Cases erased by the final retention run.
    pub retention_erased: usize,
    /// Figures of the finished ledger.
    pub counts: DemoCounts,
}

/// Builds the demo ledger in `dir` (which must not hold a ledger yet).
pub async fn build(
    dir: &DataDir,
    reference: Arc<Reference>,
    options: &DemoOptions,
) -> Result<DemoReport, ServiceError> {
    let began = Instant::now();
    if options.days < 30 {
        return Err(ServiceError::Input(
            "the demo needs at least 30 days of history".into(),
        ));
    }
    let now = options.now.unwrap_or_else(Timestamp::now);
    let started = now - SignedDuration::from_hours(24 * options.days);
    let service = Service::setup_at(dir, ORIGIN, reference, started).await?;
    let (admin, staff) = enroll(&service, started).await?;
    let settings = settings();
    service
        .org_at(
            &admin.acting,
            OrgCommand::ChangeSettings(Box::new(settings.clone())),
            started + SignedDuration::from_mins(30),
        )
        .await?;
    let clocks = Clocks::from_settings(&settings)
        .map_err(|e| ServiceError::Input(format!("demo settings: {e}")))?;
    let cal = Cal {
        tz: clocks.time_zone().clone(),
        cal: clocks.calendar().clone(),
    };

    let plans = plan(&cal, options, started, now);
    let shared = Arc::new(Shared {
        service: service.clone(),
        staff: staff.iter().map(|s| s.acting.clone()).collect(),
        ids: staff.iter().map(|s| s.id).collect(),
    });
    run(&shared, plans).await?;

    let retention_erased = service.retention(now).await?.len();
    let events = service.store().size().await?;
    service.wait_applied(events).await;
    let counts = service.read(|m| DemoCounts::of(m, now));
    Ok(DemoReport {
        service,
        admin,
        staff,
        complaints: options.complaints,
        events,
        elapsed: began.elapsed(),
        started,
        now,
        retention_erased,
        counts,
    })
}

// ---------------------------------------------------------------------------------------------
// The agency: staff and settings.

/// Index of staff in [`ROSTER`] by role (the planner refers to staff by index).
const INTAKE: [usize; 2] = [0, 1];
const REVIEWERS: [usize; 6] = [2, 3, 4, 5, 6, 7];
const CHAIRS: [usize; 2] = [8, 9];
const AUDITOR: usize = 12;

const ADMIN: (&str, &str) = ("Farah Siddiqui", "fsiddiqui");

const ROSTER: [(&str, &str, Role); 13] = [
    ("Amira Haddad", "ahaddad", Role::Intake),
    ("Daniel Tremblay", "dtremblay", Role::Intake),
    ("Priya Raman", "praman", Role::Reviewer),
    ("Mehdi Karimi", "mkarimi", Role::Reviewer),
    ("Olena Kovalenko", "okovalenko", Role::Reviewer),
    ("Sofía Restrepo", "srestrepo", Role::Reviewer),
    ("Kwame Mensah", "kmensah", Role::Reviewer),
    ("Isabelle Gagnon", "igagnon", Role::Reviewer),
    ("Grace Nakamura", "gnakamura", Role::Chair),
    ("Samuel Tesfaye", "stesfaye", Role::Chair),
    ("Hélène Bouchard", "hbouchard", Role::Board),
    ("Raj Malhotra", "rmalhotra", Role::Board),
    ("Chantal Okafor", "cokafor", Role::Auditor),
];

async fn enroll(
    service: &Service,
    at: Timestamp,
) -> Result<(DemoStaff, Vec<DemoStaff>), ServiceError> {
    let minute = |n: i64| at + SignedDuration::from_mins(n);
    let root = service.ledger_acting();
    let (id, acting) = service
        .enroll_staff_at(&root, ADMIN.0, ADMIN.1, &[Role::Admin], minute(5))
        .await?;
    let admin = DemoStaff {
        id,
        name: ADMIN.0.into(),
        login: ADMIN.1.into(),
        roles: vec![Role::Admin],
        acting,
    };
    let mut staff = Vec::with_capacity(ROSTER.len());
    for (i, (name, login, role)) in ROSTER.into_iter().enumerate() {
        let (id, acting) = service
            .enroll_staff_at(&admin.acting, name, login, &[role], minute(10 + i as i64))
            .await?;
        staff.push(DemoStaff {
            id,
            name: name.into(),
            login: login.into(),
            roles: vec![role],
            acting,
        });
    }
    Ok((admin, staff))
}

fn named(list: &[(&str, &str)]) -> Vec<Named> {
    list.iter()
        .map(|(id, name)| Named {
            id: (*id).into(),
            name: (*name).into(),
        })
        .collect()
}

/// Programs, with their weight among complaints and the IRCC service streams they deliver.
const PROGRAMS: [(&str, &str, u32, &[&str]); 6] = [
    (
        "settlement",
        "Settlement and integration",
        30,
        &[
            "needs-assessment",
            "information-orientation",
            "support-services",
            "community-connections",
        ],
    ),
    (
        "linc",
        "Language training (LINC)",
        20,
        &["language-assessment", "language-training"],
    ),
    ("employment", "Employment services", 15, &["employment"]),
    ("youth", "Youth programs", 8, &["community-connections"]),
    ("housing", "Housing help", 12, &["support-services"]),
    (
        "rap",
        "Resettlement Assistance Program",
        15,
        &["resettlement-assistance"],
    ),
];

const SITES: [(&str, &str, u32); 3] = [
    ("downtown", "Downtown office", 50),
    ("east-end", "East End office", 35),
    ("satellite", "Satellite office at the public library", 15),
];

/// Languages offered, with their weight among complaints and their name in English.
const LANGUAGES: [(&str, u32, &str); 9] = [
    ("en", 24, "English"),
    ("fr", 10, "French"),
    ("ar", 16, "Arabic"),
    ("fa", 10, "Farsi"),
    ("es", 12, "Spanish"),
    ("uk", 12, "Ukrainian"),
    ("prs", 6, "Dari"),
    ("ti", 5, "Tigrinya"),
    ("so", 5, "Somali"),
];

/// The demo agency's settings (targets and calendar as shipped, Ontario holidays).
pub fn settings() -> Settings {
    Settings {
        time_zone: "America/Toronto".into(),
        holiday_jurisdiction: "on".into(),
        languages: LANGUAGES.iter().map(|l| l.0.to_string()).collect(),
        retention_days: RETENTION_DAYS,
        programs: named(&PROGRAMS.map(|p| (p.0, p.1))),
        sites: named(&SITES.map(|s| (s.0, s.1))),
        ..Settings::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Time: the agency's calendar and business hours.

const DAY_START: i32 = 9 * 60;
const DAY_END: i32 = 17 * 60;

struct Cal {
    tz: TimeZone,
    cal: Calendar,
}

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(Span::new().days(n))
        .expect("a date within range")
}

fn minute_of_day(z: &Zoned) -> i32 {
    i32::from(z.hour()) * 60 + i32::from(z.minute())
}

impl Cal {
    fn date(&self, t: Timestamp) -> Date {
        t.to_zoned(self.tz.clone()).date()
    }

    fn at(&self, d: Date, minute: i32) -> Timestamp {
        let (h, m) = (minute.clamp(0, 24 * 60 - 1) / 60, minute.rem_euclid(60));
        d.at(h as i8, m as i8, 0, 0)
            .to_zoned(self.tz.clone())
            .expect("a local time in range")
            .timestamp()
    }

    fn business_day_on_or_after(&self, d: Date) -> Date {
        if self.cal.is_business_day(d) {
            d
        } else {
            self.cal.add_business_days(d, 1)
        }
    }

    fn business_day_on_or_before(&self, mut d: Date) -> Date {
        while !self.cal.is_business_day(d) {
            d = add_days(d, -1);
        }
        d
    }

    fn office_time(&self, rng: &mut Rng, d: Date) -> Timestamp {
        self.at(d, rng.random_range(DAY_START..DAY_END - 15))
    }

    /// Moves `cur` on (at least two minutes) to `t`.
    fn bump(&self, cur: &mut Timestamp, t: Timestamp) -> Timestamp {
        let t = t.max(*cur + SignedDuration::from_mins(2));
        *cur = t;
        t
    }

    /// Staff work `bdays` business days after `cur` (0: later the same business day if there
    /// is time left, else the next one), in office hours.
    fn staff(
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
    fn staff_on(&self, rng: &mut Rng, cur: &mut Timestamp, date: Date) -> Timestamp {
        let d = self.business_day_on_or_after(date);
        if d <= self.date(*cur) {
            return self.staff(rng, cur, 0..=0);
        }
        let t = self.office_time(rng, d);
        self.bump(cur, t)
    }

    /// The client, `days` calendar days after `cur`, at a waking hour.
    fn client(
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

// ---------------------------------------------------------------------------------------------
// Random choices.

type Rng = Xoshiro256PlusPlus;

fn weighted<T: Copy>(rng: &mut Rng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|i| i.1).sum();
    let mut x = rng.random_range(0..total);
    for (item, w) in items {
        if x < *w {
            return *item;
        }
        x -= w;
    }
    items[items.len() - 1].0
}

fn one<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.random_range(0..items.len())]
}

fn one_str(rng: &mut Rng, items: &[&'static str]) -> &'static str {
    one(rng, items)
}

/// Up to `n` distinct items, at least one.
fn some_of(rng: &mut Rng, items: &[&str], n: usize) -> Vec<String> {
    let mut pool: Vec<&str> = items.to_vec();
    let k = rng.random_range(1..=n.min(pool.len()).max(1));
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        out.push(
            pool.swap_remove(rng.random_range(0..pool.len()))
                .to_string(),
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The script: what happens to each complaint, when.

#[derive(Debug, Clone, Copy)]
enum By {
    Staff(usize),
    Client,
}

#[derive(Debug)]
enum Step {
    File {
        by: Option<usize>,
        form: Box<ComplaintForm>,
        named: Vec<usize>,
    },
    Acknowledge {
        by: usize,
        note: Option<String>,
    },
    Triage {
        by: usize,
        category: &'static str,
        rights: Vec<String>,
        items: Vec<String>,
        urgency: Urgency,
        sensitive: bool,
    },
    Assign {
        by: usize,
        reviewer: usize,
    },
    Recuse {
        by: usize,
        staff: usize,
        conflict: ConflictKind,
        reason: String,
    },
    View {
        by: usize,
        purpose: Purpose,
    },
    Message {
        by: By,
        audience: Audience,
        body: String,
    },
    AddInformation(String),
    Comment(String),
    Pause {
        by: usize,
        reason: String,
    },
    Resume {
        by: usize,
    },
    Finding {
        by: usize,
        rights: Vec<String>,
        items: Vec<String>,
        substantiated: bool,
        summary: String,
    },
    Decide {
        by: usize,
        outcome: Outcome,
        remedy: Option<String>,
        reasons: String,
    },
    OpenAction {
        by: usize,
        owner: usize,
        due: Date,
        item: Option<String>,
        description: String,
    },
    UpdateAction {
        by: usize,
        action: u32,
        note: String,
        due: Option<Date>,
    },
    CompleteAction {
        by: usize,
        action: u32,
        note: String,
    },
    VerifyAction {
        by: usize,
        action: u32,
        note: String,
    },
    WaiveAction {
        by: usize,
        action: u32,
        note: String,
    },
    Close {
        by: usize,
    },
    Satisfaction(SatisfactionRecorded),
    Appeal(String),
    AssignAppeal {
        by: usize,
        reviewer: usize,
    },
    DecideAppeal {
        by: usize,
        outcome: AppealOutcome,
        reasons: String,
    },
    Reopen {
        by: usize,
        reason: String,
    },
    Withdraw(By),
    RequestErasure,
}

impl Step {
    fn name(&self) -> &'static str {
        match self {
            Step::File { .. } => "file",
            Step::Acknowledge { .. } => "acknowledge",
            Step::Triage { .. } => "triage",
            Step::Assign { .. } => "assign a reviewer",
            Step::Recuse { .. } => "recuse",
            Step::View { .. } => "open the file",
            Step::Message { .. } => "post a message",
            Step::AddInformation(_) => "add information",
            Step::Comment(_) => "comment",
            Step::Pause { .. } => "pause the clock",
            Step::Resume { .. } => "resume the clock",
            Step::Finding { .. } => "record a finding",
            Step::Decide { .. } => "decide",
            Step::OpenAction { .. } => "open a corrective action",
            Step::UpdateAction { .. } => "update a corrective action",
            Step::CompleteAction { .. } => "complete a corrective action",
            Step::VerifyAction { .. } => "verify a corrective action",
            Step::WaiveAction { .. } => "waive a corrective action",
            Step::Close { .. } => "close",
            Step::Satisfaction(_) => "record satisfaction",
            Step::Appeal(_) => "appeal",
            Step::AssignAppeal { .. } => "assign the appeal",
            Step::DecideAppeal { .. } => "decide the appeal",
            Step::Reopen { .. } => "reopen",
            Step::Withdraw(_) => "withdraw",
            Step::RequestErasure => "request erasure",
        }
    }
}

/// One complaint's script, in time order.
struct Script {
    steps: Vec<(Timestamp, Step)>,
}

/// Plans every complaint: filing times first (one generator), then each case's script (its own
/// generator, so one case's choices do not shift the others').
fn plan(cal: &Cal, options: &DemoOptions, started: Timestamp, now: Timestamp) -> Vec<Script> {
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
            let mut steps = script(cal, &mut rng, at, channel);
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

struct Category {
    id: &'static str,
    weight: u32,
    rights: &'static [&'static str],
    items: &'static [&'static str],
    /// What went wrong, as a finding would put it.
    issue: &'static str,
    narratives: &'static [&'static str],
    actions: &'static [&'static str],
}

const CATEGORIES: [Category; 8] = [
    Category {
        id: "service_quality",
        weight: 22,
        rights: &["information", "own-decisions", "refuse-or-change"],
        items: &[
            "scope.communicated",
            "knowledge.supervision",
            "monitoring.client-feedback",
        ],
        issue: "the client was not given the information and help they needed",
        narratives: &[
            "I came to the {site} for help with my {program} file. The worker was in a hurry and did not explain the forms. I left without knowing what to do next.",
            "My appointment on {day} was cancelled twice without notice. Nobody called me back.",
            "I was given wrong information about my health card application and I missed the deadline.",
            "The counsellor filled in my form without asking me. Some of the answers are wrong and now I have to fix them.",
            "I was promised a call back about my children's school registration. It never came.",
        ],
        actions: &[
            "Review the intake checklist with front-desk staff at the {site}.",
            "Call clients back within two business days when an appointment is cancelled.",
            "Supervisor to review a sample of {program} files each month.",
        ],
    },
    Category {
        id: "wait_times",
        weight: 16,
        rights: &["information", "refuse-or-change"],
        items: &[
            "scope.defined",
            "monitoring.file-review",
            "scope.referral-network",
        ],
        issue: "the waiting list was not managed in order and the client was not kept informed",
        narratives: &[
            "I have been waiting {weeks} weeks for an appointment with a settlement counsellor. Every time I call, I am told to wait.",
            "I waited three hours at the {site} on {day} and was sent home without being seen.",
            "I applied for {program} months ago and still have no start date. Nobody tells me where I am on the list.",
            "My messages to the office have not been answered for over a month.",
        ],
        actions: &[
            "Publish the waiting time of each program at every site and on the website.",
            "Audit the {program} waiting list every month and call everyone waiting more than six weeks.",
            "Add a walk-in triage desk on busy days at the {site}.",
        ],
    },
    Category {
        id: "interpreter_access",
        weight: 14,
        rights: &["information", "respect"],
        items: &["knowledge.client-centred-skills", "ethics.client-rights"],
        issue: "no interpreter was booked although the client asked for one",
        narratives: &[
            "I asked for a {lang} interpreter for my appointment. There was no interpreter and I was told to bring my son, who is twelve.",
            "The interpreter on the phone did not speak my dialect of {lang}. I did not understand most of what was said.",
            "I was told that {lang} interpretation is not available at the {site}.",
            "My daughter had to interpret a conversation about my health. I felt ashamed.",
        ],
        actions: &[
            "Book {lang} interpreters at intake when the client asks; never ask children to interpret.",
            "Extend the telephone interpretation contract to cover more dialects.",
            "Train front-desk staff on booking interpreters.",
        ],
    },
    Category {
        id: "staff_conduct",
        weight: 12,
        rights: &["respect", "refuse-or-change", "own-decisions"],
        items: &[
            "ethics.code-of-conduct",
            "knowledge.supervision",
            "knowledge.training",
        ],
        issue: "the staff member's conduct did not meet our code of conduct",
        narratives: &[
            "A staff member raised her voice at me in front of other clients at the {site}.",
            "The worker made jokes about my accent and laughed when I asked him to repeat.",
            "The worker told me that if I complained, my file would be closed.",
            "A staff member told me I must sign a document I did not understand.",
        ],
        actions: &[
            "Coaching session with the staff member on the code of conduct.",
            "Refresher training for the {site} team on respectful communication.",
            "Remind all staff in writing that complaining never affects a client's services.",
        ],
    },
    Category {
        id: "discrimination",
        weight: 8,
        rights: &["respect", "complaint"],
        items: &[
            "ethics.code-of-conduct",
            "knowledge.training",
            "ethics.complaints",
        ],
        issue: "the client was treated differently from other clients",
        narratives: &[
            "I was told that people from my country always lie about their situation.",
            "Because I wear a hijab, the volunteer at the {site} ignored me and served the people after me.",
            "Other clients were offered a place on the housing list; I was not, and I believe it is because I am Black.",
            "A staff member said my English is too poor for {program} and that I should go back to my country.",
        ],
        actions: &[
            "Anti-racism training for all staff and volunteers at the {site}.",
            "Review how places on the housing list are offered, for equal access.",
            "Add anti-discrimination commitments to the volunteer agreement.",
        ],
    },
    Category {
        id: "privacy",
        weight: 8,
        rights: &["privacy", "confidentiality-limits", "file"],
        items: &["ethics.confidentiality", "ethics.informed-consent"],
        issue: "personal information was disclosed without the client's consent",
        narratives: &[
            "My neighbour knew about my refugee claim. She says she heard it from someone at the {site}.",
            "The counsellor discussed my case on the phone in the waiting room where everybody could hear.",
            "I received an email with another client's documents attached.",
            "A staff member asked about my immigration status in front of my employer at a job fair.",
        ],
        actions: &[
            "Privacy refresher training; no client calls in the waiting room.",
            "A second check of attachments before documents are emailed to clients.",
            "Update the consent form and explain it at intake in the client's language.",
        ],
    },
    Category {
        id: "fees",
        weight: 6,
        rights: &["information", "complaint"],
        items: &["ethics.no-payment", "scope.legal-limits"],
        issue: "a payment was asked for a service that is always free",
        narratives: &[
            "A person at the {site} asked me for $200 to fill my permanent residence forms faster.",
            "I was told I had to pay for the language assessment, but my friend says it is free.",
            "Someone who said he worked with your agency charged me to prepare my refugee hearing.",
            "I was asked to pay for a letter confirming my attendance in {program}.",
        ],
        actions: &[
            "Post notices in nine languages at every site: our services are free.",
            "Warn clients through community partners about people charging for our services.",
            "Review who may help clients with immigration forms (section 91 of IRPA).",
        ],
    },
    Category {
        id: "accessibility",
        weight: 8,
        rights: &["respect", "information"],
        items: &["knowledge.client-centred-skills", "scope.defined"],
        issue: "the accommodation the client needed was not provided",
        narratives: &[
            "I use a wheelchair and the ramp at the {site} was blocked for weeks.",
            "I am hard of hearing and nobody offered me another way to communicate.",
            "The {program} classes are only in the morning and I work nights; no other time was offered.",
            "The forms are only in small print and I cannot read them.",
        ],
        actions: &[
            "Keep the ramp clear: add it to the daily opening checklist at the {site}.",
            "Offer evening or online {program} sessions.",
            "Large-print and audio versions of the intake forms.",
        ],
    },
];

const OUTCOMES_WANTED: [&str; 7] = [
    "An apology and a new appointment.",
    "An interpreter at my next appointments.",
    "I want to know what happened to my file.",
    "Please make sure this does not happen to other people.",
    "I would like to be served by another worker.",
    "My money back.",
    "A written explanation.",
];

const CLIENT_NAMES: [(&str, [&str; 4]); 9] = [
    (
        "en",
        [
            "Grace Thompson",
            "Michael Chen",
            "Joy Okonkwo",
            "Nimmi Perera",
        ],
    ),
    (
        "fr",
        [
            "Aminata Diallo",
            "Jean-Baptiste Mukendi",
            "Fatou Ndiaye",
            "Marie-Claire Habimana",
        ],
    ),
    (
        "ar",
        [
            "Layla Haddad",
            "Omar Khatib",
            "Rania Saleh",
            "Yousef Darwish",
        ],
    ),
    (
        "fa",
        [
            "Maryam Rahimi",
            "Reza Ahmadi",
            "Shirin Mohammadi",
            "Ali Hosseini",
        ],
    ),
    (
        "es",
        [
            "Lucia Hernandez",
            "Carlos Mejia",
            "Valentina Rojas",
            "Jose Ramirez",
        ],
    ),
    (
        "uk",
        [
            "Oksana Shevchenko",
            "Andrii Bondarenko",
            "Iryna Melnyk",
            "Taras Kovalchuk",
        ],
    ),
    (
        "prs",
        [
            "Zahra Noori",
            "Ahmad Wali Sultani",
            "Fereshta Karimi",
            "Nabi Azizi",
        ],
    ),
    (
        "ti",
        [
            "Selam Gebremedhin",
            "Yonas Tesfamariam",
            "Helen Berhane",
            "Dawit Kidane",
        ],
    ),
    (
        "so",
        [
            "Hodan Warsame",
            "Abdirahman Farah",
            "Asha Mohamed",
            "Ilhan Abdi",
        ],
    ),
];

/// Fills `{site}`, `{program}`, `{lang}`, `{day}`, `{weeks}` and `{issue}`.
struct Vars {
    site: &'static str,
    program: &'static str,
    lang: &'static str,
    issue: &'static str,
}

impl Vars {
    fn fill(&self, rng: &mut Rng, template: &str) -> String {
        const DAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
        let mut s = template
            .replace("{site}", self.site)
            .replace("{program}", self.program)
            .replace("{lang}", self.lang)
            .replace("{issue}", self.issue);
        if s.contains("{day}") {
            s = s.replace("{day}", one(rng, &DAYS));
        }
        if s.contains("{weeks}") {
            s = s.replace("{weeks}", &rng.random_range(5..=14).to_string());
        }
        s
    }

    fn pick(&self, rng: &mut Rng, templates: &[&str]) -> String {
        let t = one(rng, templates);
        self.fill(rng, t)
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A reviewer who is not excluded.
fn reviewer_but(rng: &mut Rng, excluded: &[usize]) -> usize {
    let pool: Vec<usize> = REVIEWERS
        .into_iter()
        .filter(|r| !excluded.contains(r))
        .collect();
    one(rng, &pool)
}

fn other_chair(chair: usize) -> usize {
    if chair == CHAIRS[0] {
        CHAIRS[1]
    } else {
        CHAIRS[0]
    }
}

/// One complaint's path, steps in any order (the caller sorts them by time).
fn script(cal: &Cal, rng: &mut Rng, filed: Timestamp, channel: Channel) -> Vec<(Timestamp, Step)> {
    let lang = weighted(rng, &LANGUAGES.map(|l| ((l.0, l.2), l.1)));
    let (lang_id, lang_name) = lang;
    let mut category = &CATEGORIES[weighted(
        rng,
        &std::array::from_fn::<_, 8, _>(|i| (i, CATEGORIES[i].weight)),
    )];
    if category.id == "interpreter_access" && matches!(lang_id, "en" | "fr") {
        category = &CATEGORIES[0];
    }
    let program = PROGRAMS[weighted(rng, &std::array::from_fn::<_, 6, _>(|i| (i, PROGRAMS[i].2)))];
    let site = weighted(rng, &SITES.map(|s| (s, s.2)));
    let vars = Vars {
        site: site.1,
        program: program.1,
        lang: lang_name,
        issue: category.issue,
    };
    let anonymous = rng.random_bool(match channel {
        Channel::Web => 0.40,
        Channel::Phone | Channel::Email => 0.20,
        Channel::InPerson => 0.15,
        Channel::Referral => 0.05,
    });
    // Complaints about conduct or discrimination sometimes name the person; a few others too.
    let names_staff = rng.random_bool(match category.id {
        "staff_conduct" => 0.45,
        "discrimination" => 0.25,
        _ => 0.01,
    });
    let named: Vec<usize> = if names_staff {
        vec![one(rng, &[0, 1, 2, 3, 4, 5, 6, 7])]
    } else {
        vec![]
    };
    let free: Vec<usize> = INTAKE.into_iter().filter(|i| !named.contains(i)).collect();
    let intake = one(rng, &free);
    let chair = one(rng, &CHAIRS);
    let conflicted = |s: usize, extra: &[usize]| named.contains(&s) || extra.contains(&s);

    // The form.
    let names = CLIENT_NAMES
        .iter()
        .find(|(l, _)| *l == lang_id)
        .map(|(_, n)| n)
        .expect("names for every language");
    let name = one(rng, names);
    let email = format!(
        "{}{}@{}",
        name.to_lowercase().replace([' ', '-'], "."),
        rng.random_range(1..99),
        one_str(rng, &["example.com", "example.org", "example.net"])
    );
    let phone = format!(
        "({}) 555-01{:02}",
        one_str(rng, &["416", "647", "437", "905"]),
        rng.random_range(0..100)
    );
    let preference = if anonymous {
        weighted(
            rng,
            &[
                (ContactPreference::None, 75),
                (ContactPreference::Email, 25),
            ],
        )
    } else {
        weighted(
            rng,
            &[
                (ContactPreference::Email, 35),
                (ContactPreference::Phone, 35),
                (ContactPreference::TextMessage, 20),
                (ContactPreference::InPerson, 10),
            ],
        )
    };
    let mut accommodations = Vec::new();
    let interpreter = !matches!(lang_id, "en" | "fr") && rng.random_bool(0.8);
    if interpreter {
        accommodations.push(Accommodation::Interpreter);
    }
    for (a, p) in [
        (Accommodation::AccessibleFormat, 0.03),
        (Accommodation::SupportPerson, 0.05),
        (Accommodation::FlexibleMeeting, 0.06),
    ] {
        if rng.random_bool(p) {
            accommodations.push(a);
        }
    }
    let cites_rights = rng.random_bool(0.6);
    let form = ComplaintForm {
        channel: Some(channel),
        language: lang_id.into(),
        anonymous,
        name: (!anonymous).then(|| name.to_string()),
        email: (!anonymous || preference == ContactPreference::Email).then(|| email.clone()),
        phone: (!anonymous && preference != ContactPreference::Email).then(|| phone.clone()),
        program: program.0.into(),
        site: site.0.into(),
        service_stream: rng
            .random_bool(0.85)
            .then(|| one(rng, program.3).to_string()),
        rights: if cites_rights {
            some_of(rng, category.rights, 2)
        } else {
            vec![]
        },
        what_happened: vars.pick(rng, category.narratives),
        outcome_wanted: rng
            .random_bool(0.8)
            .then(|| one_str(rng, &OUTCOMES_WANTED).to_string()),
        contact_preference: Some(preference),
        accommodations,
        interpreter_language: interpreter.then(|| lang_id.to_string()),
        consent_handle: true,
        consent_contact: preference != ContactPreference::None,
        named_staff: vec![],
    };
    let mut steps = vec![(
        filed,
        Step::File {
            by: (channel != Channel::Web).then_some(intake),
            form: Box::new(form),
            named: named.clone(),
        },
    )];

    // Before the decision: one sequence.
    let mut pre: Vec<(Timestamp, Step)> = Vec::new();
    let mut cur = filed;
    let returns = rng.random_bool(if anonymous { 0.35 } else { 0.15 });
    if returns && rng.random_bool(0.4) {
        let text = one_str(rng, &CLIENT_INFO);
        pre.push((
            cal.client(rng, &mut cur, 0..=3),
            Step::AddInformation(vars.fill(rng, text)),
        ));
    }
    let acknowledger = if rng.random_bool(0.85) { intake } else { chair };
    let ack_days = weighted(
        rng,
        &[(0, 45), (1, 30), (2, 15), (3, 4), (4, 3), (5, 2), (7, 1)],
    );
    let note = rng.random_bool(0.6).then(|| {
        if lang_id == "fr" {
            "Merci pour votre plainte. Nous l'avons reçue et nous vous répondrons dans les 30 jours.".to_string()
        } else {
            vars.pick(rng, &ACK_NOTES)
        }
    });
    // Intake works through the new complaints in order: never within half an hour.
    cur += SignedDuration::from_mins(rng.random_range(30..=180));
    pre.push((
        cal.staff(rng, &mut cur, ack_days..=ack_days),
        Step::Acknowledge {
            by: acknowledger,
            note,
        },
    ));
    if rng.random_bool(0.4) {
        pre.push((
            cal.staff(rng, &mut cur, 0..=0),
            Step::View {
                by: intake,
                purpose: Purpose::Handling,
            },
        ));
    }
    let sensitive_kind = matches!(category.id, "discrimination" | "staff_conduct" | "privacy");
    let urgency = weighted(
        rng,
        &if sensitive_kind {
            [
                (Urgency::Routine, 60),
                (Urgency::Priority, 30),
                (Urgency::Urgent, 10),
            ]
        } else {
            [
                (Urgency::Routine, 85),
                (Urgency::Priority, 13),
                (Urgency::Urgent, 2),
            ]
        },
    );
    let triage_rights = some_of(rng, category.rights, 2);
    let triage_items = some_of(rng, category.items, 2);
    let triage_days = u32::from(rng.random_bool(0.3));
    pre.push((
        cal.staff(rng, &mut cur, triage_days..=triage_days),
        Step::Triage {
            by: if rng.random_bool(0.85) { intake } else { chair },
            category: category.id,
            rights: triage_rights.clone(),
            items: triage_items.clone(),
            urgency,
            sensitive: !named.is_empty() || (sensitive_kind && rng.random_bool(0.4)),
        },
    ));
    let assign_days = weighted(
        rng,
        &[
            (0, 20),
            (1, 20),
            (2, 15),
            (3, 15),
            (4, 10),
            (5, 8),
            (6, 6),
            (8, 6),
        ],
    );
    let mut reviewer = reviewer_but(rng, &named);
    pre.push((
        cal.staff(rng, &mut cur, assign_days..=assign_days),
        Step::Assign {
            by: if rng.random_bool(0.6) { intake } else { chair },
            reviewer,
        },
    ));
    pre.push((
        cal.staff(rng, &mut cur, 0..=2),
        Step::View {
            by: reviewer,
            purpose: Purpose::Handling,
        },
    ));
    let mut recused = Vec::new();
    if rng.random_bool(0.07) {
        let conflict = weighted(
            rng,
            &[
                (ConflictKind::Relationship, 40),
                (ConflictKind::Reporting, 25),
                (ConflictKind::Involved, 25),
                (ConflictKind::Other, 10),
            ],
        );
        let reason = match conflict {
            ConflictKind::Relationship => "I know the client's family well from my community.",
            ConflictKind::Reporting => "I supervise the staff member whose work is concerned.",
            ConflictKind::Involved => "I was at the appointment the complaint is about.",
            ConflictKind::Other => "I am helping the client's spouse with another file.",
        };
        pre.push((
            cal.staff(rng, &mut cur, 0..=0),
            Step::Recuse {
                by: if rng.random_bool(0.85) {
                    reviewer
                } else {
                    chair
                },
                staff: reviewer,
                conflict,
                reason: reason.into(),
            },
        ));
        recused.push(reviewer);
        let mut excluded = named.clone();
        excluded.push(reviewer);
        reviewer = reviewer_but(rng, &excluded);
        pre.push((
            cal.staff(rng, &mut cur, 0..=2),
            Step::Assign {
                by: chair,
                reviewer,
            },
        ));
        pre.push((
            cal.staff(rng, &mut cur, 0..=1),
            Step::View {
                by: reviewer,
                purpose: Purpose::Handling,
            },
        ));
    }
    if rng.random_bool(0.2) {
        let by = one(rng, &[reviewer, reviewer, chair, intake]);
        pre.push((
            cal.staff(rng, &mut cur, 0..=3),
            Step::Message {
                by: By::Staff(by),
                audience: Audience::Committee,
                body: vars.pick(rng, &COMMITTEE_NOTES),
            },
        ));
    }
    if rng.random_bool(0.3) {
        pre.push((
            cal.staff(rng, &mut cur, 1..=4),
            Step::Message {
                by: By::Staff(reviewer),
                audience: Audience::Client,
                body: vars.pick(rng, &TO_CLIENT),
            },
        ));
        if returns || rng.random_bool(0.4) {
            pre.push((
                cal.client(rng, &mut cur, 0..=5),
                Step::Message {
                    by: By::Client,
                    audience: Audience::Client,
                    body: vars.pick(rng, &FROM_CLIENT),
                },
            ));
        }
    }
    if rng.random_bool(0.12) {
        pre.push((
            cal.staff(rng, &mut cur, 1..=5),
            Step::Pause {
                by: reviewer,
                reason: vars.pick(rng, &PAUSE_REASONS),
            },
        ));
        let answered = returns || rng.random_bool(0.6);
        if answered {
            pre.push((
                cal.client(rng, &mut cur, 2..=12),
                Step::AddInformation(vars.pick(rng, &CLIENT_INFO)),
            ));
        }
        let wait = if answered {
            rng.random_range(0..=2)
        } else {
            rng.random_range(8..=14)
        };
        pre.push((
            cal.staff(rng, &mut cur, wait..=wait),
            Step::Resume { by: reviewer },
        ));
    }
    if returns && rng.random_bool(0.3) {
        pre.push((
            cal.client(rng, &mut cur, 1..=10),
            Step::AddInformation(vars.pick(rng, &CLIENT_INFO)),
        ));
    }

    // About one in twenty withdraws before a decision.
    if rng.random_bool(0.05) {
        let keep = rng.random_range(0..=pre.len());
        pre.truncate(keep);
        let mut cur = pre.last().map_or(filed, |s| s.0);
        let by_client = rng.random_bool(0.75);
        let at = if by_client {
            cal.client(rng, &mut cur, 1..=10)
        } else {
            cal.staff(rng, &mut cur, 1..=5)
        };
        steps.extend(pre);
        steps.push((
            at,
            Step::Withdraw(if by_client {
                By::Client
            } else {
                By::Staff(intake)
            }),
        ));
        if rng.random_bool(0.35) {
            steps.push((
                cal.client(rng, &mut cur, 2..=20),
                Step::Satisfaction(satisfaction(rng, None)),
            ));
        }
        if rng.random_bool(0.04) {
            steps.push((cal.client(rng, &mut cur, 5..=60), Step::RequestErasure));
        }
        return steps;
    }
    steps.extend(pre);

    // Findings and the decision.
    let outcome = weighted(
        rng,
        &[
            (Outcome::Upheld, 25),
            (Outcome::PartlyUpheld, 20),
            (Outcome::NotUpheld, 30),
            (Outcome::ResolvedEarly, 15),
            (Outcome::ReferredOutOfScope, 5),
        ],
    );
    let days_to_decide = match outcome {
        Outcome::ResolvedEarly => rng.random_range(4..=15),
        Outcome::ReferredOutOfScope => rng.random_range(3..=12),
        _ => weighted(rng, &[(0, 70), (1, 25), (2, 5)]),
    };
    let days_to_decide = match (outcome, days_to_decide) {
        (Outcome::ResolvedEarly | Outcome::ReferredOutOfScope, d) => d,
        (_, 0) => rng.random_range(10..=28),
        (_, 1) => rng.random_range(29..=45),
        _ => rng.random_range(46..=90),
    };
    let target = add_days(cal.date(filed), days_to_decide);
    let substantiated: Vec<bool> = match outcome {
        Outcome::Upheld => vec![true; rng.random_range(1..=2)],
        Outcome::PartlyUpheld if rng.random_bool(0.7) => vec![true, false],
        Outcome::PartlyUpheld => vec![true],
        Outcome::ResolvedEarly => vec![rng.random_bool(0.5)],
        _ => vec![false],
    };
    let mut finding_authors = vec![reviewer];
    let mut items = triage_items.clone();
    if outcome == Outcome::ReferredOutOfScope {
        items = vec!["scope.referrals".into()];
    }
    for (k, s) in substantiated.iter().enumerate() {
        let by = if k > 0 && rng.random_bool(0.3) {
            chair
        } else {
            reviewer
        };
        finding_authors.push(by);
        let at = if k == 0 {
            cal.staff_on(rng, &mut cur, target)
        } else {
            cal.staff(rng, &mut cur, 0..=2)
        };
        steps.push((
            at,
            Step::Finding {
                by,
                rights: triage_rights.clone(),
                items: items.clone(),
                substantiated: *s,
                summary: finding_summary(rng, &vars, *s, outcome),
            },
        ));
    }
    let decider = if rng.random_bool(0.85) {
        reviewer
    } else {
        chair
    };
    let decided = cal.staff(rng, &mut cur, 0..=3);
    steps.push((
        decided,
        Step::Decide {
            by: decider,
            outcome,
            remedy: remedy(rng, &vars, outcome),
            reasons: decision_reasons(rng, &vars, outcome),
        },
    ));
    let mut participants = finding_authors.clone();
    participants.push(decider);

    // Corrective actions, each on its own timeline.
    let mut actions = 0u32;
    let mut settled = decided;
    let action_count = match outcome {
        Outcome::Upheld if rng.random_bool(0.85) => rng.random_range(1..=3),
        Outcome::PartlyUpheld if rng.random_bool(0.7) => rng.random_range(1..=2),
        _ => 0,
    };
    let mut opener = decided;
    for _ in 0..action_count {
        actions += 1;
        let by = if rng.random_bool(0.8) {
            reviewer
        } else {
            chair
        };
        let open = cal.staff(rng, &mut opener, 0..=1);
        let plan = ActionPlan {
            number: actions,
            by,
            owner: action_owner(rng, |s| conflicted(s, &recused)),
            open,
            item: rng
                .random_bool(0.7)
                .then(|| triage_items[rng.random_range(0..triage_items.len())].clone()),
            description: vars.pick(rng, category.actions),
            may_waive: true,
        };
        let end = action_path(cal, rng, &mut steps, plan);
        settled = settled.max(end);
    }
    let mut close_cursor = settled;
    let mut close = cal.staff(rng, &mut close_cursor, 1..=5);

    // An appeal, within the window.
    let appeal_chance = match outcome {
        Outcome::NotUpheld => 0.14,
        Outcome::PartlyUpheld | Outcome::ReferredOutOfScope => 0.10,
        Outcome::Upheld => 0.03,
        _ => 0.02,
    };
    let mut closes = vec![];
    let appealed = rng.random_bool(appeal_chance);
    if appealed {
        let mut c = decided;
        let filed_appeal = cal.client(rng, &mut c, 3..=25);
        steps.push((
            filed_appeal,
            Step::Appeal(one_str(rng, &APPEAL_GROUNDS).into()),
        ));
        let mut excluded = participants.clone();
        excluded.extend(&named);
        excluded.extend(&recused);
        let appeal_reviewer = reviewer_but(rng, &excluded);
        steps.push((
            cal.staff(rng, &mut c, 1..=3),
            Step::AssignAppeal {
                by: chair,
                reviewer: appeal_reviewer,
            },
        ));
        steps.push((
            cal.staff(rng, &mut c, 0..=2),
            Step::View {
                by: appeal_reviewer,
                purpose: Purpose::Appeal,
            },
        ));
        let appeal_outcome = weighted(
            rng,
            &[
                (AppealOutcome::Confirmed, 70),
                (AppealOutcome::Varied, 20),
                (AppealOutcome::Overturned, 10),
            ],
        );
        let date = add_days(cal.date(filed_appeal), rng.random_range(10..=30));
        let mut appeal_end = cal.staff_on(rng, &mut c, date);
        steps.push((
            appeal_end,
            Step::DecideAppeal {
                by: appeal_reviewer,
                outcome: appeal_outcome,
                reasons: one_str(
                    rng,
                    match appeal_outcome {
                        AppealOutcome::Confirmed => &APPEAL_CONFIRMED,
                        AppealOutcome::Varied => &APPEAL_VARIED,
                        AppealOutcome::Overturned => &APPEAL_OVERTURNED,
                    },
                )
                .into(),
            },
        ));
        if appeal_outcome != AppealOutcome::Confirmed && rng.random_bool(0.6) {
            actions += 1;
            let open = cal.staff(rng, &mut c, 0..=2);
            let plan = ActionPlan {
                number: actions,
                by: chair,
                owner: action_owner(rng, |s| conflicted(s, &recused)),
                open,
                item: Some("monitoring.complaints-review".into()),
                description: "Review how the first decision was reached and share the lessons \
                              with the committee."
                    .into(),
                may_waive: false,
            };
            let end = action_path(cal, rng, &mut steps, plan);
            appeal_end = appeal_end.max(end);
        }
        let mut c = appeal_end.max(if filed_appeal < close {
            settled
        } else {
            appeal_end
        });
        let after = cal.staff(rng, &mut c, 1..=3);
        if filed_appeal < close {
            // Appealed before closure: the case closes once the appeal is decided.
            close = after;
        } else {
            closes.push(after);
        }
    }
    closes.insert(0, close);
    for at in &closes {
        steps.push((*at, Step::Close { by: chair }));
    }

    // The client's answers, and audits, while the case is decided or closed.
    // Anonymous clients who never came back rarely answer the satisfaction questions.
    if rng.random_bool(if anonymous && !returns { 0.15 } else { 0.5 }) {
        let mut c = decided;
        steps.push((
            cal.client(rng, &mut c, 2..=45),
            Step::Satisfaction(satisfaction(rng, Some(outcome))),
        ));
    }
    if rng.random_bool(if anonymous && returns { 0.4 } else { 0.1 }) {
        let mut c = decided;
        steps.push((
            cal.client(rng, &mut c, 1..=20),
            Step::Comment(vars.pick(rng, &CLIENT_COMMENTS)),
        ));
    }
    if rng.random_bool(0.04) {
        let mut c = decided;
        steps.push((
            cal.staff(rng, &mut c, 1..=40),
            Step::View {
                by: AUDITOR,
                purpose: Purpose::Audit,
            },
        ));
    }
    if rng.random_bool(0.015) {
        let mut c = decided;
        steps.push((
            cal.staff(rng, &mut c, 1..=20),
            Step::View {
                by: other_chair(chair),
                purpose: Purpose::Audit,
            },
        ));
    }

    // Rarely, new information reopens a closed case after everything else.
    let mut last = steps.iter().map(|s| s.0).max().unwrap_or(filed);
    if !appealed && rng.random_bool(0.025) {
        let mut c = last;
        let date = add_days(cal.date(last), rng.random_range(10..=60));
        steps.push((
            cal.staff_on(rng, &mut c, date),
            Step::Reopen {
                by: chair,
                reason: one_str(rng, &REOPEN_REASONS).into(),
            },
        ));
        steps.push((
            cal.staff(rng, &mut c, 0..=2),
            Step::View {
                by: reviewer,
                purpose: Purpose::Handling,
            },
        ));
        let substantiated = rng.random_bool(0.5);
        steps.push((
            cal.staff(rng, &mut c, 3..=10),
            Step::Finding {
                by: reviewer,
                rights: triage_rights.clone(),
                items: triage_items.clone(),
                substantiated,
                summary: finding_summary(rng, &vars, substantiated, outcome),
            },
        ));
        let outcome = if substantiated {
            Outcome::PartlyUpheld
        } else {
            Outcome::NotUpheld
        };
        steps.push((
            cal.staff(rng, &mut c, 0..=2),
            Step::Decide {
                by: reviewer,
                outcome,
                remedy: remedy(rng, &vars, outcome),
                reasons: decision_reasons(rng, &vars, outcome),
            },
        ));
        steps.push((cal.staff(rng, &mut c, 1..=3), Step::Close { by: chair }));
        last = c;
    }
    if rng.random_bool(0.025) {
        let mut c = last;
        steps.push((cal.client(rng, &mut c, 3..=90), Step::RequestErasure));
    }
    steps
}

struct ActionPlan {
    number: u32,
    by: usize,
    owner: usize,
    open: Timestamp,
    item: Option<String>,
    description: String,
    may_waive: bool,
}

/// A corrective action from opening to verification (or waiver); returns when it settles.
fn action_path(
    cal: &Cal,
    rng: &mut Rng,
    steps: &mut Vec<(Timestamp, Step)>,
    a: ActionPlan,
) -> Timestamp {
    let opened = cal.date(a.open);
    let mut due = add_days(opened, rng.random_range(14..=56));
    steps.push((
        a.open,
        Step::OpenAction {
            by: a.by,
            owner: a.owner,
            due,
            item: a.item,
            description: a.description,
        },
    ));
    let mut c = a.open;
    if a.may_waive && rng.random_bool(0.12) {
        let date = add_days(opened, rng.random_range(7..=40));
        let at = cal.staff_on(rng, &mut c, date);
        steps.push((
            at,
            Step::WaiveAction {
                by: one(rng, &CHAIRS),
                action: a.number,
                note: one_str(rng, &WAIVE_REASONS).into(),
            },
        ));
        return at;
    }
    if rng.random_bool(0.25) {
        steps.push((
            cal.staff(rng, &mut c, 0..=3),
            Step::View {
                by: a.owner,
                purpose: Purpose::CorrectiveAction,
            },
        ));
    }
    if rng.random_bool(0.15) {
        let moved = rng
            .random_bool(0.4)
            .then(|| add_days(due, rng.random_range(14..=28)));
        let date = add_days(opened, rng.random_range(5..=15));
        steps.push((
            cal.staff_on(rng, &mut c, date),
            Step::UpdateAction {
                by: a.owner,
                action: a.number,
                note: one_str(rng, &ACTION_UPDATES).into(),
                due: moved,
            },
        ));
        due = moved.unwrap_or(due);
    }
    let window = i64::from(opened.until(due).map_or(14, |s| s.get_days())).max(1);
    let done = if rng.random_bool(0.8) {
        add_days(opened, (window as f64 * rng.random_range(0.3..1.0)) as i64)
    } else {
        add_days(due, rng.random_range(3..=60))
    };
    let by = if rng.random_bool(0.9) {
        a.owner
    } else {
        one(rng, &CHAIRS)
    };
    steps.push((
        cal.staff_on(rng, &mut c, done),
        Step::CompleteAction {
            by,
            action: a.number,
            note: one_str(rng, &ACTION_DONE).into(),
        },
    ));
    let verifier = if CHAIRS.contains(&a.owner) {
        other_chair(a.owner)
    } else {
        one(rng, &CHAIRS)
    };
    let at = cal.staff(rng, &mut c, 1..=8);
    steps.push((
        at,
        Step::VerifyAction {
            by: verifier,
            action: a.number,
            note: one_str(rng, &ACTION_VERIFIED).into(),
        },
    ));
    at
}

/// Who owns a corrective action: intake, reviewers or chairs, never someone in conflict.
fn action_owner(rng: &mut Rng, conflicted: impl Fn(usize) -> bool) -> usize {
    loop {
        let pool: &[usize] = weighted(
            rng,
            &[(&INTAKE[..], 30), (&REVIEWERS[..], 40), (&CHAIRS[..], 30)],
        );
        let s = one(rng, pool);
        if !conflicted(s) {
            return s;
        }
    }
}

fn satisfaction(rng: &mut Rng, outcome: Option<Outcome>) -> SatisfactionRecorded {
    let weights: [u32; 5] = match outcome {
        Some(Outcome::Upheld) => [3, 5, 15, 40, 37],
        Some(Outcome::PartlyUpheld) => [5, 10, 30, 35, 20],
        Some(Outcome::NotUpheld) => [25, 30, 25, 15, 5],
        Some(Outcome::ResolvedEarly) => [2, 5, 15, 40, 38],
        Some(_) => [10, 20, 35, 25, 10],
        None => [10, 15, 35, 25, 15],
    };
    let rating = weighted(
        rng,
        &[
            (1u8, weights[0]),
            (2, weights[1]),
            (3, weights[2]),
            (4, weights[3]),
            (5, weights[4]),
        ],
    );
    SatisfactionRecorded {
        explained: rng.random_bool(if outcome == Some(Outcome::NotUpheld) {
            0.7
        } else {
            0.88
        }),
        fair: rng.random_bool(if rating >= 3 { 0.88 } else { 0.4 }),
        rating,
    }
}

fn finding_summary(rng: &mut Rng, vars: &Vars, substantiated: bool, outcome: Outcome) -> String {
    if outcome == Outcome::ReferredOutOfScope {
        return vars.pick(
            rng,
            &[
                "The concern is about a decision by IRCC, which this agency cannot review.",
                "The concern is about the client's landlord, not about our services.",
                "The concern is about a private immigration consultant with no link to the agency.",
            ],
        );
    }
    if substantiated {
        let t = one_str(
            rng,
            &[
                "The appointment log confirms the client's account: {issue}.",
                "The staff interviewed confirmed the events as described; {issue}.",
                "The file shows no record of the required step; {issue}.",
                "The sign-in sheet and a colleague's account support the client: {issue}.",
            ],
        );
        vars.fill(rng, t)
    } else {
        one_str(rng, &[
            "The records do not support the complaint: the notes show the service was given as our policy requires.",
            "The accounts of staff and of the interpretation agency differ from the client's, and no record settles it.",
            "The wait was within the published waiting time for this program.",
            "We could not confirm the events: no record or witness was found.",
        ])
        .into()
    }
}

fn decision_reasons(rng: &mut Rng, vars: &Vars, outcome: Outcome) -> String {
    let t = match outcome {
        Outcome::Upheld => one_str(
            rng,
            &[
                "Your complaint is upheld: {issue}. We apologise, and we are making changes so that it does not happen again.",
                "We agree with your complaint. {Issue}, and this should not have happened.",
            ],
        ),
        Outcome::PartlyUpheld => {
            "Your complaint is partly upheld: {issue}. We did not find evidence for the other points you raised."
        }
        Outcome::NotUpheld => one_str(
            rng,
            &[
                "After reviewing your file and speaking with the staff involved, we did not find that {issue}. You may appeal within 30 days.",
                "We looked carefully at what you told us and at our records. We could not confirm what happened, so the complaint is not upheld. You may appeal within 30 days.",
            ],
        ),
        Outcome::ResolvedEarly => {
            "We spoke with you on {day} and agreed on a solution together. Your complaint is resolved."
        }
        _ => one_str(
            rng,
            &[
                "Your concern is about a decision by IRCC, which we cannot review. We referred you to the community legal clinic and gave you their contact details.",
                "Your concern is outside what our agency does. We referred you to a service that can help and gave you their contact details.",
            ],
        ),
    };
    vars.fill(rng, &t.replace("{Issue}", &capitalized(vars.issue)))
}

fn remedy(rng: &mut Rng, vars: &Vars, outcome: Outcome) -> Option<String> {
    match outcome {
        Outcome::Upheld | Outcome::PartlyUpheld | Outcome::ResolvedEarly => Some(vars.pick(
            rng,
            &[
                "A written apology and a priority appointment within two weeks.",
                "A {lang} interpreter booked for all your future appointments.",
                "A new counsellor assigned to your file, as you asked.",
                "A refund of the fee you paid.",
                "A priority place in the next {program} session.",
            ],
        )),
        _ => None,
    }
}

const ACK_NOTES: [&str; 3] = [
    "Thank you for your complaint. We received it and will answer within 30 days.",
    "We have received your complaint about the {site}. A member of the review committee will contact you.",
    "Thank you for telling us. Your complaint is registered; keep your receipt code to follow it.",
];
const CLIENT_INFO: [&str; 6] = [
    "Here is the letter I received.",
    "The appointment was on a {day} morning, around 10.",
    "I remember the worker's name tag started with M.",
    "I found the receipt for the payment.",
    "My phone number changed; please write to me instead.",
    "My friend was with me and can tell you what happened.",
];
const COMMITTEE_NOTES: [&str; 4] = [
    "Checked the interpreter booking log for that week.",
    "The staff member concerned was told of the complaint and asked for their account.",
    "A similar complaint came in last month from the same site: watch for a pattern.",
    "Spoke with the {site} coordinator; records requested.",
];
const TO_CLIENT: [&str; 3] = [
    "Could you tell us the date of the appointment?",
    "We would like to meet you with a {lang} interpreter. Which days suit you?",
    "Thank you for your patience; we are still looking into your complaint.",
];
const FROM_CLIENT: [&str; 3] = [
    "I can come on {day} afternoon.",
    "Thank you. I can talk by phone after 5 pm.",
    "Please can the interpreter be a woman?",
];
const PAUSE_REASONS: [&str; 4] = [
    "Waiting for the client to send the letter from IRCC.",
    "Waiting for the client to choose a meeting time with a {lang} interpreter.",
    "The client is travelling and asked us to wait until they return.",
    "Waiting for the client's consent to contact the other agency.",
];
const CLIENT_COMMENTS: [&str; 4] = [
    "I do not agree that an interpreter was offered to me. Nobody offered.",
    "Thank you for listening to me.",
    "The summary of my call is not correct: I called twice, not once.",
    "I want it written in my file that I was afraid to complain.",
];
const APPEAL_GROUNDS: [&str; 4] = [
    "Nobody spoke to my witness.",
    "The decision says I was offered an interpreter. That is not true.",
    "I have new documents that were not considered.",
    "I do not think the review looked at what I actually complained about.",
];
const APPEAL_CONFIRMED: [&str; 2] = [
    "The review was fair and complete; the decision stands.",
    "The new documents do not change the facts found; the decision is confirmed.",
];
const APPEAL_VARIED: [&str; 2] = [
    "The decision is changed: the delay in answering you was not explained, and we apologise for it.",
    "The remedy is changed: a priority appointment is added.",
];
const APPEAL_OVERTURNED: [&str; 2] = [
    "The first review did not hear the client's witness. With that account, the complaint is upheld.",
    "The records show the interpreter was never booked. The decision is overturned and the complaint upheld.",
];
const REOPEN_REASONS: [&str; 2] = [
    "The client brought new evidence: a letter from the interpretation agency.",
    "A second complaint about the same events came in; the case is reopened to consider both.",
];
const ACTION_UPDATES: [&str; 3] = [
    "Training booked for the next staff meeting.",
    "Waiting for the contract renewal; due date moved.",
    "Half of the team has been trained so far.",
];
const ACTION_DONE: [&str; 4] = [
    "Done: training held, attendance sheet on file.",
    "Checklist updated and shared with all sites.",
    "Notices posted at all three sites.",
    "New procedure in force and explained to the team.",
];
const ACTION_VERIFIED: [&str; 3] = [
    "Checked the attendance sheet and the updated checklist.",
    "Visited the site: the notices are posted.",
    "Sampled ten files: the new procedure is followed.",
];
const WAIVE_REASONS: [&str; 4] = [
    "Superseded by the agency-wide interpreter policy adopted by the board.",
    "The staff member concerned has left the agency.",
    "The program ended when its funding stopped.",
    "Same as an action opened on another complaint; followed there.",
];

// ---------------------------------------------------------------------------------------------
// Running the scripts through the service.

struct Shared {
    service: Service,
    staff: Vec<Acting>,
    ids: Vec<StaffId>,
}

#[derive(Default)]
struct CaseRun {
    case: Option<CaseId>,
    receipt: Option<ReceiptCode>,
}

/// Runs every script: the earliest pending step first, up to [`CONCURRENCY`] cases at once.
async fn run(shared: &Arc<Shared>, scripts: Vec<Script>) -> Result<(), ServiceError> {
    let mut pending: Vec<std::vec::IntoIter<(Timestamp, Step)>> =
        scripts.into_iter().map(|s| s.steps.into_iter()).collect();
    let mut runs: Vec<Option<CaseRun>> = (0..pending.len())
        .map(|_| Some(CaseRun::default()))
        .collect();
    let mut done = vec![0usize; pending.len()];
    let mut next: Vec<Option<(Timestamp, Step)>> = pending.iter_mut().map(|p| p.next()).collect();
    let mut queue: BinaryHeap<Reverse<(Timestamp, usize)>> = next
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.as_ref().map(|s| Reverse((s.0, i))))
        .collect();
    let mut in_flight = JoinSet::new();
    loop {
        while in_flight.len() < CONCURRENCY
            && let Some(Reverse((_, i))) = queue.pop()
        {
            let (at, step) = next[i].take().expect("a queued step");
            let mut run = runs[i].take().expect("one step of a case at a time");
            let shared = shared.clone();
            let k = done[i];
            in_flight.spawn(async move {
                let result = execute(&shared, &mut run, at, &step).await.map_err(|e| {
                    let case = run.case.map_or("not filed".into(), |c| c.to_string());
                    ServiceError::Input(format!(
                        "demo complaint {i} (case {case}), step {k} ({}) at {at}: {e}",
                        step.name()
                    ))
                });
                (i, run, result)
            });
        }
        let Some(joined) = in_flight.join_next().await else {
            return Ok(());
        };
        let (i, run, result) =
            joined.map_err(|e| ServiceError::Input(format!("a demo step failed: {e}")))?;
        result?;
        runs[i] = Some(run);
        done[i] += 1;
        next[i] = pending[i].next();
        if let Some((at, _)) = &next[i] {
            queue.push(Reverse((*at, i)));
        }
    }
}

fn note(
    service: &Service,
    case: CaseId,
    action: u32,
    text: &str,
) -> Result<ActionNote, ServiceError> {
    Ok(ActionNote {
        action: ActionId(action),
        note: service.seal_for(case, "note", text)?,
    })
}

/// Carries out one step of one case.
async fn execute(
    shared: &Shared,
    run: &mut CaseRun,
    at: Timestamp,
    step: &Step,
) -> Result<(), ServiceError> {
    let s = &shared.service;
    let staff = |i: usize| &shared.staff[i];
    if let Step::File { by, form, named } = step {
        let who = by.map_or_else(|| s.web_intake(), |i| staff(i).clone());
        let mut form = (**form).clone();
        form.named_staff = named.iter().map(|i| shared.ids[*i]).collect();
        let filed = s.file(&who, form, at).await?;
        run.case = Some(filed.case);
        run.receipt = Some(filed.receipt);
        return Ok(());
    }
    let (Some(case), Some(receipt)) = (run.case, run.receipt.as_ref()) else {
        return Err(ServiceError::Input("the complaint was not filed".into()));
    };
    let seal = |field: &str, text: &str| s.seal_for(case, field, text);
    let client = || s.client(receipt).map(|(_, acting)| acting);
    let (who, command) = match step {
        Step::File { .. } => unreachable!("filed above"),
        Step::Acknowledge { by, note } => (
            staff(*by).clone(),
            Command::Acknowledge {
                note: note.as_deref().map(|n| seal("note", n)).transpose()?,
            },
        ),
        Step::Triage {
            by,
            category,
            rights,
            items,
            urgency,
            sensitive,
        } => (
            staff(*by).clone(),
            Command::Triage(Triaged {
                category: (*category).into(),
                rights: rights.clone(),
                framework_items: items.clone(),
                urgency: *urgency,
                sensitive: *sensitive,
            }),
        ),
        Step::Assign { by, reviewer } => (
            staff(*by).clone(),
            Command::AssignReviewer {
                reviewer: shared.ids[*reviewer],
            },
        ),
        Step::Recuse {
            by,
            staff: who,
            conflict,
            reason,
        } => (
            staff(*by).clone(),
            Command::Recuse(Recused {
                staff: shared.ids[*who],
                conflict: *conflict,
                reason: seal("reason", reason)?,
            }),
        ),
        Step::View { by, purpose } => {
            return match s.open_file(staff(*by), case, *purpose, at).await {
                // A case triaged as sensitive is restricted: the attempt of someone outside its
                // handling is refused and recorded (`file.view_refused`), as it would be for
                // them.
                Err(crate::service::ServiceError::Rule(
                    recourse_projections::rule::RuleError::Restricted,
                )) => Ok(()),
                other => other.map(|_| ()),
            };
        }
        Step::Message { by, audience, body } => (
            match by {
                By::Staff(i) => staff(*i).clone(),
                By::Client => client()?,
            },
            Command::PostMessage(MessagePosted {
                audience: *audience,
                body: seal("body", body)?,
            }),
        ),
        Step::AddInformation(text) => (
            client()?,
            Command::AddInformation(ClientText {
                text: seal("text", text)?,
            }),
        ),
        Step::Comment(text) => (
            client()?,
            Command::Comment(ClientText {
                text: seal("text", text)?,
            }),
        ),
        Step::Pause { by, reason } => (
            staff(*by).clone(),
            Command::PauseClock(ClockPaused {
                reason: seal("reason", reason)?,
            }),
        ),
        Step::Resume { by } => (staff(*by).clone(), Command::ResumeClock),
        Step::Finding {
            by,
            rights,
            items,
            substantiated,
            summary,
        } => (
            staff(*by).clone(),
            Command::RecordFinding(FindingRecorded {
                rights: rights.clone(),
                framework_items: items.clone(),
                substantiated: *substantiated,
                summary: seal("summary", summary)?,
            }),
        ),
        Step::Decide {
            by,
            outcome,
            remedy,
            reasons,
        } => (
            staff(*by).clone(),
            Command::Decide(DecisionIssued {
                outcome: *outcome,
                remedy: remedy.as_deref().map(|r| seal("remedy", r)).transpose()?,
                reasons: seal("reasons", reasons)?,
            }),
        ),
        Step::OpenAction {
            by,
            owner,
            due,
            item,
            description,
        } => (
            staff(*by).clone(),
            Command::OpenAction {
                owner: shared.ids[*owner],
                due: *due,
                framework_item: item.clone(),
                description: seal("description", description)?,
            },
        ),
        Step::UpdateAction {
            by,
            action,
            note,
            due,
        } => (
            staff(*by).clone(),
            Command::UpdateAction(ActionUpdated {
                action: ActionId(*action),
                note: seal("note", note)?,
                due: *due,
            }),
        ),
        Step::CompleteAction {
            by,
            action,
            note: n,
        } => (
            staff(*by).clone(),
            Command::CompleteAction(note(s, case, *action, n)?),
        ),
        Step::VerifyAction {
            by,
            action,
            note: n,
        } => (
            staff(*by).clone(),
            Command::VerifyAction(note(s, case, *action, n)?),
        ),
        Step::WaiveAction {
            by,
            action,
            note: n,
        } => (
            staff(*by).clone(),
            Command::WaiveAction(note(s, case, *action, n)?),
        ),
        Step::Close { by } => (staff(*by).clone(), Command::Close),
        Step::Satisfaction(answer) => (client()?, Command::RecordSatisfaction(answer.clone())),
        Step::Appeal(grounds) => (
            client()?,
            Command::Appeal(AppealFiled {
                grounds: seal("grounds", grounds)?,
            }),
        ),
        Step::AssignAppeal { by, reviewer } => (
            staff(*by).clone(),
            Command::AssignAppealReviewer {
                reviewer: shared.ids[*reviewer],
            },
        ),
        Step::DecideAppeal {
            by,
            outcome,
            reasons,
        } => (
            staff(*by).clone(),
            Command::DecideAppeal(AppealDecided {
                outcome: *outcome,
                reasons: seal("reasons", reasons)?,
            }),
        ),
        Step::Reopen { by, reason } => (
            staff(*by).clone(),
            Command::Reopen(Reopened {
                reason: seal("reason", reason)?,
            }),
        ),
        Step::Withdraw(by) => (
            match by {
                By::Staff(i) => staff(*i).clone(),
                By::Client => client()?,
            },
            Command::Withdraw,
        ),
        Step::RequestErasure => {
            s.request_erasure(receipt, at).await?;
            return Ok(());
        }
    };
    s.act(&who, case, command, at).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    /// Every step of every script of a plan, written out (the form in full: its `Debug` hides
    /// the client's words) and hashed.
    fn fingerprint(complaints: usize, seed: u64) -> String {
        let clocks = Clocks::from_settings(&settings()).unwrap();
        let cal = Cal {
            tz: clocks.time_zone().clone(),
            cal: clocks.calendar().clone(),
        };
        let now: Timestamp = "2026-03-11T16:30:00Z".parse().unwrap();
        let options = DemoOptions {
            complaints,
            seed,
            days: 730,
            now: Some(now),
        };
        let started = now - SignedDuration::from_hours(24 * options.days);
        let mut h = Sha256::new();
        let mut steps = 0usize;
        for script in plan(&cal, &options, started, now) {
            for (at, step) in &script.steps {
                steps += 1;
                let text = match step {
                    Step::File { by, form, named } => format!(
                        "{at} file {by:?} {named:?} {}",
                        serde_json::to_string(form).unwrap()
                    ),
                    other => format!("{at} {other:?}"),
                };
                h.update(text.as_bytes());
                h.update(b"\n");
            }
        }
        format!("{steps} {}", hex::encode(h.finalize()))
    }

    /// Pinned before the demo was split into modules and its texts moved to a data file: the
    /// same seed gives the very same plan, step for step and word for word.
    #[test]
    fn a_seed_gives_the_same_plan_as_before() {
        assert_eq!(
            fingerprint(60, 3),
            "692 0b58f75f5017d0d7dfcbcf93efac5736077cecbc0798ca43fb19d6cc180c52c8"
        );
    }
}
