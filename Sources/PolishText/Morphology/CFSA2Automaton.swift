import Messages

/// Morfologik's CFSA2 finite-state automaton, read in place from its bytes.
///
/// Why in place: the Polish dictionary is 2.8 MB of arcs; decoding it into objects would cost start-up time and
/// memory, while walking the bytes directly costs a few branches per arc.
///
/// Layout (Morfologik `CFSA2.java`): header `\fsa`, version 0xC6, 16-bit flags (big-endian), a label table
/// (count byte, then that many bytes; index 0 unused), then the arcs. An arc is a flag byte
/// `N L F M M M M M` — N: target is the node right after this node's last arc; L: last arc of its node;
/// F: final (accepting) arc; M: index of a frequent label (0 = an explicit label byte follows) — then, unless N,
/// a variable-length (7 bits a byte, low first) target offset. With the NUMBERS flag, each node starts with a
/// v-coded count that is skipped.
public struct CFSA2Automaton: Sendable {
    public enum FormatError: Error, CustomStringConvertible, Equatable {
        case notAnAutomaton
        case unsupportedVersion(UInt8)
        case truncated

        public var description: String {
            switch self {
            case .notAnAutomaton:
                return tr("to nie jest automat Morfologika (brak nagłówka \\fsa)", "not a Morfologik automaton (missing \\fsa header)")
            case .unsupportedVersion(let v):
                let hex = String(v, radix: 16)
                return tr("nieobsługiwana wersja automatu 0x\(hex) (czytana jest tylko CFSA2, 0xc6)",
                          "unsupported automaton version 0x\(hex) (only CFSA2, 0xc6, is read)")
            case .truncated: return tr("dane automatu są ucięte", "automaton data is truncated")
            }
        }
    }

    static let bitTargetNext: UInt8 = 0x80
    static let bitLastArc: UInt8 = 0x40
    static let bitFinalArc: UInt8 = 0x20
    static let labelIndexMask: UInt8 = 0x1F
    static let flagNumbers: UInt16 = 1 << 8

    /// The arcs (the bytes after the header and label table). Offsets below index into this array.
    public let arcs: [UInt8]
    /// Label table: `labels[i]` is the label of an arc whose M bits are `i` (i > 0), 32 entries. Walkers read it
    /// through a pointer (one load an arc; a SIMD32 with a variable index cost several instructions).
    let labels: [UInt8]
    let hasNumbers: Bool
    /// Offset of the root node.
    public let root: Int
    /// Every node's arcs are in ascending label order (checked once at load, `labelsAreSorted`): a search for a
    /// label may stop at the first greater one. Morfologik writes them so; a file that does not is still read,
    /// only without the early stop.
    let sortedLabels: Bool
    /// FNV-1a 64 of `arcs` (what `MorfologikDictionary.contentHash` starts from).
    let arcsHash: UInt64

    /// `arcsHash` of automata whose labels were checked sorted when this was built (Debian 12's
    /// `morfologik-polish.jar` 2.0 PoliMorf): for these the check at load — 41 M instructions, a sixth of loading
    /// the lemmatiser — is skipped, since the hash names the bytes that were checked. Any other automaton is
    /// checked as before. `BytePathTests.testKnownSortedAutomataAreSorted` checks every entry against the installed
    /// dictionary.
    static let knownSorted: Set<UInt64> = [0x38d3_abfb_eff1_c242]

