//! The demo agency: its staff (an administrator and a roster the script refers to by index),
//! its programs, sites and languages with their weights among complaints, and its settings.

use jiff::{SignedDuration, Timestamp};
use recourse_events::org::{Named, Organization, Role, Settings};

use super::{DemoStaff, RETENTION_DAYS};
use crate::service::{Service, ServiceError};

/// Index of staff in [`ROSTER`] by role (the planner refers to staff by index): intake.
pub(super) const INTAKE: [usize; 2] = [0, 1];
/// Reviewers.
pub(super) const REVIEWERS: [usize; 6] = [2, 3, 4, 5, 6, 7];
/// Chairs.
pub(super) const CHAIRS: [usize; 2] = [8, 9];
/// The board members.
pub(super) const BOARD: [usize; 2] = [10, 11];
/// The auditor.
pub(super) const AUDITOR: usize = 12;

/// The administrator: name and sign-in name.
const ADMIN: (&str, &str) = ("Farah Siddiqui", "fsiddiqui");

/// The staff: name, sign-in name, role.
const ROSTER: [(&str, &str, Role); 13] = [
    ("Amira Haddad", "ahaddad", Role::Intake),
    ("Daniel Tremblay", "dtremblay", Role::Intake),
    ("Priya Raman", "praman", Role::Reviewer),
    ("Mehdi Karimi", "mkarimi", Role::Reviewer),
    ("Olena Kovalenko", "okovalenko", Role::Reviewer),
    ("Sofía Restrepo", "srestrepo", Role::Reviewer),
    ("Kwame Mensah", "kmensah", Role::Reviewer),
    ("Isabelle Gagnon", "igagnon", Role::Reviewer),
    ("Grace Nakamura", "gnakamura", Role::Chair),
    ("Samuel Tesfaye", "stesfaye", Role::Chair),
    ("Hélène Bouchard", "hbouchard", Role::Board),
    ("Raj Malhotra", "rmalhotra", Role::Board),
    ("Chantal Okafor", "cokafor", Role::Auditor),
];

pub(super) async fn enroll(
    service: &Service,
    at: Timestamp,
) -> Result<(DemoStaff, Vec<DemoStaff>), ServiceError> {
    let minute = |n: i64| at + SignedDuration::from_mins(n);
    let root = service.ledger_acting();
    let (id, acting) = service
        .enroll_staff_at(&root, ADMIN.0, ADMIN.1, &[Role::Admin], minute(5))
        .await?;
    let admin = DemoStaff {
        id,
        name: ADMIN.0.into(),
        login: ADMIN.1.into(),
        roles: vec![Role::Admin],
        acting,
    };
    let mut staff = Vec::with_capacity(ROSTER.len());
    for (i, (name, login, role)) in ROSTER.into_iter().enumerate() {
        let (id, acting) = service
            .enroll_staff_at(&admin.acting, name, login, &[role], minute(10 + i as i64))
            .await?;
        staff.push(DemoStaff {
            id,
            name: name.into(),
            login: login.into(),
            roles: vec![role],
            acting,
        });
    }
    Ok((admin, staff))
}

/// Named entries of the settings.
fn named(list: &[(&str, &str)]) -> Vec<Named> {
    list.iter()
        .map(|(id, name)| Named::new(*id, *name))
        .collect()
}

/// A program: id, name, weight among complaints, the IRCC service streams it delivers.
pub(super) type Program = (&'static str, &'static str, u32, &'static [&'static str]);
/// A site: id, name, weight among complaints.
pub(super) type Site = (&'static str, &'static str, u32);

/// Programs, with their weight among complaints and the IRCC service streams they deliver.
pub(super) const PROGRAMS: [Program; 6] = [
    (
        "settlement",
        "Settlement and integration",
        30,
        &[
            "needs-assessment",
            "information-orientation",
            "support-services",
            "community-connections",
        ],
    ),
    (
        "linc",
        "Language training (LINC)",
        20,
        &["language-assessment", "language-training"],
    ),
    ("employment", "Employment services", 15, &["employment"]),
    ("youth", "Youth programs", 8, &["community-connections"]),
    ("housing", "Housing help", 12, &["support-services"]),
    (
        "rap",
        "Resettlement Assistance Program",
        15,
        &["resettlement-assistance"],
    ),
];

/// Sites, with their weight among complaints.
pub(super) const SITES: [Site; 3] = [
    ("downtown", "Downtown office", 50),
    ("east-end", "East End office", 35),
    ("satellite", "Satellite office at the public library", 15),
];

/// The programs' and sites' own names in French and Arabic: id, French, Arabic.
pub(super) const TRANSLATED: [(&str, &str, &str); 9] = [
    (
        "settlement",
        "Établissement et intégration",
        "الاستقرار والاندماج",
    ),
    ("linc", "Cours de langue (CLIC)", "دروس اللغة (LINC)"),
    ("employment", "Services d’emploi", "خدمات التوظيف"),
    ("youth", "Programmes jeunesse", "برامج الشباب"),
    ("housing", "Aide au logement", "المساعدة في السكن"),
    (
        "rap",
        "Programme d’aide à la réinstallation",
        "برنامج المساعدة على إعادة التوطين",
    ),
    ("downtown", "Bureau du centre-ville", "مكتب وسط المدينة"),
    ("east-end", "Bureau de l’Est", "مكتب الحي الشرقي"),
    (
        "satellite",
        "Bureau satellite à la bibliothèque publique",
        "المكتب الفرعي في المكتبة العامة",
    ),
];

/// Gives the entries of `list` their French and Arabic names.
fn translated(mut list: Vec<Named>) -> Vec<Named> {
    for n in &mut list {
        if let Some((_, fr, ar)) = TRANSLATED.iter().find(|t| t.0 == n.id) {
            n.names.insert("fr".into(), (*fr).into());
            n.names.insert("ar".into(), (*ar).into());
        }
    }
    list
}

/// Languages offered, with their weight among complaints and their name in English.
pub(super) const LANGUAGES: [(&str, u32, &str); 9] = [
    ("en", 24, "English"),
    ("fr", 10, "French"),
    ("ar", 16, "Arabic"),
    ("fa", 10, "Farsi"),
    ("es", 12, "Spanish"),
    ("uk", 12, "Ukrainian"),
    ("prs", 6, "Dari"),
    ("ti", 5, "Tigrinya"),
    ("so", 5, "Somali"),
];

/// The demo agency's settings (targets and calendar as shipped, Ontario holidays).
pub fn settings() -> Settings {
    Settings {
        time_zone: "America/Toronto".into(),
        holiday_jurisdiction: "on".into(),
        languages: LANGUAGES.iter().map(|l| l.0.to_string()).collect(),
        retention_days: RETENTION_DAYS,
        programs: translated(named(&PROGRAMS.map(|p| (p.0, p.1)))),
        sites: translated(named(&SITES.map(|s| (s.0, s.1)))),
        organization: Organization {
            name: super::AGENCY.into(),
            names: [
                ("fr", "Services aux nouveaux arrivants Érable"),
                ("ar", "خدمات القيقب للقادمين الجدد"),
            ]
            .map(|(l, n)| (l.to_string(), n.to_string()))
            .into(),
            address: "100 Queen Street West\nToronto ON  M5H 2N2".into(),
            phone: "+1 416 555 0100".into(),
            email: "help@maple-newcomers.example".into(),
            website: "https://maple-newcomers.example".into(),
        },
        review_cadence: Some(super::reviews::CADENCE),
        ..Settings::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Time: the agency's calendar and business hours.
