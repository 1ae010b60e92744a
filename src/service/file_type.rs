//! The type of an uploaded file, read from its first bytes (its "magic number"), never from the
//! name or the type the browser claims: a PNG renamed `.pdf` is a PNG, and a text file, an
//! SVG (which can carry script) or an executable renamed `.jpg` is refused. Four types are
//! taken, the ones a client has on a phone or a scanner: PNG, JPEG, WebP and PDF.

use recourse_events::case::AttachmentType;

/// The type `bytes` hold, if it is one attachments may have.
pub fn file_type(bytes: &[u8]) -> Option<AttachmentType> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(AttachmentType::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(AttachmentType::Jpeg)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(AttachmentType::Webp)
    } else if bytes.starts_with(b"%PDF-") {
        Some(AttachmentType::Pdf)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_type_is_known_by_its_first_bytes_and_others_are_refused() {
        assert_eq!(
            file_type(b"\x89PNG\r\n\x1a\n\0\0"),
            Some(AttachmentType::Png)
        );
        assert_eq!(
            file_type(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(AttachmentType::Jpeg)
        );
        assert_eq!(
            file_type(b"RIFF\0\0\0\0WEBPVP8 "),
            Some(AttachmentType::Webp)
        );
        assert_eq!(file_type(b"%PDF-1.7\n"), Some(AttachmentType::Pdf));
        assert_eq!(
            file_type(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            None
        );
        assert_eq!(file_type(b"plain text"), None);
        assert_eq!(file_type(b"RIFF\0\0\0\0WAVE"), None);
        assert_eq!(file_type(b""), None);
    }
}
