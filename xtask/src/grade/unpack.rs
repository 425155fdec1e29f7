//! Safe unpacking of a student's `.zip` or `.tar.gz` into a fresh folder.
//!
//! Nothing lands outside the destination: an entry whose path is absolute or climbs with
//! `..` is skipped, and links (symbolic or hard) are never created, so no later write can
//! follow one out. Sizes are counted as bytes are really decompressed (a zip's declared
//! sizes may lie), and the archive is refused past a total size or a file count. Build and
//! cache folders (`target/`, `.venv/`, ...) are left out, uncounted, by the rule `cargo
//! xtask pack` follows (`handin.rs`): students archive the whole repository after a first
//! `check`.

use crate::handin::{self, SKIPPED_FOLDERS};
use anyhow::{Context, Result, bail};
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

/// How much one archive may hold.
#[derive(Debug, Clone, Copy)]
pub struct Caps {
    /// Total bytes of all files once decompressed.
    pub total_bytes: u64,
    /// Number of entries (files and folders).
    pub entries: usize,
}

impl Default for Caps {
    fn default() -> Caps {
        Caps { total_bytes: handin::MAX_BYTES, entries: handin::MAX_ENTRIES }
    }
}

/// At most this many skipped entries are read through; past it the archive is refused.
const SKIPPED_CAP: usize = 2_000_000;

/// The archive formats a submission may come in, by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Zip,
    TarGz,
}

impl Format {
    /// The format of `name` and the name without its extension: `alice.tar.gz` gives
    /// `(TarGz, "alice")`.
    pub fn of(name: &str) -> Option<(Format, &str)> {
        let lower = name.to_ascii_lowercase();
        for (ext, format) in [(".zip", Format::Zip), (".tar.gz", Format::TarGz), (".tgz", Format::TarGz)] {
            if lower.ends_with(ext) && lower.len() > ext.len() {
                return Some((format, &name[..name.len() - ext.len()]));
            }
        }
        None
    }
}

/// Unpacks `archive` into `dest` (an empty folder). Returns one note per entry it skipped
/// (unsafe path, link, special file).
///
/// # Errors
/// When the archive cannot be read or breaks a cap; nothing outside `dest` is written
/// either way.
pub fn unpack(archive: &Path, format: Format, dest: &Path, caps: Caps) -> Result<Vec<String>> {
    let file = File::open(archive).with_context(|| format!("cannot open {}", archive.display()))?;
    let mut budget = Budget { caps, bytes: 0, entries: 0, skipped: 0 };
    let mut notes = match format {
        Format::Zip => unzip(file, dest, &mut budget),
        Format::TarGz => untar(file, dest, &mut budget),
    }?;
    if budget.skipped > 0 {
        notes.push(format!(
            "left out {} entries of build and cache folders ({}): the grader takes only the exercises' editable files",
            budget.skipped,
            SKIPPED_FOLDERS.join(", ")
        ));
    }
    Ok(notes)
}

struct Budget {
    caps: Caps,
    bytes: u64,
    entries: usize,
    /// Entries inside [`SKIPPED_FOLDERS`], left out.
    skipped: usize,
}

impl Budget {
    /// Whether the entry at `relative` is left out (inside a build or cache folder).
    fn skips(&mut self, relative: &Path) -> Result<bool> {
        if !handin::skipped(relative) {
            return Ok(false);
        }
        self.skipped += 1;
        if self.skipped > SKIPPED_CAP {
            bail!("the archive has more than {SKIPPED_CAP} entries in build and cache folders");
        }
        Ok(true)
    }

    fn entry(&mut self) -> Result<()> {
        self.entries += 1;
        if self.entries > self.caps.entries {
            bail!("the archive has more than {} entries", self.caps.entries);
        }
        Ok(())
    }

    /// Copies `from` into a new file at `to`, counting its bytes against the total.
    fn write(&mut self, from: &mut dyn Read, to: &Path) -> Result<()> {
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut out = File::options().write(true).create_new(true).open(to).with_context(|| format!("cannot create {}", to.display()))?;
        let left = self.caps.total_bytes - self.bytes;
        let copied = std::io::copy(&mut from.take(left + 1), &mut out)?;
        out.flush()?;
        self.bytes += copied;
        if self.bytes > self.caps.total_bytes {
            bail!("the archive unpacks to more than {} MiB", self.caps.total_bytes >> 20);
        }
        Ok(())
    }
}

/// The entry path `name` as a relative path inside the destination, or why it is unsafe.
pub fn safe_relative(name: &str) -> Result<PathBuf, String> {
    let path = Path::new(name);
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => return Err(format!("ignored `{name}`: its path climbs out of the archive with `..`")),
            Component::RootDir | Component::Prefix(_) => return Err(format!("ignored `{name}`: its path is absolute")),
        }
    }
    if name.contains('\\') {
        return Err(format!("ignored `{name}`: a backslash in a path"));
    }
    if out.as_os_str().is_empty() {
        return Err(format!("ignored `{name}`: an empty path"));
    }
    Ok(out)
}

