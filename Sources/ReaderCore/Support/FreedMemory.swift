#if canImport(Glibc)
import CMalloc
#endif

/// Memory the allocator holds free after a phase of work.
enum FreedMemory {
    /// Gives the pages freed so far back to the system: glibc keeps an arena for each thread
    /// that allocates, so a phase on other threads (a table parsed on all cores) takes fresh
    /// pages in theirs while the last phase's lie free in the others.
    static func release() {
        #if canImport(Glibc)
        _ = malloc_trim(0)
        #endif
    }
}
