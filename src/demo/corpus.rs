//! The demo's texts, kept as data (`src/demo/corpus.toml`, compiled in with
//! `include_str!`): what clients write (narratives, what they want, later information,
//! comments, appeals), what staff answer (notes, messages, findings, reasons, remedies,
//! corrective actions), clients' names in each language the agency offers, and the complaint
//! categories with the rights and framework items they concern.
//!
//! [`Corpus::shipped`] parses and checks it once per demo: every list the script draws from
//! must be non-empty, every placeholder known, every language of the agency must have names,
//! and the categories the script treats specially must exist. So a bad edit of the data file
//! is refused before anything is written, with what is wrong, and the script itself never
//! meets a missing text.

use serde::Deserialize;

use super::agency::LANGUAGES;

/// The data file.
const SHIPPED: &str = include_str!("corpus.toml");

/// Placeholders a template may hold (see [`super::script::Vars`]).
const PLACEHOLDERS: [&str; 7] = [
    "{site}",
    "{program}",
    "{lang}",
    "{issue}",
    "{Issue}",
    "{day}",
    "{weeks}",
];

/// Category ids the script treats specially (interpreters, staff named, sensitive cases).
pub(super) const SPECIAL_CATEGORIES: [&str; 4] = [
    "interpreter_access",
    "staff_conduct",
    "discrimination",
    "privacy",
];

/// Every text of the demo (see `corpus.toml` for what each holds).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corpus {
    /// Weekdays, for `{day}`.
    pub days: Vec<String>,
    /// Domains of the clients' email addresses.
    pub email_domains: Vec<String>,
    /// Area codes of their phone numbers.
    pub area_codes: Vec<String>,
    /// What clients want, on the form.
    pub outcomes_wanted: Vec<String>,
    /// The acknowledgement note of a complaint written in French.
    pub acknowledgement_fr: String,
    /// Why a reviewer steps aside, by kind of conflict.
    pub recusal_reasons: RecusalReasons,
    /// Notes, messages and reasons.
    pub notes: Notes,
    /// Summaries of findings.
    pub findings: Findings,
    /// Reasons and remedies of decisions.
    pub decisions: Decisions,
    /// Clients' names by language.
    pub client_names: Vec<ClientNames>,
    /// What complaints are about.
    pub categories: Vec<Category>,
}

/// Why a reviewer steps aside.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecusalReasons {
    /// A personal relationship.
    pub relationship: String,
    /// A reporting line.
    pub reporting: String,
    /// Involved in the events.
    pub involved: String,
    /// Another conflict.
    pub other: String,
}

/// Notes, messages and reasons, from the filing to the last corrective action.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notes {
    /// Acknowledgement notes.
    pub acknowledgements: Vec<String>,
    /// Information clients add.
    pub client_information: Vec<String>,
    /// Notes for the committee.
    pub committee_notes: Vec<String>,
    /// Messages to the client.
    pub to_client: Vec<String>,
    /// The client's replies.
    pub from_client: Vec<String>,
    /// Why the clock is paused.
    pub pause_reasons: Vec<String>,
    /// Clients' comments after a decision.
    pub client_comments: Vec<String>,
    /// Grounds of appeal.
    pub appeal_grounds: Vec<String>,
    /// Reasons of an appeal decision confirming the decision.
    pub appeal_confirmed: Vec<String>,
    /// Reasons of one varying it.
    pub appeal_varied: Vec<String>,
    /// Reasons of one overturning it.
    pub appeal_overturned: Vec<String>,
    /// Why a closed case is reopened.
    pub reopen_reasons: Vec<String>,
    /// Updates on a corrective action.
    pub action_updates: Vec<String>,
    /// A corrective action reported done.
    pub action_done: Vec<String>,
    /// A corrective action verified.
    pub action_verified: Vec<String>,
    /// Why a corrective action is waived.
    pub waive_reasons: Vec<String>,
    /// The corrective action an appeal that changed the decision opens.
    pub appeal_action: String,
}

/// Summaries of findings.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Findings {
    /// The complaint is out of scope.
    pub referred: Vec<String>,
    /// Substantiated.
    pub substantiated: Vec<String>,
    /// Not substantiated.
    pub not_substantiated: Vec<String>,
}

/// Reasons of a decision by outcome, and remedies.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decisions {
    /// Upheld.
    pub upheld: Vec<String>,
    /// Partly upheld (one text).
    pub partly_upheld: String,
    /// Not upheld.
    pub not_upheld: Vec<String>,
    /// Resolved early (one text).
    pub resolved_early: String,
    /// Referred out of scope.
    pub referred: Vec<String>,
    /// Remedies of a decision that upholds the complaint (in part) or resolves it.
    pub remedies: Vec<String>,
}

