//! Administration, for administrators only: the staff list, enrolling a staff member with a
//! one-time set-up link, granting and revoking roles, recording departures, replacing a staff
//! member's key (which is how a forgotten password is reset), and the organization's settings.
//!
//! Every change is an administration command decided by the same rules as anywhere else: the
//! page never keeps its own copy of them, it shows their refusal (for example, the last
//! administrator's role cannot be removed). Settings are checked field by field with the
//! rules' own `validate_settings`, so every mistake is listed at once, next to its field, with
//! what was typed kept. A set-up link is shown once, on the page that answers the form (never
//! in a redirect, so it stays out of history and logs): the server keeps only its hash.
//! Staff names are unsealed here for administrators; nothing about clients is shown.
//!
//! The workflows themselves (enrolment with its account and its undo, credential resets,
//! departures, saving settings over their fingerprint) are the application's
//! ([`crate::service::administration`]): the handlers here read the form, call them and show
//! the outcome, with each refused field's message translated beside it.

use askama::Template;
use recourse_events::ids::StaffId;
use recourse_events::org::{Named, Organization, Role, Settings};
use recourse_events::review::{Cadence, PeriodKind};
use recourse_projections::holiday::Jurisdiction;
use recourse_projections::rule::RuleError;
use warp::http::StatusCode;

use super::layout::Layout;
use super::render;
use crate::service::administration::{
    Enrolment, SettingsSaved, SetupLink, fingerprint, settings_refusals,
};
use crate::service::{Acting, AdminError, Invalid, ServiceError};
use crate::web::error::WebError;
use crate::web::http::{Form, Response};
use crate::web::i18n::{LANGUAGES, Tr};
use crate::web::router::Ctx;

/// Time zones offered as suggestions (any IANA name is accepted).
const TIME_ZONES: &[&str] = &[
    "America/St_Johns",
    "America/Halifax",
    "America/Glace_Bay",
    "America/Moncton",
    "America/Toronto",
    "America/Winnipeg",
    "America/Regina",
    "America/Edmonton",
    "America/Vancouver",
    "America/Whitehorse",
    "America/Yellowknife",
    "America/Iqaluit",
];

/// Problems with a form: (id of the field to link to, message), in form order.
#[derive(Default)]
pub(super) struct Errors {
    pub(super) items: Vec<(String, String)>,
}

impl Errors {
    pub(super) fn one(field: &str, message: String) -> Errors {
        let mut e = Errors::default();
        e.push(field, message);
        e
    }

    pub(super) fn push(&mut self, field: &str, message: String) {
        self.items.push((field.to_string(), message));
    }

    /// Each refused field's message, translated, at the form field named by `anchor`.
    pub(super) fn of_invalid(
        tr: &Tr,
        refused: &[Invalid],
        anchor: impl Fn(&str) -> String,
    ) -> Errors {
        let mut e = Errors::default();
        for i in refused {
            e.push(&anchor(i.field), tr.message(&i.message));
        }
        e
    }

    pub(super) fn get(&self, field: &str) -> Option<&String> {
        self.items.iter().find(|(f, _)| f == field).map(|(_, m)| m)
    }

