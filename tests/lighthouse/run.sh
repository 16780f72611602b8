#!/usr/bin/env bash
# Lighthouse scores for the home, a law, a self-check and the search page of a served build.
# Uses npm's lighthouse@12.2.3 with Debian's Chromium; not part of .ci/run (it is slow).
#   bash tests/lighthouse/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=${LIGHTHOUSE_WORK:-/tmp/publicedu-lighthouse}
mkdir -p "$work"
[ -x "$work/node_modules/.bin/lighthouse" ] || (cd "$work" && npm install --no-audit --no-fund lighthouse@12.2.3 >/dev/null)
dotnet build -c Release generator >/dev/null
site=$(mktemp -d)
dotnet generator/bin/Release/net10.0/publicedu.dll build --out "$site/_site" >/dev/null
port=5182
# Served with gzip, as any production web server or CDN would serve it.
python3 tests/lighthouse/gzip_server.py "$port" "$site/_site" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$site"' EXIT
sleep 1
export CHROME_PATH=${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}
printf '| page | performance | accessibility | best practices | SEO |\n| --- | ---: | ---: | ---: | ---: |\n'
for path in / /laws/fire-protection-law/ /selfchecks/small-hotel/ "/search/?q=%E7%81%AD%E7%81%AB%E5%99%A8"; do
  "$work/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$path" --quiet --output=json --output-path="$site/report.json" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>&1 || { echo "| $path | lighthouse failed | | | |"; continue; }
  node -e '
    const r = require(process.argv[1]); const c = r.categories;
    const s = (k) => Math.round(c[k].score * 100);
    console.log(`| ${process.argv[2]} | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} |`);
  ' "$site/report.json" "$path"
done
