//! The reference documents a data folder uses: the organization's own copies where it has put
//! them, the copies compiled into Recourse otherwise.
//!
//! An organization adopts its own wording, translation or edition of a reference document by
//! putting a file of the same name in its data folder:
//!
//! ```text
//! recourse-data/
//!   reference/client-code.toml      the Client Code of Service Rights
//!   reference/framework.toml        the framework for high quality services
//!   reference/core-values.toml      the core values of settlement work
//!   reference/service-streams.toml  the service streams
//!   reference/external-bodies.toml  the bodies outside the organization a client can turn to
//! ```
//!
//! Each file present replaces the shipped one; a file absent means the shipped one. All five are
//! checked together by [`Reference::parse`] before the server or a command starts, so a mistake
//! in an edited file stops start-up with the file's path, the line or entry and the problem,
//! rather than surfacing later in a complaint. The shipped texts, comments included, are the
//! starting point to copy: `ReferenceFile::shipped_text`, or `projections/data/` in the source.

use std::borrow::Cow;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use recourse_projections::framework::{Reference, ReferenceError, ReferenceFile};

use crate::data_dir::DataDir;

/// The largest reference file read, in bytes. The shipped files are a few tens of kilobytes;
/// anything near a mebibyte is not a reference document but a mistake, and is refused before it
/// is read into memory.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Why the data folder's reference files could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file exists but could not be read.
    #[error("reference file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// Something other than a regular file has the reference file's name.
    #[error("reference file {path}: not a regular file")]
    NotAFile {
        /// The path.
        path: String,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("reference file {path}: {size} bytes is more than the {MAX_FILE_BYTES} allowed")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size, or at least how much was there to read.
        size: u64,
    },
    /// The file is not UTF-8 text.
    #[error("reference file {path}: line {line} is not UTF-8 text (save the file as UTF-8)")]
    NotUtf8 {
        /// The file.
        path: String,
        /// The line, from 1, holding the first byte that is not UTF-8.
        line: usize,
    },
    /// The file was read but refused by the checks of [`Reference::parse`]; the error names the
    /// file, the line or entry, and the problem.
    #[error("reference file {path} was refused: {error}")]
    Invalid {
        /// The file (the organization's copy, or "shipped" for the compiled one).
        path: String,
        /// What is wrong.
        error: ReferenceError,
    },
}

/// The reference a data folder uses, and which of its files came from the folder.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The checked reference documents.
    pub reference: Reference,
    /// The files read from the data folder (the others are the shipped copies), in
    /// [`ReferenceFile::ALL`] order.
    pub from_folder: Vec<ReferenceFile>,
}

/// Where the organization's copy of `file` goes in the data folder.
pub fn folder_path(dir: &DataDir, file: ReferenceFile) -> PathBuf {
    dir.reference_dir().join(file.file_name())
}

/// Reads the data folder's reference files (the shipped copy of each one it lacks) and checks
/// them together.
pub fn load(dir: &DataDir) -> Result<Loaded, LoadError> {
    let mut from_folder = Vec::new();
    let mut texts = ReferenceFile::ALL.map(|file| Cow::Borrowed(file.shipped_text()));
    for (text, file) in texts.iter_mut().zip(ReferenceFile::ALL) {
        if let Some(copy) = read_copy(&folder_path(dir, file))? {
            *text = Cow::Owned(copy);
            from_folder.push(file);
        }
    }
    let [
        client_code,
        framework,
        core_values,
        service_streams,
        external_bodies,
    ] = &texts;
    let reference = Reference::parse(
        client_code,
        framework,
        core_values,
        service_streams,
        external_bodies,
    )
    .map_err(|error| {
        let file = error.file();
        let path = if from_folder.contains(&file) {
            folder_path(dir, file).display().to_string()
        } else {
            format!("{file} (shipped)")
        };
        LoadError::Invalid { path, error }
    })?;
    Ok(Loaded {
        reference,
        from_folder,
    })
}

/// [`load`], saying on standard output which files came from the data folder (so whoever
/// starts the server sees that their copy is the one in use), and giving the reference.
pub fn load_announced(dir: &DataDir) -> Result<Reference, LoadError> {
    let loaded = load(dir)?;
    if !loaded.from_folder.is_empty() {
        let names: Vec<&str> = loaded.from_folder.iter().map(|f| f.file_name()).collect();
        let folder = dir.reference_dir();
        let line = format!(
            "Reference documents from {}: {}.",
            folder.display(),
            names.join(", ")
        );
        // As the CLI's `say!`: a closed standard output is no reason to stop.
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), "{line}");
    }
    Ok(loaded.reference)
}

