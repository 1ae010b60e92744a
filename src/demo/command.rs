//! A step carried out through the service: the filing, an opening of the file, an erasure
//! request, or a case [`Command`] by the staff member or the client who takes it, its texts
//! sealed under the case's key as the service seals any text.

use jiff::Timestamp;
use recourse_events::case::*;
use recourse_events::ids::{ActionId, CaseId};
use recourse_events::sealed::Sealed;
use recourse_projections::case::Command;
use recourse_projections::rule::RuleError;

use super::run::{CaseRun, Shared};
use super::step::{By, Step};
use crate::receipt::ReceiptCode;
use crate::service::{Acting, ServiceError};

/// Carries out one step of one case.
pub(super) async fn execute(
    shared: &Shared,
    run: &mut CaseRun,
    at: Timestamp,
    step: &Step,
) -> Result<(), ServiceError> {
    let s = &shared.service;
    if let Step::Org(step) = step {
        return super::reviews::execute(shared, at, step).await;
    }
    if let Step::File { by, form, named } = step {
        let who = by.map_or_else(|| s.web_intake(), |i| shared.staff[i].clone());
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
    match step {
        Step::View { by, purpose } => {
            match s.open_file(&shared.staff[*by], case, *purpose, at).await {
                // A case triaged as sensitive is restricted: the attempt of someone outside
                // its handling is refused and recorded (`file.view_refused`), as it would be
                // for them.
                Err(ServiceError::Rule(RuleError::Restricted)) => Ok(()),
                other => other.map(|_| ()),
            }
        }
        Step::RequestErasure => s.request_erasure(receipt, at).await.map(|_| ()),
        _ => {
            let cx = Context {
                shared,
                case,
                receipt,
            };
            let (who, command) = cx.command(step)?;
            s.act(&who, case, command, at).await.map(|_| ())
        }
    }
}

/// What a command step needs: the staff, the case and the client's receipt code.
struct Context<'a> {
    shared: &'a Shared,
    case: CaseId,
    receipt: &'a ReceiptCode,
}

