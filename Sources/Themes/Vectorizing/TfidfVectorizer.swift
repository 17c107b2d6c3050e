import Corpus
import Foundation
import Corpus

/// TF-IDF over analyzer terms: unigrams and (optionally) bigrams of adjacent terms, sublinear tf, smoothed idf,
/// document-frequency pruning, l2 normalisation. `fitTransform` learns the vocabulary; `transform` never changes it.
///
/// Why deterministic ids: feature id = position of the feature's string in the sorted vocabulary (Swift `String <`),
/// so the same training data always give the same ids, the same model bytes and the same vectors. (`fitTransform`
/// sorts by the features' NFC UTF-8 bytes, which is the same order: Swift orders strings by their NFC scalars, and
/// UTF-8 byte order is scalar order.)
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

    // Lookup tables rebuilt from `vocabulary` (not stored): term → (term id, unigram feature or −1);
    // (term id, term id) → bigram feature.
    // Byte-keyed hash tables (Kernels/: `TermLookup`, `BigramIndex`), not Dictionary's SipHash.
    private let lookup: TermLookup
    private let bigramFeature: BigramIndex
    /// `configuration.fields` resolved for reading records (`Postulate.Field`), their weights, and the tf of a
    /// count: taken once, not per document.
    let fieldKeys: [Postulate.Field]
    let fieldWeights: [Double]
    let tfOf: TFTable

    public var featureCount: Int { vocabulary.count }

    /// Rebuilds a fitted vectoriser from its stored state (as read from a model file).
    public init(configuration: VectorizerConfiguration, documentCount: Int, vocabulary: [String],
                documentFrequency: [Int]) throws {
        guard vocabulary.count == documentFrequency.count else {
            let terms = counted(vocabulary.count, pl: ("termin", "terminy", "terminów"), en: ("term", "terms"))
            throw ThemesError.invalidModel(tr("słownik ma \(terms), a częstości dokumentowych jest \(documentFrequency.count)",
                                              "the vocabulary has \(terms) but \(documentFrequency.count) document frequencies"))
        }
        if let bad = documentFrequency.firstIndex(where: { $0 < 0 || $0 > documentCount }) {
            throw ThemesError.invalidModel(tr("częstość dokumentowa cechy \(bad + 1) (\(documentFrequency[bad])) poza zakresem 0…\(max(documentCount, 0))",
                                              "document frequency of feature \(bad + 1) (\(documentFrequency[bad])) outside 0…\(max(documentCount, 0))"))
        }
        for i in vocabulary.indices.dropFirst() where !(vocabulary[i - 1] < vocabulary[i]) {
            throw ThemesError.invalidModel(tr("słownik nie jest posortowany w pozycji \(i) („\(vocabulary[i])”)",
                                              "the vocabulary is not sorted at entry \(i) (\"\(vocabulary[i])\")"))
        }
        var ids = TermTable()
        var unigram: [Int32] = []
        var pairs: [(UInt32, UInt32, Int32)] = []
        func intern(_ t: Substring) -> UInt32 {
            let (id, isNew) = ids.intern(String(t))
            if isNew { unigram.append(-1) }
            return id
        }
        for (fid, feature) in vocabulary.enumerated() {
            let parts = feature.split(separator: " ", omittingEmptySubsequences: false)
            if parts.count == 2 {
                let a = intern(parts[0]), b = intern(parts[1])
                pairs.append((a, b, Int32(fid)))
            } else {
                let a = intern(Substring(feature))
                unigram[Int(a)] = Int32(fid)
            }
        }
        self.init(configuration: configuration, documentCount: documentCount, vocabulary: vocabulary,
                  documentFrequency: documentFrequency, termIDs: ids, unigramFeature: unigram,
                  bigramFeature: BigramIndex(termCount: unigram.count, pairs: pairs))
    }

    /// A vectoriser from lookup tables already built (by `fitTransform`, which has the terms' bytes at hand and
    /// sorted the vocabulary itself).
    init(configuration: VectorizerConfiguration, documentCount: Int, vocabulary: [String], documentFrequency: [Int],
         termIDs: TermTable, unigramFeature: [Int32], bigramFeature: BigramIndex) {
        self.configuration = configuration
        self.documentCount = documentCount
        self.vocabulary = vocabulary
        self.documentFrequency = documentFrequency
        self.idf = documentFrequency.map { Self.idf(df: $0, n: documentCount, smooth: configuration.smoothIDF) }
        self.lookup = TermLookup(terms: termIDs, unigram: unigramFeature)
        self.fieldKeys = configuration.fields.map { Postulate.Field($0.field) }
        self.fieldWeights = configuration.fields.map(\.weight)
        self.tfOf = TFTable(sublinear: configuration.sublinearTF)
        // Features are counted as feature · F + field in an Int32 (`countFields`).
        precondition(vocabulary.count < Int(Int32.max) / max(1, configuration.fields.count), "too many features to count per field")
        self.bigramFeature = bigramFeature
    }

    static func idf(df: Int, n: Int, smooth: Bool) -> Double {
        // `+ 1` in Double, not Int: a model file's counts may be Int.max (same values below 2⁵³, so same models).
        smooth ? log((Double(n) + 1) / (Double(df) + 1)) + 1 : log(Double(n) / Double(max(df, 1))) + 1
    }

    static func bigramKey(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 32 | UInt64(b) }
    static func unigramKey(_ a: UInt32) -> UInt64 { UInt64(a) << 32 | 0xFFFF_FFFF }

    // MARK: fitting

    /// Learns the vocabulary and idf from `documents` and returns the fitted vectoriser with the documents' vectors
    /// (one pass of interning; the vectors use the final, pruned vocabulary).
    public static func fitTransform(_ documents: [FieldTerms], configuration: VectorizerConfiguration) throws
        -> (TfidfVectorizer, [SparseVector]) {
        try fitTransform(TermDocuments(documents), configuration: configuration)
    }

    /// `fitTransform` of documents whose terms stream in (see `TermDocuments`).
    public static func fitTransform(_ documents: TermDocuments, configuration: VectorizerConfiguration) throws
        -> (TfidfVectorizer, [SparseVector]) {
        let (vectorizer, rows) = try fitRows(documents, configuration: configuration)
        return (vectorizer, (0..<rows.count).map { rows.vector($0) })
    }

    /// `fitTransform` with the vectors as one `SparseRows` (three arrays instead of two per document).
    static func fitRows(_ documents: [FieldTerms], configuration: VectorizerConfiguration) throws
        -> (TfidfVectorizer, SparseRows) {
        try fitRows(TermDocuments(documents), configuration: configuration)
    }

    /// Fits without keeping the training vectors.
    public static func fit(_ documents: [FieldTerms], configuration: VectorizerConfiguration) throws -> TfidfVectorizer {
        try fitTransform(documents, configuration: configuration).0
    }

    // MARK: transforming

    /// The TF-IDF vector of one document (terms unknown to the vocabulary are ignored).
    public func transform(_ document: FieldTerms) -> SparseVector {
        transform(document, scratch: Scratch())
    }

    /// `transform(_:)` reusing `scratch`'s buffers: only the result is allocated.
    public func transform(_ document: FieldTerms, scratch: Scratch) -> SparseVector {
        scratch.vector(count: vectorize(document, into: scratch))
    }

    /// Vectorises `document` into `scratch` (see `Scratch`) and returns its number of features. Same arithmetic in
    /// the same order as always: a feature's tf is summed over fields in field order; tf·idf and the norm are taken
    /// in feature-id order.
    @discardableResult
    public func vectorize(_ document: FieldTerms, into scratch: Scratch) -> Int {
        vectorize(fieldCount: min(configuration.fields.count, document.count), into: scratch) { fi, body in
            for t in document[fi] { TermTable.withKey(t, body) }
        }
    }

    /// `vectorize` of `fieldCount` fields whose term keys `keys(f, body)` gives (see `TermDocuments`).
    @inline(__always)
    func vectorize(fieldCount: Int, into scratch: Scratch,
                   keys: (Int, (UnsafeBufferPointer<UInt8>) -> Void) -> Void) -> Int {
        let bigrams = configuration.bigrams, F = Int32(fieldWeights.count)
        // Every field's features as feature · F + field, counted together at the end (`countFields`).
        var m = 0
        for fi in 0..<fieldCount {
            // The field's keys prepared as they stream in, then looked up all together (term id and unigram
            // feature each); then its bigrams. An unknown term yields nothing and breaks the bigram chain.
            var c = 0
            keys(fi) { key in
                scratch.setPrepared(key, at: c)
                c += 1
            }
            lookup.resolve(scratch, count: c)
            scratch.reserve(raw: m + 2 * c)
            let raw = scratch.raw, termBuffer = scratch.termBuffer, unigramBuffer = scratch.unigramBuffer
            let field = Int32(fi)
            for i in 0..<c where unigramBuffer[i] >= 0 { raw[m] = unigramBuffer[i] &* F &+ field; m += 1 }
            if bigrams && c > 1 {
                bigramFeature.forEachFeature(termBuffer, count: c, sink: scratch) { b in raw[m] = b &* F &+ field; m += 1 }
            }
        }
        let nnz = scratch.countFields(m, fieldCount: F, weights: fieldWeights, tf: tfOf)
        weigh(scratch, count: nnz)
        return nnz
    }

    /// tf → tf·idf, l2-normalised, in place (`scratch.ids` ascending).
    func weigh(_ scratch: Scratch, count n: Int) {
        let ids = scratch.ids, values = scratch.tf
        var norm = 0.0
        idf.withUnsafeBufferPointer { idf in
            for i in 0..<n {
                let v = values[i] * idf[Int(ids[i])]
                values[i] = v
                norm += v * v
            }
        }
        if configuration.l2Normalize && norm > 0 {
            let inv = 1 / norm.squareRoot()
            for i in 0..<n { values[i] *= inv }
        }
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
}

/// Stored state of a fitted vectoriser (what a model file keeps); the idf and lookups are derived.
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
struct TFTable: Sendable {
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
