// Foundation-free on purpose: a target that imports Foundation must never see CICU (clang module ODR clash with
// Foundation's own ICU). No ICU C type appears in a stored property or a public signature.
@_implementationOnly import CICU

/// A failed ICU call, with ICU's own error name.
public struct ICUError: Error, CustomStringConvertible {
    public let call: String
    public let code: String
    public var description: String { "ICU \(call) failed: \(code)" }
}

func check(_ status: UErrorCode, _ call: String) throws {
    if status.rawValue > U_ZERO_ERROR.rawValue {
        throw ICUError(call: call, code: String(cString: cicu_u_errorName(status)))
    }
}

/// One segment from ICU's word-break iterator: UTF-8 byte offsets into the text and ICU's rule status
/// (0 = space/punctuation, 100..<200 number, 200..<300 letter, 300..<400 kana, 400..<500 ideographic).
public struct WordSegment: Equatable, Sendable {
    public var start: Int
    public var end: Int
    public var ruleStatus: Int32
    public init(start: Int, end: Int, ruleStatus: Int32) {
        self.start = start; self.end = end; self.ruleStatus = ruleStatus
    }
}

/// ICU's word-break iterator over UTF-8 text (a UText over the bytes, so offsets are UTF-8 byte offsets and
/// no UTF-16 copy is made). Not thread-safe: one instance per thread; reuse it across documents.
public final class WordBreaker {
    private let iterator: OpaquePointer
    private var utext: UnsafeMutableRawPointer?

    public init(locale: String = "pl") throws {
        var st = U_ZERO_ERROR
        let bi = locale.withCString { cicu_ubrk_open(UBRK_WORD, $0, &st) }
        try check(st, "ubrk_open")
        guard let bi else { throw ICUError(call: "ubrk_open", code: "NULL") }
        iterator = bi
    }

    deinit {
        if let utext { _ = cicu_utext_close(utext.assumingMemoryBound(to: UText.self)) }
        cicu_ubrk_close(iterator)
    }

    /// Calls `body` for every segment of `bytes` (valid UTF-8), in order, including status-0 segments.
    public func forEachSegment(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (WordSegment) -> Void) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var st = U_ZERO_ERROR
        let ut = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            cicu_utext_openUTF8(utext?.assumingMemoryBound(to: UText.self), $0, Int64(bytes.count), &st)
        }
        try check(st, "utext_openUTF8")
        utext = UnsafeMutableRawPointer(ut)
        cicu_ubrk_setUText(iterator, ut, &st)
        try check(st, "ubrk_setUText")
        var start = Int(cicu_ubrk_first(iterator))
        while true {
            let end = Int(cicu_ubrk_next(iterator))
            if end < 0 { break }
            body(WordSegment(start: start, end: end, ruleStatus: cicu_ubrk_getRuleStatus(iterator)))
            start = end
        }
    }

    /// Convenience: all segments of a string.
    public func segments(of text: String) throws -> [WordSegment] {
        var result: [WordSegment] = []
        var copy = text
        try copy.withUTF8 { buf in try forEachSegment(buf) { result.append($0) } }
        return result
    }
}

/// The ICU library version this binary runs against, e.g. "72.1".
public func icuVersion() -> String {
    var v: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    withUnsafeMutableBytes(of: &v) { raw in
        cicu_u_getVersion(raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }
    return "\(v.0).\(v.1)"
}