fn unzip(file: File, dest: &Path, budget: &mut Budget) -> Result<Vec<String>> {
    let mut zip = zip::ZipArchive::new(file).context("not a readable zip archive")?;
    let mut notes = Vec::new();
    for index in 0..zip.len() {
        let mut entry = zip.by_index(index).context("a damaged zip entry")?;
        let name = entry.name().context("a zip entry with an unreadable name")?.into_owned();
        if let Ok(relative) = safe_relative(&name)
            && budget.skips(&relative)?
        {
            continue;
        }
        budget.entry()?;
        let relative = match safe_relative(&name) {
            Ok(relative) => relative,
            Err(note) => {
                notes.push(note);
                continue;
            }
        };
        if entry.is_symlink() {
            notes.push(format!("ignored `{name}`: a symbolic link (links are never unpacked)"));
        } else if entry.is_dir() {
            std::fs::create_dir_all(dest.join(&relative))?;
        } else if entry.is_file() {
            budget.write(&mut entry, &dest.join(&relative))?;
        } else {
            notes.push(format!("ignored `{name}`: not a regular file"));
        }
    }
    Ok(notes)
}

fn untar(file: File, dest: &Path, budget: &mut Budget) -> Result<Vec<String>> {
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut notes = Vec::new();
    for entry in archive.entries().context("not a readable .tar.gz archive")? {
        let mut entry = entry.context("a damaged .tar.gz entry")?;
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        if let Ok(relative) = safe_relative(&name)
            && budget.skips(&relative)?
        {
            continue;
        }
        budget.entry()?;
        let relative = match safe_relative(&name) {
            Ok(relative) => relative,
            Err(note) => {
                notes.push(note);
                continue;
            }
        };
        match entry.header().entry_type() {
            tar::EntryType::Regular | tar::EntryType::Continuous => budget.write(&mut entry, &dest.join(&relative))?,
            tar::EntryType::Directory => std::fs::create_dir_all(dest.join(&relative))?,
            tar::EntryType::Symlink | tar::EntryType::Link => {
                let target = entry.link_name().ok().flatten().map(|t| t.display().to_string()).unwrap_or_default();
                notes.push(format!("ignored `{name}`: a link to `{target}` (links are never unpacked)"));
            }
            // Extended headers are read by the tar crate itself.
            tar::EntryType::XGlobalHeader | tar::EntryType::XHeader | tar::EntryType::GNULongName | tar::EntryType::GNULongLink => {}
            _ => notes.push(format!("ignored `{name}`: not a regular file")),
        }
    }
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_paths_are_named() {
        assert!(safe_relative("../evil.rs").unwrap_err().contains("`..`"));
        assert!(safe_relative("a/../../evil.rs").unwrap_err().contains("`..`"));
        assert!(safe_relative("/etc/passwd").unwrap_err().contains("absolute"));
        assert_eq!(safe_relative("./rust-python/exercises/x.rs").unwrap(), PathBuf::from("rust-python/exercises/x.rs"));
    }

    #[test]
    fn formats_come_from_names() {
        assert_eq!(Format::of("alice.zip"), Some((Format::Zip, "alice")));
        assert_eq!(Format::of("Bob.Smith.TAR.GZ"), Some((Format::TarGz, "Bob.Smith")));
        assert_eq!(Format::of("notes.txt"), None);
        assert_eq!(Format::of(".zip"), None);
    }

    #[test]
    fn build_and_cache_folders_are_left_out_uncounted() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("whole-repo.zip");
        let mut zip = zip::ZipWriter::new(File::create(&archive).unwrap());
        let options = zip::write::SimpleFileOptions::default();
        for i in 0..50 {
            zip.start_file(format!("repo/target/debug/deps/lib{i}.rlib"), options).unwrap();
            zip.write_all(&vec![b'x'; 64 << 10]).unwrap();
        }
        zip.start_file("repo/.venv/bin/python", options).unwrap();
        zip.write_all(b"#!").unwrap();
        zip.start_file("repo/exercises/p/one/src/lib.rs", options).unwrap();
        zip.write_all(b"fn f() {}").unwrap();
        zip.finish().unwrap();
        let dest = dir.path().join("out");
        std::fs::create_dir(&dest).unwrap();
        // 3.2 MB of target/ in an archive capped at 1 MiB and 5 entries.
        let notes = unpack(&archive, Format::Zip, &dest, Caps { total_bytes: 1 << 20, entries: 5 }).unwrap();
        assert!(dest.join("repo/exercises/p/one/src/lib.rs").is_file());
        assert!(!dest.join("repo/target").exists() && !dest.join("repo/.venv").exists());
        assert!(notes.iter().any(|n| n.contains("left out 51 entries")), "{notes:?}");
    }

    #[test]
    fn a_zip_bomb_is_refused_by_its_real_size() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("bomb.zip");
        let mut zip = zip::ZipWriter::new(File::create(&archive).unwrap());
        zip.start_file("big.txt", zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(&vec![b'0'; 2 << 20]).unwrap();
        zip.finish().unwrap();
        let dest = dir.path().join("out");
        std::fs::create_dir(&dest).unwrap();
        let err = unpack(&archive, Format::Zip, &dest, Caps { total_bytes: 1 << 20, entries: 10 }).unwrap_err();
        assert!(err.to_string().contains("more than 1 MiB"), "{err}");
    }
}
