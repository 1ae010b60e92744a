//! Documents and photos attached to a case, by the client (with their receipt code) or by
//! committee staff.
//!
//! **Adding.** The file is checked in full before anything is written: its type by its content
//! ([`file_type`](super::file_type)), its size ([`limits::ATTACHMENT_BYTES`]), the case's count
//! ([`limits::ATTACHMENTS_PER_CASE`]), the name and description by their limits. It is then
//! sealed under the case's data key, with associated data naming the case and the attachment
//! id (`vault::seal::attachment_aad`), so a sealed file cannot stand for another attachment.
//! The sealed bytes are put in the blob store, durable, and only then is `attachment.added`
//! appended, with the SHA-256 of those sealed bytes. If the append fails, the blob is deleted
//! again (and if that fails too, it is garbage [`Service::sweep_blobs`] removes later): the
//! ledger never vouches for a file the store does not have.
//!
//! **Opening.** Staff open a file through the same recorded opening as the sealed texts
//! (`file.viewed`, with its purpose, refused to conflicted staff and on restricted cases), in
//! the ledger before the blob is read. The blob is then held to the entry: its SHA-256 must be
//! the one recorded, else it is refused as an integrity failure (a replaced or altered file),
//! and only then is it unsealed. A client lists and opens the files they attached, with their
//! receipt code; the committee's files are internal to it, as its findings are.
//!
//! **Erasure.** Destroying the case's data key makes every blob unreadable; `erase` then
//! deletes the case's blobs (best effort), and the listing shows them as erased.

use jiff::Timestamp;
use recourse_events::Hash;
use recourse_events::case::{AttachmentAdded, AttachmentType, Purpose};
use recourse_events::ids::{AttachmentId, CaseId};
use recourse_events::limits;
use recourse_events::vocabulary::Payload;
use recourse_projections::actor::Actor;
use recourse_projections::case::{Command, Status};
use recourse_projections::message::Message;

use super::validation::{Invalid, at_most, one_line};
use super::{Acting, Service, ServiceError, blocking, uuid_at};
use crate::blob::{BlobError, BlobKey};
use crate::receipt::ReceiptCode;
use crate::vault::seal::attachment_aad;

/// A blob with no entry is removed by [`Service::sweep_blobs`] only once it is this old
/// (seconds): a younger one may belong to an upload whose entry is being appended now.
pub const GARBAGE_AGE: u64 = 3_600;

/// A file to attach, as it arrived.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Its name as sent, if any (kept sealed; never used to choose its type).
    pub file_name: Option<String>,
    /// What it shows, if the sender said.
    pub description: Option<String>,
}

/// One attachment, as the case page and the tracking page list it (nothing sealed opened).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentView {
    /// Its id.
    pub id: AttachmentId,
    /// When it was attached.
    pub at: Timestamp,
    /// Who attached it.
    pub by: Actor,
    /// Its type as checked.
    pub content_type: AttachmentType,
    /// Its size in bytes.
    pub size: u64,
    /// The case was erased: the file is gone for good.
    pub erased: bool,
}

/// An opened attachment, ready to be served.
#[derive(Debug, Clone)]
pub struct OpenedAttachment {
    /// Its type as checked when it was attached (what it is served as).
    pub content_type: AttachmentType,
    /// A safe name to download it under: `attachment-<id>.<extension of its real type>`.
    pub download_name: String,
    /// The file.
    pub bytes: Vec<u8>,
}

impl Upload {
    /// Checks the upload: its type by content, its size, its name and description. A file too
    /// large answers [`ServiceError::TooLarge`].
    pub fn check(&self) -> Result<AttachmentType, ServiceError> {
        if self.bytes.len() > limits::ATTACHMENT_BYTES {
            return Err(ServiceError::TooLarge(vec![Invalid::new(
                "file",
                Message::new("attachment-too-large").count("limit", limits::ATTACHMENT_BYTES >> 20),
            )]));
        }
        let mut refused = Vec::new();
        let kind = if self.bytes.is_empty() {
            refused.push(Invalid::new("file", Message::new("attachment-empty")));
            None
        } else {
            let kind = super::file_type::file_type(&self.bytes);
            if kind.is_none() {
                refused.push(Invalid::new("file", Message::new("attachment-wrong-type")));
            }
            kind
        };
        if let Some(name) = &self.file_name {
            refused.extend(at_most("file", name, limits::ATTACHMENT_NAME).err());
            refused.extend(one_line("file", name).err());
        }
        if let Some(d) = &self.description {
            refused.extend(at_most("description", d, limits::ATTACHMENT_DESCRIPTION).err());
        }
        match kind {
            Some(kind) if refused.is_empty() => Ok(kind),
            _ => Err(ServiceError::Invalid(refused)),
        }
    }
}

