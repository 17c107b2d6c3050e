/// `FormBoilerplate`'s two regular expressions as a small backtracking matcher over the text's scalars: the same
/// pattern trees, tried in the same order (alternatives left to right, greedy loops longest first, the lazy one
/// shortest first, the first path that reaches the pattern's end wins), the matches found left to right without
/// overlap and each replaced by one space — what `NSRegularExpression.stringByReplacingMatches` does with ICU.
///
/// Why: the regular expressions cost ≈ 0.75 M instructions a text (bridging to NSString, UTF-16, ICU's matcher set
/// up per call) on the ≈ 1 % of texts the byte scan cannot rule out, a tenth of `tag`'s work; this costs a few
/// thousand.
///
/// It answers only for text whose every scalar it knows (`BoilerplateScalars`: ASCII, U+00A0–U+017F without the
/// soft hyphen and the letters whose case forms reach ASCII or span two scalars — ß, İ, ı, ŉ, ſ —, U+2010–U+2027,
/// U+2030–U+203E, €): there ICU's `\w`, `\s`, `\d`, `\b`, line ends and case-insensitive comparison are the simple
/// table below (no format or combining character can sit inside a word boundary; no case form spans two scalars).
/// For any other text it returns nil and the caller runs the regular expressions as before.
enum BoilerplateMatcher {
    /// `FormBoilerplate.strip`'s result for `text` (the cost-line pattern replaced, then the heading pattern on
    /// that), or nil when the text holds a scalar outside the table. Returns `text` itself when nothing matches.
    static func strip(_ text: String) -> String? {
        guard var scalars = BoilerplateText(text) else { return nil }
        let costs = BoilerplatePatterns.costLine.matches(in: scalars)
        if !costs.isEmpty { scalars = scalars.replacing(costs) }
        let headings = BoilerplatePatterns.heading.matches(in: scalars)
        if !headings.isEmpty { scalars = scalars.replacing(headings) }
        if costs.isEmpty && headings.isEmpty { return text }
        var copy = text
        return copy.withUTF8 { scalars.utf8(source: $0) }
    }
}

/// A text as the matcher reads it: per scalar its simple lower-case form (the patterns are lower case), its
/// classes, and where its bytes are (a space put in by a replacement has none).
struct BoilerplateText {
    var folded: [UInt32]
    var flags: [UInt8]
    /// Byte range of each scalar in the source text; `start == -1` for a space put in by a replacement.
    var starts: [Int32]
    var ends: [Int32]

    var count: Int { folded.count }

    /// The scalars of `text`, or nil when one is outside `BoilerplateScalars`.
    init?(_ text: String) {
        var copy = text
        guard let made = copy.withUTF8({ Self.decode($0) }) else { return nil }
        self = made
    }

    private init(folded: [UInt32], flags: [UInt8], starts: [Int32], ends: [Int32]) {
        self.folded = folded; self.flags = flags; self.starts = starts; self.ends = ends
    }

