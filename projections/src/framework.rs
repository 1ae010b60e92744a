//! The sector's reference documents: the CCR Client Code of Service Rights,
//! the CCR/CLEO framework for high quality immigration and refugee services,
//! the CCR core values of settlement work, and the IRCC settlement service
//! streams.
//!
//! # Why these are data files
//!
//! Complaints in Recourse point at these documents: a complainant picks the
//! rights of the Client Code that were not respected, a corrective action
//! names the framework item it strengthens, a complaint says which service it
//! is about. The documents are not Recourse's to fix in code:
//!
//! - an organization may adopt its own wording, add provincially funded
//!   services, translate the texts, or replace a document altogether;
//! - the source documents change (IRCC renames its lines of service, the CCR
//!   revises its guidance), and updating a text file is within reach of the
//!   people who run a complaints process, where recompiling is not;
//! - the texts shipped here are plain-language rewordings of the sources (not
//!   their sentences), and the French texts are drafts that need review by a
//!   fluent speaker (each file says what is what); the people who can correct
//!   them are not programmers.
//!
//! So they live as commented TOML files under `projections/data/`, and a
//! copy of each is compiled in ([`Reference::shipped`]) so Recourse always
//! has a working set. At start-up the binary (the root crate's `reference`
//! module) reads each file the organization put in its data folder, under
//! `reference/<file name>`, takes the shipped text for the others, and hands
//! all four to [`Reference::parse`], which checks them: a mistake in an edited
//! file stops Recourse with a message naming the file, the line or entry and
//! the problem, instead of surfacing later as a complaint that points at a
//! right that does not exist.
//!
//! This module is pure: it parses and checks strings and never touches the
//! filesystem.
//!
//! # What is checked
//!
//! - TOML syntax, reported with its line and column;
//! - the shape of each file: missing fields and unknown fields (a misspelt
//!   `titel` is an error, not silently ignored);
//! - ids are lowercase slugs (`a-z`, `0-9`, `.`, `_`, `-`) and unique within
//!   their file; framework item ids are unique across all areas;
//! - titles and texts are not empty;
//! - the rights of the Client Code are numbered 1 to N without gaps or
//!   repeats;
//! - every list has at least one entry, and every framework area at least one
//!   item;
//! - the framework has a `version`; each item's `evidence` names known
//!   measures ([`Measure`]), once each, and `citing-right:<id>` a right of the
//!   Client Code; an item's `attestation` and `attestation_fr` come together;
//! - each `[[renamed]]` entry maps an id that is no longer an item to a
//!   current item, once.
//!
//! Ids are what events record, so they must stay stable once complaints refer
//! to them; titles and texts can be reworded freely. When items are renamed or
//! merged, the framework's `[[renamed]]` table maps the old ids, and
//! [`Reference::canonical_item`] gives the current id of an old one, so that
//! events recorded before count under the new items.
//!
//! [`Reference::framework_sha256`] is the SHA-256 of the exact framework text
//! parsed, so a review can record which file it was measured against.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::review::measure::Measure;

/// One of the four reference files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceFile {
    /// `client-code.toml`: the CCR Client Code of Service Rights.
    ClientCode,
    /// `framework.toml`: the CCR/CLEO framework for high quality immigration
    /// and refugee services.
    Framework,
    /// `core-values.toml`: the CCR core values of settlement work.
    CoreValues,
    /// `service-streams.toml`: the IRCC settlement service streams.
    ServiceStreams,
    /// `external-bodies.toml`: the bodies outside the organization a client can also turn
    /// to (ombudsman, regulators, tribunals), as the landing page names them.
    ExternalBodies,
}

impl ReferenceFile {
    /// All five files, in the order [`Reference::parse`] takes them.
    pub const ALL: [ReferenceFile; 5] = [
        ReferenceFile::ClientCode,
        ReferenceFile::Framework,
        ReferenceFile::CoreValues,
        ReferenceFile::ServiceStreams,
        ReferenceFile::ExternalBodies,
    ];

    /// The file's name, as shipped under `projections/data/` and as an
    /// organization names its own copy.
    pub const fn file_name(self) -> &'static str {
        match self {
            ReferenceFile::ClientCode => "client-code.toml",
            ReferenceFile::Framework => "framework.toml",
            ReferenceFile::CoreValues => "core-values.toml",
            ReferenceFile::ServiceStreams => "service-streams.toml",
            ReferenceFile::ExternalBodies => "external-bodies.toml",
        }
    }

    /// The text of the copy compiled into Recourse, comments included; for
    /// example to write out as a starting point an organization can edit.
    pub const fn shipped_text(self) -> &'static str {
        match self {
            ReferenceFile::ClientCode => include_str!("../data/client-code.toml"),
            ReferenceFile::Framework => include_str!("../data/framework.toml"),
            ReferenceFile::CoreValues => include_str!("../data/core-values.toml"),
            ReferenceFile::ServiceStreams => include_str!("../data/service-streams.toml"),
            ReferenceFile::ExternalBodies => include_str!("../data/external-bodies.toml"),
        }
    }
}

impl fmt::Display for ReferenceFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file_name())
    }
}

/// A line and column in a reference file, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` in `text` (clamped to the text's end).
    fn of_offset(text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location { line, column }
    }
}

