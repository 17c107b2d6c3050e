import ArgumentParser
import Foundation
import PolishText

struct StemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stem",
        abstract: "Print the term the analyzer indexes for each word read on stdin, one line per input line.",
        discussion: """
        Reads one word per line on standard input and writes exactly one line per input line: the term (lemma) of \
        that word; an empty line for an empty line. A stop word still prints its lemma. A line that is not valid \
        UTF-8 is reported on stderr with its number, an empty line is written in its place, and the exit status is 1.

        Example:
          printf 'seniorów\\nmlodziezy\\n' | postulaty stem
        """
    )

    func run() throws {
        let analyzer = try Defaults.analyzer()
        let input = FileHandle.standardInput.readDataToEndOfFile()
        var output = [UInt8]()
        output.reserveCapacity(input.count + input.count / 4)
        var badLines: [Int] = []
        var lineNumber = 0
        try input.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            try LineSplitter.forEachLine(bytes) { line in
                lineNumber += 1
                guard isValidUTF8(line) else {
                    badLines.append(lineNumber)
                    output.append(0x0A)
                    return
                }
                if !line.isEmpty { output.append(contentsOf: analyzer.stem(utf8: line).utf8) }
                output.append(0x0A)
                if output.count >= 1 << 20 { try flush(&output) }
            }
        }
        try flush(&output)
        if !badLines.isEmpty {
            let shown = badLines.prefix(10).map(String.init).joined(separator: ", ")
            throw ToolError("stdin: \(badLines.count) line(s) are not valid UTF-8 (line \(shown)\(badLines.count > 10 ? ", …" : "")); wrote an empty line for each")
        }
    }

    private func flush(_ buffer: inout [UInt8]) throws {
        try StandardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
