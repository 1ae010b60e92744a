//! What a client sees without an account: the landing page, the complaint form in short steps
//! (it works without JavaScript: earlier answers travel in hidden fields, each step is checked
//! before the next, errors are listed at the top and linked to their fields), and the receipt,
//! which names the independent witnesses that countersign the complaint's record, or will
//! within minutes (the same line in the receipt file).
//!
//! The page only parses: its answers ([`Draft`]) become the application's [`ComplaintForm`]
//! ([`to_form`]), and each step is checked by the application's one validator for the part it
//! asks for ([`Part::of_step`]); the refused fields come back with message ids, translated
//! here beside the page's own inputs ([`form_field`]).

use super::identity::{Identity, public_address};
use askama::Template;
use recourse_events::case::{Accommodation, ContactPreference};
use recourse_projections::framework::Reference;
use warp::http::header;

use super::layout::Layout;
use super::render;
use crate::receipt::ReceiptCode;
use crate::service::{ComplaintForm, Part};
use crate::web::drafts::{DRAFT_COOKIE, Opened, State};
use crate::web::error::WebError;
use crate::web::http::{Form, Response};
use crate::web::i18n::Tr;
use crate::web::limits::Purpose;
use crate::web::router::Ctx;
use crate::web::session::same_secret;

/// Steps of the form.
pub const STEPS: u8 = 4;

/// Languages offered for an interpreter: code and name in that language (the rules' list).
pub use recourse_projections::language::INTERPRETER_LANGUAGES;

/// Whether `code` may be recorded as the client's language (see
/// [`Service::is_client_language`](crate::service::Service::is_client_language)).
pub fn is_client_language(ctx: &Ctx, code: &str) -> bool {
    ctx.app.service.is_client_language(code)
}

/// The language a complaint filed from this page records: the page's, if the organization
/// offers it, else the organization's first language.
pub fn client_language(ctx: &Ctx) -> String {
    ctx.app.service.client_language(ctx.tr.lang)
}

pub use crate::web::choice::{Choice, rights};

/// The answers so far.
#[derive(Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    /// What happened.
    pub what: String,
    /// Program id.
    pub program: String,
    /// Site id.
    pub site: String,
    /// Service stream id.
    pub stream: String,
    /// Rights cited.
    pub rights: Vec<String>,
    /// Outcome wanted.
    pub outcome: String,
    /// `named` or `anonymous`.
    pub identity: String,
    /// Name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Contact preference.
    pub contact: String,
    /// Accommodations asked for.
    pub accommodations: Vec<String>,
    /// Interpreter language.
    pub interpreter: String,
    /// Consent to handle.
    pub consent_handle: bool,
    /// Consent to be contacted.
    pub consent_contact: bool,
    /// `leadership` if the complaint is about the director or the chair, else `other`.
    #[serde(default)]
    pub about: String,
    /// The staff member it is about, in the client's words.
    #[serde(default)]
    pub who: String,
}

impl Draft {
    /// The answers in a submitted form.
    pub fn from_form(f: &Form) -> Draft {
        let s = |n: &str| f.get(n).unwrap_or_default().to_string();
        Draft {
            what: f.text("what").unwrap_or_default().to_string(),
            program: s("program"),
            site: s("site"),
            stream: s("stream"),
            rights: f.all("rights").into_iter().map(String::from).collect(),
            outcome: f.text("outcome").unwrap_or_default().to_string(),
            identity: f.get("identity").unwrap_or("named").to_string(),
            name: s("name"),
            email: s("email"),
            phone: s("phone"),
            contact: f.get("contact").unwrap_or("none").to_string(),
            accommodations: f
                .all("accommodations")
                .into_iter()
                .map(String::from)
                .collect(),
            interpreter: s("interpreter"),
            consent_handle: f.checked("consent_handle"),
            consent_contact: f.checked("consent_contact"),
            about: s("about"),
            who: s("who"),
        }
    }

