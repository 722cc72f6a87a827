#if canImport(Glibc)
import CMalloc
#endif

/// Memory the allocator holds free after a phase of work.
public enum FreedMemory {
    /// Gives the pages freed so far back to the system: glibc keeps an arena for each thread
    /// that allocates, so a phase on other threads (a table parsed on all cores) takes fresh
    /// pages in theirs while the last phase's lie free in the others.
    static func release() {
        #if canImport(Glibc)
        _ = malloc_trim(0)
        #endif
    }

    /// Makes every thread allocate from one arena from now on (call before other threads
    /// allocate): what one thread frees, the next can take. For a long-running process whose
    /// peak memory counts more than the speed of its work on all cores (the interactive reader:
    /// 5–6 MiB less at 100,000 articles, its background work on both cores about a tenth slower).
    public static func shareOneArena() {
        #if canImport(Glibc)
        _ = mallopt(M_ARENA_MAX, 1)
        #endif
    }
}
