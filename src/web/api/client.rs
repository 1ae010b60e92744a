//! What clients do without an account: file a complaint, then follow it with the receipt code
//! (in the body, never in a URL; every use counts against the look-up rate limit) and act on
//! it: add information, write, comment, appeal, say whether they were satisfied, withdraw, or
//! have their personal data erased.
//!
//! The filing is checked by the web form's own checks (`pages::public::check`). The client's
//! timeline is filtered like the tracking page's (`pages::track`); that filter lives in a
//! private function there, so [`client_visible`] repeats it: change both together.

use jiff::Timestamp;
use jiff::civil::Date;
use recourse_events::case::*;
use recourse_events::ids::StaffId;
use recourse_events::org::Role;
use recourse_events::vocabulary::Payload;
use recourse_projections::actor::Actor;
use recourse_projections::case::{Command, Status};
use serde::Serialize;
use warp::http::StatusCode;

use super::fields::{Field, Input, Ty, opt, req};
use super::{ACCOMMODATIONS, CHANNELS, CONTACTS};
use crate::limits;
use crate::receipt::ReceiptCode;
use crate::service::{Acting, CaseFile, ComplaintForm};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::limits::Purpose;
use crate::web::pages::permit::ClientCan;
use crate::web::pages::public::{self, Draft, INTERPRETER_LANGUAGES, STEPS};
use crate::web::pages::track::{client_visible, client_what};
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
];

fn bad(msg: impl Into<String>) -> WebError {
    WebError::BadRequest(msg.into())
}

/// The web form's field names, as the API names them.
fn api_field(form_field: &str) -> &str {
    match form_field {
        "what" => "what_happened",
        "stream" => "service_stream",
        "outcome" => "outcome_wanted",
        "contact" => "contact_preference",
        "interpreter" => "interpreter_language",
        "identity" => "anonymous",
        other => other,
    }
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
                name: n.name.clone(),
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
        rights: public::rights(&ctx.tr, &reference)
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
    let language = match input.str("language") {
        Some(l) if public::is_client_language(ctx, l) => l.to_string(),
        Some(_) => {
            return Err(bad(format!("language: {}", ctx.tr.t("error-language"))));
        }
        None => public::client_language(ctx),
    };
    let s = |name: &str| input.str(name).unwrap_or_default().to_string();
    let anonymous = input.bool("anonymous");
    let draft = Draft {
        what: s("what_happened"),
        program: s("program"),
        site: s("site"),
        stream: s("service_stream"),
        rights: input.strings("rights"),
        outcome: s("outcome_wanted"),
        identity: if anonymous { "anonymous" } else { "named" }.into(),
        name: s("name"),
        email: s("email"),
        phone: s("phone"),
        contact: input.str("contact_preference").unwrap_or("none").into(),
        accommodations: input.strings("accommodations"),
        interpreter: s("interpreter_language"),
        consent_handle: input.bool("consent_handle"),
        consent_contact: input.bool("consent_contact"),
    };
    // Every step of the web form, checked the same way.
    let errors: Vec<String> = (1..=STEPS)
        .flat_map(|step| public::check(ctx, step, &draft))
        .map(|(field, message)| format!("{}: {message}", api_field(field)))
        .collect();
    if !errors.is_empty() {
        return Err(bad(errors.join("; ")));
    }
    if staff.is_none() {
        ctx.app.limiter.check(Purpose::Filing, ctx.req.remote)?;
    }
    let form = ComplaintForm {
        channel: Some(channel),
        language,
        anonymous,
        name: if anonymous {
            None
        } else {
            input.str("name").map(String::from)
        },
        email: input.str("email").map(String::from),
        phone: input.str("phone").map(String::from),
        program: draft.program.clone(),
        site: draft.site.clone(),
        service_stream: input.str("service_stream").map(String::from),
        rights: draft.rights.clone(),
        what_happened: draft.what.clone(),
        outcome_wanted: input.str("outcome_wanted").map(String::from),
        contact_preference: input.choice("contact_preference")?,
        accommodations: input.choices("accommodations")?,
        interpreter_language: input.str("interpreter_language").map(String::from),
        consent_handle: draft.consent_handle,
        consent_contact: draft.consent_contact,
        named_staff,
    };
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
    let service = &ctx.app.service;
    let (case, client) = service.client(&code)?;
    let now = ctx.app.service.now();
    if service.read(|m| m.case(&case).map(|c| c.status())) == Some(Status::Erased) {
        // Nothing can be sealed any more: the data key is gone.
        return Err(WebError::Conflict(
            recourse_projections::rule::RuleError::Erased.to_string(),
        ));
    }
    let confirmed = || {
        if input.bool("confirm") {
            Ok(())
        } else {
            Err(bad("confirm: must be true (this cannot be undone)"))
        }
    };
    let seal = |field: &str| -> Result<_, WebError> {
        Ok(service.seal_for(case, field, input.text("text")?)?)
    };
    let command = match action {
        "info" => Command::AddInformation(ClientText {
            text: seal("text")?,
        }),
        "comment" => Command::Comment(ClientText {
            text: seal("text")?,
        }),
        "message" => Command::PostMessage(MessagePosted {
            audience: Audience::Client,
            body: seal("body")?,
        }),
        "appeal" => Command::Appeal(AppealFiled {
            grounds: seal("grounds")?,
        }),
        "satisfaction" => Command::RecordSatisfaction(SatisfactionRecorded {
            explained: input.bool("explained"),
            fair: input.bool("fair"),
            rating: input
                .int("rating")
                .and_then(|r| u8::try_from(r).ok())
                .ok_or_else(|| bad("rating: required"))?,
        }),
        "withdraw" => {
            confirmed()?;
            Command::Withdraw
        }
        "erase" => {
            confirmed()?;
            service.request_erasure(&code, now).await?;
            return view(ctx, &code, Some(ctx.tr.t("done-erased"))).await;
        }
        _ => return Err(WebError::NotFound),
    };
    service.act(&client, case, command, now).await?;
    view(ctx, &code, Some(ctx.tr.t(&format!("done-{action}")))).await
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

/// Whether the client sees an event on their timeline: the same filter as the tracking page
/// (`pages::track`), kept in step by hand.
fn lines(ctx: &Ctx, file: &CaseFile) -> Vec<Line> {
    let tr = &ctx.tr;
    let clocks = ctx.app.service.read(|m| m.clocks().clone());
    file.timeline
        .iter()
        .filter(|e| client_visible(e.payload.as_ref()))
        .map(|e| {
            let outcome = match &e.payload {
                Some(Payload::DecisionIssued(d)) => Some(d.outcome.as_str()),
                _ => None,
            };
            let appeal_outcome = match &e.payload {
                Some(Payload::AppealDecided(d)) => Some(d.outcome),
                _ => None,
            };
            let what = client_what(tr, e.kind.as_str(), e.payload.as_ref());
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
    let body = ClientCase {
        status: status.as_str(),
        status_label: ctx.tr.t(&format!("status-{key}")),
        status_hint: ctx.tr.t(&format!("status-{key}-hint")),
        notice,
        timeline: lines(ctx, &file),
        can: ClientCan::of(service, case, &client.actor, status),
    };
    Ok(Response::json(&body))
}
