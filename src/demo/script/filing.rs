//! The filing: who complains, about what and in which language, whether they give their
//! name, whether they name a staff member; then the form they send, with their contact
//! details, accommodations and words.

use jiff::Timestamp;
use rand::RngExt;
use recourse_events::case::{Accommodation, Channel, ContactPreference};

use super::{Timed, Vars};
use crate::demo::agency::{CHAIRS, INTAKE, LANGUAGES, PROGRAMS, Program, SITES, Site};
use crate::demo::calendar::Cal;
use crate::demo::corpus::{Category, Corpus};
use crate::demo::random::{Rng, one, one_str, pick, some_of, weighted};
use crate::demo::step::Step;
use crate::service::ComplaintForm;

/// What was chosen when the complaint was filed, which every later stage reads.
pub(in crate::demo) struct Complaint<'a> {
    /// The agency's calendar.
    pub(super) cal: &'a Cal,
    /// The texts.
    pub(super) corpus: &'a Corpus,
    /// When it was filed.
    pub(super) filed: Timestamp,
    /// How.
    pub(super) channel: Channel,
    /// The client's language.
    pub(super) lang: &'static str,
    /// What it is about.
    pub(super) category: &'a Category,
    /// The program concerned.
    pub(super) program: Program,
    /// The site concerned.
    pub(super) site: Site,
    /// The placeholders' values.
    pub(super) vars: Vars<'a>,
    /// Filed without a name.
    pub(super) anonymous: bool,
    /// Staff it names (never on its handling).
    pub(super) named: Vec<usize>,
    /// Intake's member for it.
    pub(super) intake: usize,
    /// The chair for it.
    pub(super) chair: usize,
}

impl<'a> Complaint<'a> {
    /// Draws who complains and about what.
    pub(super) fn choose(
        cal: &'a Cal,
        corpus: &'a Corpus,
        rng: &mut Rng,
        filed: Timestamp,
        channel: Channel,
    ) -> Complaint<'a> {
        let (lang, lang_name) = weighted(rng, &LANGUAGES.map(|l| ((l.0, l.2), l.1)));
        let weights: Vec<(usize, u32)> = corpus
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (i, c.weight))
            .collect();
        let mut category = &corpus.categories[weighted(rng, &weights)];
        if category.id == "interpreter_access" && matches!(lang, "en" | "fr") {
            category = &corpus.categories[0];
        }
        let program =
            PROGRAMS[weighted(rng, &std::array::from_fn::<_, 6, _>(|i| (i, PROGRAMS[i].2)))];
        let site = weighted(rng, &SITES.map(|s| (s, s.2)));
        let vars = Vars {
            site: site.1,
            program: program.1,
            lang: lang_name,
            issue: &category.issue,
            days: &corpus.days,
        };
        let anonymous = rng.random_bool(match channel {
            Channel::Web => 0.40,
            Channel::Phone | Channel::Email => 0.20,
            Channel::InPerson => 0.15,
            Channel::Referral => 0.05,
        });
        // Complaints about conduct or discrimination sometimes name the person; a few others
        // too.
        let names_staff = rng.random_bool(match category.id.as_str() {
            "staff_conduct" => 0.45,
            "discrimination" => 0.25,
            _ => 0.01,
        });
        let named: Vec<usize> = if names_staff {
            vec![one(rng, &[0, 1, 2, 3, 4, 5, 6, 7])]
        } else {
            vec![]
        };
        let free: Vec<usize> = INTAKE.into_iter().filter(|i| !named.contains(i)).collect();
        let intake = one(rng, &free);
        let chair = one(rng, &CHAIRS);
        Complaint {
            cal,
            corpus,
            filed,
            channel,
            lang,
            category,
            program,
            site,
            vars,
            anonymous,
            named,
            intake,
            chair,
        }
    }

    /// Whether `s` may not act on the case: named by it, or in `extra` (recused).
    pub(super) fn conflicted(&self, s: usize, extra: &[usize]) -> bool {
        self.named.contains(&s) || extra.contains(&s)
    }

    /// The filing step: by intake for the channels staff take, on the web by the client.
    pub(super) fn filing(&self, rng: &mut Rng) -> Timed {
        (
            self.filed,
            Step::File {
                by: (self.channel != Channel::Web).then_some(self.intake),
                form: Box::new(self.form(rng)),
                named: self.named.clone(),
            },
        )
    }

    /// The form the client sends.
    fn form(&self, rng: &mut Rng) -> ComplaintForm {
        let corpus = self.corpus;
        let anonymous = self.anonymous;
        let name = pick(rng, corpus.names(self.lang));
        let email = format!(
            "{}{}@{}",
            name.to_lowercase().replace([' ', '-'], "."),
            rng.random_range(1..99),
            one_str(rng, &corpus.email_domains)
        );
        let phone = format!(
            "({}) 555-01{:02}",
            one_str(rng, &corpus.area_codes),
            rng.random_range(0..100)
        );
        let preference = contact_preference(rng, anonymous);
        let (accommodations, interpreter) = accommodations(rng, self.lang);
        let cites_rights = rng.random_bool(0.6);
        ComplaintForm {
            channel: Some(self.channel),
            language: self.lang.into(),
            anonymous,
            name: (!anonymous).then(|| name.to_string()),
            email: (!anonymous || preference == ContactPreference::Email).then(|| email.clone()),
            phone: (!anonymous && preference != ContactPreference::Email).then(|| phone.clone()),
            program: self.program.0.into(),
            site: self.site.0.into(),
            service_stream: rng
                .random_bool(0.85)
                .then(|| one(rng, self.program.3).to_string()),
            rights: if cites_rights {
                some_of(rng, &self.category.rights, 2)
            } else {
                vec![]
            },
            what_happened: self.vars.pick(rng, &self.category.narratives),
            outcome_wanted: rng
                .random_bool(0.8)
                .then(|| one_str(rng, &corpus.outcomes_wanted).to_string()),
            contact_preference: Some(preference),
            accommodations,
            interpreter_language: interpreter.then(|| self.lang.to_string()),
            consent_handle: true,
            consent_contact: preference != ContactPreference::None,
            named_staff: vec![],
            about_leadership: false,
            staff_described: None,
        }
    }
}

/// How the client wants to be contacted (anonymous clients mostly not at all).
fn contact_preference(rng: &mut Rng, anonymous: bool) -> ContactPreference {
    if anonymous {
        weighted(
            rng,
            &[
                (ContactPreference::None, 75),
                (ContactPreference::Email, 25),
            ],
        )
    } else {
        weighted(
            rng,
            &[
                (ContactPreference::Email, 35),
                (ContactPreference::Phone, 35),
                (ContactPreference::TextMessage, 20),
                (ContactPreference::InPerson, 10),
            ],
        )
    }
}

/// The accommodations asked for, and whether one is an interpreter (most clients writing in
/// neither English nor French ask for one).
fn accommodations(rng: &mut Rng, lang: &str) -> (Vec<Accommodation>, bool) {
    let mut accommodations = Vec::new();
    let interpreter = !matches!(lang, "en" | "fr") && rng.random_bool(0.8);
    if interpreter {
        accommodations.push(Accommodation::Interpreter);
    }
    for (a, p) in [
        (Accommodation::AccessibleFormat, 0.03),
        (Accommodation::SupportPerson, 0.05),
        (Accommodation::FlexibleMeeting, 0.06),
    ] {
        if rng.random_bool(p) {
            accommodations.push(a);
        }
    }
    (accommodations, interpreter)
}
