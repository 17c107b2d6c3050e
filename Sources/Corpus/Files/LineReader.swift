#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input ("-") line by line in fixed-size chunks: constant memory whatever the input size.
/// Lines end with "\n"; one trailing "\r" is dropped, and a UTF-8 byte-order mark before the first line.
/// Why beside `CorpusStream`: plain text (one postulate or word a line) is not a corpus format; `tag` reads JSONL
/// lines through it too and parses them with `CorpusReader.record(jsonLine:)`.
public final class LineReader {
    public let path: String
    /// 1-based number of the line last returned.
    public private(set) var line = 0
    private let file: UnsafeMutablePointer<FILE>
    private let owns: Bool
    private var buffer: [UInt8]
    private var start = 0, end = 0
    private var eof = false

    public init(path: String, chunkSize: Int = 1 << 16) throws(CorpusError) {
        let opened = try InputFile.open(path)
        self.path = path
        file = opened.file
        owns = opened.ownsFile
        buffer = [UInt8](repeating: 0, count: chunkSize)
        // UTF-16 is refused at the start, with its name, rather than as garbage on every line.
        end = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if end == 0 { eof = true }
        if let problem = buffer.withUnsafeBufferPointer({
            TextEncodingSniffer.problemAtStart(UnsafeBufferPointer(rebasing: $0[0..<end]))
        }) {
            throw CorpusError(.encoding, file: opened.name, line: 1, problem)
        }
    }

    deinit { if owns { fclose(file) } }

    /// The next line's bytes (without its end), or nil at the end of the input.
    public func next() -> [UInt8]? {
        var out: [UInt8] = []
        while true {
            if start == end {
                if eof { break }
                let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
                start = 0; end = n
                if n == 0 { eof = true; break }
            }
            // memchr, and a line within the chunk copied once into an array of its size (`tag` reads every line
            // of a million-record file here, on its one reading thread).
            let (nl, piece) = buffer.withUnsafeBufferPointer { b -> (Int?, UnsafeBufferPointer<UInt8>) in
                let base = b.baseAddress! + start
                guard let hit = memchr(base, 0x0A, end - start) else { return (nil, UnsafeBufferPointer(start: base, count: end - start)) }
                let k = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
                return (start + k, UnsafeBufferPointer(start: base, count: k))
            }
            if let nl {
                if out.isEmpty { out = Array(piece) } else { out.append(contentsOf: piece) }
                start = nl + 1
                return finish(out)
            }
            out.append(contentsOf: piece)
            start = end
        }
        return out.isEmpty ? nil : finish(out)  // a last line without "\n"
    }

    private func finish(_ bytes: [UInt8]) -> [UInt8] {
        line += 1
        var b = bytes
        if b.last == 0x0D { b.removeLast() }
        if line == 1 && b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        return b
    }
}
