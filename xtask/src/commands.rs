//! One file per subcommand; each gives its `flags` struct a `run` method. The authors'
//! commands are in the build with the `authoring` feature only (`src/authoring.rs`), `book`
//! with the `book` feature; a students' repository (`students-edition`) has no `bless` or `new`.

#[cfg(feature = "authoring")]
mod bench;
#[cfg(any(feature = "authoring", not(feature = "students-edition")))]
mod bless;
#[cfg(feature = "book")]
mod book;
#[cfg(feature = "authoring")]
mod class;
mod check;
mod doctor;
#[cfg(feature = "authoring")]
mod grade;
mod hint;
mod list;
#[cfg(any(feature = "authoring", not(feature = "students-edition")))]
mod new;
mod pack;
mod reset;
#[cfg(feature = "authoring")]
mod verify;
mod watch;
