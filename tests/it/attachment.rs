//! Documents and photos on a case: attached by the client and by staff, checked by content,
//! sealed outside the ledger and held to it, opened only through a recorded opening, erased
//! with the case.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use jiff::Timestamp;
use recourse::limits;
use recourse::service::{Service, ServiceError, Upload};
use recourse_events::case::{AttachmentType, Purpose};
use recourse_events::ids::CaseId;
use recourse_projections::actor::Actor;

use crate::helpers::DataFolder;
use crate::service::{Org, form, organization};

/// A small PNG (its signature, an IHDR chunk's start and some bytes).
fn png() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02".to_vec();
    b.extend((0..200u8).map(|i| i.wrapping_mul(7)));
    b
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

fn upload(bytes: Vec<u8>, name: &str) -> Upload {
    Upload {
        bytes,
        file_name: Some(name.into()),
        description: Some("The letter they sent me".into()),
    }
}

fn now() -> Timestamp {
    Timestamp::now()
}

/// An organization with one web complaint; its case and receipt code.
async fn filed() -> (DataFolder, Org, CaseId, recourse::receipt::ReceiptCode) {
    let d = DataFolder::empty();
    let o = organization(&d).await;
    let f = o
        .service
        .file(&o.service.web_intake(), form(), now())
        .await
        .unwrap();
    (d, o, f.case, f.receipt)
}

/// The case's folder in the blob store.
fn blobs_of(d: &DataFolder, case: CaseId) -> PathBuf {
    d.path.join("evidence").join(case.to_string())
}

fn files_in(dir: &PathBuf) -> usize {
    std::fs::read_dir(dir).map(|r| r.count()).unwrap_or(0)
}