/// Why a reference file was rejected. Each error names the file, and where it
/// can, the entry and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    /// The file has no content: it is empty or holds only blank lines and
    /// comments (for example a file that was truncated or not filled in).
    #[error("{file}: the file has no content (it is empty or only has comments)")]
    Empty {
        /// The file.
        file: ReferenceFile,
    },
    /// The file is not valid TOML, or does not have the expected shape: a
    /// syntax error, a missing field, an unknown field, a value of the wrong
    /// type.
    #[error("{file}{}: {message}", at(.location))]
    Parse {
        /// The file.
        file: ReferenceFile,
        /// Where the problem is, when the parser could tell.
        location: Option<Location>,
        /// The parser's description of the problem.
        message: String,
    },
    /// A list that must have entries is empty.
    #[error("{file}: no {what} are listed; at least one is needed")]
    NoEntries {
        /// The file.
        file: ReferenceFile,
        /// What is missing, for example "rights".
        what: &'static str,
    },
    /// A framework area has no "achieved through" items.
    #[error("{file}: {entry}: the area has no items; at least one is needed")]
    NoItems {
        /// The file.
        file: ReferenceFile,
        /// The area, for example `area 2 (id "scope")`.
        entry: String,
    },
    /// An id, or another slug field such as a service stream's `program`, is
    /// not a lowercase slug.
    #[error(
        "{file}: {entry}: {field} \"{value}\" is not a lowercase slug \
         (use only a-z, 0-9, '.', '_' and '-', and at least one character)"
    )]
    BadSlug {
        /// The file.
        file: ReferenceFile,
        /// The entry, for example `right 3 (id "Privacy")`.
        entry: String,
        /// The field, for example "id".
        field: &'static str,
        /// The rejected value.
        value: String,
    },
    /// Two entries share an id (for framework items: anywhere in the file).
    #[error("{file}: {entry}: id \"{id}\" is already used by {first}")]
    DuplicateId {
        /// The file.
        file: ReferenceFile,
        /// The later entry.
        entry: String,
        /// The repeated id.
        id: String,
        /// The earlier entry with the same id.
        first: String,
    },
    /// A title or text is empty or only whitespace.
    #[error("{file}: {entry}: {field} is empty")]
    EmptyText {
        /// The file.
        file: ReferenceFile,
        /// The entry.
        entry: String,
        /// The empty field, for example "title_fr".
        field: &'static str,
    },
    /// A right's number is outside 1 to N, where N is the number of rights.
    #[error(
        "{file}: {entry}: number {number} breaks the numbering; \
         the {count} rights must be numbered 1 to {count} without gaps"
    )]
    BadNumber {
        /// The file.
        file: ReferenceFile,
        /// The right.
        entry: String,
        /// Its number.
        number: u32,
        /// How many rights the file lists.
        count: usize,
    },
    /// An item's evidence cites a right the Client Code does not list.
    #[error(
        "{file}: {entry}: evidence \"citing-right:{right}\" names a right that \
         client-code.toml does not list"
    )]
    UnknownRight {
        /// The file.
        file: ReferenceFile,
        /// The item.
        entry: String,
        /// The right id cited.
        right: String,
    },
    /// An item lists the same measure twice in its evidence.
    #[error("{file}: {entry}: evidence lists \"{measure}\" twice")]
    RepeatedMeasure {
        /// The file.
        file: ReferenceFile,
        /// The item.
        entry: String,
        /// The repeated measure, as spelled in the file.
        measure: String,
    },
    /// One of a pair of fields that go together is given without the other.
    #[error("{file}: {entry}: {given} is given without {missing}; give both or neither")]
    Unpaired {
        /// The file.
        file: ReferenceFile,
        /// The entry.
        entry: String,
        /// The field given, for example "attestation".
        given: &'static str,
        /// The field missing, for example "attestation_fr".
        missing: &'static str,
    },
    /// A `[[renamed]]` entry's `from` is an id the framework still uses.
    #[error("{file}: {entry}: \"{id}\" is a current item id, so it cannot also be a renamed one")]
    RenamedCurrent {
        /// The file.
        file: ReferenceFile,
        /// The renamed entry.
        entry: String,
        /// The id.
        id: String,
    },
    /// A `[[renamed]]` entry's `to` is not an item of the framework.
    #[error("{file}: {entry}: \"{id}\" is not an item of the framework")]
    RenamedToUnknown {
        /// The file.
        file: ReferenceFile,
        /// The renamed entry.
        entry: String,
        /// The missing id.
        id: String,
    },
    /// Two rights share a number.
    #[error("{file}: {entry}: number {number} is already used by {first}")]
    DuplicateNumber {
        /// The file.
        file: ReferenceFile,
        /// The later right.
        entry: String,
        /// The repeated number.
        number: u32,
        /// The earlier right with the same number.
        first: String,
    },
    /// A web address that is not a plain `https://` address.
    #[error(
        "{file}: {entry}: url \"{value}\" must be an https:// address of at most 300 \
         characters, without spaces or quotes"
    )]
    BadAddress {
        /// The file.
        file: ReferenceFile,
        /// The entry.
        entry: String,
        /// The rejected value.
        value: String,
    },
}

impl ReferenceError {
    /// The file the error is about.
    pub fn file(&self) -> ReferenceFile {
        match self {
            ReferenceError::Empty { file }
            | ReferenceError::Parse { file, .. }
            | ReferenceError::NoEntries { file, .. }
            | ReferenceError::NoItems { file, .. }
            | ReferenceError::BadSlug { file, .. }
            | ReferenceError::DuplicateId { file, .. }
            | ReferenceError::EmptyText { file, .. }
            | ReferenceError::BadNumber { file, .. }
            | ReferenceError::UnknownRight { file, .. }
            | ReferenceError::RepeatedMeasure { file, .. }
            | ReferenceError::Unpaired { file, .. }
            | ReferenceError::RenamedCurrent { file, .. }
            | ReferenceError::RenamedToUnknown { file, .. }
            | ReferenceError::DuplicateNumber { file, .. }
            | ReferenceError::BadAddress { file, .. } => *file,
        }
    }
}

/// Formats an optional location as `" line L, column C"`, or nothing.
fn at(location: &Option<Location>) -> String {
    match location {
        Some(Location { line, column }) => format!(" line {line}, column {column}"),
        None => String::new(),
    }
}

/// The reference documents Recourse works with, checked.
///
/// Build one with [`Reference::parse`] (files an organization provides) or
/// [`Reference::shipped`] (the copies compiled in). The `Deserialize` impl is
/// for reading back what was serialized from a checked value; it does not
/// check anything itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The CCR Client Code of Service Rights, rights in number order.
    pub client_code: ClientCode,
    /// The CCR/CLEO framework for high quality immigration and refugee
    /// services.
    pub framework: Framework,
    /// The CCR core values of settlement work, in file order.
    pub core_values: Vec<CoreValue>,
    /// Service streams (IRCC Settlement Program lines of service, and the
    /// Resettlement Assistance Program), in file order.
    pub service_streams: Vec<ServiceStream>,
    /// The bodies outside the organization a client can also turn to, in file order.
    pub external_bodies: Vec<ExternalBody>,
    /// The SHA-256 (lowercase hex) of the framework file's text as parsed.
    framework_sha256: String,
}

/// The CCR Client Code of Service Rights: the contents of `client-code.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientCode {
    /// The rights; after [`Reference::parse`], sorted by number.
    pub rights: Vec<Right>,
}

/// One right of the Client Code of Service Rights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Right {
    /// Stable slug recorded in events, for example "file".
    pub id: String,
    /// The right's number in the Code, from 1; what people cite ("right 4").
    pub number: u32,
    /// Short label, in English.
    pub title: String,
    /// One or two sentences in very plain English saying what the right
    /// means for the client.
    pub plain: String,
    /// Short label, in French.
    pub title_fr: String,
    /// The plain-language explanation, in French.
    pub plain_fr: String,
}

/// The CCR/CLEO framework: the contents of `framework.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Which edition of the framework the file follows (for example the
    /// source's date, "2021-02-08"); a review records it.
    pub version: String,
    /// The framework's areas, in file order.
    pub areas: Vec<Area>,
    /// Item ids no longer used, each with the current item it now counts
    /// under (see [`Reference::canonical_item`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed: Vec<Renamed>,
}

/// An item id the framework no longer uses, and the item that replaced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Renamed {
    /// The old id, as events may have recorded it.
    pub from: String,
    /// The current item id it counts under.
    pub to: String,
}

/// One area of the framework: a commitment and the practices it is achieved
/// through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable slug, for example "ethics".
    pub id: String,
    /// The area's title, in English.
    pub title: String,
    /// The area's title, in French.
    pub title_fr: String,
    /// The commitment the area states, in English, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The commitment the area states, in French, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_fr: Option<String>,
    /// What the commitment is achieved through, in file order.
    pub items: Vec<Item>,
}

/// One practice an area of the framework is achieved through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable slug, unique across all areas; by convention
    /// `<area id>.<name>`, for example "ethics.confidentiality".
    pub id: String,
    /// The practice, in English.
    pub text: String,
    /// The practice, in French.
    pub text_fr: String,
    /// The figures from the ledger that are evidence for the item, in file
    /// order (possibly none). Every item also gets the [`Measure::TAGGED`]
    /// figures, which are not listed here.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "measures")]
    pub evidence: Vec<Measure>,
    /// What the committee attests for the item in a review, in English, when
    /// the ledger cannot show it (a policy exists, insurance is in place...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attestation: Option<String>,
    /// The attestation, in French; given exactly when `attestation` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attestation_fr: Option<String>,
}

