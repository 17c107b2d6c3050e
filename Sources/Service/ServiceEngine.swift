import Corpus
import Foundation
import PolishText
import Reporting
import Similarity
import Store
import Themes

/// Everything the service answers from, loaded once at start: the corpus, its themes (gold and predicted) and
/// stances, the recurring-demand clusters, and a pool of replicas of the index and taggers for the queries.
/// Immutable after `load` except the pool (which hands a replica to one request at a time), the report cache and,
/// with a store, the served postulates (`state`: new ones are appended).
public final class ServiceEngine: @unchecked Sendable {
    public let configuration: ServiceConfiguration
    public let taxonomy: Taxonomy
    /// The staff review store (`--store`), or nil: then the service only reads.
    public let store: ReviewStore?
    /// Who may write (`--tokens`); nil: nobody.
    let tokens: AccessTokens?
    /// The pages' sign-in sessions (see `Sessions`).
    let sessions: Sessions
    /// The served postulates (see `CorpusView`).
    let state: CorpusState
    /// The corpus in reading order (then the postulates added since the start), and where each id is.
    public var records: [Postulate] { state.view.records }
    var position: [String: Int] { state.view.position }
    /// Per record: the theme model's prediction, and the stance (the record's own, else the stance model's).
    var predictions: [ThemePrediction] { state.view.predictions }
    var stances: [String?] { state.view.stances }
    /// Additions enter the served state one at a time; a model reload holds it while it swaps.
    let writeLock = NSLock()
    /// Incremented by each model reload (under `writeLock`): an addition predicted by an older model is predicted again.
    var modelGeneration = 0
    /// The shared, read-only lemmatiser (a model reload builds its analyzers on it).
    let lemmatizer: PolishLemmatizer
    /// Recurring demands: clusters of ids (year order), found again after each addition.
    let recurring: RecurringState
    let pool: ReplicaPool
    let report: ReportCache
    /// The summary at the start (counts, and how long loading took).
    let loaded: CorpusSummary
    private let summaries = SummaryCache()

    /// Postulates per year, per theme (gold ∪ predicted) as served now — additions and a reloaded model's
    /// predictions included — and how long loading took.
    public var summary: CorpusSummary {
        let loaded = self.loaded
        return summaries.summary(of: state.view) { v in
            // Every served postulate is in the index (an addition enters each replica before its next query).
            CorpusSummary(records: v.records, predictions: v.predictions,
                          indexed: loaded.indexed + v.records.count - loaded.postulates,
                          seconds: loaded.loadSeconds, phases: loaded.phases.map { ($0.name, $0.seconds) })
        }
    }

    /// Loads everything; any failure is an error naming the file (as the CLI's), before the server listens.
    public static func load(_ c: ServiceConfiguration, notice: (String) -> Void = { _ in }) throws -> ServiceEngine {
        try ServiceEngine(c, notice: notice)
    }

