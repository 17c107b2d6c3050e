import ArgumentParser
import Corpus
import Foundation
import Service
import Store

/// `postulaty serve`: the staff service (pages and JSON API) over the same libraries as the other commands.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the search for earlier postulates, tagging and the report in a browser and as a JSON API.",
        discussion: """
        Loads the corpus (with --store: the store, made from the corpus files on the first start), the theme and stance models and the similarity index (built in memory from the corpus \
        unless --index is given), then listens on HOST:PORT (127.0.0.1 by default: only this machine). Pages in \
        Polish: / (search), /search?q=…, /postulates/ID, /tag, /report/. JSON: /api/similar?q=…, \
        /api/postulates/ID, POST /api/tag, /healthz, /openapi.json. One line per request on stderr; Ctrl-C or \
        SIGTERM stops it after the requests in progress. See docs/service.md.

        Examples:
          postulaty serve
          postulaty serve --port 8081 --corpus Corpora/*.jsonl nowe.jsonl
          postulaty serve --port 8080 --models /srv/postulaty/Models
        """)

    @Option(help: "Address to listen on (loopback by default: put a reverse proxy in front; another address only on a network whose every machine may read the corpus, see docs/service.md).")
    var host = "127.0.0.1"

    @Option(help: "Port (0: any free port, printed at start).")
    var port = 8080

    @Option(parsing: .upToNextOption, help: "Corpus files (default: Corpora/*.jsonl).")
    var corpus: [String] = []

    @Option(help: "Folder with themes.model, stance.model and taxonomy.json (default: Models/, else the installed ones).")
    var models: String?

    @Option(help: "Similarity index file (default: built in memory from the corpus).")
    var index: String?

    @Option(help: "The staff review store (SQLite; created from the corpus files on the first start): the served corpus, reviews and additions. See docs/store.md.")
    var store: String?

    @Option(help: "A file of name:token lines: who may change the store or reload the model (Authorization: Bearer TOKEN; without --store, only the reload).")
    var tokens: String?

    @Option(help: ArgumentHelp("Copies of the index and models, each serving one request at a time (default: one per core).", visibility: .hidden))
    var replicas: Int?

    @OptionGroup var badRecords: BadRecordOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(tr("--port: od 0 do 65535", "--port must be 0 to 65535")) }
        if let replicas, !(1...64).contains(replicas) {
            throw ValidationError(tr("--replicas: od 1 do 64", "--replicas must be 1 to 64"))
        }
        guard !host.isEmpty else { throw ValidationError(tr("--host: podaj adres", "--host needs an address")) }
    }

    func run() throws {
        // With a store that already holds postulates the corpus files are not read (the store is the corpus), so
        // a service restored onto a machine without `Corpora/` starts; a first start reads them.
        var files = corpus
        var noCorpus: String?
        if files.isEmpty {
            do { files = try Defaults.corpusFiles(named: ("--corpus PLIKI…", "files: --corpus FILES…")) } catch let e as ToolError {
                if store == nil { throw e }
                noCorpus = e.message
            }
        }
        func model(_ name: String, _ what: (pl: String, en: String), option: String) throws -> String {
            if let models { return models + "/" + name }
            return try Defaults.shipped(name).required(what, option: option)
        }
        var c = ServiceConfiguration(
            corpusFiles: files, dataDirectory: try Defaults.dataDirectory(),
            taxonomyPath: try model("taxonomy.json", ("taksonomii", "taxonomy"), option: "--models"),
            themeModelPath: try model("themes.model", ("modelu", "model"), option: "--models"),
            stanceModelPath: models.map { $0 + "/stance.model" } ?? Defaults.shipped("stance.model").orDefault,
            indexPath: index)
        if models == nil { c.themeModelForReload = { Defaults.shipped("themes.model").orDefault } }
        c.host = host
        c.storePath = store
        c.corpusNamed = !corpus.isEmpty
        c.noCorpus = noCorpus
        c.tokensPath = tokens
        c.port = port
        c.badRecords = badRecords.policy
        if let replicas { c.replicas = replicas }
        if let reason = PortProbe.problem(host: host, port: port) {
            throw ToolError(tr("nie można nasłuchiwać na \(host):\(port) (\(reason)); podaj inny --host albo --port",
                               "cannot listen on \(host):\(port) (\(reason)); pass another --host or --port"))
        }
        if let tokens, let mode = FileMode.of(tokens), mode & 0o077 != 0 {
            printError(tr("uwaga: \(tokens) mogą czytać inni użytkownicy (tryb \(String(mode & 0o777, radix: 8))); zalecany chmod 600",
                          "warning: other users can read \(tokens) (mode \(String(mode & 0o777, radix: 8))); chmod 600 is advised"))
        }
        // While it serves, the store is this process's to change (`StoreLock`): a second service, an import or a
        // restore is refused instead of leaving this one out of step. Released when `run` returns.
        var storeLock: FileLock?
        if let store {
            if store == StoreLocation.defaultPath {
                try? FileManager.default.createDirectory(atPath: "Data", withIntermediateDirectories: true)
            }
            do { storeLock = try StoreLock.take(store, for: .serve) } catch { throw ToolError(error.message) }
        }
        defer { storeLock?.unlock() }
        let engine: ServiceEngine
        do {
            engine = try ServiceEngine.load(c) { printError($0) }
        } catch let e as BadRecords {
            throw ToolError(e.description)
        } catch {
            throw ToolError("\(error)")
        }
        let s = engine.summary
        let count = counted(s.postulates, pl: ("postulat", "postulaty", "postulatów"), en: ("postulate", "postulates"))
        // one decimal, with the decimal comma in a Polish run (as every other command's timings)
        func tenths(_ v: Double) -> String { let t = fixed(v, 1); return tr(t.replacingOccurrences(of: ".", with: ","), t) }
        let phases = s.phases.map { "\($0.name) \(tenths($0.seconds))" }.joined(separator: ", ")
        printError(tr("wczytano \(count) w \(tenths(s.loadSeconds)) s (\(phases))",
                      "loaded \(count) in \(tenths(s.loadSeconds)) s (\(phases))"))
        if store != nil && tokens == nil {
            printError(tr("zapis wyłączony: brak pliku tokenów (--tokens PLIK); recenzje i dodawanie postulatów są niedostępne",
                          "writes are disabled: no tokens file (--tokens FILE); reviews and adding postulates are unavailable"))
        }
        let listening = ListeningFlag()
        // After the last request: the store's WAL folded into its main file (a copy of it alone is then whole).
        defer { if let store = engine.store { do { try store.close() } catch { printError(error.description) } } }
        do {
            try ServiceRunner.run(engine) { port in
                listening.set()
                let shown = host.contains(":") ? "[\(host)]" : host
                printError(tr("nasłuchuję na http://\(shown):\(port)/ (Ctrl-C kończy)", "listening on http://\(shown):\(port)/ (Ctrl-C stops)"))
            }
        } catch where !listening.isSet {
            // Before listening, the only failure is the bind: say which address, and why in the run's language.
            let text = String(describing: error)
            let reason: String
            if let at = text.range(of: "errno: "), let code = Int32(text[at.upperBound...].prefix(while: \.isNumber)) {
                reason = systemErrorText(code)
            } else {
                reason = text
            }
            throw ToolError(tr("nie można nasłuchiwać na \(host):\(port) (\(reason)); podaj inny --host albo --port",
                               "cannot listen on \(host):\(port) (\(reason)); pass another --host or --port"))
        }
        printError(tr("zatrzymano", "stopped"))
    }
}

/// Whether the server got as far as listening (set from the server's task, read after it ends).
private final class ListeningFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
