//! The book for instructors and readers, run as the real binary against the fixture
//! course: `cargo xtask book --student` and `cargo xtask book --serve`.

mod fixture;

use fixture::{Fixture, text};
use std::io::{Read, Write};
use std::time::{Duration, Instant};

fn html_files(dir: &std::path::Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| (e.path().strip_prefix(dir).unwrap().display().to_string(), std::fs::read_to_string(e.path()).unwrap()))
        .collect()
}

#[test]
fn the_student_edition_has_no_solutions_no_notes_and_no_dangling_links() {
    let f = Fixture::new();
    let full = f.run(&["book"]);
    assert!(full.status.success(), "{}", text(&full));
    assert!(f.path("target/book/solutions/p.html").is_file(), "the full book keeps its solutions");
    assert!(f.read("target/book/introduction.html").contains("Instructor notes"));

    let out = f.run(&["book", "--student"]);
    assert!(out.status.success(), "{}", text(&out));
    let student = f.path("target/book-student");
    assert!(text(&out).contains(&student.join("index.html").display().to_string()), "{}", text(&out));
    let pages = html_files(&student);
    assert!(pages.iter().any(|(p, _)| p == "p/exercises/one.html"), "{pages:?}");
    assert!(!student.join("solutions").exists(), "no solution page is handed out");
    for (page, html) in &pages {
        assert!(!html.contains("Instructor notes") && !html.contains("secret of the room"), "{page} shows instructor notes");
        assert!(!html.contains("solutions/p.html") && !html.contains(">Solutions<"), "{page} still points at the solutions");
    }
    let intro = f.read("target/book-student/introduction.html");
    assert!(intro.contains("solutions page") && intro.contains("href=\"p/exercises/one.html\""), "the text stays, other links too");
    assert!(f.read("target/book-student/p/exercises/one.html").contains("TODO: the answer is 42."), "the starter code is shown");
    assert!(f.path("target/book/solutions/p.html").is_file(), "the full book is untouched");
}

/// `mdbook` for the serve test: the one the real repository's xtask installed, or one on PATH.
fn mdbook() -> Option<std::path::PathBuf> {
    let ours = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../.workbook/tools/bin/mdbook");
    if ours.is_file() {
        return Some(ours);
    }
    let on_path = std::process::Command::new("mdbook").arg("--version").output().ok()?;
    on_path.status.success().then(|| "mdbook".into())
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    Some(response)
}

#[test]
fn serve_serves_the_book_with_live_reload() {
    let mdbook = mdbook().expect("no mdbook 0.5: run `cargo xtask book --install-mdbook` once (CI does)");
    let f = Fixture::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = f
        .xtask()
        .args(["book", "--serve", "--port", &port.to_string()])
        .env("WORKBOOK_MDBOOK", &mdbook)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let page = loop {
        if let Some(response) = get(port, "/p/exercises/one.html")
            && response.starts_with("HTTP/1.1 200")
        {
            break response;
        }
        if Instant::now() > deadline || child.try_wait().unwrap().is_some() {
            let _ = child.kill();
            panic!("the book was not served on port {port} within 60 s");
        }
        std::thread::sleep(Duration::from_millis(250));
    };
    assert!(page.contains("Exercise: one") && page.contains("TODO: the answer is 42."), "{page}");
    assert!(page.contains("__livereload"), "the served page reloads itself on change:\n{page}");
    // Saving a page rebuilds the book: the server soon serves the new text.
    f.write("book/src/p/exercises.md", "# Exercises\n\nFreshly saved by the author.\n");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !get(port, "/p/exercises.html").is_some_and(|r| r.contains("Freshly saved by the author.")) {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the served book did not change within 30 s of saving a page");
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(get(port, "/").is_none(), "stopping the xtask stops the server");
}
