//! The voices table of many files, built on every core: the one way the command line, the app's
//! library and the Python package build it.

use std::path::Path;

use rayon::prelude::*;

use super::Voices;
use crate::analysis;

/// The table of `files` and, sorted, one message per file that could not be read (naming it).
/// `each` is called once per file as it is done, from whichever thread did it: a progress count.
pub fn voices_of_files(
    files: &[impl AsRef<Path> + Sync],
    each: impl Fn(&Path) + Sync,
) -> (Voices, Vec<String>) {
    let (voices, mut failures) = files
        .par_iter()
        .map(|file| {
            let one = voices_of_file(file.as_ref());
            each(file.as_ref());
            one
        })
        .fold(
            || (Voices::default(), Vec::new()),
            |(mut voices, mut failures), one| {
                match one {
                    Ok(v) => voices.merge(v),
                    Err(message) => failures.push(message),
                }
                (voices, failures)
            },
        )
        .reduce(
            || (Voices::default(), Vec::new()),
            |(mut a, mut fa), (b, fb)| {
                a.merge(b);
                fa.extend(fb);
                (a, fa)
            },
        );
    failures.sort();
    (voices, failures)
}

/// The table of one article, or the message that says why it could not be read.
pub fn voices_of_file(file: &Path) -> Result<Voices, String> {
    let doc = crate::document::load(file).map_err(|e| e.to_string())?;
    let analysis = analysis::analyze(&doc);
    let mut voices = Voices::default();
    voices.add(&file.display().to_string(), &doc, &analysis);
    Ok(voices)
}
