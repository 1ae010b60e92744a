//! The table of staff actions on a case: for each, its slug (the page's form path and the API's
//! `/cases/{id}/actions/<slug>`), the event it records, the roles that may ask, and its fields
//! with their kinds, whether they are required and their limits (from [`crate::limits`]).
//!
//! Both doors read this one table: the case page parses its forms through it, the API checks
//! bodies against it and documents it in the OpenAPI document. The words (`summary`, `about`)
//! are the API's documentation of each action and field.

use recourse_events::case::{AppealOutcome, Audience, ConflictKind, Outcome, Urgency};
use recourse_events::org::Role;

use crate::limits::{REMEDY, STAFF_TEXT};

/// Reviewers and chairs: who handle a case once it is assigned.
const HANDLERS: &[Role] = &[Role::Reviewer, Role::Chair];
/// Who write to a case: intake, reviewers and the chair.
const WRITERS: &[Role] = &[Role::Intake, Role::Reviewer, Role::Chair];
/// Intake and the chair: who receive and route complaints.
const INTAKE_CHAIR: &[Role] = &[Role::Intake, Role::Chair];
/// The chair alone.
const CHAIR: &[Role] = &[Role::Chair];
/// Staff who take part in handling cases, auditors included (the case's readers).
pub const COMMITTEE: &[Role] = &[Role::Intake, Role::Reviewer, Role::Chair, Role::Auditor];

// The choice lists are the vocabulary enums' own names (`recourse_events::variants`).

/// Urgencies at triage.
pub const URGENCIES: &[&str] = Urgency::NAMES;
/// Kinds of conflict of interest.
pub const CONFLICTS: &[&str] = ConflictKind::NAMES;
/// Who a message is for.
pub const AUDIENCES: &[&str] = Audience::NAMES;
/// Decision outcomes staff may issue: every outcome but the last, `withdrawn`, which is the
/// client's (`complaint.withdrawn`).
pub const OUTCOMES: &[&str] = match Outcome::NAMES.split_last() {
    Some((_withdrawn, issued)) => issued,
    None => &[],
};
/// Appeal outcomes.
pub const APPEAL_OUTCOMES: &[&str] = AppealOutcome::NAMES;

/// Most rights or framework items one triage or finding names.
pub const MAX_REFERENCES: usize = 32;
/// Longest id of a right, a framework item or a category.
pub const MAX_REFERENCE_ID: usize = 100;
/// Longest category id.
pub const MAX_CATEGORY: usize = 64;

/// What a field holds, and its limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text, sealed under the case's data key, at most this many characters.
    Text(usize),
    /// A short clear value (an id), at most this many characters.
    Short(usize),
    /// One of these values.
    Choice(&'static [&'static str]),
    /// A staff member's id.
    Staff,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// Yes or no (a checkbox or radio on the page, `true`/`false` in JSON).
    Flag,
    /// Ids of the reference (rights, framework items): at most `items`, each at most `max`
    /// characters.
    List {
        /// Most items.
        items: usize,
        /// Longest item.
        max: usize,
    },
    /// A corrective action's number within its case.
    ActionNumber,
}

/// One field of an action.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// Its name in JSON, and the payload's field it fills (free text is sealed under it).
    pub name: &'static str,
    /// Its name on the case page's form (the page predates the API: `items` for
    /// `framework_items`, `item` for `framework_item`).
    pub form: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Must be given (and, for text, not blank).
    pub required: bool,
    /// What it means (the API's documentation).
    pub about: &'static str,
    /// The pattern its value follows, as documented (the rules check it).
    pub pattern: Option<&'static str>,
}

impl FieldSpec {
    /// The field, going by `form` on the page.
    const fn on_form(self, form: &'static str) -> FieldSpec {
        FieldSpec { form, ..self }
    }

    /// The field, documented as following `pattern`.
    const fn matching(self, pattern: &'static str) -> FieldSpec {
        FieldSpec {
            pattern: Some(pattern),
            ..self
        }
    }
}

/// A required field.
const fn req(name: &'static str, kind: Kind, about: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        form: name,
        kind,
        required: true,
        about,
        pattern: None,
    }
}

/// An optional field.
const fn opt(name: &'static str, kind: Kind, about: &'static str) -> FieldSpec {
    FieldSpec {
        required: false,
        ..req(name, kind, about)
    }
}

/// Required free text of the staff's length.
const fn text(name: &'static str, about: &'static str) -> FieldSpec {
    req(name, Kind::Text(STAFF_TEXT), about)
}

