#!/usr/bin/env bash
# Installs the HAX Lab app image for the current user: a launcher on the PATH (~/.local/bin/haxlab),
# a desktop entry and an icon. Run from the image: app/target/dist/haxlab/share/install.sh
# Uninstall: rm ~/.local/bin/haxlab ~/.local/share/applications/haxlab.desktop ~/.local/share/icons/hicolor/256x256/apps/haxlab.png
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
image="$(dirname "$here")"
launcher="$image/bin/haxlab"
[[ -x "$launcher" ]] || { echo "install.sh: $launcher not found; run this script from inside the app image" >&2; exit 1; }
data="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$HOME/.local/bin" "$data/applications" "$data/icons/hicolor/256x256/apps"
ln -sf "$launcher" "$HOME/.local/bin/haxlab"
cp "$here/haxlab.png" "$data/icons/hicolor/256x256/apps/haxlab.png"
sed "s|^Exec=.*|Exec=$launcher|" "$here/haxlab.desktop" > "$data/applications/haxlab.desktop"
echo "Installed: $HOME/.local/bin/haxlab -> $launcher, desktop entry in $data/applications"
