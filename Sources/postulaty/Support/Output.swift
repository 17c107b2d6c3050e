import ArgumentParser
import Corpus
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output, checked: every command writes its results through here (never `print` or
/// `FileHandle.write`, which ignore errors or trap on them).
///
/// SIGPIPE is ignored (`Postulaty.main`), so a closed pipe comes back as EPIPE: the run stops with one line on
/// stderr and status 141 (what a shell reports for a program killed by SIGPIPE, as `cat` is under `| head`), so a
/// script can tell "the reader stopped early" from other failures. Any other write error (ENOSPC on `> /dev/full`,
/// EIO …) is one line on stderr and exit status 1. Never a trap.
enum StandardOutput {
    /// The exit status after a broken pipe: 128 + SIGPIPE.
    static let brokenPipeStatus: Int32 = 141

    static func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    static func write(_ raw: UnsafeRawBufferPointer) throws {
        let err = writeAll(1, raw)
        if err == 0 { return }
        if err == EPIPE {
            StandardError.write(Postulaty._errorPrefix + failureMessage(err) + "\n")
            throw ExitCode(brokenPipeStatus)
        }
        throw ToolError(failureMessage(err))
    }

    static func failureMessage(_ err: Int32) -> String {
        if err == EPIPE {
            return tr("standardowe wyjście: odbiorca zamknął potok — wynik jest niepełny",
                      "standard output: the reader closed the pipe — the output is incomplete")
        }
        let reason = systemErrorText(err)
        return tr("standardowe wyjście: błąd zapisu (\(reason)) — wynik jest niepełny",
                  "standard output: write error (\(reason)) — the output is incomplete")
    }

    /// Registered at start: output that went through C's stdio (`--help`, `--version`, printed by the argument
    /// parser) is flushed and checked at exit; a failure turns the exit status non-zero, with one line on stderr.
    static func checkStdioAtExit() {
        atexit {
            guard fflush(nil) != 0 else { return }  // nil: every output stream, stdout among them
            let err = errno
            StandardError.write(Postulaty._errorPrefix + StandardOutput.failureMessage(err) + "\n")  // as the argument parser spells errors
            _exit(err == EPIPE ? StandardOutput.brokenPipeStatus : 1)
        }
    }
}

/// Standard error: diagnostics and progress. A failure to write there is ignored (there is nowhere left to say
/// so), and never traps.
enum StandardError {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = writeAll(2, UnsafeRawBufferPointer($0)) }
    }
}

/// Writes every byte to a file descriptor, retrying short writes and EINTR; returns 0, or the `errno` of the
/// write that failed.
func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) -> Int32 {
    guard var p = raw.baseAddress else { return 0 }
    var left = raw.count
    while left > 0 {
        #if canImport(Glibc)
        let n = Glibc.write(fd, p, left)
        #else
        let n = Darwin.write(fd, p, left)
        #endif
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        p += n
        left -= n
    }
    return 0
}

/// Checks an output path before any work is done (`OutputTarget`: not a folder, FIFO or device, not one of the
/// run's `inputs`, its folder exists); a refusal is one line naming the path (and the input). `-` is standard output.
func checkOutput(_ path: String?, inputs: [String?]) throws {
    guard let path, path != "-" else { return }
    _ = try OutputTarget(path, inputs: inputs.compactMap { $0 }, folderMayBeMade: Defaults.madeBeforeWriting(path))
}

/// Where tagged output goes: standard output (buffered, checked) or a file written atomically through `AtomicFile`.
final class OutputSink {
    let path: String?
    init(path: String?) { self.path = path == "-" ? nil : path }

    /// Runs `body` with an `emit` function; for a file, the file appears only if `body` returns.
    func run(_ body: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        if let path {
            try AtomicFile.write(to: path) { w in try body { try w.write($0) } }
        } else {
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 16)
            func drain() throws {
                try StandardOutput.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
            try body { bytes in
                buffer.append(contentsOf: bytes)
                if buffer.count >= 1 << 16 { try drain() }
            }
            try drain()
        }
    }
}

/// Progress on stderr for large inputs (5 000 records or more), at most twice a second.
final class ProgressReporter {
    private let start = ContinuousClock.now
    private var last = ContinuousClock.now
    private var shown = false

    init() {}

    func tick(_ count: Int) {
        guard count % 1000 == 0, count >= 5000 else { return }
        let now = ContinuousClock.now
        guard now - last > .milliseconds(500) else { return }
        last = now
        shown = true
        StandardError.write(tr("otagowano \(Self.records(count))…", "tagged \(Self.records(count))…") + "\n")
    }

    func done(_ count: Int) {
        let d = ContinuousClock.now - start
        let cs = d.components.seconds * 100 + d.components.attoseconds / 10_000_000_000_000_000
        let s = "\(cs / 100)\(tr(",", "."))\(cs % 100 < 10 ? "0" : "")\(cs % 100)"
        guard shown || count >= 5000 else { return }
        StandardError.write(tr("otagowano \(Self.records(count)) w \(s) s", "tagged \(Self.records(count)) in \(s) s") + "\n")
    }

    private static func records(_ n: Int) -> String {
        counted(n, pl: ("rekord", "rekordy", "rekordów"), en: ("record", "records"))
    }
}
