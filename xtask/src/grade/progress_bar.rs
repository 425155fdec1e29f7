//! Progress on the terminal: a bar with the submissions done, the ones being graded and
//! the time left (indicatif); plain lines, one per finished submission, when standard
//! error is not a terminal (CI logs).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Instant;

/// The progress of one run over `total` submissions.
pub struct Progress {
    bar: Option<ProgressBar>,
    total: usize,
    state: Mutex<State>,
    start: Instant,
}

struct State {
    done: usize,
    current: Vec<String>,
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{bar:30.cyan/blue} {pos}/{len} submissions, {eta} left · {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.enable_steady_tick(std::time::Duration::from_millis(250));
            bar
        });
        Progress { bar, total, state: Mutex::new(State { done: 0, current: Vec::new() }), start: Instant::now() }
    }

    /// `id` is being graded now.
    pub fn started(&self, id: &str) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.current.push(id.to_string());
        if let Some(bar) = &self.bar {
            bar.set_message(format!("grading {}", state.current.join(", ")));
        }
    }

    /// `id` is done, with `summary` (its score).
    pub fn finished(&self, id: &str, summary: &str) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.current.retain(|c| c != id);
        state.done += 1;
        match &self.bar {
            Some(bar) => {
                bar.println(format!("  {id}: {summary}"));
                bar.inc(1);
                bar.set_message(format!("grading {}", state.current.join(", ")));
            }
            None => {
                let elapsed = self.start.elapsed().as_secs_f64();
                let left = elapsed / state.done as f64 * (self.total - state.done) as f64;
                eprintln!("[{}/{}] {id}: {summary} (about {:.0} s left)", state.done, self.total, left);
            }
        }
    }

    /// Removes the bar.
    pub fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
