//! The hostile corpus (`tests/hostile/`, plus special and large files made here): every command
//! on every bad article and every bad annotations file must end within seconds, with a correct
//! result or one line on standard error that names the file, within bounded memory, without a
//! panic, and leave the user's files byte for byte as they were.

// Helpers outside `#[test]` functions panic on purpose: a panic there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Generous: a debug build on a busy machine. The bound that matters is "not minutes".
/// Makes one special or huge file at the given path.
type MakeFile = Box<dyn Fn(&Path)>;

const TIME_LIMIT: Duration = Duration::from_secs(40);
/// Peak resident memory allowed for one command.
const MEMORY_LIMIT_KB: u64 = 1_500_000;

fn corpus(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(folder);
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/haiti-kenya.txt")
}

/// What one run did.
struct Outcome {
    success: bool,
    stderr: String,
    elapsed: Duration,
    peak_kb: u64,
}

/// Runs the binary with `args`, killing it at the time limit, and watches its peak memory.
fn run(args: &[&std::ffi::OsStr]) -> Outcome {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_marginalia"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        peak_kb = peak_kb.max(peak_memory_kb(&status_file));
        if started.elapsed() > TIME_LIMIT {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("{args:?}: still running after {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let mut stderr = String::new();
    use std::io::Read;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    Outcome {
        success: status.success(),
        stderr,
        elapsed: started.elapsed(),
        peak_kb,
    }
}

/// `VmHWM` (peak resident set) of a running process, 0 where /proc does not say.
fn peak_memory_kb(status_file: &str) -> u64 {
    fs::read_to_string(status_file)
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Every regular file under `dir` with its bytes (links and special files by their kind).
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = fs::symlink_metadata(entry.path()).unwrap().file_type();
        let bytes = if kind.is_file() {
            fs::read(entry.path()).unwrap()
        } else {
            format!("{kind:?}").into_bytes()
        };
        files.insert(name, bytes);
    }
    files
}

/// Checks one outcome: in time, in memory, no panic, and either success or one line naming `file`.
fn check(label: &str, outcome: &Outcome, file: &Path, slowest: &mut (Duration, String, u64)) {
    assert!(
        !outcome.stderr.contains("panicked"),
        "{label}: panicked: {}",
        outcome.stderr
    );
    assert!(
        outcome.peak_kb < MEMORY_LIMIT_KB,
        "{label}: peak memory {} MB",
        outcome.peak_kb / 1000
    );
    if !outcome.success {
        let lines: Vec<&str> = outcome.stderr.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 1, "{label}: error is not one line: {lines:?}");
        let name = file.file_name().unwrap().to_string_lossy();
        assert!(
            lines[0].contains(name.as_ref()),
            "{label}: the error does not name {name}: {}",
            lines[0]
        );
    }
    if outcome.elapsed > slowest.0 {
        *slowest = (outcome.elapsed, label.to_string(), outcome.peak_kb);
    }
}

const READERS: &[&[&str]] = &[
    &["text"],
    &["analyze", "--json"],
    &["annotations", "--json"],
    &["export", "--format", "w3c"],
    &["export", "--format", "markdown"],
    &["export", "--format", "html"],
    &["export", "--format", "csv"],
];

/// Runs every reading command on `article` in `dir`; the folder must not change.
fn read_everything(dir: &Path, article: &Path, case: &str, slowest: &mut (Duration, String, u64)) {
    let before = snapshot(dir);
    for command in READERS {
        let mut args: Vec<&std::ffi::OsStr> = vec![command[0].as_ref(), article.as_os_str()];
        args.extend(command[1..].iter().map(|a| std::ffi::OsStr::new(*a)));
        let outcome = run(&args);
        let label = format!("{case}: {}", command.join(" "));
        let named = if outcome.stderr.contains(".annotations.json") {
            dir.join("story.txt.annotations.json")
        } else {
            article.to_path_buf()
        };
        check(&label, &outcome, &named, slowest);
        assert!(snapshot(dir) == before, "{label}: changed the folder");
    }
}

#[test]
fn every_command_survives_every_hostile_sidecar() {
    let mut slowest = (Duration::ZERO, String::new(), 0);
    for file in corpus("sidecars") {
        let case = file.file_stem().unwrap().to_string_lossy().into_owned();
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("story.txt");
        fs::copy(sample(), &article).unwrap();
        fs::copy(&file, dir.path().join("story.txt.annotations.json")).unwrap();
        read_everything(dir.path(), &article, &case, &mut slowest);
        import_into_clean_target(&file, &case, &mut slowest);
    }
    eprintln!(
        "slowest: {} in {:?}, {} MB",
        slowest.1,
        slowest.0,
        slowest.2 / 1000
    );
}

