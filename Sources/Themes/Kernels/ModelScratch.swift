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

        public init() {}
        deinit {
            raw.deallocate(); probabilities.deallocate(); ratio.deallocate(); assigned.deallocate()
            terms.deallocate(); weights.deallocate(); evidence.deallocate()
        }

        @inline(__always) func appendEvidence(_ e: ThemePrediction.EvidenceTerm) {
            if evidenceCount == evidenceCapacity {
                let grown = UnsafeMutablePointer<ThemePrediction.EvidenceTerm>.allocate(capacity: 2 * evidenceCapacity)
                grown.update(from: evidence, count: evidenceCount)
                evidence.deallocate()
                evidence = grown
                evidenceCapacity *= 2
            }
            evidence[evidenceCount] = e
            evidenceCount += 1
        }

        @inline(__always) func reserve(labels n: Int) {
            guard n > labelCapacity else { return }
            raw.deallocate(); probabilities.deallocate(); ratio.deallocate(); assigned.deallocate()
            raw = .allocate(capacity: n); probabilities = .allocate(capacity: n)
            ratio = .allocate(capacity: n); assigned = .allocate(capacity: n)
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