    pub(super) fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// A role as a choice: its value, name and plain explanation, and whether it is held/chosen.
struct RoleChoice {
    value: &'static str,
    label: String,
    hint: String,
    checked: bool,
    /// The button offered on a staff member's page ("Give the role ..." or "Remove ...").
    button: String,
}

/// One line of the staff list.
struct StaffRow {
    id: String,
    name: String,
    login: String,
    roles: String,
    active: bool,
    keys: usize,
}

#[derive(Template)]
#[template(path = "admin/staff.html")]
struct StaffList {
    l: Layout,
    current: &'static str,
    rows: Vec<StaffRow>,
}

/// What was typed in the enrolment form.
#[derive(Default)]
struct EnrolDraft {
    name: String,
    login: String,
    roles: Vec<String>,
}

#[derive(Template)]
#[template(path = "admin/enrol.html")]
struct Enrol {
    l: Layout,
    current: &'static str,
    d: EnrolDraft,
    roles: Vec<RoleChoice>,
    errors: Errors,
}

#[derive(Template)]
#[template(path = "admin/link.html")]
struct Link {
    l: Layout,
    current: &'static str,
    id: String,
    intro: String,
    login: String,
    link: String,
    expires: String,
}

#[derive(Template)]
#[template(path = "admin/person.html")]
struct Person {
    l: Layout,
    current: &'static str,
    id: String,
    name: String,
    login: String,
    active: bool,
    is_self: bool,
    roles: Vec<RoleChoice>,
    keys: Vec<String>,
    reason: String,
    errors: Errors,
}

/// What was typed in the settings form (kept as typed, to show it again with the errors).
#[derive(Default, Clone)]
struct SettingsDraft {
    acknowledge_business_days: String,
    decide_calendar_days: String,
    appeal_window_days: String,
    retention_days: String,
    time_zone: String,
    holiday_jurisdiction: String,
    extra_holidays: String,
    removed_holidays: String,
    languages: Vec<String>,
    default_language: String,
    programs: String,
    sites: String,
    framework: String,
    /// How often the framework is reviewed (`quarter`, `half_year`, `year`).
    review_every: String,
    /// The month the organization's year starts in (`1` or `4`).
    review_year_start: String,
    /// Whether only a chair decides complaints; `None` from a form without the choice (an
    /// older page, a script), which leaves the setting as it is.
    chair_decides: Option<bool>,
    /// Where complaints about the director or the chair go, and whether clients see openers'
    /// names; `None` from a form without these choices, which leaves them as they are.
    escalation: Option<EscalationDraft>,
    /// Fingerprint of the settings the form was opened on (another administrator may save
    /// in between; their change is not silently overwritten).
    base: String,
    /// Whether the form showed the organization's identity (an older page, a script without
    /// it leaves the identity as it is).
    org_shown: bool,
    /// The organization's name.
    org_name: String,
    /// Its postal address (lines).
    org_address: String,
    /// Its telephone number.
    org_phone: String,
    /// Its email address.
    org_email: String,
    /// Its web site.
    org_website: String,
    /// Its name in the other languages offered: (code, the language's own name, name).
    org_names: Vec<(String, String, String)>,
    /// The programs' names in the other languages: (code, own name, `id = name` lines).
    program_names: Vec<(String, String, String)>,
    /// The sites' names in the other languages, likewise.
    site_names: Vec<(String, String, String)>,
}

/// The escalation and openers' names choices as typed (staff ids, empty for none).
#[derive(Default, Clone)]
struct EscalationDraft {
    director: String,
    external_reviewer: String,
    show_opener_names: bool,
}

#[derive(Template)]
#[template(path = "admin/settings.html")]
struct SettingsPage {
    l: Layout,
    current: &'static str,
    d: SettingsDraft,
    errors: Errors,
    jurisdictions: Vec<(&'static str, String)>,
    languages: Vec<(String, String)>,
    time_zones: &'static [&'static str],
    framework_default: String,
    /// Active staff (id, name), for the director and the external reviewer.
    people: Vec<(String, String)>,
    /// The largest logo, in KiB.
    logo_kib: usize,
}

impl SettingsPage {
    fn director_is(&self, id: &str) -> bool {
        self.d.escalation.as_ref().is_some_and(|e| e.director == id)
    }

    fn external_is(&self, id: &str) -> bool {
        self.d
            .escalation
            .as_ref()
            .is_some_and(|e| e.external_reviewer == id)
    }