    public init(bytes: [UInt8]) throws {
        guard bytes.count >= 8, bytes[0] == 0x5C, bytes[1] == 0x66, bytes[2] == 0x73, bytes[3] == 0x61 else {
            throw FormatError.notAnAutomaton
        }
        guard bytes[4] == 0xC6 else { throw FormatError.unsupportedVersion(bytes[4]) }
        let flags = UInt16(bytes[5]) << 8 | UInt16(bytes[6])
        let labelCount = Int(bytes[7])
        guard bytes.count > 8 + labelCount else { throw FormatError.truncated }
        var table = [UInt8](repeating: 0, count: 32)
        for i in 0..<min(labelCount, 32) { table[i] = bytes[8 + i] }
        labels = table
        hasNumbers = flags & Self.flagNumbers != 0
        arcs = Array(bytes[(8 + labelCount)...])
        guard !arcs.isEmpty else { throw FormatError.truncated }
        // Node 0 is the epsilon node; its single arc leads to the real root.
        var rootOffset = 0
        let numbers = hasNumbers
        let lab = table
        try arcs.withUnsafeBufferPointer { p in try lab.withUnsafeBufferPointer { l in
            let view = Walker(arcs: p, labels: l.baseAddress!, hasNumbers: numbers, sortedLabels: false)
            rootOffset = view.destination(ofArc: view.firstArc(of: 0))
            guard rootOffset > 0, rootOffset < p.count else { throw FormatError.truncated }
        } }
        root = rootOffset
        var h = FNV64()
        arcs.withUnsafeBufferPointer { h.add($0) }
        arcsHash = h.value
        sortedLabels = Self.knownSorted.contains(h.value) || Self.checkLabelsAreSorted(arcs: arcs, labels: table, hasNumbers: numbers)
    }

    /// `labelsAreSorted` over these arcs, read from the start.
    static func checkLabelsAreSorted(arcs: [UInt8], labels: [UInt8], hasNumbers: Bool) -> Bool {
        arcs.withUnsafeBufferPointer { p in labels.withUnsafeBufferPointer { l in
            labelsAreSorted(Walker(arcs: p, labels: l.baseAddress!, hasNumbers: hasNumbers, sortedLabels: false))
        } }
    }

    /// Whether this automaton's labels ascend in every node, checked now (not through `knownSorted`).
    func labelsCheckedSorted() -> Bool {
        Self.checkLabelsAreSorted(arcs: arcs, labels: labels, hasNumbers: hasNumbers)
    }

    /// Reads the arcs front to back, node after node (a node's arcs are contiguous, nodes follow each other), and
    /// answers whether every node's labels ascend strictly. Any byte that does not parse as that layout answers false.
    static func labelsAreSorted(_ w: Walker) -> Bool {
        let n = w.a.count
        var o = 0
        while o < n {
            if w.hasNumbers {
                while o < n && w.a[o] & 0x80 != 0 { o += 1 }
                o += 1
            }
            var previous = -1
            while true {
                guard o < n, o + 1 < n || w.a[o] & labelIndexMask != 0 else { return false }
                let label = Int(w.label(o))
                if label <= previous { return false }
                previous = label
                let last = w.isLast(o)
                // `skip` reads the target's bytes: make sure they are inside the arcs.
                var end = o + 1 + (w.a[o] & labelIndexMask == 0 ? 1 : 0)
                if w.a[o] & bitTargetNext == 0 {
                    while end < n && w.a[end] & 0x80 != 0 { end += 1 }
                    guard end < n else { return false }
                    end += 1
                }
                o = end
                if last { break }
            }
        }
        return o == n
    }

    /// Runs `body` with a walker over the arcs (no copies, no bounds checks beyond the buffer's own).
    @inline(__always)
    public func withWalker<R>(_ body: (Walker) throws -> R) rethrows -> R {
        try arcs.withUnsafeBufferPointer { p in try labels.withUnsafeBufferPointer { l in
            try body(Walker(arcs: p, labels: l.baseAddress!, hasNumbers: hasNumbers, sortedLabels: sortedLabels))
        } }
    }

    /// Primitive operations on the arcs; valid only inside `withWalker`.
    public struct Walker {
        let a: UnsafeBufferPointer<UInt8>
        let labels: UnsafePointer<UInt8>
        let hasNumbers: Bool
        let sortedLabels: Bool

        init(arcs: UnsafeBufferPointer<UInt8>, labels: UnsafePointer<UInt8>, hasNumbers: Bool, sortedLabels: Bool) {
            a = arcs
            self.labels = labels
            self.hasNumbers = hasNumbers
            self.sortedLabels = sortedLabels
        }

        @inline(__always) public func firstArc(of node: Int) -> Int {
            guard hasNumbers else { return node }
            var o = node
            while a[o] & 0x80 != 0 { o += 1 }
            return o + 1
        }

