import Foundation
import ReaderCore

/// Starting a helper program (a browser, a clipboard tool) as SAFETY.md says: posix_spawnp of
/// an argv, never a shell, with no signal blocked and default handlers, in this process group.
enum ChildProcess {
    /// Why a program could not start.
    struct SpawnError: Error {
        let text: String
    }

    /// Starts `argv`. `input`: a descriptor for its stdin (else /dev/null when `quiet`); `quiet`:
    /// stdout and stderr on /dev/null.
    static func spawn(_ argv: [String], input: Int32? = nil, quiet: Bool) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input {
            posix_spawn_file_actions_adddup2(&actions, input, 0)
            posix_spawn_file_actions_addclose(&actions, input)
        } else if quiet {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for arg in cArgs { free(arg) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), defaults = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGPIPE] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let result = posix_spawnp(&pid, argv[0], &actions, &attributes, &cArgs, environ)
        guard result == 0 else {
            return .failure(SpawnError(text: "cannot run \(Sanitizer.line(argv[0])): \(String(cString: strerror(result)))"))
        }
        return .success(pid)
    }

    /// Waits for the child `pid`; its status as waitpid gives it.
    static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    /// The first of `names` found as an executable on `PATH`.
    static func find(_ names: [String], path: String?) -> String? {
        let folders = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return names.first { name in folders.contains { access($0 + "/" + name, X_OK) == 0 } }
    }
}
