//! What clients do without an account: file a complaint, then follow it with the receipt code
//! (in the body, never in a URL; every use counts against the look-up rate limit) and act on
//! it: add information, write, comment, appeal, say whether they were satisfied, withdraw, or
//! have their personal data erased.
//!
//! The handlers parse JSON into the application's types ([`ComplaintForm`], [`ClientAction`])
//! and call the service, which checks them with the same validator as the pages (refusals come
//! back as fields with message ids), seals the texts and records them. The client's timeline
//! is filtered and described by the application ([`client_visible`], [`client_what`]), as on
//! the tracking page.

use jiff::Timestamp;
use jiff::civil::Date;
use recourse_events::case::*;
use recourse_events::ids::StaffId;
use recourse_events::org::Role;
use recourse_events::vocabulary::Payload;
use recourse_projections::actor::Actor;
use recourse_projections::case::Status;
use recourse_projections::language::INTERPRETER_LANGUAGES;
use serde::Serialize;
use warp::http::StatusCode;

use super::fields::{Field, Input, Ty, opt, req};
use super::{ACCOMMODATIONS, CHANNELS, CONTACTS};
use crate::limits;
use crate::receipt::ReceiptCode;
use crate::service::ClientCan;
use crate::service::{
    Acting, CaseFile, ClientAction, ComplaintForm, Part, client_visible, client_what,
};
use crate::web::choice;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::limits::Purpose;
use crate::web::router::Ctx;

/// The shape of a language code (BCP 47); which codes are accepted is in GET /options.
const LANGUAGE_PATTERN: &str = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

/// The fields of a complaint (those of the service's `ComplaintForm`).
pub const COMPLAINT_FIELDS: &[Field] = &[
    opt(
        "channel",
        Ty::OneOf(CHANNELS),
        "How the complaint arrived: `web` (the default: the client, no account) or, for intake staff signed in, `phone`, `in_person`, `email` or `referral`.",
    ),
    opt(
        "language",
        Ty::Str(35),
        "The client's language: one of `languages` or an `interpreter_languages` id from GET /options (never free text); default: the language of the request.",
    )
    .matching(LANGUAGE_PATTERN),
    opt(
        "anonymous",
        Ty::Bool,
        "The client gives no name (default false).",
    ),
    opt(
        "name",
        Ty::Text(limits::CLIENT_NAME),
        "The client's name (one line).",
    ),
    opt(
        "email",
        Ty::Text(limits::EMAIL),
        "The client's email address.",
    ),
    opt(
        "phone",
        Ty::Text(limits::PHONE),
        "The client's phone number.",
    ),
    req(
        "program",
        Ty::Str(100),
        "The program concerned (an id from GET /options).",
    ),
    req(
        "site",
        Ty::Str(100),
        "The site concerned (an id from GET /options).",
    ),
    opt(
        "service_stream",
        Ty::Str(100),
        "The IRCC service stream concerned, if known (an id from GET /options).",
    ),
    opt(
        "rights",
        Ty::Strings {
            items: 32,
            max: 100,
        },
        "Rights of the Client Code the client cites (ids from GET /options).",
    ),
    req(
        "what_happened",
        Ty::Text(limits::NARRATIVE),
        "What happened.",
    ),
    opt(
        "outcome_wanted",
        Ty::Text(limits::OUTCOME_WANTED),
        "The outcome the client wants.",
    ),
    opt(
        "contact_preference",
        Ty::OneOf(CONTACTS),
        "How the client wants to be contacted (default `none`: they follow the case with the receipt code). Needs the matching contact details and `consent_contact`.",
    ),
    opt(
        "accommodations",
        Ty::OneOfList(ACCOMMODATIONS),
        "Accommodations the client asks for.",
    ),
    opt(
        "interpreter_language",
        Ty::Str(35),
        "The interpreter's language, with the `interpreter` accommodation (a code from GET /options).",
    )
    .matching(LANGUAGE_PATTERN),
    req(
        "consent_handle",
        Ty::Bool,
        "The client consents to the use of the information to handle the complaint (must be true).",
    ),
    opt(
        "consent_contact",
        Ty::Bool,
        "The client consents to be contacted as they chose (default false).",
    ),
    opt(
        "named_staff",
        Ty::Uuids(16),
        "Staff members the complaint names (they can never handle it). Staff filings only.",
    ),
    opt(
        "about_leadership",
        Ty::Bool,
        "The complaint is about the person who runs the organization (the director) or the chair of the complaints committee (default false): it is escalated, handled by the board or the external reviewer the settings name, never by a chair or the director.",
    ),
    opt(
        "staff_described",
        Ty::Text(limits::STAFF_DESCRIBED),
        "If the complaint is about a staff member, who, in the client's words (a name or a description, one line). Sealed like the narrative; intake reads it and names the staff at triage.",
    ),
];