    fn opener_names(&self) -> bool {
        self.d
            .escalation
            .as_ref()
            .is_some_and(|e| e.show_opener_names)
    }
}

fn role_label(tr: &Tr, role: Role) -> String {
    tr.t(&format!("admin-role-{}", role.as_str()))
}

fn role_choices(tr: &Tr, checked: impl Fn(Role) -> bool) -> Vec<RoleChoice> {
    Role::ALL
        .into_iter()
        .map(|r| {
            let label = role_label(tr, r);
            let held = checked(r);
            RoleChoice {
                value: r.as_str(),
                hint: tr.t(&format!("admin-role-{}-hint", r.as_str())),
                checked: held,
                button: tr.t1(
                    if held {
                        "admin-role-remove"
                    } else {
                        "admin-role-grant"
                    },
                    "role",
                    &label,
                ),
                label,
            }
        })
        .collect()
}

/// The organization acting through the signed-in administrator.
pub(super) fn acting(ctx: &Ctx) -> Result<Acting, WebError> {
    ctx.staff_with(&[Role::Admin])?;
    ctx.acting()
}

/// A refusal to show on the form (status and message), or an error for the error page.
fn refusal(tr: &Tr, e: ServiceError) -> Result<(StatusCode, String), WebError> {
    match e {
        ServiceError::Rule(RuleError::LastAdministrator) => {
            Ok((StatusCode::CONFLICT, tr.t("admin-last-admin")))
        }
        ServiceError::Rule(r) if r.is_forbidden() => Err(WebError::Forbidden(r.to_string())),
        ServiceError::Rule(r @ RuleError::Invalid { .. }) => {
            Ok((StatusCode::BAD_REQUEST, r.to_string()))
        }
        ServiceError::Rule(r) => Ok((StatusCode::CONFLICT, r.to_string())),
        ServiceError::Input(m) => Ok((StatusCode::BAD_REQUEST, m)),
        other => Err(other.into()),
    }
}

/// A workflow's refusal as the form's errors (each refused field at its own, anything else the
/// rules refused at `field`), with its status; or an error for the error page.
pub(super) fn refused(
    tr: &Tr,
    e: AdminError,
    field: &str,
    anchor: impl Fn(&str) -> String,
) -> Result<(StatusCode, Errors), WebError> {
    match e {
        AdminError::Service(ServiceError::Invalid(v)) => {
            Ok((StatusCode::BAD_REQUEST, Errors::of_invalid(tr, &v, anchor)))
        }
        AdminError::Service(e) => {
            refusal(tr, e).map(|(status, message)| (status, Errors::one(field, message)))
        }
        other => Err(other.into()),
    }
}

/// A staff member named by a form or query value, who must exist.
fn staff_of(ctx: &Ctx, id: Option<&str>) -> Result<StaffId, WebError> {
    let id: StaffId = id.and_then(|i| i.parse().ok()).ok_or(WebError::NotFound)?;
    if ctx.app.service.read(|m| m.org().staff.contains_key(&id)) {
        Ok(id)
    } else {
        Err(WebError::NotFound)
    }
}

/// A staff member's sign-in name: their account's, else the one recorded at enrolment.
fn login_of(ctx: &Ctx, staff: StaffId) -> Result<Option<String>, WebError> {
    Ok(ctx.app.administration().login_of(staff)?)
}

/// The page: the staff list, a staff member (`?staff=<id>`), enrolment (`?view=enrol`) or
/// the settings (`?view=settings`).
pub async fn page(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    ctx.staff_with(&[Role::Admin])?;
    let q = ctx.req.query();
    if let Some(id) = q.get("staff") {
        let staff = staff_of(ctx, Some(id))?;
        return person(ctx, staff, Errors::default(), String::new());
    }
    match q.get("view") {
        Some("enrol") => enrol_page(ctx, EnrolDraft::default(), Errors::default()),
        Some("settings") => {
            let current = ctx.app.service.read(|m| m.org().settings.clone());
            settings_page(ctx, SettingsDraft::of(&current), Errors::default())
        }
        _ => staff_list(ctx),
    }
}

/// An action: `enrol`, `grant`, `revoke`, `depart`, `rotate` or `settings`.
#[tracing::instrument(skip_all, fields(action = %action))]
pub async fn act(ctx: &Ctx<'_>, action: &str) -> Result<Response, WebError> {
    let admin = acting(ctx)?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    match action {
        "enrol" => enrol(ctx, &admin, &form).await,
        "grant" => role(ctx, &admin, &form, true).await,
        "revoke" => role(ctx, &admin, &form, false).await,
        "depart" => depart(ctx, &admin, &form).await,
        "rotate" => rotate(ctx, &admin, &form).await,
        "settings" => settings(ctx, &admin, &form).await,
        _ => Err(WebError::NotFound),
    }
}

/// The logo upload (`multipart/form-data`, its own body limit): the image is checked by its
/// bytes, not its name or the type the browser claims.
pub async fn logo(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let admin = acting(ctx)?;
    let limits = crate::web::upload::PartLimits {
        max_files: 1,
        max_file_bytes: crate::limits::LOGO_BYTES,
        max_field_bytes: 1024,
        max_parts: 4,
    };
    let parts = ctx.req.multipart(&limits).await?;
    ctx.check_csrf(&parts.form)?;
    let refused = |id: &str| {
        let current = ctx.app.service.read(|m| m.org().settings.clone());
        let errors = Errors::one("logo", ctx.tr.t(id));
        settings_page(ctx, SettingsDraft::of(&current), errors)
            .map(|r| r.status(StatusCode::BAD_REQUEST))
    };
    let Some(file) = parts.files("logo").next() else {
        return refused("admin-error-logo-missing");
    };
    if recourse_projections::org::image_type(&file.bytes).is_none() {
        return refused("admin-error-logo-type");
    }
    ctx.app
        .administration()
        .set_logo(&admin, file.bytes.to_vec())
        .await?;
    Ok(Response::redirect(
        "/staff/admin?view=settings&done=admin-logo-saved",
    ))
}

fn staff_list(ctx: &Ctx) -> Result<Response, WebError> {
    let names = ctx.app.service.staff_names();
    let members: Vec<_> = ctx
        .app
        .service
        .read(|m| m.org().staff.values().cloned().collect());
    let mut rows = Vec::with_capacity(members.len());
    for m in members {
        let roles: Vec<String> = m.roles.iter().map(|r| role_label(&ctx.tr, *r)).collect();
        rows.push(StaffRow {
            id: m.id.to_string(),
            name: names.get(&m.id).cloned().unwrap_or_default(),
            login: login_of(ctx, m.id)?.unwrap_or_default(),
            roles: if roles.is_empty() {
                ctx.tr.t("admin-no-roles")
            } else {
                roles.join(", ")
            },
            active: m.active,
            keys: m.keys.len(),
        });
    }
    rows.sort_by_cached_key(|r| (!r.active, r.name.to_lowercase()));
    render(StaffList {
        l: Layout::new(ctx, "admin-staff-title"),
        current: "staff",
        rows,
    })
}

fn person(ctx: &Ctx, staff: StaffId, errors: Errors, reason: String) -> Result<Response, WebError> {
    let member = ctx
        .app
        .service
        .read(|m| m.org().staff.get(&staff).cloned())
        .ok_or(WebError::NotFound)?;
    let name = ctx
        .app
        .service
        .staff_names()
        .remove(&staff)
        .unwrap_or_default();
    let me = ctx.session.as_ref().map(|s| s.staff);
    render(Person {
        l: Layout::new(ctx, "admin-person-title"),
        current: "staff",
        id: staff.to_string(),
        name,
        login: login_of(ctx, staff)?.unwrap_or_default(),
        active: member.active,
        is_self: me == Some(staff),
        roles: role_choices(&ctx.tr, |r| member.roles.contains(&r)),
        keys: member.keys.iter().map(|k| k.to_string()).collect(),
        reason,
        errors,
    })
}

// ----- Enrolment -----

fn enrol_page(ctx: &Ctx, d: EnrolDraft, errors: Errors) -> Result<Response, WebError> {
    let roles = role_choices(&ctx.tr, |r| d.roles.iter().any(|c| c == r.as_str()));
    render(Enrol {
        l: Layout::new(ctx, "admin-enrol-title"),
        current: "enrol",
        d,
        roles,
        errors,
    })
}

async fn enrol(ctx: &Ctx<'_>, admin: &Acting, form: &Form) -> Result<Response, WebError> {
    let tr = &ctx.tr;
    let d = EnrolDraft {
        name: form.get("name").unwrap_or_default().to_string(),
        login: form.get("login").unwrap_or_default().to_string(),
        roles: form.all("roles").into_iter().map(String::from).collect(),
    };
    let mut roles: Vec<Role> = d.roles.iter().filter_map(|r| r.parse().ok()).collect();
    if roles.len() != d.roles.len() {
        // A role that is not one: the choice is refused as a whole, as an empty one is.
        roles.clear();
    }
    let enrolment = Enrolment {
        name: d.name.clone(),
        login: d.login.clone(),
        roles,
    };
    let enrolled = match ctx.app.administration().enrol(admin, &enrolment).await {
        Ok(done) => done,
        Err(AdminError::Account(e)) => return Err(e.into()),
        Err(e) => {
            // The roles' error links to the first choice.
            let first_role = format!("role-{}", Role::ALL[0].as_str());
            let anchor = |f: &str| {
                if f == "roles" {
                    first_role.clone()
                } else {
                    f.to_string()
                }
            };
            let (status, errors) = refused(tr, e, "name", anchor)?;
            return enrol_page(ctx, d, errors).map(|r| r.status(status));
        }
    };
    link_page(
        ctx,
        enrolled.staff,
        tr.t1("admin-link-intro-enrolled", "name", d.name.trim()),
        enrolled.login,
        &enrolled.link,
    )
}

/// The one-time set-up link, shown once.
fn link_page(
    ctx: &Ctx,
    staff: StaffId,
    intro: String,
    login: String,
    link: &SetupLink,
) -> Result<Response, WebError> {
    let tz = ctx.app.service.read(|m| m.org().settings.time_zone.clone());
    let expires = link
        .expires
        .in_tz(&tz)
        .map(|z| z.strftime("%Y-%m-%d %H:%M %Z").to_string())
        .unwrap_or_else(|_| link.expires.to_string());
    let link = super::identity::public_address(ctx, &format!("/staff/setup/{}", link.token.0));
    render(Link {
        l: Layout::new(ctx, "admin-link-title"),
        current: "staff",
        id: staff.to_string(),
        intro,
        login,
        link,
        expires,
    })
}

// ----- Roles, departures, keys -----

async fn role(
    ctx: &Ctx<'_>,
    admin: &Acting,
    form: &Form,
    grant: bool,
) -> Result<Response, WebError> {
    let staff = staff_of(ctx, form.get("staff"))?;
    let Some(role) = form.get("role").and_then(|r| r.parse::<Role>().ok()) else {
        return Err(WebError::BadRequest(ctx.tr.t("admin-error-role")));
    };
    let changed = ctx
        .app
        .administration()
        .set_role(admin, staff, role, grant)
        .await;
    if let Err(e) = changed {
        let (status, errors) = refused(&ctx.tr, e, "roles", str::to_string)?;
        return person(ctx, staff, errors, String::new()).map(|r| r.status(status));
    }
    let me = ctx.session.as_ref().map(|s| s.staff);
    if !grant && role == Role::Admin && me == Some(staff) {
        // They no longer administer: this area is closed to them now.
        return Ok(Response::redirect("/staff?done=admin-role-revoked"));
    }
    let done = if grant {
        "admin-role-granted"
    } else {
        "admin-role-revoked"
    };
    Ok(Response::redirect(&format!(
        "/staff/admin?staff={staff}&done={done}#roles"
    )))
}

async fn depart(ctx: &Ctx<'_>, admin: &Acting, form: &Form) -> Result<Response, WebError> {
    let staff = staff_of(ctx, form.get("staff"))?;
    if !form.checked("confirm") {
        return person(
            ctx,
            staff,
            Errors::one("confirm", ctx.tr.t("admin-error-confirm")),
            String::new(),
        )
        .map(|r| r.status(StatusCode::BAD_REQUEST));
    }
    if let Err(e) = ctx.app.administration().depart(admin, staff).await {
        let (status, errors) = refused(&ctx.tr, e, "confirm", str::to_string)?;
        return person(ctx, staff, errors, String::new()).map(|r| r.status(status));
    }
    if ctx.session.as_ref().is_some_and(|s| s.staff == staff) {
        return Ok(Response::redirect("/staff/login?done=admin-departed"));
    }
    Ok(Response::redirect(&format!(
        "/staff/admin?staff={staff}&done=admin-departed"
    )))
}

async fn rotate(ctx: &Ctx<'_>, admin: &Acting, form: &Form) -> Result<Response, WebError> {
    let tr = &ctx.tr;
    let staff = staff_of(ctx, form.get("staff"))?;
    let reason = form.get("reason").unwrap_or_default().to_string();
    let administration = ctx.app.administration();
    let link = match administration
        .reset_credentials(admin, staff, &reason)
        .await
    {
        Ok(link) => link,
        Err(e) => {
            let (status, errors) = refused(tr, e, "reason", str::to_string)?;
            return person(ctx, staff, errors, reason).map(|r| r.status(status));
        }
    };
    let login = login_of(ctx, staff)?.unwrap_or_default();
    let name = ctx
        .app
        .service
        .staff_names()
        .remove(&staff)
        .unwrap_or_default();
    link_page(
        ctx,
        staff,
        tr.t1("admin-link-intro-reset", "name", &name),
        login,
        &link,
    )
}

// ----- Settings -----

fn lines<T>(items: &[T], show: impl Fn(&T) -> String) -> String {
    items.iter().map(show).collect::<Vec<_>>().join("\n")
}

impl SettingsDraft {
    fn of(s: &Settings) -> SettingsDraft {
        SettingsDraft {
            acknowledge_business_days: s.acknowledge_business_days.to_string(),
            decide_calendar_days: s.decide_calendar_days.to_string(),
            appeal_window_days: s.appeal_window_days.to_string(),
            retention_days: s.retention_days.to_string(),
            time_zone: s.time_zone.clone(),
            holiday_jurisdiction: s.holiday_jurisdiction.clone(),
            extra_holidays: lines(&s.extra_holidays, |d| d.to_string()),
            removed_holidays: lines(&s.removed_holidays, |d| d.to_string()),
            languages: s.languages.clone(),
            default_language: s.languages.first().cloned().unwrap_or_default(),
            programs: lines(&s.programs, |n| format!("{} = {}", n.id, n.name)),
            sites: lines(&s.sites, |n| format!("{} = {}", n.id, n.name)),
            framework: s.framework.clone(),
            review_every: s
                .review_cadence
                .unwrap_or_default()
                .every
                .as_str()
                .to_owned(),
            review_year_start: s
                .review_cadence
                .unwrap_or_default()
                .fiscal_start
                .to_string(),
            chair_decides: Some(s.chair_decides),
            escalation: Some(EscalationDraft {
                director: s.director.map(|d| d.to_string()).unwrap_or_default(),
                external_reviewer: s
                    .external_reviewer
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                show_opener_names: s.show_opener_names,
            }),
            base: fingerprint(s),
            org_shown: true,
            org_name: s.organization.name.clone(),
            org_address: s.organization.address.clone(),
            org_phone: s.organization.phone.clone(),
            org_email: s.organization.email.clone(),
            org_website: s.organization.website.clone(),
            org_names: other_languages(s)
                .into_iter()
                .map(|(code, own)| {
                    let name = s.organization.names.get(&code).cloned();
                    (code, own, name.unwrap_or_default())
                })
                .collect(),
            program_names: names_by_language(s, &s.programs),
            site_names: names_by_language(s, &s.sites),
        }
    }

