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

    /// Bytes a single reading (encoded lemma, separator, tag) may take on the fast path.
    static let maxSequence = 512

    func firstSight(_ form: UnsafeBufferPointer<UInt8>, matching: MorfologikDictionary.Matching,
                    maxSurfaces: Int = 32) -> FirstSight {
        let n = form.count
        guard n > 0 else { return .none }
        let spellings = SpellingIndex.forMatching(matching)
        let classes = ReadingClassTable.shared
        let sep = dictionary.metadata.separator
        let encoding = dictionary.metadata.encoding
        let maxSeq = Self.maxSequence
        // Byte buffer: surface (4n+8) | lemma scratch | best lemma | prior key (each 4n+8+maxSeq).
        let surfaceCap = 4 * n + 8, lemmaCap = surfaceCap + maxSeq
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: surfaceCap + 3 * lemmaCap + maxSeq) { bytes in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * (n + 2) + maxSeq) { ints in
        withUnsafeTemporaryAllocation(of: MorfologikDictionary.Spelling.self, capacity: n * spellings.widest + 1) { alts in
        spellings.spellings.withUnsafeBufferPointer { table in
        spellings.start.withUnsafeBufferPointer { tableStart in
            let base = bytes.baseAddress!
            let surface = UnsafeMutableBufferPointer(start: base, count: surfaceCap)
            let scratch = UnsafeMutableBufferPointer(start: base + surfaceCap, count: lemmaCap)
            let best = UnsafeMutableBufferPointer(start: base + surfaceCap + lemmaCap, count: lemmaCap)
            let key = UnsafeMutableBufferPointer(start: base + surfaceCap + 2 * lemmaCap, count: lemmaCap)
            let path = UnsafeMutableBufferPointer(start: base + surfaceCap + 3 * lemmaCap, count: maxSeq)
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
                guard i + len <= n else { return .fallback }
                var v = -1
                if len == 1 { v = Int(lead) } else if len == 2 { v = Int(lead & 0x1F) << 6 | Int(form[i + 1] & 0x3F) }
                altStart[positions] = count
                if v >= 0, v < SpellingIndex.limit, tableStart[v] < tableStart[v + 1] {
                    for k in Int(tableStart[v])..<Int(tableStart[v + 1]) {
                        if table[k].count == 1 && table[k][0] == sep { return .none }
                        alts[count] = table[k]; count += 1
                    }
                } else {
                    if len == 1 && lead == sep { return .none }
                    var s = MorfologikDictionary.Spelling(ascii: 0)
                    s.count = len
                    s.bytes = (lead, len > 1 ? form[i + 1] : 0, len > 2 ? form[i + 2] : 0, len > 3 ? form[i + 3] : 0)
                    alts[count] = s; count += 1
                }
                positions += 1
                i += len
            }
            altStart[positions] = count

            // The best candidate so far.
            var bestLen = -1, bestClass = 0, bestScore = 0
            var unmodelled = false
            let priors = self.priors

            return head.level0.withUnsafeBufferPointer { level0 in
            head.level1.withUnsafeBufferPointer { level1 in
            dictionary.automaton.withWalker { w -> FirstSight in
                // Considers one candidate (lemma in `scratch[0..<len]`, class `c`); keeps it when it ranks first.
                func consider(_ len: Int, _ c: Int, _ lemmaHash: UInt32) {
                    let info = classes.classes[c]
                    if bestLen >= 0 {
                        let b = classes.classes[bestClass]
                        if info.tier != b.tier { if info.tier > b.tier { return } }
                        else if info.isAbbreviation != b.isAbbreviation { if info.isAbbreviation { return } }
                        else {
                            if c == bestClass && len == bestLen && memEqual(scratch.baseAddress!, best.baseAddress!, len) { return }
                            let score = scoreOf(len, c, lemmaHash)
                            if score != bestScore { if score < bestScore { return } }
                            else if info.rank != b.rank { if info.rank > b.rank { return } }
                            else if !lexLess(scratch.baseAddress!, len, best.baseAddress!, bestLen) { return }
                            keep(len, c, score)
                            return
                        }
                    }
                    keep(len, c, scoreOf(len, c, lemmaHash))
                }
                func keep(_ len: Int, _ c: Int, _ score: Int) {
                    // A copy, not a swap: the scratch lemma may serve the reading's next tag alternative.
                    for x in 0..<len { best[x] = scratch[x] }
                    bestLen = len; bestClass = c; bestScore = score
                }
                func scoreOf(_ len: Int, _ c: Int, _ lemmaHash: UInt32) -> Int {
                    guard let priors else { return 0 }
                    return classes.classes[c].keySuffix.withUnsafeBufferPointer { suffix in
                        priors.score(lemma: UnsafeBufferPointer(rebasing: scratch[0..<len]), lemmaHash: lemmaHash,
                                     classSuffix: suffix, key: key)
                    }
                }

                // The lemma of the previous reading, while the walk has not left its encoded bytes: the readings of
                // one lemma follow each other (automaton order), so it is decoded and hashed once, and each of its
                // classes is considered once (considering a candidate again cannot change the best: the best only
                // improves, and the order is total).
                var lastCut = -1, lastLemmaLen = -1, lastLemmaHash: UInt32 = 0
                var seenClasses: UInt64 = 0
                var shallowest = Int.max  // the smallest depth the reading walk returned to since the last reading

                // One reading `path[0..<len]` of the surface `surface[0..<surfaceLen]`: encoded lemma, separator, tag.
                func reading(_ len: Int, _ surfaceLen: Int) {
                    let lemmaLen: Int, lemmaHash: UInt32
                    var cut: Int
                    if lastCut >= 0 && shallowest > lastCut && lastCut < len {
                        cut = lastCut; lemmaLen = lastLemmaLen; lemmaHash = lastLemmaHash
                    } else {
                        cut = 0
                        while cut < len && path[cut] != sep { cut += 1 }
                        guard let decoded = encoding.decode(form: UnsafeBufferPointer(rebasing: surface[0..<surfaceLen]),
                                                            encoded: UnsafeBufferPointer(rebasing: path[0..<cut]),
                                                            into: scratch) else { lastCut = -1; return }
                        lemmaLen = decoded
                        lemmaHash = KeyHashIndex.hash(UnsafeBufferPointer(rebasing: scratch[0..<lemmaLen]))
                        lastCut = cut < len ? cut : -1; lastLemmaLen = lemmaLen; lastLemmaHash = lemmaHash
                        seenClasses = 0
                    }
                    shallowest = Int.max
                    // Tag alternatives joined by "+": the class of each (the part before the first ":").
                    let tag = UnsafeBufferPointer(rebasing: path[0..<len])
                    var start = cut < len ? cut + 1 : len
                    while start < len {
                        var end = start, colon = -1
                        while end < len && tag[end] != 0x2B {
                            if colon < 0 && tag[end] == 0x3A { colon = end }
                            end += 1
                        }
                        guard let c = classes.classOf(tag, start, colon < 0 ? end : colon) else { unmodelled = true; return }
                        if c >= 64 || seenClasses & (1 << UInt64(c)) == 0 {
                            if c < 64 { seenClasses |= 1 << UInt64(c) }
                            consider(lemmaLen, c, lemmaHash)
                        }
                        start = end + 1
                    }
                }

                // 2. Surfaces: depth-first over the spellings, in the order of `matchSurfaces`.
                var found = 0
                var depth = 0
                nodes[0] = dictionary.automaton.root
                next[0] = altStart[0]
                surfaceEnd[0] = 0
                while depth >= 0 && found < maxSurfaces && !unmodelled {
                    if depth == positions {
                        // The separator after the surface: from the head tables when the surface is one byte long.
                        let dest: Int
                        if surfaceEnd[depth] == 1 {
                            dest = Int(level1[Int(surface[0]) << 8 | Int(sep)])
                        } else {
                            let arc = w.arc(of: nodes[depth], label: sep)
                            dest = arc > 0 ? w.destination(ofArc: arc) : -1
                        }
                        do {
                            if dest > 0 {
                                found += 1
                                // 3. Every reading of this surface (the right language after the separator).
                                let surfaceLen = surfaceEnd[depth]
                                lastCut = -1
                                var d = 0
                                stack[0] = w.firstArc(of: dest)
                                while d >= 0 {
                                    let a = stack[d]
                                    path[d] = w.label(a)
                                    if w.isFinal(a) { reading(d + 1, surfaceLen); if unmodelled { break } }
                                    let to = w.destination(ofArc: a)
                                    if to > 0 {
                                        d += 1
                                        guard d < maxSeq else { unmodelled = true; break }
                                        stack[d] = w.firstArc(of: to)
                                        continue
                                    }
                                    while d >= 0 {
                                        let after = w.nextArc(stack[d])
                                        if after > 0 { stack[d] = after; break }
                                        d -= 1
                                    }
                                    shallowest = min(shallowest, d)
                                }
                            }
                        }
                        depth -= 1
                        continue
                    }
                    let k = next[depth]
                    if k == altStart[depth + 1] { depth -= 1; continue }
                    next[depth] = k + 1
                    let spelling = alts[k]
                    var node = nodes[depth]
                    var b = 0
                    let at = surfaceEnd[depth]
                    while b < spelling.count && node > 0 {
                        // The first two bytes from the head tables (the widest nodes), the rest by scanning arcs.
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
                    surfaceEnd[depth + 1] = at + spelling.count
                    nodes[depth + 1] = node
                    next[depth + 1] = altStart[depth + 1]
                    depth += 1
                }
                if unmodelled { return .fallback }
                guard bestLen >= 0 else { return .none }
                return .lemma(String(decoding: UnsafeBufferPointer(rebasing: best[0..<bestLen]), as: UTF8.self))
            } } }
        } } } } }
    }
}

extension MorfologikDictionary.Spelling {
    init(ascii b: UInt8) { bytes = (b, 0, 0, 0); count = 1 }
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
