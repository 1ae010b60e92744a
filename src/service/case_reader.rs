//! Who may read a case: a committee member (intake, a reviewer, the chair) or an auditor, with
//! no conflict of interest on it; and, on an escalated case (a complaint about the director or
//! the chair, `recourse_projections::case::escalation`), whom the settings route it to (board
//! members, or the external reviewer), while every chair and the director are refused as
//! conflicted. The case page, its file and its verification, every case call of the API and
//! the queue's rows ask this one check before anything of the case is shown or done.

use recourse_events::ids::{CaseId, StaffId};
use recourse_projections::case::Case;
use recourse_projections::case::escalation;
use recourse_projections::org::Org;

use super::Service;
use super::case_action::COMMITTEE;

/// Why a staff member may not read a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadRefused {
    /// They hold none of the committee's roles (nor the auditor's), and do not handle
    /// escalated cases (or this case is not escalated).
    Role,
    /// There is no such case (or nothing was filed in it).
    NotFound,
    /// They are named in it or declared a conflict on it, or it is escalated and they are a
    /// chair or the director.
    Conflicted,
}

/// Whether `staff` may read `case` under `org` (the one check, pure).
pub fn may_read(org: &Org, case: &Case, staff: StaffId) -> Result<(), ReadRefused> {
    let roles = org.roles(staff);
    let committee = COMMITTEE.iter().any(|r| roles.contains(r));
    let handles = case.escalated() && escalation::escalation_handler(org, staff);
    if !committee && !handles {
        return Err(ReadRefused::Role);
    }
    if escalation::excluded(case, org, staff) {
        return Err(ReadRefused::Conflicted);
    }
    Ok(())
}

/// Whether `staff` reads cases at all: a committee member or auditor, or whom escalated cases
/// are routed to (the queue's door).
pub fn reads_cases(org: &Org, staff: StaffId) -> bool {
    let roles = org.roles(staff);
    COMMITTEE.iter().any(|r| roles.contains(r)) || escalation::escalation_handler(org, staff)
}

impl Service {
    /// The case `case` as staff member `staff` may read it, or why not.
    pub fn case_for_reader(&self, staff: StaffId, case: CaseId) -> Result<Case, ReadRefused> {
        self.read(|m| {
            if !reads_cases(m.org(), staff) {
                return Err(ReadRefused::Role);
            }
            let state = m
                .case(&case)
                .filter(|c| c.filing.is_some())
                .ok_or(ReadRefused::NotFound)?;
            may_read(m.org(), state, staff)?;
            Ok(state.clone())
        })
    }
}
