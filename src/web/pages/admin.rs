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

use askama::Template;
use jiff::Timestamp;
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;
use recourse_events::org::{KeyHolder, Named, Role, Settings};
use recourse_projections::holiday::Jurisdiction;
use recourse_projections::org::{OrgCommand, validate_settings};
use recourse_projections::rule::RuleError;
use sha2::{Digest, Sha256};
use warp::http::{StatusCode, header};

use super::layout::Layout;
use super::render;
use crate::accounts::{AccountError, SETUP_VALIDITY, SetupToken};
use crate::data_dir::random_bytes;
use crate::service::{Acting, ServiceError};
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

/// Longest reason for replacing a key (the rules' limit for a revocation reason).
const MAX_REASON: usize = 500;

/// Problems with a form: (id of the field to link to, message), in form order.
#[derive(Default)]
struct Errors {
    items: Vec<(String, String)>,
}

impl Errors {
    fn one(field: &str, message: String) -> Errors {
        let mut e = Errors::default();
        e.push(field, message);
        e
    }

    fn push(&mut self, field: &str, message: String) {
        self.items.push((field.to_string(), message));
    }

    fn get(&self, field: &str) -> Option<&String> {
        self.items.iter().find(|(f, _)| f == field).map(|(_, m)| m)
    }

    fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    fn is_empty(&self) -> bool {
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
    /// Fingerprint of the settings the form was opened on (another administrator may save
    /// in between; their change is not silently overwritten).
    base: String,
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
fn acting(ctx: &Ctx) -> Result<Acting, WebError> {
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
    if let Some(login) = ctx.app.accounts.login_of(staff)? {
        return Ok(Some(login));
    }
    let sealed = ctx
        .app
        .service
        .read(|m| m.org().staff.get(&staff).map(|s| s.login.clone()));
    Ok(sealed.and_then(|s| ctx.app.service.vault().open_sealed(&s, "login").ok()))
}

/// Runs account storage work (synced SQLite writes) off the async worker threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, AccountError> + Send + 'static,
) -> Result<T, WebError> {
    Ok(tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))??)
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

/// Sign-in names are compared without case (as accounts do) and have no spaces.
fn normal_login(login: &str) -> String {
    login.trim().to_lowercase()
}

/// Whether any staff member, present or departed, already signs in with `login`.
fn login_taken(ctx: &Ctx, login: &str) -> Result<bool, WebError> {
    let ids: Vec<StaffId> = ctx
        .app
        .service
        .read(|m| m.org().staff.keys().copied().collect());
    for id in ids {
        if login_of(ctx, id)?.is_some_and(|l| normal_login(&l) == login) {
            return Ok(true);
        }
    }
    Ok(false)
}

async fn enrol(ctx: &Ctx<'_>, admin: &Acting, form: &Form) -> Result<Response, WebError> {
    let tr = &ctx.tr;
    let d = EnrolDraft {
        name: form.get("name").unwrap_or_default().to_string(),
        login: form.get("login").unwrap_or_default().to_string(),
        roles: form.all("roles").into_iter().map(String::from).collect(),
    };
    let login = normal_login(&d.login);
    let mut errors = Errors::default();
    // The service's own limits (in bytes), checked here to put the message by the field.
    if d.name.is_empty() || d.name.len() > 200 {
        errors.push("name", tr.t("admin-error-name"));
    }
    if login.is_empty()
        || login.len() > 100
        || login.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        errors.push("login", tr.t("admin-error-login"));
    } else if login_taken(ctx, &login)? {
        errors.push("login", tr.t1("admin-error-login-taken", "login", &login));
    }
    let roles: Vec<Role> = d.roles.iter().filter_map(|r| r.parse().ok()).collect();
    let first_role = format!("role-{}", Role::ALL[0].as_str());
    if roles.is_empty() || roles.len() != d.roles.len() {
        errors.push(&first_role, tr.t("admin-error-roles"));
    }
    if !errors.is_empty() {
        return enrol_page(ctx, d, errors).map(|r| r.status(StatusCode::BAD_REQUEST));
    }
    let (staff, new) = match ctx
        .app
        .service
        .enroll_staff(admin, &d.name, &login, &roles)
        .await
    {
        Ok(done) => done,
        Err(e) => {
            let (status, message) = refusal(tr, e)?;
            return enrol_page(ctx, d, Errors::one("name", message)).map(|r| r.status(status));
        }
    };
    let now = ctx.app.service.now();
    let accounts = ctx.app.accounts.clone();
    let (l, key) = (login.clone(), new.key.clone());
    let token = match blocking(move || accounts.create_with_setup(&l, staff, &key, now)).await {
        Ok(t) => t,
        Err(e) => {
            // Someone took the name in the meantime: the enrolment is recorded but has no
            // account. Close it (key revoked, departure recorded) rather than leave a member
            // nobody can sign in as.
            tracing::warn!("enrolment without an account; closing it");
            let _ = ctx
                .app
                .service
                .org(
                    admin,
                    OrgCommand::RevokeKey {
                        key: new.key.key_id(),
                        reason: "enrolment not completed: sign-in name already used".into(),
                    },
                )
                .await;
            let _ = ctx
                .app
                .service
                .org(admin, OrgCommand::Depart { staff })
                .await;
            return Err(e);
        }
    };
    link_page(
        ctx,
        staff,
        tr.t1("admin-link-intro-enrolled", "name", &d.name),
        login,
        token,
        now,
    )
}

