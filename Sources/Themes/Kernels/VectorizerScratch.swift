extension TfidfVectorizer {
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
        private(set) var termCapacity = 64
        /// Bytes of the field's keys longer than 16 bytes (a prepared key holds only its first 16), one after
        /// another; `longStart[i]` is where key i's are, when it is long.
        private(set) var longBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        private(set) var longCapacity = 256, longCount = 0
        private(set) var longStart = UnsafeMutablePointer<Int>.allocate(capacity: 64)
        /// Where cache-warming loads leave their (meaningless) sum, so the compiler keeps them.
        var sink: Int32 = 0
        /// `raw` sorted.
        private(set) var sorted = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        private(set) var rawCapacity = 64
        /// The document's features so far (ascending) and their tf, then tf·idf (normalised) after `weigh`.
        private(set) var ids = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        private(set) var tf = UnsafeMutablePointer<Double>.allocate(capacity: 64)
        private(set) var outCapacity = 64

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
}