    fn from_form(f: &Form, current: &Settings) -> SettingsDraft {
        let s = |n: &str| f.get(n).unwrap_or_default().to_string();
        // The names in other languages: those of the languages the form showed.
        let by_language = |prefix: &str| -> Vec<(String, String, String)> {
            language_options(current)
                .into_iter()
                .filter_map(|(code, own)| {
                    let value = f.get(&format!("{prefix}_{code}"))?;
                    Some((code, own, value.trim().replace("\r\n", "\n")))
                })
                .collect()
        };
        let text = |n: &str| f.text(n).unwrap_or_default().trim().to_string();
        SettingsDraft {
            acknowledge_business_days: s("acknowledge_business_days"),
            decide_calendar_days: s("decide_calendar_days"),
            appeal_window_days: s("appeal_window_days"),
            retention_days: s("retention_days"),
            time_zone: s("time_zone"),
            holiday_jurisdiction: s("holiday_jurisdiction"),
            extra_holidays: text("extra_holidays"),
            removed_holidays: text("removed_holidays"),
            languages: f.all("languages").into_iter().map(String::from).collect(),
            default_language: s("default_language"),
            programs: text("programs"),
            sites: text("sites"),
            framework: s("framework"),
            review_every: s("review_every"),
            review_year_start: s("review_year_start"),
            // The page says it shows the choice, since an unticked box sends nothing.
            chair_decides: (!s("chair_decides_shown").is_empty())
                .then(|| !s("chair_decides").is_empty()),
            escalation: (!s("escalation_shown").is_empty()).then(|| EscalationDraft {
                director: s("director"),
                external_reviewer: s("external_reviewer"),
                show_opener_names: !s("show_opener_names").is_empty(),
            }),
            base: s("base"),
            org_shown: f.get("org_name").is_some(),
            org_name: s("org_name").trim().to_string(),
            org_address: s("org_address")
                .replace("\r\n", "\n")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
            org_phone: s("org_phone").trim().to_string(),
            org_email: s("org_email").trim().to_string(),
            org_website: s("org_website").trim().to_string(),
            org_names: by_language("org_name"),
            program_names: by_language("programs"),
            site_names: by_language("sites"),
        }
    }