/// The one-time set-up link, shown once.
fn link_page(
    ctx: &Ctx,
    staff: StaffId,
    intro: String,
    login: String,
    token: SetupToken,
    now: Timestamp,
) -> Result<Response, WebError> {
    let tz = ctx.app.service.read(|m| m.org().settings.time_zone.clone());
    let expires = (now + SETUP_VALIDITY)
        .in_tz(&tz)
        .map(|z| z.strftime("%Y-%m-%d %H:%M %Z").to_string())
        .unwrap_or_else(|_| (now + SETUP_VALIDITY).to_string());
    let scheme = if ctx.secure() { "https" } else { "http" };
    let host = ctx.req.header(header::HOST).filter(|h| {
        h.len() < 256
            && h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
    });
    let path = format!("/staff/setup/{}", token.0);
    let link = match host {
        Some(h) => format!("{scheme}://{h}{path}"),
        None => path,
    };
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
    let command = if grant {
        OrgCommand::Grant { staff, role }
    } else {
        OrgCommand::Revoke { staff, role }
    };
    if let Err(e) = ctx.app.service.org(admin, command).await {
        let (status, message) = refusal(&ctx.tr, e)?;
        return person(ctx, staff, Errors::one("roles", message), String::new())
            .map(|r| r.status(status));
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

/// Revokes every active key of `staff` with `reason`, except `keep`.
async fn revoke_keys(
    ctx: &Ctx<'_>,
    admin: &Acting,
    staff: StaffId,
    keep: Option<recourse_events::key::KeyId>,
    reason: &str,
) -> Result<(), WebError> {
    let keys: Vec<_> = ctx.app.service.read(|m| {
        m.org()
            .staff
            .get(&staff)
            .map(|s| s.keys.iter().copied().collect())
            .unwrap_or_default()
    });
    for key in keys.into_iter().filter(|k| Some(*k) != keep) {
        let revoke = OrgCommand::RevokeKey {
            key,
            reason: reason.to_string(),
        };
        ctx.app.service.org(admin, revoke).await?;
    }
    Ok(())
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
    // The departure revokes the person's keys in the same append (the rules decide both).
    let recorded = ctx
        .app
        .service
        .org(admin, OrgCommand::Depart { staff })
        .await
        .map(|_| ());
    if let Err(e) = recorded {
        let (status, message) = refusal(&ctx.tr, e)?;
        return person(ctx, staff, Errors::one("confirm", message), String::new())
            .map(|r| r.status(status));
    }
    ctx.app.sessions.end_all(staff);
    // Close the account too: replacing its sealed key with a throwaway one (whose set-up
    // link is dropped) removes the password and any set-up link still open.
    if let Some(login) = ctx.app.accounts.login_of(staff)? {
        let accounts = ctx.app.accounts.clone();
        let throwaway = SecretKey::from_seed(&random_bytes::<32>());
        let now = ctx.app.service.now();
        blocking(move || accounts.reset(&login, &throwaway, now)).await?;
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
    if reason.is_empty() || reason.len() > MAX_REASON {
        return person(
            ctx,
            staff,
            Errors::one("reason", tr.t("admin-error-reason")),
            reason,
        )
        .map(|r| r.status(StatusCode::BAD_REQUEST));
    }
    let Some(login) = login_of(ctx, staff)? else {
        return Err(WebError::Internal(
            "no sign-in name for a staff member".into(),
        ));
    };
    // As `recourse serve` does for the first administrator: a new key is registered, the old
    // ones revoked, and the new key sealed under a new set-up link (the server cannot open
    // the old key without the password, so a reset means a new key).
    let key = SecretKey::from_seed(&random_bytes::<32>());
    let register = OrgCommand::RegisterKey {
        key: key.public(),
        holder: KeyHolder::Staff {
            id: staff.to_string(),
        },
    };
    if let Err(e) = ctx.app.service.org(admin, register).await {
        let (status, message) = refusal(tr, e)?;
        return person(ctx, staff, Errors::one("reason", message), reason)
            .map(|r| r.status(status));
    }
    revoke_keys(ctx, admin, staff, Some(key.key_id()), &reason).await?;
    ctx.app.sessions.end_all(staff);
    let now = ctx.app.service.now();
    let accounts = ctx.app.accounts.clone();
    let l = login.clone();
    let token = blocking(move || match accounts.reset(&l, &key, now) {
        Err(AccountError::BadCredentials) => accounts.create_with_setup(&l, staff, &key, now),
        other => other,
    })
    .await?;
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
        token,
        now,
    )
}

// ----- Settings -----

/// A short fingerprint of settings, to notice a change made by someone else meanwhile.
fn fingerprint(s: &Settings) -> String {
    let json = serde_json::to_vec(s).unwrap_or_default();
    hex::encode(&Sha256::digest(json)[..12])
}

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
            base: fingerprint(s),
        }
    }

    fn from_form(f: &Form) -> SettingsDraft {
        let s = |n: &str| f.get(n).unwrap_or_default().to_string();
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
            base: s("base"),
        }
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
        s.framework = self.framework.clone();
        for (field, text, out) in [
            ("programs", &self.programs, &mut s.programs),
            ("sites", &self.sites, &mut s.sites),
        ] {
            let mut named = Vec::new();
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                match line.split_once('=') {
                    Some((id, name)) => named.push(Named {
                        id: id.trim().to_string(),
                        name: name.trim().to_string(),
                    }),
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
        // Each field read is checked by the rules on its own (over otherwise valid default
        // settings), so that every refused field is named, not only the first.
        type Copy = fn(&mut Settings, &Settings);
        let probes: [(&str, Copy); 10] = [
            ("acknowledge_business_days", |t, s| {
                t.acknowledge_business_days = s.acknowledge_business_days
            }),
            ("decide_calendar_days", |t, s| {
                t.decide_calendar_days = s.decide_calendar_days
            }),
            ("appeal_window_days", |t, s| {
                t.appeal_window_days = s.appeal_window_days
            }),
            ("time_zone", |t, s| t.time_zone = s.time_zone.clone()),
            ("holiday_jurisdiction", |t, s| {
                t.holiday_jurisdiction = s.holiday_jurisdiction.clone()
            }),
            ("languages", |t, s| t.languages = s.languages.clone()),
            ("retention_days", |t, s| t.retention_days = s.retention_days),
            ("programs", |t, s| t.programs = s.programs.clone()),
            ("sites", |t, s| t.sites = s.sites.clone()),
            ("framework", |t, s| t.framework = s.framework.clone()),
        ];
        for (field, copy) in probes {
            if errors.has(field) {
                continue;
            }
            let mut probe = Settings::default();
            copy(&mut probe, &s);
            if let Err(RuleError::Invalid { field: f, reason }) = validate_settings(&probe)
                && f == field
            {
                errors.push(field, format!("{}: {reason}", label(field)));
            }
        }
        if errors.is_empty()
            && let Err(e) = validate_settings(&s)
        {
            errors.push("settings-form", e.to_string());
        }
        // Errors in the order of the form.
        const ORDER: [&str; 14] = [
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
            "programs",
            "sites",
            "framework",
            "retention_days",
        ];
        errors
            .items
            .sort_by_key(|(f, _)| ORDER.iter().position(|o| o == f).unwrap_or(ORDER.len()));
        (s, errors)
    }
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
    })
}