impl Context<'_> {
    /// Staff member `i`, acting.
    fn staff(&self, i: usize) -> Acting {
        self.shared.staff[i].clone()
    }

    /// The client, acting with their receipt code.
    fn client(&self) -> Result<Acting, ServiceError> {
        self.shared
            .service
            .client(self.receipt)
            .map(|(_, acting)| acting)
    }

    /// Who: a staff member or the client.
    fn by(&self, by: By) -> Result<Acting, ServiceError> {
        match by {
            By::Staff(i) => Ok(self.staff(i)),
            By::Client => self.client(),
        }
    }

    /// `text` sealed as the payload's `field`.
    fn seal(&self, field: &str, text: &str) -> Result<Sealed, ServiceError> {
        self.shared.service.seal_for(self.case, field, text)
    }

    /// A corrective action's note.
    fn note(&self, action: u32, text: &str) -> Result<ActionNote, ServiceError> {
        Ok(ActionNote {
            action: ActionId(action),
            note: self.seal("note", text)?,
        })
    }

    /// The command of a step, and who issues it.
    fn command(&self, step: &Step) -> Result<(Acting, Command), ServiceError> {
        match step {
            Step::OpenAction { .. }
            | Step::UpdateAction { .. }
            | Step::CompleteAction { .. }
            | Step::VerifyAction { .. }
            | Step::WaiveAction { .. } => self.action(step),
            Step::Message { .. }
            | Step::AddInformation(_)
            | Step::Comment(_)
            | Step::Satisfaction(_)
            | Step::Withdraw(_)
            | Step::Appeal(_)
            | Step::AssignAppeal { .. }
            | Step::DecideAppeal { .. } => self.exchange(step),
            Step::Finding { .. }
            | Step::Decide { .. }
            | Step::Close { .. }
            | Step::Reopen { .. } => self.decision(step),
            _ => self.review(step),
        }
    }

    /// The review: acknowledgement, triage, reviewers, the clock.
    fn review(&self, step: &Step) -> Result<(Acting, Command), ServiceError> {
        Ok(match step {
            Step::Acknowledge { by, note } => (
                self.staff(*by),
                Command::Acknowledge {
                    note: note.as_deref().map(|n| self.seal("note", n)).transpose()?,
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
                self.staff(*by),
                Command::Triage(Triaged {
                    category: category.clone(),
                    rights: rights.clone(),
                    framework_items: items.clone(),
                    urgency: *urgency,
                    sensitive: *sensitive,
                    escalated: false,
                    named_staff: vec![],
                }),
            ),
            Step::Assign { by, reviewer } => (
                self.staff(*by),
                Command::AssignReviewer {
                    reviewer: self.shared.ids[*reviewer],
                },
            ),
            Step::Recuse {
                by,
                staff,
                conflict,
                reason,
            } => (
                self.staff(*by),
                Command::Recuse(Recused {
                    staff: self.shared.ids[*staff],
                    conflict: *conflict,
                    reason: self.seal("reason", reason)?,
                }),
            ),
            Step::Pause { by, reason } => (
                self.staff(*by),
                Command::PauseClock(ClockPaused {
                    reason: self.seal("reason", reason)?,
                }),
            ),
            Step::Resume { by } => (self.staff(*by), Command::ResumeClock),
            other => return Err(not_a_command(other)),
        })
    }

    /// Findings, decisions, closing and reopening.
    fn decision(&self, step: &Step) -> Result<(Acting, Command), ServiceError> {
        Ok(match step {
            Step::Finding {
                by,
                rights,
                items,
                substantiated,
                summary,
            } => (
                self.staff(*by),
                Command::RecordFinding(FindingRecorded {
                    rights: rights.clone(),
                    framework_items: items.clone(),
                    substantiated: *substantiated,
                    summary: self.seal("summary", summary)?,
                }),
            ),
            Step::Decide {
                by,
                outcome,
                remedy,
                reasons,
            } => (
                self.staff(*by),
                Command::Decide(DecisionIssued {
                    outcome: *outcome,
                    remedy: remedy
                        .as_deref()
                        .map(|r| self.seal("remedy", r))
                        .transpose()?,
                    reasons: self.seal("reasons", reasons)?,
                }),
            ),
            Step::Close { by } => (self.staff(*by), Command::Close),
            Step::Reopen { by, reason } => (
                self.staff(*by),
                Command::Reopen(Reopened {
                    reason: self.seal("reason", reason)?,
                }),
            ),
            other => return Err(not_a_command(other)),
        })
    }

    /// Between the client and the agency: messages, information, comments, answers, a
    /// withdrawal, an appeal and its hearing.
    fn exchange(&self, step: &Step) -> Result<(Acting, Command), ServiceError> {
        Ok(match step {
            Step::Message { by, audience, body } => (
                self.by(*by)?,
                Command::PostMessage(MessagePosted {
                    audience: *audience,
                    body: self.seal("body", body)?,
                }),
            ),
            Step::AddInformation(text) => (
                self.client()?,
                Command::AddInformation(ClientText {
                    text: self.seal("text", text)?,
                }),
            ),
            Step::Comment(text) => (
                self.client()?,
                Command::Comment(ClientText {
                    text: self.seal("text", text)?,
                }),
            ),
            Step::Satisfaction(answer) => {
                (self.client()?, Command::RecordSatisfaction(answer.clone()))
            }
            Step::Withdraw(by) => (self.by(*by)?, Command::Withdraw),
            Step::Appeal(grounds) => (
                self.client()?,
                Command::Appeal(AppealFiled {
                    grounds: self.seal("grounds", grounds)?,
                }),
            ),
            Step::AssignAppeal { by, reviewer } => (
                self.staff(*by),
                Command::AssignAppealReviewer {
                    reviewer: self.shared.ids[*reviewer],
                },
            ),
            Step::DecideAppeal {
                by,
                outcome,
                reasons,
            } => (
                self.staff(*by),
                Command::DecideAppeal(AppealDecided {
                    outcome: *outcome,
                    reasons: self.seal("reasons", reasons)?,
                }),
            ),
            other => return Err(not_a_command(other)),
        })
    }

    /// Corrective actions, from opening to verification or waiver.
    fn action(&self, step: &Step) -> Result<(Acting, Command), ServiceError> {
        Ok(match step {
            Step::OpenAction {
                by,
                owner,
                due,
                item,
                description,
            } => (
                self.staff(*by),
                Command::OpenAction {
                    owner: self.shared.ids[*owner],
                    due: *due,
                    framework_item: item.clone(),
                    description: self.seal("description", description)?,
                },
            ),
            Step::UpdateAction {
                by,
                action,
                note,
                due,
            } => (
                self.staff(*by),
                Command::UpdateAction(ActionUpdated {
                    action: ActionId(*action),
                    note: self.seal("note", note)?,
                    due: *due,
                }),
            ),
            Step::CompleteAction { by, action, note } => (
                self.staff(*by),
                Command::CompleteAction(self.note(*action, note)?),
            ),
            Step::VerifyAction { by, action, note } => (
                self.staff(*by),
                Command::VerifyAction(self.note(*action, note)?),
            ),
            Step::WaiveAction { by, action, note } => (
                self.staff(*by),
                Command::WaiveAction(self.note(*action, note)?),
            ),
            other => return Err(not_a_command(other)),
        })
    }
}

/// A step that is not a case command reached the command builder: a bug in the demo.
fn not_a_command(step: &Step) -> ServiceError {
    ServiceError::Input(format!("the step {:?} is not a case command", step.name()))
}
