import ArgumentParser
import Corpus
import Foundation
import Reporting

/// `postulaty report`: reads the corpus, labels it with the default models, and writes the thematic report folder.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the thematic report (HTML, Markdown, CSV) for postulates.",
        discussion: """
        Writes DIR/index.html (self-contained: inline CSS and SVG, no scripts), DIR/report.md, one CSV per chart \
        and table, columns.md describing every column, and the charts as .svg files. Themes come from the theme \
        model, the city's stances from the stance model, recurring demands from the near-duplicate join; when a \
        default model is missing (or from another analyzer) the report uses the analysts' labels and says so; a \
        --model that does not exist, a damaged model file, or a model of another kind (a stance model as --model) \
        is an error naming the file. Same inputs give \
        the same bytes.

        The CSV files open correctly in a Polish-locale Excel by default: UTF-8 with a byte-order mark, ';' \
        between cells, decimal comma. Plain RFC 4180 CSV (',', no BOM, decimal point): --delimiter , --no-bom. \
        Lists in a cell (theme codes, years) are joined by '|'; text starting with =, +, -, @, tab or CR gets a \
        leading ' so a spreadsheet does not run it as a formula.

        Examples:
          postulaty report                # Corpora/*.jsonl into Reports/krakow/
          postulaty report Corpora/authored-a.jsonl -o /tmp/raport --years 2023-2025
          postulaty report --lang en -o /tmp/report-en
          postulaty report -o /tmp/raport-rfc --delimiter , --no-bom
        """
    )

    /// The default corpus is Kraków's meetings, so its report is Reports/krakow/, titled "Kraków".
    static let defaultName = "krakow"
    static let defaultTitle = "Kraków"

    @Argument(help: "Corpus files (JSONL or CSV); default: Corpora/*.jsonl.")
    var files: [String] = []

    @Option(name: .shortAndLong, help: "Output folder; default: Reports/<name>/ (krakow for the default corpus).")
    var output: String?

    @Option(name: .long, help: "Only these meeting years: A-B or one year.")
    var years: String?

    @Option(name: .long, help: "What the report is about, shown in its heading (\"Gdynia 2020–2021\"); default: Kraków for the default corpus, else the input's file name.")
    var title: String?

    @Option(name: .long, help: "Report language: pl (default) or en.")
    var lang: ReportLanguage = .pl

    @Option(name: .long, help: "Taxonomy file (default: Models/taxonomy.json, else the one installed with the tool).")
    var taxonomy: String?

    @Option(name: .long, help: "Theme model file (default: Models/themes.model, else the one installed with the tool).")
    var model: String?

    @Option(name: .long, help: "Stance model file (default: Models/stance.model, else the one installed with the tool).")
    var stanceModel: String?

    @Option(name: .customLong("same"), help: ArgumentHelp(
        "Recurring demands only among records agreeing on FIELD (repeatable; default: city and district, where the data has them; 'none': compare all).",
        valueName: "FIELD"))
    var same: [String] = []

    @Flag(name: .long, help: "Skip the near-duplicate join (no recurring demands section).")
    var noRecurring = false

    @Option(name: .long, help: "CSV delimiter: ';' (default, with a decimal comma, for a Polish-locale spreadsheet), ',' or tab (decimal point).")
    var delimiter: DelimiterName = .semicolon

    @Flag(name: .long, inversion: .prefixedNo, help: "Start each CSV file with a UTF-8 byte-order mark (default: yes).")
    var bom = true

    @OptionGroup var badRecords: BadRecordOptions

    @OptionGroup var jobs: JobsOption

    @Flag(name: .long, help: "Write into an output folder that is neither empty nor an earlier report (its files of the same names are replaced).")
    var force = false

    func validate() throws {
        if let years { _ = try ReportCommand.parseYears(years) }
        guard same.allSatisfy({ !$0.isEmpty }) else { throw ValidationError(tr("--same: podaj nazwę pola", "--same: give a field name")) }
        if same.contains("none"), same.count > 1 {
            throw ValidationError(tr("--same none: bez innych pól", "--same none: with no other field"))
        }
    }

    static func parseYears(_ s: String) throws -> ClosedRange<Int> {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let nums = parts.compactMap { Int($0) }
        guard nums.count == parts.count, (1...2).contains(nums.count), nums.allSatisfy({ (1900...2200).contains($0) }),
              nums[0] <= nums[nums.count - 1] else {
            throw ValidationError(tr("--years: rok albo zakres A-B (np. 2023-2025), nie „\(s)”",
                                     "--years must be a year or a range A-B (e.g. 2023-2025), not '\(s)'"))
        }
        return nums[0]...nums[nums.count - 1]
    }

    func run() throws {
        let inputs = files.isEmpty ? try Defaults.corpusFiles() : files
        guard !inputs.isEmpty else {
            throw ToolError(tr("brak plików korpusu: podaj PLIKI albo umieść pliki *.jsonl w \(Defaults.corporaDirectory)/",
                               "no corpus files: give FILES or put *.jsonl files in \(Defaults.corporaDirectory)/"))
        }
        let name = files.isEmpty ? ReportCommand.defaultName : ReportCommand.name(for: inputs)
        let outDir = output ?? "\(Defaults.reportsDirectory)/\(name)"
        let yearRange = try years.map(ReportCommand.parseYears)
        try Report.checkFolder(outDir, force: force, inputs: inputs + [taxonomy ?? Defaults.shipped("taxonomy.json").orDefault,
                                                                 model ?? Defaults.shipped("themes.model").orDefault,
                                                                 stanceModel ?? Defaults.shipped("stance.model").orDefault])

        // A model the user named must exist: a typo would otherwise give a report with every theme at zero. A
        // missing default model is reported by the job (the report then uses the analysts' labels); a missing
        // taxonomy is an error naming the paths tried.
        for (option, path) in [("--model", model), ("--stance-model", stanceModel)] {
            if let path, !FileManager.default.fileExists(atPath: path) {
                throw ToolError(tr("\(path): nie ma takiego pliku (\(option)); bez tej opcji raport użyje modelu domyślnego albo etykiet analityków",
                                   "\(path): no such file (\(option)); without the option the report uses the default model or the analysts' labels"))
            }
        }
        let taxonomyPath = try taxonomy ?? Defaults.shipped("taxonomy.json").required(("taksonomii", "taxonomy"), option: "--taxonomy")
        var job = ReportJob(inputs: inputs, name: name, taxonomyPath: taxonomyPath,
                            themeModelPath: model ?? Defaults.shipped("themes.model").orDefault,
                            stanceModelPath: stanceModel ?? Defaults.shipped("stance.model").orDefault)
        // A title given wins; the default corpus is Kraków's; files with no common name get no made-up subject.
        job.title = title ?? (files.isEmpty ? ReportCommand.defaultTitle : name == ReportCommand.fallbackName ? "" : nil)
        job.recurring = !noRecurring
        if !same.isEmpty {
            job.same = same == ["none"] ? [] : same
            job.sameNamed = true
        }
        job.years = yearRange
        job.language = lang
        job.badRecords = badRecords.policy
        job.csv = CSVOptions(delimiter: delimiter.character, byteOrderMark: bom)
        job.jobs = jobs.count

        let clock = PhaseClock()
        var hooks = ReportJob.Hooks()
        hooks.notice = { printError("report: \($0)") }
        hooks.skipped = { skipped, read in badRecords.reportSkipped(skipped, read: read) }
        hooks.phase = { name in
            clock.lap(name)
            if clock.large { printError("report: \(PhaseClock.label(name))") }
        }
        var lastTenth = -1
        hooks.progress = { done, total in
            clock.large = total >= 5_000
            guard clock.large else { return }
            let pct = done * 100 / max(1, total)
            if pct / 10 != lastTenth {
                lastTenth = pct / 10
                printError(tr("report: oznaczono \(done)/\(total) (\(pct)%)", "report: labelled \(done)/\(total) (\(pct)%)"))
            }
        }
        let dataDirectory: String
        do { dataDirectory = try Defaults.dataDirectory() } catch {
            hooks.notice(tr("ostrzeżenie: \(error)", "warning: \(error)"))
            dataDirectory = Defaults.modelsDirectory
        }
        let (data, rendered) = try job.run(modelsDirectory: dataDirectory, hooks: hooks)
        guard !data.postulates.isEmpty else {
            let span = years.map { tr(" z lat \($0)", " in years \($0)") } ?? ""
            throw ToolError(tr("brak postulatów\(span) w \(inputs.joined(separator: ", ")): nic nie zapisano",
                               "no postulates\(span) in \(inputs.joined(separator: ", ")): nothing written"))
        }
        try Report.write(rendered, to: outDir)
        clock.lap("written")
        printError(tr("report: \(Messages.postulates(data.postulates.count)) → \(outDir)/index.html (\(Messages.files(rendered.count))); sekundy: \(clock.summary)",
                      "report: \(Messages.postulates(data.postulates.count)) → \(outDir)/index.html (\(Messages.files(rendered.count))); seconds: \(clock.summary)"))
    }

    /// Report name from the input files: one file gives its base name; several give their common leading word
    /// ("krakow-2024.jsonl", "krakow-2025.jsonl" → "krakow"), else "report".
    static func name(for paths: [String]) -> String {
        let bases = paths.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        if bases.count == 1 { return bases[0].isEmpty ? fallbackName : bases[0] }
        let words = bases.map { $0.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).first.map(String.init) ?? "" }
        if let w = words.first, !w.isEmpty, words.allSatisfy({ $0 == w }) { return w }
        return fallbackName
    }

    /// The folder name when the input files share no name (Reports/report/); not a title.
    static let fallbackName = "report"
}

/// Wall-clock seconds per phase, for the summary line on stderr (never written into the report's files).
final class PhaseClock {
    private var last = ContinuousClock.now
    private var laps: [(String, Duration)] = []
    /// Large input: phases are announced on stderr as they finish.
    var large = false

    func lap(_ name: String) {
        let now = ContinuousClock.now
        laps.append((name, now - last))
        last = now
    }

    /// The phase names the report's stages use, said in the run's language.
    static func label(_ name: String) -> String {
        switch name {
        case "analyzer": return tr("analizator", "analyzer")
        case "read": return tr("odczyt", "read")
        case "models loaded": return tr("modele", "models loaded")
        case "labelled": return tr("oznaczanie", "labelled")
        case "recurring demands": return tr("powracające postulaty", "recurring demands")
        case "rendered": return tr("składanie", "rendered")
        case "written": return tr("zapis", "written")
        default: return name
        }
    }

    var summary: String {
        laps.map { name, d in
            let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
            // a decimal comma in Polish, as everywhere else in the Polish messages
            return "\(Self.label(name)) \(ms / 1000)\(tr(",", "."))\(String(ms % 1000 + 1000).dropFirst())"
        }.joined(separator: ", ")
    }
}
