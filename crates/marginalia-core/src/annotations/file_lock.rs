//! An advisory lock that serialises every writer of one sidecar (the app's saves, `import`, a
//! second window), so that "read the file, merge, rename over it" happens as one step and no
//! writer replaces a file another writer has just changed.
//!
//! The lock is taken on the sidecar's folder, which always exists when a sidecar is written and is
//! never replaced, so no lock file is ever left beside the user's files. On platforms where a
//! folder cannot be opened as a file, a hidden `.NAME.lock` file beside the sidecar is used
//! instead. The lock is released when the guard is dropped, or by the OS when the process dies,
//! so a killed writer never leaves it held.

use std::fs::File;
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a writer waits for another to finish before it gives up with an error.
const WAIT_AT_MOST: Duration = Duration::from_secs(30);
/// How often a waiting writer tries again.
const RETRY_EVERY: Duration = Duration::from_millis(5);

/// Holds the lock for one sidecar until dropped.
#[derive(Debug)]
pub struct WriteLock {
    file: File,
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        // Closing the file releases the lock as well; unlocking first just makes it prompt.
        let _ = self.file.unlock();
    }
}

/// Takes the write lock of the sidecar at `sidecar`, waiting while another writer holds it.
/// Fails when the lock cannot be had within [`WAIT_AT_MOST`], or the folder cannot be opened.
pub fn lock_for_writing(sidecar: &Path) -> io::Result<WriteLock> {
    lock_within(sidecar, WAIT_AT_MOST)
}

fn lock_within(sidecar: &Path, wait: Duration) -> io::Result<WriteLock> {
    let file = open_lock_target(sidecar)?;
    let started = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(WriteLock { file }),
            Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < wait => {
                std::thread::sleep(RETRY_EVERY);
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "another program kept the file locked for too long; try again",
                ));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

#[cfg(unix)]
fn open_lock_target(sidecar: &Path) -> io::Result<File> {
    File::open(super::atomic_write::folder_of(sidecar))
}

#[cfg(not(unix))]
fn open_lock_target(sidecar: &Path) -> io::Result<File> {
    let name = sidecar
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "annotations".to_string());
    let path = super::atomic_write::folder_of(sidecar).join(format!(".{name}.lock"));
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_until_the_first_is_done() {
        let dir = tempfile::tempdir().unwrap();
        let side = dir.path().join("a.txt.annotations.json");
        let first = lock_for_writing(&side).unwrap();
        let err = lock_within(&side, Duration::from_millis(50)).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);
        drop(first);
        lock_within(&side, Duration::from_millis(50)).unwrap();
    }

    #[test]
    fn locking_leaves_no_file_behind() {
        let dir = tempfile::tempdir().unwrap();
        let side = dir.path().join("a.txt.annotations.json");
        drop(lock_for_writing(&side).unwrap());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let side = dir.path().join("gone").join("a.txt.annotations.json");
        assert!(lock_for_writing(&side).is_err());
    }
}
