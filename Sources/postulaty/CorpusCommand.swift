import ArgumentParser
import Corpus
import Foundation

/// `postulaty corpus`: statistics, validation and format conversion of corpus files.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Corpus files: statistics, validation, JSONL ↔ CSV conversion.",
        subcommands: [CorpusStatsCommand.self, CorpusValidateCommand.self, CorpusConvertCommand.self])
}

/// Corpus files from the arguments, or `Corpora/*.jsonl`.
private func corpusFiles(_ files: [String]) throws -> [String] {
    if !files.isEmpty { return files }
    let found = try Defaults.corpusFiles()
    if found.isEmpty {
        throw ToolError(tr("\(Defaults.corporaDirectory): brak plików *.jsonl", "\(Defaults.corporaDirectory): no *.jsonl files"))
    }
    return found
}

struct CorpusStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count records by year, theme, organisation and response stance; duplicate groups.",
        discussion: """
        Files are JSONL or CSV; without FILES, all Corpora/*.jsonl. Reads one record at a time.

        Example:
          postulaty corpus stats
          postulaty corpus stats Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl
        """)

    @Argument(help: "Corpus files (default: Corpora/*.jsonl).")
    var files: [String] = []

    @Option(help: "Taxonomy for theme labels (default: Models/taxonomy.json, else the one installed with the tool).")
    var taxonomy: String?

    @Option(help: "How many organisations to list.")
    var top: Int = 20

    @OptionGroup var badRecords: BadRecordOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let paths = try corpusFiles(files)
        // A taxonomy named by --taxonomy must load; the default one only adds theme names when it is there.
        let tax = try taxonomy.map { try Taxonomy.load(path: $0) } ?? (try? Taxonomy.load(path: Defaults.shipped("taxonomy.json").orDefault))
        var stats = CorpusStats()
        var good = 0
        let skipped = try CorpusLoad.forEach(paths, policy: badRecords.policy) { r, _ in stats.add(r); good += 1 }
        badRecords.reportSkipped(skipped, read: good)
        try StandardOutput.write(stats.report(taxonomy: tax, files: paths, topOrganisations: top))
    }
}

struct CorpusValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check corpus files; exit status 0 only when every record is valid.",
        discussion: """
        Reports every problem as FILE:LINE: pole „FIELD”: message — unreadable or truncated lines, missing id or \
        text, a year that is not a year, theme codes missing from the taxonomy, duplicate ids (within and across \
        the files, naming both lines), response_stance outside accepted, already_done, budget_dependent, referred, \
        rejected.

        Example:
          postulaty corpus validate
          postulaty corpus validate new-submissions.csv --taxonomy Models/taxonomy.json
        """)

    @Argument(help: "Corpus files (default: Corpora/*.jsonl).")
    var files: [String] = []

    @Option(help: "Taxonomy the theme codes are checked against (default: Models/taxonomy.json, else the one installed with the tool).")
    var taxonomy: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let paths = try corpusFiles(files)
        let taxonomy = try self.taxonomy ?? Defaults.shipped("taxonomy.json").required(("taksonomii", "taxonomy"), option: "--taxonomy")
        let tax = try Taxonomy.load(path: taxonomy)
        let result = CorpusValidator(taxonomy: tax).validate(files: paths)
        try StandardOutput.write(result.issues.map { $0.description + "\n" }.joined())
        let read = "\(Messages.files(result.files)), \(Messages.postulates(result.records))"
        if result.isValid {
            printError(tr("OK: bez błędów (\(read))", "OK: no problems (\(read))"))
        } else {
            let problems = counted(result.issues.count, pl: ("błąd", "błędy", "błędów"), en: ("problem", "problems"))
            printError(tr("Błędy: \(result.issues.count) (\(read))", "\(problems) (\(read))"))
            throw ExitCode(1)
        }
    }
}

struct CorpusConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a corpus file between JSONL and CSV (by the output's extension).",
        discussion: """
        CSV: header row, RFC 4180 quoting, themes as codes joined by '|' (security|seniors). Text starting with \
        =, +, -, @, tab or CR gets a leading ' so a spreadsheet does not run it as a formula; reading a CSV \
        removes it again. Other fields keep their JSON type, so converting back gives the same bytes.

        Example:
          postulaty corpus convert Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl /tmp/krakow.csv --delimiter ';' --bom
        """)

    @Argument(help: "Input file (.jsonl or .csv).")
    var input: String

    @Argument(help: "Output file (.jsonl or .csv); or give it as -o.")
    var outputArgument: String?

    /// Every other command writes to `-o FILE`; a user who types it here should not be told the option is unknown.
    @Option(name: [.short, .customLong("output")], help: "Output file (.jsonl or .csv), instead of the second argument.")
    var outputOption: String?

    func validate() throws {
        switch (outputArgument, outputOption) {
        case (nil, nil):
            throw ValidationError(tr("podaj plik wyjściowy: drugi argument albo -o PLIK (.jsonl albo .csv)",
                                     "give the output file: a second argument or -o FILE (.jsonl or .csv)"))
        case (let a?, let o?) where a != o:
            throw ValidationError(tr("dwa pliki wyjściowe (\(a) i -o \(o)): podaj jeden", "two output files (\(a) and -o \(o)): give one"))
        default: break
        }
    }

    private var output: String { outputOption ?? outputArgument ?? "-" }

    @Option(help: "CSV delimiter: ',' (default), ';' (a Polish-locale spreadsheet) or tab.")
    var delimiter: DelimiterName = .comma

    @Flag(help: "Start the CSV with a UTF-8 byte-order mark (for spreadsheets).")
    var bom = false

    @OptionGroup var badRecords: BadRecordOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        try checkOutput(output, inputs: [input])
        // The output's name chooses the format: a name that chooses none would silently get JSONL.
        if output != "-", CorpusFormat.fromExtension(output) == nil {
            throw ToolError(tr("\(output): nazwa pliku wyjściowego wybiera format — zakończ ją na .jsonl albo .csv; nic nie zapisano",
                               "\(output): the output's name chooses the format — end it in .jsonl or .csv; nothing written"))
        }
        let records = try badRecords.load([input]).records
        try CorpusWriter.write(records, to: output, csvOptions: CSVOptions(delimiter: delimiter.character, byteOrderMark: bom))
        printError("\(input) → \(output): " + Messages.postulates(records.count))
    }
}
