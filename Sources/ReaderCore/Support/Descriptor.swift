import Glibc

/// Writing to an open file descriptor, whole: the one loop behind the state's files and the
/// command line's output.
public enum Descriptor {
    /// Writes all of `text` to `fd`, again after an interrupted or short write; why not
    /// (`strerror`), if it could not.
    public static func write(_ text: String, to fd: Int32) -> String? {
        var text = text
        return text.withUTF8 { write(bytes: $0, to: fd) }
    }

    /// Writes all of `bytes` to `fd`, as `write(_:to:)` does.
    public static func write(bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}
