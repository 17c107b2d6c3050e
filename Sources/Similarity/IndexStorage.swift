import Corpus
import PolishText

extension SimilarityIndex {
    /// The index's primary data, exactly what its file holds (docs/similarity.md): the analyzer configuration and
    /// settings it was built with, the vocabulary, the postulates and, per postulate, its weighted term counts.
    /// Everything else (postings, document frequencies, idf, norms, posting weights) is derived from it by
    /// `SimilarityIndex.init(analyzer:storage:)`, so a saved and reloaded index and one built from the records are
    /// one code path.
    ///
    /// The initialiser validates what the rest of the index relies on; `IndexFile` reads the bytes into a
    /// `Storage` and writes a `Storage` out, nothing else.
    public struct Storage: Sendable, Equatable {
        public let analyzer: AnalyzerConfiguration
        public let settings: SimilarityIndexSettings
        /// Term strings; a term's id is its position.
        public let terms: [String]
        public let postulates: [IndexedPostulate]
        /// Postulate `i`'s vector is `vectorTerms[vectorStart[i]..<vectorStart[i + 1]]` (term ids, strictly
        /// ascending) with `vectorCounts` at the same positions (weighted counts: finite, not negative).
        public let vectorStart: [Int]
        public let vectorTerms: [UInt32]
        public let vectorCounts: [Float]
        /// Postulate id → position, made while the ids are checked for uniqueness (the index keeps it).
        let positions: [String: Int]

        /// Checks, in this order: vector offsets (from 0 to the number of entries, never decreasing, one more
        /// than the postulates), term ids within the vocabulary, counts finite and not negative, each vector's
        /// terms ascending, postulate ids unique. The reasons are those the index file reports as corruption.
        public init(analyzer: AnalyzerConfiguration, settings: SimilarityIndexSettings, terms: [String],
                    postulates: [IndexedPostulate], vectorStart: [Int], vectorTerms: [UInt32],
                    vectorCounts: [Float]) throws(Invalid) {
            guard vectorStart.count == postulates.count + 1, vectorCounts.count == vectorTerms.count,
                  vectorStart.first == 0, vectorStart.last == vectorTerms.count,
                  zip(vectorStart, vectorStart.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw Invalid("bad vector offsets")
            }
            let v = terms.count
            guard vectorTerms.allSatisfy({ Int($0) < v }) else { throw Invalid("term id out of range") }
            // Weighted counts are finite and not negative; an infinite, NaN or negative one trapped in the
            // weighting (`TermWeighting.fixedSquare`: a Double too large for UInt64).
            guard vectorCounts.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw Invalid(tr("liczba wystąpień terminu nie jest skończoną liczbą nieujemną",
                                 "a term count is not a finite non-negative number"))
            }
            for i in postulates.indices {
                let range = vectorStart[i]..<vectorStart[i + 1]
                guard zip(vectorTerms[range], vectorTerms[range].dropFirst()).allSatisfy({ $0 < $1 }) else {
                    throw Invalid("terms of postulate \(i + 1) not in ascending order")
                }
            }
            var positions: [String: Int] = [:]
            positions.reserveCapacity(postulates.count)
            for (i, p) in postulates.enumerated() where positions.updateValue(i, forKey: p.id) != nil {
                throw Invalid("duplicate id \"\(p.id)\"")
            }
            self.analyzer = analyzer; self.settings = settings; self.terms = terms; self.postulates = postulates
            self.vectorStart = vectorStart; self.vectorTerms = vectorTerms; self.vectorCounts = vectorCounts
            self.positions = positions
        }

        /// Why stored data cannot be an index (the file loader reports it as corruption, naming the file).
        public struct Invalid: Error, Equatable, CustomStringConvertible {
            public let reason: String
            init(_ reason: String) { self.reason = reason }
            public var description: String { reason }
        }
    }

    /// The index's data as it would be stored: live postulates in insertion order, only the terms in use (ids
    /// renumbered, first-use order kept). Not validated again: an index's own data holds the invariants.
    public var storage: Storage {
        // A freshly built index (no removal, every term counted): its own arrays are the stored data, shared, not
        // copied (a million postulates' worth at `index build`).
        if docs.count == count && df.count == vocabulary.count && !df.contains(0) {
            return Storage(unchecked: analyzer.configuration, settings: settings, terms: vocabulary.terms, postulates: docs,
                           vectorStart: docStart, vectorTerms: docTerms, vectorCounts: docCounts, positions: slotByID)
        }
        var used = [Int32](repeating: -1, count: vocabulary.count)
        var terms: [String] = []
        for t in 0..<vocabulary.count where t < df.count && df[t] > 0 { used[t] = Int32(terms.count); terms.append(vocabulary.terms[t]) }
        let slots = docs.indices.filter { alive[$0] }
        var start = [0]
        start.reserveCapacity(slots.count + 1)
        var ids: [UInt32] = [], counts: [Float] = []
        ids.reserveCapacity(docTerms.count); counts.reserveCapacity(docTerms.count)
        for s in slots {
            for k in docStart[s]..<docStart[s + 1] {
                ids.append(UInt32(used[Int(docTerms[k])]))
                counts.append(docCounts[k])
            }
            start.append(ids.count)
        }
        let postulates = slots.map { docs[$0] }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(postulates.count)
        for (i, p) in postulates.enumerated() { positions[p.id] = i }
        return Storage(unchecked: analyzer.configuration, settings: settings, terms: terms, postulates: postulates,
                       vectorStart: start, vectorTerms: ids, vectorCounts: counts, positions: positions)
    }
}

extension SimilarityIndex.Storage {
    /// Data known to be valid (an index's own).
    fileprivate init(unchecked analyzer: AnalyzerConfiguration, settings: SimilarityIndexSettings, terms: [String],
                     postulates: [IndexedPostulate], vectorStart: [Int], vectorTerms: [UInt32], vectorCounts: [Float],
                     positions: [String: Int]) {
        self.analyzer = analyzer; self.settings = settings; self.terms = terms; self.postulates = postulates
        self.vectorStart = vectorStart; self.vectorTerms = vectorTerms; self.vectorCounts = vectorCounts
        self.positions = positions
    }
}
