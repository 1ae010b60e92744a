//! The committee's work queue: open cases, most pressing first, with service-level badges, and
//! filters that work without JavaScript (a GET form).

use std::collections::HashMap;

use askama::Template;
use jiff::civil::Date;
use recourse_events::ids::StaffId;
use recourse_events::org::{EscalationRoute, Named};
use recourse_projections::clock::Clocks;
use recourse_projections::queue::{Deadline, QueueFilter, QueueRow, queue as rows};

use super::layout::Layout;
use super::render;
use crate::service::case_reader::{may_read, reads_cases};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::i18n::Tr;
use crate::web::router::Ctx;

/// Rows shown at most (the count says how many matched).
const MAX_ROWS: usize = 300;

/// A row as shown.
pub struct Row {
    /// Case id.
    pub id: String,
    /// Short number (`2026-0007`), said on the phone.
    pub number: String,
    /// Short reference (end of the id: its start is a timestamp, alike for neighbours).
    pub short: String,
    /// Status words.
    pub status: String,
    /// Filed (local date).
    pub filed: String,
    /// Channel words.
    pub channel: String,
    /// Language code.
    pub language: String,
    /// Interpreter asked for.
    pub interpreter: bool,
    /// Program name.
    pub program: String,
    /// Urgency words.
    pub urgency: String,
    /// Restricted handling.
    pub sensitive: bool,
    /// Escalated, and to whom, in words (empty when not escalated).
    pub escalated: String,
    /// Owner name, or "intake".
    pub owner: String,
    /// Due dates and flags.
    pub ack_due: String,
    /// Acknowledgement late.
    pub ack_late: bool,
    /// Decision due.
    pub decide_due: String,
    /// Decision late.
    pub decide_late: bool,
    /// Paused.
    pub paused: bool,
    /// Outstanding actions.
    pub actions: usize,
    /// Overdue actions.
    pub actions_late: usize,
}

#[derive(Template)]
#[template(path = "staff/queue.html")]
struct Queue {
    l: Layout,
    rows: Vec<Row>,
    total: usize,
    f: QueueFilter,
    mine: bool,
    /// The search typed, if any.
    search: String,
    statuses: Vec<(String, String)>,
    programs: Vec<(String, String)>,
    sites: Vec<(String, String)>,
}

impl Queue {
    fn status_selected(&self, s: &str) -> bool {
        self.f.status.iter().any(|x| x == s)
    }

    fn is(&self, a: &Option<String>, b: &str) -> bool {
        a.as_deref() == Some(b)
    }
}

/// What the rows are shown with: the page's language, names, programs and the clocks.
struct Shown<'a> {
    tr: &'a Tr,
    /// Where escalated cases go, in words.
    escalation: String,
    names: &'a HashMap<StaffId, String>,
    programs: &'a [Named],
    clocks: &'a Clocks,
}

impl Shown<'_> {
    /// One row, in words.
    fn row(&self, r: &QueueRow) -> Row {
        let tr = self.tr;
        let id = r.case.to_string();
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let ack = r.next_deadline == Some(Deadline::Acknowledge);
        let decide = r.next_deadline == Some(Deadline::Decide);
        let program =
            recourse_events::org::display_name(self.programs, &r.program, tr.lang).to_string();
        Row {
            number: r.number.clone(),
            short: id
                .get(id.len().saturating_sub(8)..)
                .unwrap_or(&id)
                .to_string(),
            id,
            status: tr.t(&format!("staff-status-{}", r.status.replace(' ', "-"))),
            filed: self.clocks.local_date(r.filed_at).to_string(),
            channel: tr.t(&format!("channel-{}", r.channel.as_str())),
            language: super::case::language_name(&r.language),
            interpreter: r.interpreter,
            program,
            urgency: r
                .urgency
                .map(|u| tr.t(&format!("urgency-{}", snake(u))))
                .unwrap_or_default(),
            sensitive: r.sensitive,
            escalated: if r.escalated {
                self.escalation.clone()
            } else {
                String::new()
            },
            owner: r
                .owner
                .and_then(|o| self.names.get(&o).cloned())
                .unwrap_or_else(|| tr.t("queue-owner-intake")),
            // Only the next deadline still to meet: none once decided, closed or withdrawn.
            ack_due: date(r.clocks.acknowledge_due.filter(|_| ack)),
            ack_late: ack && r.clocks.acknowledge_overdue,
            decide_due: date(r.clocks.decide_due.filter(|_| decide)),
            decide_late: decide && r.clocks.decide_overdue,
            paused: r.clocks.paused,
            actions: r.outstanding_actions,
            actions_late: r.clocks.overdue_actions,
        }
    }
}