fn bad(msg: impl Into<String>) -> WebError {
    WebError::BadRequest(msg.into())
}

#[derive(Serialize, schemars::JsonSchema)]
struct Named {
    id: String,
    name: String,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Labelled {
    id: String,
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "ServiceStream")]
struct Stream {
    id: String,
    program: String,
    title: String,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "FrameworkItem")]
struct Item {
    id: String,
    text: String,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "FrameworkArea")]
struct Area {
    id: String,
    title: String,
    items: Vec<Item>,
}

#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct Options {
    #[schemars(description = "Languages the organization offers clients.")]
    languages: Vec<String>,
    programs: Vec<Named>,
    sites: Vec<Named>,
    service_streams: Vec<Stream>,
    rights: Vec<Labelled>,
    framework_areas: Vec<Area>,
    interpreter_languages: Vec<Named>,
    #[schemars(with = "Vec<Channel>")]
    channels: &'static [&'static str],
    #[schemars(with = "Vec<ContactPreference>")]
    contact_preferences: &'static [&'static str],
    #[schemars(with = "Vec<Accommodation>")]
    accommodations: &'static [&'static str],
    #[schemars(with = "Vec<Urgency>")]
    urgencies: &'static [&'static str],
    #[schemars(schema_with = "super::openapi::issued_outcomes")]
    outcomes: &'static [&'static str],
    #[schemars(with = "Vec<AppealOutcome>")]
    appeal_outcomes: &'static [&'static str],
    #[schemars(with = "Vec<recourse_events::case::Purpose>")]
    purposes: &'static [&'static str],
    #[schemars(with = "Vec<ConflictKind>")]
    conflicts: &'static [&'static str],
    #[schemars(with = "Vec<Audience>")]
    audiences: &'static [&'static str],
    #[schemars(with = "Vec<Status>")]
    statuses: &'static [&'static str],
    #[schemars(with = "Vec<Role>")]
    roles: &'static [&'static str],
}

/// The choices forms offer.
pub(super) fn options(ctx: &Ctx) -> Result<Response, WebError> {
    let (settings, reference) = ctx.app.service.read(|m| {
        (
            m.org().settings.clone(),
            std::sync::Arc::clone(m.reference()),
        )
    });
    let fr = ctx.tr.lang == "fr";
    let named = |v: &[recourse_events::org::Named]| {
        v.iter()
            .map(|n| Named {
                id: n.id.clone(),
                name: n.name_in(ctx.tr.lang).to_string(),
            })
            .collect()
    };
    let options = Options {
        languages: settings.languages.clone(),
        programs: named(&settings.programs),
        sites: named(&settings.sites),
        service_streams: reference
            .service_streams
            .iter()
            .map(|s| Stream {
                id: s.id.clone(),
                program: s.program.clone(),
                title: if fr {
                    s.title_fr.clone()
                } else {
                    s.title.clone()
                },
            })
            .collect(),
        rights: choice::rights(&ctx.tr, &reference)
            .into_iter()
            .map(|c| Labelled {
                id: c.value,
                label: c.label,
                hint: Some(c.hint).filter(|h| !h.is_empty()),
            })
            .collect(),
        framework_areas: reference
            .framework
            .areas
            .iter()
            .map(|a| Area {
                id: a.id.clone(),
                title: if fr {
                    a.title_fr.clone()
                } else {
                    a.title.clone()
                },
                items: a
                    .items
                    .iter()
                    .map(|i| Item {
                        id: i.id.clone(),
                        text: if fr {
                            i.text_fr.clone()
                        } else {
                            i.text.clone()
                        },
                    })
                    .collect(),
            })
            .collect(),
        interpreter_languages: INTERPRETER_LANGUAGES
            .iter()
            .map(|(c, n)| Named {
                id: c.to_string(),
                name: n.to_string(),
            })
            .collect(),
        channels: CHANNELS,
        contact_preferences: CONTACTS,
        accommodations: ACCOMMODATIONS,
        urgencies: super::URGENCIES,
        outcomes: super::OUTCOMES,
        appeal_outcomes: super::APPEAL_OUTCOMES,
        purposes: super::PURPOSES,
        conflicts: super::CONFLICTS,
        audiences: super::AUDIENCES,
        statuses: super::STATUSES,
        roles: super::ROLES,
    };
    Ok(Response::json(&options))
}

