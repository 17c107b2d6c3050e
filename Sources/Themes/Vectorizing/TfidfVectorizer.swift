import Foundation

/// TF-IDF over analyzer terms: unigrams and (optionally) bigrams of adjacent terms, sublinear tf, smoothed idf,
/// document-frequency pruning, l2 normalisation. `fitTransform` learns the vocabulary; `transform` never changes it.
///
/// Why deterministic ids: feature id = position of the feature's string in the sorted vocabulary (Swift `String <`),
/// so the same training data always give the same ids, the same model bytes and the same vectors.
/// Bigram features are spelt "a b" (terms never contain spaces).
///
/// Term frequency of a feature in a document is Σ over fields f of weight_f · tf_f, where tf_f is 1 + ln(count in f)
/// with `sublinearTF` (else the count); then tf · idf, then l2 normalisation.
public struct TfidfVectorizer: Sendable {
    public let configuration: VectorizerConfiguration
    /// Number of documents the vectoriser was fitted on (the n of the idf).
    public let documentCount: Int
    /// Feature strings in id order (sorted).
    public let vocabulary: [String]
    /// Documents (of the fitted set) holding each feature.
    public let documentFrequency: [Int]
    /// idf per feature id.
    public let idf: [Double]

    // Lookup tables rebuilt from `vocabulary` (not stored): term → term id; term id → unigram feature (-1: none);
    // (term id, term id) → bigram feature.
    private let termIDs: [String: UInt32]
    private let unigramFeature: [Int32]
    private let bigramFeature: [UInt64: Int32]

    public var featureCount: Int { vocabulary.count }

    /// Rebuilds a fitted vectoriser from its stored state (as read from a model or index file).
    public init(configuration: VectorizerConfiguration, documentCount: Int, vocabulary: [String],
                documentFrequency: [Int]) throws {
        guard vocabulary.count == documentFrequency.count else {
            throw ThemesError.invalidModel("vocabulary has \(vocabulary.count) terms but \(documentFrequency.count) document frequencies")
        }
        for i in vocabulary.indices.dropFirst() where !(vocabulary[i - 1] < vocabulary[i]) {
            throw ThemesError.invalidModel("vocabulary is not sorted at entry \(i) (\"\(vocabulary[i])\")")
        }
        self.configuration = configuration
        self.documentCount = documentCount
        self.vocabulary = vocabulary
        self.documentFrequency = documentFrequency
        self.idf = documentFrequency.map { Self.idf(df: $0, n: documentCount, smooth: configuration.smoothIDF) }
        var ids: [String: UInt32] = [:]
        var unigram: [Int32] = []
        var bigram: [UInt64: Int32] = [:]
        func intern(_ t: Substring) -> UInt32 {
            let s = String(t)
            if let id = ids[s] { return id }
            let id = UInt32(ids.count)
            ids[s] = id
            unigram.append(-1)
            return id
        }
        for (fid, feature) in vocabulary.enumerated() {
            let parts = feature.split(separator: " ", omittingEmptySubsequences: false)
            if parts.count == 2 {
                let a = intern(parts[0]), b = intern(parts[1])
                bigram[Self.bigramKey(a, b)] = Int32(fid)
            } else {
                let a = intern(Substring(feature))
                unigram[Int(a)] = Int32(fid)
            }
        }
        termIDs = ids
        unigramFeature = unigram
        bigramFeature = bigram
    }

    static func idf(df: Int, n: Int, smooth: Bool) -> Double {
        smooth ? log(Double(1 + n) / Double(1 + df)) + 1 : log(Double(n) / Double(max(df, 1))) + 1
    }

    static func bigramKey(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 32 | UInt64(b) }
    static func unigramKey(_ a: UInt32) -> UInt64 { UInt64(a) << 32 | 0xFFFF_FFFF }

    // MARK: fitting

