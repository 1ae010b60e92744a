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
//! - several texts shipped here are paraphrases or unreviewed French drafts
//!   (each file says which), and the people who can correct them are not
//!   programmers.
//!
//! So they live as commented TOML files under `projections/data/`, and a
//! copy of each is compiled in ([`Reference::shipped`]) so Recourse always
//! has a working set. The binary reads whichever files the organization
//! provides and hands their text to [`Reference::parse`], which checks them
//! **at start-up**: a mistake in an edited file stops Recourse with a message
//! naming the file, the entry and the problem, instead of surfacing later as
//! a complaint that points at a right that does not exist.
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
//!   item.
//!
//! Ids are what events record, so they must stay stable once complaints refer
//! to them; titles and texts can be reworded freely.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

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
}

impl ReferenceFile {
    /// All four files, in the order [`Reference::parse`] takes them.
    pub const ALL: [ReferenceFile; 4] = [
        ReferenceFile::ClientCode,
        ReferenceFile::Framework,
        ReferenceFile::CoreValues,
        ReferenceFile::ServiceStreams,
    ];

    /// The file's name, as shipped under `projections/data/` and as an
    /// organization names its own copy.
    pub const fn file_name(self) -> &'static str {
        match self {
            ReferenceFile::ClientCode => "client-code.toml",
            ReferenceFile::Framework => "framework.toml",
            ReferenceFile::CoreValues => "core-values.toml",
            ReferenceFile::ServiceStreams => "service-streams.toml",
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
    /// The framework's areas, in file order.
    pub areas: Vec<Area>,
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
        )
        .expect("the reference files shipped in projections/data/ must parse (see the unit tests)")
    }

    /// Parses and checks the text of the four reference files.
    ///
    /// Returns the first problem found, checking the files in the order of
    /// the arguments. The Client Code's rights are returned sorted by number;
    /// everything else keeps file order.
    pub fn parse(
        client_code: &str,
        framework: &str,
        core_values: &str,
        service_streams: &str,
    ) -> Result<Reference, ReferenceError> {
        let mut client_code: ClientCode = from_toml(ReferenceFile::ClientCode, client_code)?;
        check_client_code(&client_code)?;
        client_code.rights.sort_by_key(|right| right.number);

        let framework: Framework = from_toml(ReferenceFile::Framework, framework)?;
        check_framework(&framework)?;

        let CoreValuesFile { values } = from_toml(ReferenceFile::CoreValues, core_values)?;
        check_core_values(&values)?;

        let ServiceStreamsFile { streams } =
            from_toml(ReferenceFile::ServiceStreams, service_streams)?;
        check_service_streams(&streams)?;

        Ok(Reference {
            client_code,
            framework,
            core_values: values,
            service_streams: streams,
        })
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

fn check_framework(framework: &Framework) -> Result<(), ReferenceError> {
    let file = ReferenceFile::Framework;
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
                &[("text", Some(&item.text)), ("text_fr", Some(&item.text_fr))],
            )?;
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses the shipped files with one of them replaced by `text`.
    fn parse_with(file: ReferenceFile, text: &str) -> Result<Reference, ReferenceError> {
        let [client_code, framework, core_values, service_streams] =
            ReferenceFile::ALL.map(|f| if f == file { text } else { f.shipped_text() });
        Reference::parse(client_code, framework, core_values, service_streams)
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

        let areas = &reference.framework.areas;
        assert_eq!(areas.len(), 4);
        assert!(areas.iter().all(|area| !area.items.is_empty()));
        let (area, item) = reference
            .framework_item("ethics.confidentiality")
            .expect("ethics.confidentiality is shipped");
        assert_eq!(area.id, "ethics");
        assert_eq!(item.id, "ethics.confidentiality");
        assert_eq!(
            reference
                .area_of_item("monitoring.complaints-review")
                .map(|area| area.id.as_str()),
            Some("monitoring")
        );
        assert!(reference.area("scope").is_some());

        assert_eq!(reference.core_values.len(), 12);
        assert!(reference.core_value("access").is_some());

        assert!(reference.service_stream("language-training").is_some());
        assert_eq!(
            reference
                .service_stream("resettlement-assistance")
                .map(|s| s.program.as_str()),
            Some("resettlement")
        );
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
            &client_code(&[("b", 2), ("c", 3), ("a", 1)]),
        )
        .expect("any order is accepted");
        let ids: Vec<&str> = reference
            .client_code
            .rights
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);
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

        let error = parse_with(
            ReferenceFile::Framework,
            "[[areas]]\nid = \"a\"\ntitle = \"A\"\ntitle_fr = \"A\"\n\
             [[areas.items]]\nid = \"a.b\"\ntext = \"B\"\ntext_fr = \"B\"\ntexte = \"B\"\n",
        )
        .unwrap_err();
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
        let text = "[[areas]]\nid = \"a\"\ntitle = \"A\"\ntitle_fr = \"A\"\n\
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
        let text = "[[areas]]\nid = \"a\"\ntitle = \"A\"\ntitle_fr = \"A\"\nitems = []\n";
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
}