#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct Filed {
    #[schemars(with = "recourse_events::ids::CaseId")]
    case: String,
    #[schemars(description = "The client's receipt code, shown once: it is never stored.")]
    #[schemars(regex(pattern = "^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$"))]
    receipt_code: String,
    #[schemars(with = "Status")]
    status: &'static str,
}

/// Files a complaint: on the web for a client, or by intake staff for one.
pub(super) async fn file(ctx: &Ctx<'_>, input: &Input) -> Result<Response, WebError> {
    let channel: Channel = input.choice("channel")?.unwrap_or(Channel::Web);
    let named_staff: Vec<StaffId> = input.ids("named_staff")?;
    let staff = if channel == Channel::Web {
        if !named_staff.is_empty() {
            return Err(bad(
                "named_staff: only intake staff filing for a client name staff",
            ));
        }
        None
    } else {
        // 401 without a session, 403 without the CSRF token or the intake role.
        super::check_csrf(ctx)?;
        let s = ctx.staff_with(&[Role::Intake])?;
        Some(Acting {
            actor: Actor::Staff(s.staff),
            key: s.key.clone(),
        })
    };
    let service = &ctx.app.service;
    let anonymous = input.bool("anonymous");
    let text = |name: &str| input.str(name).map(String::from);
    let form = ComplaintForm {
        channel: Some(channel),
        // Checked by the validator: one the organization offers, or an interpreter's.
        language: text("language").unwrap_or_else(|| service.client_language(ctx.tr.lang)),
        anonymous,
        name: if anonymous { None } else { text("name") },
        email: text("email"),
        phone: text("phone"),
        program: text("program").unwrap_or_default(),
        site: text("site").unwrap_or_default(),
        service_stream: text("service_stream"),
        rights: input.strings("rights"),
        what_happened: text("what_happened").unwrap_or_default(),
        outcome_wanted: text("outcome_wanted"),
        contact_preference: input.choice("contact_preference")?,
        accommodations: input.choices("accommodations")?,
        interpreter_language: text("interpreter_language"),
        consent_handle: input.bool("consent_handle"),
        consent_contact: input.bool("consent_contact"),
        named_staff,
        about_leadership: input.bool("about_leadership"),
        staff_described: text("staff_described"),
    };
    // Refused before the filing counts against the rate limit; the filing checks it again.
    let refused = service.check_complaint(&form, &Part::ALL);
    if !refused.is_empty() {
        return Err(WebError::Invalid(refused));
    }
    if staff.is_none() {
        ctx.app.limiter.check(Purpose::Filing, ctx.req.remote)?;
    }
    let service = &ctx.app.service;
    let who = staff.unwrap_or_else(|| service.web_intake());
    let filed = service.file(&who, form, ctx.app.service.now()).await?;
    ctx.app
        .metrics
        .filed
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let body = Filed {
        case: filed.case.to_string(),
        receipt_code: filed.receipt.grouped(),
        status: Status::Filed.as_str(),
    };
    Ok(Response::json(&body).status(StatusCode::CREATED))
}

/// Counts a look-up, then finds the case of the body's receipt code.
fn lookup(ctx: &Ctx, input: &Input) -> Result<ReceiptCode, WebError> {
    ctx.app.limiter.check(Purpose::Lookup, ctx.req.remote)?;
    let code = ReceiptCode::parse(input.text("code")?).map_err(|e| bad(format!("code: {e}")))?;
    ctx.app.service.client(&code)?;
    Ok(code)
}

/// The client's view of their case.
pub(super) async fn track(ctx: &Ctx<'_>, input: &Input) -> Result<Response, WebError> {
    let code = lookup(ctx, input)?;
    view(ctx, &code, None).await
}

