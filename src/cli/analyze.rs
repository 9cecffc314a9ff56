//! `marginalia analyze FILE [--json]`: the analysis as JSON (see `shared/spec/analysis-json.md`)
//! or as a summary a person reads: quotes by speaker, entities by type, figures with values.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::analysis::{self, Analysis, EntityType, FigureValue};

/// The JSON document `analyze --json` prints.
pub(super) use crate::analysis::report::ArticleReport as Output;

/// Prints the analysis of `file`, as JSON or as a readable summary; with `explain`, each
/// entity's reasons for its type too.
pub fn run(file: &Path, json: bool, explain: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let doc = crate::document::load(file)?;
    let mut analysis = analysis::analyze(&doc);
    if !explain {
        analysis.drop_reasons();
    }
    if json {
        let output = Output {
            file: file.display().to_string(),
            chars: doc.char_len(),
            analysis: &analysis,
        };
        serde_json::to_writer_pretty(&mut *out, &output)?;
        writeln!(out)?;
    } else {
        write_summary(&file.display().to_string(), &analysis, out)?;
    }
    Ok(())
}

/// One mention with the name typer's features, a line of `analyze --typer-features`.
#[derive(Serialize)]
struct MentionFeatures<'a> {
    start: usize,
    end: usize,
    text: String,
    entity: usize,
    features: &'a [String],
}

/// Prints every entity mention of `file` with the name typer's features, one JSON object a line.
pub fn run_typer_features(file: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let doc = crate::document::load(file)?;
    for (start, end, entity, features) in analysis::typer_features(&doc.text) {
        let text = doc.text.chars().skip(start).take(end - start).collect();
        let line = MentionFeatures {
            start,
            end,
            text,
            entity,
            features: &features,
        };
        serde_json::to_writer(&mut *out, &line)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Prints every gendered pronoun of `file` with its candidate antecedents, one JSON object a line.
pub fn run_pronoun_features(file: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let doc = crate::document::load(file)?;
    for case in analysis::pronoun_features(&doc.text) {
        serde_json::to_writer(&mut *out, &case)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Prints every attributed quotation of `file` with its candidate speakers, one JSON object a line.
pub fn run_speaker_features(file: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let doc = crate::document::load(file)?;
    for case in analysis::speaker_features(&doc.text) {
        serde_json::to_writer(&mut *out, &case)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Longest quote text shown in the summary, in chars.
const QUOTE_PREVIEW: usize = 90;

/// Writes the readable summary of `analysis`.
pub fn write_summary(file: &str, analysis: &Analysis, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{file}: {} quotes, {} entities, {} figures",
        analysis.quotes.len(),
        analysis.entities.len(),
        analysis.figures.len()
    )?;
    let mut by_speaker: BTreeMap<String, Vec<&analysis::Quote>> = BTreeMap::new();
    for q in &analysis.quotes {
        let who = q
            .speaker
            .as_ref()
            .map_or_else(|| "(no speaker)".to_string(), |s| s.name.clone());
        by_speaker.entry(who).or_default().push(q);
    }
    if !by_speaker.is_empty() {
        writeln!(out, "\nQuotes")?;
    }
    for (who, quotes) in &by_speaker {
        writeln!(out, "  {who} ({})", quotes.len())?;
        for q in quotes {
            writeln!(out, "    {}", preview(&q.text))?;
            if let Some(why) = &q.why {
                write_why(why, out)?;
            }
        }
    }
    for kind in [
        EntityType::Person,
        EntityType::Org,
        EntityType::Place,
        EntityType::Norp,
    ] {
        let mut ents: Vec<_> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .collect();
        if ents.is_empty() {
            continue;
        }
        ents.sort_by(|a, b| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then(a.name.cmp(&b.name))
        });
        writeln!(out, "\n{}", type_label(kind))?;
        for e in ents {
            let roles = if e.roles.is_empty() {
                String::new()
            } else {
                format!(" — {}", e.roles.join(", "))
            };
            writeln!(out, "  {} ×{}{roles}", e.name, e.mentions.len())?;
            if let Some(why) = &e.why {
                write_why(why, out)?;
            }
        }
    }
    if !analysis.figures.is_empty() {
        writeln!(out, "\nFigures")?;
    }
    for f in &analysis.figures {
        let value = match &f.value {
            Some(FigureValue::Number(n)) => format!("{n}"),
            Some(FigureValue::Date(d)) => d.clone(),
            None => "—".to_string(),
        };
        let kind = serde_json::to_value(f.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let counted = f
            .counted
            .as_ref()
            .map_or_else(String::new, |c| format!(" ({c})"));
        let approx = if f.approximate { " ~" } else { "" };
        writeln!(out, "  {:<9} {} = {value}{approx}{counted}", kind, f.text)?;
    }
    Ok(())
}

/// The scores and deciding features of one entity, on two indented lines.
fn write_why(why: &analysis::Why, out: &mut dyn Write) -> std::io::Result<()> {
    let list = |items: &[analysis::Weighed]| {
        items
            .iter()
            .map(|w| format!("{} {:+.2}", w.name, w.weight))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out, "      scores: {}", list(&why.scores))?;
    writeln!(out, "      because: {}", list(&why.features))
}

fn type_label(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "People",
        EntityType::Org => "Organisations",
        EntityType::Place => "Places",
        EntityType::Norp => "Nationalities and groups",
    }
}

fn preview(q: &str) -> String {
    if q.chars().count() <= QUOTE_PREVIEW {
        return q.to_string();
    }
    let cut: String = q.chars().take(QUOTE_PREVIEW).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn summary_groups_quotes_by_speaker_and_counts_mentions() {
        let doc = Document::from_text(
            "President William Ruto spoke in Nairobi. “We are ready,” Ruto said. “It is winnable.”",
        );
        let a = analysis::analyze(&doc);
        let mut out = Vec::new();
        write_summary("x.txt", &a, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("William Ruto (2)"), "{s}");
        assert!(s.contains("William Ruto ×2 — president"), "{s}");
        assert!(s.contains("Places\n  Nairobi ×1"), "{s}");
    }
}