/// Clients' names in one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientNames {
    /// The language's code.
    pub language: String,
    /// Names.
    pub names: Vec<String>,
}

/// What a complaint is about.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Its id (the triage's category).
    pub id: String,
    /// Its weight among complaints.
    pub weight: u32,
    /// Client Code rights it concerns.
    pub rights: Vec<String>,
    /// Framework items it concerns.
    pub items: Vec<String>,
    /// What went wrong, as a finding would put it.
    pub issue: String,
    /// What clients write.
    pub narratives: Vec<String>,
    /// Corrective actions it calls for.
    pub actions: Vec<String>,
}

/// Why the corpus is not what the demo needs.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// Not TOML of the expected shape.
    #[error("demo corpus: {0}")]
    Parse(#[from] toml::de::Error),
    /// Something the demo needs is missing or malformed.
    #[error("demo corpus: {0}")]
    Incomplete(String),
}

impl Corpus {
    /// The shipped corpus, checked.
    pub fn shipped() -> Result<Corpus, CorpusError> {
        Corpus::parse(SHIPPED)
    }

    /// The corpus in `text`, checked.
    pub fn parse(text: &str) -> Result<Corpus, CorpusError> {
        let corpus: Corpus = toml::from_str(text)?;
        corpus.check()?;
        Ok(corpus)
    }

    /// Clients' names in `language` (every language the agency offers has some: checked at
    /// load; else the first language's).
    pub fn names(&self, language: &str) -> &[String] {
        self.client_names
            .iter()
            .find(|n| n.language == language)
            .or(self.client_names.first())
            .map_or(&[], |n| &n.names)
    }

    /// Every list the script draws from, by name.
    fn lists(&self) -> Vec<(String, &[String])> {
        let n = &self.notes;
        let d = &self.decisions;
        let f = &self.findings;
        let mut lists: Vec<(String, &[String])> = vec![
            ("days".into(), &self.days),
            ("email_domains".into(), &self.email_domains),
            ("area_codes".into(), &self.area_codes),
            ("outcomes_wanted".into(), &self.outcomes_wanted),
            ("notes.acknowledgements".into(), &n.acknowledgements),
            ("notes.client_information".into(), &n.client_information),
            ("notes.committee_notes".into(), &n.committee_notes),
            ("notes.to_client".into(), &n.to_client),
            ("notes.from_client".into(), &n.from_client),
            ("notes.pause_reasons".into(), &n.pause_reasons),
            ("notes.client_comments".into(), &n.client_comments),
            ("notes.appeal_grounds".into(), &n.appeal_grounds),
            ("notes.appeal_confirmed".into(), &n.appeal_confirmed),
            ("notes.appeal_varied".into(), &n.appeal_varied),
            ("notes.appeal_overturned".into(), &n.appeal_overturned),
            ("notes.reopen_reasons".into(), &n.reopen_reasons),
            ("notes.action_updates".into(), &n.action_updates),
            ("notes.action_done".into(), &n.action_done),
            ("notes.action_verified".into(), &n.action_verified),
            ("notes.waive_reasons".into(), &n.waive_reasons),
            ("findings.referred".into(), &f.referred),
            ("findings.substantiated".into(), &f.substantiated),
            ("findings.not_substantiated".into(), &f.not_substantiated),
            ("decisions.upheld".into(), &d.upheld),
            ("decisions.not_upheld".into(), &d.not_upheld),
            ("decisions.referred".into(), &d.referred),
            ("decisions.remedies".into(), &d.remedies),
        ];
        for c in &self.categories {
            lists.push((format!("categories.{}.rights", c.id), &c.rights));
            lists.push((format!("categories.{}.items", c.id), &c.items));
            lists.push((format!("categories.{}.narratives", c.id), &c.narratives));
            lists.push((format!("categories.{}.actions", c.id), &c.actions));
        }
        for l in &self.client_names {
            lists.push((format!("client_names.{}", l.language), &l.names));
        }
        lists
    }

