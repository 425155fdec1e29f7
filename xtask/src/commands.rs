//! One file per subcommand; each gives its `flags` struct a `run` method.

mod bench;
mod bless;
mod book;
mod book_student;
mod check;
mod doctor;
mod grade;
mod hint;
mod list;
mod new;
mod reset;
mod verify;
mod watch;
