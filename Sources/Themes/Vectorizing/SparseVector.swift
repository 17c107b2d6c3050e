/// A sparse vector: strictly increasing feature ids with their values. Why sparse: a postulate uses a few dozen of
/// tens of thousands of terms, so dot products and sums cost O(non-zeros).
public struct SparseVector: Sendable, Equatable, Codable {
    public var indices: [Int32]
    public var values: [Double]

    public init(indices: [Int32] = [], values: [Double] = []) {
        precondition(indices.count == values.count, "indices and values differ in length")
        self.indices = indices
        self.values = values
    }

    public var nonZeroCount: Int { indices.count }
    public var isEmpty: Bool { indices.isEmpty }

    /// The value at `index` (0 when absent), by binary search.
    public subscript(index: Int32) -> Double {
        var lo = 0, hi = indices.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if indices[mid] < index { lo = mid + 1 } else { hi = mid }
        }
        return lo < indices.count && indices[lo] == index ? values[lo] : 0
    }

    public var squaredNorm: Double { values.reduce(0) { $0 + $1 * $1 } }

    /// Dot product of two sparse vectors (merge of the sorted id lists).
    public func dot(_ other: SparseVector) -> Double {
        var i = 0, j = 0, sum = 0.0
        while i < indices.count && j < other.indices.count {
            let a = indices[i], b = other.indices[j]
            if a == b { sum += values[i] * other.values[j]; i += 1; j += 1 } else if a < b { i += 1 } else { j += 1 }
        }
        return sum
    }
}

/// Sparse vectors stored end to end: row r is `indices[offsets[r]..<offsets[r + 1]]` with its `values`. Why: a
/// training set of 100 000 vectors as one allocation, read in order, instead of 200 000 small arrays.
struct SparseRows: Sendable {
    var offsets: [Int] = [0]
    var indices: [Int32] = []
    var values: [Double] = []

    var count: Int { offsets.count - 1 }

    /// Row `r` as a `SparseVector`.
    func vector(_ r: Int) -> SparseVector {
        SparseVector(indices: Array(indices[offsets[r]..<offsets[r + 1]]), values: Array(values[offsets[r]..<offsets[r + 1]]))
    }
}