const REFERENCES: Kind = Kind::List {
    items: MAX_REFERENCES,
    max: MAX_REFERENCE_ID,
};
/// Staff ids a triage names (at most as many as a filing may name).
const STAFF_LIST: Kind = Kind::List { items: 16, max: 36 };
const RIGHTS: FieldSpec = opt(
    "rights",
    REFERENCES,
    "Client Code rights concerned (ids from GET /options).",
);
const ITEMS: FieldSpec = opt(
    "framework_items",
    REFERENCES,
    "Framework items concerned (ids from GET /options).",
)
.on_form("items");
const ACTION: FieldSpec = req(
    "action",
    Kind::ActionNumber,
    "The corrective action's number within the case.",
);

/// A staff action on a case: what it is called, records, and takes.
#[derive(Debug)]
pub struct ActionSpec {
    /// Its slug: the page's form path and the API's `/cases/{id}/actions/<slug>`.
    pub slug: &'static str,
    /// One line.
    pub summary: &'static str,
    /// More words.
    pub about: &'static str,
    /// The event it records.
    pub event: &'static str,
    /// Roles that may ask (the rules then decide).
    pub roles: &'static [Role],
    /// Its fields.
    pub fields: &'static [FieldSpec],
}

impl ActionSpec {
    /// The action called `slug`, if there is one.
    pub fn of(slug: &str) -> Option<&'static ActionSpec> {
        ACTIONS.iter().find(|a| a.slug == slug)
    }

    /// Its field called `name` (its JSON name).
    pub fn field(&self, name: &str) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// Whether it acts on one corrective action (its body names the action's number).
    pub fn on_corrective_action(&self) -> bool {
        self.fields.iter().any(|f| f.kind == Kind::ActionNumber)
    }
}

