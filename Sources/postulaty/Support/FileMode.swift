#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's permission bits, for advice such as "chmod 600" on a tokens file; nil when it cannot be read.
enum FileMode {
    static func of(_ path: String) -> UInt32? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return UInt32(st.st_mode)
    }
}
