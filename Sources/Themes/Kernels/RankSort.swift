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
