//! A complaint's one validator: every door (the public form step by step, the staff intake
//! form, the API) checks a [`ComplaintForm`] here and nowhere else.
//!
//! The form is in parts, one per step of the public form ([`Part`]): the page checks the part
//! it shows, the API and the final send check them all, and filing itself checks them all
//! again (hidden fields can be edited; an API client can skip a check). A refusal names the
//! field as the API and [`ComplaintForm`] name it (`what_happened`, `service_stream`...) and
//! says why as a message id; the page maps the field to its own input's name and translates
//! the message beside it. Lengths are counted in characters against [`crate::limits`], after
//! trimming, as the filing stores the text.
//!
//! The rules (`projections::case::rules`) still check the recorded `complaint.filed`
//! (programs, sites, languages, consent) as invariants of the ledger: a form that passes here
//! passes there, so people never see the rules' refusals for a complaint.

use recourse_events::case::{Accommodation, ContactPreference};
use recourse_events::org::Settings;
use recourse_projections::framework::Reference;
use recourse_projections::language::{is_client_language, is_interpreter_language};
use recourse_projections::message::Message;

use super::ComplaintForm;
use super::validation::{Invalid, Refusals, at_most, one_line};
use crate::limits;

/// A part of the complaint, as the public form asks for it (one step each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// What happened, and where: the narrative, program, site and service stream, whom it is
    /// about (the director or the chair; a staff member in the client's words), and the
    /// client's language, which the form sets itself.
    WhatHappened,
    /// The rights cited and the outcome wanted.
    OutcomeWanted,
    /// Who the client is and how to reach them: name, email, phone, contact preference,
    /// accommodations and interpreter.
    Contact,
    /// Consent to handle the complaint, and to contact the client.
    Consent,
}

impl Part {
    /// Every part, in the form's order.
    pub const ALL: [Part; 4] = [
        Part::WhatHappened,
        Part::OutcomeWanted,
        Part::Contact,
        Part::Consent,
    ];

    /// The part asked for at step `step` (1-based) of the public form; the last for any later.
    pub fn of_step(step: u8) -> Part {
        match step {
            0 | 1 => Part::WhatHappened,
            2 => Part::OutcomeWanted,
            3 => Part::Contact,
            _ => Part::Consent,
        }
    }
}

/// What the organization offers a complaint to name: its settings and the reference data.
pub struct Offer<'a> {
    /// The organization's settings (programs, sites, languages).
    pub settings: &'a Settings,
    /// The reference data (service streams).
    pub reference: &'a Reference,
}

/// `text` trimmed, or `None` when it is absent or blank.
fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

impl ComplaintForm {
    /// What is wrong with `part` of the complaint, against what `offer` allows: every refused
    /// field, in the form's order (empty when the part is fine).
    pub fn check(&self, part: Part, offer: &Offer) -> Vec<Invalid> {
        let mut r = Refusals::default();
        match part {
            Part::WhatHappened => self.check_what(&mut r, offer),
            Part::OutcomeWanted => {
                if let Some(o) = given(&self.outcome_wanted) {
                    r.check(at_most("outcome_wanted", o, limits::OUTCOME_WANTED));
                }
            }
            Part::Contact => self.check_contact(&mut r),
            Part::Consent => {
                if !self.consent_handle {
                    r.push(Invalid::new(
                        "consent_handle",
                        Message::new("error-consent"),
                    ));
                }
                if self.contact() != ContactPreference::None && !self.consent_contact {
                    r.push(Invalid::new(
                        "consent_contact",
                        Message::new("error-consent-contact"),
                    ));
                }
            }
        }
        r.into_vec()
    }

    /// Every refused field of every part.
    pub fn validate(&self, offer: &Offer) -> Vec<Invalid> {
        Part::ALL
            .into_iter()
            .flat_map(|part| self.check(part, offer))
            .collect()
    }

    /// How the client wants to be contacted (none unless they said).
    fn contact(&self) -> ContactPreference {
        self.contact_preference.unwrap_or(ContactPreference::None)
    }

    fn check_what(&self, r: &mut Refusals, offer: &Offer) {
        if !is_client_language(offer.settings, &self.language) {
            r.push(Invalid::new("language", Message::new("error-language")));
        }
        let what = self.what_happened.trim();
        if what.is_empty() {
            r.push(Invalid::new("what_happened", Message::new("error-what")));
        } else {
            r.check(at_most("what_happened", what, limits::NARRATIVE));
        }
        if !offer.settings.programs.iter().any(|p| p.id == self.program) {
            r.push(Invalid::new("program", Message::new("error-program")));
        }
        if !offer.settings.sites.iter().any(|s| s.id == self.site) {
            r.push(Invalid::new("site", Message::new("error-site")));
        }
        if let Some(who) = given(&self.staff_described)
            && let Err(e) = at_most("staff_described", who, limits::STAFF_DESCRIBED)
                .and_then(|()| one_line("staff_described", who))
        {
            r.push(e);
        }
        if let Some(stream) = given(&self.service_stream)
            && offer.reference.service_stream(stream).is_none()
        {
            r.push(Invalid::new(
                "service_stream",
                Message::new("error-program"),
            ));
        }
    }

