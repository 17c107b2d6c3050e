#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file the project writes goes through here: the bytes go to a temporary file in the target's own folder
/// (same file system, so the final `rename` is atomic), are flushed to disk, and only then replace the target.
/// A run that fails half-way leaves the old file whole and no temporary file behind.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically. `mode`: the new file's permissions (0o600 for a file holding secrets,
    /// such as the service's sign-in sessions), less the umask.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(CorpusError) {
        let w = try Writer(path: path, mode: mode)
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

    /// Writes several files as one change: every file is written and flushed to its temporary name first, then
    /// all are renamed into place with SIGINT, SIGTERM and SIGHUP held back (`TemporaryFiles.deferringSignals`).
    /// So a Ctrl-C leaves either the old set of files or the new one, never a mix (a report whose index.html is new
    /// and whose tables are the previous run's). A failure while writing leaves every old file as it was.
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws(CorpusError) {
        var writers: [Writer] = []
        writers.reserveCapacity(files.count)
        do throws(CorpusError) {
            for f in files {
                let w = try Writer(path: f.path)
                writers.append(w)
                try w.write(f.bytes)
                try w.finish()
            }
        } catch {
            for w in writers { w.abort() }
            throw error
        }
        var failure: CorpusError?
        let pause = faultPauseBetweenRenames
        TemporaryFiles.deferringSignals {
            for (i, w) in writers.enumerated() {
                if failure != nil { w.abort(); continue }
                if i > 0, pause > 0 { usleep(pause) }
                do throws(CorpusError) { try w.publish() } catch { failure = error }
            }
        }
        if let failure { throw failure }
    }

    /// Fault injection for the tests: `POSTULATY_FAULT_RENAME_PAUSE_MS` stretches the renames of `writeAll` so a
    /// test can send a signal while they run. Unset (always, outside the tests): no pause.
    static var faultPauseBetweenRenames: UInt32 {
        guard let v = getenv("POSTULATY_FAULT_RENAME_PAUSE_MS"), let ms = UInt32(String(cString: v)), ms <= 10_000 else { return 0 }
        return ms * 1000
    }

    /// A buffered writer onto the temporary file. `commit()` publishes it, `abort()` discards it.
    ///
    /// The target is checked by `OutputTarget` first: a folder, FIFO or device is refused, and a symbolic link is
    /// written through (the temporary file goes beside the file the link leads to, which the rename replaces; the
    /// link stays). The temporary file is registered with `TemporaryFiles`, so a run killed by SIGINT or SIGTERM
    /// removes it too (when the program installed the handlers).
    public final class Writer {
        public let path: String
        /// The file the rename replaces: `path` with symbolic links followed.
        let targetPath: String
        let tempPath: String
        private var fd: Int32 = -1
        private var buffer: [UInt8] = []
        private var done = false
        private var slot: Int?
        nonisolated(unsafe) private static var counter = 0

        init(path: String, mode: mode_t = 0o644) throws(CorpusError) {
            self.path = path
            let target = try OutputTarget(path).resolvedPath
            targetPath = target
            let dir = OutputTarget.folder(of: target)
            let base = OutputTarget.name(of: target)
            Writer.counter += 1
            let prefix = target.lastIndex(of: "/").map { String(target[...$0]) } ?? ""
            tempPath = prefix + ".\(base).tmp-\(getpid())-\(Writer.counter)"
            slot = TemporaryFiles.register(tempPath)  // before the file exists: no moment when a signal would miss it
            fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, mode)
            if fd < 0 {
                let reason = systemErrorText(errno)
                TemporaryFiles.unregister(slot)
                done = true
                throw CorpusError(.io, file: path, tr("nie można utworzyć pliku tymczasowego w folderze \(dir) (\(reason))",
                                                      "cannot create a temporary file in the folder \(dir) (\(reason))"))
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
                    let reason = systemErrorText(errno)
                throw CorpusError(.io, file: path, tr("błąd zapisu (\(reason))", "write error (\(reason))"))
                }
                off += n
            }
            buffer.removeAll(keepingCapacity: true)
        }

        func commit() throws(CorpusError) {
            try finish()
            try publish()
        }

        /// Flushes the bytes to disk and closes the temporary file; it still waits under its temporary name.
        func finish() throws(CorpusError) {
            do throws(CorpusError) {
                try flush()
                if fsync(fd) != 0 && errno != EINVAL {
                    let reason = systemErrorText(errno)
                    throw CorpusError(.io, file: path, tr("błąd zapisu na dysk (\(reason))", "error flushing to disk (\(reason))"))
                }
                close(fd)
                fd = -1
            } catch {
                abort()
                throw error
            }
        }

        /// Renames the finished temporary file over the target.
        func publish() throws(CorpusError) {
            do throws(CorpusError) {
                if rename(tempPath, targetPath) != 0 {
                    let reason = systemErrorText(errno)
                    throw CorpusError(.io, file: path, tr("nie można zastąpić pliku (\(reason))", "cannot replace the file (\(reason))"))
                }
                TemporaryFiles.unregister(slot)
                slot = nil
                done = true
            } catch {
                abort()
                throw error
            }
        }

        func abort() {
            if fd >= 0 { close(fd); fd = -1 }
            unlink(tempPath)
            TemporaryFiles.unregister(slot)
            slot = nil
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