    /// The names in each other language, grouped for the form: (code, the language's own
    /// name, the organization's name, the programs' lines, the sites' lines).
    fn by_language(&self) -> Vec<(String, String, String, String, String)> {
        let get = |v: &[(String, String, String)], code: &str| {
            v.iter()
                .find(|(c, _, _)| c == code)
                .map(|(_, _, t)| t.clone())
                .unwrap_or_default()
        };
        let mut groups: Vec<(String, String, String, String, String)> = Vec::new();
        for (code, own, _) in self
            .org_names
            .iter()
            .chain(&self.program_names)
            .chain(&self.site_names)
        {
            if !groups.iter().any(|g| &g.0 == code) {
                groups.push((
                    code.clone(),
                    own.clone(),
                    get(&self.org_names, code),
                    get(&self.program_names, code),
                    get(&self.site_names, code),
                ));
            }
        }
        groups
    }

    fn offers(&self, code: &str) -> bool {
        self.languages.iter().any(|l| l == code)
    }

    /// The settings typed, and what cannot be read or what the rules refuse, by field.
    fn parse(&self, tr: &Tr, offered: &[(String, String)]) -> (Settings, Errors) {
        let mut errors = Errors::default();
        let mut s = Settings::default();
        let label = |field: &str| tr.t(&format!("admin-settings-{field}"));
        let number = |field: &str, value: &str, errors: &mut Errors| -> u32 {
            value.parse().unwrap_or_else(|_| {
                errors.push(
                    field,
                    format!("{}: {}", label(field), tr.t("admin-error-number")),
                );
                0
            })
        };
        s.acknowledge_business_days = number(
            "acknowledge_business_days",
            &self.acknowledge_business_days,
            &mut errors,
        );
        s.decide_calendar_days = number(
            "decide_calendar_days",
            &self.decide_calendar_days,
            &mut errors,
        );
        s.appeal_window_days = number("appeal_window_days", &self.appeal_window_days, &mut errors);
        s.time_zone = self.time_zone.clone();
        s.holiday_jurisdiction = self.holiday_jurisdiction.clone();
        for (field, text, out) in [
            (
                "extra_holidays",
                &self.extra_holidays,
                &mut s.extra_holidays,
            ),
            (
                "removed_holidays",
                &self.removed_holidays,
                &mut s.removed_holidays,
            ),
        ] {
            let mut dates = Vec::new();
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                match line.parse::<jiff::civil::Date>() {
                    Ok(d) => dates.push(d),
                    Err(_) => {
                        errors.push(
                            field,
                            format!(
                                "{}: {}",
                                label(field),
                                tr.t1("admin-error-date", "line", line)
                            ),
                        );
                        break;
                    }
                }
            }
            dates.sort();
            dates.dedup();
            *out = dates;
        }
        // The default first, then the others in the menu's order; only languages of the menu.
        let chosen: Vec<String> = offered
            .iter()
            .map(|(code, _)| code.clone())
            .filter(|c| self.offers(c))
            .collect();
        if !chosen.is_empty() && !chosen.contains(&self.default_language) {
            errors.push(
                "default_language",
                format!(
                    "{}: {}",
                    label("default_language"),
                    tr.t("admin-error-default-language")
                ),
            );
        }
        s.languages = chosen
            .iter()
            .filter(|c| **c == self.default_language)
            .chain(chosen.iter().filter(|c| **c != self.default_language))
            .cloned()
            .collect();
        s.retention_days = number("retention_days", &self.retention_days, &mut errors);
        if let Some(chair_decides) = self.chair_decides {
            s.chair_decides = chair_decides;
        }
        if let Some(e) = &self.escalation {
            for (field, text, out) in [
                ("director", &e.director, &mut s.director),
                (
                    "external_reviewer",
                    &e.external_reviewer,
                    &mut s.external_reviewer,
                ),
            ] {
                match text.trim() {
                    "" => *out = None,
                    id => match id.parse() {
                        Ok(id) => *out = Some(id),
                        Err(_) => errors.push(
                            field,
                            format!("{}: {}", label(field), tr.t("admin-error-staff")),
                        ),
                    },
                }
            }
            s.show_opener_names = e.show_opener_names;
        }
        s.framework = self.framework.clone();
        for (field, text, out) in [
            ("programs", &self.programs, &mut s.programs),
            ("sites", &self.sites, &mut s.sites),
        ] {
            let mut named = Vec::new();
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                match line.split_once('=') {
                    Some((id, name)) => named.push(Named::new(id.trim(), name.trim())),
                    None => {
                        errors.push(
                            field,
                            format!(
                                "{}: {}",
                                label(field),
                                tr.t1("admin-error-named", "line", line)
                            ),
                        );
                        break;
                    }
                }
            }
            *out = named;
        }
        for (field, by_language, out) in [
            ("program_names", &self.program_names, &mut s.programs),
            ("site_names", &self.site_names, &mut s.sites),
        ] {
            'languages: for (code, _, text) in by_language {
                for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    let Some((id, name)) = line.split_once('=') else {
                        errors.push(
                            field,
                            format!(
                                "{}: {}",
                                label(field),
                                tr.t1("admin-error-named", "line", line)
                            ),
                        );
                        break 'languages;
                    };
                    let (id, name) = (id.trim(), name.trim());
                    match out.iter_mut().find(|n| n.id == id) {
                        Some(_) if name.is_empty() => {}
                        Some(n) => {
                            n.names.insert(code.clone(), name.to_string());
                        }
                        None => {
                            errors.push(
                                field,
                                format!(
                                    "{}: {}",
                                    label(field),
                                    tr.t1("admin-error-named-unknown", "id", id)
                                ),
                            );
                            break 'languages;
                        }
                    }
                }
            }
        }
        s.organization = Organization {
            name: self.org_name.clone(),
            names: self
                .org_names
                .iter()
                .filter(|(_, _, n)| !n.is_empty())
                .map(|(code, _, n)| (code.clone(), n.clone()))
                .collect(),
            address: self.org_address.clone(),
            phone: self.org_phone.clone(),
            email: self.org_email.clone(),
            website: self.org_website.clone(),
        };
        for i in crate::service::organization::refusals(&s) {
            if !errors.has(i.field) {
                errors.push(
                    i.field,
                    format!("{}: {}", label(i.field), tr.message(&i.message)),
                );
            }
        }
        // The review cadence: the default is left absent, so that the settings (and their
        // fingerprint) of a ledger that never chose one do not change when the form is saved.
        // A form without the two fields (an older page, a script) leaves the cadence as it
        // is: the handler keeps the current one.
        let absent = self.review_every.is_empty() && self.review_year_start.is_empty();
        let every = self.review_every.parse::<PeriodKind>();
        let year_start = self.review_year_start.parse::<i8>();
        if every.is_err() && !absent {
            errors.push(
                "review_every",
                format!(
                    "{}: {}",
                    label("review_every"),
                    tr.t("admin-error-review-every")
                ),
            );
        }
        if year_start.is_err() && !absent {
            errors.push(
                "review_cadence",
                format!(
                    "{}: {}",
                    label("review_year_start"),
                    tr.t("admin-error-review-year-start")
                ),
            );
        }
        if let (Ok(every), Ok(fiscal_start)) = (every, year_start) {
            let cadence = Cadence {
                every,
                fiscal_start,
            };
            s.review_cadence = (cadence != Cadence::default()).then_some(cadence);
        }
        // Each field read is checked by the rules on its own, so that every refused field
        // is named (the application's check; fields unreadable above are skipped).
        let unreadable: Vec<String> = errors.items.iter().map(|(f, _)| f.clone()).collect();
        let skip: Vec<&str> = unreadable.iter().map(String::as_str).collect();
        for (field, reason) in settings_refusals(&s, &skip) {
            if field == "settings-form" {
                errors.push(field, reason);
            } else if field == "review_cadence" {
                errors.push(
                    field,
                    format!(
                        "{}: {}",
                        label("review_year_start"),
                        tr.t("admin-error-review-year-start")
                    ),
                );
            } else {
                errors.push(field, format!("{}: {reason}", label(field)));
            }
        }
        // Errors in the order of the form.
        const ORDER: [&str; 26] = [
            "settings-form",
            "acknowledge_business_days",
            "decide_calendar_days",
            "appeal_window_days",
            "time_zone",
            "holiday_jurisdiction",
            "extra_holidays",
            "removed_holidays",
            "languages",
            "default_language",
            "org_name",
            "org_names",
            "org_address",
            "org_phone",
            "org_email",
            "org_website",
            "programs",
            "sites",
            "program_names",
            "site_names",
            "framework",
            "review_every",
            "review_cadence",
            "director",
            "external_reviewer",
            "retention_days",
        ];
        errors
            .items
            .sort_by_key(|(f, _)| ORDER.iter().position(|o| o == f).unwrap_or(ORDER.len()));
        (s, errors)
    }
}

