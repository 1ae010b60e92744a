//! Filing a complaint: plaintext from the form (or from staff taking it by phone, in person,
//! email or referral) is checked by the one validator ([`super::complaint`]), then becomes a
//! sealed `complaint.filed` under a fresh data key, and the client gets a receipt code.

use jiff::Timestamp;
use recourse_events::case::{Accommodation, Channel, ComplaintFiled, Consent, ContactPreference};
use recourse_events::ids::{CaseId, StaffId};
use recourse_projections::case::Command;
use serde::{Deserialize, Serialize};

use super::{Acting, Service, ServiceError};
use crate::receipt::ReceiptCode;

use super::complaint::{Offer, Part};
use super::validation::Invalid;

/// What a client tells us, in plain text (never logged, sealed before it is recorded).
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct ComplaintForm {
    /// How it arrived.
    pub channel: Option<Channel>,
    /// Client's language.
    pub language: String,
    /// No name given.
    pub anonymous: bool,
    /// Name, if given.
    pub name: Option<String>,
    /// Email, if given.
    pub email: Option<String>,
    /// Phone, if given.
    pub phone: Option<String>,
    /// Program concerned.
    pub program: String,
    /// Site concerned.
    pub site: String,
    /// IRCC service stream, if known.
    pub service_stream: Option<String>,
    /// Client Code rights concerned.
    pub rights: Vec<String>,
    /// What happened.
    pub what_happened: String,
    /// The outcome wanted.
    pub outcome_wanted: Option<String>,
    /// How to be contacted.
    pub contact_preference: Option<ContactPreference>,
    /// Accommodations.
    pub accommodations: Vec<Accommodation>,
    /// Interpreter's language.
    pub interpreter_language: Option<String>,
    /// Consent to use the information to handle the complaint.
    pub consent_handle: bool,
    /// Consent to be contacted.
    pub consent_contact: bool,
    /// Staff the complaint names.
    pub named_staff: Vec<StaffId>,
    /// The client says it is about the director or the chair of the complaints committee.
    /// (Not written when false or absent, so that a form without them serializes as before:
    /// the demo's plan is pinned by its forms' JSON.)
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub about_leadership: bool,
    /// The staff member it is about, in the client's words (a name or a description).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_described: Option<String>,
}

impl std::fmt::Debug for ComplaintForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data never reaches logs, even through Debug.
        f.debug_struct("ComplaintForm")
            .field("channel", &self.channel)
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

/// A filed complaint.
#[derive(Debug)]
pub struct Filed {
    /// The new case.
    pub case: CaseId,
    /// The client's receipt code (shown once, never stored).
    pub receipt: ReceiptCode,
    /// Ledger position of the filing.
    pub position: u64,
}

impl Service {
    /// Files a complaint for `who` (the web intake, or intake staff), at `at`.
    pub async fn file(
        &self,
        who: &Acting,
        form: ComplaintForm,
        at: Timestamp,
    ) -> Result<Filed, ServiceError> {
        let refused = self.check_complaint(&form, &Part::ALL);
        if !refused.is_empty() {
            return Err(ServiceError::Invalid(refused));
        }
        let given = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(String::from)
        };
        let what = form.what_happened.trim();
        let outcome = given(&form.outcome_wanted);
        let name = if form.anonymous {
            None
        } else {
            given(&form.name)
        };
        let described = given(&form.staff_described);
        let email = given(&form.email);
        let phone = given(&form.phone);
        let case = CaseId(super::uuid_at(at));
        let receipt = ReceiptCode::generate();
        let vault = self.vault.clone();
        let data_key = super::blocking(move || vault.create_key()).await?;
        let result = async {
            let seal = |field: &str, text: &str| self.vault.seal(&data_key, field, text);
            let contact = if name.is_some() || email.is_some() || phone.is_some() {
                let json =
                    serde_json::json!({ "name": name, "email": email, "phone": phone }).to_string();
                Some(seal("contact", &json)?)
            } else {
                None
            };
            let filed = ComplaintFiled {
                channel: form.channel.unwrap_or(Channel::Web),
                language: form.language.clone(),
                anonymous: form.anonymous,
                program: form.program.clone(),
                site: form.site.clone(),
                service_stream: form.service_stream.clone().filter(|s| !s.is_empty()),
                rights: form.rights.clone(),
                narrative: seal("narrative", what)?,
                outcome_wanted: outcome
                    .as_deref()
                    .map(|o| seal("outcome_wanted", o))
                    .transpose()?,
                contact,
                contact_preference: form.contact_preference.unwrap_or(ContactPreference::None),
                accommodations: form.accommodations.clone(),
                interpreter_language: form.interpreter_language.clone().filter(|l| !l.is_empty()),
                consent: Consent {
                    handle: form.consent_handle,
                    contact: form.consent_contact,
                    text_version: "2026-1".into(),
                },
                named_staff: form.named_staff.clone(),
                staff_described: described
                    .as_deref()
                    .map(|d| seal("staff_described", d))
                    .transpose()?,
                about_leadership: form.about_leadership,
                complainant_key: receipt.complainant_key(self.origin()).public(),
                receipt_lookup: receipt.lookup(self.origin()),
                data_key: data_key.clone(),
            };
            self.act(who, case, Command::File(Box::new(filed)), at)
                .await
        }
        .await;
        match result {
            Ok(appended) => Ok(Filed {
                case,
                receipt,
                position: appended.positions.start,
            }),
            Err(e) => {
                // Nothing was recorded: the fresh key protects nothing, remove it.
                let vault = self.vault.clone();
                let _ = super::blocking(move || vault.destroy(&data_key)).await;
                Err(e)
            }
        }
    }

    /// What is wrong with `parts` of `form`, against what the organization offers now (empty
    /// when nothing is). The pages check one part per step, the API all of them.
    pub fn check_complaint(&self, form: &ComplaintForm, parts: &[Part]) -> Vec<Invalid> {
        self.read(|m| {
            let offer = Offer {
                settings: &m.org().settings,
                reference: m.reference(),
            };
            parts.iter().flat_map(|p| form.check(*p, &offer)).collect()
        })
    }

    /// Whether `code` may be recorded as a client's language: one the organization offers, or
    /// an interpreter's (see `recourse_projections::language`).
    pub fn is_client_language(&self, code: &str) -> bool {
        self.read(|m| recourse_projections::language::is_client_language(&m.org().settings, code))
    }

    /// The language a complaint records when the client did not name one: `page`'s (the
    /// language they read the form in), if the organization offers it, else the
    /// organization's first language.
    pub fn client_language(&self, page: &str) -> String {
        if self.is_client_language(page) {
            return page.to_string();
        }
        self.read(|m| {
            m.org()
                .settings
                .languages
                .first()
                .cloned()
                .unwrap_or_else(|| page.to_string())
        })
    }

    /// The case of a receipt code, and the complainant acting through it.
    pub fn client(&self, code: &ReceiptCode) -> Result<(CaseId, Acting), ServiceError> {
        let case = self
            .read(|m| m.case_by_receipt(&code.lookup(self.origin())))
            .ok_or_else(|| ServiceError::NotFound("no complaint has this receipt code".into()))?;
        Ok((
            case,
            Acting {
                actor: recourse_projections::actor::Actor::Client,
                key: code.complainant_key(self.origin()),
            },
        ))
    }
}