fn snake<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The statuses the filter offers, with their words.
fn statuses(tr: &Tr) -> Vec<(String, String)> {
    [
        "filed",
        "acknowledged",
        "under review",
        "decided",
        "under appeal",
        "closed",
        "withdrawn",
        "erased",
    ]
    .iter()
    .map(|s| {
        (
            s.to_string(),
            tr.t(&format!("staff-status-{}", s.replace(' ', "-"))),
        )
    })
    .collect()
}

/// The queue page.
pub fn queue(ctx: &Ctx) -> Result<Response, WebError> {
    let session = ctx.staff()?;
    let me = session.staff;
    if !ctx.app.service.read(|m| reads_cases(m.org(), me)) {
        return Err(WebError::Forbidden(ctx.tr.t("error-role")));
    }
    let q = ctx.req.query();
    let mine = q.checked("mine");
    let filter = QueueFilter {
        owner: mine.then_some(session.staff),
        status: q.all("status").into_iter().map(String::from).collect(),
        overdue: q.checked("overdue"),
        program: q.get("program").map(String::from),
        site: q.get("site").map(String::from),
        urgent: q.checked("urgent"),
        found: None,
    };
    let search = q.get("q").unwrap_or_default().trim().to_string();
    let mut filter = filter;
    if !search.is_empty() {
        filter.found = Some(ctx.app.service.read(|m| m.find_cases(&search)));
    }
    let names = ctx.app.service.staff_names();
    let now = ctx.app.service.now();
    let (all, programs, sites, clocks, route): (Vec<QueueRow>, _, _, _, _) =
        ctx.app.service.read(|m| {
            let s = &m.org().settings;
            let readable = m.cases().filter(|c| may_read(m.org(), c, me).is_ok());
            (
                rows(readable, m.clocks(), &filter, now),
                s.programs.clone(),
                s.sites.clone(),
                m.clocks().clone(),
                s.escalation_route(),
            )
        });
    let shown = Shown {
        tr: &ctx.tr,
        escalation: escalation_words(&ctx.tr, route, &names),
        names: &names,
        programs: &programs,
        clocks: &clocks,
    };
    let page = Queue {
        l: Layout::new(ctx, "queue-title"),
        total: all.len(),
        rows: all.iter().take(MAX_ROWS).map(|r| shown.row(r)).collect(),
        f: filter,
        mine,
        search,
        statuses: statuses(&ctx.tr),
        programs: programs
            .iter()
            .map(|p| (p.id.clone(), p.name_in(ctx.tr.lang).to_string()))
            .collect(),
        sites: sites
            .iter()
            .map(|p| (p.id.clone(), p.name_in(ctx.tr.lang).to_string()))
            .collect(),
    };
    render(page)
}

/// To whom escalated cases go, in words: the board, or the external reviewer by name (staff
/// see staff names).
pub fn escalation_words(
    tr: &Tr,
    route: EscalationRoute,
    names: &HashMap<StaffId, String>,
) -> String {
    match route {
        EscalationRoute::Board => tr.t("escalated-to-board"),
        EscalationRoute::External(s) => tr.t_args(
            "escalated-to-external",
            &[(
                "name",
                names.get(&s).map(String::as_str).unwrap_or_default(),
            )],
        ),
    }
}