    /// Learns the vocabulary and idf from `documents` and returns the fitted vectoriser with the documents' vectors
    /// (one pass of interning; the vectors use the final, pruned vocabulary).
    public static func fitTransform(_ documents: [FieldTerms], configuration: VectorizerConfiguration) throws
        -> (TfidfVectorizer, [SparseVector]) {
        // Pass 1: intern terms, and keep every document's (feature key, tf) pairs in two flat arrays (no per-document
        // arrays), counting document frequencies on the way.
        var ids: [String: UInt32] = [:]
        var terms: [String] = []
        var allKeys: [UInt64] = [], allTF: [Double] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(documents.count + 1)
        var df: [UInt64: Int32] = [:]
        var keys: [UInt64] = []
        var weighted: [(UInt64, Int, Double)] = []
        for doc in documents {
            weighted.removeAll(keepingCapacity: true)
            for (fi, field) in configuration.fields.enumerated() where fi < doc.count {
                keys.removeAll(keepingCapacity: true)
                var prev = UInt32.max
                for term in doc[fi] {
                    let id: UInt32
                    if let known = ids[term] { id = known } else {
                        id = UInt32(terms.count)
                        ids[term] = id
                        terms.append(term)
                    }
                    keys.append(unigramKey(id))
                    if configuration.bigrams && prev != UInt32.max { keys.append(bigramKey(prev, id)) }
                    prev = id
                }
                keys.sort()
                var i = 0
                while i < keys.count {
                    var j = i + 1
                    while j < keys.count && keys[j] == keys[i] { j += 1 }
                    let c = Double(j - i)
                    weighted.append((keys[i], fi, field.weight * (configuration.sublinearTF ? 1 + log(c) : c)))
                    i = j
                }
            }
            if configuration.fields.count > 1 { weighted.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 } }
            for (k, _, w) in weighted {
                if allKeys.count > offsets[offsets.count - 1], allKeys[allKeys.count - 1] == k { allTF[allTF.count - 1] += w }
                else { allKeys.append(k); allTF.append(w); df[k, default: 0] += 1 }
            }
            offsets.append(allKeys.count)
        }
        let n = documents.count
        let maxDF = configuration.maxDocumentFrequencyRatio >= 1 ? Int.max
            : max(1, Int((configuration.maxDocumentFrequencyRatio * Double(n)).rounded(.down)))
        var kept: [(String, UInt64, Int)] = []
        for (key, count) in df where Int(count) >= configuration.minDocumentFrequency && Int(count) <= maxDF {
            let a = Int(key >> 32), b = key & 0xFFFF_FFFF
            let name = b == 0xFFFF_FFFF ? terms[a] : terms[a] + " " + terms[Int(b)]
            kept.append((name, key, Int(count)))
        }
        kept.sort { $0.0 < $1.0 }
        var featureOf: [UInt64: Int32] = [:]
        featureOf.reserveCapacity(kept.count)
        for (i, k) in kept.enumerated() { featureOf[k.1] = Int32(i) }
        let vectorizer = try TfidfVectorizer(configuration: configuration, documentCount: n,
                                             vocabulary: kept.map(\.0), documentFrequency: kept.map(\.2))
        // Pass 2: the kept features of each document, tf·idf, l2.
        var vectors: [SparseVector] = []
        vectors.reserveCapacity(n)
        var pairs: [(Int32, Double)] = []
        for d in 0..<n {
            pairs.removeAll(keepingCapacity: true)
            for j in offsets[d]..<offsets[d + 1] { if let f = featureOf[allKeys[j]] { pairs.append((f, allTF[j])) } }
            vectors.append(vectorizer.finish(&pairs))
        }
        return (vectorizer, vectors)
    }

    /// Fits without keeping the training vectors.
    public static func fit(_ documents: [FieldTerms], configuration: VectorizerConfiguration) throws -> TfidfVectorizer {
        try fitTransform(documents, configuration: configuration).0
    }

    // MARK: transforming

    /// The TF-IDF vector of one document (terms unknown to the vocabulary are ignored).
    public func transform(_ document: FieldTerms) -> SparseVector {
        let (keys, tf) = Self.weightedCounts(document, configuration: configuration) { term in
            termIDs[term] ?? UInt32.max
        }
        var pairs: [(Int32, Double)] = []
        pairs.reserveCapacity(keys.count)
        for (k, w) in zip(keys, tf) {
            let a = UInt32(k >> 32), b = UInt32(k & 0xFFFF_FFFF)
            let f: Int32
            if b == 0xFFFF_FFFF { f = Int(a) < unigramFeature.count ? unigramFeature[Int(a)] : -1 } else { f = bigramFeature[k] ?? -1 }
            if f >= 0 { pairs.append((f, w)) }
        }
        return finish(&pairs)
    }

    /// Reusable buffers for `transform(_:scratch:)`: tagging a stream allocates nothing per document but the
    /// result. One scratch per thread.
    public final class Scratch {
        var keys: [UInt64] = []
        var weighted: [(UInt64, Int, Double)] = []
        var pairs: [(Int32, Double)] = []
        public init() {}
    }

    /// `transform(_:)` without per-document temporary arrays.
    public func transform(_ document: FieldTerms, scratch: Scratch) -> SparseVector {
        scratch.weighted.removeAll(keepingCapacity: true)
        scratch.pairs.removeAll(keepingCapacity: true)
        for (fi, field) in configuration.fields.enumerated() where fi < document.count {
            scratch.keys.removeAll(keepingCapacity: true)
            var prev = UInt32.max
            for term in document[fi] {
                let id = termIDs[term] ?? UInt32.max
                if id != UInt32.max {
                    scratch.keys.append(Self.unigramKey(id))
                    if configuration.bigrams && prev != UInt32.max { scratch.keys.append(Self.bigramKey(prev, id)) }
                }
                prev = id
            }
            scratch.keys.sort()
            var i = 0
            let keys = scratch.keys
            while i < keys.count {
                var j = i + 1
                while j < keys.count && keys[j] == keys[i] { j += 1 }
                let c = Double(j - i)
                let tf = configuration.sublinearTF ? 1 + log(c) : c
                let k = keys[i]
                let b = UInt32(k & 0xFFFF_FFFF)
                let f: Int32 = b == 0xFFFF_FFFF ? unigramFeature[Int(k >> 32)] : (bigramFeature[k] ?? -1)
                if f >= 0 { scratch.weighted.append((UInt64(f), fi, field.weight * tf)) }
                i = j
            }
        }
        if configuration.fields.count > 1 { scratch.weighted.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 } }
        for (f, _, w) in scratch.weighted {
            if let last = scratch.pairs.last, last.0 == Int32(f) { scratch.pairs[scratch.pairs.count - 1].1 += w }
            else { scratch.pairs.append((Int32(f), w)) }
        }
        return finish(&scratch.pairs)
    }

    /// Feature id of a feature string ("senior", "klub senior"), or nil.
    public func featureID(_ feature: String) -> Int32? {
        var lo = 0, hi = vocabulary.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if vocabulary[mid] < feature { lo = mid + 1 } else { hi = mid }
        }
        return lo < vocabulary.count && vocabulary[lo] == feature ? Int32(lo) : nil
    }

    /// tf → tf·idf, sorted by id, l2-normalised.
    private func finish(_ pairs: inout [(Int32, Double)]) -> SparseVector {
        pairs.sort { $0.0 < $1.0 }
        var indices: [Int32] = []
        var values: [Double] = []
        indices.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        var norm = 0.0
        for (f, tf) in pairs {
            let v = tf * idf[Int(f)]
            indices.append(f)
            values.append(v)
            norm += v * v
        }
        if configuration.l2Normalize && norm > 0 {
            let inv = 1 / norm.squareRoot()
            for i in values.indices { values[i] *= inv }
        }
        return SparseVector(indices: indices, values: values)
    }

    /// Feature keys of a document with their field-weighted term frequencies, sorted by key.
    /// `termID` maps a term to its id (UInt32.max: unknown, which also breaks the bigram chain).
    static func weightedCounts(_ document: FieldTerms, configuration: VectorizerConfiguration,
                               termID: (String) -> UInt32) -> ([UInt64], [Double]) {
        var all: [(UInt64, Int, Double)] = []  // key, field index, tf in that field
        var keys: [UInt64] = []
        for (fi, field) in configuration.fields.enumerated() where fi < document.count {
            keys.removeAll(keepingCapacity: true)
            var prev = UInt32.max
            for term in document[fi] {
                let id = termID(term)
                if id != UInt32.max {
                    keys.append(unigramKey(id))
                    if configuration.bigrams && prev != UInt32.max { keys.append(bigramKey(prev, id)) }
                }
                prev = id
            }
            keys.sort()
            var i = 0
            while i < keys.count {
                var j = i + 1
                while j < keys.count && keys[j] == keys[i] { j += 1 }
                let c = Double(j - i)
                let tf = configuration.sublinearTF ? 1 + log(c) : c
                all.append((keys[i], fi, field.weight * tf))
                i = j
            }
        }
        if configuration.fields.count > 1 { all.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 } }
        var outKeys: [UInt64] = [], outTF: [Double] = []
        outKeys.reserveCapacity(all.count)
        outTF.reserveCapacity(all.count)
        for (k, _, w) in all {
            if let last = outKeys.last, last == k { outTF[outTF.count - 1] += w } else { outKeys.append(k); outTF.append(w) }
        }
        return (outKeys, outTF)
    }
}

/// Stored state of a fitted vectoriser (what a model or index file keeps); the idf and lookups are derived.
extension TfidfVectorizer: Codable {
    enum CodingKeys: String, CodingKey { case configuration, documentCount, vocabulary, documentFrequency }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(configuration: c.decode(VectorizerConfiguration.self, forKey: .configuration),
                      documentCount: c.decode(Int.self, forKey: .documentCount),
                      vocabulary: c.decode([String].self, forKey: .vocabulary),
                      documentFrequency: c.decode([Int].self, forKey: .documentFrequency))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(configuration, forKey: .configuration)
        try c.encode(documentCount, forKey: .documentCount)
        try c.encode(vocabulary, forKey: .vocabulary)
        try c.encode(documentFrequency, forKey: .documentFrequency)
    }
}
