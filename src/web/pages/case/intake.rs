//! Intake files complaints for clients who phone, come in, write or are referred: the form
//! (the public form's steps, plus the channel and the staff named) and the receipt. Moved here
//! unchanged from `pages/case.rs`.

use askama::Template;
use recourse_events::case::Channel;
use recourse_events::org::Role;

use super::super::layout::Layout;
use super::super::public::{self, Draft};
use super::super::render;
use super::{Opt, options};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

#[derive(Template)]
#[template(path = "staff/file_complaint.html")]
struct FileComplaint {
    l: Layout,
    d: Draft,
    channel: String,
    named: Vec<String>,
    errors: Vec<(&'static str, String)>,
    channels: Vec<Opt>,
    programs: Vec<Opt>,
    sites: Vec<Opt>,
    rights: Vec<Opt>,
    staff: Vec<Opt>,
    contacts: Vec<Opt>,
    accommodations: Vec<Opt>,
    interpreters: &'static [(&'static str, &'static str)],
    /// The client's language: the organization's languages first, in its order, then the
    /// interpreters' (each in its own name).
    languages: Vec<(&'static str, &'static str)>,
    /// The language chosen (the page's, to begin with).
    language: String,
}

impl FileComplaint {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m)
    }
    fn named_has(&self, v: &str) -> bool {
        self.named.iter().any(|n| n == v)
    }
}

#[derive(Template)]
#[template(path = "staff/filed.html")]
struct Filed {
    l: Layout,
    case: String,
    code: String,
}

fn file_page(
    ctx: &Ctx,
    d: Draft,
    language: String,
    channel: String,
    named: Vec<String>,
    errors: Vec<(&'static str, String)>,
) -> Result<Response, WebError> {
    let tr = &ctx.tr;
    let (org, reference) = ctx
        .app
        .service
        .read(|m| (m.org().clone(), m.reference().clone()));
    let names = ctx.app.service.staff_names();
    let invalid = !errors.is_empty();
    let page = FileComplaint {
        l: Layout::new(ctx, "intake-title"),
        d,
        channel,
        named,
        errors,
        channels: options(ctx, "channel", &["phone", "in_person", "email", "referral"]),
        programs: org
            .settings
            .programs
            .iter()
            .map(|p| Opt {
                value: p.id.clone(),
                label: p.name_in(tr.lang).to_string(),
            })
            .collect(),
        sites: org
            .settings
            .sites
            .iter()
            .map(|p| Opt {
                value: p.id.clone(),
                label: p.name_in(tr.lang).to_string(),
            })
            .collect(),
        rights: public::rights(tr, &reference)
            .into_iter()
            .map(|c| Opt {
                value: c.value,
                label: c.label,
            })
            .collect(),
        staff: org
            .staff
            .values()
            .map(|s| Opt {
                value: s.id.to_string(),
                label: names.get(&s.id).cloned().unwrap_or_default(),
            })
            .collect(),
        // In the committee's voice: "Do not contact the client", not "Do not contact me".
        contacts: options(
            ctx,
            "contact",
            recourse_events::case::ContactPreference::NAMES,
        )
        .into_iter()
        .map(|o| Opt {
            label: tr
                .t_opt(&format!("intake-contact-{}", o.value))
                .unwrap_or(o.label),
            value: o.value,
        })
        .collect(),
        accommodations: options(
            ctx,
            "accommodation",
            &[
                "interpreter",
                "accessible_format",
                "support_person",
                "flexible_meeting",
            ],
        ),
        interpreters: public::INTERPRETER_LANGUAGES,
        languages: client_languages(ctx, &org.settings.languages),
        language,
    };
    // The form again with what is wrong at each field: a refusal (400).
    let page = render(page)?;
    Ok(if invalid {
        page.status(warp::http::StatusCode::BAD_REQUEST)
    } else {
        page
    })
}

/// The intake form (a complaint taken by phone, in person, by email or referral).
pub fn file_form(ctx: &Ctx) -> Result<Response, WebError> {
    ctx.staff_with(&[Role::Intake])?;
    let d = Draft {
        identity: "named".into(),
        contact: "none".into(),
        consent_handle: false,
        ..Draft::default()
    };
    file_page(
        ctx,
        d,
        public::client_language(ctx),
        "phone".into(),
        vec![],
        vec![],
    )
}

/// Files a complaint for a client.
pub async fn file(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    ctx.staff_with(&[Role::Intake])?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let d = Draft::from_form(&form);
    let channel = form.get("channel").unwrap_or("phone").to_string();
    let named: Vec<String> = form.all("named").into_iter().map(String::from).collect();
    let mut errors: Vec<(&'static str, String)> = (1..=public::STEPS)
        .flat_map(|s| public::check(ctx, s, &d))
        .collect();
    let channel_value: Option<Channel> =
        serde_json::from_value(serde_json::Value::String(channel.clone()))
            .ok()
            .filter(|c| *c != Channel::Web);
    if channel_value.is_none() {
        errors.push(("channel", ctx.tr.t("intake-channel")));
    }
    let language = match form.get("language").filter(|l| !l.is_empty()) {
        Some(l) if public::is_client_language(ctx, l) => l.to_string(),
        Some(_) => {
            errors.push(("language", ctx.tr.t("error-language")));
            String::new()
        }
        None => public::client_language(ctx),
    };
    if !errors.is_empty() {
        return file_page(ctx, d, language, channel, named, errors);
    }
    let mut complaint = public::to_form(&d, &language);
    complaint.channel = channel_value;
    complaint.named_staff = named.iter().filter_map(|n| n.parse().ok()).collect();
    let filed = ctx
        .app
        .service
        .file(&ctx.acting()?, complaint, ctx.app.service.now())
        .await?;
    render(Filed {
        l: Layout::new(ctx, "intake-filed"),
        case: filed.case.to_string(),
        code: filed.receipt.grouped(),
    })
}

/// The languages a client's complaint may record, as intake's form lists them: the
/// organization's own (in its order), then the interpreters' not already listed.
fn client_languages(ctx: &Ctx, offered: &[String]) -> Vec<(&'static str, &'static str)> {
    let mut all: Vec<(&'static str, &'static str)> = offered
        .iter()
        .filter_map(|o| {
            crate::web::i18n::LANGUAGES
                .iter()
                .find(|(c, _, _)| c == o)
                .map(|(c, n, _)| (*c, *n))
                .or_else(|| {
                    public::INTERPRETER_LANGUAGES
                        .iter()
                        .find(|(c, _)| c == o)
                        .copied()
                })
        })
        .filter(|(c, _)| public::is_client_language(ctx, c))
        .collect();
    for l in public::INTERPRETER_LANGUAGES {
        if !all.iter().any(|(c, _)| c == &l.0) {
            all.push(*l);
        }
    }
    all
}
