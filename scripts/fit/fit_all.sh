#!/usr/bin/env bash
# Fits every weights file in assets/models/ from GUM, in order, rebuilding in between (the
# pronoun resolver's candidates come from the name typer's entities).
#
#   pip install scikit-learn
#   scripts/fit/fit_all.sh PATH/TO/UD_English-GUM/not-to-release/sources
set -euo pipefail
cd "$(dirname "$0")/../.."
gum="${1:?usage: scripts/fit/fit_all.sh GUM_SOURCES_DIR}"
work="$(mktemp -d)"
bin="${CARGO_TARGET_DIR:-target}/release/marginalia"
cargo build --release --quiet
python3 scripts/fit/fit_entity_types.py --gum "$gum" --bin "$bin" --work "$work"
cargo build --release --quiet
python3 scripts/fit/fit_pronouns.py --gum "$gum" --bin "$bin" --work "$work"
cargo build --release --quiet
# The speaker choice reads the previous quotation's speaker, so it is fitted from the rules' own
# choices: its weights file is emptied to its header first.
head -n 1 assets/models/quote_speakers.tsv > "$work/quote_speakers.tsv"
cp "$work/quote_speakers.tsv" assets/models/quote_speakers.tsv
cargo build --release --quiet
python3 scripts/fit/fit_speakers.py --gum "$gum" --bin "$bin" --work "$work"
cargo build --release --quiet
echo "weights written to assets/models/; the release binary carries them"
