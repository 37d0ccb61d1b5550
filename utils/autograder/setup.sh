#!/usr/bin/env bash
# setup.sh -- Gradescope's set-up step for a Ringlet autograder bundle
# (made by "make autograder"): installs what building and testing
# Ringlet needs, by the tree's own utils/install-deps, once, when
# Gradescope builds the autograder's image.  Runs as root on Ubuntu.
set -e

here=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$here/ringlet/utils/install-deps" ]; then
  here=/autograder/source
fi
apt-get update
sh "$here/ringlet/utils/install-deps"
