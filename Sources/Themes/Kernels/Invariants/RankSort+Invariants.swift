/// The rank sort's contract, checked on one input: `sortIDs` leaves `p[0..<n]` (ids ≥ 0) ascending in `out`, a
/// permutation of them. Tests call it on inputs of every length around the 64-id and 8-lane edges.
func checkSortIDs(_ ids: [Int32]) throws {
    guard !ids.isEmpty else { return }
    var input = ids
    let out = UnsafeMutablePointer<Int32>.allocate(capacity: max(ids.count, 1))
    defer { out.deallocate() }
    input.withUnsafeMutableBufferPointer { sortIDs($0.baseAddress!, $0.count, into: out) }
    let sorted = Array(UnsafeBufferPointer(start: out, count: ids.count))
    try expect(sorted == ids.sorted(), "sortIDs: \(ids.count) ids sorted to \(sorted.prefix(12))…, not \(ids.sorted().prefix(12))…")
    try expect(input == ids, "sortIDs: its input changed")
}
