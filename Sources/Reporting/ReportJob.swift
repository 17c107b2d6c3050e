import Corpus
import PolishText
import Similarity

/// One run of `postulaty report`, as a library call: read the corpus files, label them with whichever models are
/// available, and render the report. The command and the test that regenerates the committed example both call
/// this, so they cannot drift apart.
public struct ReportJob {
    public var inputs: [String]
    public var name: String
    /// The report's title ("Kraków"); nil: `name`.
    public var title: String?
    public var taxonomyPath: String
    public var themeModelPath: String
    public var stanceModelPath: String
    public var recurring = true
    /// Recurring demands are looked for only among records that agree on these fields (`SameFields`; default the
    /// city and the district).
    public var same = SameFields.places
    /// `same` was named by the user: a field no record has is then an error (a misspelt `distirct` would pass
    /// silently); the default place fields may be absent.
    public var sameNamed = false
    public var years: ClosedRange<Int>?
    public var language: ReportLanguage = .pl
    public var limits = ReportLimits()
    /// What a bad record does: fail the report (default) or be skipped and counted (`hooks.skipped`).
    public var badRecords: BadRecordPolicy = .fail
    /// How the CSV files are written: for a Polish-locale spreadsheet unless asked otherwise.
    public var csv = ReportCSV.spreadsheet
    /// Threads for labelling and the join (nil: the labelling on this thread, the join alongside it on every core;
    /// 1: one thread). The report's bytes do not depend on it.
    public var jobs: Int?
    /// Records already read (the service's store, reviews applied); nil: read `inputs`, which then only name the
    /// sources in the report.
    public var load: CorpusLoad?

    public init(inputs: [String], name: String, taxonomyPath: String, themeModelPath: String, stanceModelPath: String) {
        self.inputs = inputs; self.name = name; self.taxonomyPath = taxonomyPath
        self.themeModelPath = themeModelPath; self.stanceModelPath = stanceModelPath
    }

    /// Hooks for progress on stderr; all optional.
    public struct Hooks {
        public var notice: (String) -> Void = { _ in }
        /// The records skipped under `BadRecordPolicy.skip` and how many were read.
        public var skipped: ([CorpusError], Int) -> Void = { _, _ in }
        public var progress: ((Int, Int) -> Void)?
        /// Called with the name of each phase as it finishes: "read", "models loaded", "labelled",
        /// "recurring demands", "rendered".
        public var phase: (String) -> Void = { _ in }
        public init() {}
    }

    /// Runs with the default analyzer of `modelsDirectory`; when it cannot be made (missing lexicon tables), the
    /// report still comes out, from the analysts' labels, and `hooks.notice` says why.
    public func run(modelsDirectory: String, hooks: Hooks = Hooks()) throws -> (data: ReportData, files: [ReportFile]) {
        let analyzer: Analyzer?
        do { analyzer = try DefaultAnalyzer.make(modelsDirectory: modelsDirectory) } catch {
            hooks.notice(tr("uwaga: brak analizatora (\(error)): tematy i stanowiska z etykiet analityków, bez powracających postulatów",
                            "warning: no analyzer (\(error)): themes and stances from the analysts' labels, no recurring demands"))
            analyzer = nil
        }
        hooks.phase("analyzer")
        return try run(analyzer: analyzer, hooks: hooks)
    }

    /// Says which records the report counts but cannot place: a year that is no year ("2025 r.") goes to "rok
    /// nieznany", a record without text is counted with no theme. Both are errors for `corpus validate`; the
    /// report goes on, but a reader of the figures must not be left to find them.
    static func noticeDoubtfulRecords(_ load: CorpusLoad, _ notice: (String) -> Void) {
        func tell(_ indices: [Int], _ what: (String, String), _ example: (Int) -> String) {
            guard let first = indices.first else { return }
            let o = load.origins[first]
            let n = counted(indices.count, pl: ("postulat", "postulaty", "postulatów"), en: ("postulate", "postulates"))
            notice(tr("uwaga: \(n) \(what.0) (pierwszy: \(o.file):\(o.line)\(example(first))); sprawdź: postulaty corpus validate",
                      "warning: \(n) \(what.1) (first: \(o.file):\(o.line)\(example(first))); check with: postulaty corpus validate"))
        }
        let records = load.records
        let badYear = records.indices.filter { records[$0].rawInvalidValue(of: "year") != nil }
        tell(badYear, ("z niepoprawnym rokiem (w raporcie: „rok nieznany”)", "with an invalid year (in the report: \"year unknown\")")) {
            ": " + (records[$0].rawInvalidValue(of: "year")?.jsonText.prefix(40) ?? "")
        }
        let noText = records.indices.filter { records[$0].text.allSatisfy(\.isWhitespace) && records[$0].rawInvalidValue(of: "text") == nil }
        tell(noText, ("bez treści", "without text")) { _ in "" }
    }

    /// `analyzer` nil: no model can run (the report uses the analysts' labels and has no recurring demands).
    public func run(analyzer: Analyzer?, hooks: Hooks = Hooks()) throws -> (data: ReportData, files: [ReportFile]) {
        let load = try self.load ?? CorpusLoad.read(inputs, policy: badRecords)
        hooks.skipped(load.skipped, load.records.count)
        let records = load.records
        Self.noticeDoubtfulRecords(load, hooks.notice)
        hooks.phase("read")
        var builder = ReportBuilder(taxonomy: try Taxonomy.load(path: taxonomyPath))
        if let analyzer {
            if recurring, sameNamed {
                let (absent, seen) = SameFields(same).absent(in: records)
                if let first = absent.first {
                    let shown = seen.prefix(40).joined(separator: ", ") + (seen.count > 40 ? ", …" : "")
                    throw ReportError(tr("--same \(first): żaden rekord nie ma pola „\(first)” (pola w danych: \(shown))",
                                         "--same \(first): no record has the field \"\(first)\" (fields in the data: \(shown))"))
                }
            }
            if recurring {
                try load.requireIDs(for: ("wykrywanie powracających postulatów (wyłącza je --no-recurring)",
                                          "finding recurring demands (--no-recurring turns it off)"))
            }
            try ReportModels.attach(to: &builder, analyzer: analyzer, themeModel: themeModelPath, stanceModel: stanceModelPath,
                                recurring: recurring, same: same, jobs: jobs, notice: hooks.notice)
        }
        hooks.phase("models loaded")
        builder.progress = hooks.progress
        builder.phase = hooks.phase
        var data = try builder.build(records, name: name, sources: inputs, years: years)
        data.title = title
        let files = Report.render(data, language: language, limits: limits, csv: csv, threads: jobs ?? 1)
        hooks.phase("rendered")
        return (data, files)
    }
}
