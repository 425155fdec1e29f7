//! `cargo xtask pack [--out FILE]`: the archive a student hands in, a `.zip` of the
//! repository's files without its build and cache folders (`handin::SKIPPED_FOLDERS`,
//! the rule the grader unpacks by). Files sit at the archive's top (`exercises/...`), as
//! the grader and Gradescope look for them. Before writing, the files are counted against
//! the grader's caps (`handin::MAX_BYTES`, `handin::MAX_ENTRIES`): an archive the grader
//! would refuse is never written, and the message names the biggest files. Symbolic links
//! are left out (the grader never unpacks one) and said so. Nothing in the repository is
//! changed: the archive is written to a temporary name beside `--out`, then renamed.

use crate::flags::Pack;
use crate::handin;
use crate::ui;
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The default archive, relative to the repository's root: inside `target/`, which is
/// never packed and which git ignores.
pub const DEFAULT_OUT: &str = "target/hand-in.zip";

/// One file to pack: its path inside the repository (and the archive), its size in
/// bytes, and whether it is executable.
struct Packed {
    relative: PathBuf,
    bytes: u64,
    executable: bool,
}

impl Pack {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        let out = self.out.clone().unwrap_or_else(|| ws.path(DEFAULT_OUT));
        if out.extension().is_none_or(|x| x != "zip") {
            bail!("{}: the archive is a .zip; name it FILE.zip", out.display());
        }
        let (files, links) = collect(&ws.root, &out)?;
        check_caps(&files)?;
        write_zip(&ws.root, &files, &out)?;
        let total: u64 = files.iter().map(|f| f.bytes).sum();
        for link in &links {
            ui::line(&format!("Left out {}: a symbolic link (the grader never unpacks one).", link.display()));
        }
        let shown = out.strip_prefix(&ws.root).unwrap_or(&out);
        ui::line(&format!("The archive to hand in is {} ({} files, {:.1} MiB before compression).", shown.display(), files.len(), total as f64 / (1 << 20) as f64));
        ui::line(&format!("Left out: {} (builds and caches the grader never reads).", handin::SKIPPED_FOLDERS.join(", ")));
        Ok(ExitCode::SUCCESS)
    }
}

/// Every regular file under `root` outside [`handin::SKIPPED_FOLDERS`], sorted by path,
/// but `out` itself; and the symbolic links left out.
///
/// # Errors
/// When a folder or a file's metadata cannot be read (the message names its path).
fn collect(root: &Path, out: &Path) -> Result<(Vec<Packed>, Vec<PathBuf>)> {
    let out = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    let mut files = Vec::new();
    let mut links = Vec::new();
    let walk = walkdir::WalkDir::new(root).sort_by_file_name().into_iter().filter_entry(|e| {
        e.path().strip_prefix(root).is_ok_and(|relative| !handin::skipped(relative))
    });
    for entry in walk {
        let entry = entry.with_context(|| format!("reading {}", root.display()))?;
        let relative = entry.path().strip_prefix(root).context("a path outside the repository")?.to_path_buf();
        if entry.path_is_symlink() {
            links.push(relative);
        } else if entry.file_type().is_file() && entry.path() != out {
            let metadata = entry.metadata().with_context(|| format!("reading {}", entry.path().display()))?;
            files.push(Packed { relative, bytes: metadata.len(), executable: is_executable(&metadata) });
        }
    }
    Ok((files, links))
}

/// Refuses what the grader would refuse: more than [`handin::MAX_BYTES`] or
/// [`handin::MAX_ENTRIES`] files, naming the biggest files.
fn check_caps(files: &[Packed]) -> Result<()> {
    let total: u64 = files.iter().map(|f| f.bytes).sum();
    if total <= handin::MAX_BYTES && files.len() <= handin::MAX_ENTRIES {
        return Ok(());
    }
    let mut biggest: Vec<&Packed> = files.iter().collect();
    biggest.sort_by_key(|f| std::cmp::Reverse(f.bytes));
    let list: Vec<String> = biggest.iter().take(5).map(|f| format!("  {} ({:.1} MiB)", f.relative.display(), f.bytes as f64 / (1 << 20) as f64)).collect();
    bail!(
        "the archive would hold {} files, {:.1} MiB, and the grader takes at most {} files, {} MiB (build and cache folders not counted); the biggest files:\n{}\nMove what is not course work out of the repository, then run `cargo xtask pack` again.",
        files.len(),
        total as f64 / (1 << 20) as f64,
        handin::MAX_ENTRIES,
        handin::MAX_BYTES >> 20,
        list.join("\n")
    )
}

#[cfg(unix)]
fn is_executable(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    metadata.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn is_executable(_: &std::fs::Metadata) -> bool {
    false
}

/// Writes `files` (relative to `root`) into the zip `out`, through a temporary file
/// beside it, so that an interrupted run leaves no half archive under the name.
fn write_zip(root: &Path, files: &[Packed], out: &Path) -> Result<()> {
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs_err::create_dir_all(parent)?;
    }
    let tmp = out.with_extension("zip.tmp");
    let mut zip = zip::ZipWriter::new(fs_err::File::create(&tmp)?);
    for file in files {
        let name = file.relative.to_string_lossy().replace('\\', "/");
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(file.bytes >= u32::MAX as u64)
            .unix_permissions(if file.executable { 0o755 } else { 0o644 });
        zip.start_file(name.as_str(), options).with_context(|| format!("adding {name} to {}", out.display()))?;
        let mut source = fs_err::File::open(root.join(&file.relative))?;
        std::io::copy(&mut source, &mut zip).with_context(|| format!("adding {name} to {}", out.display()))?;
    }
    zip.finish().with_context(|| format!("writing {}", out.display()))?.flush()?;
    fs_err::rename(&tmp, out)?;
    Ok(())
}
