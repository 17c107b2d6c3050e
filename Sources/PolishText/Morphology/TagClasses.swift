/// The reading classes of a lemma's tags, read from the automaton once per tag node (`TagClassMemo`).
///
/// In PoliMorf's automaton a reading is `surface + encoded lemma + tag`, the tag's alternatives joined by "+"
/// ("subst:sg:gen:m3+subst:sg:loc:m3"). The choice among a form's readings depends on the tag only through each
/// alternative's class (`ReadingClassTable`), so the first-sight walk stops at the separator after the lemma and
/// takes the classes of everything after it as one set.
extension PolishLemmatizer {
    /// The bit of a class set meaning "some alternative has a part of speech `ReadingClassTable` does not list, or
    /// a tag too long to read here": the caller falls back to the reference path.
    static let unmodelledClass: UInt64 = 1 << 63

    /// The classes of every alternative of every tag accepted from `node` (a node right after a lemma's
    /// separator), as bits of `ReadingClassTable` numbers; remembered per node.
    @inline(__always)
    func tagClassSet(of node: Int, walker w: CFSA2Automaton.Walker) -> UInt64 {
        tagClasses.classes(of: node) { Self.readTagClassSet(of: $0, walker: w) }
    }

    /// `tagClassSet` read from the automaton: every sequence from `node`, its alternatives split at "+" as
    /// `ReadingClass.forEachClass(ofTag:)` splits them (an empty alternative is unmodelled, as an unknown name is).
    static func readTagClassSet(of node: Int, walker w: CFSA2Automaton.Walker) -> UInt64 {
        guard node > 0 else { return 0 }
        let classes = ReadingClassTable.shared
        let maxSeq = maxSequence
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxSeq) { path in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: maxSeq) { stack in
            var set: UInt64 = 0
            var d = 0
            stack[0] = w.firstArc(of: node)
            while d >= 0 {
                let a = stack[d]
                path[d] = w.label(a)
                if w.isFinal(a) {
                    let tag = UnsafeBufferPointer(rebasing: path[0...d])
                    var start = 0
                    while start < tag.count {
                        var end = start, colon = -1
                        while end < tag.count && tag[end] != 0x2B {
                            if colon < 0 && tag[end] == 0x3A { colon = end }
                            end += 1
                        }
                        if let c = classes.classOf(tag, start, colon < 0 ? end : colon), c < 63 {
                            set |= 1 << UInt64(c)
                        } else {
                            return unmodelledClass
                        }
                        start = end + 1
                    }
                }
                let to = w.destination(ofArc: a)
                if to > 0 {
                    d += 1
                    guard d < maxSeq else { return unmodelledClass }
                    stack[d] = w.firstArc(of: to)
                    continue
                }
                while d >= 0 {
                    let after = w.nextArc(stack[d])
                    if after > 0 { stack[d] = after; break }
                    d -= 1
                }
            }
            return set
        } }
    }
}