    private init(_ c: ServiceConfiguration, notice: (String) -> Void) throws {
        let started = Date()
        var phases: [(String, Double)] = []
        var mark = started
        func phase(_ name: String) {
            let now = Date()
            phases.append((name, now.timeIntervalSince(mark)))
            mark = now
        }
        configuration = c
        let lemmatizer = try DefaultAnalyzer.lemmatizer(modelsDirectory: c.dataDirectory)
        self.lemmatizer = lemmatizer
        taxonomy = try Taxonomy.load(path: c.taxonomyPath)
        tokens = try c.tokensPath.map { try AccessTokens(path: $0) }
        // Sign-in sessions outlive a restart beside the store (not without one: then there is nothing to sign in to).
        sessions = Sessions(file: c.storePath.map { $0 + ".sessions" }, names: tokens?.names ?? [], notice: { RequestLog.printError($0) })
        let records: [Postulate]
        if let path = c.storePath {
            // The store is the corpus: made from the corpus files on the first start (or while it is empty).
            let store = try ReviewStore(path: path, create: true, taxonomy: taxonomy)
            let held = try store.count()
            if held > 0, c.corpusNamed {
                notice(tr("\(path): magazyn ma już \(counted(held, pl: ("postulat", "postulaty", "postulatów"), en: ("postulate", "postulates"))) i to on jest korpusem serwisu; pominięto --corpus (nowe pliki dodaje: postulaty store import --store \(path) PLIKI)",
                          "\(path): the store already holds \(counted(held, pl: ("postulat", "postulaty", "postulatów"), en: ("postulate", "postulates"))) and is the service's corpus; --corpus ignored (add files with: postulaty store import --store \(path) FILES)"))
            }
            if held == 0 {
                if let reason = c.noCorpus, c.corpusFiles.isEmpty {
                    throw ServiceError(.internalServerError, tr("\(path): magazyn jest pusty, więc serwis utworzy go z plików korpusu, a ", "\(path): the store is empty, so the service makes it from the corpus files, but ") + reason)
                }
                let load = try CorpusLoad.read(c.corpusFiles, policy: c.badRecords)
                for e in load.skipped { notice(e.description) }
                try store.add(load.records, origins: load.origins.map { ReviewStore.Origin(file: $0.file, line: $0.line) },
                              who: "serve")
                notice(tr("\(path): utworzono magazyn z plików korpusu", "\(path): store created from the corpus files"))
            }
            // Served with their reviews applied (the export's records: `StoredPostulate.reviewed`), so the search,
            // the API and the pages show what the staff recorded.
            records = try store.all().map(\.reviewed)
            self.store = store
        } else {
            let load = try CorpusLoad.read(c.corpusFiles, policy: c.badRecords)
            for e in load.skipped { notice(e.description) }
            records = load.records
            store = nil
        }
        var position: [String: Int] = [:]
        for (i, p) in records.enumerated() where position[p.id] == nil { position[p.id] = i }
        phase(tr("korpus", "corpus"))

        // One way to load a model (shared with `postulaty tag` and the report): the model's own analysis switches
        // on the shared, read-only lemmatiser.
        func analyzer(_ saved: AnalyzerConfiguration) throws -> Analyzer {
            try Analyzer(lemmatizer: lemmatizer, configuration: DefaultAnalyzer.reproducible(saved, with: lemmatizer))
        }
        let themes = try Tagger.load(path: c.themeModelPath, expecting: .themes(taxonomy: taxonomy.codes)) { try analyzer($0) }
        var stance: Tagger?
        if let path = c.stanceModelPath, FileManager.default.fileExists(atPath: path) {
            stance = try Tagger.load(path: path, expecting: .stance) { try analyzer($0) }
        } else if let path = c.stanceModelPath {
            notice(tr("\(path): nie ma pliku: stanowiska tylko z pola response_stance",
                      "\(path) not found: stances only from the response_stance field"))
        }

        phase(tr("modele", "models"))
        // The index: read from a file, or built from the corpus; the other replicas are read from its bytes.
        let first: SimilarityIndex
        if let path = c.indexPath, c.storePath == nil {
            first = try SimilarityIndex.load(path: path, analyzer: try Analyzer(lemmatizer: lemmatizer))
        } else {
            first = try SimilarityIndex(analyzer: try Analyzer(lemmatizer: lemmatizer), postulates: records)
        }
        var replicas = [Replica(index: first, themes: themes, stance: stance)]
        if c.replicas > 1 {
            let bytes = first.serialized()
            for _ in 1..<c.replicas {
                let index = try bytes.withUnsafeBytes {
                    try SimilarityIndex.load(bytes: $0, path: c.indexPath ?? "(pamięć)", analyzer: try Analyzer(lemmatizer: lemmatizer))
                }
                let t = try Tagger(model: themes.model, analyzer: try analyzer(themes.model.analyzer))
                let s = try stance.map { try Tagger(model: $0.model, analyzer: try analyzer($0.model.analyzer)) }
                replicas.append(Replica(index: index, themes: t, stance: s))
            }
        }
        pool = ReplicaPool(replicas)
        phase(tr("indeks", "index"))

        let predictions = records.map { themes.tag($0) }
        let stances = records.map { Self.stance(of: $0, stance) }
        state = CorpusState(CorpusView(records: records, position: position, predictions: predictions, stances: stances))
        phase(tr("tematy i stanowiska", "themes and stances"))
        recurring = RecurringState(try ReportModels.recurringClusters(records, analyzer: try Analyzer(lemmatizer: lemmatizer)),
                                   find: { try ReportModels.recurringClusters($0, analyzer: try Analyzer(lemmatizer: lemmatizer)) },
                                   notice: { RequestLog.printError($0) })
        phase(tr("powracające postulaty", "recurring demands"))

        // With a store the report is of the store's records as served (additions and reviews included), read again
        // after every change; without one, of the corpus files.
        var job = ReportJob(inputs: c.storePath.map { [$0] } ?? c.corpusFiles, name: "serwis", taxonomyPath: c.taxonomyPath,
                            themeModelPath: c.themeModelPath, stanceModelPath: c.stanceModelPath ?? "")
        job.title = c.reportTitle
        job.badRecords = c.badRecords
        report = ReportCache(job: job, lemmatizer: lemmatizer, records: store.map { store in
            { try Self.storeLoad(store, path: c.storePath ?? "") } })
        loaded = CorpusSummary(records: records, predictions: predictions, indexed: first.count,
                               seconds: Date().timeIntervalSince(started), phases: phases)
    }

