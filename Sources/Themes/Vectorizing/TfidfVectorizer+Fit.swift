import Corpus
import Foundation

// Fitting, in scikit-learn's steps: count (intern terms, give every unigram and bigram key an id, count document
// frequencies), prune and order the vocabulary, weigh (tf·idf and l2). Each is one function; `fitRows` calls them.
extension TfidfVectorizer {
    /// `fitTransform` with the vectors as one `SparseRows`, for documents whose terms stream in as keys (records
    /// analysed on the fly, or terms in arrays).
    static func fitRows(_ documents: TermDocuments, configuration: VectorizerConfiguration) throws
        -> (TfidfVectorizer, SparseRows) {
        let scratch = Scratch()
        let counts = countKeys(documents, configuration: configuration, scratch: scratch)
        let kept = prunedAndOrdered(counts, documentCount: documents.count, configuration: configuration)
        let vectorizer = fitted(kept: kept, counts: counts, documentCount: documents.count, configuration: configuration)
        var featureOf = [Int32](repeating: -1, count: counts.keys.count)
        for (feature, key) in kept.enumerated() { featureOf[Int(key)] = Int32(feature) }
        let rows = vectorizer.weighRows(counts, featureOf: featureOf, scratch: scratch)
        return (vectorizer, rows)
    }

    /// What counting the training documents leaves: the interned terms, every distinct feature key (unigram or
    /// bigram of term ids, `unigramKey`/`bigramKey`) with its document frequency, and each field's key ids as they
    /// came, repeats included, in one flat array.
    struct KeyCounts {
        var terms = TermTable(capacity: 1 << 12)
        /// Term strings by term id.
        var termStrings: [String] = []
        /// Key id → key.
        var keys: [UInt64] = []
        /// Key id → document frequency.
        var df: [KeyCount] = []
        /// The key ids of every field of every document, in order.
        var allKeys: [Int32] = []
        /// `offsets[d · F + f]`: where field f of document d starts in `allKeys` (F fields).
        var offsets: [Int] = [0]
    }

    /// Count: interns terms, gives every distinct feature key a dense key id (unigrams through a dense term-id
    /// array, bigrams through one `KeyTable` probe), keeps every field's key ids, and counts each key's documents
    /// (`KeyCount`: a key repeated in a document counts once, with no per-document sort).
    static func countKeys(_ documents: TermDocuments, configuration: VectorizerConfiguration, scratch: Scratch) -> KeyCounts {
        let fields = configuration.fields, bigrams = configuration.bigrams
        var c = KeyCounts()
        var unigramKeyID: [Int32] = []
        var bigramKeyID = KeyTable(capacity: 1 << 12)
        c.offsets.reserveCapacity(documents.count * fields.count + 1)
        // At most two keys per term: reserving that once spares the flat array its regrowth copies.
        if let termTotal = documents.termCount { c.allKeys.reserveCapacity(2 * termTotal) }
        for d in 0..<documents.count {
            let document = Int32(truncatingIfNeeded: d)
            for fi in 0..<fields.count {
                // The field's term ids first, then its keys (a field a document lacks has no terms, so adds nothing).
                var n = 0
                documents.forEachKey(document: d, field: fi) { key in
                    let (id, isNew) = c.terms.intern(key: key)
                    if isNew { c.termStrings.append(String(decoding: key, as: UTF8.self)); unigramKeyID.append(-1) }
                    scratch.setTerm(id, at: n)
                    n += 1
                }
                scratch.reserve(raw: 2 * n)
                let raw = scratch.raw, termBuffer = scratch.termBuffer
                var m = 0
                for i in 0..<n {
                    let id = termBuffer[i]
                    var k = unigramKeyID[Int(id)]
                    if k < 0 {
                        k = Int32(c.keys.count)
                        unigramKeyID[Int(id)] = k
                        c.keys.append(unigramKey(id)); c.df.append(KeyCount())
                    }
                    raw[m] = k; m += 1
                }
                if bigrams && n > 1 {
                    scratch.sink = bigramKeyID.touchBigrams(termBuffer, count: n)
                    for i in 1..<n {
                        let key = bigramKey(termBuffer[i - 1], termBuffer[i])
                        var b = bigramKeyID.valueOrInsert(key, Int32(c.keys.count))
                        if b < 0 {
                            b = Int32(c.keys.count)
                            c.keys.append(key); c.df.append(KeyCount())
                        }
                        raw[m] = b; m += 1
                    }
                }
                c.df.withUnsafeMutableBufferPointer { df in
                    for i in 0..<m { df[Int(raw[i])].count(in: document) }
                }
                c.allKeys.append(contentsOf: UnsafeBufferPointer(start: raw, count: m))
                c.offsets.append(c.allKeys.count)
            }
        }
        return c
    }

