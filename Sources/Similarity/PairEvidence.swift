import PolishText

/// The factors that lower a joined pair's cosine (`NameMismatch`, `PlaceEvidence`, `SharedEvidence`), from numbers
/// prepared once per term and per row: the join's pairs are many (hundreds of thousands on a 100k corpus of resubmissions), and
/// building sets of feature strings for each of them cost more than the join's own verification.
///
/// What is prepared: per term id, whether its feature is a name, an identifier (with its value numbered) or
/// neither; per row, its names (term ids) and identifier values (numbers), each ascending and distinct. Two rows
/// then share a name or a value when a merge walk finds one — the same answer as the sets of strings `NameMismatch`
/// compares, since a feature has one term id and a value one number. The shared idf adds the idf of the shared
/// terms in ascending term id, the order the row holds them in, so the sum is bit-identical to the one over the
/// sorted shared ids.
struct PairEvidence {
    private let nameStart: [Int]
    private let names: [UInt32]
    private let valueStart: [Int]
    private let values: [UInt32]
    private let v: SparseVectors
    private let idf: [Double]
    private let documents: Int
    /// Per row: whether it names a place (a name, an identifier, or a known place field: `PlaceEvidence`); nil
    /// when `PlaceEvidence` is off.
    private let placed: [Bool]?

    /// `term(id)`: the feature string of a term id of `v`; `placedByField[row]`: the row has a known value of a
    /// place field (`--same` fields other than `city`). Without it `PlaceEvidence` is off: the pair is lowered for
    /// disjoint names and identifiers (`NameMismatch`) and little shared evidence only.
    init(_ v: SparseVectors, idf: [Double], documents: Int, placedByField: [Bool]? = nil, term: (UInt32) -> String) {
        self.v = v; self.idf = idf; self.documents = documents
        // Per term: 0 not yet seen, 1 neither, 2 a name, 3 + k an identifier of value number k.
        var kind = [UInt32](repeating: 0, count: v.dimension)
        var valueIDs: [Substring: UInt32] = [:]
        var nameStart = [0], valueStart = [0]
        var names: [UInt32] = [], values: [UInt32] = []
        var rowValues: [UInt32] = []
        for r in 0..<v.count {
            rowValues.removeAll(keepingCapacity: true)
            for k in v.row(r) {
                let t = v.terms[k]
                if kind[Int(t)] == 0 {
                    let f = term(t)
                    switch TermKind.of(f) {
                    case .name: kind[Int(t)] = 2
                    case .identifier where !TermKind.isYear(f):
                        if let value = TermKind.identifierParts(f)?.value {
                            if let id = valueIDs[value] { kind[Int(t)] = 3 + id } else {
                                let id = UInt32(valueIDs.count)
                                valueIDs[value] = id
                                kind[Int(t)] = 3 + id
                            }
                        } else { kind[Int(t)] = 1 }
                    default: kind[Int(t)] = 1
                    }
                }
                let c = kind[Int(t)]
                if c == 2 { names.append(t) } else if c >= 3 { rowValues.append(c - 3) }
            }
            nameStart.append(names.count)   // term ids ascend within a row, and are distinct
            if rowValues.count > 1 { rowValues.sort() }
            for (i, x) in rowValues.enumerated() where i == 0 || rowValues[i - 1] != x { values.append(x) }
            valueStart.append(values.count)
        }
        self.nameStart = nameStart; self.names = names
        self.valueStart = valueStart; self.values = values
        self.placed = placedByField.map { byField in
            (0..<v.count).map { r in
                nameStart[r] < nameStart[r + 1] || valueStart[r] < valueStart[r + 1] || (r < byField.count && byField[r])
            }
        }
    }

    /// `NameMismatch.compare(marks(a), marks(b)).factor * SharedEvidence.factor(sharedIDF:documents:)`; with
    /// `PlaceEvidence` on, its `namesFactor` (which holds the disjoint names of `NameMismatch`) stands for the names'
    /// part, times its `placeFactor`.
    func factor(_ a: Int, _ b: Int) -> Double {
        var nameFactor = 1.0
        let namesA = nameStart[a]..<nameStart[a + 1], namesB = nameStart[b]..<nameStart[b + 1]
        if placed == nil ? Self.disjoint(names, namesA, namesB) : mostlyDiffer(namesA, namesB) {
            nameFactor *= NameMismatch.penalty
        }
        if Self.disjoint(values, valueStart[a]..<valueStart[a + 1], valueStart[b]..<valueStart[b + 1]) {
            nameFactor *= NameMismatch.penalty
        }
        if let placed, placed[a] != placed[b] { nameFactor *= PlaceEvidence.oneSided }
        return nameFactor * SharedEvidence.factor(sharedIDF: sharedIDF(a, b), documents: documents)
    }

    /// `PlaceEvidence.namesFactor` < 1 for two rows' names (each ascending): each side has a name the other lacks,
    /// and the shared ones carry less than `sharedNameShare` of the idf of all of them.
    private func mostlyDiffer(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        var i = a.lowerBound, j = b.lowerBound
        var shared = 0.0, all = 0.0, common = 0
        while i < a.upperBound || j < b.upperBound {
            if j == b.upperBound || (i < a.upperBound && names[i] < names[j]) {
                all += idf[Int(names[i])]; i += 1
            } else if i == a.upperBound || names[j] < names[i] {
                all += idf[Int(names[j])]; j += 1
            } else {
                shared += idf[Int(names[i])]; all += idf[Int(names[i])]; common += 1; i += 1; j += 1
            }
        }
        guard common < a.count, common < b.count else { return false }
        return shared < PlaceEvidence.sharedNameShare * all
    }

    /// Both ranges non-empty and without a common element (each ascending).
    private static func disjoint(_ xs: [UInt32], _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        var i = a.lowerBound, j = b.lowerBound
        while i < a.upperBound && j < b.upperBound {
            let x = xs[i], y = xs[j]
            if x == y { return false }
            if x < y { i += 1 } else { j += 1 }
        }
        return true
    }

    /// The sum of the idf of the terms both rows hold, in ascending term id.
    func sharedIDF(_ a: Int, _ b: Int) -> Double {
        var i = v.start[a], j = v.start[b]
        let ie = v.start[a + 1], je = v.start[b + 1]
        var sum = 0.0
        while i < ie && j < je {
            let x = v.terms[i], y = v.terms[j]
            if x == y { sum += idf[Int(x)]; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
        }
        return sum
    }
}
