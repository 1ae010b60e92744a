//! What every page shares: language and direction, title, language menu, the signed-in staff
//! member's navigation, the CSRF token for forms, and a notice after an action.

use recourse_events::org::Role;

use crate::web::i18n::Tr;
use crate::web::router::Ctx;

/// The signed-in staff member's navigation.
pub struct StaffNav {
    /// Their name.
    pub name: String,
    /// Sees the work queue.
    pub queue: bool,
    /// Files complaints by phone, in person...
    pub file: bool,
    /// Sees the dashboard.
    pub board: bool,
    /// Sees the framework reviews.
    pub reviews: bool,
    /// Administers.
    pub admin: bool,
    /// Audits the whole ledger (`/staff/audit`).
    pub audit: bool,
    /// Their first page (the brand link): the queue, the dashboard or the administration.
    pub home: &'static str,
}

/// The frame of a page.
pub struct Layout {
    /// Translator.
    pub tr: Tr,
    /// Page title.
    pub title: String,
    /// Current path (for the language menu).
    pub path: String,
    /// Languages offered: (code, own name).
    pub languages: Vec<(&'static str, &'static str)>,
    /// CSRF token for forms.
    pub csrf: String,
    /// Staff navigation when signed in.
    pub staff: Option<StaffNav>,
    /// A notice after an action (already translated).
    pub notice: Option<String>,
    /// The form the language menu submits, so that a language switch keeps what was typed
    /// (its buttons post that form to the same page in the other language).
    pub lang_form: Option<&'static str>,
    /// The brand: the organization's name in the page language, else the product's name.
    pub brand: String,
    /// The logo's address, if the organization has one.
    pub logo: Option<String>,
}

impl Layout {
    /// The frame of a page titled by message `title_id`.
    pub fn new(ctx: &Ctx, title_id: &str) -> Layout {
        let (offered, organization, logo) = ctx.app.service.read(|m| {
            let s = &m.org().settings;
            (
                s.languages.clone(),
                s.organization.name_in(ctx.tr.lang).to_string(),
                m.org()
                    .logo
                    .as_ref()
                    .map(|l| super::identity::logo_path(&l.sha256)),
            )
        });
        let staff = ctx.session.as_ref().map(|s| {
            let roles = ctx.app.service.read(|m| m.org().roles(s.staff));
            let has = |r: Role| roles.contains(&r);
            StaffNav {
                name: ctx
                    .app
                    .service
                    .staff_names()
                    .remove(&s.staff)
                    .unwrap_or_default(),
                // Committee members, and whom escalated cases go to (board members, say).
                queue: ctx
                    .app
                    .service
                    .read(|m| crate::service::case_reader::reads_cases(m.org(), s.staff)),
                file: has(Role::Intake),
                board: has(Role::Board) || has(Role::Chair) || has(Role::Admin),
                admin: has(Role::Admin),
                audit: crate::service::permission::AUDIT_ROLES
                    .iter()
                    .any(|r| has(*r)),
                reviews: crate::web::pages::review::ROLES.iter().any(|r| has(*r)),
                home: crate::web::pages::staff::home(ctx.app, s.staff),
            }
        });
        // Only notices the pages define: `?done=<id>` shows message `done-<id>`.
        let notice = ctx
            .req
            .query()
            .get("done")
            .filter(|d| d.len() < 40 && d.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
            .map(|d| {
                let id = format!("done-{d}");
                let text = ctx.tr.t(&id);
                if text == id {
                    ctx.tr.t("done-generic")
                } else {
                    text
                }
            });
        Layout {
            tr: ctx.tr.clone(),
            title: ctx.tr.t(title_id),
            path: ctx.req.path.clone(),
            languages: ctx.tr.languages(&offered),
            csrf: ctx.csrf.clone(),
            staff,
            notice,
            lang_form: None,
            logo,
            brand: if organization.is_empty() {
                ctx.tr.t("site-name")
            } else {
                organization
            },
        }
    }

    /// Message `id` in the page language.
    pub fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }

    /// The language code.
    pub fn lang(&self) -> &'static str {
        self.tr.lang
    }

    /// `ltr` or `rtl`.
    pub fn dir(&self) -> &'static str {
        self.tr.dir()
    }
}
