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
    // A byte-keyed open-addressing table and compressed rows (TermTables.swift): faster than Dictionary's SipHash.
    private let lookup: TermLookup
    private let bigramFeature: BigramIndex
    /// `configuration.fields` resolved for reading records (see `FieldText.Key`), their weights, and the tf of a
    /// count: taken once, not per document.
    let fieldKeys: [FieldText.Key]
    let fieldWeights: [Double]
    let tfOf: TFTable

    public var featureCount: Int { vocabulary.count }

    /// Rebuilds a fitted vectoriser from its stored state (as read from a model or index file).
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
        self.fieldKeys = configuration.fields.map { FieldText.Key($0.field) }
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

    /// `fitRows` of documents whose terms stream in as keys (records analysed on the fly, or terms in arrays).
    static func fitRows(_ documents: TermDocuments, configuration: VectorizerConfiguration) throws
        -> (TfidfVectorizer, SparseRows) {
        // Pass 1: intern terms, give every distinct feature key a dense key id (unigrams through a dense term-id
        // array, bigrams through one table probe), and keep every field's key ids as they come (repeats included)
        // in one flat array. Document frequencies are counted on the way: a key's 8-byte slot holds its count and
        // the last document that counted it, so a key repeated in a document counts once, with no per-document
        // sort (the only one is pass 2's, by feature, which also gives the counts).
        let fields = configuration.fields, bigrams = configuration.bigrams
        var ids = TermTable(capacity: 1 << 12)
        var terms: [String] = []
        var unigramKeyID: [Int32] = []
        var bigramKeyID = KeyTable(capacity: 1 << 12)
        var keyList: [UInt64] = []
        var df: [KeyCount] = []
        var allKeys: [Int32] = []
        // offsets[d * fields.count + f]: where field f of document d starts in `allKeys`.
        var offsets: [Int] = [0]
        offsets.reserveCapacity(documents.count * fields.count + 1)
        // At most two keys per term: reserving that once spares the flat array its regrowth copies.
        if let termTotal = documents.termCount { allKeys.reserveCapacity(2 * termTotal) }
        let scratch = Scratch()
        for d in 0..<documents.count {
            let document = Int32(truncatingIfNeeded: d)
            for fi in 0..<fields.count {
                // Term ids first, then the keys: the bigram probes of a field are then independent loads in a
                // tight loop, and the processor overlaps their cache misses. (A field a document lacks has no
                // terms, so it adds nothing.)
                var c = 0
                documents.forEachKey(document: d, field: fi) { key in
                    let (id, isNew) = ids.intern(key: key)
                    if isNew { terms.append(String(decoding: key, as: UTF8.self)); unigramKeyID.append(-1) }
                    scratch.setTerm(id, at: c)
                    c += 1
                }
                scratch.reserve(raw: 2 * c)
                let raw = scratch.raw, termBuffer = scratch.termBuffer
                var m = 0
                for i in 0..<c {
                    let id = termBuffer[i]
                    var k = unigramKeyID[Int(id)]
                    if k < 0 {
                        k = Int32(keyList.count)
                        unigramKeyID[Int(id)] = k
                        keyList.append(unigramKey(id)); df.append(KeyCount())
                    }
                    raw[m] = k; m += 1
                }
                if bigrams && c > 1 {
                    var touched: Int32 = 0
                    for i in 1..<c { touched &+= bigramKeyID.touch(bigramKey(termBuffer[i - 1], termBuffer[i])) }
                    scratch.sink = touched
                    for i in 1..<c {
                        let key = bigramKey(termBuffer[i - 1], termBuffer[i])
                        var b = bigramKeyID.valueOrInsert(key, Int32(keyList.count))
                        if b < 0 {
                            b = Int32(keyList.count)
                            keyList.append(key); df.append(KeyCount())
                        }
                        raw[m] = b; m += 1
                    }
                }
                df.withUnsafeMutableBufferPointer { df in
                    for i in 0..<m { df[Int(raw[i])].count(in: document) }
                }
                allKeys.append(contentsOf: UnsafeBufferPointer(start: raw, count: m))
                offsets.append(allKeys.count)
            }
        }
        let n = documents.count
        let maxDF = configuration.maxDocumentFrequencyRatio >= 1 ? Int.max
            : max(1, Int((configuration.maxDocumentFrequencyRatio * Double(n)).rounded(.down)))
        var kept: [Int32] = []
        for (kid, c) in df.enumerated() where Int(c.documents) >= configuration.minDocumentFrequency && Int(c.documents) <= maxDF {
            kept.append(Int32(kid))
        }
        sortByFeatureBytes(&kept, keys: keyList, terms: ids)
        var featureOf = [Int32](repeating: -1, count: keyList.count)
        for (i, k) in kept.enumerated() { featureOf[Int(k)] = Int32(i) }

        // The fitted lookup tables: the kept features' terms interned again (by their bytes) in vocabulary order,
        // exactly as `init(configuration:documentCount:vocabulary:documentFrequency:)` does from the strings.
        var vocabulary: [String] = [], documentFrequency: [Int] = []
        vocabulary.reserveCapacity(kept.count); documentFrequency.reserveCapacity(kept.count)
        var termIDs = TermTable(capacity: ids.count)
        var unigram: [Int32] = []
        var pairs: [(UInt32, UInt32, Int32)] = []
        var newID = [UInt32](repeating: UInt32.max, count: terms.count)
        func intern(_ old: Int) -> UInt32 {
            if newID[old] != UInt32.max { return newID[old] }
            let (id, isNew) = ids.withBytes(old) { termIDs.intern(key: $0) }
            if isNew { unigram.append(-1) }
            newID[old] = id
            return id
        }
        for (fid, kid) in kept.enumerated() {
            let key = keyList[Int(kid)]
            let a = Int(key >> 32), b = key & 0xFFFF_FFFF
            if b == 0xFFFF_FFFF {
                vocabulary.append(terms[a])
                unigram[Int(intern(a))] = Int32(fid)
            } else {
                vocabulary.append(terms[a] + " " + terms[Int(b)])
                let x = intern(a), y = intern(Int(b))
                pairs.append((x, y, Int32(fid)))
            }
            documentFrequency.append(Int(df[Int(kid)].documents))
        }
        let vectorizer = TfidfVectorizer(configuration: configuration, documentCount: n, vocabulary: vocabulary,
                                         documentFrequency: documentFrequency, termIDs: termIDs,
                                         unigramFeature: unigram,
                                         bigramFeature: BigramIndex(termCount: unigram.count, pairs: pairs))
        // Pass 2: the kept features of each document, counted per field, tf·idf, l2. Each kept key becomes
        // feature · F + field (F fields), so one sort orders a document's features and, within a feature, its
        // fields in field order: runs of equal values are the counts, and a feature's tf is summed over its fields
        // in field order, as `vectorize` sums it.
        let fieldCount = Int32(fields.count)
        var rows = SparseRows()
        rows.offsets.reserveCapacity(n + 1)
        rows.indices.reserveCapacity(allKeys.count)
        rows.values.reserveCapacity(allKeys.count)
        allKeys.withUnsafeBufferPointer { keys in
            featureOf.withUnsafeBufferPointer { fOf in
                for d in 0..<n {
                    let lo = offsets[d * fields.count], hi = offsets[(d + 1) * fields.count]
                    scratch.reserve(raw: hi - lo)
                    let raw = scratch.raw
                    var m = 0
                    for fi in 0..<fields.count {
                        for j in offsets[d * fields.count + fi]..<offsets[d * fields.count + fi + 1] {
                            let f = fOf[Int(keys[j])]
                            if f >= 0 { raw[m] = f &* fieldCount &+ Int32(fi); m += 1 }
                        }
                    }
                    let nnz = scratch.countFields(m, fieldCount: fieldCount, weights: vectorizer.fieldWeights, tf: vectorizer.tfOf)
                    vectorizer.weigh(scratch, count: nnz)
                    rows.indices.append(contentsOf: UnsafeBufferPointer(start: scratch.ids, count: nnz))
                    rows.values.append(contentsOf: UnsafeBufferPointer(start: scratch.tf, count: nnz))
                    rows.offsets.append(rows.indices.count)
                }
            }
        }
        return (vectorizer, rows)
    }

    /// Sorts key ids by their features' strings, compared as UTF-8 bytes of the NFC keys the term table holds (the
    /// order of Swift's `String <`; see the type's comment): an 8-byte big-endian prefix first, bytes on a tie.
    static func sortByFeatureBytes(_ kept: inout [Int32], keys: [UInt64], terms: TermTable) {
        var bytes: [UInt8] = [], starts: [Int] = [0]
        starts.reserveCapacity(kept.count + 1)
        terms.withStorage { arena, at in
            for kid in kept {
                let key = keys[Int(kid)]
                let a = Int(key >> 32), b = key & 0xFFFF_FFFF
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: arena[at[a]..<at[a + 1]]))
                if b != 0xFFFF_FFFF {
                    bytes.append(0x20)
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: arena[at[Int(b)]..<at[Int(b) + 1]]))
                }
                starts.append(bytes.count)
            }
        }
        var order: [(prefix: UInt64, index: Int32)] = []
        order.reserveCapacity(kept.count)
        for i in kept.indices {
            var p: UInt64 = 0
            for j in 0..<8 { p = p << 8 | UInt64(starts[i] + j < starts[i + 1] ? bytes[starts[i] + j] : 0) }
            order.append((p, Int32(i)))
        }
        bytes.withUnsafeBufferPointer { by in
            let base = by.baseAddress!
            order.sort { x, y in
                if x.prefix != y.prefix { return x.prefix < y.prefix }
                let i = Int(x.index), j = Int(y.index)
                let li = starts[i + 1] - starts[i], lj = starts[j + 1] - starts[j]
                let c = memcmp(base + starts[i], base + starts[j], min(li, lj))
                return c != 0 ? c < 0 : li < lj
            }
        }
        kept = order.map { kept[Int($0.index)] }
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

    /// Reusable buffers of the vectoriser. One scratch per thread. After `vectorize`, `ids[0..<n]` and `tf[0..<n]`
    /// hold the document's vector (feature ids ascending): read it in place instead of allocating a `SparseVector`.
    /// Why unsafe buffers in a class: a document costs a few dozen array accesses, and Swift arrays held by a class
    /// pay uniqueness and exclusivity checks on each.
    public final class Scratch {
        /// Feature (or key) ids of one field, with repeats.
        private(set) var raw = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        /// Term ids of one field, filled as its terms stream in (`setTerm`).
        private(set) var termBuffer = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        /// Their unigram features (−1: none), when transforming.
        private(set) var unigramBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        /// The field's keys as they streamed in, prepared for lookup (when transforming; see `vectorize`).
        private(set) var prepared = UnsafeMutablePointer<TermLookup.PreparedKey>.allocate(capacity: 64)
        private var termCapacity = 64
        /// Bytes of the field's keys longer than 16 bytes (a prepared key holds only its first 16), one after
        /// another; `longStart[i]` is where key i's are, when it is long.
        private(set) var longBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        private var longCapacity = 256, longCount = 0
        private(set) var longStart = UnsafeMutablePointer<Int>.allocate(capacity: 64)
        /// Where cache-warming loads leave their (meaningless) sum, so the compiler keeps them.
        var sink: Int32 = 0
        /// `raw` sorted.
        private(set) var sorted = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        private var rawCapacity = 64
        /// The document's features so far (ascending) and their tf, then tf·idf (normalised) after `weigh`.
        private(set) var ids = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        private(set) var tf = UnsafeMutablePointer<Double>.allocate(capacity: 64)
        private var outCapacity = 64

        public init() {}
        deinit {
            raw.deallocate(); termBuffer.deallocate(); unigramBuffer.deallocate(); prepared.deallocate()
            longBytes.deallocate(); longStart.deallocate()
            sorted.deallocate(); ids.deallocate(); tf.deallocate()
        }

        /// The vector `vectorize` left (its `count` first entries), as a `SparseVector`.
        public func vector(count n: Int) -> SparseVector {
            SparseVector(indices: Array(UnsafeBufferPointer(start: ids, count: n)),
                         values: Array(UnsafeBufferPointer(start: tf, count: n)))
        }

        /// The vector `vectorize` left, in place (valid until the scratch is used again).
        public func indices(count n: Int) -> UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: ids, count: n) }
        public func values(count n: Int) -> UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: tf, count: n) }

        /// Room for `n` ids in `raw` (keeping those already there: `vectorize` gathers every field's) and `sorted`.
        @inline(__always) func reserve(raw n: Int) {
            guard n > rawCapacity else { return }
            let c = max(n, 2 * rawCapacity)
            raw = Self.grown(raw, keeping: rawCapacity, capacity: c)
            sorted.deallocate()
            sorted = .allocate(capacity: c)
            rawCapacity = c
        }

        /// `termBuffer[i] = id`, growing the buffer (keeping its contents) when the field is longer than any before.
        @inline(__always) func setTerm(_ id: UInt32, at i: Int) {
            if i >= termCapacity { growTerms(i + 1) }
            termBuffer[i] = id
        }

        /// `setTerm`, and `unigramBuffer[i] = unigram`.
        @inline(__always) func setTerm(_ id: UInt32, unigram: Int32, at i: Int) {
            if i >= termCapacity { growTerms(i + 1) }
            termBuffer[i] = id
            unigramBuffer[i] = unigram
        }

        /// `prepared[i]` = the prepared `key`, its bytes kept when it is longer than the prepared heads; i = 0
        /// starts a new field.
        @inline(__always) func setPrepared(_ key: UnsafeBufferPointer<UInt8>, at i: Int) {
            if i >= termCapacity { growTerms(i + 1) }
            if i == 0 { longCount = 0 }
            prepared[i] = TermLookup.prepare(key)
            if key.count > 16 { keepLong(key, at: i) }
        }

        private func keepLong(_ key: UnsafeBufferPointer<UInt8>, at i: Int) {
            if longCount + key.count > longCapacity {
                longCapacity = max(longCount + key.count, 2 * longCapacity)
                longBytes = Self.grown(longBytes, keeping: longCount, capacity: longCapacity)
            }
            (longBytes + longCount).update(from: key.baseAddress!, count: key.count)
            longStart[i] = longCount
            longCount += key.count
        }

        private func growTerms(_ n: Int) {
            let c = max(n, 2 * termCapacity)
            prepared = Self.grown(prepared, keeping: termCapacity, capacity: c)
            longStart = Self.grown(longStart, keeping: termCapacity, capacity: c)
            termBuffer = Self.grown(termBuffer, keeping: termCapacity, capacity: c)
            unigramBuffer = Self.grown(unigramBuffer, keeping: termCapacity, capacity: c)
            termCapacity = c
        }

        /// A buffer of `capacity` elements starting with the first `count` of `old` (plain values), which is freed.
        private static func grown<T>(_ old: UnsafeMutablePointer<T>, keeping count: Int, capacity: Int) -> UnsafeMutablePointer<T> {
            let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
            new.update(from: old, count: count)
            old.deallocate()
            return new
        }

        @inline(__always) func reserve(out n: Int) {
            guard n > outCapacity else { return }
            let c = max(n, 2 * outCapacity)
            ids.deallocate(); tf.deallocate()
            ids = .allocate(capacity: c); tf = .allocate(capacity: c)
            outCapacity = c
        }

        /// The document's features from `raw[0..<m]`, each value feature · F + field (F = `fieldCount`), repeats
        /// included: sorted, so that runs of one value are its count in that field and the fields of a feature come
        /// in field order; tf = Σ over fields of weight · tf(count), summed in field order. Both the fit and
        /// `vectorize` count so, hence the same vectors bit for bit.
        /// Leaves the features in `ids`/`tf` (ascending) and returns their number.
        func countFields(_ m: Int, fieldCount: Int32, weights: [Double], tf tfOf: TFTable) -> Int {
            guard m > 0 else { return 0 }
            sortIDs(raw, m, into: sorted)
            reserve(out: m)
            let sorted = sorted, ids = ids, tf = tf
            var out = -1, i = 0, last: Int32 = -1
            weights.withUnsafeBufferPointer { weights in
                while i < m {
                    let v = sorted[i]
                    var e = i + 1
                    while e < m && sorted[e] == v { e += 1 }
                    let f = fieldCount == 1 ? v : v / fieldCount
                    let w = weights[Int(v &- f &* fieldCount)] * tfOf[e - i]
                    if f == last {
                        tf[out] += w
                    } else {
                        out += 1; ids[out] = f; tf[out] = w; last = f
                    }
                    i = e
                }
            }
            return out + 1
        }
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
            // The field's keys prepared as they stream in; their term slots loaded in a branch-free loop, then the
            // term ids with their unigram features looked up (one slot each); then the bigram slots loaded and
            // looked up likewise (independent loads in tight loops, whose cache misses the processor overlaps). An
            // unknown term (UInt32.max) yields nothing and breaks the chain.
            var c = 0
            keys(fi) { key in
                scratch.setPrepared(key, at: c)
                c += 1
            }
            let prepared = scratch.prepared
            var touchedTerms: Int32 = 0
            for i in 0..<c { touchedTerms &+= lookup.touch(prepared[i]) }
            scratch.sink = touchedTerms
            for i in 0..<c {
                let k = prepared[i]
                let (id, unigram) = lookup.find(k, bytes: k.length > 16 ? scratch.longBytes + scratch.longStart[i] : nil)
                scratch.setTerm(id, unigram: unigram, at: i)
            }
            scratch.reserve(raw: m + 2 * c)
            let raw = scratch.raw, termBuffer = scratch.termBuffer, unigramBuffer = scratch.unigramBuffer
            let field = Int32(fi)
            for i in 0..<c where unigramBuffer[i] >= 0 { raw[m] = unigramBuffer[i] &* F &+ field; m += 1 }
            if bigrams && c > 1 {
                var touched: Int32 = 0
                for i in 1..<c { touched &+= bigramFeature.touch(termBuffer[i - 1], termBuffer[i]) }
                scratch.sink = touched
                for i in 1..<c where termBuffer[i - 1] != UInt32.max && termBuffer[i] != UInt32.max {
                    let b = bigramFeature.value(termBuffer[i - 1], termBuffer[i])
                    if b >= 0 { raw[m] = b &* F &+ field; m += 1 }
                }
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

/// Sorts `p[0..<n]` (ids ≥ 0) ascending into `out` (which must not overlap `p`). Up to 64 ids by rank: each id's
/// place is the number of ids before it in (id, position) order, counted without branches for 8 ids at a time
/// (see `rank`); for a postulate's dozens of features that beats any comparison sort, whose branches mispredict.
/// The standard sort beyond.
@inline(__always)
func sortIDs(_ p: UnsafeMutablePointer<Int32>, _ n: Int, into out: UnsafeMutablePointer<Int32>) {
    if n <= 64 {
        // key = id << 6 | position: distinct, so equal ids keep their order and the ranks are a permutation.
        var largest: Int32 = 0
        for j in 0..<n { largest |= p[j] }
        if largest >= 0 && largest < 1 << 25 {
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 64) { keys in
                let k = keys.baseAddress!
                for j in 0..<n { k[j] = p[j] &<< 6 | Int32(j) }
                // Lanes past n up to the vector's end: never smaller than a key.
                for j in n..<((n + 7) & ~7) { k[j] = .max }
                rank(k, n, into: out)
            }
            return
        }
    }
    out.update(from: p, count: n)
    var b = UnsafeMutableBufferPointer(start: out, count: n)
    b.sort()
}

