/// The first-sight lookup of a form: the best lemma chosen during one walk of the automaton, without allocating.
///
/// Why: a form met for the first time used to cost 7–8 µs, most of it not the automaton but the objects around it
/// (an array per letter's spellings, a path and a stack per reading walk, a byte array and a String per lemma, a
/// String per tag alternative, a binary search per prior, a sorted candidate array). Here the spellings come
/// from flat tables, the walks keep their state in temporary (stack) buffers, lemmas are decoded into a scratch
/// buffer, classes are small numbers, priors are hashed, and only the best candidate so far is kept: the
/// candidate order (`PolishLemmatizer.ranksBefore`) is total up to equal lemmas, so the minimum is the same lemma
/// the sorted list put first. Only the chosen lemma becomes a String.
///
/// The walk stops at the separator after each lemma: the tag that follows matters only through its classes, which
/// come from a per-node memo (`tagClassSet`), so a lemma costs its few encoded bytes, not its 50–100 tag bytes.
///
/// Results are those of `PolishLemmatizer.candidates(of:matching:).first` byte for byte (tests compare the two on
/// real text). Whatever this path does not model (a part of speech outside `ReadingClassTable`, an overlong
/// reading) returns `.fallback`, and the caller takes the reference path.
extension PolishLemmatizer {
    enum FirstSight: Equatable {
        /// The best candidate's lemma, not yet turned into a term.
        case lemma(String)
        /// The lexicon has no reading of the form under this matching.
        case none
        /// Not decided here: use `candidates(of:matching:)`.
        case fallback
    }

    /// Bytes a reading's tags may take on the fast path (`readTagClassSet`).
    static let maxSequence = 512
    /// Bytes an encoded lemma may take on the fast path (PoliMorf's longest is far shorter). Small, so that the
    /// walk's buffers stay under the 1 KiB that `withUnsafeTemporaryAllocation` puts on the stack for forms of up
    /// to ≈ 45 bytes, not on the heap.
    static let maxEncodedLemma = 64

