//! Giving memory back: the process allocator (mimalloc) keeps freed pages for reuse, which is
//! right for steady request work but leaves a server holding the peak of one-off work (the
//! rebuild and integrity check at start-up, the background verification) for its whole life.
//! After such work the server asks the allocator to return what it no longer uses.

/// Returns freed memory to the operating system, from this thread's heap and from those of
/// the worker threads that did the parallel work (each thread has a heap of its own).
pub fn release() {
    rayon::broadcast(|_| collect());
    collect();
}

fn collect() {
    // SAFETY: `mi_collect` takes no pointers and only walks the allocator's own free lists; it
    // may be called from any thread at any time.
    unsafe { libmimalloc_sys::mi_collect(true) }
}
