//! Writing user files so that a crash or power loss leaves the old file or the new one, never a
//! broken one, and keeping a broken file aside instead of deleting it.
//!
//! The new content goes to a temporary file in the same folder (so the rename cannot cross file
//! systems), is flushed and synced, and is then renamed over the old file; the folder is synced
//! afterwards so the rename itself survives a power loss. Until the rename succeeds the old file
//! is untouched.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Replaces `path` with `bytes` atomically (see the module doc). The temporary file is removed
/// if anything fails before the rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = folder_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_string());
    let (tmp_path, mut tmp) = create_temp(&dir, &name)?;
    let result = (|| {
        tmp.write_all(bytes)?;
        tmp.flush()?;
        tmp.sync_all()?;
        drop(tmp);
        fs::rename(&tmp_path, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp_path);
        return Err(e);
    }
    sync_folder(&dir);
    remove_stale_temps(&dir, &name);
    Ok(())
}

/// Temporary files older than this are left over from a crash and may be removed.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes temporary files of `name` that a crashed writer left behind (older than an hour, so a
/// write in progress in another process is never touched). Failures are ignored: the files are
/// only clutter.
fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !(file_name.starts_with(&prefix) && file_name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Moves a broken file aside as `NAME.broken-<time>` in the same folder (a rename: nothing is
/// deleted) and returns the new path.
pub fn keep_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = time::OffsetDateTime::now_utc();
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        stamp.year(),
        u8::from(stamp.month()),
        stamp.day(),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    );
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = folder_of(path);
    let mut target = dir.join(format!("{name}.broken-{stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!("{name}.broken-{stamp}-{n}"));
    }
    fs::rename(path, &target)?;
    sync_folder(&dir);
    Ok(target)
}

pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    for attempt in 0..100u32 {
        let nonce = uuid::Uuid::new_v4().simple().to_string();
        let tmp = dir.join(format!(".{name}.{pid}.{}.tmp", &nonce[..8]));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 99 => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("could not create a temporary file"))
}

/// Syncs a folder so a rename in it is durable. Not every platform can open a folder; failing
/// to sync it does not undo the write, so errors are ignored.
fn sync_folder(dir: &Path) {
    if let Ok(f) = File::open(dir) {
        let _ = f.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        write_atomic(&p, b"old").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn stale_temp_files_of_the_same_file_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        let stale = dir.path().join(".a.json.99999.deadbeef.tmp");
        let fresh = dir.path().join(".a.json.99998.cafef00d.tmp");
        let other = dir.path().join(".b.json.99999.deadbeef.tmp");
        for f in [&stale, &fresh, &other] {
            fs::write(f, b"partial").unwrap();
        }
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        for f in [&stale, &other] {
            File::options()
                .write(true)
                .open(f)
                .unwrap()
                .set_modified(two_hours_ago)
                .unwrap();
        }
        write_atomic(&p, b"new").unwrap();
        assert!(!stale.exists());
        assert!(
            fresh.exists(),
            "a recent temporary file may be a write in progress"
        );
        assert!(
            other.exists(),
            "another file's temporary files are not ours"
        );
    }

    #[test]
    fn keep_aside_renames_and_never_deletes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.txt.annotations.json");
        fs::write(&p, b"{broken").unwrap();
        let aside = keep_aside(&p).unwrap();
        assert!(!p.exists());
        assert_eq!(fs::read(&aside).unwrap(), b"{broken");
        let name = aside.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("s.txt.annotations.json.broken-"), "{name}");
    }
}