/// A text worth keeping: trimmed, and none if empty.
fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

impl Service {
    /// Attaches a file to `case` for `who` (a committee member, or the client).
    pub async fn attach(
        &self,
        who: &Acting,
        case: CaseId,
        upload: Upload,
        at: Timestamp,
    ) -> Result<AttachmentId, ServiceError> {
        let content_type = upload.check()?;
        let (key, count, status) = self
            .read(|m| {
                m.case(&case).and_then(|c| {
                    c.filing
                        .as_ref()
                        .map(|f| (f.data_key.clone(), c.attachments.len(), c.status()))
                })
            })
            .ok_or_else(|| ServiceError::NotFound(format!("no case {case}")))?;
        if status == Status::Erased {
            return Err(recourse_projections::rule::RuleError::Erased.into());
        }
        if count >= limits::ATTACHMENTS_PER_CASE {
            return Err(ServiceError::Invalid(vec![Invalid::new(
                "file",
                Message::new("attachment-too-many").count("limit", limits::ATTACHMENTS_PER_CASE),
            )]));
        }
        let id = AttachmentId(uuid_at(at));
        let file_name = given(&upload.file_name)
            .map(|n| self.vault.seal(&key, "file_name", n))
            .transpose()?;
        let file_description = given(&upload.description)
            .map(|d| self.vault.seal(&key, "file_description", d))
            .transpose()?;
        let blob = BlobKey {
            case,
            attachment: id,
        };
        let aad = attachment_aad(&key, &case.to_string(), &id.to_string());
        let (vault, blobs, size) = (self.vault.clone(), self.blobs.clone(), upload.bytes.len());
        let sha256 = blocking(move || -> Result<Hash, ServiceError> {
            let sealed = vault.seal_bytes(&key, &aad, &upload.bytes)?;
            let sha256 = Hash::digest(&sealed);
            blobs.put(&blob, &sealed).map_err(blob_error)?;
            Ok(sha256)
        })
        .await?;
        let command = Command::AddAttachment(AttachmentAdded {
            attachment: id,
            content_type,
            size: size as u64,
            sha256,
            file_name,
            file_description,
        });
        if let Err(e) = self.act(who, case, command, at).await {
            let blobs = self.blobs.clone();
            if let Err(d) = blocking(move || blobs.delete(&blob)).await {
                tracing::warn!(%case, error = %d, "an unrecorded blob stays until the next start");
            }
            return Err(e);
        }
        Ok(id)
    }

    /// The client attaches a file to their own case, with their receipt code.
    pub async fn client_attach(
        &self,
        code: &ReceiptCode,
        upload: Upload,
        at: Timestamp,
    ) -> Result<(CaseId, AttachmentId), ServiceError> {
        let (case, client) = self.client(code)?;
        let id = self.attach(&client, case, upload, at).await?;
        Ok((case, id))
    }