    private static func decode(_ b: UnsafeBufferPointer<UInt8>) -> BoilerplateText? {
        var folded: [UInt32] = [], flags: [UInt8] = [], starts: [Int32] = [], ends: [Int32] = []
        folded.reserveCapacity(b.count); flags.reserveCapacity(b.count)
        starts.reserveCapacity(b.count); ends.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            let scalar: UInt32, width: Int
            if c < 0x80 {
                scalar = UInt32(c); width = 1
            } else if c < 0xE0 {
                guard i + 1 < b.count else { return nil }
                scalar = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); width = 2
            } else if c < 0xF0 {
                guard i + 2 < b.count else { return nil }
                scalar = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); width = 3
            } else {
                return nil  // nothing from U+10000 up is in the table
            }
            guard let (f, fl) = BoilerplateScalars.classify(scalar) else { return nil }
            folded.append(f); flags.append(fl)
            starts.append(Int32(i)); ends.append(Int32(i + width))
            i += width
        }
        return BoilerplateText(folded: folded, flags: flags, starts: starts, ends: ends)
    }

    /// The text with each of `ranges` (scalar ranges, ascending, not overlapping) replaced by one space.
    func replacing(_ ranges: [Range<Int>]) -> BoilerplateText {
        var out = BoilerplateText(folded: [], flags: [], starts: [], ends: [])
        var at = 0
        func keep(_ r: Range<Int>) {
            out.folded += folded[r]; out.flags += flags[r]; out.starts += starts[r]; out.ends += ends[r]
        }
        let space = BoilerplateScalars.classify(0x20)!
        for r in ranges {
            keep(at..<r.lowerBound)
            out.folded.append(space.0); out.flags.append(space.1); out.starts.append(-1); out.ends.append(-1)
            at = r.upperBound
        }
        keep(at..<count)
        return out
    }

    /// The text's UTF-8: each kept scalar's bytes from `source`, a space for each replacement.
    func utf8(source: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        for i in 0..<count {
            if starts[i] < 0 { bytes.append(0x20); continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[Int(starts[i])..<Int(ends[i])]))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The scalars the matcher knows, with ICU's classes for them (checked against `NSRegularExpression` scalar by
/// scalar in `BoilerplateMatcherTests`).
enum BoilerplateScalars {
    /// `\w` (ICU: alphabetic, marks, decimal digits, connector punctuation).
    static let word: UInt8 = 1
    /// `\s` (ICU: the White_Space property).
    static let space: UInt8 = 2
    /// `\d` (decimal digits).
    static let digit: UInt8 = 4
    /// A line end for `^` and `$` in multi-line mode (U+000A–U+000D; U+0085, U+2028 and U+2029 are outside the table).
    static let lineEnd: UInt8 = 8

    /// Whether the matcher knows `s` (see `BoilerplateMatcher`).
    static func known(_ s: UInt32) -> Bool {
        switch s {
        case 0..<0x80: return true
        case 0xAD, 0xDF, 0x130, 0x131, 0x149, 0x17F: return false
        case 0xA0..<0x180, 0x2010...0x2027, 0x2030...0x203E, 0x20AC: return true
        default: return false
        }
    }

    /// (folded scalar, classes) of a known scalar, else nil.
    @inline(__always)
    static func classify(_ s: UInt32) -> (UInt32, UInt8)? {
        if s < 0x180 {
            let f = low[Int(s)]
            return f.flags == 0xFF ? nil : (f.folded, f.flags)
        }
        guard known(s) else { return nil }
        return (s, 0)  // U+2010–U+203E and €: punctuation and a symbol, in no class (checked by the tests)
    }

    /// The table for U+0000–U+017F (flags 0xFF: unknown).
    private static let low: [(folded: UInt32, flags: UInt8)] = (0..<UInt32(0x180)).map { s in
        guard known(s), let scalar = Unicode.Scalar(s) else { return (s, 0xFF) }
        return (fold(scalar), classes(scalar))
    }

    /// The simple lower-case form (one scalar) of a known scalar.
    static func fold(_ s: Unicode.Scalar) -> UInt32 {
        let lower = s.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : s.value
    }

    /// ICU's classes of `s`, from the Unicode properties.
    static func classes(_ s: Unicode.Scalar) -> UInt8 {
        let p = s.properties
        var f: UInt8 = 0
        switch p.generalCategory {
        case .decimalNumber: f |= word | digit
        case .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: f |= word
        default: if p.isAlphabetic { f |= word }
        }
        if p.isWhitespace { f |= space }
        if s.value >= 0x0A && s.value <= 0x0D { f |= lineEnd }
        return f
    }
}

/// A pattern's tree (the regular expression's structure, case-folded literals).
indirect enum BoilerplateNode: Sendable {
    /// Scalars in a row (lower case, compared with the text's folded scalars).
    case literal([UInt32])
    /// `min`…`max` scalars of a class, greedy (longest first) or lazy (shortest first).
    case repeating(BoilerplateClass, min: Int, max: Int, lazy: Bool)
    case sequence([BoilerplateNode])
    /// Alternatives, tried in order.
    case alternatives([BoilerplateNode])
    /// `(?:x)?`: with `x` first, then without.
    case optional(BoilerplateNode)
    /// `(?:x)+`, greedy.
    case oneOrMore(BoilerplateNode)
    /// `\b` (ICU's default word boundary).
    case wordBoundary
    /// `^` and `$` with `(?m)`.
    case lineStart, lineEnd
    /// `(?=\d)`.
    case digitAhead
    /// `node`, tried only where the text's scalar can begin it (`BoilerplateFirst`): added by
    /// `BoilerplatePattern.init`, it changes no result, only skips attempts bound to fail.
    case guarded(BoilerplateFirst, BoilerplateNode)

    static func text(_ s: String) -> BoilerplateNode { .literal(s.unicodeScalars.map(\.value)) }
    static func anyOf(_ words: [String]) -> BoilerplateNode { .alternatives(words.map(text)) }
    static func many(_ c: BoilerplateClass, min: Int = 0) -> BoilerplateNode { .repeating(c, min: min, max: .max, lazy: false) }
    static func maybe(_ c: BoilerplateClass) -> BoilerplateNode { .repeating(c, min: 0, max: 1, lazy: false) }
}

/// The character classes the patterns use.
enum BoilerplateClass: Sendable {
    case word, space, digit
    /// `[^\n]`.
    case notNewline
    /// `[\d\u00A0 .,]`.
    case amountRun
    /// `[ \t]`.
    case spaceOrTab
    /// One scalar (its lower-case form).
    case scalar(UInt32)
}

/// What can begin a node's match: scalars (below U+0180, the patterns' letters) and classes (`BoilerplateScalars`
/// flags), or anything.
struct BoilerplateFirst: Sendable {
    var bits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
    var flags: UInt8 = 0

    init?(scalars: Set<UInt32>, flags: UInt8) {
        for s in scalars {
            guard s < 0x180 else { return nil }
            let bit = UInt64(1) << UInt64(s & 63)
            switch s >> 6 {
            case 0: bits.0 |= bit
            case 1: bits.1 |= bit
            case 2: bits.2 |= bit
            case 3: bits.3 |= bit
            case 4: bits.4 |= bit
            default: bits.5 |= bit
            }
        }
        self.flags = flags
    }

    @inline(__always)
    func admits(_ s: UInt32, _ f: UInt8) -> Bool {
        if f & flags != 0 { return true }
        guard s < 0x180 else { return false }
        let bit = UInt64(1) << UInt64(s & 63)
        switch s >> 6 {
        case 0: return bits.0 & bit != 0
        case 1: return bits.1 & bit != 0
        case 2: return bits.2 & bit != 0
        case 3: return bits.3 & bit != 0
        case 4: return bits.4 & bit != 0
        default: return bits.5 & bit != 0
        }
    }
}

/// A compiled pattern: its tree (with guards, `BoilerplateNode.guarded`), what a match can start with, and whether
/// every match starts at a word boundary or a line start (tested before anything else).
struct BoilerplatePattern: Sendable {
    let root: BoilerplateNode
    let first: BoilerplateFirst?
    let anchor: Anchor

    enum Anchor: Sendable { case none, wordBoundary, lineStart }

    init(_ tree: BoilerplateNode) {
        root = Self.guarded(tree)
        let f = Self.firstOf(tree)
        first = f.nullable ? nil : f.first
        anchor = Self.anchor(tree)
    }

    /// The zero-width test every match of `node` begins with, if there is one.
    static func anchor(_ node: BoilerplateNode) -> Anchor {
        switch node {
        case .wordBoundary: return .wordBoundary
        case .lineStart: return .lineStart
        case .guarded(_, let x): return anchor(x)
        case .sequence(let ns): return ns.first.map(anchor) ?? .none
        case .alternatives(let ns):
            let all = ns.map(anchor)
            if all.allSatisfy({ $0 == .wordBoundary }) { return .wordBoundary }
            if all.allSatisfy({ $0 == .lineStart }) { return .lineStart }
            return .none
        default: return .none
        }
    }

    /// `node` with every sequence, alternation and loop of groups that cannot match empty wrapped in a guard on its
    /// first scalar.
    static func guarded(_ node: BoilerplateNode) -> BoilerplateNode {
        let inner: BoilerplateNode
        switch node {
        case .sequence(let ns): inner = .sequence(ns.map(guarded))
        case .alternatives(let ns): inner = .alternatives(ns.map(guarded))
        case .optional(let x): return .optional(guarded(x))
        case .oneOrMore(let x): inner = .oneOrMore(guarded(x))
        default: return node
        }
        let f = firstOf(node)
        guard !f.nullable, let first = f.first else { return inner }
        return .guarded(first, inner)
    }

    /// What can begin a match of `node` (nil: unknown) and whether it can match without a scalar.
    static func firstOf(_ node: BoilerplateNode) -> (first: BoilerplateFirst?, nullable: Bool) {
        var scalars = Set<UInt32>(), flags: UInt8 = 0
        func classFirst(_ c: BoilerplateClass) -> Bool {
            switch c {
            case .scalar(let s): scalars.insert(s)
            case .digit: flags |= BoilerplateScalars.digit
            case .space: flags |= BoilerplateScalars.space
            case .word: flags |= BoilerplateScalars.word
            case .notNewline, .amountRun, .spaceOrTab: return false
            }
            return true
        }
        /// Adds `n`'s first scalars; returns (known, nullable).
        func walk(_ n: BoilerplateNode) -> (Bool, Bool) {
            switch n {
            case .literal(let s):
                guard let f = s.first else { return (true, true) }
                scalars.insert(f)
                return (true, false)
            case .repeating(let c, let min, _, _):
                return (classFirst(c), min == 0)
            case .sequence(let ns):
                for x in ns {
                    let (known, nullable) = walk(x)
                    if !known { return (false, false) }
                    if !nullable { return (true, false) }
                }
                return (true, true)
            case .alternatives(let ns):
                var nullable = false
                for x in ns {
                    let (known, z) = walk(x)
                    if !known { return (false, true) }
                    nullable = nullable || z
                }
                return (true, nullable)
            case .optional(let x): return (walk(x).0, true)
            case .oneOrMore(let x), .guarded(_, let x): return walk(x)
            case .wordBoundary, .lineStart, .lineEnd, .digitAhead: return (true, true)
            }
        }
        let (known, nullable) = walk(node)
        return (known ? BoilerplateFirst(scalars: scalars, flags: flags) : nil, nullable)
    }

    /// The matches in `text`, left to right, each search starting where the last match ended (none is empty).
    func matches(in text: BoilerplateText) -> [Range<Int>] {
        var found: [Range<Int>] = []
        text.folded.withUnsafeBufferPointer { folded in
            text.flags.withUnsafeBufferPointer { flags in
                let m = BoilerplateRun(folded: folded, flags: flags)
                var p = 0
                while p < folded.count {
                    if let first, !first.admits(folded[p], flags[p]) { p += 1; continue }
                    switch anchor {
                    case .wordBoundary: if !m.isWordBoundary(p) { p += 1; continue }
                    case .lineStart: if !m.isLineStart(p) { p += 1; continue }
                    case .none: break
                    }
                    var end = -1
                    if m.match(root, p, { e in end = e; return true }), end > p {
                        found.append(p..<end)
                        p = end
                    } else {
                        p += 1
                    }
                }
            }
        }
        return found
    }
}

/// One search's state: the text, and the backtracking match of a node with a continuation (`k` says whether the
/// rest of the pattern matched from a position; the first path for which it does is the match).
struct BoilerplateRun {
    let folded: UnsafeBufferPointer<UInt32>
    let flags: UnsafeBufferPointer<UInt8>

    @inline(__always)
    func isIn(_ c: BoilerplateClass, _ i: Int) -> Bool {
        switch c {
        case .word: return flags[i] & BoilerplateScalars.word != 0
        case .space: return flags[i] & BoilerplateScalars.space != 0
        case .digit: return flags[i] & BoilerplateScalars.digit != 0
        case .notNewline: return folded[i] != 0x0A
        case .amountRun:
            let s = folded[i]
            return flags[i] & BoilerplateScalars.digit != 0 || s == 0xA0 || s == 0x20 || s == 0x2E || s == 0x2C
        case .spaceOrTab: return folded[i] == 0x20 || folded[i] == 0x09
        case .scalar(let s): return folded[i] == s
        }
    }

    func match(_ node: BoilerplateNode, _ p: Int, _ k: (Int) -> Bool) -> Bool {
        let n = folded.count
        switch node {
        case .literal(let s):
            guard p + s.count <= n else { return false }
            for j in 0..<s.count where folded[p + j] != s[j] { return false }
            return k(p + s.count)
        case .repeating(let c, let min, let max, let lazy):
            var run = 0
            while run < max && p + run < n && isIn(c, p + run) { run += 1 }
            guard run >= min else { return false }
            if lazy {
                for r in min...run where k(p + r) { return true }
            } else {
                for r in stride(from: run, through: min, by: -1) where k(p + r) { return true }
            }
            return false
        case .sequence(let nodes):
            return sequence(nodes, 0, p, k)
        case .alternatives(let nodes):
            for a in nodes where match(a, p, k) { return true }
            return false
        case .optional(let x):
            return match(x, p, k) || k(p)
        case .oneOrMore(let x):
            return match(x, p) { q in more(x, q, k) }
        case .wordBoundary:
            return isWordBoundary(p) && k(p)
        case .lineStart:
            return isLineStart(p) && k(p)
        case .lineEnd:
            // ICU: the text's end, or before U+000A–U+000D except between a CR and its LF.
            if p >= n { return k(p) }
            guard flags[p] & BoilerplateScalars.lineEnd != 0 else { return false }
            if folded[p] == 0x0A && p > 0 && folded[p - 1] == 0x0D { return false }
            return k(p)
        case .digitAhead:
            return p < n && flags[p] & BoilerplateScalars.digit != 0 && k(p)
        case .guarded(let first, let x):
            return p < n && first.admits(folded[p], flags[p]) && match(x, p, k)
        }
    }

    /// `^` with `(?m)`: ICU tries a pattern that starts with it only at the text's start and after each line end,
    /// never at the text's end, nor between a CR and its LF (its search steps over the pair).
    @inline(__always)
    func isLineStart(_ p: Int) -> Bool {
        if p == 0 { return true }
        guard p < folded.count, flags[p - 1] & BoilerplateScalars.lineEnd != 0 else { return false }
        return !(folded[p - 1] == 0x0D && folded[p] == 0x0A)
    }

    private func sequence(_ nodes: [BoilerplateNode], _ i: Int, _ p: Int, _ k: (Int) -> Bool) -> Bool {
        if i == nodes.count { return k(p) }
        return match(nodes[i], p) { q in sequence(nodes, i + 1, q, k) }
    }

    /// After an iteration of a greedy `+` ended at `p`: another iteration first, else the rest of the pattern.
    private func more(_ x: BoilerplateNode, _ p: Int, _ k: (Int) -> Bool) -> Bool {
        if match(x, p, { q in q > p && more(x, q, k) }) { return true }
        return k(p)
    }

    /// ICU's `\b` without `UREGEX_UWORD`: a word scalar on one side only (the text's ends count as non-word). Format
    /// and combining characters, which ICU skips here, are outside the table.
    @inline(__always)
    func isWordBoundary(_ p: Int) -> Bool {
        let after = p < folded.count && flags[p] & BoilerplateScalars.word != 0
        let before = p > 0 && flags[p - 1] & BoilerplateScalars.word != 0
        return after != before
    }
}

/// `FormBoilerplate.costLine` and `FormBoilerplate.heading` as trees (each line below is the piece of the pattern
/// string it mirrors).
enum BoilerplatePatterns {
    typealias N = BoilerplateNode

    /// Every scalar the two trees compare text with (literals and single-scalar classes).
    static var literalScalars: Set<UInt32> {
        var all = Set<UInt32>()
        func walk(_ n: N) {
            switch n {
            case .literal(let s): all.formUnion(s)
            case .repeating(let c, _, _, _): if case .scalar(let s) = c { all.insert(s) }
            case .sequence(let ns), .alternatives(let ns): ns.forEach(walk)
            case .optional(let x), .oneOrMore(let x), .guarded(_, let x): walk(x)
            case .wordBoundary, .lineStart, .lineEnd, .digitAhead: break
            }
        }
        walk(costLine.root); walk(heading.root)
        return all
    }

    /// `\d[\d\u00A0 .,]*\s*(?:tys\.?|mln|tysięcy)?\s*(?:zł(?:otych)?|pln)\b\.?`
    static let amount: N = .sequence([
        .repeating(.digit, min: 1, max: 1, lazy: false), .many(.amountRun), .many(.space),
        .optional(.alternatives([.sequence([.text("tys"), .maybe(.scalar(0x2E))]), .text("mln"), .text("tysięcy")])),
        .many(.space),
        .alternatives([.sequence([.text("zł"), .optional(.text("otych"))]), .text("pln")]),
        .wordBoundary, .maybe(.scalar(0x2E)),
    ])

    /// `costOpening`, its nine alternatives in order.
    static let costOpening: N = .alternatives([
        // \blp\.?\s+(?:elementy?|nazwa|opis|składow|koszt|zadani|rodzaj)\w*
        .sequence([.wordBoundary, .text("lp"), .maybe(.scalar(0x2E)), .many(.space, min: 1),
                   .alternatives([.sequence([.text("element"), .maybe(.scalar(0x79))]), .text("nazwa"), .text("opis"),
                                  .text("składow"), .text("koszt"), .text("zadani"), .text("rodzaj")]),
                   .many(.word)]),
        // \belementy?\s+składowe?\w*
        .sequence([.wordBoundary, .text("element"), .maybe(.scalar(0x79)), .many(.space, min: 1), .text("składow"),
                   .maybe(.scalar(0x65)), .many(.word)]),
        // \bskładowe\s+(?:projektu|zadania)
        .sequence([.wordBoundary, .text("składowe"), .many(.space, min: 1), .anyOf(["projektu", "zadania"])]),
        // \b(?:szacunkowy|szacowany|przewidywany|całkowity|łączny|zweryfikowany|planowany)\s+koszt\w*
        .sequence([.wordBoundary, .anyOf(["szacunkowy", "szacowany", "przewidywany", "całkowity", "łączny",
                                          "zweryfikowany", "planowany"]),
                   .many(.space, min: 1), .text("koszt"), .many(.word)]),
        // \bkoszt\w*\s+(?:szacunkow|całkowit|łączn|realizacji|brutto|netto|utrzymania|zadania|projektu)\w*
        .sequence([.wordBoundary, .text("koszt"), .many(.word), .many(.space, min: 1),
                   .anyOf(["szacunkow", "całkowit", "łączn", "realizacji", "brutto", "netto", "utrzymania", "zadania",
                           "projektu"]),
                   .many(.word)]),
        // \bkosztorys\w*
        .sequence([.wordBoundary, .text("kosztorys"), .many(.word)]),
        // \bwartość\s+(?:projektu|zadania|brutto|netto)
        .sequence([.wordBoundary, .text("wartość"), .many(.space, min: 1), .anyOf(["projektu", "zadania", "brutto", "netto"])]),
        // \bbudżet\s+projektu
        .sequence([.wordBoundary, .text("budżet"), .many(.space, min: 1), .text("projektu")]),
        // \b(?:razem|suma|kwota)\s*(?:brutto|netto)?\s*:?\s*(?=\d)
        .sequence([.wordBoundary, .anyOf(["razem", "suma", "kwota"]), .many(.space), .optional(.anyOf(["brutto", "netto"])),
                   .many(.space), .maybe(.scalar(0x3A)), .many(.space), .digitAhead]),
    ])

    /// `costOpening (?:[^\n]*? amount)+ | costOpening \s*:?\s*[\d\u00A0 .,]*`
    static let costLine = BoilerplatePattern(.alternatives([
        .sequence([costOpening, .oneOrMore(.sequence([.repeating(.notNewline, min: 0, max: .max, lazy: true), amount]))]),
        .sequence([costOpening, .many(.space), .maybe(.scalar(0x3A)), .many(.space), .many(.amountRun)]),
    ]))

    /// `(?m)^[ \t]*(?:uzasadnienie(?:\s+projektu)?|(?:krótki|skrócony|szczegółowy)?\s*opis(?:\s+projektu)?`
    /// `|lokalizacja(?:\s+projektu)?|tytuł(?:\s+projektu)?|cel(?:\s+projektu)?|beneficjenci|odbiorcy projektu`
    /// `|rodzaj projektu|kategoria projektu)[ \t]*(?::|$)`
    static let heading: BoilerplatePattern = {
        let projektu: N = .optional(.sequence([.many(.space, min: 1), .text("projektu")]))
        return BoilerplatePattern(.sequence([
            .lineStart, .many(.spaceOrTab),
            .alternatives([
                .sequence([.text("uzasadnienie"), projektu]),
                .sequence([.optional(.anyOf(["krótki", "skrócony", "szczegółowy"])), .many(.space), .text("opis"), projektu]),
                .sequence([.text("lokalizacja"), projektu]),
                .sequence([.text("tytuł"), projektu]),
                .sequence([.text("cel"), projektu]),
                .text("beneficjenci"), .text("odbiorcy projektu"), .text("rodzaj projektu"), .text("kategoria projektu"),
            ]),
            .many(.spaceOrTab), .alternatives([.text(":"), .lineEnd]),
        ]))
    }()
}
