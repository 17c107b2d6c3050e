import ArgumentParser
import Corpus
import Foundation
import Store

/// `postulaty store`: the staff review store (SQLite) — import, export, backup, check. Thin over `ReviewStore`.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "The staff review store (SQLite): import, export, backup, check.",
        discussion: "See docs/store.md. The store is \(StoreLocation.defaultPath) unless --store says otherwise.",
        subcommands: [StoreImportCommand.self, StoreExportCommand.self, StoreBackupCommand.self, StoreCheckCommand.self])
}

/// The store file option shared by the subcommands (and `serve`, `train`).
struct StoreLocation: ParsableArguments {
    /// Relative to the working directory, git-ignored: a store holds the staff's work, not the repository's.
    static let defaultPath = "Data/postulaty.sqlite"

    @Option(name: .customLong("store"), help: "The store file.")
    var path: String = StoreLocation.defaultPath

    /// Opens the store; `create` makes the file (and `Data/` for the default path); `readOnly` never creates,
    /// migrates or writes (an empty, foreign or missing file is an error naming it).
    func open(create: Bool = false, readOnly: Bool = false, taxonomy: Taxonomy? = nil) throws -> ReviewStore {
        if create && path == Self.defaultPath {
            try? FileManager.default.createDirectory(atPath: "Data", withIntermediateDirectories: true)
        }
        do { return try ReviewStore(path: path, create: create, readOnly: readOnly, taxonomy: taxonomy) } catch { throw ToolError(error.message) }
    }

    /// Who the CLI's changes are attributed to in the audit trail.
    /// `USER` is unset under cron, systemd and `sudo -i` scripts: then the account's name from the system.
    static var cliUser: String {
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return "cli:" + user }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return "cli:" + String(cString: name) }
        return "cli:uid-\(getuid())"
    }
}

/// Runs `body` with the store, then closes it (the WAL folded into the main file, see `ReviewStore.close`) also
/// when `body` fails; a failed close is an error of its own.
func using<T>(_ s: ReviewStore, _ body: (ReviewStore) throws -> T) throws -> T {
    let result: T
    do { result = try body(s) } catch { try? s.close(); throw error }
    do { try s.close() } catch { throw storeFailure(error) }
    return result
}

/// Reports a store error as the CLI reports errors: the problems on stderr, then one line.
func storeFailure(_ e: StoreError) -> ToolError {
    // At most `BadRecords.listed` problems, then how many more (docs/reliability.md).
    for issue in e.issues.prefix(BadRecords.listed) { printError(issue.description) }
    if e.issues.count > BadRecords.listed {
        printError(tr("… i \(e.issues.count - BadRecords.listed) więcej", "… and \(e.issues.count - BadRecords.listed) more"))
    }
    return ToolError(e.message)
}

struct StoreImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add corpus files (JSONL or CSV) to the store, creating it if needed; all or nothing.",
        discussion: """
        Every record is validated as `corpus validate` does, and its id must not be in the store yet; any problem: \
        nothing is stored and every problem is listed (FILE:LINE: pole „FIELD”: …).

        Example:
          postulaty store import Corpora/*.jsonl
        """)

    @Argument(help: "Corpus files.")
    var files: [String]

    @OptionGroup var store: StoreLocation

    @Option(help: "Taxonomy the theme codes are checked against (default: Models/taxonomy.json, else the installed one).")
    var taxonomy: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let tax = try Taxonomy.load(path: taxonomy ?? Defaults.shipped("taxonomy.json").required(("taksonomii", "taxonomy"), option: "--taxonomy"))
        var records: [Postulate] = []
        var origins: [ReviewStore.Origin] = []
        for file in files {
            for (p, line) in try CorpusReader.readNumbered(path: file) {
                records.append(p)
                origins.append(.init(file: file, line: line))
            }
        }
        if store.path == StoreLocation.defaultPath {
            try? FileManager.default.createDirectory(atPath: "Data", withIntermediateDirectories: true)
        }
        let lock: FileLock
        do { lock = try StoreLock.take(store.path, for: .importing) } catch { throw ToolError(error.message) }
        defer { lock.unlock() }
        try using(try store.open(create: true, taxonomy: tax)) { s in
            do {
                try s.add(records, origins: origins, who: StoreLocation.cliUser)
                printError(tr("\(store.path): dodano \(Messages.postulates(records.count)) (razem \(try s.count()))",
                              "\(store.path): added \(Messages.postulates(records.count)) (\(try s.count()) in all)"))
            } catch let e as StoreError {
                throw storeFailure(e)
            }
        }
    }
}

