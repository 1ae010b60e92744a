//! The case's summary at the top of its page: its facts (status, filing, triage, who holds it,
//! who stepped aside), its clocks, and who opened the file and why (and who was refused).

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::Date;
use recourse_events::ids::StaffId;
use recourse_events::org::display_name;
use recourse_projections::case::{Case, Filing};
use recourse_projections::clock::Clocks;
use recourse_projections::framework::Reference;
use recourse_projections::org::Org;
use recourse_projections::queue::Deadline;

use super::snake;
use super::timeline::language_name;
use crate::web::choice::rights;
use crate::web::i18n::Tr;

/// Staff names, by id (blank for someone unknown).
pub(super) struct Names<'a>(pub(super) &'a HashMap<StaffId, String>);

impl Names<'_> {
    /// `s`'s name.
    pub(super) fn of(&self, s: &StaffId) -> String {
        self.0.get(s).cloned().unwrap_or_default()
    }

    /// The names of `staff`, joined.
    fn join<'s>(&self, staff: impl IntoIterator<Item = &'s StaffId>) -> String {
        staff
            .into_iter()
            .map(|s| self.of(s))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// What the summary is made from.
pub(super) struct Summary<'a> {
    /// The page's language.
    pub(super) tr: &'a Tr,
    /// The case.
    pub(super) state: &'a Case,
    /// The organization.
    pub(super) org: &'a Org,
    /// The reference (rights, framework).
    pub(super) reference: &'a Reference,
    /// The organization's clocks.
    pub(super) clocks: &'a Clocks,
    /// Staff names.
    pub(super) names: Names<'a>,
}

