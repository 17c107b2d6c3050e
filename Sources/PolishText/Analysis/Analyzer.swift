/// One analysed token: the token, its text as written, its normalised form, and the term it contributes
/// (nil for stop words, dropped numbers and too-short tokens).
public struct AnalyzedToken: Sendable, Equatable {
    public var token: Token
    public var text: String
    public var normalized: String
    public var term: String?
    public var lemmaSource: LemmaSource?
    public var isStopWord: Bool
}

/// The analysis chain, Lucene-style, in small named stages:
/// tokenise (ICU + repairs) → normalise (typography, NFKC, case fold) → lemmatise (lexicon, diacritic restoration,
/// guesser) → stop words → term filters → context (names, identifiers: `ContextTerms`). The same `Analyzer` turns text into terms everywhere (training, tagging,
/// the index, reports), so its `configuration` travels with every saved model.
///
/// Why a cache: running text repeats words; each distinct written form is analysed once and remembered, which keeps
/// the chain at millions of tokens a second. Not thread-safe (tokenizer and cache): one analyzer per thread.
public final class Analyzer {
    public let configuration: AnalyzerConfiguration
    public let lemmatizer: Lemmatizing
    private let tokenizer: Tokenizer
    /// The per-form cache. Hot loops move it into a local variable (`withFormTable`) so that each token's lookup
    /// is a plain local access, not a dynamically checked access to a class property.
    private var formTable = FormTable()
    /// Bound on the caches so a stream of unique garbage cannot grow memory without limit.
    private let cacheLimit = 500_000

    /// A class, not a struct: every token hands its form on through the context stage (`ContextTerms.Item`),
    /// and a struct of five reference-counted fields cost a value-witness copy and five retains and releases at
    /// each step (a tenth of `tag`'s instructions); a reference costs one.
    final class CachedForm: Sendable {
        let normalized: String
        let term: String?
        let source: LemmaSource?
        let isStop: Bool
        /// What the context stage needs (`WordShape`).
        let shape: WordShape

        init(normalized: String, term: String?, source: LemmaSource?, isStop: Bool, shape: WordShape = .plain) {
            self.normalized = normalized; self.term = term; self.source = source; self.isStop = isStop
            self.shape = shape
        }
    }

    /// The lexicon's proper-name readings, when the lemmatiser has them.
    private lazy var names: NameLexicon? = lemmatizer as? NameLexicon

    public init(lemmatizer: Lemmatizing, configuration: AnalyzerConfiguration? = nil) throws {
        self.lemmatizer = lemmatizer
        self.configuration = configuration ?? AnalyzerConfiguration(lemmatizer: lemmatizer.identifier)
        tokenizer = try Tokenizer()
    }

    /// Every token of `text` with its analysis (for `postulaty analyze` and highlighting).
    public func analyze(_ text: String) -> [AnalyzedToken] {
        var out: [AnalyzedToken] = []
        forEachContextTerm(in: text) { item, term, bytes in
            let slice = UnsafeBufferPointer(rebasing: bytes[item.token.start..<item.token.end])
            out.append(AnalyzedToken(token: item.token, text: String(decoding: slice, as: UTF8.self),
                                     normalized: item.form.normalized, term: term,
                                     lemmaSource: item.form.source, isStopWord: item.form.isStop))
        }
        return out
    }

    /// The terms of `text`, in order, stop words and filtered tokens removed.
    public func terms(_ text: String) -> [String] {
        var out: [String] = []
        forEachTerm(in: text) { out.append($0) }
        return out
    }

    /// Streams the terms of `text` to `body` without building tokens.
    public func forEachTerm(in text: String, _ body: (String) -> Void) {
        forEachContextTerm(in: text) { _, term, _ in if let term { body(term) } }
    }

