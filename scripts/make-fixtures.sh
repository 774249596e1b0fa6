#!/usr/bin/env bash
# Regenerates the scikit-learn reference fixtures in test/fixtures/ (needs Debian's python3-sklearn:
# apt-get install -y python3-sklearn python3-pandas). Tests read the committed JSON; they never need Python.
set -euo pipefail
cd "$(dirname "$0")/.."
for script in scripts/fixtures/*.py; do
  echo "== $script"
  /usr/bin/python3 "$script"
done
# Parquet / Arrow fixtures come from independent writers (arrow-rs via parquet-wasm, apache-arrow, the zstd and lz4 commands).
echo "== scripts/fixtures/columnar.ts"
npx tsx scripts/fixtures/columnar.ts