/// The text of the organization's copy at `path`, or `None` if there is none.
fn read_copy(path: &Path) -> Result<Option<String>, LoadError> {
    let shown = || path.display().to_string();
    let io = |source| LoadError::Io {
        path: shown(),
        source,
    };
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    if !metadata.is_file() {
        return Err(LoadError::NotAFile { path: shown() });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: shown(),
            size: metadata.len(),
        });
    }
    // Read at most one byte past the limit, in case the file grew since its size was taken.
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: shown(),
            size,
        });
    }
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        LoadError::NotUtf8 {
            path: shown(),
            line: valid.iter().filter(|&&b| b == b'\n').count() + 1,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A data folder in a temporary directory, with `copies` written under `reference/`.
    fn folder(copies: &[(ReferenceFile, &[u8])]) -> (tempfile::TempDir, DataDir) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(tmp.path().join("data"));
        std::fs::create_dir_all(dir.reference_dir()).unwrap();
        for (file, text) in copies {
            std::fs::write(folder_path(&dir, *file), text).unwrap();
        }
        (tmp, dir)
    }

    #[test]
    fn without_copies_the_shipped_files_are_used() {
        let (_tmp, dir) = folder(&[]);
        let loaded = load(&dir).unwrap();
        assert_eq!(loaded.reference, Reference::shipped());
        assert!(loaded.from_folder.is_empty());
        // No reference folder at all is the same.
        let dir = DataDir::new(_tmp.path().join("elsewhere"));
        assert_eq!(load(&dir).unwrap().reference, Reference::shipped());
    }

    #[test]
    fn a_folder_copy_is_used() {
        let shipped = ReferenceFile::Framework.shipped_text();
        let edited = shipped
            .replace("version = \"2021-02-08\"", "version = \"ours-2027\"")
            .replace(
                "title = \"Scope of services\"",
                "title = \"What we help with\"",
            );
        let (_tmp, dir) = folder(&[(ReferenceFile::Framework, edited.as_bytes())]);
        let loaded = load(&dir).unwrap();
        assert_eq!(loaded.from_folder, [ReferenceFile::Framework]);
        let framework = &loaded.reference.framework;
        assert_eq!(framework.version, "ours-2027");
        assert_eq!(
            loaded.reference.area("scope").map(|a| a.title.as_str()),
            Some("What we help with")
        );
        assert_ne!(
            loaded.reference.framework_sha256(),
            Reference::shipped().framework_sha256()
        );
        // The other files are the shipped ones.
        assert_eq!(
            loaded.reference.client_code,
            Reference::shipped().client_code
        );
    }

    #[test]
    fn a_broken_copy_is_refused_naming_the_file_and_line() {
        let broken = ReferenceFile::CoreValues.shipped_text().replacen(
            "title = \"Access\"",
            "titel = \"Access\"",
            1,
        );
        let line = broken.lines().position(|l| l.starts_with("titel")).unwrap() + 1;
        let (_tmp, dir) = folder(&[(ReferenceFile::CoreValues, broken.as_bytes())]);
        let error = load(&dir).unwrap_err();
        let message = error.to_string();
        let path = folder_path(&dir, ReferenceFile::CoreValues);
        assert!(
            message.starts_with(&format!("reference file {} was refused: ", path.display())),
            "{message}"
        );
        assert!(
            message.contains(&format!("core-values.toml line {line}, column 1")),
            "{message}"
        );
        assert!(message.contains("unknown field `titel`"), "{message}");
    }

    #[test]
    fn a_copy_that_is_not_utf8_or_too_large_is_refused() {
        let (_tmp, dir) = folder(&[(ReferenceFile::ClientCode, b"# ok\n# ok\nid = \"\xff\"\n")]);
        assert!(
            matches!(load(&dir), Err(LoadError::NotUtf8 { line: 3, .. })),
            "{:?}",
            load(&dir)
        );

        let big = vec![b'#'; MAX_FILE_BYTES as usize + 1];
        let (_tmp, dir) = folder(&[(ReferenceFile::ServiceStreams, &big)]);
        let error = load(&dir).unwrap_err();
        assert!(matches!(error, LoadError::TooLarge { .. }), "{error:?}");
        assert!(
            error.to_string().contains("service-streams.toml"),
            "{error}"
        );
    }

    #[test]
    fn a_folder_in_place_of_a_copy_is_refused() {
        let (_tmp, dir) = folder(&[]);
        std::fs::create_dir(folder_path(&dir, ReferenceFile::Framework)).unwrap();
        assert!(matches!(load(&dir), Err(LoadError::NotAFile { .. })));
    }
}
