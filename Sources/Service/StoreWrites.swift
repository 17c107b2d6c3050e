import Corpus
import Foundation
import Store
import Themes

/// The service's changes, each through the store (one transaction) and then into what the service serves.
extension ServiceEngine {
    /// The store, or 404 when the service runs without one.
    func requireStore() throws -> ReviewStore {
        guard let store else {
            throw ServiceError(.notFound, tr("serwis działa bez magazynu (uruchom go z --store PLIK)", "the service runs without a store (start it with --store FILE)"))
        }
        return store
    }

    /// Adds postulates: validated and stored in one transaction (all or nothing), then served — in the next
    /// request they are found by the search (each replica's index takes them before its next query).
    public func add(_ records: [Postulate], origins: [ReviewStore.Origin], who: String) throws -> [String] {
        let store = try requireStore()
        // Predictions first (a replica at a time), and the store's commit (shared with concurrent changes: group
        // commit), outside the lock; then into the served state.
        writeLock.lock()
        let generation = modelGeneration
        writeLock.unlock()
        var (predictions, stances): ([ThemePrediction], [String?]) = pool.with { r in
            (records.map { r.themes.tag($0) }, records.map { Self.stance(of: $0, r.stance) })
        }
        let ids = try Self.mapped { try store.add(records, origins: origins, who: who) }
        writeLock.lock()
        defer { writeLock.unlock() }
        if generation != modelGeneration { predictions = pool.with { r in records.map { r.themes.tag($0) } } }
        state.append(records, predictions: predictions, stances: stances)
        pool.add(records)
        report.invalidate()
        recurring.refresh { [state] in state.view.records }
        return ids
    }

    /// Applies a review change; the stored review.
    public func review(_ id: String, _ change: ReviewChange, who: String) throws -> Review {
        let store = try requireStore()
        let stored = try Self.mapped { try store.review(id, change, who: who) }
        // Then served with the review applied, as the export applies it (one function: `StoredPostulate.reviewed`).
        if let reviewed = try Self.mapped({ try store.postulate(id) })?.reviewed {
            let stance = pool.with { r in Self.stance(of: reviewed, r.stance) }
            writeLock.lock()
            state.replace(reviewed, stance: stance)
            writeLock.unlock()
        }
        report.invalidate()
        return stored
    }

    /// The audit entries of a postulate.
    public func history(_ id: String) throws -> [AuditEntry] {
        let store = try requireStore()
        guard let h = try Self.mapped({ try store.history(id) }) else { throw Handlers.unknown(id) }
        return h
    }

    /// The stored review of a postulate (nil: none, or no store).
    public func storedReview(_ id: String) throws -> Review? {
        guard let store else { return nil }
        return try Self.mapped { try store.postulate(id)?.review }
    }

    /// The store as JSONL, as `postulaty store export` writes it.
    public func export() throws -> [UInt8] {
        let store = try requireStore()
        return try Self.mapped { try store.exportJSONL() }
    }

    /// A store refusal as an answer: invalid input 400 (every problem named), an unknown id 404; SQLite's own
    /// failures stay errors (a 500 whose detail goes to the log).
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StoreError {
            switch error.kind {
            case .invalid:
                var lines = [error.message] + error.issues.prefix(BadRecords.listed).map(\.description)
                if error.issues.count > BadRecords.listed {
                    lines.append(tr("… i \(error.issues.count - BadRecords.listed) więcej", "… and \(error.issues.count - BadRecords.listed) more"))
                }
                let problems = error.issues.map { ServiceError.Problem(line: $0.line > 0 ? $0.line : nil, field: $0.field, message: $0.message) }
                throw ServiceError(.badRequest, lines.joined(separator: "\n"), field: error.field, problems: problems)
            case .unknownID: throw ServiceError(.notFound, error.message)
            case .duplicateID: throw ServiceError(.conflict, error.message)
            case .newerSchema, .missing, .database: throw error
            }
        }
    }
}
