#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file the tool loads at once (a model, an index): only a regular file, never a folder, a FIFO, a
/// device or a socket, each refused with a message naming what the path is.
///
/// Why not `FileManager.contents(atPath:)`: it blocks for ever on a FIFO nobody writes to, reads a device such as
/// `/dev/zero` until memory runs out, and says only "nil" for a folder or a missing file. Here the file is opened
/// without blocking (`O_NONBLOCK`: opening a FIFO returns at once), its type is taken from the open descriptor
/// (`fstat`, so no other file can be swapped in between), and only then is it read.
public enum WholeFile {
    /// The bytes of the regular file at `path` (symbolic links followed). Throws `CorpusError` (`.io`) naming the
    /// file and the reason: missing, a folder, not a regular file, no permission, a read error.
    public static func read(path: String) throws(CorpusError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            switch e {
            case ENOENT: throw CorpusError(.io, file: path, tr("nie ma takiego pliku", "no such file"))
            case EACCES: throw CorpusError(.io, file: path, tr("brak uprawnień do odczytu pliku", "no permission to read the file"))
            default:
                throw CorpusError(.io, file: path, tr("nie można otworzyć pliku (\(reason(e)))", "cannot open the file (\(reason(e)))"))
            }
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let e = errno
            throw CorpusError(.io, file: path, tr("nie można odczytać pliku (\(reason(e)))", "cannot read the file (\(reason(e)))"))
        }
        if let what = notRegular(st.st_mode) { throw CorpusError(.io, file: path, what) }
        var out: [UInt8] = []
        out.reserveCapacity(max(0, Int(st.st_size)))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc_read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                let e = errno
                if e == EINTR { continue }
                throw CorpusError(.io, file: path, tr("błąd odczytu pliku (\(reason(e)))", "error reading the file (\(reason(e)))"))
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// What a path is when it is not a regular file ("to folder, a nie zwykły plik"), or nil for a regular file.
    static func notRegular(_ mode: mode_t) -> String? { FileKind(mode: mode).notARegularFile }

    private static func reason(_ e: Int32) -> String { systemErrorText(e) }
}

@inline(__always)
private func Glibc_read(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, p, n)
    #else
    return Darwin.read(fd, p, n)
    #endif
}
