//! Escalation: a complaint about the people at the top goes elsewhere.
//!
//! A complaint about the person who runs the organization (the director) or about the chair of
//! the complaints committee cannot be handled by the committee that person leads. The client
//! says so when filing (`complaint.filed`'s `about_leadership`), or intake finds it at triage
//! (`complaint.triaged`'s `escalated`); either way the case is **escalated**, and stays so.
//!
//! On an escalated case:
//!
//! - every chair, and the director if the settings name one among staff, is **excluded** as
//!   the staff a complaint names are: they cannot read it, open its file, be assigned to it or
//!   act on it ([`excluded`]);
//! - the chair's part (assigning, deciding, verifying corrective actions, closing, reopening,
//!   audit openings) falls to whom the settings route escalated cases to
//!   ([`Settings::escalation_route`]): either the **board** (every active board member holds the
//!   chair's rights on that case only), or one **external reviewer** (a staff account the
//!   settings name, say an enrolled reviewer from a partner agency) ([`acts_as`]);
//! - intake still receives it (acknowledges, triages, pauses the clock) and reviewers can still
//!   be assigned to investigate; the rules do not change otherwise.
//!
//! The board's description says it "never sees personal data": that stays true of every case
//! but the escalated ones routed to it, whose files board members open as a committee would
//! (each opening recorded in the ledger). The administrator's settings page says so.
//!
//! Everything here is read from the case and the organization as folded: the route is the
//! settings' at the time of each decision, so an administrator who changes the route moves
//! open escalated cases with it.

use recourse_events::ids::StaffId;
use recourse_events::org::{EscalationRoute, Role, Settings};

use super::state::Case;
use crate::org::Org;

/// Whether `staff` may never handle `case`: named in it, recused, or (the case being
/// escalated) a chair or the director.
pub fn excluded(case: &Case, org: &Org, staff: StaffId) -> bool {
    case.conflicted(staff) || (case.escalated() && leads_committee(&org.settings, org, staff))
}

/// Whether `staff` is among those an escalation steps around: a chair, or the director.
pub fn leads_committee(settings: &Settings, org: &Org, staff: StaffId) -> bool {
    org.has_role(staff, Role::Chair) || settings.director == Some(staff)
}

/// Whether `staff` holds `role` for the purposes of `case`: their own roles, except that on an
/// escalated case the chair's role is held by whom the route names (board members, or the
/// external reviewer), and by no chair.
pub fn acts_as(case: &Case, org: &Org, staff: StaffId, role: Role) -> bool {
    if role == Role::Chair && case.escalated() {
        return escalation_handler(org, staff) && !excluded(case, org, staff);
    }
    org.has_role(staff, role)
}

/// Whether `staff` is who the route sends escalated cases to (active, and not a chair or the
/// director themselves).
pub fn escalation_handler(org: &Org, staff: StaffId) -> bool {
    let routed = match org.settings.escalation_route() {
        EscalationRoute::Board => org.has_role(staff, Role::Board),
        EscalationRoute::External(s) => s == staff && org.staff.get(&s).is_some_and(|m| m.active),
    };
    routed && !leads_committee(&org.settings, org, staff)
}
