#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file the project writes goes through here: the bytes go to a temporary file in the target's own folder
/// (same file system, so the final `rename` is atomic), are flushed to disk, and only then replace the target.
/// A run that fails half-way leaves the old file whole and no temporary file behind.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(CorpusError) {
        let w = try Writer(path: path)
        do throws(CorpusError) { try w.write(bytes) } catch { w.abort(); throw error }
        try w.commit()
    }

    /// Writes `text` (UTF-8) to `path` atomically.
    public static func write(_ text: String, to path: String) throws(CorpusError) {
        try write(Array(text.utf8), to: path)
    }

    /// Streams output into `path`: `body` writes through the writer; the file appears only if `body` returns.
    /// Any error thrown by `body` is rethrown after the temporary file is removed.
    public static func write(to path: String, _ body: (Writer) throws -> Void) throws {
        let w = try Writer(path: path)
        do {
            try body(w)
        } catch {
            w.abort()
            throw error
        }
        try w.commit()
    }

    /// A buffered writer onto the temporary file. `commit()` publishes it, `abort()` discards it.
    public final class Writer {
        public let path: String
        let tempPath: String
        private var fd: Int32
        private var buffer: [UInt8] = []
        private var done = false
        nonisolated(unsafe) private static var counter = 0

        init(path: String) throws(CorpusError) {
            self.path = path
            let slash = path.lastIndex(of: "/")
            let dir = slash.map { String(path[..<$0]) } ?? "."
            let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
            Writer.counter += 1
            tempPath = (dir.isEmpty ? "" : dir + "/") + ".\(base).tmp-\(getpid())-\(Writer.counter)"
            fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o644)
            if fd < 0 {
                throw CorpusError(.io, file: path, "nie można utworzyć pliku tymczasowego w folderze \(dir) (\(String(cString: strerror(errno))))")
            }
            buffer.reserveCapacity(1 << 16)
        }

        deinit { if !done { abort() } }

        public func write(_ bytes: [UInt8]) throws(CorpusError) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { try flush() }
        }

        public func write(_ text: String) throws(CorpusError) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16 { try flush() }
        }

        private func flush() throws(CorpusError) {
            var off = 0
            while off < buffer.count {
                let n = buffer.withUnsafeBytes { Glibc_write(fd, $0.baseAddress! + off, $0.count - off) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw CorpusError(.io, file: path, "błąd zapisu (\(String(cString: strerror(errno))))")
                }
                off += n
            }
            buffer.removeAll(keepingCapacity: true)
        }

        func commit() throws(CorpusError) {
            do throws(CorpusError) {
                try flush()
                if fsync(fd) != 0 && errno != EINVAL {
                    throw CorpusError(.io, file: path, "błąd zapisu na dysk (\(String(cString: strerror(errno))))")
                }
                close(fd)
                fd = -1
                if rename(tempPath, path) != 0 {
                    throw CorpusError(.io, file: path, "nie można zastąpić pliku (\(String(cString: strerror(errno))))")
                }
                done = true
            } catch {
                abort()
                throw error
            }
        }

        func abort() {
            if fd >= 0 { close(fd); fd = -1 }
            unlink(tempPath)
            done = true
        }
    }
}

@inline(__always)
private func Glibc_write(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, p, n)
    #else
    return Darwin.write(fd, p, n)
    #endif
}