async fn settings(ctx: &Ctx<'_>, admin: &Acting, form: &Form) -> Result<Response, WebError> {
    let tr = &ctx.tr;
    let mut d = SettingsDraft::from_form(form);
    let current = ctx.app.service.read(|m| m.org().settings.clone());
    let (settings, mut errors) = d.parse(tr, &language_options(&current));
    if !errors.is_empty() {
        return settings_page(ctx, d, errors).map(|r| r.status(StatusCode::BAD_REQUEST));
    }
    if d.base != fingerprint(&current) {
        // Show what they typed against the new current settings; saving again overwrites.
        d.base = fingerprint(&current);
        errors.push("settings-form", tr.t("admin-settings-stale"));
        return settings_page(ctx, d, errors).map(|r| r.status(StatusCode::CONFLICT));
    }
    if settings == current {
        return Ok(Response::redirect(
            "/staff/admin?view=settings&done=admin-settings-unchanged",
        ));
    }
    let change = OrgCommand::ChangeSettings(Box::new(settings));
    if let Err(e) = ctx.app.service.org(admin, change).await {
        let field = match &e {
            ServiceError::Rule(RuleError::Invalid { field, .. }) => *field,
            _ => "settings-form",
        };
        let (status, message) = refusal(tr, e)?;
        return settings_page(ctx, d, Errors::one(field, message)).map(|r| r.status(status));
    }
    Ok(Response::redirect(
        "/staff/admin?view=settings&done=admin-settings-saved",
    ))
}
