#!/bin/sh
# Installs the pygen binary from its GitHub releases:
#
#   curl -fsSL https://raw.githubusercontent.com/cognitedata/pygen/main/install.sh | sh
#   curl -fsSL .../install.sh | sh -s -- --version 0.1.0 --dir /usr/local/bin
#
# Picks the archive for this OS and CPU (glibc or musl on Linux; Git Bash on Windows), checks it against the release's SHA256SUMS and
# only then puts `pygen` in place, with one rename: a failed or interrupted run leaves no partial binary.
# Settings (flags win over the environment):
#   --version V   PYGEN_VERSION        a release such as 0.1.0 (default: the latest)
#   --dir D       PYGEN_INSTALL_DIR    where the binary goes (default: ~/.local/bin)
#                 PYGEN_DOWNLOAD_URL   the releases page (default: https://github.com/cognitedata/pygen/releases)
set -eu

say() { printf '%s\n' "$*" >&2; }
fail() {
  printf 'pygen install: error: %s\n' "$*" >&2
  exit 1
}

usage() {
  say "usage: install.sh [--version VERSION] [--dir DIR]"
  say "Installs pygen into DIR (default ~/.local/bin, or PYGEN_INSTALL_DIR) from the latest release or VERSION."
}

# The release target for this machine, e.g. linux-x64, linux-arm64-musl or darwin-arm64.
detect_target() {
  os=$(uname -s)
  arch=$(uname -m)
  case "$os" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    MINGW* | MSYS* | CYGWIN*) os=windows ;;
    *) fail "no pygen build for the operating system '$os' (there are builds for Linux, macOS and Windows)" ;;
  esac
  case "$arch" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) fail "no pygen build for the CPU '$arch' on $os (there are builds for x64 and arm64)" ;;
  esac
  # A shell under Rosetta reports x86_64 on Apple silicon: the native build is the better choice.
  if [ "$os" = darwin ] && [ "$arch" = x64 ] && [ "$(sysctl -n sysctl.proc_translated 2>/dev/null || true)" = 1 ]; then
    arch=arm64
  fi
  libc=""
  if [ "$os" = linux ] && is_musl; then libc="-musl"; fi
  printf '%s-%s%s\n' "$os" "$arch" "$libc"
}

# Alpine and other musl systems: their loader is /lib/ld-musl-*, and their ldd says so.
is_musl() {
  for loader in /lib/ld-musl-*; do
    if [ -e "$loader" ]; then return 0; fi
  done
  (ldd --version 2>&1 || true) | grep -qi musl
}

download() {
  if command -v curl >/dev/null 2>&1; then
    curl --fail --silent --show-error --location --retry 2 --output "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget --quiet --output-document="$2" "$1"
  else
    fail "neither curl nor wget is installed; install one of them and run this again"
  fi
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d ' ' -f 1
  elif command -v openssl >/dev/null 2>&1; then
    openssl dgst -sha256 -r "$1" | cut -d ' ' -f 1
  else
    fail "no SHA-256 tool found (sha256sum, shasum or openssl); cannot verify the download"
  fi
}

main() {
  version=${PYGEN_VERSION:-latest}
  install_dir=${PYGEN_INSTALL_DIR:-}
  base_url=${PYGEN_DOWNLOAD_URL:-https://github.com/cognitedata/pygen/releases}
  while [ $# -gt 0 ]; do
    case "$1" in
      --version) [ $# -ge 2 ] || fail "--version needs a value"; version=$2; shift 2 ;;
      --dir) [ $# -ge 2 ] || fail "--dir needs a value"; install_dir=$2; shift 2 ;;
      -h | --help) usage; exit 0 ;;
      *) usage; fail "unknown argument '$1'" ;;
    esac
  done
  version=${version#v}
  if [ -z "$install_dir" ]; then
    [ -n "${HOME:-}" ] || fail "neither --dir, PYGEN_INSTALL_DIR nor HOME is set: say where pygen goes"
    install_dir="$HOME/.local/bin"
  fi

  target=$(detect_target)
  if [ "$version" = latest ]; then
    release_url="$base_url/latest/download"
  else
    release_url="$base_url/download/v$version"
  fi

  tmp=$(mktemp -d "${TMPDIR:-/tmp}/pygen-install.XXXXXX")
  partial="$install_dir/.pygen.partial.$$"
  trap 'rm -rf "$tmp"; rm -f "$partial"' EXIT
  trap 'exit 130' INT TERM

  download "$release_url/SHA256SUMS" "$tmp/SHA256SUMS" ||
    fail "pygen $version was not found: $release_url/SHA256SUMS could not be downloaded (see $base_url for the versions)"
  case "$target" in
    windows-*) extension=zip binary_name=pygen.exe ;;
    *) extension=tar.gz binary_name=pygen ;;
  esac
  # The archive whose name ends exactly in -<target>.<extension>: linux-x64 never picks linux-x64-musl.
  line=$(awk -v suffix="-$target.$extension" \
    'index($2, "pygen-") == 1 && substr($2, length($2) - length(suffix) + 1) == suffix { print; exit }' "$tmp/SHA256SUMS")
  [ -n "$line" ] || fail "pygen $version has no build for $target"
  expected=${line%% *}
  archive=${line##* }
  release_version=${archive#pygen-}
  release_version=${release_version%-"$target.$extension"}

  say "downloading $archive"
  download "$release_url/$archive" "$tmp/$archive" || fail "could not download $release_url/$archive"
  actual=$(sha256_of "$tmp/$archive")
  if [ "$actual" != "$expected" ]; then
    fail "checksum mismatch for $archive: SHA256SUMS says $expected, the download is $actual; nothing was installed"
  fi

  mkdir -p "$tmp/unpacked"
  if [ "$extension" = zip ]; then
    unzip -q "$tmp/$archive" -d "$tmp/unpacked" || fail "could not unpack $archive (is unzip installed?)"
  else
    tar -xzf "$tmp/$archive" -C "$tmp/unpacked" || fail "could not unpack $archive"
  fi
  binary="$tmp/unpacked/pygen-$release_version-$target/$binary_name"
  [ -f "$binary" ] || fail "$archive does not hold pygen-$release_version-$target/$binary_name"

  mkdir -p "$install_dir" || fail "cannot create $install_dir"
  # Copy beside the destination, then rename: the old binary stays whole until the new one is complete.
  cp "$binary" "$partial" || fail "cannot write to $install_dir"
  chmod 755 "$partial"
  mv -f "$partial" "$install_dir/$binary_name"
  say "installed pygen $release_version ($target) to $install_dir/$binary_name"

  case ":${PATH:-}:" in
    *":$install_dir:"*) ;;
    *)
      say ""
      say "$install_dir is not on your PATH. Add it, e.g. in ~/.profile, ~/.bashrc or ~/.zshrc:"
      say "  export PATH=\"$install_dir:\$PATH\""
      ;;
  esac
}

main "$@"