/// The languages offered but the default (whose names are the main ones): (code, own name).
fn other_languages(s: &Settings) -> Vec<(String, String)> {
    let options = language_options(s);
    s.languages
        .iter()
        .skip(1)
        .map(|code| {
            let own = options
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, n)| n.clone());
            (code.clone(), own.unwrap_or_else(|| code.clone()))
        })
        .collect()
}

/// The names of `list` in each other language, as `id = name` lines (a line with no name for
/// an entry without one, to be filled in).
fn names_by_language(s: &Settings, list: &[Named]) -> Vec<(String, String, String)> {
    other_languages(s)
        .into_iter()
        .map(|(code, own)| {
            let text = lines(list, |n| {
                let name = n.names.get(&code).map(String::as_str).unwrap_or_default();
                format!("{} = {name}", n.id).trim_end().to_string()
            });
            (code, own, text)
        })
        .collect()
}

/// The languages the form offers: those shipped, and any others now offered (kept so that
/// saving the form does not drop them unseen).
fn language_options(current: &Settings) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = LANGUAGES
        .iter()
        .map(|(code, name, _)| (code.to_string(), name.to_string()))
        .collect();
    for l in &current.languages {
        if !v.iter().any(|(c, _)| c == l) {
            v.push((l.clone(), l.clone()));
        }
    }
    v
}

