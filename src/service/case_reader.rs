//! Who may read a case: a committee member (intake, a reviewer, the chair) or an auditor, with
//! no conflict of interest on it. The case page, its file and its verification, and every case
//! call of the API ask this one check before anything of the case is shown or done.

use recourse_events::ids::{CaseId, StaffId};
use recourse_projections::case::Case;

use super::Service;
use super::case_action::COMMITTEE;

/// Why a staff member may not read a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadRefused {
    /// They hold none of the committee's roles (nor the auditor's).
    Role,
    /// There is no such case (or nothing was filed in it).
    NotFound,
    /// They are named in it or declared a conflict on it.
    Conflicted,
}

impl Service {
    /// The case `case` as staff member `staff` may read it, or why not.
    pub fn case_for_reader(&self, staff: StaffId, case: CaseId) -> Result<Case, ReadRefused> {
        self.read(|m| {
            let roles = m.org().roles(staff);
            if !COMMITTEE.iter().any(|r| roles.contains(r)) {
                return Err(ReadRefused::Role);
            }
            let state = m
                .case(&case)
                .filter(|c| c.filing.is_some())
                .ok_or(ReadRefused::NotFound)?;
            if state.conflicted(staff) {
                return Err(ReadRefused::Conflicted);
            }
            Ok(state.clone())
        })
    }
}
