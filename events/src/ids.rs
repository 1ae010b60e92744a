//! Identifiers of the domain: staff members, cases, corrective actions.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::envelope::StreamId;

/// A staff member (UUID v7, assigned at enrolment).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct StaffId(pub Uuid);

/// A case (UUID v7); its stream is `case/<id>`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct CaseId(pub Uuid);

impl CaseId {
    /// The case's stream.
    pub fn stream(&self) -> StreamId {
        StreamId::case(self.0)
    }

    /// The case of a `case/<uuid>` stream.
    pub fn from_stream(stream: &StreamId) -> Option<CaseId> {
        let (kind, id) = stream.as_str().split_once('/')?;
        (kind == "case")
            .then(|| id.parse().ok().map(CaseId))
            .flatten()
    }
}

macro_rules! uuid_display {
    ($t:ty) => {
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
        impl FromStr for $t {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::try_parse(s).map(Self)
            }
        }
    };
}
uuid_display!(StaffId);
uuid_display!(CaseId);

/// A file attached to a case (UUID v7, chosen by the service as the file is stored).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct AttachmentId(pub Uuid);

uuid_display!(AttachmentId);

/// A corrective action within its case: 1, 2, 3...
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct ActionId(pub u32);

impl fmt::Display for ActionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
