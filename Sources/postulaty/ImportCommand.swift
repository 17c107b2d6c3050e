import ArgumentParser
import Corpus
import Foundation

/// `postulaty import`: a city's meeting summary (.txt from pdftotext, or .pdf) → postulate records.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a meeting summary (table of postulates) into JSONL or CSV records.",
        discussion: """
        Reads the text of a city's meeting summary (or a PDF, converted with pdftotext from poppler-utils) \
        and writes one record per table row: organisation, postulate, justification, the city's position \
        and the answering unit. The meeting date and year are read from the text ("W dniu 17 czerwca 2025 r."). \
        Rows that cannot be read are listed by number; the import then fails unless --skip-bad-rows.

        Example:
          postulaty import Corpora/krakow-2025-06-17-spotkanie-branzowe.txt -o /tmp/krakow-2025.jsonl
        """)

    @Argument(help: "Meeting summary: .txt (UTF-8 text from pdftotext) or .pdf.")
    var file: String

    @Option(help: "Meeting year (overrides the date read from the text).")
    var year: Int?

    @Option(help: "Value of the 'meeting' field (default: the file name without extension).")
    var meeting: String?

    @Option(name: .customLong("id-prefix"), help: "Ids are PREFIX-NN (default: the file name up to the meeting date).")
    var idPrefix: String?

    @Option(name: .shortAndLong, help: "Output file (.jsonl or .csv); standard output when absent.")
    var output: String?

    @Flag(name: .customLong("skip-bad-rows"), help: "Write the rows that were read even if some could not be.")
    var skipBadRows = false

    @Option(help: "CSV output (-o x.csv) delimiter: ',' (default), ';' (a Polish-locale spreadsheet) or tab.")
    var delimiter: DelimiterName = .comma

    @Flag(help: "CSV output (-o x.csv): start with a UTF-8 byte-order mark (for spreadsheets).")
    var bom = false

    @OptionGroup var language: LanguageOption

    func validate() throws {
        let years = CorpusValidator.plausibleYears
        if let year, !years.contains(year) {
            throw ValidationError(tr("--year \(year) nie jest wiarygodnym rokiem spotkania (\(years.lowerBound)–\(years.upperBound))",
                                     "--year \(year) is not a plausible meeting year (\(years.lowerBound)–\(years.upperBound))"))
        }
    }

    func run() throws {
        try checkOutput(output, inputs: [file])
        let importer = MeetingImporter(year: year, meeting: meeting, idPrefix: idPrefix)
        let result = try importer.importFile(path: file)
        for n in result.notes { printError(tr("\(file): uwaga: \(n)", "\(file): note: \(n)")) }
        for p in result.problems { printError(tr("\(file): nie zaimportowano: \(p)", "\(file): not imported: \(p)")) }
        if !result.problems.isEmpty && !skipBadRows {
            let rows = counted(result.problems.count,
                               pl: ("nierozpoznany wiersz tabeli", "nierozpoznane wiersze tabeli", "nierozpoznanych wierszy tabeli"),
                               en: ("unrecognised table row", "unrecognised table rows"))
            throw ToolError(tr("\(file): \(rows) — nic nie zapisano (--skip-bad-rows zapisze pozostałe)",
                               "\(file): \(rows); nothing was written (--skip-bad-rows writes the others)"))
        }
        if let output {
            try CorpusWriter.write(result.records, to: output, csvOptions: CSVOptions(delimiter: delimiter.character, byteOrderMark: bom))
            let n = Messages.postulates(result.records.count)
            printError(tr("\(file): zaimportowano \(n) → \(output)", "\(file): imported \(n) → \(output)"))
        } else {
            try StandardOutput.write(CorpusWriter.jsonl(result.records))
        }
    }
}
