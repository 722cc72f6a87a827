/// Why the state could not be saved; `description` is the one line a user sees.
public enum StateStoreError: Error, Equatable, CustomStringConvertible {
    case cannotCreateDirectory(String, reason: String)
    case cannotLock(String, reason: String)
    /// Another process held the lock longer than the store waits.
    case lockTimedOut(String, seconds: Double)
    case cannotWrite(String, reason: String)
    case newerSchema(String, version: Int)
    case invalidImport(String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason): return "\(Sanitizer.line(path)): cannot create the state folder: \(reason)"
        case .cannotLock(let path, let reason): return "\(Sanitizer.line(path)): cannot lock the state: \(reason)"
        case .lockTimedOut(let path, let seconds):
            return "\(Sanitizer.line(path)): another reader held the state's lock for \(Int(seconds.rounded())) s; nothing was saved"
        case .cannotWrite(let path, let reason): return "\(Sanitizer.line(path)): cannot save the state (the old file is kept): \(reason)"
        case .newerSchema(let path, let version):
            return "\(Sanitizer.line(path)): written by a newer reader (schema \(version); this one knows \(StateFile.currentVersion)); left untouched, nothing saved"
        case .invalidImport(let path, let reason): return "\(Sanitizer.line(path)): not a reader state file: \(reason)"
        }
    }
}