/// Writes `keys[i] >> 6` (the id of a `sortIDs` key) to `out[rank of keys[i]]` for i < n ≤ 64, keys distinct and
/// ≥ 0, where the rank is the number of smaller keys. `keys` holds `Int32.max` from n to the next multiple of 8.
/// The ranks of 8 keys are kept in the lanes of one vector (loaded straight from `keys`), and every key adds its
/// comparison to all 8 lanes at once (the sign of key − lane key); no branch depends on the data. Eight lanes, not
/// more: a document's 10–30 keys waste fewer lanes past n.
@inline(__always)
func rank(_ keys: UnsafeMutablePointer<Int32>, _ n: Int, into out: UnsafeMutablePointer<Int32>) {
    var from = 0
    while from < n {
        let lanes = UnsafeRawPointer(keys + from).loadUnaligned(as: SIMD8<Int32>.self)
        var r = SIMD8<Int32>()
        for j in 0..<n { r &-= (SIMD8<Int32>(repeating: keys[j]) &- lanes) &>> 31 }  // −1 where lane > keys[j]
        for i in from..<min(n, from + 8) { out[Int(r[i - from])] = keys[i] &>> 6 }
        from += 8
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

/// A feature key's document frequency and the last document that counted it, side by side in one 8-byte slot: a
/// key met again in the same document is not counted twice, and checking that touches no other cache line.
struct KeyCount {
    private(set) var documents: Int32 = 0
    private var last: Int32 = -1

    @inline(__always) mutating func count(in document: Int32) {
        documents &+= last == document ? 0 : 1
        last = document
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
