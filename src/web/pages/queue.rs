//! The committee's work queue: open cases, most pressing first, with service-level badges, and
//! filters that work without JavaScript (a GET form).

use askama::Template;
use recourse_events::org::Role;
use recourse_projections::queue::{QueueFilter, QueueRow, queue as rows};

use super::layout::Layout;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// Rows shown at most (the count says how many matched).
const MAX_ROWS: usize = 300;

/// A row as shown.
pub struct Row {
    /// Case id.
    pub id: String,
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

/// The queue page.
pub fn queue(ctx: &Ctx) -> Result<Response, WebError> {
    let session = ctx.staff_with(&[Role::Intake, Role::Reviewer, Role::Chair, Role::Auditor])?;
    let q = ctx.req.query();
    let mine = q.checked("mine");
    let filter = QueueFilter {
        owner: mine.then_some(session.staff),
        status: q.all("status").into_iter().map(String::from).collect(),
        overdue: q.checked("overdue"),
        program: q.get("program").map(String::from),
        site: q.get("site").map(String::from),
        urgent: q.checked("urgent"),
    };
    let names = ctx.app.service.staff_names();
    let tr = &ctx.tr;
    let now = ctx.app.service.now();
    let (all, programs, sites, clocks): (Vec<QueueRow>, _, _, _) = ctx.app.service.read(|m| {
        let s = &m.org().settings;
        (
            rows(m.cases(), m.clocks(), &filter, now),
            s.programs.clone(),
            s.sites.clone(),
            m.clocks().clone(),
        )
    });
    let program_name = |id: &str| {
        programs
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let shown: Vec<Row> = all
        .iter()
        .take(MAX_ROWS)
        .map(|r| {
            let id = r.case.to_string();
            Row {
                short: id[id.len() - 8..].to_string(),
                id,
                status: tr.t(&format!("staff-status-{}", r.status.replace(' ', "-"))),
                filed: clocks.local_date(r.filed_at).to_string(),
                channel: tr.t(&format!("channel-{}", r.channel.as_str())),
                language: r.language.clone(),
                interpreter: r.interpreter,
                program: program_name(&r.program),
                urgency: r
                    .urgency
                    .map(|u| {
                        tr.t(&format!(
                            "urgency-{}",
                            serde_json::to_value(u)
                                .ok()
                                .and_then(|v| v.as_str().map(String::from))
                                .unwrap_or_default()
                        ))
                    })
                    .unwrap_or_default(),
                sensitive: r.sensitive,
                owner: r
                    .owner
                    .and_then(|o| names.get(&o).cloned())
                    .unwrap_or_else(|| tr.t("queue-owner-intake")),
                ack_due: date(r.clocks.acknowledge_due),
                ack_late: r.clocks.acknowledge_overdue,
                decide_due: date(r.clocks.decide_due),
                decide_late: r.clocks.decide_overdue,
                paused: r.clocks.paused,
                actions: r.outstanding_actions,
                actions_late: r.clocks.overdue_actions,
            }
        })
        .collect();
    let statuses = [
        "filed",
        "acknowledged",
        "under review",
        "decided",
        "under appeal",
    ]
    .iter()
    .map(|s| {
        (
            s.to_string(),
            tr.t(&format!("staff-status-{}", s.replace(' ', "-"))),
        )
    })
    .collect();
    let page = Queue {
        l: Layout::new(ctx, "queue-title"),
        total: all.len(),
        rows: shown,
        f: filter,
        mine,
        statuses,
        programs: programs
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
        sites: sites
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
    };
    Ok(Response::html(
        page.render()
            .map_err(|e| WebError::Internal(e.to_string()))?,
    ))
}
