#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file (or standard input for "-") in fixed-size chunks, so a reader of a 100 000-record corpus holds
/// one chunk and one record in memory, never the whole file.
final class ByteReader {
    let name: String
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private var buffer: [UInt8]
    private var pos = 0
    private var end = 0
    private var atEOF = false
    /// 1-based number of the line the next byte belongs to.
    private(set) var line = 1

    init(path: String, chunkSize: Int = 1 << 16) throws(CorpusError) {
        let opened = try InputFile.open(path)
        name = opened.name
        file = opened.file
        ownsFile = opened.ownsFile
        buffer = [UInt8](repeating: 0, count: chunkSize)
        // UTF-16 is refused at the start, with its name, rather than as garbage on every line.
        if fill(), let problem = buffer.withUnsafeBufferPointer({
            TextEncodingSniffer.problemAtStart(UnsafeBufferPointer(rebasing: $0[0..<end]))
        }) {
            throw CorpusError(.encoding, file: name, line: 1, problem)
        }
    }

    deinit { if ownsFile { fclose(file) } }

    private func fill() -> Bool {
        if atEOF { return false }
        let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        pos = 0
        end = n
        if n == 0 { atEOF = true; return false }
        return true
    }

    /// Skips a UTF-8 byte-order mark at the very start (spreadsheets write one).
    func skipBOM() {
        if pos >= end, !fill() { return }
        if end - pos >= 3, buffer[pos] == 0xEF, buffer[pos + 1] == 0xBB, buffer[pos + 2] == 0xBF { pos += 3 }
    }

    /// The first non-blank byte, without consuming anything (to tell JSONL from CSV).
    func peekFirstNonBlank() -> UInt8? {
        if pos >= end, !fill() { return nil }
        var k = pos
        while k < end {
            let c = buffer[k]
            if c != 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { return c }
            k += 1
        }
        return nil
    }

    func nextByte() -> UInt8? {
        if pos >= end, !fill() { return nil }
        let c = buffer[pos]
        pos += 1
        if c == 0x0A { line += 1 }
        return c
    }

    func peekByte() -> UInt8? {
        if pos >= end, !fill() { return nil }
        return buffer[pos]
    }

    /// The next line without its "\n" (and one "\r" before it), or nil at the end of the file. `lineBuffer` is
    /// reused between calls so reading allocates nothing per line once warm.
    func nextLine(into lineBuffer: inout [UInt8]) -> Bool {
        lineBuffer.removeAll(keepingCapacity: true)
        var sawAny = false
        while true {
            if pos >= end, !fill() {
                if !sawAny { return false }
                break
            }
            sawAny = true
            // memchr rather than a byte loop with bounds checks: this scan runs over every byte of a corpus.
            let k = buffer.withUnsafeBufferPointer { b -> Int in
                guard let base = b.baseAddress, let hit = memchr(base + pos, 0x0A, end - pos) else { return end }
                return hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
            }
            lineBuffer.append(contentsOf: buffer[pos..<k])
            if k < end {
                pos = k + 1
                line += 1
                break
            }
            pos = end
        }
        if lineBuffer.last == 0x0D { lineBuffer.removeLast() }
        return true
    }

    var readError: Bool { ferror(file) != 0 }
}
