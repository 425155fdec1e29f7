//! The global allocator of the C ABI exercises' libraries (`greet_strings`).
//!
//! A library that hands memory to C must take it back itself: Rust's allocator and C's
//! `malloc` need not be the same one (Rust's documentation of `CString::into_raw` says the
//! pointer must come back through `CString::from_raw`). On Linux and macOS they happen to
//! be, so a `free_string` that calls C's `free` would seem to work. With this allocator
//! they are not:
//!
//! - every block starts 16 bytes (or its alignment, when larger) past what the system
//!   allocator returned, and the 8 bytes just before it hold a size no `malloc` block can
//!   have, so C's `free` on it stops the process ("free(): invalid pointer" from glibc,
//!   "pointer being freed was not allocated" on macOS);
//! - it counts the live blocks, which `workbook_live_allocations` reports to the stage
//!   checks: a leak shows up as a count that grows, whatever the machine's memory does;
//! - every block carries [`TAG`] before it, which `workbook_allocation_tag` reads back, so
//!   the checks can tell that a pointer came from this allocator.
//!
//! An exercise links it with `use tagged_allocator as _;` in its `lib.rs`: a dependency
//! that no code names is not linked.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The value of the 8 bytes before every block: to C's `free` (glibc), the size field of a
/// chunk larger than memory, which it refuses; to the checks, the sign of this allocator.
pub const TAG: u64 = 0xFFFF_FFFF_FFFF_FF10;

/// The global allocator: the system's, with a header in front of every block.
pub struct Tagged;

#[global_allocator]
static ALLOCATOR: Tagged = Tagged;

/// Blocks allocated and not yet freed.
static LIVE: AtomicUsize = AtomicUsize::new(0);

impl Tagged {
    /// The header's size for `layout`: at least 16 bytes, and a multiple of its alignment,
    /// so that the block after it keeps that alignment.
    fn header(layout: Layout) -> usize {
        layout.align().max(16)
    }

    /// The system allocator's layout of the block for `layout`, header included, or
    /// `None` when the size would overflow.
    fn outer(layout: Layout) -> Option<Layout> {
        let header = Self::header(layout);
        Layout::from_size_align(layout.size().checked_add(header)?, header).ok()
    }
}

// SAFETY: every block comes from `System` with room for the header in front, and goes back
// to `System` with the same outer layout; the tag is written inside that room.
unsafe impl GlobalAlloc for Tagged {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(outer) = Self::outer(layout) else { return std::ptr::null_mut() };
        // SAFETY: `outer` has a non-zero size (the header's).
        let base = unsafe { System.alloc(outer) };
        if base.is_null() {
            return base;
        }
        LIVE.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the header is at least 16 bytes, so the block and the 8 bytes before it
        // are inside `outer`; the block's start is aligned to 16, so the tag is aligned.
        unsafe {
            let block = base.add(Self::header(layout));
            block.cast::<u64>().sub(1).write(TAG);
            block
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let Some(outer) = Self::outer(layout) else { return };
        LIVE.fetch_sub(1, Ordering::Relaxed);
        // SAFETY: `block` came from `alloc` with this `layout`, so the system's block
        // starts one header before it and has the layout `outer`.
        unsafe { System.dealloc(block.sub(Self::header(layout)), outer) }
    }
}

/// How many blocks the library has allocated and not freed. C signature:
/// `size_t workbook_live_allocations(void);`
#[unsafe(no_mangle)]
pub extern "C" fn workbook_live_allocations() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// The 8 bytes before `block`: [`TAG`] when this allocator made it. C signature:
/// `uint64_t workbook_allocation_tag(const void *block);`
///
/// # Safety
/// `block` points into memory at least 8 bytes past the start of a readable region, such
/// as a block this allocator or `malloc` returned.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn workbook_allocation_tag(block: *const u8) -> u64 {
    // SAFETY: the caller's promise; the read is unaligned-safe.
    unsafe { block.cast::<u64>().sub(1).read_unaligned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One test, so that no other test thread allocates while the count is compared.
    #[test]
    fn blocks_carry_the_tag_keep_their_alignment_and_are_counted() {
        let before = workbook_live_allocations();
        let text = std::ffi::CString::new("Dunder Mifflin").unwrap();
        let pointer = text.into_raw();
        // SAFETY: `pointer` is a block of this allocator.
        assert_eq!(unsafe { workbook_allocation_tag(pointer.cast()) }, TAG);
        assert_eq!(workbook_live_allocations(), before + 1);
        // SAFETY: from `into_raw`, freed once.
        drop(unsafe { std::ffi::CString::from_raw(pointer) });
        assert_eq!(workbook_live_allocations(), before);

        let layout = Layout::from_size_align(100, 4096).unwrap();
        // SAFETY: a non-zero size; freed with the same layout.
        unsafe {
            let block = ALLOCATOR.alloc(layout);
            assert_eq!(block as usize % 4096, 0);
            assert_eq!(workbook_allocation_tag(block), TAG);
            ALLOCATOR.dealloc(block, layout);
        }
    }
}
