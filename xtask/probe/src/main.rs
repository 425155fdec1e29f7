//! The probe as the workbook builds embedding programs: with a run path to LIBDIR.
fn main() -> pyo3::PyResult<()> {
    embed_probe::run()
}
