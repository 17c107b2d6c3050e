import ArgumentParser
import Corpus
import Foundation
import Similarity

/// `postulaty index`: build and update the similarity index that `similar` searches.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update the similarity index of prior postulates.",
        discussion: """
        The index file format is described in docs/similarity.md.

        Examples:
          postulaty index build
          postulaty index build Corpora/*.jsonl -o /tmp/similarity.index
          postulaty index add Corpora/nowe-spotkanie.jsonl
          postulaty index remove krakow-2025-06-17-03
          postulaty index info
        """,
        subcommands: [Build.self, Add.self, Remove.self, Info.self])

    /// Adds read records to an index; a record whose id is already indexed is an error naming file and line.
    /// Analysis runs on `jobs` threads; the index is the same bytes for any number.
    static func add(_ load: CorpusLoad, to index: SimilarityIndex, jobs: Int) throws {
        try load.requireIDs(for: ("indeks podobieństwa", "the similarity index"))
        try index.add(load.records, jobs: jobs) { i, error in
            guard case SimilarityError.duplicateID(let id) = error else { return error }
            let origin = load.origins[i]
            return ToolError("\(origin.file):\(origin.line): " + tr(
                "pole „id”: „\(id)” jest już w indeksie (identyfikatory muszą być niepowtarzalne)",
                "field \"id\": \"\(id)\" is already in the index (ids must be unique)"))
        }
    }

    /// `index add`/`remove` change an index that exists: without one, say how to make it (before the lock, whose
    /// file would otherwise be the first thing to fail, in a folder that may not exist).
    static func requireExisting(_ path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        throw ToolError(tr("\(path): nie ma indeksu; zbuduj go: postulaty index build PLIKI -o \(path) (albo wskaż inny: --index PLIK)",
                           "\(path): no index; build it: postulaty index build FILES -o \(path) (or name another: --index FILE)"))
    }

    /// Runs `body` holding the index's lock (`FileLock`, `.NAME.lock` beside it): runs that change one index take
    /// turns, so none reports success for work another one overwrote. Waits up to `timeout` seconds, saying so once.
    static func withLock<T>(_ path: String, timeout: Double, _ body: () throws -> T) throws -> T {
        let lock = try FileLock(for: path, timeout: .milliseconds(Int64((max(0, timeout) * 1000).rounded()))) {
            printError(tr("\(path): inny proces postulaty zmienia ten indeks — czekam (najwyżej \(LockOptions.format(timeout)) s)…",
                          "\(path): another postulaty run is changing this index — waiting (at most \(LockOptions.format(timeout)) s)…"))
        }
        defer { lock.unlock() }
        return try body()
    }

    /// `--lock-timeout`, shared by the commands that change an index.
    struct LockOptions: ParsableArguments {
        @Option(name: .customLong("lock-timeout"),
                help: "Seconds to wait while another run is changing the same index (then fail, changing nothing).")
        var lockTimeout: Double = 60

        func validate() throws {
            guard lockTimeout >= 0, lockTimeout.isFinite else { throw ValidationError(tr("--lock-timeout: liczba sekund ≥ 0", "--lock-timeout must be a number of seconds ≥ 0")) }
        }

        static func format(_ s: Double) -> String { s == s.rounded() ? String(Int(s)) : String(s) }
    }

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the index from corpus files (default: Corpora/*.jsonl → Models/similarity.index).",
            discussion: "Example:\n  postulaty index build Corpora/*.jsonl -o Models/similarity.index")

        @Argument(help: "Corpus files (JSONL or CSV); default Corpora/*.jsonl.")
        var files: [String] = []

        @Option(name: .shortAndLong, help: "Index file to write.")
        var output: String = Defaults.similarityIndex

        @Option(name: .customLong("justification-weight"), help: "Weight of the justification's terms relative to the text's.")
        var justificationWeight: Double = SimilarityIndexSettings().justificationWeight

        @OptionGroup var badRecords: BadRecordOptions

        @OptionGroup var lock: LockOptions

        @OptionGroup var jobs: JobsOption

        @OptionGroup var language: LanguageOption

        func run() throws {
            let inputs = files.isEmpty ? try Defaults.corpusFiles() : files
            try checkOutput(output, inputs: inputs)
            var phases = PhaseTimes()
            let index = SimilarityIndex(analyzer: try Defaults.analyzer(),
                                        settings: SimilarityIndexSettings(justificationWeight: justificationWeight))
            phases.lap("analyzer")
            // Read, parsed, checked and analysed in one pipeline (the corpus is never held whole).
            let built = try index.add(reading: CorpusBatches(files: inputs, policy: badRecords.policy), jobs: jobs.count,
                                      purpose: ("indeks podobieństwa", "the similarity index"))
            badRecords.reportSkipped(built.skipped, read: built.read)
            if let e = built.idError { throw e }
            phases.lap("read+analyse+add")
            // A rebuild replaces the whole file; the lock only makes it wait for an add or remove in progress.
            let target = try Defaults.preparingOutput(output)
            try IndexCommand.withLock(target, timeout: lock.lockTimeout) { try IndexLoading.save(index, to: target) }
            phases.lap("save")
            phases.report("index build")
            // The process ends next: the system takes back the index's memory at once, where freeing a million
            // records one by one took a serial half second.
            _ = Unmanaged.passRetained(index)
            printError(tr("indeks: ", "index: ") + Messages.postulates(index.count) + tr(" z ", " from ")
                       + counted(inputs.count, pl: ("pliku", "plików", "plików"), en: ("file", "files")) + " → \(output)")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the postulates of corpus files to an existing index (no rebuild).",
            discussion: "Example:\n  postulaty index add Corpora/nowe-spotkanie.jsonl")

        @Argument(help: "Corpus files (JSONL or CSV).")
        var files: [String]

        @Option(help: "Index file to update.")
        var index: String = Defaults.similarityIndex

        @OptionGroup var badRecords: BadRecordOptions

        @OptionGroup var lock: LockOptions

        @OptionGroup var jobs: JobsOption

        @OptionGroup var language: LanguageOption

        func run() throws {
            try checkOutput(index, inputs: files)
            try IndexCommand.requireExisting(index)
            let load = try badRecords.load(files)
            let (idx, before) = try IndexCommand.withLock(index, timeout: lock.lockTimeout) {
                // read, change and save under the lock: a run started meanwhile waits, then reads this run's result
                let idx = try IndexLoading.load(index)
                let before = idx.count
                try IndexCommand.add(load, to: idx, jobs: jobs.count)
                try IndexLoading.save(idx, to: index)
                return (idx, before)
            }
            printError(tr("indeks: dodano \(idx.count - before), razem \(Messages.postulates(idx.count)) → \(index)",
                          "index: added \(idx.count - before), \(Messages.postulates(idx.count)) in all → \(index)"))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove postulates by id from an existing index (no rebuild).",
            discussion: "Example:\n  postulaty index remove krakow-2025-06-17-03 krakow-2025-06-17-04")

        @Argument(help: "Postulate ids.")
        var ids: [String]

        @Option(help: "Index file to update.")
        var index: String = Defaults.similarityIndex

        @OptionGroup var lock: LockOptions

        @OptionGroup var language: LanguageOption

        func run() throws {
            try checkOutput(index, inputs: [])
            try IndexCommand.requireExisting(index)
            let idx = try IndexCommand.withLock(index, timeout: lock.lockTimeout) {
                let idx = try IndexLoading.load(index)
                for id in ids {
                    do { try idx.remove(id: id) } catch let e as SimilarityError { throw ToolError("\(index): \(e)") }
                }
                try IndexLoading.save(idx, to: index)
                return idx
            }
            printError(tr("indeks: usunięto \(ids.count), razem \(Messages.postulates(idx.count)) → \(index)",
                          "index: removed \(ids.count), \(Messages.postulates(idx.count)) in all → \(index)"))
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what an index holds (postulates, terms, analyzer hash) as one JSON line.",
            discussion: "Example:\n  postulaty index info --index Models/similarity.index")

        @Option(help: "Index file (default: Models/similarity.index, else the one installed with the tool).")
        var index: String?

        @OptionGroup var language: LanguageOption

        func run() throws {
            let idx = try IndexLoading.load(try Defaults.similarityIndex(index))
            let years = Set(idx.postulates.compactMap(\.year)).sorted()
            try StandardOutput.write(JSONLine.object([
                ("postulates", .int(idx.count)), ("terms", .int(idx.vocabularySize)), ("entries", .int(idx.postingCount)),
                ("years", .array(years.map { .int($0) })),
                ("justification_weight", .double(idx.settings.justificationWeight)),
                ("analyzer_hash", .string(idx.analyzer.configuration.hash)),
            ]) + "\n")
        }
    }
}
