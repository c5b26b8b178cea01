#!/usr/bin/env bash
# Runs Lighthouse on the example site's home page and one topic page, served under
# /site-gen-example/ on 127.0.0.1 the way GitHub Pages serves a project site, and prints the four
# category scores. A measurement, not a test: scores vary a little from run to run.
#
# usage: scripts/lighthouse.sh [SITE_DIR]   (default: example-site/target/site-gen, built with
#        ./mvnw package -DskipTests -Dsite-gen.baseUrl=https://example.github.io/site-gen-example)
# needs: node 20+ and npm (Lighthouse 12.2.3 is installed once into ~/.cache/site-gen-lighthouse),
#        Chromium at /usr/bin/chromium (or CHROME_PATH), python3.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SITE=$(cd "${1:-$ROOT/example-site/target/site-gen}" && pwd)
CACHE=${SITE_GEN_LIGHTHOUSE_CACHE:-$HOME/.cache/site-gen-lighthouse}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "Chromium not found at $CHROME_PATH (apt-get install chromium)" >&2; exit 2; }
if [ ! -x "$CACHE/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$CACHE"
  (cd "$CACHE" && npm install --silent --no-audit --no-fund lighthouse@12.2.3 >/dev/null)
fi
SERVE=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$SERVE"' EXIT
ln -s "$SITE" "$SERVE/site-gen-example"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$SERVE" >/dev/null 2>&1 &
SERVER=$!
sleep 1
TOPIC=$(cd "$SITE" && ls -d */index.html | grep -v '^assets/' | head -n 1)
printf '%-40s %5s %5s %5s %5s\n' page perf a11y bp seo
for page in index.html "$TOPIC"; do
  OUT="$SERVE/report.json"
  "$CACHE/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/site-gen-example/$page" --quiet --output=json \
    --output-path="$OUT" --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" >/dev/null 2>&1
  python3 - "$OUT" "$page" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c = r["categories"]
s = lambda k: round(c[k]["score"] * 100)
print(f'{sys.argv[2]:<40} {s("performance"):>5} {s("accessibility"):>5} {s("best-practices"):>5} {s("seo"):>5}')
for k in c:
    for ref in c[k]["auditRefs"]:
        a = r["audits"][ref["id"]]
        if ref["weight"] > 0 and a.get("score") is not None and a["score"] < 1:
            print(f'    {k}: {a["id"]}: {a["title"]} ({a["score"]})')
PY
done
