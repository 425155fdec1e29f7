#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu), with
# the archive unpacked in /autograder/source. Made by `cargo xtask class gradescope`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# A C toolchain, git, and Python with its linkable libpython (python3-dev: pyo3 links it) and venv.
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq build-essential ca-certificates curl git pkg-config python3 python3-dev python3-venv >/dev/null

# Rust {{TOOLCHAIN}}, the version `rustc --version` reported where this kit was made, with
# rustup's minimal profile: a new Rust release cannot change a grade mid-term.
if ! command -v rustup >/dev/null && [ ! -x "$HOME/.cargo/bin/rustup" ]; then
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --default-toolchain {{TOOLCHAIN}}
fi
export PATH="$HOME/.cargo/bin:$PATH"
rustup toolchain install {{TOOLCHAIN}} --profile minimal
rustup default {{TOOLCHAIN}}

# The venv (assets/requirements.txt), the xtask, and the grading sandbox's build of the
# exercises and their solutions: each submission then builds only the student's crates.
cargo xtask grade prepare{{EXERCISES}}
