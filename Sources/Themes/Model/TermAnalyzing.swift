import PolishText

/// What turns a text field into terms: the Polish `Analyzer` in normal use, or `WhitespaceTerms` for text that is
/// already analysed (benchmarks feed both this engine and scikit-learn the same tokens that way). Either way its
/// configuration is stored in the model, and a model refuses a different one. It refines PolishText's
/// `TextAnalyzing` (what Similarity takes) with the term keys the vectoriser's tables use, so one analyzer serves
/// the tagger and the index alike.
public protocol TermAnalyzing: TextAnalyzing {
    func terms(_ text: String) -> [String]
    /// Calls `body` with the key of each term of `text`, in order: the term's UTF-8 bytes in NFC, as the
    /// vectoriser's tables key terms (see `TermTable`). The same terms as `terms(_:)`, without an array of
    /// Strings per field; the bytes are valid during the call only.
    func forEachTermKey(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void)
}

extension TermAnalyzing {
    public func forEachTermKey(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        for t in terms(text) { TermTable.withKey(t, body) }
    }
}

extension Analyzer: TermAnalyzing {
    /// Streams the lemmas (which are Strings already) without collecting them in an array.
    public func forEachTermKey(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        forEachTerm(in: text) { TermTable.withKey($0, body) }
    }
}

/// Pre-tokenised text: terms are the text's space-separated pieces, taken as they are.
public final class WhitespaceTerms: TermAnalyzing {
    public let configuration = AnalyzerConfiguration(lemmatizer: "pretokenized:whitespace", stopWords: nil,
                                                     keepNumbers: true, foldTermDiacritics: false, minTermLength: 1)
    public init() {}

    public func forEachTerm(in text: String, _ body: (String) -> Void) {
        Self.forEachPiece(text) { piece, _ in body(String(decoding: piece, as: UTF8.self)) }
    }

    /// The pieces with their UTF-8 byte ranges (the separators of `forEachPiece`).
    public func forEachTermSpan(in text: String, _ body: (String, Range<Int>) -> Void) {
        let bytes = Array(text.utf8)
        var start: Int?
        for i in 0...bytes.count {
            let separator = i == bytes.count || Self.isSeparator(bytes[i])
            if separator, let s = start {
                body(String(decoding: bytes[s..<i], as: UTF8.self), s..<i)
                start = nil
            } else if !separator, start == nil {
                start = i
            }
        }
    }

    /// Splits on ASCII spaces, tabs and line breaks, byte by byte: splitting by `Character` (grapheme clusters)
    /// cost more than the whole TF-IDF fit on pre-tokenised benchmark input.
    public func terms(_ text: String) -> [String] {
        var out: [String] = []
        Self.forEachPiece(text) { piece, _ in out.append(String(decoding: piece, as: UTF8.self)) }
        return out
    }

    /// The pieces' own bytes are their keys (no String is made), except a piece holding a byte ≥ 0xCC (a scalar
    /// from U+0300 up, where combining marks begin), which is keyed by its NFC form as `TermTable.withKey` does.
    public func forEachTermKey(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        Self.forEachPiece(text) { piece, high in
            if high { TermTable.withKey(String(decoding: piece, as: UTF8.self), body) } else { body(piece) }
        }
    }

    /// The one split both use: each non-empty run of bytes between separators, and whether it holds a byte ≥ 0xCC.
    /// A run is scanned eight bytes at a time, then byte by byte to its end.
    @inline(__always)
    static func forEachPiece(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let n = bytes.count
            var i = 0
            let raw = UnsafeRawPointer(base)
            let below21: UInt64 = 0x2121_2121_2121_2121, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let plus34: UInt64 = 0x3434_3434_3434_3434, highBits: UInt64 = 0x8080_8080_8080_8080
            while i < n {
                while i < n && isSeparator(base[i]) { i += 1 }
                guard i < n else { return }
                let start = i
                // Eight bytes at a time up to the first byte below 0x21 (a separator, or a rare control byte that
                // the byte loop below then takes): (w − 0x21…) & ~w & 0x80… flags the bytes below 0x21, the lowest
                // flag exactly. A byte ≥ 0xCC is flagged by ((w & 0x7F…) + 0x34…) & w & 0x80… (no carry crosses
                // a byte).
                var high: UInt64 = 0
                while i + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let below = (w &- below21) & ~w & highBits
                    let big = ((w & low7) &+ plus34) & w & highBits
                    if below == 0 { high |= big; i += 8; continue }
                    let k = below.trailingZeroBitCount >> 3  // bytes before the first one below 0x21
                    high |= k == 0 ? 0 : big & (UInt64.max >> UInt64(64 - 8 * k))
                    i += k
                    break
                }
                var top: UInt8 = 0
                while i < n && !isSeparator(base[i]) { top = max(top, base[i]); i += 1 }
                body(UnsafeBufferPointer(start: base + start, count: i - start), high != 0 || top >= 0xCC)
            }
        }
    }

    /// Space, tab, line feed, carriage return: bits of one mask.
    private static let separators: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D

    @inline(__always)
    private static func isSeparator(_ b: UInt8) -> Bool {
        b <= 0x20 && (UInt64(1) &<< UInt64(b)) & separators != 0
    }
}
