import Corpus
import Foundation
import PolishText
import Similarity
import Themes

/// The mutable pieces one request needs: the similarity index (its query scratch and analyzer cache), the theme
/// tagger and the stance tagger (their analyzers' caches and scoring scratch). None of them is thread-safe.
final class Replica {
    let index: SimilarityIndex
    /// Replaced only by `ReplicaPool.withAll` (a model reload), while no request holds the replica.
    var themes: Tagger
    let stance: Tagger?

    init(index: SimilarityIndex, themes: Tagger, stance: Tagger?) {
        self.index = index; self.themes = themes; self.stance = stance
    }
}

/// A few replicas, each used by one request at a time: a request takes a free one (or waits for one), so
/// concurrent requests are safe and both cores work. Why replicas and not one lock: a query takes well under a
/// millisecond, but with one lock a second core would only wait (see Benchmarks/RESULTS.md for the figures).
final class ReplicaPool: @unchecked Sendable {
    private let replicas: [Replica]
    private let condition = NSCondition()
    private var free: [Int]
    /// Postulates added since the start, in order, and how many of them each replica's index has: a replica
    /// catches up when it is next taken, so a postulate added before a request starts is found by it.
    private var added: [Postulate] = []
    private var applied: [Int]

    init(_ replicas: [Replica]) {
        precondition(!replicas.isEmpty)
        self.replicas = replicas
        free = Array(replicas.indices)
        applied = [Int](repeating: 0, count: replicas.count)
    }

    /// Runs `body` with every replica while no request holds one: requests wait until it returns. A model reload
    /// swaps the taggers here, so no request sees a mix of the old and the new model.
    func withAll<R>(_ body: ([Replica]) throws -> R) rethrows -> R {
        condition.lock()
        defer { condition.broadcast(); condition.unlock() }
        while free.count < replicas.count { condition.wait() }
        return try body(replicas)
    }

    /// Adds postulates to every replica's index (each applies them before its next request).
    func add(_ postulates: [Postulate]) {
        condition.lock()
        added += postulates
        condition.unlock()
    }

    var count: Int { replicas.count }

    /// Runs `body` with a replica no other request is using.
    func with<R>(_ body: (Replica) throws -> R) rethrows -> R {
        condition.lock()
        while free.isEmpty { condition.wait() }
        let i = free.removeLast()
        let pending = added[applied[i]...]
        applied[i] = added.count
        condition.unlock()
        // The store has already refused a repeated id, so `add` cannot fail here; were it to, the index keeps
        // the postulate it has.
        for p in pending { try? replicas[i].index.add(p) }
        defer {
            condition.lock()
            free.append(i)
            condition.broadcast()
            condition.unlock()
        }
        return try body(replicas[i])
    }
}