    /// Every token of `text` with its cached analysis and its final term after the context stage, in order.
    private func forEachContextTerm(in text: String, _ body: (ContextTerms.Item, String?, UnsafeBufferPointer<UInt8>) -> Void) {
        var copy = text
        var context = ContextTerms(keepNumbers: configuration.keepNumbers)
        withFormTable { table in copy.withUTF8 { bytes in
            var previousEnd = -1
            tokenizer.tokenize(bytes) { token in
                let slice = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
                let form = table.forms[table.index(slice, kind: token.kind, limit: cacheLimit, compute: computeForm)]
                let gap = TokenGap.classify(bytes, from: previousEnd, to: token.start)
                previousEnd = token.end
                context.push(ContextTerms.Item(token: token, form: form, sentenceStart: gap.sentenceStart,
                                               joined: gap.joined, spaced: gap.spaced)) { body($0, $1, bytes) }
            }
            context.finish { body($0, $1, bytes) }
        } }
    }

    /// The term for one word as `postulaty stem` prints it: the lemma the analyzer would index, even when the word
    /// is a stop word (stop-word removal is a later stage), or the normalised form for numbers and punctuation.
    /// A "word" that the tokeniser splits gives its terms joined by spaces.
    public func stem(_ word: String) -> String {
        var copy = word
        return copy.withUTF8 { stem(utf8: $0) }
    }

    /// `stem(_:)` on valid UTF-8 bytes, cached per distinct input (a word list repeats words).
    public func stem(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let h = FormCache.hash(bytes, Self.stemTag)
        if let i = stemCache.lookup(bytes, kind: Self.stemTag, hash: h) { return stems[i] }
        if stems.count >= cacheLimit { stemCache.removeAll(); stems.removeAll(keepingCapacity: true) }
        stems.append(computeStem(String(decoding: bytes, as: UTF8.self)))
        stemCache.insert(bytes, kind: Self.stemTag, hash: h, value: stems.count - 1)
        return stems[stems.count - 1]
    }

    private static let stemTag: UInt8 = 255
    private var stemCache = FormCache()
    private var stems: [String] = []

    private func computeStem(_ word: String) -> String {
        let tokens = analyze(word)
        guard !tokens.isEmpty else { return TextNormalizer.normalize(word) }
        return tokens.map { t in
            if let term = t.term { return term }
            if t.token.kind == .word {
                return finalize(lemmatizer.lemma(of: stripApostropheSuffix(t.normalized)).text)
            }
            if t.token.kind == .abbreviation {
                let expansion = Abbreviations.expansions[String(t.normalized.dropLast())] ?? ""
                return expansion.isEmpty ? t.normalized : finalize(expansion)
            }
            return t.normalized
        }.joined(separator: " ")
    }

    // MARK: stages

    /// Runs `body` with the form table moved into a local variable, then moves it back.
    private func withFormTable<R>(_ body: (inout FormTable) -> R) -> R {
        var table = formTable
        formTable = FormTable.placeholder  // shares one tiny table: no allocation per call
        defer { formTable = table }
        return body(&table)
    }

    private func computeForm(_ written: String, kind: TokenKind) -> CachedForm {
        let normalized = TextNormalizer.normalize(written)
        switch kind {
        case .number:
            return CachedForm(normalized: normalized, term: configuration.keepNumbers ? normalized : nil, source: nil, isStop: false)
        case .url, .email:
            return CachedForm(normalized: normalized, term: normalized, source: nil, isStop: false)
        case .money:
            return CachedForm(normalized: normalized, term: nil, source: nil, isStop: false)
        case .abbreviation:
            let normalized = normalized.filter { $0 != " " }  // "m. in." and "m.in." are one abbreviation
            let bare = String(normalized.dropLast())
            let expansion = Abbreviations.expansions[bare] ?? ""
            if expansion.isEmpty || isStop(expansion) {
                return CachedForm(normalized: normalized, term: nil, source: nil, isStop: true)
            }
            let term = finalize(expansion)
            return CachedForm(normalized: normalized, term: term, source: .lexicon, isStop: false,
                              shape: WordShape.of(written: written, normalized: normalized, term: term,
                                                  kind: kind, names: names))
        case .word:
            let form = stripApostropheSuffix(normalized)
            if configuration.stopWords != nil && StopWords.contains(form) {
                return CachedForm(normalized: normalized, term: nil, source: nil, isStop: true,
                                  shape: WordShape.of(written: written, normalized: normalized, term: nil, kind: kind, names: nil))
            }
            let lemma = lemmatizer.lemma(of: form)
            if isStop(lemma.text) {
                return CachedForm(normalized: normalized, term: nil, source: lemma.source, isStop: true,
                                  shape: WordShape.of(written: written, normalized: normalized, term: nil, kind: kind, names: nil))
            }
            let term = finalize(lemma.text)
            let keep = Self.isLongEnoughAndNotNumeric(term, minLength: configuration.minTermLength)
            return CachedForm(normalized: normalized, term: keep ? term : nil, source: lemma.source, isStop: false,
                              shape: WordShape.of(written: written, normalized: normalized, term: keep ? term : nil,
                                                  kind: kind, names: names))
        }
    }

