import Corpus
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole UTF-8 text file, or standard input for nil or "-", with the checks every input gets
/// (`InputFile`: no folder, FIFO, device or empty file; UTF-16 named) and an error naming the line of the first
/// bytes that are not UTF-8.
enum TextInput {
    static func read(_ path: String?) throws -> String {
        let opened = try InputFile.open(path ?? "-")
        defer { if opened.ownsFile { fclose(opened.file) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, opened.file) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        if ferror(opened.file) != 0 {
            throw CorpusError(.io, file: opened.name, tr("błąd odczytu", "read error"))
        }
        if let problem = bytes.withUnsafeBufferPointer({ TextEncodingSniffer.problemAtStart($0) }) {
            throw CorpusError(.encoding, file: opened.name, line: 1, problem)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, lineBytes) = firstInvalidLine(bytes)
            throw CorpusError(.encoding, file: opened.name, line: line, TextEncodingSniffer.hint(forInvalidLine: lineBytes))
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// 1-based number and bytes of the first line holding invalid UTF-8.
    static func firstInvalidLine(_ bytes: [UInt8]) -> (Int, [UInt8]) {
        var line = 0
        var found: (Int, [UInt8])?
        bytes.withUnsafeBufferPointer { b in
            LineSplitter.forEachLine(b) { l in
                line += 1
                if found == nil, String(validatingUTF8Bytes: l) == nil { found = (line, Array(l)) }
            }
        }
        return found ?? (1, bytes)
    }
}
