//! `cargo xtask book [--open | --student | --serve [--port P] | --install-mdbook]`.
//!
//! - plain: builds the book with mdBook's library (`mdbook-driver`, search on) into
//!   `target/book` and prints the page to open;
//! - `--student`: the edition to hand out, into `target/book-student` (see `students_edition.rs`);
//! - `--serve`: serves the book with live reload, through the `mdbook` binary, which
//!   `tools.rs` installs into `.workbook/tools` on first use;
//! - `--install-mdbook`: only that install (`verify` does it too, beside its first phases).

use crate::students_edition;
use crate::flags::Book;
use crate::workspace::Workspace;
use crate::{tools, ui};
use anyhow::{Context, Result};
use std::process::ExitCode;

impl Book {
    pub fn run(self) -> Result<ExitCode> {
        let ws = Workspace::find()?;
        if self.install_mdbook {
            let mdbook = tools::mdbook(&ws)?;
            ui::line(&format!("mdbook is {}", mdbook.display()));
            return Ok(ExitCode::SUCCESS);
        }
        // The stage rules' lists, generated from info.toml, before any build reads them.
        if !cfg!(feature = "students-edition") {
            let course = crate::course::Course::load(&ws.root)?;
            for path in crate::rule_pages::write_pages(&ws, &course)? {
                ui::note(&format!("wrote {} from exercises/info.toml", path.display()));
            }
        }
        if self.serve {
            return serve(&ws, self.port);
        }
        let index = if self.student {
            let index = students_edition::build(&ws)?;
            ui::line("The students' edition: no solution pages, no instructor notes.");
            index
        } else {
            crate::mdbook::build(&ws.path("book"))?
        };
        ui::line(&format!("The book is at {}", index.display()));
        ui::line(&format!("Open file://{} in a browser.", index.display()));
        if self.open
            && let Err(err) = opener::open(&index)
        {
            ui::note(&format!("could not open a browser ({err}); open the path above by hand"));
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Runs `mdbook serve` on the book, on 127.0.0.1:`port`, until Ctrl-C. On Unix the xtask
/// becomes mdbook (`exec`), so that stopping the xtask stops the server.
fn serve(ws: &Workspace, port: u16) -> Result<ExitCode> {
    let mdbook = tools::mdbook(ws)?;
    ui::line(&format!("Serving the book on http://127.0.0.1:{port}/ with live reload; Ctrl-C stops it."));
    let mut cmd = ws.command(&mdbook);
    cmd.arg("serve").arg(ws.path("book")).args(["--hostname", "127.0.0.1", "--port", &port.to_string()]);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let err = cmd.exec();
        Err(err).with_context(|| format!("starting {}", mdbook.display()))
    }
    #[cfg(not(unix))]
    {
        let status = cmd.status().with_context(|| format!("starting {}", mdbook.display()))?;
        Ok(if status.success() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
    }
}
