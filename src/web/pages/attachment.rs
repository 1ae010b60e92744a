//! What the tracking page and the case page share about attached files: reading an upload
//! from its multipart body into the service's [`Upload`], listing attachments in the page's
//! language, and serving an opened file.
//!
//! An opened file is served as a download only (`Content-Disposition: attachment`), with the
//! type its content was checked as when it was attached, `nosniff`, and a sandboxing CSP
//! (`crate::web::secure` gives any download `sandbox`): a file that is not what it claims
//! never runs in the site's origin. It is never cached.

use recourse_projections::actor::Actor;
use recourse_projections::clock::Clocks;
use warp::http::{StatusCode, header};

use crate::limits;
use crate::service::{AttachmentView, Invalid, Message, OpenedAttachment, ServiceError, Upload};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::i18n::Tr;
use crate::web::upload::{Multipart, PartLimits};

/// One file per upload, within the attachment limit; the rest of the body is small fields.
pub const PARTS: PartLimits = PartLimits {
    max_files: 1,
    max_file_bytes: limits::ATTACHMENT_BYTES,
    max_field_bytes: 64 * 1024,
    max_parts: 16,
};

/// One attachment as a page lists it.
pub struct Row {
    /// Its id.
    pub id: String,
    /// Its type (PNG, JPEG, WebP, PDF: the same in every language).
    pub kind: &'static str,
    /// Its size, in the page's language.
    pub size: String,
    /// When it was attached (a date in the organization's time zone).
    pub date: String,
    /// Who attached it.
    pub by: String,
    /// The case was erased: the file is gone.
    pub erased: bool,
}

/// The service's upload from a multipart body: the `file` field and the `description` field.
pub fn upload_of(parts: &Multipart) -> Result<Upload, WebError> {
    let file = parts.files("file").next().ok_or_else(|| {
        WebError::from(ServiceError::Invalid(vec![Invalid::new(
            "file",
            Message::new("attachment-none"),
        )]))
    })?;
    Ok(Upload {
        bytes: file.bytes.to_vec(),
        file_name: file.file_name.clone(),
        description: parts.form.text("description").map(str::to_string),
    })
}

/// The attachments as rows; `who` names the one who attached each.
pub fn rows(
    tr: &Tr,
    clocks: &Clocks,
    views: &[AttachmentView],
    who: impl Fn(&Actor) -> String,
) -> Vec<Row> {
    views
        .iter()
        .map(|a| Row {
            id: a.id.to_string(),
            kind: match a.content_type {
                recourse_events::case::AttachmentType::Png => "PNG",
                recourse_events::case::AttachmentType::Jpeg => "JPEG",
                recourse_events::case::AttachmentType::Webp => "WebP",
                recourse_events::case::AttachmentType::Pdf => "PDF",
            },
            size: tr.t1("attachment-size", "kb", a.size.div_ceil(1024)),
            date: clocks.local_date(a.at).to_string(),
            by: who(&a.by),
            erased: a.erased,
        })
        .collect()
}

/// An opened file, served as a download.
pub fn download(file: OpenedAttachment) -> Response {
    Response::new(StatusCode::OK, file.content_type.media_type(), file.bytes)
        .header(
            header::CONTENT_DISPOSITION,
            &format!("attachment; filename=\"{}\"", file.download_name),
        )
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(header::CACHE_CONTROL, "no-store")
}