    /// Every single text, by name.
    fn singles(&self) -> Vec<(String, &str)> {
        let r = &self.recusal_reasons;
        let mut singles: Vec<(String, &str)> = vec![
            ("acknowledgement_fr".into(), &self.acknowledgement_fr),
            ("recusal_reasons.relationship".into(), &r.relationship),
            ("recusal_reasons.reporting".into(), &r.reporting),
            ("recusal_reasons.involved".into(), &r.involved),
            ("recusal_reasons.other".into(), &r.other),
            ("notes.appeal_action".into(), &self.notes.appeal_action),
            (
                "decisions.partly_upheld".into(),
                &self.decisions.partly_upheld,
            ),
            (
                "decisions.resolved_early".into(),
                &self.decisions.resolved_early,
            ),
        ];
        for c in &self.categories {
            singles.push((format!("categories.{}.issue", c.id), &c.issue));
        }
        singles
    }

    /// Refuses a corpus the demo cannot draw from.
    fn check(&self) -> Result<(), CorpusError> {
        let bad = |m: String| Err(CorpusError::Incomplete(m));
        if self.categories.is_empty() || self.categories.iter().all(|c| c.weight == 0) {
            return bad("no category to draw".into());
        }
        for id in SPECIAL_CATEGORIES {
            if !self.categories.iter().any(|c| c.id == id) {
                return bad(format!("no category {id:?}"));
            }
        }
        for (code, _, _) in LANGUAGES {
            if !self.client_names.iter().any(|n| n.language == code) {
                return bad(format!("no client names in {code:?}"));
            }
        }
        let lists = self.lists();
        for (name, list) in &lists {
            if list.is_empty() {
                return bad(format!("{name} is empty"));
            }
        }
        let texts = lists
            .iter()
            .flat_map(|(name, list)| list.iter().map(move |t| (name.clone(), t.as_str())));
        for (name, text) in texts.chain(self.singles()) {
            if text.trim().is_empty() {
                return bad(format!("{name} holds an empty text"));
            }
            if let Some(p) = unknown_placeholder(text) {
                return bad(format!("{name}: unknown placeholder {p:?} in {text:?}"));
            }
        }
        Ok(())
    }
}

/// The first `{...}` in `text` that is not a known placeholder.
fn unknown_placeholder(text: &str) -> Option<&str> {
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let tail = &rest[start..];
        let end = tail.find('}').map_or(tail.len(), |e| e + 1);
        let p = &tail[..end];
        if !PLACEHOLDERS.contains(&p) {
            return Some(p);
        }
        rest = &tail[end..];
    }
    None
}

#[cfg(test)]
mod tests {
    use recourse_projections::framework::Reference;

    use super::*;

    #[test]
    fn the_shipped_corpus_parses_and_has_what_the_demo_needs() {
        let c = Corpus::shipped().unwrap();
        assert_eq!(c.categories.len(), 8);
        assert_eq!(c.days.len(), 5);
        for (code, _, _) in LANGUAGES {
            assert_eq!(c.names(code).len(), 4, "{code}");
        }
        // Every right and framework item is one the shipped reference holds.
        let reference = Reference::shipped();
        for cat in &c.categories {
            for r in &cat.rights {
                assert!(reference.right(r).is_some(), "{}: right {r}", cat.id);
            }
            for i in &cat.items {
                assert!(
                    reference.framework_item(i).is_some(),
                    "{}: item {i}",
                    cat.id
                );
            }
        }
        for item in ["scope.beyond-scope", "monitoring.complaints-review"] {
            assert!(reference.framework_item(item).is_some(), "{item}");
        }
    }

    #[test]
    fn a_corpus_the_demo_cannot_use_is_refused() {
        assert!(matches!(
            Corpus::parse("days = []"),
            Err(CorpusError::Parse(_))
        ));
        let refusal = |text: &str| match Corpus::parse(text) {
            Ok(_) => panic!("accepted"),
            Err(e) => e.to_string(),
        };
        let unknown = SHIPPED.replacen("the {site} coordinator", "the {office} coordinator", 1);
        assert_ne!(unknown, SHIPPED);
        let e = refusal(&unknown);
        assert!(e.contains("unknown placeholder \"{office}\""), "{e}");
        let empty = SHIPPED.replacen(
            "email_domains = [\n    \"example.com\",\n    \"example.org\",\n    \"example.net\",\n]",
            "email_domains = []",
            1,
        );
        assert_ne!(empty, SHIPPED);
        let e = refusal(&empty);
        assert!(e.contains("email_domains is empty"), "{e}");
        let no_somali = SHIPPED.replacen("language = \"so\"", "language = \"sw\"", 1);
        let e = refusal(&no_somali);
        assert!(e.contains("no client names in \"so\""), "{e}");
    }
}
