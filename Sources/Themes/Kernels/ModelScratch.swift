extension ThemeModel {
    /// Reusable buffers for one thread's tagging. A buffer returned by a method taking a scratch is valid until
    /// the scratch is used again.
    public final class Scratch {
        public let vector = TfidfVectorizer.Scratch()
        /// Features of the last document vectorised (`vector`'s ids and values).
        var count = 0
        var raw = UnsafeMutablePointer<Double>.allocate(capacity: 16)
        var probabilities = UnsafeMutablePointer<Double>.allocate(capacity: 16)
        var ratio = UnsafeMutablePointer<Double>.allocate(capacity: 16)
        var assigned = UnsafeMutablePointer<Int>.allocate(capacity: 16)
        /// Each label's evidence support (`EvidenceSupport`) for the last document scored, when `gated`.
        var support = UnsafeMutablePointer<Double>.allocate(capacity: 16)
        /// The scores with the labels the support gate refuses set to −1 (what `decide` then reads).
        var masked = UnsafeMutablePointer<Double>.allocate(capacity: 16)
        /// Whether `support` holds the last scored document's values (the model has a support gate).
        var gated = false
        var labelCapacity = 16
        /// Evidence candidates: feature id and contribution.
        var terms = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        var weights = UnsafeMutablePointer<Double>.allocate(capacity: 64)
        var termCapacity = 64
        /// The last prediction's evidence (see `ThemePrediction.EvidenceTerm`): each assigned label's entry, then
        /// its top terms.
        var evidence = UnsafeMutablePointer<ThemePrediction.EvidenceTerm>.allocate(capacity: 32)
        var evidenceCount = 0
        var evidenceCapacity = 32
        /// Labels that passed their threshold but were refused by the support gate: the same layout as
        /// `evidence` (entry, then top terms), kept apart so `evidence` stays the assigned labels'.
        var refused = UnsafeMutablePointer<ThemePrediction.EvidenceTerm>.allocate(capacity: 8)
        var refusedCount = 0
        var refusedCapacity = 8

        public init() {}
        deinit {
            raw.deallocate(); probabilities.deallocate(); ratio.deallocate(); assigned.deallocate()
            support.deallocate(); masked.deallocate()
            terms.deallocate(); weights.deallocate(); evidence.deallocate(); refused.deallocate()
        }

        /// Doubles a full buffer of evidence entries, keeping its `count` entries.
        static func double(_ p: inout UnsafeMutablePointer<ThemePrediction.EvidenceTerm>, count: Int, capacity: inout Int) {
            let grown = UnsafeMutablePointer<ThemePrediction.EvidenceTerm>.allocate(capacity: 2 * capacity)
            grown.update(from: p, count: count)
            p.deallocate()
            p = grown
            capacity *= 2
        }

        /// Moves the evidence just appended after index `from` (one label's entry and terms) to `refused`.
        func moveEvidenceToRefused(from start: Int) {
            for i in start..<evidenceCount {
                if refusedCount == refusedCapacity { Self.double(&refused, count: refusedCount, capacity: &refusedCapacity) }
                refused[refusedCount] = evidence[i]
                refusedCount += 1
            }
            evidenceCount = start
        }

        @inline(__always) func appendEvidence(_ e: ThemePrediction.EvidenceTerm) {
            if evidenceCount == evidenceCapacity { Self.double(&evidence, count: evidenceCount, capacity: &evidenceCapacity) }
            evidence[evidenceCount] = e
            evidenceCount += 1
        }

        @inline(__always) func reserve(labels n: Int) {
            guard n > labelCapacity else { return }
            raw.deallocate(); probabilities.deallocate(); ratio.deallocate(); assigned.deallocate()
            support.deallocate(); masked.deallocate()
            raw = .allocate(capacity: n); probabilities = .allocate(capacity: n)
            ratio = .allocate(capacity: n); assigned = .allocate(capacity: n)
            support = .allocate(capacity: n); masked = .allocate(capacity: n)
            labelCapacity = n
        }

        @inline(__always) func reserve(terms n: Int) {
            guard n > termCapacity else { return }
            terms.deallocate(); weights.deallocate()
            terms = .allocate(capacity: n); weights = .allocate(capacity: n)
            termCapacity = n
        }
    }
}