    /// The case's attachments, in order (nothing is opened and no view is recorded).
    pub fn attachments(&self, case: CaseId) -> Vec<AttachmentView> {
        self.read(|m| {
            m.case(&case)
                .map(|c| {
                    let erased = c.status() == Status::Erased;
                    c.attachments
                        .iter()
                        .map(|a| AttachmentView {
                            id: a.id,
                            at: a.at,
                            by: a.by.clone(),
                            content_type: a.content_type,
                            size: a.size,
                            erased,
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    /// The files the client attached themselves, by receipt code (the committee's own files
    /// are the committee's).
    pub fn client_attachments(
        &self,
        code: &ReceiptCode,
    ) -> Result<Vec<AttachmentView>, ServiceError> {
        let (case, _) = self.client(code)?;
        let mut own = self.attachments(case);
        own.retain(|a| a.by == Actor::Client);
        Ok(own)
    }

    /// Records that `who` opens the file for `purpose` (as [`Service::open_file`] does), then
    /// reads attachment `id`, checked against its entry, and unseals it.
    pub async fn open_attachment(
        &self,
        who: &Acting,
        case: CaseId,
        id: AttachmentId,
        purpose: Purpose,
        at: Timestamp,
    ) -> Result<OpenedAttachment, ServiceError> {
        // Known before anything is recorded: an opening of nothing is not an opening.
        self.attachment(case, id)?;
        self.record_view(who, case, purpose, at).await?;
        self.read_attachment(case, id).await
    }

    /// The client opens one of the files they attached.
    pub async fn client_open_attachment(
        &self,
        code: &ReceiptCode,
        id: AttachmentId,
    ) -> Result<OpenedAttachment, ServiceError> {
        let (case, _) = self.client(code)?;
        let (entry, _, _) = self.attachment(case, id)?;
        if entry.by != Actor::Client {
            return Err(ServiceError::NotFound(format!(
                "no attachment {id} of yours"
            )));
        }
        self.read_attachment(case, id).await
    }

    /// The attachment's entry and its case's data key.
    fn attachment(
        &self,
        case: CaseId,
        id: AttachmentId,
    ) -> Result<(recourse_projections::case::Attachment, String, bool), ServiceError> {
        self.read(|m| {
            let c = m.case(&case)?;
            let a = c.attachments.iter().find(|a| a.id == id)?.clone();
            let key = c.filing.as_ref()?.data_key.clone();
            Some((a, key, c.status() == Status::Erased))
        })
        .ok_or_else(|| ServiceError::NotFound(format!("no attachment {id} on case {case}")))
    }

    /// Reads, checks and unseals an attachment.
    async fn read_attachment(
        &self,
        case: CaseId,
        id: AttachmentId,
    ) -> Result<OpenedAttachment, ServiceError> {
        let (entry, key, erased) = self.attachment(case, id)?;
        if erased {
            return Err(recourse_projections::rule::RuleError::Erased.into());
        }
        let (vault, blobs) = (self.vault.clone(), self.blobs.clone());
        let blob = BlobKey {
            case,
            attachment: id,
        };
        let bytes = blocking(move || -> Result<Vec<u8>, ServiceError> {
            let sealed = blobs.get(&blob).map_err(blob_error)?;
            if Hash::digest(&sealed) != entry.sha256 {
                tracing::error!(%case, attachment = %id, "a stored file is not the one the ledger records");
                return Err(ServiceError::Integrity(format!(
                    "the stored file of attachment {id} is not the one the ledger records"
                )));
            }
            let aad = attachment_aad(&key, &case.to_string(), &id.to_string());
            Ok(vault.open_bytes(&key, &aad, &sealed)?)
        })
        .await?;
        Ok(OpenedAttachment {
            content_type: entry.content_type,
            download_name: format!("attachment-{id}.{}", entry.content_type.extension()),
            bytes,
        })
    }

    /// The sealed file name and description of attachment `id`, opened, for the client's own
    /// listing or a reader who has recorded an opening.
    pub async fn attachment_words(
        &self,
        case: CaseId,
        id: AttachmentId,
    ) -> Result<(Option<String>, Option<String>), ServiceError> {
        let timeline = self.timeline(case).await?;
        let added = timeline.iter().find_map(|e| match &e.payload {
            Some(Payload::AttachmentAdded(a)) if a.attachment == id => Some(a.clone()),
            _ => None,
        });
        let added = added
            .ok_or_else(|| ServiceError::NotFound(format!("no attachment {id} on case {case}")))?;
        let open = |s: &Option<recourse_events::sealed::Sealed>, field: &str| {
            s.as_ref()
                .and_then(|s| self.vault.open_sealed(s, field).ok())
        };
        Ok((
            open(&added.file_name, "file_name"),
            open(&added.file_description, "file_description"),
        ))
    }

    /// Removes blobs no entry vouches for (older than [`GARBAGE_AGE`]: an upload that failed
    /// or was cut off before its entry) and the blobs of erased cases. Returns how many.
    pub async fn sweep_blobs(&self) -> Result<usize, ServiceError> {
        let blobs = self.blobs.clone();
        let stored = blocking(move || blobs.list()).await.map_err(blob_error)?;
        let garbage: Vec<BlobKey> = self.read(|m| {
            stored
                .into_iter()
                .filter(|(k, age)| match m.case(&k.case) {
                    Some(c) if c.status() == Status::Erased => true,
                    Some(c) if c.attachments.iter().any(|a| a.id == k.attachment) => false,
                    _ => *age >= GARBAGE_AGE,
                })
                .map(|(k, _)| k)
                .collect()
        });
        let blobs = self.blobs.clone();
        blocking(move || -> Result<usize, ServiceError> {
            for k in &garbage {
                blobs.delete(k).map_err(blob_error)?;
            }
            Ok(garbage.len())
        })
        .await
    }

    /// Deletes the blobs of an erased case, best effort (its key is already gone, so what
    /// stays is unreadable; the next start's sweep tries again).
    pub(super) async fn delete_blobs(&self, case: CaseId) {
        let blobs = self.blobs.clone();
        if let Err(e) = blocking(move || blobs.delete_case(case)).await {
            tracing::warn!(%case, error = %e, "the erased case's files stay until the next start");
        }
    }
}

/// A blob store failure as the service answers it: a missing file the ledger vouches for is
/// an integrity failure, as an altered one is.
fn blob_error(e: BlobError) -> ServiceError {
    match e {
        BlobError::Missing(id) => {
            ServiceError::Integrity(format!("the stored file of attachment {id} is missing"))
        }
        e @ BlobError::Storage(_) => ServiceError::Blob(e),
    }
}
