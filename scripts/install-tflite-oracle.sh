#!/usr/bin/env bash
# Installs TFLite's own runtime for the tests' oracle (tests/oracle): npm @tensorflow/tfjs-tflite
# 0.0.1-alpha.10, whose WebAssembly build Node runs, into build/tflite-oracle (git-ignored), unless it
# is there already. Needs node and npm (Debian nodejs and npm: install-debian-packages.sh tests).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
folder="$root/build/tflite-oracle"
version=0.0.1-alpha.10
installed="$folder/node_modules/@tensorflow/tfjs-tflite/package.json"
if [ -f "$installed" ] && grep -q "\"version\": \"$version\"" "$installed"; then exit 0; fi
mkdir -p "$folder"
[ -f "$folder/package.json" ] || echo '{"private": true}' > "$folder/package.json"
echo "Installing @tensorflow/tfjs-tflite@$version into $folder"
npm install --prefix "$folder" --no-audit --no-fund --loglevel=error "@tensorflow/tfjs-tflite@$version" >/dev/null