impl Summary<'_> {
    /// The facts, as (label, value).
    pub(super) fn facts(&self) -> Vec<(String, String)> {
        let (tr, state) = (self.tr, self.state);
        let mut facts = vec![(
            tr.t("fact-status"),
            tr.t(&format!(
                "staff-status-{}",
                state.status().as_str().replace(' ', "-")
            )),
        )];
        if let (Some(f), Some(at)) = (&state.filing, state.filed_at) {
            facts.extend(self.filing(f, at));
        }
        if let Some(t) = &state.triage {
            facts.push((
                tr.t("fact-triage"),
                format!(
                    "{} · {}",
                    tr.t(&format!("category-{}", t.category)),
                    tr.t(&format!("urgency-{}", snake(t.urgency)))
                ),
            ));
        }
        facts.push((
            tr.t("queue-owner"),
            state
                .reviewer
                .map(|r| self.names.of(&r))
                .unwrap_or_else(|| tr.t("queue-owner-intake")),
        ));
        if let Some(a) = state.appeal.as_ref().and_then(|a| a.reviewer) {
            facts.push((tr.t("fact-appeal-reviewer"), self.names.of(&a)));
        }
        if !state.recused.is_empty() {
            facts.push((tr.t("fact-recused"), self.names.join(state.recused.iter())));
        }
        if state.escalated() {
            facts.push((
                tr.t("fact-escalated"),
                crate::web::pages::queue::escalation_words(
                    tr,
                    self.org.settings.escalation_route(),
                    self.names.0,
                ),
            ));
        }
        let named: Vec<StaffId> = state
            .filing
            .iter()
            .flat_map(|f| f.named_staff.iter().copied())
            .chain(state.named_at_triage.iter().copied())
            .collect();
        if !named.is_empty() {
            facts.push((tr.t("fact-named-staff"), self.names.join(named.iter())));
        }
        if state.filing.as_ref().is_some_and(|f| f.staff_described) {
            facts.push((
                tr.t("fact-staff-described"),
                tr.t("fact-staff-described-sealed"),
            ));
        }
        facts
    }

    /// The facts of the filing.
    fn filing(&self, f: &Filing, at: Timestamp) -> Vec<(String, String)> {
        let tr = self.tr;
        let settings = &self.org.settings;
        let program = display_name(&settings.programs, &f.program, tr.lang).to_string();
        let site = display_name(&settings.sites, &f.site, tr.lang).to_string();
        let mut facts = vec![
            (
                tr.t("fact-filed"),
                format!(
                    "{} · {}",
                    self.clocks.local_date(at),
                    tr.t(&format!("channel-{}", f.channel.as_str()))
                ),
            ),
            (
                tr.t("fact-language"),
                f.interpreter_language
                    .as_ref()
                    .map(|i| {
                        format!(
                            "{} · {} {}",
                            language_name(&f.language),
                            tr.t("queue-interpreter"),
                            language_name(i)
                        )
                    })
                    .unwrap_or_else(|| language_name(&f.language)),
            ),
            (
                tr.t("fact-anonymous"),
                tr.t(if f.anonymous { "yes" } else { "no" }),
            ),
            (tr.t("field-program"), format!("{program} · {site}")),
        ];
        if !f.rights.is_empty() {
            // In the page's language, as the public Client Code page names them.
            let named = rights(tr, self.reference);
            let titles: Vec<String> = f
                .rights
                .iter()
                .map(|r| {
                    named
                        .iter()
                        .find(|c| c.value == *r)
                        .map(|c| c.label.clone())
                        .unwrap_or_else(|| r.clone())
                })
                .collect();
            facts.push((tr.t("fact-rights"), titles.join("; ")));
        }
        facts.push((
            tr.t("fact-contact"),
            // In the committee's voice where the client's own words would say "me".
            tr.t_opt(&format!("intake-contact-{}", snake(f.contact_preference)))
                .unwrap_or_else(|| tr.t(&format!("contact-{}", snake(f.contact_preference)))),
        ));
        if !f.accommodations.is_empty() {
            facts.push((
                tr.t("intake-field-accommodations"),
                f.accommodations
                    .iter()
                    .map(|a| tr.t(&format!("accommodation-{}", snake(a))))
                    .collect::<Vec<_>>()
                    .join("; "),
            ));
        }
        if !f.named_staff.is_empty() {
            facts.push((tr.t("fact-named"), self.names.join(&f.named_staff)));
        }
        facts
    }

    /// The next deadline still to meet, if any: (label, due date, overdue). The
    /// acknowledgement while it is awaited, else the decision while it is awaited; nothing
    /// once the case is decided, closed, withdrawn or erased.
    pub(super) fn clocks(&self, now: Timestamp) -> Vec<(String, String, bool)> {
        let status = self.clocks.status(self.state, now);
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
        match Deadline::next(self.state) {
            Some(Deadline::Acknowledge) => vec![(
                self.tr.t("queue-ack"),
                date(status.acknowledge_due),
                status.acknowledge_overdue,
            )],
            Some(Deadline::Decide) => vec![(
                self.tr.t("queue-decide"),
                date(status.decide_due),
                status.decide_overdue,
            )],
            None => vec![],
        }
    }

    /// Who opened the file, newest first: (date, who, why, not on the case: never acted on it).
    pub(super) fn views(&self) -> Vec<(String, String, String, bool)> {
        self.state
            .views
            .iter()
            .rev()
            .map(|v| {
                (
                    self.clocks.local_date(v.at).to_string(),
                    self.names.of(&v.by),
                    self.tr.t(&format!("purpose-{}", snake(v.purpose))),
                    v.outsider,
                )
            })
            .collect()
    }

    /// Refused attempts at opening the file, newest first: (date, who, why).
    pub(super) fn refused(&self) -> Vec<(String, String, String)> {
        self.state
            .refused_views
            .iter()
            .rev()
            .map(|v| {
                (
                    self.clocks.local_date(v.at).to_string(),
                    self.names.of(&v.by),
                    self.tr.t(&format!("purpose-{}", snake(v.purpose))),
                )
            })
            .collect()
    }
}
