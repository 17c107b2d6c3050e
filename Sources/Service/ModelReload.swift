import Corpus
import Foundation
import PolishText
import Themes

/// Swapping in a new theme model without a restart (`POST /api/models/reload`, SIGHUP): the model file is read and
/// checked, one tagger per replica made and every served record predicted again — all before anything changes;
/// then, while no request holds a replica, the taggers and the predictions are swapped together. A model that
/// fails to load leaves the old one serving.
extension ServiceEngine {
    public struct ReloadSummary: Sendable {
        public var path: String
        public var labels: Int
        public var seconds: Double
    }

    public func reloadModels() throws -> ReloadSummary {
        let started = Date()
        let c = configuration
        func analyzer(_ saved: AnalyzerConfiguration) throws -> Analyzer {
            try Analyzer(lemmatizer: lemmatizer, configuration: DefaultAnalyzer.reproducible(saved, with: lemmatizer))
        }
        let path = c.themeModelForReload?() ?? c.themeModelPath
        let first = try Tagger.load(path: path, expecting: .themes(taxonomy: taxonomy.codes)) { try analyzer($0) }
        var taggers = [first]
        for _ in 1..<max(1, pool.count) { taggers.append(try Tagger(model: first.model, analyzer: try analyzer(first.model.analyzer))) }
        // No addition while the predictions are redone and swapped (they would be predicted by the old model).
        writeLock.lock()
        defer { writeLock.unlock() }
        let snapshot = state.view
        var predicted = snapshot.records.map { first.tag($0) }.makeIterator()
        pool.withAll { replicas in
            for (r, t) in zip(replicas, taggers) { r.themes = t }
            // The snapshot's records are the current ones (no addition can run meanwhile): in order.
            state.repredict { p in predicted.next() ?? first.tag(p) }
        }
        modelGeneration += 1
        report.useThemeModel(path: path)
        return ReloadSummary(path: path, labels: first.model.labels.count, seconds: Date().timeIntervalSince(started))
    }
}
