// Two functions called `send`, in two modules, and one exported for C. The console block
// of no-mangle.md compiles this file and lists its symbols with `nm`.

pub mod fax {
    pub fn send(pages: u32) -> u32 {
        pages
    }
}

pub mod email {
    pub fn send(pages: u32) -> u32 {
        pages
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn add_numbers(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}
