import Corpus
import Foundation

/// The served postulates' recurring demands (clusters of ids across years). Found at the start and again, in the
/// background, after each addition: a new postulate that repeats an earlier one must not be called new until the
/// next restart. Meanwhile the previous clusters serve (the join over the whole corpus takes a moment; a page
/// never waits for it). Additions that come while a pass runs are taken by one more pass after it.
final class RecurringState: @unchecked Sendable {
    private let lock = NSLock()
    private var clusters: [[String]]
    private var clusterOf: [String: Int]
    /// Counts the changes asked for; a pass is current when no change came after it started.
    private var requested = 0
    private var finished = 0
    private var running = false
    private let find: ([Postulate]) throws -> [[String]]
    /// What a failed pass says (stderr): the previous clusters stay.
    private let notice: @Sendable (String) -> Void

    init(_ clusters: [[String]], find: @escaping ([Postulate]) throws -> [[String]],
         notice: @escaping @Sendable (String) -> Void = { _ in }) {
        self.clusters = clusters
        self.clusterOf = Self.index(clusters)
        self.find = find
        self.notice = notice
    }

    static func index(_ clusters: [[String]]) -> [String: Int] {
        var at: [String: Int] = [:]
        for (i, members) in clusters.enumerated() { for id in members { at[id] = i } }
        return at
    }

    /// The ids of the cluster holding `id` (year order), or none.
    func members(of id: String) -> [String] {
        lock.lock(); defer { lock.unlock() }
        return clusterOf[id].map { clusters[$0] } ?? []
    }

    /// Whether every change asked for so far has been taken into the clusters (tests and `/healthz` use it).
    var isCurrent: Bool {
        lock.lock(); defer { lock.unlock() }
        return finished == requested
    }

    /// The served records changed: finds the clusters again in the background from `records()` (read when the
    /// pass starts, so a later pass sees later additions).
    func refresh(_ records: @escaping @Sendable () -> [Postulate]) {
        lock.lock()
        requested += 1
        if running { lock.unlock(); return }
        running = true
        lock.unlock()
        Thread.detachNewThread { [self] in
            while true {
                lock.lock()
                let pass = requested
                lock.unlock()
                let found: [[String]]?
                do { found = try find(records()) } catch {
                    notice(tr("powracające postulaty: nie udało się ich znaleźć na nowo (\(error)); zostają poprzednie",
                              "recurring demands: could not be found again (\(error)); the previous ones stay"))
                    found = nil
                }
                lock.lock()
                if let found { clusters = found; clusterOf = Self.index(found) }
                finished = pass
                if requested == pass { running = false; lock.unlock(); return }
                lock.unlock()
            }
        }
    }
}