        @inline(__always) public func isLast(_ arc: Int) -> Bool { a[arc] & CFSA2Automaton.bitLastArc != 0 }
        @inline(__always) public func isFinal(_ arc: Int) -> Bool { a[arc] & CFSA2Automaton.bitFinalArc != 0 }

        @inline(__always) public func label(_ arc: Int) -> UInt8 {
            let index = Int(a[arc] & CFSA2Automaton.labelIndexMask)
            return index > 0 ? labels[index] : a[arc + 1]
        }

        /// The arc after `arc` in its node, or 0 when `arc` is the node's last.
        @inline(__always) public func nextArc(_ arc: Int) -> Int {
            isLast(arc) ? 0 : skip(arc)
        }

        /// The offset right after this arc's bytes.
        @inline(__always) func skip(_ arc: Int) -> Int {
            let flag = a[arc]
            var o = arc + 1
            if flag & CFSA2Automaton.labelIndexMask == 0 { o += 1 }
            if flag & CFSA2Automaton.bitTargetNext == 0 {
                while a[o] & 0x80 != 0 { o += 1 }
                o += 1
            }
            return o
        }

        /// The node this arc leads to; 0 means the arc is terminal (no outgoing arcs).
        @inline(__always) public func destination(ofArc arc: Int) -> Int {
            let flag = a[arc]
            if flag & CFSA2Automaton.bitTargetNext != 0 {
                var x = arc
                while !isLast(x) { x = skip(x) }
                return skip(x)
            }
            var o = arc + (flag & CFSA2Automaton.labelIndexMask == 0 ? 2 : 1)
            var b = a[o]
            var value = Int(b & 0x7F)
            var shift = 7
            while b & 0x80 != 0 {
                o += 1
                b = a[o]
                value |= Int(b & 0x7F) << shift
                shift += 7
            }
            return value
        }

        /// The arc of `node` labelled `label`, or 0. With sorted labels the scan stops at the first greater label
        /// (a case-insensitive lookup asks every node for an upper-case letter it rarely has).
        @inline(__always) public func arc(of node: Int, label wanted: UInt8) -> Int {
            var arc = firstArc(of: node)
            if sortedLabels {
                while true {
                    let l = label(arc)
                    if l >= wanted { return l == wanted ? arc : 0 }
                    if isLast(arc) { return 0 }
                    arc = skip(arc)
                }
            }
            while true {
                if label(arc) == wanted { return arc }
                if isLast(arc) { return 0 }
                arc = skip(arc)
            }
        }

        /// Follows `bytes` from `node`; returns the node reached, or nil when the automaton has no such path.
        /// A path that ends on a terminal arc returns 0 (nothing can follow).
        @inline(__always) public func follow<S: Sequence>(_ bytes: S, from node: Int) -> Int? where S.Element == UInt8 {
            var n = node
            for b in bytes {
                guard n > 0 else { return nil }
                let arc = arc(of: n, label: b)
                guard arc > 0 else { return nil }
                n = destination(ofArc: arc)
            }
            return n
        }

        /// Calls `body` with every byte sequence accepted from `node` (the right language), in automaton order.
        /// `body` returns false to stop early.
        public func forEachSequence(from node: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) {
            guard node > 0 else { return }
            var path: [UInt8] = []
            var stack: [Int] = [firstArc(of: node)]  // the current arc at each depth
            path.reserveCapacity(64)
            stack.reserveCapacity(64)
            while let arc = stack.last {
                path.append(label(arc))
                if isFinal(arc) {
                    let go = path.withUnsafeBufferPointer { body($0) }
                    if !go { return }
                }
                let dest = destination(ofArc: arc)
                if dest > 0 {
                    stack.append(firstArc(of: dest))
                    continue
                }
                // Backtrack: drop finished arcs, advance to the next sibling.
                while let top = stack.last {
                    path.removeLast()
                    let next = nextArc(top)
                    if next > 0 {
                        stack[stack.count - 1] = next
                        break
                    }
                    stack.removeLast()
                }
            }
        }
    }
}
