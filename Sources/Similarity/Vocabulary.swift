/// Term strings ↔ dense ids. Ids are assigned in first-seen order; nothing downstream depends on that order
/// (norms are order-free, query terms are taken in string order), so an index updated incrementally answers
/// exactly like one rebuilt from scratch.
struct Vocabulary {
    private(set) var terms: [String] = []
    private var ids: [String: UInt32] = [:]

    init() {}
    init(terms: [String]) {
        self.terms = terms
        ids.reserveCapacity(terms.count)
        for (i, t) in terms.enumerated() { ids[t] = UInt32(i) }
    }

    var count: Int { terms.count }
    func id(of term: String) -> UInt32? { ids[term] }
    subscript(id: UInt32) -> String { terms[Int(id)] }

    mutating func intern(_ term: String) -> UInt32 {
        if let id = ids[term] { return id }
        let id = UInt32(terms.count)
        terms.append(term)
        ids[term] = id
        return id
    }
}
