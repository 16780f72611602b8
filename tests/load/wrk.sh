#!/usr/bin/env bash
# Load test of the preview server on loopback: 30 s of wrk against a page, the law page and a
# missing page, while the server also watches for changes. Needs Debian's wrk (apt-get install wrk).
#   bash tests/load/wrk.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
port=5181
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk"; exit 1; }
dotnet build -c Release generator >/dev/null
out=$(mktemp -d)
dotnet generator/bin/Release/net10.0/publicedu.dll serve --port "$port" --out "$out/_preview" >"$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$out"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.2; done
for path in / /laws/fire-protection-law/ /no-such-page/; do
  echo "== $path"
  wrk -t2 -c32 -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency|Non-2xx|Socket errors|requests in|99%"
done
kill -0 $server && echo "server still running"