/// Measures as the data file spells them: a list of names, each read with
/// [`Measure::parse`], so that an unknown one is reported with the line of its list.
mod measures {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::review::measure::Measure;

    /// One measure name.
    struct Name(Measure);

    impl<'de> Deserialize<'de> for Name {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Name, D::Error> {
            let name = String::deserialize(deserializer)?;
            Measure::parse(&name).map(Name).map_err(D::Error::custom)
        }
    }

    pub(super) fn serialize<S: Serializer>(
        measures: &[Measure],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let names: Vec<String> = measures.iter().map(Measure::name).collect();
        names.serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Measure>, D::Error> {
        let names = Vec::<Name>::deserialize(deserializer)?;
        Ok(names.into_iter().map(|Name(m)| m).collect())
    }
}

/// One of the CCR core values of settlement work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoreValue {
    /// Stable slug, for example "access".
    pub id: String,
    /// The value's name, in English.
    pub title: String,
    /// What the value means in practice, in English.
    pub description: String,
    /// The value's name, in French.
    pub title_fr: String,
    /// What the value means in practice, in French.
    pub description_fr: String,
}

/// A kind of service a complaint can be about: an IRCC Settlement Program
/// line of service, the Resettlement Assistance Program, or whatever an
/// organization adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceStream {
    /// Stable slug, for example "language-training".
    pub id: String,
    /// Slug of the program that funds the service, for example "settlement"
    /// (IRCC Settlement Program) or "resettlement" (Resettlement Assistance
    /// Program).
    pub program: String,
    /// The service's name, in English.
    pub title: String,
    /// The service's name, in French.
    pub title_fr: String,
    /// A short description, in English, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A short description, in French, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_fr: Option<String>,
}

/// A body outside the organization a client can also turn to: an ombudsman, the regulator of
/// immigration consultants, a law society, a human rights tribunal. Its name stays as the body
/// itself writes it (in English and French); what it handles is said in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalBody {
    /// Stable slug, for example "law-society". Other languages' texts of `about` are the
    /// interface messages `external-<id>`, where the shipped bodies have them.
    pub id: String,
    /// The body's name, in English.
    pub name: String,
    /// The body's name, in French.
    pub name_fr: String,
    /// What a client can bring to it, in English.
    pub about: String,
    /// What a client can bring to it, in French.
    pub about_fr: String,
    /// Its web address (`https://` only).
    pub url: String,
}

/// The shape of `external-bodies.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExternalBodiesFile {
    #[serde(default)]
    bodies: Vec<ExternalBody>,
}

/// The shape of `core-values.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CoreValuesFile {
    values: Vec<CoreValue>,
}

/// The shape of `service-streams.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ServiceStreamsFile {
    streams: Vec<ServiceStream>,
}

impl Reference {
    /// The reference documents compiled into Recourse from
    /// `projections/data/`.
    ///
    /// # Panics
    ///
    /// If a shipped file does not pass [`Reference::parse`]. A unit test
    /// parses them, so this does not happen in a released build.
    pub fn shipped() -> Reference {
        Reference::parse(
            ReferenceFile::ClientCode.shipped_text(),
            ReferenceFile::Framework.shipped_text(),
            ReferenceFile::CoreValues.shipped_text(),
            ReferenceFile::ServiceStreams.shipped_text(),
            ReferenceFile::ExternalBodies.shipped_text(),
        )
        .expect("the reference files shipped in projections/data/ must parse (see the unit tests)")
    }

    /// Parses and checks the text of the five reference files.
    ///
    /// Returns the first problem found, checking the files in the order of
    /// the arguments. The Client Code's rights are returned sorted by number;
    /// everything else keeps file order.
    pub fn parse(
        client_code: &str,
        framework: &str,
        core_values: &str,
        service_streams: &str,
        external_bodies: &str,
    ) -> Result<Reference, ReferenceError> {
        let mut client_code: ClientCode = from_toml(ReferenceFile::ClientCode, client_code)?;
        check_client_code(&client_code)?;
        client_code.rights.sort_by_key(|right| right.number);

        let framework_sha256 = hex::encode(Sha256::digest(framework.as_bytes()));
        let framework: Framework = from_toml(ReferenceFile::Framework, framework)?;
        check_framework(&framework, &client_code)?;

        let CoreValuesFile { values } = from_toml(ReferenceFile::CoreValues, core_values)?;
        check_core_values(&values)?;

        let ServiceStreamsFile { streams } =
            from_toml(ReferenceFile::ServiceStreams, service_streams)?;
        check_service_streams(&streams)?;

        let ExternalBodiesFile { bodies } =
            from_toml(ReferenceFile::ExternalBodies, external_bodies)?;
        check_external_bodies(&bodies)?;

        Ok(Reference {
            client_code,
            framework,
            core_values: values,
            service_streams: streams,
            external_bodies: bodies,
            framework_sha256,
        })
    }

    /// The SHA-256, in lowercase hex, of the exact framework file text this
    /// reference was parsed from (comments and spacing included), so that a
    /// review can record which file it used.
    pub fn framework_sha256(&self) -> &str {
        &self.framework_sha256
    }

    /// The current id of framework item `id`: `id` itself if it is an item,
    /// the item it was renamed to if the `[[renamed]]` table lists it, or
    /// `None` if the framework does not know it. Events keep the ids they were
    /// recorded with; this is how an old ledger counts under the new items.
    pub fn canonical_item(&self, id: &str) -> Option<&str> {
        if let Some((_, item)) = self.framework_item(id) {
            return Some(&item.id);
        }
        self.framework
            .renamed
            .iter()
            .find(|renamed| renamed.from == id)
            .map(|renamed| renamed.to.as_str())
    }

    /// The right of the Client Code with this id.
    pub fn right(&self, id: &str) -> Option<&Right> {
        self.client_code.rights.iter().find(|right| right.id == id)
    }

    /// The framework area with this id.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.framework.areas.iter().find(|area| area.id == id)
    }

    /// The framework item with this id, with the area it belongs to.
    pub fn framework_item(&self, id: &str) -> Option<(&Area, &Item)> {
        self.framework.areas.iter().find_map(|area| {
            area.items
                .iter()
                .find(|item| item.id == id)
                .map(|item| (area, item))
        })
    }

    /// The framework area holding the item with this id.
    pub fn area_of_item(&self, item_id: &str) -> Option<&Area> {
        self.framework_item(item_id).map(|(area, _)| area)
    }

    /// The core value with this id.
    pub fn core_value(&self, id: &str) -> Option<&CoreValue> {
        self.core_values.iter().find(|value| value.id == id)
    }

    /// The service stream with this id.
    pub fn service_stream(&self, id: &str) -> Option<&ServiceStream> {
        self.service_streams.iter().find(|stream| stream.id == id)
    }
}

/// Deserializes one file, turning an empty file and TOML errors into
/// [`ReferenceError`]s.
fn from_toml<T: serde::de::DeserializeOwned>(
    file: ReferenceFile,
    text: &str,
) -> Result<T, ReferenceError> {
    let has_content = text.lines().any(|line| {
        let line = line.trim();
        !line.is_empty() && !line.starts_with('#')
    });
    if !has_content {
        return Err(ReferenceError::Empty { file });
    }
    toml::from_str(text).map_err(|error| ReferenceError::Parse {
        file,
        location: error
            .span()
            .map(|span| Location::of_offset(text, span.start)),
        message: error.message().trim().to_owned(),
    })
}