async fn size(s: &Service) -> u64 {
    s.store().size().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_and_staff_attach_files_and_both_are_listed_with_their_real_type() {
    // Given a filed complaint
    let (d, o, case, code) = filed().await;
    let s = &o.service;

    // When the client attaches a photo with their code, and intake a PNG named .pdf
    let (c, by_client) = s
        .client_attach(&code, upload(png(), "photo.png"), now())
        .await
        .unwrap();
    assert_eq!(c, case);
    let by_staff = s
        .attach(&o.intake, case, upload(png(), "scan.pdf"), now())
        .await
        .unwrap();
    let doc = s
        .attach(&o.intake, case, upload(pdf(), "letter.pdf"), now())
        .await
        .unwrap();

    // Then the case lists all three, in order, with who, type and size
    let list = s.attachments(case);
    assert_eq!(
        list.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![by_client, by_staff, doc]
    );
    assert_eq!(list[0].by, Actor::Client);
    assert!(matches!(list[1].by, Actor::Staff(_)));
    assert_eq!(list[0].size, png().len() as u64);
    // The PNG named .pdf is a PNG, and is served as one
    assert_eq!(list[1].content_type, AttachmentType::Png);
    assert_eq!(list[2].content_type, AttachmentType::Pdf);
    let opened = s
        .open_attachment(&o.intake, case, by_staff, Purpose::Handling, now())
        .await
        .unwrap();
    assert_eq!(opened.bytes, png());
    assert_eq!(opened.content_type.media_type(), "image/png");
    assert!(
        opened.download_name.ends_with(".png"),
        "{}",
        opened.download_name
    );
    // The client sees and opens the file they attached, and not the committee's
    let theirs = s.client_attachments(&code).unwrap();
    assert_eq!(
        theirs.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![by_client]
    );
    let own = s.client_open_attachment(&code, by_client).await.unwrap();
    assert_eq!(own.bytes, png());
    assert!(matches!(
        s.client_open_attachment(&code, doc).await,
        Err(ServiceError::NotFound(_))
    ));
    // nor on their timeline
    let file = s.client_file(&code).await.unwrap();
    assert!(
        file.timeline
            .iter()
            .filter(|e| e
                .payload
                .as_ref()
                .is_some_and(recourse::service::client_visible))
            .all(|e| e.kind.as_str() != "attachment.added")
    );
    // The name and description are sealed in the entry, and open
    let words = s.attachment_words(case, by_client).await.unwrap();
    assert_eq!(words.0.as_deref(), Some("photo.png"));
    assert_eq!(words.1.as_deref(), Some("The letter they sent me"));
    // Three sealed blobs, none of them the file in clear
    let dir = blobs_of(&d, case);
    assert_eq!(files_in(&dir), 3);
    for f in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(f.unwrap().path()).unwrap();
        assert!(!bytes.windows(4).any(|w| w == b"\x89PNG" || w == b"%PDF"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_an_attachment_is_recorded_in_the_access_log_before_the_bytes_are_read() {
    // Given a case with a staff attachment
    let (d, o, case, _) = filed().await;
    let s = &o.service;
    let id = s
        .attach(&o.intake, case, upload(pdf(), "letter.pdf"), now())
        .await
        .unwrap();
    assert!(s.access_log(case).is_empty());

    // When the reviewer-less case is opened by intake for handling
    s.open_attachment(&o.intake, case, id, Purpose::Handling, now())
        .await
        .unwrap();
    // Then the opening is in the access log with its purpose
    let log = s.access_log(case);
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].purpose, Purpose::Handling);

    // And when the file cannot be read (removed), the opening is still recorded first
    std::fs::remove_dir_all(blobs_of(&d, case)).unwrap();
    let e = s
        .open_attachment(&o.chair, case, id, Purpose::Audit, now())
        .await
        .unwrap_err();
    assert!(matches!(e, ServiceError::Integrity(_)), "{e}");
    assert_eq!(s.access_log(case).len(), 2);
    // And the board, who may not open files, gets nothing and opens nothing
    assert!(
        s.open_attachment(&o.board, case, id, Purpose::Handling, now())
            .await
            .is_err()
    );
    assert_eq!(s.access_log(case).len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn text_svg_empty_and_oversize_files_are_refused_and_nothing_is_written() {
    // Given a filed complaint
    let (d, o, case, code) = filed().await;
    let s = &o.service;
    let before = size(s).await;
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    let mut big = png();
    big.resize(limits::ATTACHMENT_BYTES + 1, 0);

    // When a text file, an SVG named .png and an empty file are sent
    for bytes in [b"just some words".to_vec(), svg.to_vec(), Vec::new()] {
        let e = s
            .client_attach(&code, upload(bytes, "photo.png"), now())
            .await
            .unwrap_err();
        // Then each is refused with a message id naming why
        let ServiceError::Invalid(v) = e else {
            panic!("not a refusal: {e}")
        };
        assert_eq!(v[0].field, "file");
        assert!(
            ["attachment-wrong-type", "attachment-empty"].contains(&v[0].message.id),
            "{:?}",
            v[0].message
        );
    }
    // When a file one byte over the limit is sent
    let e = s
        .attach(&o.intake, case, upload(big, "big.png"), now())
        .await
        .unwrap_err();
    // Then it is refused as too large
    assert!(matches!(e, ServiceError::TooLarge(_)), "{e}");
    // And nothing was written: no entry, no blob
    assert_eq!(size(s).await, before);
    assert!(s.attachments(case).is_empty());
    assert_eq!(files_in(&blobs_of(&d, case)), 0);
    // At the limit, it is taken
    let mut at_limit = png();
    at_limit.resize(limits::ATTACHMENT_BYTES, 0);
    s.attach(&o.intake, case, upload(at_limit, "big.png"), now())
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_takes_at_most_its_limit_of_files() {
    let (_d, o, case, _) = filed().await;
    let s = &o.service;
    for _ in 0..limits::ATTACHMENTS_PER_CASE {
        s.attach(&o.intake, case, upload(png(), "p.png"), now())
            .await
            .unwrap();
    }
    let e = s
        .attach(&o.intake, case, upload(png(), "p.png"), now())
        .await
        .unwrap_err();
    let ServiceError::Invalid(v) = e else {
        panic!("not a refusal: {e}")
    };
    assert_eq!(v[0].message.id, "attachment-too-many");
    assert_eq!(s.attachments(case).len(), limits::ATTACHMENTS_PER_CASE);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tampered_or_swapped_blob_is_refused_on_opening() {
    // Given two attachments on a case
    let (d, o, case, code) = filed().await;
    let s = &o.service;
    let a = s
        .client_attach(&code, upload(png(), "a.png"), now())
        .await
        .unwrap()
        .1;
    let b = s
        .client_attach(&code, upload(pdf(), "b.pdf"), now())
        .await
        .unwrap()
        .1;
    let dir = blobs_of(&d, case);
    let path = |id: recourse_events::ids::AttachmentId| dir.join(format!("{id}.sealed"));

    // When one byte of the first is changed
    let mut bytes = std::fs::read(path(a)).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(path(a), &bytes).unwrap();
    // Then opening it is refused
    let e = s.client_open_attachment(&code, a).await.unwrap_err();
    assert!(matches!(e, ServiceError::Integrity(_)), "{e}");
    let e = s
        .open_attachment(&o.intake, case, a, Purpose::Handling, now())
        .await
        .unwrap_err();
    assert!(matches!(e, ServiceError::Integrity(_)), "{e}");

    // When the second's file is put in place of the first
    std::fs::copy(path(b), path(a)).unwrap();
    // Then it is refused too (its hash is not the first's)
    assert!(s.client_open_attachment(&code, a).await.is_err());
    // And the untouched one still opens
    assert_eq!(
        s.client_open_attachment(&code, b).await.unwrap().bytes,
        pdf()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erasure_makes_attachments_unreadable_removes_their_files_and_lists_them_as_erased() {
    // Given a case with an attachment
    let (d, o, case, code) = filed().await;
    let s = &o.service;
    let (_, id) = s
        .client_attach(&code, upload(png(), "a.png"), now())
        .await
        .unwrap();
    let dir = blobs_of(&d, case);
    let kept = std::fs::read(dir.join(format!("{id}.sealed"))).unwrap();

    // When the client asks for erasure
    s.request_erasure(&code, now()).await.unwrap();

    // Then the listing shows the file as erased, the file is gone, and nothing opens
    let list = s.attachments(case);
    assert_eq!(list.len(), 1);
    assert!(list[0].erased);
    assert!(!dir.exists(), "the case's blobs are deleted");
    let e = s
        .open_attachment(&o.intake, case, id, Purpose::Audit, now())
        .await;
    assert!(e.is_err());
    // And a copy of the sealed file kept from before does not open without the key
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{id}.sealed")), &kept).unwrap();
    assert!(s.client_open_attachment(&code, id).await.is_err());
    // ... and the next sweep removes it again
    assert_eq!(s.sweep_blobs().await.unwrap(), 1);
    assert!(!dir.join(format!("{id}.sealed")).exists());
    // Attaching to an erased case is refused
    assert!(
        s.attach(&o.intake, case, upload(png(), "a.png"), now())
            .await
            .is_err()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_blob_write_leaves_no_entry_and_an_unrecorded_blob_is_swept_once_old() {
    // Given a case whose blob folder cannot be created (a file stands in its place)
    let (d, o, case, code) = filed().await;
    let s = &o.service;
    let before = size(s).await;
    let dir = blobs_of(&d, case);
    std::fs::write(&dir, b"not a folder").unwrap();

    // When the client attaches a file
    let e = s
        .client_attach(&code, upload(png(), "a.png"), now())
        .await
        .unwrap_err();
    // Then it fails, and the ledger vouches for nothing
    assert!(matches!(e, ServiceError::Blob(_)), "{e}");
    assert_eq!(size(s).await, before);
    assert!(s.attachments(case).is_empty());

    // Given a blob no entry vouches for (a write cut off before its entry), one young and one
    // an hour old
    std::fs::remove_file(&dir).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    let young = dir.join(format!("{}.sealed", uuid::Uuid::now_v7()));
    let old = dir.join(format!("{}.sealed", uuid::Uuid::now_v7()));
    std::fs::write(&young, b"sealed").unwrap();
    std::fs::write(&old, b"sealed").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(2 * 3600))
        .unwrap();
    // And a recorded attachment, however old
    let (_, kept) = s
        .client_attach(&code, upload(png(), "a.png"), now())
        .await
        .unwrap();

    // When the blobs are swept (as at every start)
    let swept = s.sweep_blobs().await.unwrap();
    // Then only the old unrecorded one is removed
    assert_eq!(swept, 1);
    assert!(!old.exists() && young.exists());
    assert_eq!(
        s.client_open_attachment(&code, kept).await.unwrap().bytes,
        png()
    );
}

// Through the pages: the tracking page and the case page.

mod pages {
    use recourse_events::org::Role;
    use reqwest::StatusCode;
    use reqwest::header::{CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE};

    use super::{pdf, png};
    use crate::api::{roomy, sign_in};
    use crate::scenario::assigned_to_chair;
    use crate::web_helpers::{Browser, TestApp, spawn_app_with};

    const BOUNDARY: &str = "----attach-test-7d3f";

    /// A multipart body of text fields and one file (name, claimed type, bytes).
    fn multipart(fields: &[(&str, &str)], file: Option<(&str, &str, &[u8])>) -> Vec<u8> {
        let mut out = Vec::new();
        for (name, value) in fields {
            out.extend(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .into_bytes(),
            );
        }
        if let Some((file_name, claimed, bytes)) = file {
            out.extend(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: {claimed}\r\n\r\n"
                )
                .into_bytes(),
            );
            out.extend_from_slice(bytes);
            out.extend(b"\r\n");
        }
        out.extend(format!("--{BOUNDARY}--\r\n").into_bytes());
        out
    }

    /// POSTs a multipart body; the status and the body as text.
    async fn post_multipart(b: &Browser, path: &str, body: Vec<u8>) -> (StatusCode, String) {
        let r = b
            .client
            .post(b.url(path))
            .header(
                CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(body)
            .send()
            .await
            .expect("POST");
        (r.status(), r.text().await.unwrap_or_default())
    }

    /// The tracking form's CSRF token for a fresh client browser.
    async fn track_csrf(b: &Browser) -> String {
        b.get("/track")
            .await
            .csrf()
            .expect("the tracking form's token")
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_client_attaches_on_the_tracking_page_and_staff_open_it_with_a_recorded_purpose() {
        // Given a case handled by the chair, and the client on the tracking page
        let t: TestApp = spawn_app_with(roomy()).await;
        let chair = sign_in(&t, t.login_of(Role::Chair)).await;
        let (case, code) = assigned_to_chair(&t, &chair).await;
        let id: recourse_events::ids::CaseId = case.parse().unwrap();
        let client = t.browser();
        let csrf = track_csrf(&client).await;
        let s = &t.app.service;
        let before = s.store().size().await.unwrap();

        // When the client sends an SVG, then a file over the limit
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        let (status, body) = post_multipart(
            &client,
            "/track/attach",
            multipart(
                &[("csrf", &csrf), ("code", &code)],
                Some(("photo.png", "image/png", svg)),
            ),
        )
        .await;
        // Then they are refused, clearly, and nothing is written
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert!(body.contains("This type of file is not accepted"), "{body}");
        let mut big = png();
        big.resize(recourse::limits::ATTACHMENT_BYTES + 1, 0);
        let (status, _) = post_multipart(
            &client,
            "/track/attach",
            multipart(
                &[("csrf", &csrf), ("code", &code)],
                Some(("big.png", "image/png", &big)),
            ),
        )
        .await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(s.store().size().await.unwrap(), before);
        assert!(s.attachments(id).is_empty());

        // When the client attaches a PNG that claims to be a PDF, in Arabic
        let (status, body) = post_multipart(
            &client,
            "/track/attach?lang=ar",
            multipart(
                &[
                    ("csrf", &csrf),
                    ("code", &code),
                    ("description", "رسالة الرفض"),
                ],
                Some(("letter.pdf", "application/pdf", &png())),
            ),
        )
        .await;
        // Then the tracking page lists it, as a PNG, in the page's language
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let body = client.get("/track/case?lang=ar").await.body;
        assert!(body.contains("أُرفق ملفك."), "the notice is in Arabic");
        assert!(body.contains("<strong>PNG</strong>"), "{body}");
        let files = s.attachments(id);
        assert_eq!(files.len(), 1);
        let file = files[0].id.to_string();

        // And the client downloads their own file, served as a download
        let r = client
            .client
            .post(client.url("/track/attachment"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("code", &code),
                ("attachment", &file),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()[CONTENT_TYPE], "image/png");
        assert_eq!(r.bytes().await.unwrap().to_vec(), png());
        assert!(
            s.access_log(id).is_empty(),
            "the client's own reading is no staff opening"
        );

        // When the chair sees the case page
        let staff = t.sign_in(t.login_of(Role::Chair)).await;
        let page = staff.get(&format!("/staff/case/{case}")).await;
        assert!(page.body.contains("id=\"attachments\""));
        assert!(page.body.contains("<strong>PNG</strong>"));
        let action = format!("action=\"/staff/case/{case}/attachment/{file}\"");
        assert!(page.body.contains(&action), "an opening form per file");
        let staff_csrf = page.csrf().unwrap();
        let views = s.access_log(id).len();

        // And opens the file for handling
        let r = staff
            .client
            .post(staff.url(&format!("/staff/case/{case}/attachment/{file}")))
            .form(&[("csrf", staff_csrf.as_str()), ("purpose", "handling")])
            .send()
            .await
            .unwrap();
        // Then it is served as the checked type, as a download, sandboxed, not sniffed
        assert_eq!(r.status(), StatusCode::OK);
        let h = r.headers().clone();
        assert_eq!(h[CONTENT_TYPE], "image/png");
        let disposition = h[CONTENT_DISPOSITION].to_str().unwrap();
        assert!(disposition.starts_with("attachment;") && disposition.contains(".png"));
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert!(
            h[CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .contains("sandbox")
        );
        assert_eq!(r.bytes().await.unwrap().to_vec(), png());
        // And the opening is in the access log, with its purpose, on the case page
        let log = s.access_log(id);
        assert_eq!(log.len(), views + 1);
        assert_eq!(log[views].purpose, recourse_events::case::Purpose::Handling);

        // And the API lists it, with nothing opened (no view recorded by listing)
        let listed = chair.get(&format!("/cases/{case}/attachments")).await;
        assert_eq!(listed.json["attachments"][0]["id"], file.as_str());
        assert_eq!(listed.json["attachments"][0]["content_type"], "png");
        assert_eq!(listed.json["attachments"][0]["media_type"], "image/png");
        assert_eq!(listed.json["attachments"][0]["by"], serde_json::Value::Null);
        assert_eq!(s.access_log(id).len(), views + 1);

        // And the opened file shows the file's sealed name and description, labelled as such
        let opened = staff
            .post_form(
                &format!("/staff/case/{case}/open"),
                &[("csrf", staff_csrf.as_str()), ("purpose", "handling")],
            )
            .await;
        assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
        assert!(opened.body.contains("File name") && opened.body.contains("letter.pdf"));
        assert!(opened.body.contains("What it shows") && opened.body.contains("رسالة الرفض"));

        // When the chair attaches a PDF on the case page
        let (status, _) = post_multipart(
            &staff,
            &format!("/staff/case/{case}/attach"),
            multipart(
                &[("csrf", &staff_csrf), ("description", "Booking record")],
                Some(("record.pdf", "application/pdf", &pdf())),
            ),
        )
        .await;
        // Then it is recorded, and it is the committee's: the client's page lists only theirs
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(s.attachments(id).len(), 2);
        let tracked = client
            .post_form_followed("/track", &[("csrf", csrf.as_str()), ("code", &code)])
            .await;
        assert!(
            tracked.body.contains("<strong>PNG</strong>"),
            "{}",
            tracked.body
        );
        assert!(
            !tracked.body.contains("<strong>PDF</strong>"),
            "{}",
            tracked.body
        );
        let staff_file = s.attachments(id)[1].id.to_string();
        let r = client
            .client
            .post(client.url("/track/attachment"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("code", &code),
                ("attachment", &staff_file),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    }
}
