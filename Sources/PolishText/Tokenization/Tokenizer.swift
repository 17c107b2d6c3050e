import ICUText

/// Splits text into word and number tokens with UTF-8 offsets, on ICU's word-break iterator (locale "pl"),
/// then repairs what ICU's rules do badly on civic texts (each repair is a small stage in `TokenRepairs`):
/// web addresses are cut out before ICU sees them; thousands groups ("100 000,00"), abbreviations ("np.", "m. in.")
/// and hyphenated compounds are fixed on ICU's segments. Where the text is made of the usual characters, ICU's
/// segments come from `PlainWordBreak` (the same segments, without ICU's per-token cost).
///
/// Not thread-safe (it owns an ICU iterator): use one per thread.
public final class Tokenizer {
    private let breaker: WordBreaker
    private var segments: [RawSegment] = []
    /// Scratch of the plain-text segmenter (`PlainWordBreak`), kept across calls.
    private var scratch = PlainWordBreakScratch()
    /// When false, every range goes to ICU (the tests compare both ways).
    let plainFastPath: Bool

    public convenience init() throws {
        try self.init(plainFastPath: true)
    }

    init(plainFastPath: Bool) throws {
        breaker = try WordBreaker(locale: "pl")
        self.plainFastPath = plainFastPath
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
        let segs = rawSegments(bytes)
        TokenRepairs.emit(segs, bytes, body)
        segments = segs
    }

    /// The segments of `text` before the repairs (for the tests that compare the fast path with ICU).
    func rawSegments(_ text: String) -> [RawSegment] {
        var copy = text
        return copy.withUTF8 { rawSegments($0) }
    }

    /// URL and e-mail spans cut out, the rest segmented (by `PlainWordBreak` where it covers the text, else ICU).
    private func rawSegments(_ bytes: UnsafeBufferPointer<UInt8>) -> [RawSegment] {
        // Work on a local array (moved out of the property and back) so the hot loop does no dynamic
        // exclusivity checks on the class's stored property.
        var segs = segments
        segments = []
        var plain = scratch
        scratch = PlainWordBreakScratch()
        segs.removeAll(keepingCapacity: true)
        var position = 0
        for span in URLScanner.spans(in: bytes) {
            collectSegments(bytes, from: position, to: span.start, into: &segs, plain: &plain)
            segs.append(RawSegment(start: span.start, end: span.end, status: span.kind == .email ? -2 : -1))
            position = span.end
        }
        collectSegments(bytes, from: position, to: bytes.count, into: &segs, plain: &plain)
        scratch = plain
        return segs
    }

    /// ICU's segments of the whole of `text` and `PlainWordBreak`'s (nil when it does not cover the text): what
    /// `PlainWordBreakTests` compare.
    func segmentsBothWays(_ text: String) -> (icu: [RawSegment], plain: [RawSegment]?) {
        var copy = text
        return copy.withUTF8 { bytes in
            var icu: [RawSegment] = [], plain: [RawSegment] = []
            try? breaker.forEachSegment(bytes) { icu.append(RawSegment(start: $0.start, end: $0.end, status: $0.ruleStatus)) }
            var s = PlainWordBreakScratch()
            let covered = PlainWordBreak.segments(bytes, from: 0, to: bytes.count, classes: &s.classes, starts: &s.starts,
                                                  into: &plain) == nil
            return (icu, covered ? plain : nil)
        }
    }

    private func collectSegments(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into segs: inout [RawSegment],
                                 plain: inout PlainWordBreakScratch) {
        guard to > from else { return }
        if plainFastPath {
            PlainWordBreak.segments(bytes, from: from, to: to, scratch: &plain, into: &segs) { a, b, out in
                icuSegments(bytes, from: a, to: b, into: &out)
            }
            return
        }
        icuSegments(bytes, from: from, to: to, into: &segs)
    }

    private func icuSegments(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into segs: inout [RawSegment]) {
        guard to > from else { return }
        let slice = UnsafeBufferPointer(rebasing: bytes[from..<to])
        try? breaker.forEachSegment(slice) { seg in
            segs.append(RawSegment(start: seg.start + from, end: seg.end + from, status: seg.ruleStatus))
        }
    }
}

/// The reusable buffers of `PlainWordBreak`.
struct PlainWordBreakScratch {
    var classes: [UInt8] = []
    var starts: [Int32] = []
}

/// An ICU segment (status ≥ 100 is a word or number, 0 is space or punctuation) or a pre-cut span
/// (status -1 URL, -2 e-mail).
struct RawSegment: Equatable {
    var start: Int
    var end: Int
    var status: Int32
}
