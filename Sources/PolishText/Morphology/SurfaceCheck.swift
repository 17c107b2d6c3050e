/// Whether the lexicon knows a word at all (some spelling of it followed by readings), without decoding readings
/// and without allocating: what the guesser's known-word check asks of every guess.
///
/// Why: `MorfologikDictionary.surfaces(of:matching:maxSurfaces:)` builds an array of spellings per letter (hashing
/// each scalar), a path and an array of matches — ≈ 14k instructions a guess, more than the guess itself. This walk
/// reads the spellings from `SpellingIndex`, the first two bytes from `AutomatonHead`, and keeps its state in a
/// temporary buffer. Same answers (`SurfaceCheckTests` compare the two on the corpus words and their guesses).
extension PolishLemmatizer {
    /// `!dictionary.surfaces(of: form, matching: matching, maxSurfaces: 1).isEmpty` for the UTF-8 bytes `form`;
    /// nil for bytes that are not UTF-8 (the caller then asks `surfaces`).
    func hasSurface(_ form: UnsafeBufferPointer<UInt8>, matching: MorfologikDictionary.Matching) -> Bool? {
        let n = form.count
        guard n > 0 else { return false }
        let spellings = SpellingIndex.forMatching(matching)
        let sep = dictionary.metadata.separator
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * n + 8) { surface in
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 4 * (n + 2)) { ints in
        withUnsafeTemporaryAllocation(of: MorfologikDictionary.Spelling.self, capacity: n * spellings.widest + 1) { alts in
        spellings.spellings.withUnsafeBufferPointer { table in
        spellings.start.withUnsafeBufferPointer { tableStart -> Bool? in
            let ib = ints.baseAddress!
            let altStart = UnsafeMutableBufferPointer(start: ib, count: n + 2)
            let nodes = UnsafeMutableBufferPointer(start: ib + (n + 2), count: n + 2)
            let next = UnsafeMutableBufferPointer(start: ib + 2 * (n + 2), count: n + 2)
            let surfaceEnd = UnsafeMutableBufferPointer(start: ib + 3 * (n + 2), count: n + 2)
            // Each input scalar's spellings, the scalar itself first (`MorfologikDictionary.alternatives`); a form
            // that may spell the separator matches nothing (`matchSurfaces`).
            var positions = 0, count = 0, i = 0
            while i < n {
                let lead = form[i]
                let len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                guard lead < 0x80 || lead >= 0xC2, i + len <= n else { return nil }
                for x in 1..<max(len, 1) where form[i + x] & 0xC0 != 0x80 { return nil }
                var v = -1
                if len == 1 { v = Int(lead) } else if len == 2 { v = Int(lead & 0x1F) << 6 | Int(form[i + 1] & 0x3F) }
                altStart[positions] = Int32(count)
                if v >= 0, v < SpellingIndex.limit, tableStart[v] < tableStart[v + 1] {
                    for k in Int(tableStart[v])..<Int(tableStart[v + 1]) {
                        if table[k].count == 1 && table[k][0] == sep { return false }
                        alts[count] = table[k]; count += 1
                    }
                } else {
                    if len == 1 && lead == sep { return false }
                    alts[count] = MorfologikDictionary.Spelling(
                        bytes: (lead, len > 1 ? form[i + 1] : 0, len > 2 ? form[i + 2] : 0, len > 3 ? form[i + 3] : 0), count: len)
                    count += 1
                }
                positions += 1
                i += len
            }
            altStart[positions] = Int32(count)
            return head.level0.withUnsafeBufferPointer { level0 in
            head.level1.withUnsafeBufferPointer { level1 in
            dictionary.automaton.withWalker { w -> Bool in
                var depth = 0
                nodes[0] = Int32(dictionary.automaton.root)
                next[0] = altStart[0]
                surfaceEnd[0] = 0
                while depth >= 0 {
                    if depth == positions {
                        // A surface: known when the separator follows it and leads somewhere (`matchSurfaces`).
                        let dest: Int
                        if surfaceEnd[depth] == 1 {
                            dest = Int(level1[Int(surface[0]) << 8 | Int(sep)])
                        } else {
                            let arc = w.arc(of: Int(nodes[depth]), label: sep)
                            dest = arc > 0 ? w.destination(ofArc: arc) : -1
                        }
                        if dest > 0 { return true }
                        depth -= 1
                        continue
                    }
                    let k = Int(next[depth])
                    if k == Int(altStart[depth + 1]) { depth -= 1; continue }
                    next[depth] = Int32(k + 1)
                    let spelling = alts[k]
                    var node = Int(nodes[depth])
                    let at = Int(surfaceEnd[depth])
                    var b = 0
                    while b < spelling.count && node > 0 {
                        switch at + b {
                        case 0: node = Int(level0[Int(spelling[b])])
                        case 1: node = Int(level1[Int(b == 1 ? spelling[0] : surface[0]) << 8 | Int(spelling[b])])
                        default:
                            let arc = w.arc(of: node, label: spelling[b])
                            node = arc > 0 ? w.destination(ofArc: arc) : -1
                        }
                        b += 1
                    }
                    guard node > 0 else { continue }
                    for x in 0..<spelling.count { surface[at + x] = spelling[x] }
                    surfaceEnd[depth + 1] = Int32(at + spelling.count)
                    nodes[depth + 1] = Int32(node)
                    next[depth + 1] = altStart[depth + 1]
                    depth += 1
                }
                return false
            } } }
        } } } } }
    }
}