    /// The store's records with their reviews applied, as a corpus read from one file (origins: the store and the
    /// record's position in it).
    static func storeLoad(_ store: ReviewStore, path: String) throws -> CorpusLoad {
        var load = CorpusLoad()
        load.records = try store.all().map(\.reviewed)
        load.origins = load.records.indices.map { CorpusLoad.Origin(file: path, line: $0 + 1) }
        return load
    }

    /// A record's stance: its own `response_stance`, else the stance model's on its response.
    static func stance(of p: Postulate, _ stance: Tagger?) -> String? {
        if let own = p.responseStance, !own.isEmpty { return own }
        guard let stance, !Escape.isBlank(p.response) else { return nil }
        return stance.tag(p).predicted.first
    }

    /// The record with `id`, or nil.
    public func record(_ id: String) -> Int? { position[id] }

    /// The record's themes, gold and predicted (what `theme=` filters on).
    func themes(of slot: Int) -> Set<String> {
        Set(records[slot].themes).union(predictions[slot].predicted)
    }

    /// The stance shown for a hit: its record's, when the hit is in the corpus.
    func stance(ofID id: String) -> String? { position[id].flatMap { stances[$0] } }
}

/// The corpus at a glance, for the home page and /healthz.
public struct CorpusSummary: Sendable {
    public var postulates: Int
    public var indexed: Int
    /// (year, count), oldest first; records without a year are not counted here.
    public var years: [(year: Int, count: Int)]
    /// (theme code, count of records with it, gold or predicted).
    public var themes: [(code: String, count: Int)]
    public var loadSeconds: Double
    /// How long each loading phase took (name, seconds), in order.
    public var phases: [(name: String, seconds: Double)]

    init(records: [Postulate], predictions: [ThemePrediction], indexed: Int, seconds: Double,
         phases: [(String, Double)]) {
        self.phases = phases.map { ($0.0, $0.1) }
        postulates = records.count
        self.indexed = indexed
        var byYear: [Int: Int] = [:]
        var byTheme: [String: Int] = [:]
        for (p, pred) in zip(records, predictions) {
            if let y = p.year { byYear[y, default: 0] += 1 }
            for t in Set(p.themes).union(pred.predicted) { byTheme[t, default: 0] += 1 }
        }
        years = byYear.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        themes = byTheme.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
        loadSeconds = seconds
    }
}
