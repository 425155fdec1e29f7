//! One file per subcommand; each gives its `flags` struct a `run` method.

mod bench;
mod bless;
mod book;
mod check;
mod doctor;
mod hint;
mod list;
mod verify;