fn settings_page(ctx: &Ctx, d: SettingsDraft, errors: Errors) -> Result<Response, WebError> {
    let current = ctx.app.service.read(|m| m.org().settings.clone());
    let names = ctx.app.service.staff_names();
    let mut people: Vec<(String, String)> = ctx.app.service.read(|m| {
        m.org()
            .staff
            .values()
            .filter(|s| s.active)
            .map(|s| {
                (
                    s.id.to_string(),
                    names.get(&s.id).cloned().unwrap_or_default(),
                )
            })
            .collect()
    });
    people.sort_by(|a, b| a.1.cmp(&b.1));
    let jurisdictions = Jurisdiction::ALL
        .into_iter()
        .map(|j| {
            let name = ctx
                .tr
                .t_own(&format!("admin-jurisdiction-{}", j.code()))
                .unwrap_or_else(|| j.name().to_string());
            (j.code(), name)
        })
        .collect();
    render(SettingsPage {
        l: Layout::new(ctx, "admin-settings-title"),
        current: "settings",
        d,
        errors,
        jurisdictions,
        languages: language_options(&current),
        time_zones: TIME_ZONES,
        framework_default: Settings::default().framework,
        people,
        logo_kib: crate::limits::LOGO_BYTES / 1024,
    })
}

async fn settings(ctx: &Ctx<'_>, admin: &Acting, form: &Form) -> Result<Response, WebError> {
    let tr = &ctx.tr;
    let current = ctx.app.service.read(|m| m.org().settings.clone());
    let mut d = SettingsDraft::from_form(form, &current);
    let (mut settings, mut errors) = d.parse(tr, &language_options(&current));
    // The default cadence written out (by the API or the CLI) stays written out: saving the
    // form unchanged must not record new settings.
    let absent = d.review_every.is_empty() && d.review_year_start.is_empty();
    if absent
        || (settings.review_cadence.is_none() && current.review_cadence == Some(Cadence::default()))
    {
        settings.review_cadence = current.review_cadence;
    }
    // A form without the choice (an older page, a script) leaves it as it is.
    if d.chair_decides.is_none() {
        settings.chair_decides = current.chair_decides;
    }
    if d.escalation.is_none() {
        settings.director = current.director;
        settings.external_reviewer = current.external_reviewer;
        settings.show_opener_names = current.show_opener_names;
    }
    // The witnesses have their own page: the form never shows them, saving it keeps them.
    settings.witnesses = current.witnesses.clone();
    // Likewise the identity, and the names in languages the form did not show.
    if !d.org_shown {
        settings.organization = current.organization.clone();
    }
    let shown = |v: &[(String, String, String)], code: &str| v.iter().any(|(c, _, _)| c == code);
    for (list, old, by_language) in [
        (&mut settings.programs, &current.programs, &d.program_names),
        (&mut settings.sites, &current.sites, &d.site_names),
    ] {
        for n in list.iter_mut() {
            if let Some(o) = old.iter().find(|o| o.id == n.id) {
                for (code, name) in &o.names {
                    if !shown(by_language, code) {
                        n.names.entry(code.clone()).or_insert_with(|| name.clone());
                    }
                }
            }
        }
    }
    if d.org_shown {
        for (code, name) in &current.organization.names {
            if !shown(&d.org_names, code) {
                settings
                    .organization
                    .names
                    .entry(code.clone())
                    .or_insert_with(|| name.clone());
            }
        }
    }
    if !errors.is_empty() {
        return settings_page(ctx, d, errors).map(|r| r.status(StatusCode::BAD_REQUEST));
    }
    let saved = ctx
        .app
        .administration()
        .save_settings(admin, settings, &d.base)
        .await;
    match saved {
        Ok(SettingsSaved::Saved) => Ok(Response::redirect(
            "/staff/admin?view=settings&done=admin-settings-saved",
        )),
        Ok(SettingsSaved::Unchanged) => Ok(Response::redirect(
            "/staff/admin?view=settings&done=admin-settings-unchanged",
        )),
        Ok(SettingsSaved::Stale) => {
            // Show what they typed against the new current settings; saving again overwrites.
            let now = ctx.app.service.read(|m| m.org().settings.clone());
            d.base = fingerprint(&now);
            errors.push("settings-form", tr.t("admin-settings-stale"));
            settings_page(ctx, d, errors).map(|r| r.status(StatusCode::CONFLICT))
        }
        Err(e) => {
            let field = match &e {
                AdminError::Service(ServiceError::Rule(RuleError::Invalid { field, .. })) => *field,
                _ => "settings-form",
            };
            let (status, errors) = refused(tr, e, field, str::to_string)?;
            settings_page(ctx, d, errors).map(|r| r.status(status))
        }
    }
}
