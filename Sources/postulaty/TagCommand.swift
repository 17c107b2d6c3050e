import ArgumentParser
import Corpus
import Foundation
import Themes

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag postulates by theme with a trained model (JSONL, CSV or plain text in; JSONL or CSV out).",
        discussion: """
        Input: JSONL, CSV (by extension; standard input is sniffed: "{" starts JSONL, anything else is plain text; \
        use --input-format csv for CSV on stdin) or plain text, one postulate a line. Output: each input record \
        with all its fields plus `predicted` (labels; empty = no theme), `scores` (label → calibrated score in \
        [0, 1]), `evidence` (assigned label → the terms that drove it, base forms), `why` (label → score vs \
        threshold) and `no_theme`. Streams in constant memory; progress on stderr for large inputs. A bad row is \
        reported on stderr with its line and skipped; the rest is tagged (exit status 0).

        Examples:
          postulaty tag nowe-wnioski.csv -o otagowane.csv
          postulaty tag Corpora/authored-a.jsonl --model Models/stance.model | head -3
          echo 'Więcej klubów seniora w dzielnicach' | postulaty tag
        """
    )

    @Argument(help: "Input file, or - for standard input.")
    var file = "-"

    @Option(name: .long, help: "The model file.")
    var model = Defaults.themeModel

    @Option(name: .long, help: "Output format: jsonl or csv (default: csv for CSV input, else jsonl).")
    var format: String?

    @Option(name: .long, help: "Input format: jsonl, csv or text (default: by extension, else sniffed).")
    var inputFormat: String?

    @Option(name: .shortAndLong, help: "Output file (written to a temporary file, then renamed); standard output when omitted.")
    var output: String?

    @Flag(name: .long, help: "The input is already analysed: terms are the space-separated pieces (for a model trained with --pretokenized).")
    var pretokenized = false

    func validate() throws {
        if let format, !["jsonl", "csv"].contains(format) { throw ValidationError("--format must be jsonl or csv") }
        if let inputFormat, !["jsonl", "csv", "text"].contains(inputFormat) {
            throw ValidationError("--input-format must be jsonl, csv or text")
        }
    }

    func run() throws {
        try checkOutput(output, inputs: [file, model])
        // The text is analysed as the model was trained to see it (its stop-word and other switches); a model
        // from another lemmatiser is refused by the Tagger, which names the differing setting.
        let loaded = try ModelFile.load(path: model)
        let analyzer: any TermAnalyzing = pretokenized ? WhitespaceTerms() : try Defaults.analyzer(matching: loaded.analyzer)
        let tagger = try Tagger(model: loaded, analyzer: analyzer)
        let kind = try TagInput.Kind(explicit: inputFormat, path: file)
        let outFormat: CorpusFormat = format.flatMap(CorpusFormat.init(rawValue:)) ?? (kind == .csv ? .csv : .jsonl)
        let input = try TagInput(path: file, kind: kind)
        let progress = ProgressReporter()
        var writer = TagOutputWriter(format: outFormat)
        var tagged = 0, bad = 0
        try OutputSink(path: output).run { emit in
            while let item = input.next() {
                switch item {
                case .failure(let error):
                    bad += 1
                    printError(error.message)
                case .success(let rec):
                    try emit(tagger.withTag(rec.record) { writer.row(rec, prediction: $0, csvHeader: input.csvHeader) })
                    tagged += 1
                    progress.tick(tagged)
                }
            }
            try emit(writer.flush())
        }
        progress.done(tagged)
        if bad > 0 { printError("\(file): \(bad) bad row(s) skipped, \(tagged) tagged") }
    }
}
