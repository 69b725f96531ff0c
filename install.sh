#!/usr/bin/env bash
# Builds TuiProf in Release, packs it as a .NET tool and installs (or upgrades) it for this user.
# Usage: ./install.sh [TOOL_PATH]   (default: a global tool in ~/.dotnet/tools)
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install.sh: the .NET 10 SDK is needed (dotnet not found on PATH); see https://dot.net" >&2
  exit 1
fi
if ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "install.sh: the .NET 10 SDK is needed; found: $(dotnet --list-sdks | tr '\n' ' ')" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
packages="$PWD/artifacts/packages"
rm -rf "$packages"
dotnet pack src/TuiProf/TuiProf.csproj -c Release -o "$packages" --nologo -v quiet >&2

if [ $# -ge 1 ]; then
  where=(--tool-path "$1")
  bin="$1"
else
  where=(--global)
  bin="$HOME/.dotnet/tools"
fi
# 'update' installs when missing and upgrades when present, so running this again is safe.
dotnet tool update "${where[@]}" --add-source "$packages" TuiProf >&2
echo "installed: $bin/tuiprof" >&2
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "note: $bin is not on your PATH; run it as $bin/tuiprof or add: export PATH=\"\$PATH:$bin\"" >&2 ;;
esac