/// A client's action on their case.
pub(super) async fn act(ctx: &Ctx<'_>, action: &str, input: &Input) -> Result<Response, WebError> {
    let code = lookup(ctx, input)?;
    let confirmed = || {
        if input.bool("confirm") {
            Ok(())
        } else {
            Err(bad("confirm: must be true (this cannot be undone)"))
        }
    };
    let action = match action {
        "satisfaction" => ClientAction::Satisfaction {
            explained: input.bool("explained"),
            fair: input.bool("fair"),
            rating: input
                .int("rating")
                .and_then(|r| u8::try_from(r).ok())
                .ok_or_else(|| bad("rating: required"))?,
        },
        "withdraw" => {
            confirmed()?;
            ClientAction::Withdraw
        }
        "erase" => {
            confirmed()?;
            ClientAction::Erase
        }
        other if ClientAction::takes_text(other) => {
            ClientAction::with_text(other, input.text("text")?.to_string())
                .ok_or(WebError::NotFound)?
        }
        _ => return Err(WebError::NotFound),
    };
    let done = match action {
        ClientAction::Erase => "done-erased".to_string(),
        ref a => format!("done-{}", a.slug()),
    };
    let service = &ctx.app.service;
    service.client_act(&code, action, service.now()).await?;
    view(ctx, &code, Some(ctx.tr.t(&done))).await
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "ClientEventText")]
struct Text {
    field: String,
    label: String,
    /// `None` once erased.
    text: Option<String>,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "ClientEvent")]
struct Line {
    at: Timestamp,
    #[schemars(description = "Local date in the organization's time zone.")]
    date: Date,
    #[schemars(description = "The event type, such as decision.issued.")]
    kind: String,
    what: String,
    by_you: bool,
    #[schemars(with = "Option<Outcome>")]
    outcome: Option<&'static str>,
    appeal_outcome: Option<AppealOutcome>,
    texts: Vec<Text>,
}

#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct ClientCase {
    #[schemars(with = "Status")]
    status: &'static str,
    #[schemars(description = "The status in plain words, as the tracking page shows it.")]
    status_label: String,
    status_hint: String,
    #[schemars(description = "What the last action did.")]
    notice: Option<String>,
    timeline: Vec<Line>,
    #[schemars(description = "What the client may do now (POST /track/<name>).")]
    can: ClientCan,
}

/// The client's timeline: the events the application lets them see, described as on the
/// tracking page.
fn lines(ctx: &Ctx, file: &CaseFile) -> Vec<Line> {
    let tr = &ctx.tr;
    let clocks = ctx.app.service.read(|m| m.clocks().clone());
    file.timeline
        .iter()
        .filter(|e| e.payload.as_ref().is_some_and(client_visible))
        .map(|e| {
            let outcome = match &e.payload {
                Some(Payload::DecisionIssued(d)) => Some(d.outcome.as_str()),
                _ => None,
            };
            let appeal_outcome = match &e.payload {
                Some(Payload::AppealDecided(d)) => Some(d.outcome),
                _ => None,
            };
            let what = tr.what(&client_what(e.kind.as_str(), e.payload.as_ref()));
            let texts = file
                .fields
                .iter()
                .filter(|f| f.position == e.position && f.field != "contact")
                .map(|f| Text {
                    field: f.field.clone(),
                    label: tr.t(&format!("text-{}", f.field)),
                    text: f.text.clone().ok(),
                })
                .collect();
            Line {
                at: e.at,
                date: clocks.local_date(e.at),
                kind: e.kind.as_str().to_string(),
                what,
                by_you: e.actor == Actor::Client,
                outcome,
                appeal_outcome,
                texts,
            }
        })
        .collect()
}

async fn view(
    ctx: &Ctx<'_>,
    code: &ReceiptCode,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let service = &ctx.app.service;
    let (case, client) = service.client(code)?;
    let file = service.client_file(code).await?;
    let status = service
        .read(|m| m.case(&case).map(|c| c.status()))
        .ok_or(WebError::NotFound)?;
    let key = status.as_str().replace(' ', "-");
    let can = ClientCan::of(service, case, &client.actor, status);
    let body = ClientCase {
        status: status.as_str(),
        status_label: ctx.tr.t(&format!("status-{key}")),
        status_hint: ctx.tr.message(&service.client_next_step(case, &can)),
        notice,
        timeline: lines(ctx, &file),
        can,
    };
    Ok(Response::json(&body))
}
