#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu), with
# the archive unpacked in /autograder/source. Made by `cargo xtask class gradescope`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# A C toolchain, git, and Python with its linkable libpython (python3-dev: pyo3 links it) and venv.
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq build-essential ca-certificates curl git pkg-config python3 python3-dev python3-venv >/dev/null

# Rust, with rustup's minimal profile.
if ! command -v cargo >/dev/null && [ ! -x "$HOME/.cargo/bin/cargo" ]; then
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
fi
export PATH="$HOME/.cargo/bin:$PATH"

# The venv (assets/requirements.txt), the xtask, and the grading sandbox's build of the
# exercises and their solutions: each submission then builds only the student's crates.
cargo xtask grade prepare{{EXERCISES}}
