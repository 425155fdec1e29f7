//! A class's submissions: finding them, picking a shard, and taking from each only the
//! files a student may edit.
//!
//! A submission is a folder, a `.zip`, a `.tar.gz` or a `.tgz` in the class's folder; its
//! name (without the extension) is the student's id. It is read, never written: archives
//! are unpacked into a fresh temporary folder (`unpack.rs`). Inside, the editable files
//! are looked up by their repository-relative path (`exercises/<part>/<name>/src/lib.rs`),
//! either at the top or under up to four wrapping folders (`rust-python/exercises/...`);
//! a submission with no such folder, or several copies of it, is refused with a reason.
//! Nothing else is read: a submitted test, snapshot, manifest or build script is ignored.

use super::unpack::{self, Caps, Format};
use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The largest editable file accepted, in bytes.
pub const FILE_CAP: u64 = 1 << 20;

/// Where a submission's bytes are.
#[derive(Debug, Clone)]
pub enum Source {
    Folder(PathBuf),
    Archive(PathBuf, Format),
}

/// One student's submission.
#[derive(Debug, Clone)]
pub struct Submission {
    /// The folder's or archive's name without extension.
    pub id: String,
    pub source: Source,
}

/// The submissions in `dir`, sorted by id, and a note for each entry that is not one.
///
/// # Errors
/// When `dir` cannot be read, or two entries give the same id (`alice/` and `alice.zip`).
pub fn discover(dir: &Path) -> Result<(Vec<Submission>, Vec<String>)> {
    let mut found: BTreeMap<String, Submission> = BTreeMap::new();
    let mut notes = Vec::new();
    let entries = std::fs::read_dir(dir).with_context(|| format!("cannot read the submissions folder {}", dir.display()))?;
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == "__MACOSX" {
            continue;
        }
        let kind = entry.file_type()?;
        let path = entry.path();
        let submission = if kind.is_dir() {
            Submission { id: name.clone(), source: Source::Folder(path) }
        } else if let (true, Some((format, id))) = (kind.is_file(), Format::of(&name)) {
            Submission { id: id.to_string(), source: Source::Archive(path, format) }
        } else {
            notes.push(format!("skipped {}: not a folder, .zip, .tar.gz or .tgz (links are not followed)", path.display()));
            continue;
        };
        if let Some(other) = found.get(&submission.id) {
            bail!(
                "two submissions for student `{}`: {} and {}; keep one",
                submission.id,
                describe(&other.source),
                describe(&submission.source)
            );
        }
        found.insert(submission.id.clone(), submission);
    }
    Ok((found.into_values().collect(), notes))
}

fn describe(source: &Source) -> String {
    match source {
        Source::Folder(p) | Source::Archive(p, _) => p.display().to_string(),
    }
}

/// Parses `--shard I/N` (1-based `I`).
///
/// # Errors
/// When it is not two numbers with 1 ≤ I ≤ N.
pub fn parse_shard(text: &str) -> Result<(usize, usize)> {
    let parsed = text.split_once('/').and_then(|(i, n)| Some((i.trim().parse::<usize>().ok()?, n.trim().parse::<usize>().ok()?)));
    match parsed {
        Some((i, n)) if i >= 1 && i <= n => Ok((i, n)),
        _ => bail!("--shard {text}: write I/N with 1 ≤ I ≤ N, e.g. --shard 2/4"),
    }
}

/// The submissions of shard `i` of `n`: the ones at positions `p` (0-based, in id order)
/// with `p % n == i - 1`. Every submission is in exactly one shard.
pub fn shard(submissions: Vec<Submission>, (i, n): (usize, usize)) -> Vec<Submission> {
    submissions.into_iter().enumerate().filter(|(p, _)| p % n == i - 1).map(|(_, s)| s).collect()
}

/// The editable files found in a submission, by repository-relative path.
#[derive(Debug, Default)]
pub struct Collected {
    pub files: BTreeMap<PathBuf, Vec<u8>>,
    /// Why some entries or files were not taken (unsafe archive entries, links, sizes).
    pub notes: Vec<String>,
    /// Set when the submission as a whole could not be read (a damaged or oversized archive).
    pub rejected: Option<String>,
}

