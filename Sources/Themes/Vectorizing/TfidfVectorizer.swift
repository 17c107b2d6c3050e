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
    // Byte-keyed and integer-keyed open-addressing tables (TermTables.swift): faster than Dictionary's SipHash.
    private let termIDs: TermTable
    private let unigramFeature: [Int32]
    private let bigramFeature: KeyTable

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
        var ids = TermTable(capacity: vocabulary.count)
        var unigram: [Int32] = []
        var bigram = KeyTable(capacity: vocabulary.count)
        func intern(_ t: Substring) -> UInt32 {
            let (id, isNew) = ids.intern(String(t))
            if isNew { unigram.append(-1) }
            return id
        }
        for (fid, feature) in vocabulary.enumerated() {
            let parts = feature.split(separator: " ", omittingEmptySubsequences: false)
            if parts.count == 2 {
                let a = intern(parts[0]), b = intern(parts[1])
                _ = bigram.valueOrInsert(Self.bigramKey(a, b), Int32(fid))
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
        // Pass 1: intern terms, give every distinct feature key a dense key id, and keep every document's (key id,
        // tf) pairs in two flat arrays (no per-document arrays), counting document frequencies on the way. Counts
        // and sums go to dense scratch arrays indexed by key id, with lists of the ids touched (no sorting, no
        // hashing beyond one table probe per key). A key's tf is summed over fields in field order, as before.
        var ids = TermTable(capacity: 1 << 14)
        var terms: [String] = []
        var keyID = KeyTable(capacity: 1 << 16)
        var keyList: [UInt64] = [], dfCounts: [Int32] = []
        var fieldCount: [Int32] = [], acc: [Double] = [], mark: [Bool] = []
        var fieldTouched: [Int32] = [], touched: [Int32] = []
        var allKeys: [Int32] = [], allTF: [Double] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(documents.count + 1)
        let tfOf = TFTable(sublinear: configuration.sublinearTF)
        for doc in documents {
            touched.removeAll(keepingCapacity: true)
            for (fi, field) in configuration.fields.enumerated() where fi < doc.count {
                fieldTouched.removeAll(keepingCapacity: true)
                var prev = UInt32.max
                for term in doc[fi] {
                    let (id, isNew) = ids.intern(term)
                    if isNew { terms.append(term) }
                    var key = unigramKey(id)
                    while true {
                        var k = keyID.valueOrInsert(key, Int32(keyList.count))
                        if k < 0 {
                            k = Int32(keyList.count)
                            keyList.append(key); dfCounts.append(0); fieldCount.append(0); acc.append(0); mark.append(false)
                        }
                        if fieldCount[Int(k)] == 0 { fieldTouched.append(k) }
                        fieldCount[Int(k)] += 1
                        if configuration.bigrams && prev != UInt32.max && key & 0xFFFF_FFFF == 0xFFFF_FFFF {
                            key = bigramKey(prev, id)
                        } else { break }
                    }
                    prev = id
                }
                for k in fieldTouched {
                    let w = field.weight * tfOf[Int(fieldCount[Int(k)])]
                    fieldCount[Int(k)] = 0
                    if mark[Int(k)] { acc[Int(k)] += w } else { mark[Int(k)] = true; acc[Int(k)] = w; touched.append(k) }
                }
            }
            for k in touched {
                allKeys.append(k); allTF.append(acc[Int(k)])
                acc[Int(k)] = 0; mark[Int(k)] = false
                dfCounts[Int(k)] += 1
            }
            offsets.append(allKeys.count)
        }
        let n = documents.count
        let maxDF = configuration.maxDocumentFrequencyRatio >= 1 ? Int.max
            : max(1, Int((configuration.maxDocumentFrequencyRatio * Double(n)).rounded(.down)))
        var kept: [(String, Int, Int)] = []
        for (kid, count) in dfCounts.enumerated() where Int(count) >= configuration.minDocumentFrequency && Int(count) <= maxDF {
            let key = keyList[kid]
            let a = Int(key >> 32), b = key & 0xFFFF_FFFF
            let name = b == 0xFFFF_FFFF ? terms[a] : terms[a] + " " + terms[Int(b)]
            kept.append((name, kid, Int(count)))
        }
        kept.sort { $0.0 < $1.0 }
        var featureOf = [Int32](repeating: -1, count: keyList.count)
        for (i, k) in kept.enumerated() { featureOf[k.1] = Int32(i) }
        let vectorizer = try TfidfVectorizer(configuration: configuration, documentCount: n,
                                             vocabulary: kept.map(\.0), documentFrequency: kept.map(\.2))
        // Pass 2: the kept features of each document, tf·idf, l2.
        var vectors: [SparseVector] = []
        vectors.reserveCapacity(n)
        var pairs: [(Int32, Double)] = []
        for d in 0..<n {
            pairs.removeAll(keepingCapacity: true)
            for j in offsets[d]..<offsets[d + 1] {
                let f = featureOf[Int(allKeys[j])]
                if f >= 0 { pairs.append((f, allTF[j])) }
            }
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
            termIDs.id(term)
        }
        var pairs: [(Int32, Double)] = []
        pairs.reserveCapacity(keys.count)
        for (k, w) in zip(keys, tf) {
            let a = UInt32(k >> 32), b = UInt32(k & 0xFFFF_FFFF)
            let f: Int32
            if b == 0xFFFF_FFFF { f = Int(a) < unigramFeature.count ? unigramFeature[Int(a)] : -1 } else { f = bigramFeature.value(k) }
            if f >= 0 { pairs.append((f, w)) }
        }
        return finish(&pairs)
    }

    /// Reusable buffers for `transform(_:scratch:)`: tagging a stream allocates nothing per document but the
    /// result. One scratch per thread. Dense per-feature arrays (sized on first use) with lists of the features
    /// touched, so a document costs O(its terms), with no sorting of keys and no per-document hashing but one
    /// probe per term and per bigram.
    public final class Scratch {
        var counts: [Int32] = []
        var acc: [Double] = []
        var mark: [Bool] = []
        var fieldTouched: [Int32] = []
        var touched: [Int32] = []
        public init() {}
    }

    /// `transform(_:)` without per-document temporary arrays. Same arithmetic in the same order: a feature's tf is
    /// summed over fields in field order, tf·idf and the norm are taken in feature-id order.
    public func transform(_ document: FieldTerms, scratch: Scratch) -> SparseVector {
        let V = vocabulary.count
        if scratch.acc.count < V {
            scratch.counts = [Int32](repeating: 0, count: V)
            scratch.acc = [Double](repeating: 0, count: V)
            scratch.mark = [Bool](repeating: false, count: V)
        }
        // Moved out of the class for the call: local arrays are uniquely owned (no copy-on-write or exclusivity
        // checks per access); moved back at the end.
        var counts = scratch.counts, acc = scratch.acc, mark = scratch.mark
        var fieldTouched = scratch.fieldTouched, touched = scratch.touched
        scratch.counts = []; scratch.acc = []; scratch.mark = []; scratch.fieldTouched = []; scratch.touched = []
        defer {
            scratch.counts = counts; scratch.acc = acc; scratch.mark = mark
            scratch.fieldTouched = fieldTouched; scratch.touched = touched
        }
        let tfOf = TFTable(sublinear: configuration.sublinearTF)
        touched.removeAll(keepingCapacity: true)
        for (fi, field) in configuration.fields.enumerated() where fi < document.count {
            fieldTouched.removeAll(keepingCapacity: true)
            var prev = UInt32.max
            for term in document[fi] {
                let id = termIDs.id(term)
                if id != UInt32.max {
                    let u = unigramFeature[Int(id)]
                    if u >= 0 {
                        if counts[Int(u)] == 0 { fieldTouched.append(u) }
                        counts[Int(u)] += 1
                    }
                    if configuration.bigrams && prev != UInt32.max {
                        let b = bigramFeature.value(Self.bigramKey(prev, id))
                        if b >= 0 {
                            if counts[Int(b)] == 0 { fieldTouched.append(b) }
                            counts[Int(b)] += 1
                        }
                    }
                }
                prev = id
            }
            for f in fieldTouched {
                let w = field.weight * tfOf[Int(counts[Int(f)])]
                counts[Int(f)] = 0
                if mark[Int(f)] { acc[Int(f)] += w } else { mark[Int(f)] = true; acc[Int(f)] = w; touched.append(f) }
            }
        }
        touched.sort()
        let n = touched.count
        var norm = 0.0
        var indices = [Int32](repeating: 0, count: n)
        var values = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let f = Int(touched[i])
            let v = acc[f] * idf[f]
            acc[f] = 0
            mark[f] = false
            indices[i] = Int32(f)
            values[i] = v
            norm += v * v
        }
        if configuration.l2Normalize && norm > 0 {
            let inv = 1 / norm.squareRoot()
            for i in 0..<n { values[i] *= inv }
        }
        return SparseVector(indices: indices, values: values)
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

/// tf of a count (1 + ln c, or c), tabulated for small counts: the same Double `1 + log(Double(c))` gives, without
/// calling `log` for every feature of every document.
struct TFTable {
    private let small: (Double, Double, Double, Double, Double, Double, Double, Double)
    private let sublinear: Bool
    init(sublinear: Bool) {
        self.sublinear = sublinear
        small = (0, 1 + log(1.0), 1 + log(2.0), 1 + log(3.0), 1 + log(4.0), 1 + log(5.0), 1 + log(6.0), 1 + log(7.0))
    }
    @inline(__always) subscript(c: Int) -> Double {
        guard sublinear else { return Double(c) }
        switch c {
        case 1: return small.1
        case 2: return small.2
        case 3: return small.3
        case 4: return small.4
        case 5: return small.5
        case 6: return small.6
        case 7: return small.7
        default: return 1 + log(Double(c))
        }
    }
}
