//! The staff timeline: one line per event, in words (clear facts only), who recorded it and
//! whether its signature and chain check; on the opened file, the texts beside their events.

use std::collections::HashMap;

use recourse_events::ids::StaffId;
use recourse_events::vocabulary::Payload;
use recourse_projections::actor::Actor;
use recourse_projections::history::TimelineEntry;

use super::snake;
use crate::service::CaseFile;
use crate::web::router::Ctx;

/// A line of the staff timeline.
pub struct Line {
    /// Position in the ledger.
    pub position: u64,
    /// Local date and time.
    pub when: String,
    /// What happened, in words (clear facts only).
    pub what: String,
    /// Who.
    pub who: String,
    /// Signature and chain checked.
    pub verified: bool,
    /// Opened texts (label, text), only on the opened file.
    pub texts: Vec<(String, String)>,
}

/// Clear facts of one event, in words.
pub(super) fn describe(ctx: &Ctx, e: &TimelineEntry, names: &HashMap<StaffId, String>) -> String {
    let tr = &ctx.tr;
    let name = |s: &StaffId| names.get(s).cloned().unwrap_or_else(|| s.to_string());
    let base = tr.t(&format!(
        "staff-{}",
        super::super::track::event_id(e.kind.as_str())
    ));
    let detail = match &e.payload {
        Some(Payload::ComplaintFiled(f)) => format!(
            "{} · {}",
            tr.t(&format!("channel-{}", f.channel.as_str())),
            language_name(&f.language)
        ),
        Some(Payload::Triaged(t)) => format!(
            "{} · {}{}",
            tr.t(&format!("category-{}", t.category)),
            tr.t(&format!("urgency-{}", snake(t.urgency))),
            if t.sensitive {
                format!(" · {}", tr.t("queue-sensitive"))
            } else {
                String::new()
            }
        ),
        Some(Payload::ReviewerAssigned(r)) | Some(Payload::AppealReviewerAssigned(r)) => {
            name(&r.reviewer)
        }
        Some(Payload::Recused(r)) => format!(
            "{} ({})",
            name(&r.staff),
            tr.t(&format!("conflict-{}", snake(r.conflict)))
        ),
        // The client writes to the committee: their message has no audience to name.
        Some(Payload::MessagePosted(_)) if e.actor == Actor::Client => {
            tr.t("staff-message-from-client")
        }
        Some(Payload::MessagePosted(m)) => tr.t(&format!("audience-{}", snake(m.audience))),
        Some(Payload::FileViewed(v)) => tr.t(&format!("purpose-{}", snake(v.purpose))),
        Some(Payload::FindingRecorded(f)) => tr.t(if f.substantiated {
            "finding-substantiated"
        } else {
            "finding-not-substantiated"
        }),
        Some(Payload::DecisionIssued(d)) => tr.t(&format!("decision-{}", d.outcome.as_str())),
        Some(Payload::ActionOpened(a)) => format!("#{} · {} · {}", a.action, name(&a.owner), a.due),
        Some(Payload::ActionUpdated(a)) => format!("#{}", a.action),
        Some(Payload::ActionCompleted(a))
        | Some(Payload::ActionVerified(a))
        | Some(Payload::ActionWaived(a)) => format!("#{}", a.action),
        Some(Payload::AppealDecided(d)) => {
            tr.t(&format!("staff-appeal-outcome-{}", snake(d.outcome)))
        }
        Some(Payload::SatisfactionRecorded(s)) => format!("{}/5", s.rating),
        Some(Payload::PersonalDataErased(p)) => tr.t(&format!("erasure-{}", snake(p.reason))),
        _ => String::new(),
    };
    if detail.is_empty() {
        base
    } else {
        format!("{base}: {detail}")
    }
}

fn who(ctx: &Ctx, actor: &Actor, names: &HashMap<StaffId, String>) -> String {
    match actor {
        Actor::Staff(s) => names.get(s).cloned().unwrap_or_else(|| s.to_string()),
        Actor::Client => ctx.tr.t("actor-client"),
        Actor::Service(_) => ctx.tr.t("actor-web"),
        Actor::Ledger => ctx.tr.t("actor-organization"),
        Actor::Unknown => ctx.tr.t("actor-unknown"),
    }
}

pub(super) fn lines(ctx: &Ctx, timeline: &[TimelineEntry], file: Option<&CaseFile>) -> Vec<Line> {
    let names = ctx.app.service.staff_names();
    let clocks = ctx.app.service.read(|m| m.clocks().clone());
    timeline
        .iter()
        .map(|e| {
            let local = e.at.to_zoned(clocks.time_zone().clone());
            // The organization's time zone, said on every line (its abbreviation, or its
            // offset where the zone has none).
            Line {
                position: e.position,
                when: local.strftime("%Y-%m-%d %H:%M %Z").to_string(),
                what: describe(ctx, e, &names),
                who: who(ctx, &e.actor, &names),
                verified: e.verification.ok(),
                texts: file
                    .map(|f| {
                        f.fields
                            .iter()
                            .filter(|x| x.position == e.position && x.field != "contact")
                            .map(|x| {
                                (
                                    staff_label(ctx, &x.field),
                                    x.text.clone().unwrap_or_else(|_| ctx.tr.t("text-erased")),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// A sealed text's label for staff: `staff-text-<field>` (the committee's voice: "What the
/// client told us"), never the client's own labels, and never a raw message id.
pub(super) fn staff_label(ctx: &Ctx, field: &str) -> String {
    ctx.tr
        .t_opt(&format!("staff-text-{field}"))
        .unwrap_or_else(|| ctx.tr.t("staff-text-other"))
}

/// A language's own name ("دری" for `prs`), or its code where it has none listed.
pub fn language_name(code: &str) -> String {
    crate::web::i18n::LANGUAGES
        .iter()
        .map(|(c, n, _)| (*c, *n))
        .chain(
            recourse_projections::language::INTERPRETER_LANGUAGES
                .iter()
                .copied(),
        )
        .find(|(c, _)| *c == code)
        .map(|(_, n)| n.to_string())
        .unwrap_or_else(|| code.to_string())
}