    private func isStop(_ lemma: String) -> Bool {
        configuration.stopWords != nil && StopWords.contains(lemma)
    }

    private func finalize(_ term: String) -> String {
        configuration.foldTermDiacritics ? DiacriticFolding.fold(term) : term
    }

    /// At least `minLength` characters and not all of them numbers. Answered from the bytes when every scalar is
    /// printable ASCII or a Latin letter U+00C0–U+027F (nearly every term): each such scalar is one Character
    /// (none of them combines with a neighbour), and only the ASCII digits 0–9 among them are numbers; the rest by
    /// Character as before.
    static func isLongEnoughAndNotNumeric(_ term: String, minLength: Int) -> Bool {
        let fast = term.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            var characters = 0, i = 0
            var numeric = true
            while i < b.count {
                let x = b[i]
                if x < 0x80 {
                    guard x >= 0x20 else { return nil }
                    if x < 0x30 || x > 0x39 { numeric = false }
                    i += 1
                } else {
                    guard x >= 0xC3, x <= 0xC9, i + 1 < b.count, b[i + 1] & 0xC0 == 0x80 else { return nil }
                    numeric = false
                    i += 2
                }
                characters += 1
            }
            return characters >= minLength && !numeric
        }
        if let fast, let answer = fast { return answer }
        return term.count >= minLength && !term.allSatisfy(\.isNumber)
    }

    /// "ngo's" → "ngo", "mam'owych" → "mam": an acronym inflected with an apostrophe keeps the acronym.
    func stripApostropheSuffix(_ normalized: String) -> String {
        // Without an apostrophe byte there is no apostrophe Character: skip the Character scan.
        guard normalized.utf8.contains(0x27) else { return normalized }
        guard let idx = normalized.firstIndex(of: "'"), idx != normalized.startIndex else { return normalized }
        return String(normalized[..<idx])
    }
}

/// The analysis of each distinct written form, found through a byte-keyed cache.
struct FormTable {
    var cache = FormCache()
    var forms: [Analyzer.CachedForm] = []

    /// Stands in the analyzer's property while the real table is moved out; never mutated, so assigning it is
    /// only a reference-count change.
    static let placeholder = FormTable(cache: FormCache(capacity: 1), forms: [])

    /// Index into `forms` of the analysis of `bytes`, computed on first sight.
    @inline(__always)
    mutating func index(_ bytes: UnsafeBufferPointer<UInt8>, kind: TokenKind, limit: Int,
                        compute: (String, TokenKind) -> Analyzer.CachedForm) -> Int {
        let tag = kind.cacheTag
        let h = FormCache.hash(bytes, tag)
        if let i = cache.lookup(bytes, kind: tag, hash: h) { return i }
        if forms.count >= limit { cache.removeAll(); forms.removeAll(keepingCapacity: true) }
        forms.append(compute(String(decoding: bytes, as: UTF8.self), kind))
        cache.insert(bytes, kind: tag, hash: h, value: forms.count - 1)
        return forms.count - 1
    }
}

extension TokenKind {
    /// A small distinct number per kind, part of the cache key ("r." the abbreviation is not "r" the word).
    var cacheTag: UInt8 {
        switch self {
        case .word: return 0
        case .number: return 1
        case .abbreviation: return 2
        case .url: return 3
        case .email: return 4
        case .money: return 5
        }
    }
}