/// Imports a hostile file into an article with a valid sidecar: a failure leaves the folder as
/// it was; a success keeps the target's notes and its unknown fields.
fn import_into_clean_target(other: &Path, case: &str, slowest: &mut (Duration, String, u64)) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("target.txt");
    fs::copy(sample(), &article).unwrap();
    let side = dir.path().join("target.txt.annotations.json");
    let text = fs::read_to_string(sample()).unwrap();
    let own = marginalia::annotations::Annotation::new_on(&text, 10, 20, "Owner");
    let mut sidecar = marginalia::annotations::sidecar::empty_sidecar(Default::default());
    sidecar.article.file = "target.txt".into();
    sidecar
        .extra
        .insert("x-keep".into(), serde_json::json!("me"));
    sidecar.annotations.push(own.clone());
    marginalia::annotations::sidecar::write_sidecar(&side, &sidecar).unwrap();
    let before = snapshot(dir.path());
    let outcome = run(&["import".as_ref(), article.as_os_str(), other.as_os_str()]);
    check(&format!("{case}: import"), &outcome, other, slowest);
    if outcome.success {
        let after = fs::read_to_string(&side).unwrap();
        assert!(
            after.contains(&own.id),
            "{case}: import lost the target's note"
        );
        assert!(
            after.contains("x-keep"),
            "{case}: import lost an unknown field"
        );
        let names: Vec<String> = snapshot(dir.path()).into_keys().collect();
        assert_eq!(names, vec!["target.txt", "target.txt.annotations.json"]);
    } else {
        assert!(
            snapshot(dir.path()) == before,
            "{case}: a failed import changed the folder"
        );
    }
}

#[test]
fn every_command_survives_every_hostile_article() {
    let mut slowest = (Duration::ZERO, String::new(), 0);
    for file in corpus("articles") {
        let case = file.file_name().unwrap().to_string_lossy().into_owned();
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join(&case);
        fs::copy(&file, &article).unwrap();
        read_everything(dir.path(), &article, &case, &mut slowest);
    }
    eprintln!("slowest: {} in {:?}", slowest.1, slowest.0);
}

/// Makes a FIFO at `path` with the system's `mkfifo`.
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn special_and_huge_articles_are_refused_or_read_in_bounded_time() {
    use std::os::unix::fs::symlink;
    let mut slowest = (Duration::ZERO, String::new(), 0);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: Vec<(&str, MakeFile)> = vec![
        ("fifo.txt", Box::new(mkfifo)),
        ("zero.txt", Box::new(|p| symlink("/dev/zero", p).unwrap())),
        (
            "random.txt",
            Box::new(|p| symlink("/dev/urandom", p).unwrap()),
        ),
        ("folder.txt", Box::new(|p| fs::create_dir(p).unwrap())),
        ("loop.txt", Box::new(|p| symlink(p, p).unwrap())),
        (
            "nested-100k.html",
            Box::new(|p| {
                let page = format!(
                    "<html><body><article>{}<p>Deep text.</p>{}</article></body></html>",
                    "<div>".repeat(100_000),
                    "</div>".repeat(100_000)
                );
                fs::write(p, page).unwrap();
            }),
        ),
        (
            "long-line.txt",
            Box::new(|p| fs::write(p, "word ".repeat(400_000)).unwrap()),
        ),
        (
            "million-lines.txt",
            Box::new(|p| fs::write(p, "a\n".repeat(1_000_000)).unwrap()),
        ),
        (
            "too-large.txt",
            Box::new(|p| {
                let f = fs::File::create(p).unwrap();
                f.set_len(marginalia::document::MAX_FILE_BYTES + 1).unwrap();
            }),
        ),
    ];
    for (name, make) in cases {
        let case_dir = d.join(name.replace('.', "-"));
        fs::create_dir(&case_dir).unwrap();
        let article = case_dir.join(name);
        make(&article);
        read_everything(&case_dir, &article, name, &mut slowest);
    }
    eprintln!("slowest: {} in {:?}", slowest.1, slowest.0);
}

#[cfg(unix)]
#[test]
fn special_and_huge_sidecars_are_refused_with_their_name() {
    use std::os::unix::fs::symlink;
    let mut slowest = (Duration::ZERO, String::new(), 0);
    let text = fs::read_to_string(sample()).unwrap();
    let cases: Vec<(&str, MakeFile)> = vec![
        ("fifo", Box::new(mkfifo)),
        ("dev-zero", Box::new(|p| symlink("/dev/zero", p).unwrap())),
        ("folder", Box::new(|p| fs::create_dir(p).unwrap())),
        (
            "60-mb",
            Box::new(|p| {
                let pad = "x".repeat(60_000_000);
                let json = format!(
                    r#"{{"format":"marginalia.annotations","version":1,"article":{{"file":"story.txt"}},"annotations":[],"x-pad":"{pad}"}}"#
                );
                fs::write(p, json).unwrap();
            }),
        ),
        (
            "210k-notes",
            Box::new(move |p| {
                let one = marginalia::annotations::Annotation::new_on(&text, 0, 1, "A");
                let one = serde_json::to_string(&one).unwrap();
                let list = vec![one.as_str(); 210_000].join(",");
                let json = format!(
                    r#"{{"format":"marginalia.annotations","version":1,"article":{{"file":"story.txt"}},"annotations":[{list}]}}"#
                );
                fs::write(p, json).unwrap();
            }),
        ),
    ];
    for (name, make) in cases {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("story.txt");
        fs::copy(sample(), &article).unwrap();
        let side = dir.path().join("story.txt.annotations.json");
        make(&side);
        read_everything(dir.path(), &article, name, &mut slowest);
        if Path::new(&side).is_file() {
            import_into_clean_target(&side, name, &mut slowest);
        }
    }
    eprintln!("slowest: {} in {:?}", slowest.1, slowest.0);
}