    /// The lexicon lemmas of `form` under `matching`, in automaton order (surfaces as `matchSurfaces` finds them,
    /// then each surface's encoded lemmas): `body(lemma, lemmaHash, classes)` with the decoded lemma (valid during
    /// the call), its `KeyHashIndex` hash and the class set of its tags (never empty, never unmodelled). Returns
    /// false when the walk cannot answer as the reference path would (malformed UTF-8, an unmodelled class, an
    /// overlong reading); the caller then takes the reference path. A form holding the separator matches nothing.
    @inline(__always)
    func forEachLexiconLemma(_ form: UnsafeBufferPointer<UInt8>, matching: MorfologikDictionary.Matching,
                             maxSurfaces: Int,
                             _ body: (UnsafeMutableBufferPointer<UInt8>, UInt32, UInt64) -> Void) -> Bool {
        let n = form.count
        guard n > 0 else { return true }
        guard dictionary.automaton.arcs.count < Int(Int32.max) else { return false }  // offsets kept as Int32
        let spellings = SpellingIndex.forMatching(matching)
        let sep = dictionary.metadata.separator
        let encoding = dictionary.metadata.encoding
        let maxSeq = Self.maxEncodedLemma
        // Byte buffer: surface (4n+8) | lemma scratch (4n+8+maxSeq) | encoded lemma path (maxSeq).
        let surfaceCap = 4 * n + 8, lemmaCap = surfaceCap + maxSeq
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: surfaceCap + lemmaCap + maxSeq) { bytes in
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 4 * (n + 2) + maxSeq) { ints in
        withUnsafeTemporaryAllocation(of: MorfologikDictionary.Spelling.self, capacity: n * spellings.widest + 1) { alts in
        spellings.spellings.withUnsafeBufferPointer { table in
        spellings.start.withUnsafeBufferPointer { tableStart in
            let base = bytes.baseAddress!
            let surface = UnsafeMutableBufferPointer(start: base, count: surfaceCap)
            let scratch = UnsafeMutableBufferPointer(start: base + surfaceCap, count: lemmaCap)
            let path = UnsafeMutableBufferPointer(start: base + surfaceCap + lemmaCap, count: maxSeq)
            let ib = ints.baseAddress!
            let altStart = UnsafeMutableBufferPointer(start: ib, count: n + 2)
            let nodes = UnsafeMutableBufferPointer(start: ib + (n + 2), count: n + 2)
            let next = UnsafeMutableBufferPointer(start: ib + 2 * (n + 2), count: n + 2)
            let surfaceEnd = UnsafeMutableBufferPointer(start: ib + 3 * (n + 2), count: n + 2)
            let stack = UnsafeMutableBufferPointer(start: ib + 4 * (n + 2), count: maxSeq)

            // 1. Each input scalar's spellings (the scalar itself first), as `MorfologikDictionary.alternatives`.
            var positions = 0, count = 0, i = 0
            while i < n {
                let lead = form[i]
                let len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                guard i + len <= n else { return false }
                var v = -1
                if len == 1 { v = Int(lead) } else if len == 2 { v = Int(lead & 0x1F) << 6 | Int(form[i + 1] & 0x3F) }
                altStart[positions] = Int32(count)
                if v >= 0, v < SpellingIndex.limit, tableStart[v] < tableStart[v + 1] {
                    for k in Int(tableStart[v])..<Int(tableStart[v + 1]) {
                        if table[k].count == 1 && table[k][0] == sep { return true }
                        alts[count] = table[k]; count += 1
                    }
                } else {
                    if len == 1 && lead == sep { return true }
                    alts[count] = MorfologikDictionary.Spelling(
                        bytes: (lead, len > 1 ? form[i + 1] : 0, len > 2 ? form[i + 2] : 0, len > 3 ? form[i + 3] : 0), count: len)
                    count += 1
                }
                positions += 1
                i += len
            }
            altStart[positions] = Int32(count)

            var unmodelled = false
            let deepShift = head.deepShift
            return head.level0.withUnsafeBufferPointer { level0 in
            head.level1.withUnsafeBufferPointer { level1 in
            head.deepKeys.withUnsafeBufferPointer { deepKeys in
            head.deepNodes.withUnsafeBufferPointer { deepNodes in
            dictionary.automaton.withWalker { w -> Bool in
                // One lemma of the surface `surface[0..<surfaceLen]`: its encoded bytes `path[0..<encodedLen]`, its
                // tags from the node `tagNode` on, whose classes come from the memo.
                // False when its tags hold an unmodelled class.
                @inline(__always) func lemmaFound(_ encodedLen: Int, _ surfaceLen: Int, tagNode: Int) -> Bool {
                    guard tagNode > 0 else { return true }  // "lemma+" and nothing after: no tag, no candidate
                    guard let lemmaLen = encoding.decode(form: UnsafeBufferPointer(rebasing: surface[0..<surfaceLen]),
                                                         encoded: UnsafeBufferPointer(rebasing: path[0..<encodedLen]),
                                                         into: scratch) else { return true }
                    let set = tagClassSet(of: tagNode, walker: w)
                    if set & Self.unmodelledClass != 0 { return false }
                    guard set != 0 else { return true }
                    let lemma = UnsafeMutableBufferPointer(rebasing: scratch[0..<lemmaLen])
                    body(lemma, KeyHashIndex.hash(UnsafeBufferPointer(lemma)), set)
                    return true
                }

                // 2. Surfaces: depth-first over the spellings, in the order of `matchSurfaces`.
                var found = 0
                var depth = 0
                nodes[0] = Int32(dictionary.automaton.root)
                next[0] = altStart[0]
                surfaceEnd[0] = 0
                while depth >= 0 && found < maxSurfaces && !unmodelled {
                    if depth == positions {
                        // The separator after the surface: from the head tables when the surface is one byte long.
                        let dest: Int
                        if surfaceEnd[depth] == 1 {
                            dest = Int(level1[Int(surface[0]) << 8 | Int(sep)])
                        } else {
                            let arc = w.arc(of: Int(nodes[depth]), label: sep)
                            dest = arc > 0 ? w.destination(ofArc: arc) : -1
                        }
                        if dest > 0 {
                            found += 1
                            // 3. The lemmas of this surface: each path up to the next separator is an encoded lemma
                            //    (automaton order, as `forEachReading`), the separator's node its tags.
                            let surfaceLen = Int(surfaceEnd[depth])
                            var d = 0
                            stack[0] = Int32(w.firstArc(of: dest))
                            while d >= 0 {
                                let a = Int(stack[d])
                                let l = w.label(a)
                                if l == sep {
                                    if !lemmaFound(d, surfaceLen, tagNode: w.destination(ofArc: a)) { unmodelled = true; break }
                                } else {
                                    path[d] = l
                                    let to = w.destination(ofArc: a)
                                    if to > 0 {
                                        d += 1
                                        guard d < maxSeq else { unmodelled = true; break }
                                        stack[d] = Int32(w.firstArc(of: to))
                                        continue
                                    }
                                }
                                while d >= 0 {
                                    let after = w.nextArc(Int(stack[d]))
                                    if after > 0 { stack[d] = Int32(after); break }
                                    d -= 1
                                }
                            }
                        }
                        depth -= 1
                        continue
                    }
                    let k = Int(next[depth])
                    if k == Int(altStart[depth + 1]) { depth -= 1; continue }
                    next[depth] = Int32(k + 1)
                    let spelling = alts[k]
                    var node = Int(nodes[depth])
                    var b = 0
                    let at = Int(surfaceEnd[depth])
                    while b < spelling.count && node > 0 {
                        // The first two bytes from the head tables (the widest nodes), the rest by scanning arcs.
                        switch at + b {
                        case 0: node = Int(level0[Int(spelling[b])])
                        case 1: node = Int(level1[Int(b == 1 ? spelling[0] : surface[0]) << 8 | Int(spelling[b])])
                        case 2, 3:
                            // The prefix so far: the surface's bytes, then this spelling's.
                            var key: UInt64 = 0
                            for p in 0..<(at + b) { key |= UInt64(p < at ? surface[p] : spelling[p - at]) << UInt64(8 * p) }
                            key |= UInt64(spelling[b]) << UInt64(8 * (at + b))
                            node = AutomatonHead.deep(AutomatonHead.deepKey(key, length: at + b + 1),
                                                      keys: deepKeys, nodes: deepNodes,
                                                      shift: deepShift)
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
                return !unmodelled
            } } } } }
        } } } } }
    }

    func firstSight(_ form: UnsafeBufferPointer<UInt8>, matching: MorfologikDictionary.Matching,
                    maxSurfaces: Int = 32) -> FirstSight {
        let table = ReadingClassTable.shared
        let priors = self.priors
        // The best lemma so far | the prior's key: each as long as a decoded lemma may be.
        let lemmaCap = 4 * form.count + 8 + Self.maxEncodedLemma
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * lemmaCap) { bytes in
        // The best candidate's length (−1: none yet), class and score, behind a pointer: the closure below then
        // captures no variable (a captured var is boxed and every access to it checked for exclusivity).
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 3) { state in
        table.precedence.withUnsafeBufferPointer { precedence in
        table.ranks.withUnsafeBufferPointer { ranks in
        table.classes.withUnsafeBufferPointer { classes in
            let best = UnsafeMutableBufferPointer(start: bytes.baseAddress!, count: lemmaCap)
            let key = UnsafeMutableBufferPointer(start: bytes.baseAddress! + lemmaCap, count: lemmaCap)
            state[0] = -1; state[1] = 0; state[2] = 0
            let decided = forEachLexiconLemma(form, matching: matching, maxSurfaces: maxSurfaces) { lemma, lemmaHash, set in
                let len = lemma.count
                @inline(__always) func scoreOf(_ c: Int) -> Int {
                    guard let priors else { return 0 }
                    return classes[c].keySuffix.withUnsafeBufferPointer { suffix in
                        priors.score(lemma: UnsafeBufferPointer(lemma), lemmaHash: lemmaHash, classSuffix: suffix, key: key)
                    }
                }
                @inline(__always) func keep(_ c: Int, _ score: Int) {
                    for x in 0..<len { best[x] = lemma[x] }
                    state[0] = len; state[1] = c; state[2] = score
                }
                // Each class of the lemma is one candidate; keep it when it ranks first (`ranksBefore`: tier and
                // abbreviation as `precedence`, then the prior, then the class rank, then the lemma's bytes).
                var m = set
                while m != 0 {
                    let c = m.trailingZeroBitCount
                    m &= m - 1
                    let bestLen = state[0]
                    if bestLen >= 0 {
                        let bestClass = state[1]
                        if precedence[c] != precedence[bestClass] {
                            if precedence[c] > precedence[bestClass] { continue }
                        } else {
                            if c == bestClass && len == bestLen && memEqual(lemma.baseAddress!, best.baseAddress!, len) { continue }
                            let score = scoreOf(c)
                            if score != state[2] { if score < state[2] { continue } }
                            else if ranks[c] != ranks[bestClass] { if ranks[c] > ranks[bestClass] { continue } }
                            else if !lexLess(lemma.baseAddress!, len, best.baseAddress!, bestLen) { continue }
                            keep(c, score)
                            continue
                        }
                    }
                    keep(c, scoreOf(c))
                }
            }
            guard decided else { return .fallback }
            guard state[0] >= 0 else { return .none }
            return .lemma(String(decoding: UnsafeBufferPointer(rebasing: best[0..<state[0]]), as: UTF8.self))
        } } } } }
    }
}