    /// Whether a right is cited.
    pub fn has_right(&self, id: &str) -> bool {
        self.rights.iter().any(|r| r == id)
    }

    /// Whether an accommodation is asked for.
    pub fn has_accommodation(&self, id: &str) -> bool {
        self.accommodations.iter().any(|a| a == id)
    }

    /// Hidden fields carrying every answer except those of `step` (shown as inputs).
    pub fn hidden(&self, step: &u8) -> Vec<(&'static str, String)> {
        let step = *step;
        let mut v: Vec<(&'static str, String)> = Vec::new();
        if step != 1 {
            v.extend([
                ("what", self.what.clone()),
                ("program", self.program.clone()),
                ("site", self.site.clone()),
                ("stream", self.stream.clone()),
                ("about", self.about.clone()),
                ("who", self.who.clone()),
            ]);
        }
        if step != 2 {
            v.extend(self.rights.iter().map(|r| ("rights", r.clone())));
            v.push(("outcome", self.outcome.clone()));
        }
        if step != 3 {
            v.extend([
                ("identity", self.identity.clone()),
                ("name", self.name.clone()),
                ("email", self.email.clone()),
                ("phone", self.phone.clone()),
                ("contact", self.contact.clone()),
                ("interpreter", self.interpreter.clone()),
            ]);
            v.extend(
                self.accommodations
                    .iter()
                    .map(|a| ("accommodations", a.clone())),
            );
        }
        v.retain(|(_, value)| !value.is_empty());
        v
    }
}

#[derive(Template)]
#[template(path = "public/landing.html")]
struct Landing {
    l: Layout,
    rights: Vec<Choice>,
    /// The acknowledgement promise, with the organization's own target.
    ack: String,
    /// The bodies outside the organization a client can also turn to.
    bodies: Vec<Body>,
    /// The organization's name, address and contact.
    org: Identity,
}

/// An external body as the landing page shows it.
struct Body {
    /// Its name, as the body writes it in English or French.
    name: String,
    /// The language of `name` when it is not the page's ("en" on pages other than English
    /// and French), so that it is read and laid out as written.
    name_lang: Option<&'static str>,
    /// What a client can bring to it, in the page's language where Recourse has it.
    about: String,
    /// The language of `about` when it is not the page's.
    about_lang: Option<&'static str>,
    url: String,
}

/// The external bodies of `reference` in the page's language: names and descriptions in
/// French from the file on French pages, descriptions from the interface messages
/// `external-<id>` in other languages where they exist, English otherwise.
fn bodies(tr: &Tr, reference: &Reference) -> Vec<Body> {
    let fr = tr.lang == "fr";
    let foreign = (!fr && tr.lang != "en").then_some("en");
    reference
        .external_bodies
        .iter()
        .map(|b| {
            let (about, about_lang) = if fr {
                (b.about_fr.clone(), None)
            } else {
                match tr.t_own(&format!("external-{}", b.id)) {
                    Some(own) => (own, None),
                    None => (b.about.clone(), foreign),
                }
            };
            Body {
                name: if fr {
                    b.name_fr.clone()
                } else {
                    b.name.clone()
                },
                name_lang: foreign,
                about,
                about_lang,
                url: b.url.clone(),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "public/complain.html")]
struct Complain {
    l: Layout,
    step: u8,
    step_names: Vec<(u8, String)>,
    d: Draft,
    errors: Vec<(&'static str, String)>,
    programs: Vec<Choice>,
    sites: Vec<Choice>,
    streams: Vec<Choice>,
    rights: Vec<Choice>,
    contacts: Vec<Choice>,
    accommodations: Vec<Choice>,
    interpreters: &'static [(&'static str, &'static str)],
    /// The check-and-send page: each earlier step's answers, with a link back to that step.
    sections: Vec<Section>,
    /// The draft's public id (which draft this form is).
    draft: String,
}

/// One step's answers on the check-and-send page.
struct Section {
    step: u8,
    title: String,
    rows: Vec<(String, String)>,
}

impl Complain {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m)
    }
}

/// A complaint already sent: said without its receipt code unless this browser filed it.
#[derive(Template)]
#[template(path = "public/sent.html")]
struct Sent {
    l: Layout,
    /// This browser filed it and may see its receipt again.
    receipt: bool,
}

#[derive(Template)]
#[template(path = "public/receipt.html")]
struct Receipt {
    l: Layout,
    code: String,
    /// The code's groups, each but the last with its hyphen (the code wraps only between them).
    groups: Vec<String>,
    /// What happens now, with the organization's acknowledgement target.
    next: String,
    /// The organization's name, address and contact.
    org: Identity,
    /// The full address of the tracking page.
    track: String,
    /// Who countersigns the complaint's record, in plain words (none when no witness is
    /// configured).
    witnessed: Vec<String>,
}

/// Message `id` with the organization's target for acknowledging a complaint (`$days`).
fn with_ack_days(ctx: &Ctx, id: &str) -> String {
    let days = ctx
        .app
        .service
        .read(|m| m.clocks().acknowledge_business_days());
    ctx.tr.t_count(id, "days", days)
}

fn choices(ctx: &Ctx) -> (Vec<Choice>, Vec<Choice>, Vec<Choice>) {
    let (programs, sites) = ctx.app.service.read(|m| {
        (
            m.org().settings.programs.clone(),
            m.org().settings.sites.clone(),
        )
    });
    let named = |v: Vec<recourse_events::org::Named>| {
        v.into_iter()
            .map(|n| Choice {
                label: n.name_in(ctx.tr.lang).to_string(),
                value: n.id,
                hint: String::new(),
            })
            .collect()
    };
    let reference = ctx.app.service.read(|m| m.reference().clone());
    let fr = ctx.tr.lang == "fr";
    let streams = reference
        .service_streams
        .iter()
        .map(|s| Choice {
            value: s.id.clone(),
            label: if fr {
                s.title_fr.clone()
            } else {
                ctx.tr
                    .t_own(&format!("stream-{}", s.id))
                    .unwrap_or_else(|| s.title.clone())
            },
            hint: String::new(),
        })
        .collect();
    (named(programs), named(sites), streams)
}

fn options(tr: &Tr, prefix: &str, values: &[&str]) -> Vec<Choice> {
    values
        .iter()
        .map(|v| Choice {
            value: v.to_string(),
            label: tr.t(&format!("{prefix}-{v}")),
            hint: tr.t_opt(&format!("{prefix}-{v}-hint")).unwrap_or_default(),
        })
        .collect()
}

/// The landing page.
pub fn landing(ctx: &Ctx) -> Result<Response, WebError> {
    let reference = ctx.app.service.read(|m| m.reference().clone());
    render(Landing {
        l: Layout::new(ctx, "landing-title"),
        rights: rights(&ctx.tr, &reference),
        ack: with_ack_days(ctx, "landing-step-3"),
        bodies: bodies(&ctx.tr, &reference),
        org: Identity::of(ctx),
    })
}

fn page(
    ctx: &Ctx,
    step: u8,
    d: Draft,
    errors: Vec<(&'static str, String)>,
    draft: &str,
) -> Result<Response, WebError> {
    let (programs, sites, streams) = choices(ctx);
    let reference = ctx.app.service.read(|m| m.reference().clone());
    let tr = &ctx.tr;
    let contacts = options(tr, "contact", ContactPreference::NAMES);
    let accommodations = options(
        tr,
        "accommodation",
        &[
            "interpreter",
            "accessible_format",
            "support_person",
            "flexible_meeting",
        ],
    );
    let rights = rights(tr, &reference);
    let sections = if step == STEPS {
        summary(
            tr,
            &d,
            [
                &programs,
                &sites,
                &streams,
                &rights,
                &contacts,
                &accommodations,
            ],
        )
    } else {
        Vec::new()
    };
    let invalid = !errors.is_empty();
    let title = if invalid {
        "complain-title-errors"
    } else {
        "complain-title"
    };
    let mut l = Layout::new(ctx, title);
    l.lang_form = Some("complain-form");
    let page = render(Complain {
        l,
        step,
        step_names: (1..=STEPS)
            .map(|n| (n, tr.t(&format!("step-{n}"))))
            .collect(),
        d,
        errors,
        programs,
        sites,
        streams,
        rights,
        contacts,
        accommodations,
        interpreters: INTERPRETER_LANGUAGES,
        sections,
        draft: draft.to_string(),
    })?;
    // A step with errors is shown again, with what is wrong at each field: a refusal (400).
    Ok(if invalid {
        page.status(warp::http::StatusCode::BAD_REQUEST)
    } else {
        page
    })
}

/// The check-and-send page's sections: every answer of steps 1 to 3, as the client gave it.
fn summary(tr: &Tr, d: &Draft, lists: [&[Choice]; 6]) -> Vec<Section> {
    let [programs, sites, streams, rights, contacts, accommodations] = lists;
    let none = || tr.t("summary-none");
    let label = |list: &[Choice], v: &str| {
        list.iter()
            .find(|c| c.value == v)
            .map(|c| c.label.clone())
            .unwrap_or_else(none)
    };
    let or_none = |v: &str| {
        if v.trim().is_empty() {
            none()
        } else {
            v.to_string()
        }
    };
    let what = vec![
        (tr.t("field-what"), d.what.clone()),
        (tr.t("field-program"), label(programs, &d.program)),
        (tr.t("field-site"), label(sites, &d.site)),
        (
            tr.t("field-stream"),
            if d.stream.is_empty() {
                tr.t("dont-know")
            } else {
                label(streams, &d.stream)
            },
        ),
        (
            tr.t("field-about"),
            tr.t(if d.about == "leadership" {
                "field-about-leadership"
            } else {
                "field-about-other"
            }),
        ),
        (tr.t("field-who"), or_none(&d.who)),
    ];
    let wanted = vec![
        (
            tr.t("field-rights"),
            if d.rights.is_empty() {
                none()
            } else {
                d.rights
                    .iter()
                    .map(|r| label(rights, r))
                    .collect::<Vec<_>>()
                    .join("; ")
            },
        ),
        (tr.t("field-outcome"), or_none(&d.outcome)),
    ];
    let mut reach = vec![if d.identity == "anonymous" {
        (tr.t("field-identity"), tr.t("identity-anonymous"))
    } else {
        (tr.t("field-name"), or_none(&d.name))
    }];
    reach.push((tr.t("field-contact"), label(contacts, &d.contact)));
    reach.push((tr.t("field-email"), or_none(&d.email)));
    reach.push((tr.t("field-phone"), or_none(&d.phone)));
    reach.push((
        tr.t("field-accommodations"),
        if d.accommodations.is_empty() {
            none()
        } else {
            d.accommodations
                .iter()
                .map(|a| label(accommodations, a))
                .collect::<Vec<_>>()
                .join("; ")
        },
    ));
    if d.has_accommodation("interpreter") {
        reach.push((
            tr.t("field-interpreter"),
            INTERPRETER_LANGUAGES
                .iter()
                .find(|(code, _)| *code == d.interpreter)
                .map(|(_, name)| name.to_string())
                .unwrap_or_else(none),
        ));
    }
    [what, wanted, reach]
        .into_iter()
        .zip(1u8..)
        .map(|(rows, step)| Section {
            step,
            title: tr.t(&format!("step-{step}")),
            rows,
        })
        .collect()
}

/// The draft cookie's token, and the draft this process keeps for it.
fn current(ctx: &Ctx) -> Option<(String, Opened)> {
    let token = ctx.req.cookie(DRAFT_COOKIE).filter(|t| t.len() == 43)?;
    let opened = ctx.app.drafts.open(&token)?;
    Some((token, opened))
}

/// The step asked for in the address (`?step=N`).
fn asked_step(ctx: &Ctx) -> Option<u8> {
    ctx.req
        .query()
        .get("step")
        .and_then(|s| s.parse::<u8>().ok())
        .filter(|s| (1..=STEPS).contains(s))
}

/// A new, empty draft.
fn empty_draft() -> Draft {
    Draft {
        identity: "named".into(),
        contact: "none".into(),
        ..Draft::default()
    }
}

/// With the draft cookie set (a browser session's cookie: it ends with the browser).
fn with_draft_cookie(ctx: &Ctx, r: Response, token: &str) -> Response {
    r.cookie(DRAFT_COOKIE, token, None, ctx.secure())
}

/// "Your complaint was already sent", with the link to the receipt only for the browser that
/// filed it.
fn sent(ctx: &Ctx, receipt: bool) -> Result<Response, WebError> {
    render(Sent {
        l: Layout::new(ctx, "sent-title"),
        receipt,
    })
}

/// A step of the form (`GET /complain[?step=N]`): the draft's answers so far, at the step
/// asked for (never past the furthest reached), or at the step last shown.
pub fn complain_form(ctx: &Ctx) -> Result<Response, WebError> {
    let asked = asked_step(ctx);
    match current(ctx) {
        Some((_, o)) if o.state == State::Open => page(
            ctx,
            asked.unwrap_or(o.step).min(o.reached),
            o.draft,
            vec![],
            &o.id,
        ),
        // Back from the receipt, or a step's address again: this draft was sent.
        Some((_, o)) if asked.is_some() => sent(ctx, matches!(o.state, State::Filed(Some(_)))),
        // A new complaint: kept only once its first step is sent (a visit alone keeps
        // nothing, so that crawlers and floods do not fill the memory with empty drafts).
        _ => page(ctx, 1, empty_draft(), vec![], ""),
    }
}

/// The page's input for a field of the application's [`ComplaintForm`].
pub fn form_field(field: &'static str) -> &'static str {
    match field {
        "what_happened" => "what",
        "service_stream" => "stream",
        "outcome_wanted" => "outcome",
        "staff_described" => "who",
        "contact_preference" => "contact",
        "interpreter_language" => "interpreter",
        other => other,
    }
}

/// What is missing or wrong at `step` (also used by the intake form): the application's
/// validator on the part of the complaint the step asks for, each refusal at the page's input
/// and in the page's language.
pub fn check(ctx: &Ctx, step: u8, d: &Draft) -> Vec<(&'static str, String)> {
    let form = to_form(d, &client_language(ctx));
    ctx.app
        .service
        .check_complaint(&form, &[Part::of_step(step)])
        .into_iter()
        .map(|i| (form_field(i.field), ctx.tr.message(&i.message)))
        .collect()
}

/// A step submitted: go on, go back, stay (the language menu), or send. Each answer is kept
/// in the draft and the next step is its own page (post, redirect, get); a draft is filed once.
pub async fn complain_post(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let step = form
        .get("step")
        .and_then(|s| s.parse::<u8>().ok())
        .filter(|s| (1..=STEPS).contains(s))
        .unwrap_or(1);
    // The form carries every answer (earlier steps in hidden fields), so it stands alone.
    let d = Draft::from_form(&form);
    let posted = form.get("draft");
    let (token, new_cookie) = match (current(ctx), posted) {
        (Some((token, o)), Some(p)) if same_secret(&o.id, p) => {
            if o.state != State::Open {
                // Sent again (Back, "resubmit", a second tap): nothing new is filed.
                return Ok(Response::redirect("/complain/receipt"));
            }
            (token, false)
        }
        // This form's draft was sent, from this browser or another: files nothing, and does
        // not show the receipt code.
        (_, Some(p)) if ctx.app.drafts.was_filed(p) => return sent(ctx, false),
        // A form without a draft this process knows (a restart, a page kept open long):
        // a new draft with its answers.
        _ => (ctx.app.drafts.create(&d, step).0, true),
    };
    let answer = |r: Result<Response, WebError>| -> Result<Response, WebError> {
        let r = r?;
        Ok(if new_cookie {
            with_draft_cookie(ctx, r, &token)
        } else {
            r
        })
    };
    let id = ctx
        .app
        .drafts
        .open(&token)
        .map(|o| o.id)
        .unwrap_or_default();
    let go_to = |n: u8| {
        ctx.app.drafts.save(&token, &d, n);
        Ok(Response::redirect(&format!("/complain?step={n}")))
    };
    match form.get("go") {
        Some("back") => answer(go_to(step.saturating_sub(1).max(1))),
        Some("stay") => answer(go_to(step)),
        Some("send") if step == STEPS => {
            // Every step is checked again: hidden fields can be edited.
            for s in 1..=STEPS {
                let errors = check(ctx, s, &d);
                if !errors.is_empty() {
                    ctx.app.drafts.save(&token, &d, s);
                    return answer(page(ctx, s, d, errors, &id));
                }
            }
            ctx.app.drafts.save(&token, &d, step);
            ctx.app.limiter.check(Purpose::Filing, ctx.req.remote)?;
            if !ctx.app.drafts.begin_filing(&token) {
                return answer(Ok(Response::redirect("/complain/receipt")));
            }
            let filed = ctx
                .app
                .service
                .file(
                    &ctx.app.service.web_intake(),
                    to_form(&d, &client_language(ctx)),
                    ctx.app.service.now(),
                )
                .await;
            let filed = match filed {
                Ok(f) => f,
                Err(e) => {
                    ctx.app.drafts.failed(&token);
                    return Err(e.into());
                }
            };
            ctx.app.drafts.filed(&token, &filed.receipt.grouped());
            ctx.app
                .metrics
                .filed
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            answer(Ok(Response::redirect("/complain/receipt")))
        }
        _ => {
            let errors = check(ctx, step, &d);
            if errors.is_empty() {
                answer(go_to((step + 1).min(STEPS)))
            } else {
                ctx.app.drafts.save(&token, &d, step);
                answer(page(ctx, step, d, errors, &id))
            }
        }
    }
}

/// The receipt (`GET /complain/receipt`), for the browser that filed the complaint, for a
/// while: a reload shows it again and files nothing.
pub async fn receipt(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    match current(ctx) {
        Some((_, o)) => match o.state {
            State::Filed(Some(code)) => {
                let case = ReceiptCode::parse(&code)
                    .ok()
                    .and_then(|c| ctx.app.service.client(&c).ok());
                let witnessed = witnessed_lines(ctx, case.map(|(case, _)| case)).await?;
                let parts: Vec<&str> = code.split('-').collect();
                let groups = parts
                    .iter()
                    .enumerate()
                    .map(|(i, g)| {
                        if i + 1 < parts.len() {
                            format!("{g}-")
                        } else {
                            g.to_string()
                        }
                    })
                    .collect();
                render(Receipt {
                    l: Layout::new(ctx, "receipt-title"),
                    code,
                    groups,
                    next: with_ack_days(ctx, "receipt-next"),
                    org: Identity::of(ctx),
                    track: public_address(ctx, "/track"),
                    witnessed,
                })
            }
            State::Open => Ok(Response::redirect("/complain")),
            // Being filed this very moment (a second tap): its receipt comes with a reload.
            State::Filing => sent(ctx, true),
            State::Filed(None) => sent(ctx, false),
        },
        None => Ok(Response::redirect("/complain")),
    }
}

/// What the client reads about the witnesses of complaint `case`
/// ([`super::witnessed::client_lines`]); none for a code of no case.
async fn witnessed_lines(
    ctx: &Ctx<'_>,
    case: Option<recourse_events::ids::CaseId>,
) -> Result<Vec<String>, WebError> {
    let Some(case) = case else {
        return Ok(Vec::new());
    };
    let witnessed = ctx.app.service.case_witnessed(case).await?;
    Ok(super::witnessed::client_lines(&ctx.tr, &witnessed))
}

/// The draft as the service's form.
pub fn to_form(d: &Draft, language: &str) -> ComplaintForm {
    let anonymous = d.identity == "anonymous";
    let contact = match d.contact.as_str() {
        "email" => ContactPreference::Email,
        "phone" => ContactPreference::Phone,
        "text_message" => ContactPreference::TextMessage,
        "in_person" => ContactPreference::InPerson,
        _ => ContactPreference::None,
    };
    let accommodations: Vec<Accommodation> = d
        .accommodations
        .iter()
        .filter_map(|a| match a.as_str() {
            "interpreter" => Some(Accommodation::Interpreter),
            "accessible_format" => Some(Accommodation::AccessibleFormat),
            "support_person" => Some(Accommodation::SupportPerson),
            "flexible_meeting" => Some(Accommodation::FlexibleMeeting),
            _ => None,
        })
        .collect();
    let opt = |s: &str| Some(s.to_string()).filter(|s| !s.trim().is_empty());
    ComplaintForm {
        channel: None,
        language: language.to_string(),
        anonymous,
        name: if anonymous { None } else { opt(&d.name) },
        email: opt(&d.email),
        phone: opt(&d.phone),
        program: d.program.clone(),
        site: d.site.clone(),
        service_stream: opt(&d.stream),
        rights: d.rights.clone(),
        what_happened: d.what.clone(),
        outcome_wanted: opt(&d.outcome),
        contact_preference: Some(contact),
        interpreter_language: if accommodations.contains(&Accommodation::Interpreter) {
            opt(&d.interpreter)
        } else {
            None
        },
        accommodations,
        consent_handle: d.consent_handle,
        consent_contact: d.consent_contact,
        named_staff: vec![],
        about_leadership: d.about == "leadership",
        staff_described: opt(&d.who),
    }
}

/// The receipt as a small text file to keep (the code comes in the form: never in a URL).
pub async fn receipt_file(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let code = ReceiptCode::parse(form.get("code").unwrap_or_default())
        .map_err(|e| WebError::BadRequest(e.to_string()))?;
    let tr = &ctx.tr;
    // Looking the code up tells whether it is a case's, as the tracking page does: the same
    // limit on lookups applies.
    ctx.app.limiter.check(Purpose::Lookup, ctx.req.remote)?;
    let case = ctx.app.service.client(&code).ok().map(|(case, _)| case);
    // The date it was filed, in the organization's calendar (none for a code of no case).
    let filed = case.and_then(|case| {
        ctx.app.service.read(|m| {
            let at = m.case(&case)?.filed_at?;
            Some(m.clocks().local_date(at).to_string())
        })
    });
    let org = Identity::of(ctx);
    let mut body = String::new();
    if !org.name.is_empty() {
        body.push_str(&format!("{}\n\n", org.name));
    }
    body.push_str(&format!(
        "{}\n\n{}\n\n    {}\n\n",
        tr.t("receipt-file-title"),
        tr.t("receipt-file-keep"),
        code.grouped(),
    ));
    if let Some(date) = filed {
        body.push_str(&format!(
            "{}\n\n",
            tr.t1("receipt-file-filed", "date", date)
        ));
    }
    for line in witnessed_lines(ctx, case).await? {
        body.push_str(&format!("{line}\n\n"));
    }
    body.push_str(&format!(
        "{}\n\n{}\n",
        tr.t("receipt-file-how"),
        tr.t1(
            "receipt-file-track",
            "address",
            public_address(ctx, "/track")
        )
    ));
    if org.has_contact() {
        body.push_str(&format!("\n{}\n", tr.t("receipt-file-contact")));
        for line in org
            .address
            .iter()
            .chain([&org.phone, &org.email, &org.website])
            .filter(|l| !l.is_empty())
        {
            body.push_str(&format!("    {line}\n"));
        }
    }
    Ok(Response::text(body).header(
        header::CONTENT_DISPOSITION,
        "attachment; filename=\"complaint-receipt.txt\"",
    ))
}