/// How an entry is named in errors: `right 3 (id "file")`.
fn entry(kind: &str, position: usize, id: &str) -> String {
    format!("{kind} {} (id \"{id}\")", position + 1)
}

/// Whether `s` matches `[a-z0-9._-]+`.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

/// Checks that `value` is a slug.
fn check_slug(
    file: ReferenceFile,
    entry: &str,
    field: &'static str,
    value: &str,
) -> Result<(), ReferenceError> {
    if is_slug(value) {
        Ok(())
    } else {
        Err(ReferenceError::BadSlug {
            file,
            entry: entry.to_owned(),
            field,
            value: value.to_owned(),
        })
    }
}

/// Checks that each text is not empty or only whitespace.
fn check_texts(
    file: ReferenceFile,
    entry: &str,
    texts: &[(&'static str, Option<&str>)],
) -> Result<(), ReferenceError> {
    for &(field, text) in texts {
        if text.is_some_and(|text| text.trim().is_empty()) {
            return Err(ReferenceError::EmptyText {
                file,
                entry: entry.to_owned(),
                field,
            });
        }
    }
    Ok(())
}

/// Remembers the ids seen in one file and the entry that used each first.
struct SeenIds {
    file: ReferenceFile,
    seen: Vec<(String, String)>,
    index: HashSet<String>,
}

impl SeenIds {
    fn new(file: ReferenceFile) -> SeenIds {
        SeenIds {
            file,
            seen: Vec::new(),
            index: HashSet::new(),
        }
    }

    /// Records `id` for `entry`, failing if an earlier entry used it.
    fn insert(&mut self, id: &str, entry: &str) -> Result<(), ReferenceError> {
        if self.index.contains(id) {
            let first = self
                .seen
                .iter()
                .find(|(seen, _)| seen == id)
                .map(|(_, first)| first.clone())
                .unwrap_or_default();
            return Err(ReferenceError::DuplicateId {
                file: self.file,
                entry: entry.to_owned(),
                id: id.to_owned(),
                first,
            });
        }
        self.index.insert(id.to_owned());
        self.seen.push((id.to_owned(), entry.to_owned()));
        Ok(())
    }
}

fn check_client_code(code: &ClientCode) -> Result<(), ReferenceError> {
    let file = ReferenceFile::ClientCode;
    if code.rights.is_empty() {
        return Err(ReferenceError::NoEntries {
            file,
            what: "rights",
        });
    }
    let count = code.rights.len();
    let mut ids = SeenIds::new(file);
    let mut by_number: Vec<Option<String>> = vec![None; count];
    for (position, right) in code.rights.iter().enumerate() {
        let entry = entry("right", position, &right.id);
        check_slug(file, &entry, "id", &right.id)?;
        ids.insert(&right.id, &entry)?;
        check_texts(
            file,
            &entry,
            &[
                ("title", Some(&right.title)),
                ("plain", Some(&right.plain)),
                ("title_fr", Some(&right.title_fr)),
                ("plain_fr", Some(&right.plain_fr)),
            ],
        )?;
        // With every number in 1..=count and none repeated, the numbers are
        // exactly 1..=count.
        let slot = usize::try_from(right.number)
            .ok()
            .and_then(|number| number.checked_sub(1))
            .and_then(|index| by_number.get_mut(index));
        let Some(slot) = slot else {
            return Err(ReferenceError::BadNumber {
                file,
                entry,
                number: right.number,
                count,
            });
        };
        if let Some(first) = slot {
            return Err(ReferenceError::DuplicateNumber {
                file,
                entry,
                number: right.number,
                first: first.clone(),
            });
        }
        *slot = Some(entry);
    }
    Ok(())
}

fn check_framework(framework: &Framework, client_code: &ClientCode) -> Result<(), ReferenceError> {
    let file = ReferenceFile::Framework;
    check_texts(
        file,
        "top of the file",
        &[("version", Some(framework.version.as_str()))],
    )?;
    if framework.areas.is_empty() {
        return Err(ReferenceError::NoEntries {
            file,
            what: "areas",
        });
    }
    let mut area_ids = SeenIds::new(file);
    let mut item_ids = SeenIds::new(file);
    for (position, area) in framework.areas.iter().enumerate() {
        let area_entry = entry("area", position, &area.id);
        check_slug(file, &area_entry, "id", &area.id)?;
        area_ids.insert(&area.id, &area_entry)?;
        check_texts(
            file,
            &area_entry,
            &[
                ("title", Some(&area.title)),
                ("title_fr", Some(&area.title_fr)),
                ("summary", area.summary.as_deref()),
                ("summary_fr", area.summary_fr.as_deref()),
            ],
        )?;
        if area.items.is_empty() {
            return Err(ReferenceError::NoItems {
                file,
                entry: area_entry,
            });
        }
        for (position, item) in area.items.iter().enumerate() {
            let item_entry = format!("{area_entry}, {}", entry("item", position, &item.id));
            check_slug(file, &item_entry, "id", &item.id)?;
            item_ids.insert(&item.id, &item_entry)?;
            check_texts(
                file,
                &item_entry,
                &[
                    ("text", Some(&item.text)),
                    ("text_fr", Some(&item.text_fr)),
                    ("attestation", item.attestation.as_deref()),
                    ("attestation_fr", item.attestation_fr.as_deref()),
                ],
            )?;
            check_paired(
                file,
                &item_entry,
                ("attestation", item.attestation.is_some()),
                ("attestation_fr", item.attestation_fr.is_some()),
            )?;
            check_evidence(file, &item_entry, &item.evidence, client_code)?;
        }
    }
    check_renamed(framework)
}

/// Checks that both fields of a pair are given, or neither.
fn check_paired(
    file: ReferenceFile,
    entry: &str,
    (first, first_given): (&'static str, bool),
    (second, second_given): (&'static str, bool),
) -> Result<(), ReferenceError> {
    let (given, missing) = match (first_given, second_given) {
        (true, false) => (first, second),
        (false, true) => (second, first),
        _ => return Ok(()),
    };
    Err(ReferenceError::Unpaired {
        file,
        entry: entry.to_owned(),
        given,
        missing,
    })
}

/// Checks an item's evidence: no measure twice, and every cited right is one
/// of the Client Code. (Unknown measure names are refused while reading.)
fn check_evidence(
    file: ReferenceFile,
    entry: &str,
    evidence: &[Measure],
    client_code: &ClientCode,
) -> Result<(), ReferenceError> {
    let mut seen = HashSet::new();
    for measure in evidence {
        if !seen.insert(measure) {
            return Err(ReferenceError::RepeatedMeasure {
                file,
                entry: entry.to_owned(),
                measure: measure.name(),
            });
        }
        if let Measure::CitingRight(right) = measure
            && !client_code.rights.iter().any(|r| &r.id == right)
        {
            return Err(ReferenceError::UnknownRight {
                file,
                entry: entry.to_owned(),
                right: right.clone(),
            });
        }
    }
    Ok(())
}

/// Checks the `[[renamed]]` table: slugs, each old id once and not a current
/// item, each new id a current item (so renaming never needs to be followed
/// through a chain).
fn check_renamed(framework: &Framework) -> Result<(), ReferenceError> {
    let file = ReferenceFile::Framework;
    let items: HashSet<&str> = framework
        .areas
        .iter()
        .flat_map(|area| &area.items)
        .map(|item| item.id.as_str())
        .collect();
    let mut first: HashMap<&str, String> = HashMap::new();
    for (position, renamed) in framework.renamed.iter().enumerate() {
        let entry = format!("renamed {} (from \"{}\")", position + 1, renamed.from);
        check_slug(file, &entry, "from", &renamed.from)?;
        check_slug(file, &entry, "to", &renamed.to)?;
        if let Some(earlier) = first.get(renamed.from.as_str()) {
            return Err(ReferenceError::DuplicateId {
                file,
                entry,
                id: renamed.from.clone(),
                first: earlier.clone(),
            });
        }
        if items.contains(renamed.from.as_str()) {
            return Err(ReferenceError::RenamedCurrent {
                file,
                entry,
                id: renamed.from.clone(),
            });
        }
        if !items.contains(renamed.to.as_str()) {
            return Err(ReferenceError::RenamedToUnknown {
                file,
                entry,
                id: renamed.to.clone(),
            });
        }
        first.insert(&renamed.from, entry);
    }
    Ok(())
}

fn check_core_values(values: &[CoreValue]) -> Result<(), ReferenceError> {
    let file = ReferenceFile::CoreValues;
    if values.is_empty() {
        return Err(ReferenceError::NoEntries {
            file,
            what: "core values",
        });
    }
    let mut ids = SeenIds::new(file);
    for (position, value) in values.iter().enumerate() {
        let entry = entry("value", position, &value.id);
        check_slug(file, &entry, "id", &value.id)?;
        ids.insert(&value.id, &entry)?;
        check_texts(
            file,
            &entry,
            &[
                ("title", Some(&value.title)),
                ("description", Some(&value.description)),
                ("title_fr", Some(&value.title_fr)),
                ("description_fr", Some(&value.description_fr)),
            ],
        )?;
    }
    Ok(())
}

fn check_service_streams(streams: &[ServiceStream]) -> Result<(), ReferenceError> {
    let file = ReferenceFile::ServiceStreams;
    if streams.is_empty() {
        return Err(ReferenceError::NoEntries {
            file,
            what: "service streams",
        });
    }
    let mut ids = SeenIds::new(file);
    for (position, stream) in streams.iter().enumerate() {
        let entry = entry("stream", position, &stream.id);
        check_slug(file, &entry, "id", &stream.id)?;
        ids.insert(&stream.id, &entry)?;
        check_slug(file, &entry, "program", &stream.program)?;
        check_texts(
            file,
            &entry,
            &[
                ("title", Some(&stream.title)),
                ("title_fr", Some(&stream.title_fr)),
                ("description", stream.description.as_deref()),
                ("description_fr", stream.description_fr.as_deref()),
            ],
        )?;
    }
    Ok(())
}

/// An organization may list no external body (an empty file); those it lists have unique
/// slugs, texts, and an `https://` address with nothing that could leave an HTML attribute.
fn check_external_bodies(bodies: &[ExternalBody]) -> Result<(), ReferenceError> {
    let file = ReferenceFile::ExternalBodies;
    let mut ids = SeenIds::new(file);
    for (position, body) in bodies.iter().enumerate() {
        let entry = entry("body", position, &body.id);
        check_slug(file, &entry, "id", &body.id)?;
        ids.insert(&body.id, &entry)?;
        check_texts(
            file,
            &entry,
            &[
                ("name", Some(&body.name)),
                ("name_fr", Some(&body.name_fr)),
                ("about", Some(&body.about)),
                ("about_fr", Some(&body.about_fr)),
            ],
        )?;
        let host = body.url.strip_prefix("https://").unwrap_or_default();
        let plain = |c: char| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '\\');
        if host.is_empty()
            || host.starts_with('/')
            || !host.chars().all(plain)
            || body.url.len() > 300
        {
            return Err(ReferenceError::BadAddress {
                file,
                entry,
                value: body.url.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses the shipped files with one of them replaced by `text`.
    fn parse_with(file: ReferenceFile, text: &str) -> Result<Reference, ReferenceError> {
        let [
            client_code,
            framework,
            core_values,
            service_streams,
            external_bodies,
        ] = ReferenceFile::ALL.map(|f| if f == file { text } else { f.shipped_text() });
        Reference::parse(
            client_code,
            framework,
            core_values,
            service_streams,
            external_bodies,
        )
    }

    /// A valid client code with the given (id, number) rights.
    fn client_code(rights: &[(&str, u32)]) -> String {
        rights
            .iter()
            .map(|(id, number)| {
                format!(
                    "[[rights]]\nid = \"{id}\"\nnumber = {number}\ntitle = \"T\"\nplain = \"P\"\n\
                     title_fr = \"T\"\nplain_fr = \"P\"\n\n"
                )
            })
            .collect()
    }

    #[test]
    fn shipped_files_parse() {
        let reference = Reference::shipped();

        let rights = &reference.client_code.rights;
        assert_eq!(rights.len(), 8);
        let numbers: Vec<u32> = rights.iter().map(|right| right.number).collect();
        assert_eq!(numbers, (1..=8).collect::<Vec<u32>>());
        // The design cites "comment on their file (right 4 of the Client Code)".
        assert_eq!(reference.right("file").map(|right| right.number), Some(4));
        assert_eq!(
            reference.right("complaint").map(|right| right.number),
            Some(8)
        );

        let framework = &reference.framework;
        assert_eq!(framework.version, "2021-02-08");
        let areas = &framework.areas;
        let ids: Vec<&str> = areas.iter().map(|area| area.id.as_str()).collect();
        assert_eq!(ids, ["ethics", "scope", "knowledge", "monitoring"]);
        // One item per "achieved through" practice of the source, in its order.
        let counts: Vec<usize> = areas.iter().map(|area| area.items.len()).collect();
        assert_eq!(counts, [7, 5, 5, 3]);
        let (area, item) = reference
            .framework_item("ethics.conflict-confidentiality-conduct")
            .expect("the conflict, confidentiality and conduct item is shipped");
        assert_eq!(area.id, "ethics");
        assert!(
            item.evidence
                .contains(&Measure::CitingRight("privacy".into()))
        );
        assert!(item.attestation.is_some() && item.attestation_fr.is_some());
        let (_, complaints) = reference.framework_item("ethics.complaints").unwrap();
        assert_eq!(
            complaints
                .evidence
                .iter()
                .map(Measure::name)
                .collect::<Vec<_>>(),
            [
                "complaints",
                "acknowledged-on-time",
                "decided-on-time",
                "appeals",
                "satisfaction",
                "explained",
                "fair"
            ]
        );
        assert_eq!(
            reference
                .area_of_item("monitoring.complaints-review")
                .map(|area| area.id.as_str()),
            Some("monitoring")
        );
        for id in [
            "ethics.not-for-profit",
            "ethics.need-based",
            "ethics.free-of-charge",
            "ethics.anti-oppression",
            "ethics.liability-insurance",
            "monitoring.periodic-evaluation",
            "monitoring.area-review",
        ] {
            assert!(reference.framework_item(id).is_some(), "{id}");
        }
        // Every item says how a review shows it: by ledger figures, an attestation, or both.
        for item in areas.iter().flat_map(|area| &area.items) {
            assert!(
                !item.evidence.is_empty() || item.attestation.is_some(),
                "{} has neither evidence nor an attestation",
                item.id
            );
        }
        assert_eq!(framework.renamed.len(), 17);

        let values: Vec<&str> = reference
            .core_values
            .iter()
            .map(|value| value.id.as_str())
            .collect();
        assert_eq!(
            values,
            [
                "access",
                "inclusion",
                "client-empowerment",
                "user-defined-services",
                "holistic",
                "respect",
                "cultural-sensitivity",
                "community-development",
                "collaboration",
                "accountability",
                "positive-change",
                "reliability"
            ]
        );

        assert!(reference.service_stream("language-training").is_some());
        assert_eq!(
            reference
                .service_stream("resettlement-assistance")
                .map(|s| s.program.as_str()),
            Some("resettlement")
        );
    }

    #[test]
    fn old_item_ids_map_to_current_ones() {
        let reference = Reference::shipped();
        // Every id the shipped framework used before it followed the source item for item.
        let old = [
            (
                "ethics.code-of-conduct",
                "ethics.conflict-confidentiality-conduct",
            ),
            (
                "ethics.confidentiality",
                "ethics.conflict-confidentiality-conduct",
            ),
            (
                "ethics.conflict-of-interest",
                "ethics.conflict-confidentiality-conduct",
            ),
            (
                "ethics.informed-consent",
                "ethics.conflict-confidentiality-conduct",
            ),
            ("ethics.no-payment", "ethics.free-of-charge"),
            ("ethics.client-rights", "ethics.complaints"),
            ("ethics.complaints", "ethics.complaints"),
            ("scope.defined", "scope.defined"),
            ("scope.communicated", "scope.defined"),
            ("scope.legal-limits", "scope.individual-roles"),
            ("scope.referrals", "scope.legal-advice"),
            ("scope.referral-network", "scope.beyond-scope"),
            ("knowledge.training", "knowledge.training"),
            ("knowledge.up-to-date", "knowledge.keeping-updated"),
            ("knowledge.supervision", "knowledge.training"),
            ("knowledge.expert-advice", "knowledge.hubs"),
            ("knowledge.client-centred-skills", "knowledge.training"),
            (
                "monitoring.client-feedback",
                "monitoring.periodic-evaluation",
            ),
            (
                "monitoring.complaints-review",
                "monitoring.complaints-review",
            ),
            ("monitoring.file-review", "monitoring.periodic-evaluation"),
            ("monitoring.policy-review", "monitoring.periodic-evaluation"),
        ];
        for (from, to) in old {
            assert_eq!(reference.canonical_item(from), Some(to), "{from}");
            // The old id's area is the new one's: the dashboard's areas keep their counts.
            assert_eq!(from.split('.').next(), to.split('.').next(), "{from}");
        }
        assert_eq!(reference.canonical_item("ethics"), None);
        assert_eq!(reference.canonical_item("no.such-item"), None);
        // An old id is not an item: lookups by item need the current id.
        assert!(reference.framework_item("ethics.confidentiality").is_none());
    }

    /// A valid framework with one area whose single item has `extra` lines, then `tail`.
    fn framework(extra: &str, tail: &str) -> String {
        format!(
            "version = \"1\"\n[[areas]]\nid = \"a\"\ntitle = \"A\"\ntitle_fr = \"A\"\n\
             [[areas.items]]\nid = \"a.b\"\ntext = \"B\"\ntext_fr = \"B\"\n{extra}\n{tail}"
        )
    }

    #[test]
    fn evidence_and_attestation_are_read() {
        let reference = parse_with(
            ReferenceFile::Framework,
            &framework(
                "evidence = [\"decided\", \"citing-right:file\"]\n\
                 attestation = \"We attest.\"\nattestation_fr = \"Nous attestons.\"",
                "",
            ),
        )
        .unwrap();
        let (_, item) = reference.framework_item("a.b").unwrap();
        assert_eq!(
            item.evidence,
            [Measure::Decided, Measure::CitingRight("file".into())]
        );
        assert_eq!(item.attestation.as_deref(), Some("We attest."));
        assert_eq!(item.attestation_fr.as_deref(), Some("Nous attestons."));
        assert_eq!(reference.framework.version, "1");

        // Neither is required.
        let reference = parse_with(ReferenceFile::Framework, &framework("", "")).unwrap();
        let (_, item) = reference.framework_item("a.b").unwrap();
        assert!(item.evidence.is_empty() && item.attestation.is_none());
    }

    #[test]
    fn unknown_measure_is_refused_at_its_line() {
        let text = framework("evidence = [\n  \"decided\",\n  \"complaint\",\n]", "");
        let error = parse_with(ReferenceFile::Framework, &text).unwrap_err();
        let ReferenceError::Parse {
            file,
            location,
            message,
        } = &error
        else {
            panic!("expected a parse error, got {error:?}");
        };
        assert_eq!(*file, ReferenceFile::Framework);
        assert!(
            message.contains("unknown measure \"complaint\""),
            "{message}"
        );
        // The parser points at the item's evidence list (line 10), which the message then
        // narrows down by naming the measure.
        assert_eq!(location.map(|l| l.line), Some(10), "{error}");
    }

    #[test]
    fn evidence_citing_an_unknown_right_or_twice_is_refused() {
        let text = framework("evidence = [\"citing-right:no-such-right\"]", "");
        assert_eq!(
            parse_with(ReferenceFile::Framework, &text),
            Err(ReferenceError::UnknownRight {
                file: ReferenceFile::Framework,
                entry: "area 1 (id \"a\"), item 1 (id \"a.b\")".into(),
                right: "no-such-right".into(),
            })
        );
        let error = parse_with(ReferenceFile::Framework, &text).unwrap_err();
        assert_eq!(
            error.to_string(),
            "framework.toml: area 1 (id \"a\"), item 1 (id \"a.b\"): evidence \
             \"citing-right:no-such-right\" names a right that client-code.toml does not list"
        );

        let text = framework("evidence = [\"fair\", \"appeals\", \"fair\"]", "");
        assert!(
            matches!(
                parse_with(ReferenceFile::Framework, &text),
                Err(ReferenceError::RepeatedMeasure { ref measure, .. }) if measure == "fair"
            ),
            "{:?}",
            parse_with(ReferenceFile::Framework, &text)
        );
    }

    #[test]
    fn attestation_needs_both_languages() {
        let text = framework("attestation = \"We attest.\"", "");
        assert_eq!(
            parse_with(ReferenceFile::Framework, &text),
            Err(ReferenceError::Unpaired {
                file: ReferenceFile::Framework,
                entry: "area 1 (id \"a\"), item 1 (id \"a.b\")".into(),
                given: "attestation",
                missing: "attestation_fr",
            })
        );
        let text = framework("attestation_fr = \"Nous attestons.\"", "");
        assert!(matches!(
            parse_with(ReferenceFile::Framework, &text),
            Err(ReferenceError::Unpaired {
                given: "attestation_fr",
                ..
            })
        ));
        let text = framework("attestation = \" \"\nattestation_fr = \"N\"", "");
        assert!(matches!(
            parse_with(ReferenceFile::Framework, &text),
            Err(ReferenceError::EmptyText {
                field: "attestation",
                ..
            })
        ));
    }

    #[test]
    fn renamed_ids_are_checked() {
        let renamed =
            |from: &str, to: &str| format!("[[renamed]]\nfrom = \"{from}\"\nto = \"{to}\"\n");
        let ok = parse_with(
            ReferenceFile::Framework,
            &framework("", &renamed("a.old", "a.b")),
        )
        .unwrap();
        assert_eq!(ok.canonical_item("a.old"), Some("a.b"));
        assert_eq!(ok.canonical_item("a.b"), Some("a.b"));

        let text = framework("", &renamed("a.old", "a.missing"));
        assert_eq!(
            parse_with(ReferenceFile::Framework, &text),
            Err(ReferenceError::RenamedToUnknown {
                file: ReferenceFile::Framework,
                entry: "renamed 1 (from \"a.old\")".into(),
                id: "a.missing".into(),
            })
        );

        let text = framework("", &renamed("a.b", "a.b"));
        assert!(matches!(
            parse_with(ReferenceFile::Framework, &text),
            Err(ReferenceError::RenamedCurrent { ref id, .. }) if id == "a.b"
        ));

        let text = framework(
            "",
            &format!("{}{}", renamed("a.old", "a.b"), renamed("a.old", "a.b")),
        );
        assert_eq!(
            parse_with(ReferenceFile::Framework, &text),
            Err(ReferenceError::DuplicateId {
                file: ReferenceFile::Framework,
                entry: "renamed 2 (from \"a.old\")".into(),
                id: "a.old".into(),
                first: "renamed 1 (from \"a.old\")".into(),
            })
        );

        let text = framework("", &renamed("A Old", "a.b"));
        assert!(matches!(
            parse_with(ReferenceFile::Framework, &text),
            Err(ReferenceError::BadSlug { field: "from", .. })
        ));
    }

    #[test]
    fn framework_needs_a_version() {
        let text = framework("", "").replace("version = \"1\"\n", "");
        assert!(
            matches!(&parse_with(ReferenceFile::Framework, &text),
                Err(ReferenceError::Parse { message, .. }) if message.contains("version")),
            "{:?}",
            parse_with(ReferenceFile::Framework, &text)
        );
        let text = framework("", "").replace("version = \"1\"", "version = \"\"");
        assert!(matches!(
            parse_with(ReferenceFile::Framework, &text),
            Err(ReferenceError::EmptyText {
                field: "version",
                ..
            })
        ));
    }

    #[test]
    fn framework_sha256_is_of_the_exact_text() {
        let shipped = Reference::shipped();
        let sha = shipped.framework_sha256();
        assert_eq!(sha.len(), 64);
        assert!(
            sha.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert_eq!(
            sha,
            hex::encode(Sha256::digest(ReferenceFile::Framework.shipped_text()))
        );
        // A comment is enough to change it: the hash names the file, not its meaning.
        let changed = format!("{}\n# edited\n", ReferenceFile::Framework.shipped_text());
        let edited = parse_with(ReferenceFile::Framework, &changed).unwrap();
        assert_eq!(edited.framework, shipped.framework);
        assert_ne!(edited.framework_sha256(), sha);
        // The other files do not enter it.
        let other = parse_with(
            ReferenceFile::CoreValues,
            &format!("{}\n# edited\n", ReferenceFile::CoreValues.shipped_text()),
        )
        .unwrap();
        assert_eq!(other.framework_sha256(), sha);
    }

    #[test]
    fn lookups_miss_unknown_ids() {
        let reference = Reference::shipped();
        assert!(reference.right("no-such-right").is_none());
        assert!(
            reference.framework_item("ethics").is_none(),
            "an area id is not an item id"
        );
        assert!(reference.area_of_item("no.such-item").is_none());
        assert!(reference.service_stream("").is_none());
    }

    #[test]
    fn shipped_files_have_dated_headers() {
        for file in ReferenceFile::ALL {
            let text = file.shipped_text();
            assert!(
                text.starts_with('#'),
                "{file} starts with its header comment"
            );
            assert!(
                text.contains("\n# Consulted: "),
                "{file} header dates its sources"
            );
        }
    }

    #[test]
    fn serializes_and_reads_back() {
        let reference = Reference::shipped();
        let json = serde_json::to_string(&reference).expect("serializes");
        let back: Reference = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, reference);
    }

    #[test]
    fn rights_are_sorted_by_number() {
        let reference = parse_with(
            ReferenceFile::ClientCode,
            // The rights the shipped framework's evidence cites.
            &client_code(&[("privacy", 2), ("respect", 3), ("information", 1)]),
        )
        .expect("any order is accepted");
        let ids: Vec<&str> = reference
            .client_code
            .rights
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(ids, ["information", "privacy", "respect"]);
    }

    #[test]
    fn empty_file_is_rejected() {
        for file in ReferenceFile::ALL {
            assert_eq!(parse_with(file, ""), Err(ReferenceError::Empty { file }));
            assert_eq!(
                parse_with(file, "  \n# only a comment\n\t\n"),
                Err(ReferenceError::Empty { file })
            );
        }
    }

    #[test]
    fn syntax_error_reports_its_line() {
        let text = "# header\n\n[[rights]]\nid = \"respect\nnumber = 1\n";
        let error = parse_with(ReferenceFile::ClientCode, text).unwrap_err();
        let ReferenceError::Parse { file, location, .. } = &error else {
            panic!("expected a parse error, got {error:?}");
        };
        assert_eq!(*file, ReferenceFile::ClientCode);
        assert_eq!(location.map(|l| l.line), Some(4), "{error}");
        assert!(
            error
                .to_string()
                .starts_with("client-code.toml line 4, column "),
            "{error}"
        );
    }

    #[test]
    fn unknown_field_is_rejected() {
        let mut text = client_code(&[("respect", 1)]);
        text.push_str("colour = \"red\"\n");
        let error = parse_with(ReferenceFile::ClientCode, &text).unwrap_err();
        let ReferenceError::Parse {
            file,
            location,
            message,
        } = &error
        else {
            panic!("expected a parse error, got {error:?}");
        };
        assert_eq!(*file, ReferenceFile::ClientCode);
        assert!(message.contains("unknown field `colour`"), "{message}");
        assert_eq!(location.map(|l| l.line), Some(9), "{error}");

        let error =
            parse_with(ReferenceFile::Framework, &framework("texte = \"B\"", "")).unwrap_err();
        assert!(
            matches!(&error, ReferenceError::Parse { file: ReferenceFile::Framework, message, .. }
                if message.contains("unknown field `texte`")),
            "{error:?}"
        );

        let error = parse_with(ReferenceFile::CoreValues, "value = []\n").unwrap_err();
        assert!(
            matches!(&error, ReferenceError::Parse { file: ReferenceFile::CoreValues, message, .. }
                if message.contains("unknown field `value`")),
            "{error:?}"
        );
    }

    #[test]
    fn missing_field_is_rejected() {
        let text = "[[streams]]\nid = \"x\"\nprogram = \"settlement\"\ntitle = \"X\"\n";
        let error = parse_with(ReferenceFile::ServiceStreams, text).unwrap_err();
        assert!(
            matches!(&error, ReferenceError::Parse { file: ReferenceFile::ServiceStreams, message, .. }
                if message.contains("title_fr")),
            "{error:?}"
        );
    }

    #[test]
    fn duplicate_id_is_rejected() {
        let error = parse_with(
            ReferenceFile::ClientCode,
            &client_code(&[("respect", 1), ("privacy", 2), ("respect", 3)]),
        )
        .unwrap_err();
        assert_eq!(
            error,
            ReferenceError::DuplicateId {
                file: ReferenceFile::ClientCode,
                entry: "right 3 (id \"respect\")".into(),
                id: "respect".into(),
                first: "right 1 (id \"respect\")".into(),
            }
        );
        assert_eq!(
            error.to_string(),
            "client-code.toml: right 3 (id \"respect\"): id \"respect\" is already used by \
             right 1 (id \"respect\")"
        );
    }

    #[test]
    fn framework_item_ids_are_unique_across_areas() {
        let text = "version = \"1\"\n\
                    [[areas]]\nid = \"a\"\ntitle = \"A\"\ntitle_fr = \"A\"\n\
                    [[areas.items]]\nid = \"shared\"\ntext = \"T\"\ntext_fr = \"T\"\n\
                    [[areas]]\nid = \"b\"\ntitle = \"B\"\ntitle_fr = \"B\"\n\
                    [[areas.items]]\nid = \"shared\"\ntext = \"T\"\ntext_fr = \"T\"\n";
        let error = parse_with(ReferenceFile::Framework, text).unwrap_err();
        assert_eq!(
            error,
            ReferenceError::DuplicateId {
                file: ReferenceFile::Framework,
                entry: "area 2 (id \"b\"), item 1 (id \"shared\")".into(),
                id: "shared".into(),
                first: "area 1 (id \"a\"), item 1 (id \"shared\")".into(),
            }
        );
    }

    #[test]
    fn bad_slug_is_rejected() {
        for bad in ["Respect", "two words", "", "é", "a/b"] {
            let error =
                parse_with(ReferenceFile::ClientCode, &client_code(&[(bad, 1)])).unwrap_err();
            assert_eq!(
                error,
                ReferenceError::BadSlug {
                    file: ReferenceFile::ClientCode,
                    entry: format!("right 1 (id \"{bad}\")"),
                    field: "id",
                    value: bad.into(),
                },
                "{bad:?}"
            );
        }
        for good in ["a", "ethics.confidentiality", "x_1-2"] {
            assert!(is_slug(good), "{good:?}");
        }

        let text = "[[streams]]\nid = \"x\"\nprogram = \"Settlement Program\"\n\
                    title = \"X\"\ntitle_fr = \"X\"\n";
        let error = parse_with(ReferenceFile::ServiceStreams, text).unwrap_err();
        assert!(
            matches!(
                &error,
                ReferenceError::BadSlug {
                    field: "program",
                    ..
                }
            ),
            "{error:?}"
        );
    }

    #[test]
    fn empty_text_is_rejected() {
        let text = client_code(&[("respect", 1)]).replace("title_fr = \"T\"", "title_fr = \"  \"");
        let error = parse_with(ReferenceFile::ClientCode, &text).unwrap_err();
        assert_eq!(
            error,
            ReferenceError::EmptyText {
                file: ReferenceFile::ClientCode,
                entry: "right 1 (id \"respect\")".into(),
                field: "title_fr",
            }
        );

        let text = "[[values]]\nid = \"v\"\ntitle = \"\"\ndescription = \"D\"\n\
                    title_fr = \"V\"\ndescription_fr = \"D\"\n";
        let error = parse_with(ReferenceFile::CoreValues, text).unwrap_err();
        assert!(
            matches!(&error, ReferenceError::EmptyText { field: "title", .. }),
            "{error:?}"
        );
    }

    #[test]
    fn non_contiguous_numbering_is_rejected() {
        let error = parse_with(
            ReferenceFile::ClientCode,
            &client_code(&[("a", 1), ("b", 2), ("d", 4)]),
        )
        .unwrap_err();
        assert_eq!(
            error,
            ReferenceError::BadNumber {
                file: ReferenceFile::ClientCode,
                entry: "right 3 (id \"d\")".into(),
                number: 4,
                count: 3,
            }
        );
        assert_eq!(
            error.to_string(),
            "client-code.toml: right 3 (id \"d\"): number 4 breaks the numbering; \
             the 3 rights must be numbered 1 to 3 without gaps"
        );

        let error = parse_with(
            ReferenceFile::ClientCode,
            &client_code(&[("a", 0), ("b", 1)]),
        )
        .unwrap_err();
        assert!(
            matches!(error, ReferenceError::BadNumber { number: 0, .. }),
            "{error:?}"
        );

        let error = parse_with(
            ReferenceFile::ClientCode,
            &client_code(&[("a", 1), ("b", 2), ("c", 2)]),
        )
        .unwrap_err();
        assert_eq!(
            error,
            ReferenceError::DuplicateNumber {
                file: ReferenceFile::ClientCode,
                entry: "right 3 (id \"c\")".into(),
                number: 2,
                first: "right 2 (id \"b\")".into(),
            }
        );
    }

    #[test]
    fn empty_lists_are_rejected() {
        assert_eq!(
            parse_with(ReferenceFile::ClientCode, "rights = []\n"),
            Err(ReferenceError::NoEntries {
                file: ReferenceFile::ClientCode,
                what: "rights",
            })
        );
        assert_eq!(
            parse_with(ReferenceFile::ServiceStreams, "streams = []\n"),
            Err(ReferenceError::NoEntries {
                file: ReferenceFile::ServiceStreams,
                what: "service streams",
            })
        );
        let text =
            "version = \"1\"\n[[areas]]\nid = \"a\"\ntitle = \"A\"\ntitle_fr = \"A\"\nitems = []\n";
        assert_eq!(
            parse_with(ReferenceFile::Framework, text),
            Err(ReferenceError::NoItems {
                file: ReferenceFile::Framework,
                entry: "area 1 (id \"a\")".into(),
            })
        );
    }

    #[test]
    fn location_counts_characters_from_one() {
        let text = "ab\né = x\n";
        assert_eq!(
            Location::of_offset(text, 0),
            Location { line: 1, column: 1 }
        );
        assert_eq!(
            Location::of_offset(text, 3),
            Location { line: 2, column: 1 }
        );
        // 'é' is two bytes; the '=' after "é " is the third character.
        assert_eq!(
            Location::of_offset(text, 6),
            Location { line: 2, column: 3 }
        );
        assert_eq!(
            Location::of_offset(text, 999),
            Location { line: 3, column: 1 }
        );
    }

    #[test]
    fn external_bodies_are_checked_and_may_be_none() {
        let shipped = Reference::shipped();
        let ids: Vec<&str> = shipped
            .external_bodies
            .iter()
            .map(|b| b.id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "human-rights-tribunal",
                "ombudsman",
                "immigration-consultants",
                "law-society",
                "privacy-commissioner"
            ]
        );
        let none = parse_with(ReferenceFile::ExternalBodies, "bodies = []\n").unwrap();
        assert!(none.external_bodies.is_empty());

        let body = |id: &str, url: &str| {
            format!(
                "[[bodies]]\nid = \"{id}\"\nname = \"N\"\nname_fr = \"N\"\nabout = \"A\"\nabout_fr = \"A\"\nurl = \"{url}\"\n"
            )
        };
        for url in [
            "javascript:alert(1)",
            "http://example.org/",
            "https://",
            "https:///x",
            "https://example.org/\\\"onmouseover=x",
            "https://exa mple.org/",
        ] {
            let err = parse_with(ReferenceFile::ExternalBodies, &body("x", url)).unwrap_err();
            assert!(
                matches!(err, ReferenceError::BadAddress { .. }),
                "{url}: {err}"
            );
            assert_eq!(err.file(), ReferenceFile::ExternalBodies);
        }
        let twice = body("x", "https://a.example/") + &body("x", "https://b.example/");
        assert!(matches!(
            parse_with(ReferenceFile::ExternalBodies, &twice).unwrap_err(),
            ReferenceError::DuplicateId { .. }
        ));
        let unknown = body("x", "https://a.example/") + "phone = \"1\"\n";
        assert!(matches!(
            parse_with(ReferenceFile::ExternalBodies, &unknown).unwrap_err(),
            ReferenceError::Parse { .. }
        ));
    }
}
