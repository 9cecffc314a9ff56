//! `marginalia voices PATH... [--csv|--json]`: who is quoted across a corpus, from the analysis
//! of every article the paths name, run on every core.

use std::io::Write;
use std::path::PathBuf;

use super::batch::{Start, Tally, file_len, start};
use crate::corpus::{Voices, voices_of_files};

/// How the table is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for a person.
    Table,
    /// One row per speaker, with a header.
    Csv,
    /// Counts, shares and speakers as one JSON object.
    Json,
}

/// Builds the voices table of every article `inputs` name and prints it; failures are named on
/// `err` and counted.
pub fn run(
    inputs: &[PathBuf],
    format: Format,
    jobs: Option<usize>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Tally> {
    let Start {
        files,
        mut tally,
        pool,
        progress,
    } = start(inputs, jobs, err)?;
    let (voices, failures) =
        pool.install(|| voices_of_files(&files, |file| progress.inc(file_len(file))));
    progress.finish_and_clear();
    for message in &failures {
        writeln!(err, "marginalia: {message}")?;
    }
    tally.failed += failures.len();
    tally.done = voices.articles.len();
    write(&voices, format, out)?;
    Ok(tally)
}

/// Prints the table in `format`.
pub fn write(voices: &Voices, format: Format, out: &mut dyn Write) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &voices.to_json())?;
            writeln!(out)?;
        }
        Format::Csv => write_csv(voices, out)?,
        Format::Table => write_table(voices, out)?,
    }
    Ok(())
}

/// The CSV columns, in order.
const CSV_HEADER: [&str; 8] = [
    "speaker",
    "type",
    "quotes",
    "words_quoted",
    "articles",
    "organisations",
    "first_seen",
    "last_seen",
];

/// One row per speaker, most quoted first; organisations joined with "; ".
fn write_csv(voices: &Voices, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", CSV_HEADER.join(","))?;
    for v in voices.ranked() {
        let orgs = v
            .organisations
            .iter()
            .cloned()
            .collect::<Vec<_>>()
            .join("; ");
        let row = [
            v.name.clone(),
            v.kind.clone(),
            v.quotes.to_string(),
            v.words_quoted.to_string(),
            v.articles.len().to_string(),
            orgs,
            v.first_seen.clone().unwrap_or_default(),
            v.last_seen.clone().unwrap_or_default(),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// A CSV field, quoted when it holds a comma, a quote or a line break; a leading `=`, `+`, `-`
/// or `@` is prefixed with `'` so a spreadsheet shows the name instead of running it.
fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The readable table: the shares, then the speakers most quoted first.
fn write_table(voices: &Voices, out: &mut dyn Write) -> std::io::Result<()> {
    let total = voices.total_quotes();
    let pct = |n: usize| {
        if total == 0 {
            0.0
        } else {
            100.0 * n as f64 / total as f64
        }
    };
    writeln!(
        out,
        "{} articles, {} quotes: {:.0}% people, {:.0}% organisations, {:.0}% other, {:.0}% unattributed",
        voices.articles.len(),
        total,
        pct(voices.by_people),
        pct(voices.by_organisations),
        pct(voices.by_others),
        pct(voices.unattributed)
    )?;
    for v in voices.ranked() {
        let dates = match (&v.first_seen, &v.last_seen) {
            (Some(a), Some(b)) if a == b => a.clone(),
            (Some(a), Some(b)) => format!("{a} – {b}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "  {:<32} {:<7} {:>4} quotes {:>6} words {:>4} articles  {dates}",
            v.name,
            v.kind,
            v.quotes,
            v.words_quoted,
            v.articles.len()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("Doe, Jane"), "\"Doe, Jane\"");
        assert_eq!(csv_cell("the \"boss\""), "\"the \"\"boss\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(csv_cell("Ruto"), "Ruto");
    }
}
