import Foundation

/// The pair factors (`PairEvidence`, `OtherObject`) applied to the join's pairs, on several threads.
///
/// Why a pass of its own: on a 100k corpus the join returns hundreds of thousands of pairs and the factors were
/// asked for them one after the other on one thread, after the join's threads had finished — time the report
/// waited for with a core idle. The pairs are cut into contiguous parts, each part scored by its own worker
/// (`OtherObject` keeps caches, so each worker has a copy; its answers do not depend on them), and the parts are
/// joined in order: the result is the one-thread pass's, pair for pair and bit for bit, for any number of threads.
enum PairFactorPass {
    /// Pairs per part: enough that dealing parts out costs nothing, few enough to balance two or three workers.
    static let part = 8_192

    /// The pairs whose score times the factors still reaches `threshold`, in the order of `pairs`; a pair the
    /// factors leave at 1 is kept as it is.
    static func apply(_ pairs: [DuplicatePair], threshold: Double, evidence: PairEvidence, otherObject: OtherObject,
                      threads: Int) -> [DuplicatePair] {
        let parts = (pairs.count + part - 1) / part
        let workers = max(1, min(threads, parts))
        if workers == 1 || otherObject.analysesTexts {
            var other = otherObject
            return scored(pairs[...], threshold: threshold, evidence: evidence, otherObject: &other)
        }
        let slots = PartSlots(count: parts)
        let shared = CopySource(otherObject)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var other = shared.value
            for k in stride(from: w, to: parts, by: workers) {
                let range = (k * part)..<min(pairs.count, (k + 1) * part)
                slots.set(k, scored(pairs[range], threshold: threshold, evidence: evidence, otherObject: &other))
            }
        }
        return slots.joined()
    }

    /// The plain pass over one part.
    static func scored(_ pairs: ArraySlice<DuplicatePair>, threshold: Double, evidence: PairEvidence,
                       otherObject: inout OtherObject) -> [DuplicatePair] {
        var out: [DuplicatePair] = []
        out.reserveCapacity(pairs.count)
        for p in pairs {
            let e = evidence.factor(p.a, p.b)
            // Below the threshold already: `OtherObject` (× 1 or × 0.5, exact in binary) cannot lift it back.
            if p.score * e < threshold { continue }
            let factor = e * otherObject.factor(p.a, p.b)
            if factor == 1 { out.append(p); continue }
            let score = p.score * factor
            if score >= threshold { out.append(DuplicatePair(a: p.a, b: p.b, score: score)) }
        }
        return out
    }
}

/// The `OtherObject` each worker copies. Sendable by hand: it is only read (each worker scores on its own copy), and
/// one that analyses texts again never gets here (`analysesTexts`: one thread).
private final class CopySource: @unchecked Sendable {
    let value: OtherObject
    init(_ value: OtherObject) { self.value = value }
}

/// One result per part, each written once by the worker that scored it; read after every worker has finished.
private final class PartSlots: @unchecked Sendable {
    private var slots: [[DuplicatePair]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ pairs: [DuplicatePair]) { lock.lock(); slots[i] = pairs; lock.unlock() }
    func joined() -> [DuplicatePair] { lock.lock(); defer { lock.unlock() }; return Array(slots.joined()) }
}