    /// Prune and order: the key ids whose document frequency is within `minDocumentFrequency` and
    /// `maxDocumentFrequencyRatio` of `documentCount`, in vocabulary order (see `sortByFeatureBytes`).
    static func prunedAndOrdered(_ counts: KeyCounts, documentCount n: Int, configuration: VectorizerConfiguration) -> [Int32] {
        let maxDF = configuration.maxDocumentFrequencyRatio >= 1 ? Int.max
            : max(1, Int((configuration.maxDocumentFrequencyRatio * Double(n)).rounded(.down)))
        var kept: [Int32] = []
        for (kid, c) in counts.df.enumerated() where Int(c.documents) >= configuration.minDocumentFrequency && Int(c.documents) <= maxDF {
            kept.append(Int32(kid))
        }
        sortByFeatureBytes(&kept, keys: counts.keys, terms: counts.terms)
        return kept
    }

    /// The fitted vectoriser of the `kept` keys (feature id = position in `kept`): the vocabulary, document
    /// frequencies and lookup tables, the kept features' terms interned again (by their bytes) in vocabulary
    /// order, exactly as `init(configuration:documentCount:vocabulary:documentFrequency:)` does from the strings.
    static func fitted(kept: [Int32], counts: KeyCounts, documentCount n: Int,
                       configuration: VectorizerConfiguration) -> TfidfVectorizer {
        var vocabulary: [String] = [], documentFrequency: [Int] = []
        vocabulary.reserveCapacity(kept.count); documentFrequency.reserveCapacity(kept.count)
        var termIDs = TermTable(capacity: counts.terms.count)
        var unigram: [Int32] = []
        var pairs: [(UInt32, UInt32, Int32)] = []
        var newID = [UInt32](repeating: UInt32.max, count: counts.termStrings.count)
        func intern(_ old: Int) -> UInt32 {
            if newID[old] != UInt32.max { return newID[old] }
            let (id, isNew) = counts.terms.withBytes(old) { termIDs.intern(key: $0) }
            if isNew { unigram.append(-1) }
            newID[old] = id
            return id
        }
        let terms = counts.termStrings
        for (fid, kid) in kept.enumerated() {
            let key = counts.keys[Int(kid)]
            let a = Int(key >> 32), b = key & 0xFFFF_FFFF
            if b == 0xFFFF_FFFF {
                vocabulary.append(terms[a])
                unigram[Int(intern(a))] = Int32(fid)
            } else {
                vocabulary.append(terms[a] + " " + terms[Int(b)])
                let x = intern(a), y = intern(Int(b))
                pairs.append((x, y, Int32(fid)))
            }
            documentFrequency.append(Int(counts.df[Int(kid)].documents))
        }
        return TfidfVectorizer(configuration: configuration, documentCount: n, vocabulary: vocabulary,
                               documentFrequency: documentFrequency, termIDs: termIDs, unigramFeature: unigram,
                               bigramFeature: BigramIndex(termCount: unigram.count, pairs: pairs))
    }

    /// Weigh: each document's kept features counted per field, tf·idf, l2 — one row per document. A kept key
    /// becomes feature · F + field (F fields) and `countFields` sums a feature's tf over its fields in field order,
    /// as `vectorize` does, so these rows equal `transform`'s vectors bit for bit.
    func weighRows(_ counts: KeyCounts, featureOf: [Int32], scratch: Scratch) -> SparseRows {
        let F = configuration.fields.count, fieldCount = Int32(F)
        let n = documentCount
        var rows = SparseRows()
        rows.offsets.reserveCapacity(n + 1)
        rows.indices.reserveCapacity(counts.allKeys.count)
        rows.values.reserveCapacity(counts.allKeys.count)
        let offsets = counts.offsets
        counts.allKeys.withUnsafeBufferPointer { keys in
            featureOf.withUnsafeBufferPointer { fOf in
                for d in 0..<n {
                    scratch.reserve(raw: offsets[(d + 1) * F] - offsets[d * F])
                    let raw = scratch.raw
                    var m = 0
                    for fi in 0..<F {
                        for j in offsets[d * F + fi]..<offsets[d * F + fi + 1] {
                            let f = fOf[Int(keys[j])]
                            if f >= 0 { raw[m] = f &* fieldCount &+ Int32(fi); m += 1 }
                        }
                    }
                    let nnz = scratch.countFields(m, fieldCount: fieldCount, weights: fieldWeights, tf: tfOf)
                    weigh(scratch, count: nnz)
                    rows.indices.append(contentsOf: UnsafeBufferPointer(start: scratch.ids, count: nnz))
                    rows.values.append(contentsOf: UnsafeBufferPointer(start: scratch.tf, count: nnz))
                    rows.offsets.append(rows.indices.count)
                }
            }
        }
        return rows
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
}
