import Corpus
import Foundation
import Themes

/// The served postulates as one snapshot: the records in order, where each id is, each record's predicted themes
/// and stance. Append-only, so a slot read from an older snapshot means the same record in every later one.
struct CorpusView: Sendable {
    var records: [Postulate]
    var position: [String: Int]
    var predictions: [ThemePrediction]
    var stances: [String?]
    /// Counts the changes (additions, new predictions), so what is derived from a view is made once per change.
    var generation = 0
}

/// The current `CorpusView` behind a lock: readers take the snapshot (a copy-on-write reference, no copying),
/// an addition replaces it. Why not a lock per request: a request reads a consistent snapshot without holding
/// anything while it renders.
final class CorpusState: @unchecked Sendable {
    private let lock = NSLock()
    private var current: CorpusView

    init(_ view: CorpusView) { current = view }

    var view: CorpusView {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    /// Replaces every record's prediction (a new theme model); `predict` is called under the lock, for the records
    /// as they are then.
    func repredict(_ predict: (Postulate) -> ThemePrediction) {
        lock.lock(); defer { lock.unlock() }
        current.predictions = current.records.map(predict)
        current.generation += 1
    }

    /// Replaces a served record (its review changed): same id, same slot, so an older snapshot's slot still
    /// means this postulate.
    func replace(_ record: Postulate, stance: String?) {
        lock.lock(); defer { lock.unlock() }
        guard let slot = current.position[record.id] else { return }
        current.records[slot] = record
        current.stances[slot] = stance
        current.generation += 1
    }

    /// Appends records (ids not yet served) with their predictions and stances.
    func append(_ records: [Postulate], predictions: [ThemePrediction], stances: [String?]) {
        lock.lock(); defer { lock.unlock() }
        for (p, (pred, stance)) in zip(records, zip(predictions, stances)) where current.position[p.id] == nil {
            current.position[p.id] = current.records.count
            current.records.append(p)
            current.predictions.append(pred)
            current.stances.append(stance)
        }
        current.generation += 1
    }
}

/// The summary of the latest view, made again only after a change (the home page and /healthz ask often).
final class SummaryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: (generation: Int, summary: CorpusSummary)?

    func summary(of view: CorpusView, make: (CorpusView) -> CorpusSummary) -> CorpusSummary {
        lock.lock(); defer { lock.unlock() }
        if let cached, cached.generation == view.generation { return cached.summary }
        let s = make(view)
        cached = (view.generation, s)
        return s
    }
}
