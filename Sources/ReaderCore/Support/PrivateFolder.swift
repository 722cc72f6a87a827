import Glibc

/// Folders made as the XDG Base Directory spec asks: each missing folder of a path is created
/// with mode 0700, whatever the umask (folders that exist are left as they are).
public enum PrivateFolder {
    /// Creates `path` and its missing parents; nil when it is a folder now, else why not.
    @discardableResult
    public static func create(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) == 0 {
                chmod(prefix, 0o700)
            } else if errno != EEXIST {
                return String(cString: strerror(errno))
            }
        }
        var info = stat()
        guard stat(path, &info) == 0 else { return String(cString: strerror(errno)) }
        return info.st_mode & S_IFMT == S_IFDIR ? nil : "not a folder"
    }
}