/// Every staff action on a case, in the order the page and the API list them.
pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec {
        slug: "acknowledge",
        summary: "Acknowledge the complaint",
        about: "Confirms receipt to the client, with an optional note they will read.",
        event: "complaint.acknowledged",
        roles: INTAKE_CHAIR,
        fields: &[opt("note", Kind::Text(STAFF_TEXT), "A note to the client.")],
    },
    ActionSpec {
        slug: "triage",
        summary: "Triage the complaint",
        about: "Category, rights and framework items concerned, urgency, and whether handling is restricted.",
        event: "complaint.triaged",
        roles: INTAKE_CHAIR,
        fields: &[
            req(
                "category",
                Kind::Short(MAX_CATEGORY),
                "A category id of lowercase letters and underscores, such as service_quality, interpreter_access, discrimination, privacy, fees, staff_conduct, wait_times, accessibility or other.",
            )
            .matching("^[a-z_]{1,64}$"),
            RIGHTS,
            ITEMS,
            req("urgency", Kind::Choice(URGENCIES), "How fast to handle it."),
            opt(
                "sensitive",
                Kind::Flag,
                "Restricted handling, e.g. allegations against a manager (default false).",
            ),
            opt(
                "escalated",
                Kind::Flag,
                "The complaint is about the director or the chair: every chair and the director are excluded from it, and it goes to the board or the external reviewer the settings name (default false; once escalated a case stays so).",
            ),
            opt(
                "named_staff",
                STAFF_LIST,
                "Staff members the complaint is about (ids from GET /staff, at most 16): they can never handle it. Added to those named before.",
            ),
        ],
    },
    ActionSpec {
        slug: "assign",
        summary: "Assign the reviewer",
        about: "Routes the case to a reviewer or chair with no conflict on it.",
        event: "reviewer.assigned",
        roles: INTAKE_CHAIR,
        fields: &[req(
            "reviewer",
            Kind::Staff,
            "The staff member (see `assignable_reviewers` on GET /cases/{id}).",
        )],
    },
    ActionSpec {
        slug: "recuse",
        summary: "Declare a conflict of interest",
        about: "The signed-in person steps aside (or the chair records another's conflict); they can never handle the case again.",
        event: "reviewer.recused",
        roles: COMMITTEE,
        fields: &[
            opt(
                "staff",
                Kind::Staff,
                "Who has the conflict (default: the signed-in person; only the chair records it for another).",
            ),
            req("conflict", Kind::Choice(CONFLICTS), "The kind of conflict."),
            text("reason", "The conflict, in words."),
        ],
    },
    ActionSpec {
        slug: "message",
        summary: "Post a message",
        about: "To the client (they read it with their receipt code) or internal to the committee.",
        event: "message.posted",
        roles: WRITERS,
        fields: &[
            req("audience", Kind::Choice(AUDIENCES), "Who may read it."),
            text("body", "The message."),
        ],
    },
    ActionSpec {
        slug: "finding",
        summary: "Record a finding",
        about: "Rights and framework items found concerned, and whether the facts were substantiated.",
        event: "finding.recorded",
        roles: HANDLERS,
        fields: &[
            RIGHTS,
            ITEMS,
            req(
                "substantiated",
                Kind::Flag,
                "Whether the facts complained of were substantiated.",
            ),
            text("summary", "The finding, in words."),
        ],
    },
    ActionSpec {
        slug: "decide",
        summary: "Issue the decision",
        about: "Needs a recorded finding. The client reads the outcome, the reasons and any remedy.",
        event: "decision.issued",
        roles: HANDLERS,
        fields: &[
            req("outcome", Kind::Choice(OUTCOMES), "The outcome."),
            opt("remedy", Kind::Text(REMEDY), "The remedy offered, if any."),
            text("reasons", "The reasons, for the client."),
        ],
    },
    ActionSpec {
        slug: "action-open",
        summary: "Open a corrective action",
        about: "After a finding: what is to be done, by whom, by when. The answer names the new action's number.",
        event: "corrective_action.opened",
        roles: HANDLERS,
        fields: &[
            req(
                "owner",
                Kind::Staff,
                "Who is responsible (an active staff member).",
            ),
            req("due", Kind::Date, "Due date (today or later)."),
            opt(
                "framework_item",
                Kind::Short(MAX_REFERENCE_ID),
                "The framework item the action serves (an id from GET /options).",
            )
            .on_form("item"),
            text("description", "What is to be done."),
        ],
    },
    ActionSpec {
        slug: "action-update",
        summary: "Update a corrective action",
        about: "A progress note, and a new due date if it moves (the owner or the chair).",
        event: "corrective_action.updated",
        roles: COMMITTEE,
        fields: &[
            ACTION,
            text("note", "Progress note."),
            opt("due", Kind::Date, "New due date, if it moves."),
        ],
    },
    ActionSpec {
        slug: "action-complete",
        summary: "Report a corrective action done",
        about: "The owner or the chair reports it done; the chair then verifies it.",
        event: "corrective_action.completed",
        roles: COMMITTEE,
        fields: &[ACTION, text("note", "What was done.")],
    },
    ActionSpec {
        slug: "action-verify",
        summary: "Verify a corrective action done",
        about: "The chair checks it was done (never their own action).",
        event: "corrective_action.verified",
        roles: CHAIR,
        fields: &[ACTION, text("note", "How it was checked.")],
    },
    ActionSpec {
        slug: "action-waive",
        summary: "Waive a corrective action",
        about: "The chair waives it, with reasons.",
        event: "corrective_action.waived",
        roles: CHAIR,
        fields: &[ACTION, text("note", "Why it is waived.")],
    },
    ActionSpec {
        slug: "pause",
        summary: "Pause the clocks",
        about: "While waiting for the client; service-level clocks stop.",
        event: "clock.paused",
        roles: WRITERS,
        fields: &[text("reason", "What is awaited from the client.")],
    },
    ActionSpec {
        slug: "resume",
        summary: "Resume the clocks",
        about: "The client answered, or waiting is over.",
        event: "clock.resumed",
        roles: WRITERS,
        fields: &[],
    },
    ActionSpec {
        slug: "appeal-assign",
        summary: "Assign the appeal's reviewer",
        about: "Someone with no conflict who took no part in the decision appealed.",
        event: "appeal.reviewer_assigned",
        roles: CHAIR,
        fields: &[req(
            "reviewer",
            Kind::Staff,
            "The staff member (see `appeal_reviewers` on GET /cases/{id}).",
        )],
    },
    ActionSpec {
        slug: "appeal-decide",
        summary: "Decide the appeal",
        about: "By the appeal's reviewer only.",
        event: "appeal.decided",
        roles: HANDLERS,
        fields: &[
            req("outcome", Kind::Choice(APPEAL_OUTCOMES), "The outcome."),
            text("reasons", "The reasons, for the client."),
        ],
    },
    ActionSpec {
        slug: "close",
        summary: "Close the case",
        about: "After the decision, once every corrective action is verified or waived.",
        event: "case.closed",
        roles: CHAIR,
        fields: &[],
    },
    ActionSpec {
        slug: "reopen",
        summary: "Reopen a closed or withdrawn case",
        about: "The decision and findings in force are set aside.",
        event: "case.reopened",
        roles: CHAIR,
        fields: &[text("reason", "Why.")],
    },
    ActionSpec {
        slug: "withdraw",
        summary: "Withdraw the complaint on the client's word",
        about: "When the client asks staff to withdraw it.",
        event: "complaint.withdrawn",
        roles: INTAKE_CHAIR,
        fields: &[],
    },
];
