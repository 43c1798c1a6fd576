#!/usr/bin/env bash
# Install the Debian packages listed in the given files that are not installed yet.
# Usage: scripts/install-system.sh requirements/debian.txt [requirements/debian-test.txt]
set -euo pipefail

missing=()
for list in "$@"; do
  while read -r package; do
    package="${package%%#*}"; package="${package// /}"
    [ -n "$package" ] || continue
    # A command that is already on the machine (from another source) counts as present.
    case "$package" in
      default-jre-headless) command -v java >/dev/null 2>&1 && continue ;;
      nodejs) command -v node >/dev/null 2>&1 && continue ;;
      npm) command -v npm >/dev/null 2>&1 && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done < "$list"
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-system: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "install-system: run as root, or install them yourself: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
