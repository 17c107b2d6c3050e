/// The automaton's first two levels as direct tables: the node reached from the root by one byte, and by two.
///
/// Why: the root and its children are the widest nodes of the lexicon (every first letter, every first two
/// letters, in both cases); finding an arc there meant scanning dozens of arcs, and a case-insensitive lookup
/// scans them again for the upper-case spelling, which is usually absent. Two table reads replace those scans.
/// The third and fourth bytes (`deep`: 43k arcs of PoliMorf, most under prefixes every text uses, "pr", "po",
/// "za") are in one hash table keyed by the prefix. Built once per lemmatiser from the automaton (≈ 8.5k nodes,
/// about a millisecond), read-only afterwards.
struct AutomatonHead: Sendable {
    /// `level0[b]`: the node after the root's arc labelled `b`: −1 no such arc, 0 a terminal arc, else the node.
    let level0: [Int32]
    /// `level1[b0 << 8 | b1]`: the same from the node `level0[b0]` (−1 where that node does not exist).
    let level1: [Int32]
    /// The node after a 3- or 4-byte prefix: keys `deepKey(bytes)`, 0 marks an empty slot; `deepNodes` at the
    /// same slot holds the node (0 a terminal arc). A prefix not in the table has no path.
    let deepKeys: [UInt64]
    let deepNodes: [Int32]
    let deepShift: UInt64

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
        // Every arc leaving a node two or three bytes deep, keyed by the whole prefix up to and with its label.
        var entries: [(UInt64, Int32)] = []
        automaton.withWalker { w in
            func arcs(of node: Int, prefix: UInt64, length: Int) {
                guard node > 0 else { return }
                var arc = w.firstArc(of: node)
                while true {
                    let key = prefix | UInt64(w.label(arc)) << UInt64(8 * length)
                    let to = w.destination(ofArc: arc)
                    entries.append((Self.deepKey(key, length: length + 1), Int32(to)))
                    if length == 2 { arcs(of: to, prefix: key, length: 3) }
                    if w.isLast(arc) { break }
                    arc = w.skip(arc)
                }
            }
            for b0 in 0..<256 where l0[b0] > 0 {
                for b1 in 0..<256 where l1[b0 << 8 | b1] > 0 {
                    arcs(of: Int(l1[b0 << 8 | b1]), prefix: UInt64(b0) | UInt64(b1) << 8, length: 2)
                }
            }
        }
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let shift = 64 - bits, mask = (1 << Int(bits)) - 1
        var keys = [UInt64](repeating: 0, count: 1 << Int(bits))
        var nodes = [Int32](repeating: 0, count: 1 << Int(bits))
        for (key, node) in entries {
            var s = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[s] != 0 { s = (s + 1) & mask }
            keys[s] = key
            nodes[s] = node
        }
        deepKeys = keys
        deepNodes = nodes
        deepShift = shift
    }

    /// A prefix of 3 or 4 bytes (first byte lowest) with its length above them: never 0.
    @inline(__always)
    static func deepKey(_ bytes: UInt64, length: Int) -> UInt64 { bytes | UInt64(length) << 32 }

    /// The node after `key`'s prefix (see `deepKeys`): −1 when there is no such path.
    @inline(__always)
    static func deep(_ key: UInt64, keys: UnsafeBufferPointer<UInt64>, nodes: UnsafeBufferPointer<Int32>, shift: UInt64) -> Int {
        let mask = keys.count - 1
        var s = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let k = keys[s]
            if k == key { return Int(nodes[s]) }
            if k == 0 { return -1 }
            s = (s + 1) & mask
        }
    }
}