impl Collected {
    /// A SHA-256 over the paths and bytes of `paths` that were found, in hex.
    pub fn digest(&self, paths: &[PathBuf]) -> String {
        let mut hash = Sha256::new();
        for path in paths {
            if let Some(bytes) = self.files.get(path) {
                hash.update(path.to_string_lossy().as_bytes());
                hash.update([0]);
                hash.update((bytes.len() as u64).to_le_bytes());
                hash.update(bytes);
            }
        }
        hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Reads the files of `wanted` (repository-relative paths) from `submission`.
pub fn collect(submission: &Submission, wanted: &[PathBuf]) -> Collected {
    match &submission.source {
        Source::Folder(dir) => from_folder(dir, wanted),
        Source::Archive(path, format) => {
            let unpacked = match tempfile::Builder::new().prefix("workbook-submission-").tempdir() {
                Ok(dir) => dir,
                Err(err) => return Collected { rejected: Some(format!("no temporary folder to unpack into: {err}")), ..Default::default() },
            };
            match unpack::unpack(path, *format, unpacked.path(), Caps::default()) {
                Ok(notes) => {
                    let mut collected = from_folder(unpacked.path(), wanted);
                    collected.notes.splice(0..0, notes);
                    collected
                }
                Err(err) => Collected { rejected: Some(format!("the archive was not unpacked: {err:#}")), ..Default::default() },
            }
        }
    }
}

/// How deep below a submission's top the folder holding `exercises/` is looked for.
const ROOT_DEPTH: usize = 4;

/// The folder holding `exercises/`: `dir`, or the only such folder at the shallowest level
/// up to [`ROOT_DEPTH`] folders down (build and cache folders and macOS's `__MACOSX`
/// left out). Otherwise why not, in words for the feedback: none, or several copies.
fn find_root(dir: &Path) -> Result<PathBuf, String> {
    if is_real_dir(&dir.join("exercises")) {
        return Ok(dir.to_path_buf());
    }
    let walk = walkdir::WalkDir::new(dir).min_depth(1).max_depth(ROOT_DEPTH).into_iter().filter_entry(|e| {
        e.file_name().to_str().is_none_or(|n| n != "__MACOSX" && n != "exercises") && !crate::handin::skipped(Path::new(e.file_name()))
    });
    let mut roots: Vec<(usize, PathBuf)> = walk
        .flatten()
        .filter(|e| e.file_type().is_dir() && is_real_dir(&e.path().join("exercises")))
        .map(|e| (e.depth(), e.path().to_path_buf()))
        .collect();
    let Some(shallowest) = roots.iter().map(|(depth, _)| *depth).min() else {
        return Err(format!(
            "no `exercises/` folder in the submission, at its top or up to {ROOT_DEPTH} folders down: hand in the course's folder (the one holding `exercises/`) or an archive of it"
        ));
    };
    roots.retain(|(depth, _)| *depth == shallowest);
    match roots.as_slice() {
        [(_, root)] => Ok(root.clone()),
        several => {
            let shown: Vec<String> = several.iter().map(|(_, p)| format!("{}/", p.strip_prefix(dir).unwrap_or(p).display())).collect();
            Err(format!(
                "the submission holds {} copies of the course ({}), and the grader cannot tell which to grade: hand in one",
                several.len(),
                shown.join(", ")
            ))
        }
    }
}

fn is_real_dir(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

fn from_folder(dir: &Path, wanted: &[PathBuf]) -> Collected {
    let mut collected = Collected::default();
    let root = match find_root(dir) {
        Ok(root) => root,
        Err(why) => {
            collected.rejected = Some(why);
            return collected;
        }
    };
    for path in wanted {
        match read_inside(&root, path) {
            Ok(Some(bytes)) => {
                collected.files.insert(path.clone(), bytes);
            }
            Ok(None) => {}
            Err(note) => collected.notes.push(note),
        }
    }
    collected
}

/// Reads `root/relative` if it is a regular file reached through real folders only (no
/// component may be a link), at most [`FILE_CAP`] bytes.
fn read_inside(root: &Path, relative: &Path) -> Result<Option<Vec<u8>>, String> {
    let mut path = root.to_path_buf();
    for component in relative.components() {
        path.push(component);
        match std::fs::symlink_metadata(&path) {
            Err(_) => return Ok(None),
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(format!("{} is a symbolic link: links are not followed, the file counts as not submitted", relative.display()));
            }
            Ok(_) => {}
        }
    }
    let meta = std::fs::symlink_metadata(&path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(format!("{} is not a regular file", relative.display()));
    }
    if meta.len() > FILE_CAP {
        return Err(format!("{} is larger than {} KiB: not taken", relative.display(), FILE_CAP >> 10));
    }
    std::fs::read(&path).map(Some).map_err(|e| format!("{}: cannot read it: {e}", relative.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_course_is_found_deep_down_and_copies_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b/c/rust-python");
        std::fs::create_dir_all(deep.join("exercises")).unwrap();
        std::fs::create_dir_all(dir.path().join("a/b/c/rust-python/target/package/exercises")).unwrap();
        assert_eq!(find_root(dir.path()).unwrap(), deep);
        std::fs::create_dir_all(dir.path().join("a/b/c/old-copy/exercises")).unwrap();
        let why = find_root(dir.path()).unwrap_err();
        assert!(why.contains("2 copies") && why.contains("a/b/c/old-copy/") && why.contains("a/b/c/rust-python/"), "{why}");
        let empty = tempfile::tempdir().unwrap();
        assert!(find_root(empty.path()).unwrap_err().contains("no `exercises/` folder"));
    }

    fn sub(id: &str) -> Submission {
        Submission { id: id.into(), source: Source::Folder(PathBuf::from(id)) }
    }

    #[test]
    fn shards_cover_every_submission_once() {
        let all: Vec<Submission> = (0..10).map(|i| sub(&format!("s{i}"))).collect();
        let mut seen = Vec::new();
        for i in 1..=3 {
            seen.extend(shard(all.clone(), (i, 3)).into_iter().map(|s| s.id));
        }
        seen.sort();
        assert_eq!(seen, all.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
        assert_eq!(shard(all, (2, 3)).iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["s1", "s4", "s7"]);
    }

    #[test]
    fn bad_shards_are_explained() {
        assert_eq!(parse_shard("2/4").unwrap(), (2, 4));
        assert!(parse_shard("0/4").is_err() && parse_shard("5/4").is_err() && parse_shard("x").is_err());
    }

    #[test]
    fn files_are_found_under_a_wrapping_folder_and_links_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("rust-python");
        std::fs::create_dir_all(root.join("exercises/p/one/src")).unwrap();
        std::fs::write(root.join("exercises/p/one/src/lib.rs"), "fn a() {}").unwrap();
        std::os::unix::fs::symlink("/etc/hostname", root.join("exercises/p/one/src/two.rs")).unwrap();
        let wanted = [PathBuf::from("exercises/p/one/src/lib.rs"), PathBuf::from("exercises/p/one/src/two.rs")];
        let got = from_folder(dir.path(), &wanted);
        assert_eq!(got.files.len(), 1);
        assert_eq!(got.files[&wanted[0]], b"fn a() {}");
        assert!(got.notes[0].contains("symbolic link"), "{:?}", got.notes);
    }
}