extension MorfologikDictionary.Spelling {
    init(ascii b: UInt8) { self.init(bytes: (b, 0, 0, 0), count: 1) }
}

extension BaseFormEncoding {
    /// `decode(form:encoded:)` into `out`; the lemma's length, or nil if malformed or longer than `out`.
    @inline(__always)
    func decode(form: UnsafeBufferPointer<UInt8>, encoded: UnsafeBufferPointer<UInt8>,
                into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        @inline(__always) func code(_ i: Int) -> Int { Int(encoded[i] &- 0x41) }
        var o = 0
        @inline(__always) func put(_ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
            guard to - from <= out.count - o else { return false }
            var i = from
            while i < to { out[o] = src[i]; o += 1; i += 1 }
            return true
        }
        switch self {
        case .none:
            guard put(encoded, 0, encoded.count) else { return nil }
        case .suffix:
            guard encoded.count >= 1 else { return nil }
            var k = code(0)
            if k == 255 { k = form.count }
            guard k <= form.count else { return nil }
            guard put(form, 0, form.count - k), put(encoded, 1, encoded.count) else { return nil }
        case .prefix:
            guard encoded.count >= 2 else { return nil }
            var p = code(0), k = code(1)
            if p == 255 || k == 255 { p = form.count; k = 0 }
            guard p + k <= form.count else { return nil }
            guard put(form, p, form.count - k), put(encoded, 2, encoded.count) else { return nil }
        case .infix:
            guard encoded.count >= 3 else { return nil }
            var x = code(0), l = code(1), k = code(2)
            if x == 255 || l == 255 || k == 255 { x = 0; l = form.count; k = 0 }
            guard x + l + k <= form.count else { return nil }
            guard put(form, 0, x), put(form, x + l, form.count - k), put(encoded, 3, encoded.count) else { return nil }
        }
        return o
    }
}

@inline(__always)
private func memEqual(_ a: UnsafeMutablePointer<UInt8>, _ b: UnsafeMutablePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i < n { if a[i] != b[i] { return false }; i += 1 }
    return true
}

/// Byte-wise lexicographic order, as `lexicographicallyPrecedes` on UTF-8 views.
@inline(__always)
private func lexLess(_ a: UnsafeMutablePointer<UInt8>, _ na: Int, _ b: UnsafeMutablePointer<UInt8>, _ nb: Int) -> Bool {
    let m = min(na, nb)
    var i = 0
    while i < m {
        if a[i] != b[i] { return a[i] < b[i] }
        i += 1
    }
    return na < nb
}