struct StoreExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store as JSONL in the corpus format, reviewed fields applied.",
        discussion: """
        Themes and the response from a review replace the record's, its stance becomes response_stance, and \
        same_as, review_note, reviewed_by and reviewed_at are added. A file is written atomically.

        Example:
          postulaty store export -o /tmp/reviewed.jsonl
        """)

    @OptionGroup var store: StoreLocation

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        try checkOutput(output, inputs: [store.path])
        try using(try store.open(readOnly: true)) { s in
            let bytes: [UInt8]
            do { bytes = try s.exportJSONL() } catch let e as StoreError { throw storeFailure(e) }
            if let output {
                try AtomicFile.write(bytes, to: output)
                printError("\(store.path) → \(output): " + Messages.postulates(try s.count()))
            } else {
                try StandardOutput.write(bytes)
            }
        }
    }
}

struct StoreBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store with SQLite's online backup (consistent while the service runs).",
        discussion: """
        Restore by stopping the service and backing the copy up onto the store's path (see docs/store.md): refused \
        while a service holds the store or while its -wal holds changes.

        Example:
          postulaty store backup /srv/kopie/postulaty-$(date +%F).sqlite
        """)

    @Argument(help: "The backup file to write (replaced if it exists).")
    var file: String

    @OptionGroup var store: StoreLocation

    @OptionGroup var language: LanguageOption

    func run() throws {
        // Not the store itself, its folder exists, not a folder/FIFO/device: refused before the store is opened.
        try checkOutput(file, inputs: [store.path])
        // Onto a store (a restore): not while a service holds it (`StoreLock`); `backup` refuses one whose -wal
        // still holds changes.
        let lock: FileLock
        do { lock = try StoreLock.take(file, for: .restore) } catch { throw ToolError(error.message) }
        defer { lock.unlock() }
        // A restore replaces a whole store: say what was there (its size and last change) and what came.
        let replaced = (try? FileManager.default.attributesOfItem(atPath: file)).map { a -> String in
            let bytes = (a[.size] as? NSNumber)?.int64Value ?? 0
            let when = (a[.modificationDate] as? Date).map { ISO8601DateFormatter.string(from: $0, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]) } ?? "?"
            return tr("; zastąpiono poprzedni plik \(file) (\(bytes) B, zmieniony \(when) UTC)", "; replaced the previous file \(file) (\(bytes) B, changed \(when) UTC)")
        }
        let count = try using(try store.open(readOnly: true)) { s -> Int in
            do { try s.backup(to: file); return try s.count() } catch let e as StoreError { throw storeFailure(e) }
        }
        printError("\(store.path) → \(file): \(counted(count, pl: ("postulat", "postulaty", "postulatów"), en: ("postulate", "postulates")))" + (replaced ?? ""))
    }
}

struct StoreCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store: SQLite integrity, foreign keys, every change with its audit entry; optionally an index.",
        discussion: """
        Exit status 0 only when nothing is wrong. With --index, also that the similarity index holds exactly the \
        store's postulates.

        Example:
          postulaty store check
        """)

    @OptionGroup var store: StoreLocation

    @Option(help: "A similarity index file that must hold exactly the store's postulates.")
    var index: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let r: StoreCheckResult = try using(try store.open(readOnly: true)) { s in
            var r: StoreCheckResult
            do { r = try s.check() } catch let e as StoreError { throw storeFailure(e) }
            if let index {
                let indexed = Set(try IndexLoading.load(index).postulates.map(\.id))
                let stored = Set(try s.ids())
                for id in stored.subtracting(indexed).sorted().prefix(20) {
                    r.problems.append(tr("\(index): brak postulatu „\(id)” z magazynu", "\(index): lacks the store's postulate \"\(id)\""))
                }
                for id in indexed.subtracting(stored).sorted().prefix(20) {
                    r.problems.append(tr("\(index): postulat „\(id)” spoza magazynu", "\(index): postulate \"\(id)\" is not in the store"))
                }
            }
            return r
        }
        for p in r.problems { try StandardOutput.write(p + "\n") }
        let summary = "\(Messages.postulates(r.postulates)), " + tr("recenzje: \(r.reviews), wpisy dziennika: \(r.auditEntries), schemat: \(r.schema.joined(separator: ", "))",
                                                                    "reviews: \(r.reviews), audit entries: \(r.auditEntries), schema: \(r.schema.joined(separator: ", "))")
        if r.isOK {
            printError(tr("OK: bez błędów (\(summary))", "OK: no problems (\(summary))"))
        } else {
            printError(tr("Błędy: \(r.problems.count) (\(summary))", "\(counted(r.problems.count, pl: ("błąd", "błędy", "błędów"), en: ("problem", "problems"))) (\(summary))"))
            throw ExitCode(1)
        }
    }
}
