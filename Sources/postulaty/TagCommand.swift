import ArgumentParser
import Corpus
import Foundation
import PolishText
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
        threshold) and `no_theme`. Streams in constant memory; progress on stderr for large inputs. A bad record is \
        reported on stderr with its file and line and skipped, the rest is tagged and written, the count of \
        skipped records is printed, and the exit status is 1 (0 with --skip-bad). A CSV without a text column \
        is an error (nothing is written). CSV output: cells starting with =, +, -, @, tab or CR get a leading \
        ' (removed again when postulaty reads the file); --delimiter and --bom for spreadsheets.

        Examples:
          postulaty tag nowe-wnioski.csv -o otagowane.csv
          postulaty tag nowe-wnioski.csv --delimiter ';' --bom -o do-excela.csv
          postulaty tag Corpora/authored-a.jsonl --model Models/stance.model | head -3
          echo 'Więcej klubów seniora w dzielnicach' | postulaty tag
        """
    )

    @Argument(help: "Input file, or - for standard input.")
    var file = "-"

    @Option(name: .long, help: "The model file (default: Models/themes.model, else the one installed with the tool).")
    var model: String?

    @Option(name: .long, help: "Output format: jsonl or csv (default: csv for CSV input, else jsonl).")
    var format: TagOutputFormat?

    @Option(name: .long, help: "Input format: jsonl, csv or text (default: by extension, else sniffed).")
    var inputFormat: TagInputFormat?

    @Option(name: .shortAndLong, help: "Output file (written to a temporary file, then renamed); standard output when omitted.")
    var output: String?

    @Option(name: .long, help: "CSV output delimiter: ',' (default), ';' (a Polish-locale spreadsheet) or tab.")
    var delimiter: DelimiterName?

    @Flag(name: .long, help: "CSV output: start with a UTF-8 byte-order mark (for spreadsheets on Windows).")
    var bom = false

    @Flag(name: .long, help: "The input is already analysed: terms are the space-separated pieces (for a model trained with --pretokenized).")
    var pretokenized = false

    @OptionGroup var badRecords: BadRecordOptions

    @OptionGroup var jobs: JobsOption

    @OptionGroup var language: LanguageOption

    func run() throws {
        try checkOutput(output, inputs: [file, model ?? Defaults.shipped("themes.model").orDefault])
        // The text is analysed as the model was trained to see it (its stop-word and other switches); a model
        // from another lemmatiser is refused by the Tagger, which names the differing setting.
        // Any model will do (a stance model tags stances): `Tagger.load`, shared with the report, refuses only a
        // file that is not a usable model, naming it.
        let tagger = try Tagger.load(path: try Defaults.themeModel(model)) { saved -> any TermAnalyzing in
            pretokenized ? WhitespaceTerms() : try Defaults.analyzer(matching: saved)
        }
        let kind = try TagInput.Kind(explicit: inputFormat?.rawValue, path: file)
        let outFormat: CorpusFormat = format?.corpusFormat ?? (kind == .csv ? .csv : .jsonl)
        if outFormat != .csv && (bom || delimiter != nil) {
            throw ToolError(tr("--bom i --delimiter dotyczą wyjścia CSV (--format csv)", "--bom and --delimiter apply to CSV output (--format csv)"))
        }
        let csvOptions = CSVOptions(delimiter: delimiter?.character ?? ",", byteOrderMark: bom)
        let input = try TagInput(path: file, kind: kind, readFields: tagger.model.vectorizer.configuration.fields.map(\.field))
        let progress = ProgressReporter()
        var writer = TagOutputWriter(format: outFormat, csvOptions: csvOptions)
        var tagged = 0
        var bad = StreamBadRecords(badRecords)
        try OutputSink(path: output).run { emit in
            tagged = try TagRun.run(input, taggers: try Self.taggers(tagger, jobs: jobs.count), writer: &writer,
                                    bad: { bad.report($0.message) },
                                    tagged: { progress.tick($0) }, emit: emit)
            if tagged == 0 {
                let name = file == "-" ? "stdin" : file
                if bad.count > 0 {
                    bad.sayUnlisted()
                    throw ToolError(name + ": " + tr("żaden postulat nie nadaje się do oznaczenia", "no postulate could be tagged")
                                    + " (" + BadRecords.summary(bad: bad.count, read: 0, skipping: true) + ")")
                }
                throw ToolError(name + ": " + tr("brak postulatów do oznaczenia (puste wejście)", "no postulates to tag (empty input)"))
            }
            try emit(writer.flush())
        }
        progress.done(tagged)
        if !writer.droppedFields.isEmpty {
            let name = file == "-" ? "stdin" : file
            let list = writer.droppedFields.sorted { ($0.line, $0.field) < ($1.line, $1.field) }.prefix(BadRecords.listed).map { "„\($0.field)” (\(name):\($0.line))" }.joined(separator: ", ")
            let more = writer.droppedFields.count > BadRecords.listed ? tr(" i \(writer.droppedFields.count - BadRecords.listed) innych", " and \(writer.droppedFields.count - BadRecords.listed) more") : ""
            printError(tr("uwaga: kolumny CSV wzięto z pierwszego rekordu, więc pola późniejszych rekordów nie mają kolumny i ich nie zapisano: \(list)\(more); zachowa je --format jsonl albo najpierw postulaty corpus convert do CSV",
                          "warning: the CSV columns come from the first record, so fields of later records have no column and were not written: \(list)\(more); --format jsonl keeps them, or convert to CSV first with postulaty corpus convert"))
        }
        try bad.finish(good: tagged)
    }

    /// `first` and `jobs − 1` more taggers of its model, each with an analyzer of its own on the same lemmatiser.
    static func taggers(_ first: Tagger, jobs: Int) throws -> [Tagger] {
        var out = [first]
        while out.count < jobs {
            let analyzer: any TermAnalyzing
            if let a = first.analyzer as? Analyzer {
                analyzer = try Analyzer(lemmatizer: a.lemmatizer, configuration: a.configuration)
            } else if first.analyzer is WhitespaceTerms {
                analyzer = WhitespaceTerms()
            } else {
                break
            }
            out.append(try Tagger(model: first.model, analyzer: analyzer))
        }
        return out
    }
}
