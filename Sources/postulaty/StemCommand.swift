import ArgumentParser
import Foundation
import Corpus
import PolishText

struct StemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stem",
        abstract: "Print the term the analyzer indexes for each word read on stdin, one line per input line.",
        discussion: """
        Reads one word per line on standard input and writes exactly one line per input line: the term (lemma) of \
        that word; an empty line for an empty line. A stop word still prints its lemma. A line that is not valid \
        UTF-8 is reported on stderr with its number, an empty line is written in its place (so lines stay aligned), and \
        the run ends with the count and exit status 1 (0 with --skip-bad).

        Example:
          printf 'seniorów\\nmlodziezy\\n' | postulaty stem
        """
    )

    @OptionGroup var badRecords: BadRecordOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let analyzer = try Defaults.analyzer()
        let input = FileHandle.standardInput.readDataToEndOfFile()
        var output = [UInt8]()
        output.reserveCapacity(input.count + input.count / 4)
        var bad = StreamBadRecords(badRecords)
        var good = 0
        var lineNumber = 0
        try input.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            try LineSplitter.forEachLine(bytes) { line in
                lineNumber += 1
                guard isValidUTF8(line) else {
                    bad.report("stdin:\(lineNumber): " + TextEncodingSniffer.hint(forInvalidLine: line))
                    output.append(0x0A)
                    return
                }
                good += 1
                if !line.isEmpty { output.append(contentsOf: analyzer.stem(utf8: line).utf8) }
                output.append(0x0A)
                if output.count >= 1 << 20 { try flush(&output) }
            }
        }
        try flush(&output)
        try bad.finish(good: good)
    }

    private func flush(_ buffer: inout [UInt8]) throws {
        try StandardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