    fn check_contact(&self, r: &mut Refusals) {
        for (field, value, max) in [
            ("name", &self.name, limits::CLIENT_NAME),
            ("email", &self.email, limits::EMAIL),
            ("phone", &self.phone, limits::PHONE),
        ] {
            if let Some(v) = given(value)
                && let Err(e) = at_most(field, v, max).and_then(|()| one_line(field, v))
            {
                r.push(e);
            }
        }
        let wants = self.contact();
        let email = given(&self.email);
        let email_missing = wants == ContactPreference::Email && email.is_none();
        if email_missing || email.is_some_and(|e| !e.contains('@')) {
            r.push(Invalid::new("email", Message::new("error-email")));
        }
        let digits = given(&self.phone)
            .map(|p| p.chars().filter(char::is_ascii_digit).count())
            .unwrap_or(0);
        if matches!(
            wants,
            ContactPreference::Phone | ContactPreference::TextMessage
        ) && digits < 7
        {
            r.push(Invalid::new("phone", Message::new("error-phone")));
        }
        let interpreter = self.accommodations.contains(&Accommodation::Interpreter);
        let language = given(&self.interpreter_language);
        let language_ok = match language {
            Some(l) => interpreter && is_interpreter_language(l),
            None => !interpreter,
        };
        if !language_ok {
            r.push(Invalid::new(
                "interpreter_language",
                Message::new("error-interpreter"),
            ));
        }
        if !self.anonymous && given(&self.name).is_none() && wants != ContactPreference::None {
            r.push(Invalid::new("name", Message::new("error-name")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use recourse_events::org::Named;

    fn settings() -> Settings {
        Settings {
            programs: vec![Named::new("settlement", "Settlement")],
            sites: vec![Named::new("downtown", "Downtown")],
            ..Settings::default()
        }
    }

    fn form() -> ComplaintForm {
        ComplaintForm {
            language: "en".into(),
            program: "settlement".into(),
            site: "downtown".into(),
            what_happened: "No interpreter was booked.".into(),
            consent_handle: true,
            ..ComplaintForm::default()
        }
    }

    fn fields(form: &ComplaintForm) -> Vec<(&'static str, &'static str)> {
        let settings = settings();
        let reference = Reference::shipped();
        let offer = Offer {
            settings: &settings,
            reference: &reference,
        };
        form.validate(&offer)
            .into_iter()
            .map(|i| (i.field, i.message.id))
            .collect()
    }

    #[test]
    fn a_complete_complaint_passes_every_part() {
        assert_eq!(fields(&form()), []);
    }

    #[test]
    fn a_name_is_counted_in_characters_and_refused_past_the_limit() {
        // Given a named client whose name is 150 Arabic characters (300 bytes).
        let mut f = form();
        f.name = Some("ن".repeat(150));
        // Then it is accepted; one past the limit is refused, naming the field.
        assert_eq!(fields(&f), []);
        f.name = Some("ن".repeat(limits::CLIENT_NAME + 1));
        assert_eq!(fields(&f), [("name", "invalid-too-long")]);
    }

    #[test]
    fn every_refused_field_is_named_in_the_forms_order() {
        let f = ComplaintForm {
            language: "xx-John".into(),
            program: "nope".into(),
            contact_preference: Some(ContactPreference::Phone),
            accommodations: vec![Accommodation::Interpreter],
            email: Some("not an address".into()),
            ..ComplaintForm::default()
        };
        assert_eq!(
            fields(&f),
            [
                ("language", "error-language"),
                ("what_happened", "error-what"),
                ("program", "error-program"),
                ("site", "error-site"),
                ("email", "error-email"),
                ("phone", "error-phone"),
                ("interpreter_language", "error-interpreter"),
                ("name", "error-name"),
                ("consent_handle", "error-consent"),
                ("consent_contact", "error-consent-contact"),
            ]
        );
    }

    #[test]
    fn the_staff_member_described_is_one_line_counted_in_characters() {
        // Given a description of 150 Arabic characters, the limit.
        let mut f = form();
        f.staff_described = Some("ع".repeat(limits::STAFF_DESCRIBED));
        // Then it passes; one more character, or a second line, is refused naming the field.
        assert_eq!(fields(&f), []);
        f.staff_described = Some("ع".repeat(limits::STAFF_DESCRIBED + 1));
        assert_eq!(fields(&f), [("staff_described", "invalid-too-long")]);
        f.staff_described = Some("the manager\nat the front desk".into());
        assert_eq!(fields(&f)[0].0, "staff_described");
    }

    #[test]
    fn an_interpreter_language_goes_with_the_interpreter_only() {
        let mut f = form();
        f.interpreter_language = Some("ar".into());
        assert_eq!(fields(&f), [("interpreter_language", "error-interpreter")]);
        f.accommodations = vec![Accommodation::Interpreter];
        assert_eq!(fields(&f), []);
        f.interpreter_language = Some("xx-Jane-Doe".into());
        assert_eq!(fields(&f), [("interpreter_language", "error-interpreter")]);
    }

    #[test]
    fn each_step_checks_its_own_part() {
        assert_eq!(Part::of_step(1), Part::WhatHappened);
        assert_eq!(Part::of_step(4), Part::Consent);
        let f = ComplaintForm {
            outcome_wanted: Some("x".repeat(limits::OUTCOME_WANTED + 1)),
            ..form()
        };
        let settings = settings();
        let reference = Reference::shipped();
        let offer = Offer {
            settings: &settings,
            reference: &reference,
        };
        assert!(f.check(Part::WhatHappened, &offer).is_empty());
        assert_eq!(
            f.check(Part::OutcomeWanted, &offer)[0].field,
            "outcome_wanted"
        );
    }
}
