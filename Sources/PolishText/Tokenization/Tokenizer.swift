import ICUText

/// Splits text into word and number tokens with UTF-8 offsets, on ICU's word-break iterator (locale "pl"),
/// then repairs what ICU's rules do badly on civic texts (each repair is a small stage in `TokenRepairs`):
/// web addresses are cut out before ICU sees them; thousands groups ("100 000,00"), abbreviations ("np.", "m. in.")
/// and hyphenated compounds are fixed on ICU's segments.
///
/// Not thread-safe (it owns an ICU iterator): use one per thread.
public final class Tokenizer {
    private let breaker: WordBreaker
    private var segments: [RawSegment] = []

    public init() throws {
        breaker = try WordBreaker(locale: "pl")
        segments.reserveCapacity(1024)
    }

    /// All tokens of `text`, in order.
    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var copy = text
        copy.withUTF8 { bytes in tokenize(bytes) { tokens.append($0) } }
        return tokens
    }

    /// Streams the tokens of UTF-8 `bytes` to `body` (no array of tokens is built).
    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        // Work on a local array (moved out of the property and back) so the hot loop does no dynamic
        // exclusivity checks on the class's stored property.
        var segs = segments
        segments = []
        segs.removeAll(keepingCapacity: true)
        var position = 0
        for span in URLScanner.spans(in: bytes) {
            collectSegments(bytes, from: position, to: span.start, into: &segs)
            segs.append(RawSegment(start: span.start, end: span.end, status: span.kind == .email ? -2 : -1))
            position = span.end
        }
        collectSegments(bytes, from: position, to: bytes.count, into: &segs)
        TokenRepairs.emit(segs, bytes, body)
        segments = segs
    }

    private func collectSegments(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into segs: inout [RawSegment]) {
        guard to > from else { return }
        let slice = UnsafeBufferPointer(rebasing: bytes[from..<to])
        try? breaker.forEachSegment(slice) { seg in
            segs.append(RawSegment(start: seg.start + from, end: seg.end + from, status: seg.ruleStatus))
        }
    }
}

/// An ICU segment (status ≥ 100 is a word or number, 0 is space or punctuation) or a pre-cut span
/// (status -1 URL, -2 e-mail).
struct RawSegment {
    var start: Int
    var end: Int
    var status: Int32
}
