#!/bin/sh
# build-info.sh OUTPUT.swift PACKAGE_DIR: the Swift source of BuildInfo.commit, the commit checked
# out in PACKAGE_DIR (only if PACKAGE_DIR is the top of that checkout: a tarball unpacked inside
# some other repository is not that repository's commit). Run by the BuildInfo plugin.
set -eu
output=$1
package=$2
commit=nil
if top=$(git -C "$package" rev-parse --show-toplevel 2>/dev/null) \
   && [ "$(cd "$top" && pwd -P)" = "$(cd "$package" && pwd -P)" ] \
   && hash=$(git -C "$package" rev-parse --verify --quiet HEAD 2>/dev/null); then
  commit="\"$hash\""
fi
mkdir -p "$(dirname "$output")"
next=$output.next.$$
trap 'rm -f "$next"' EXIT
cat > "$next" <<SWIFT
// Generated at build time by scripts/build-info.sh: do not edit.

/// Where this binary was built from.
enum BuildInfo {
    /// The git commit checked out when it was built (uncommitted changes are not noted); nil when
    /// it was built outside a git checkout.
    static let commit: String? = $commit
}
SWIFT
# Rewritten only when it changed, so a build after a commit that changed nothing else relinks nothing.
if cmp -s "$next" "$output"; then rm -f "$next"; else mv "$next" "$output"; fi
