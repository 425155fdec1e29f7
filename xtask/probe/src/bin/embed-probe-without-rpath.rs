//! The probe without a run path: the dynamic loader's own choice of libpython.
fn main() -> pyo3::PyResult<()> {
    embed_probe::run()
}
