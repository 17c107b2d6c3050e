import ArgumentParser
import Corpus
import Foundation
import PolishText

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print every token of a text with its offsets, kind, normalised form and term.",
        discussion: """
        TSV columns: start, end (UTF-8 byte offsets into the input), kind (word, number, abbreviation, url, email), \
        text as written, normalised form, term (empty when the token gives none), source of the term \
        (lexicon, diacritics, guesser, identity), stop (1 for a stop word), hyphen (1 when a hyphen joins the token \
        to the previous one). With --json, one JSON object per token with the same fields.

        Examples:
          postulaty analyze Corpora/krakow-2025-06-17-spotkanie-branzowe.txt | head
          echo 'Kluby seniorów w Krakowie' | postulaty analyze --json
        """
    )

    @Argument(help: "A UTF-8 text file; standard input when omitted.")
    var file: String?

    @Flag(name: .long, help: "Write JSON lines instead of TSV.")
    var json = false

    @OptionGroup var language: LanguageOption

    func run() throws {
        let text = try TextInput.read(file)
        let analyzer = try Defaults.analyzer()
        var out = ""
        if !json { out += "start\tend\tkind\ttext\tnormalized\tterm\tsource\tstop\thyphen\n" }
        for t in analyzer.analyze(text) {
            if json {
                out += JSONLine.object([
                    ("start", .int(t.token.start)), ("end", .int(t.token.end)), ("kind", .string(t.token.kind.rawValue)),
                    ("text", .string(t.text)), ("normalized", .string(t.normalized)),
                    ("term", t.term.map { .string($0) } ?? .null), ("source", t.lemmaSource.map { .string($0.rawValue) } ?? .null),
                    ("stop", .bool(t.isStopWord)), ("hyphen", .bool(t.token.afterHyphen)),
                ]) + "\n"
            } else {
                out += "\(t.token.start)\t\(t.token.end)\t\(t.token.kind.rawValue)\t\(tsv(t.text))\t\(tsv(t.normalized))\t"
                    + "\(tsv(t.term ?? ""))\t\(t.lemmaSource?.rawValue ?? "")\t\(t.isStopWord ? 1 : 0)\t\(t.token.afterHyphen ? 1 : 0)\n"
            }
            if out.utf8.count > 1 << 20 { try StandardOutput.write(out); out = "" }
        }
        try StandardOutput.write(out)
    }

    private func tsv(_ s: String) -> String {
        s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
