/// The automaton's first two levels as direct tables: the node reached from the root by one byte, and by two.
///
/// Why: the root and its children are the widest nodes of the lexicon (every first letter, every first two
/// letters, in both cases); finding an arc there meant scanning dozens of arcs, and a case-insensitive lookup
/// scans them again for the upper-case spelling, which is usually absent. Two table reads replace those scans.
/// Built once per lemmatiser from the automaton (a few hundred nodes, milliseconds), read-only afterwards.
struct AutomatonHead: Sendable {
    /// `level0[b]`: the node after the root's arc labelled `b`: −1 no such arc, 0 a terminal arc, else the node.
    let level0: [Int32]
    /// `level1[b0 << 8 | b1]`: the same from the node `level0[b0]` (−1 where that node does not exist).
    let level1: [Int32]

    init(_ automaton: CFSA2Automaton) {
        var l0 = [Int32](repeating: -1, count: 256)
        var l1 = [Int32](repeating: -1, count: 256 * 256)
        automaton.withWalker { w in
            func destinations(of node: Int, into table: inout [Int32], at base: Int) {
                guard node > 0 else { return }
                var arc = w.firstArc(of: node)
                while true {
                    table[base + Int(w.label(arc))] = Int32(w.destination(ofArc: arc))
                    if w.isLast(arc) { break }
                    arc = w.skip(arc)
                }
            }
            destinations(of: automaton.root, into: &l0, at: 0)
            for b in 0..<256 where l0[b] > 0 { destinations(of: Int(l0[b]), into: &l1, at: b << 8) }
        }
        level0 = l0
        level1 = l1
    }
}
