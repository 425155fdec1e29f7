//! One file per subcommand; each gives its `flags` struct a `run` method. The authors'
//! commands are in the build with the `authoring` feature only (`src/authoring.rs`).

#[cfg(feature = "authoring")]
mod bench;
mod bless;
#[cfg(feature = "authoring")]
mod book;
#[cfg(feature = "authoring")]
mod book_student;
mod check;
mod doctor;
#[cfg(feature = "authoring")]
mod grade;
mod hint;
mod list;
mod new;
mod reset;
#[cfg(feature = "authoring")]
mod verify;
mod watch;
