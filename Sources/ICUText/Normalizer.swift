@_implementationOnly import CICU

/// ICU's Unicode normalisation forms, applied to whole strings.
public enum NormalizationForm: String, Sendable, CaseIterable {
    case nfc, nfkc, nfd
    /// NFKC followed by full case folding (ICU's NFKC_Casefold): "Straße" → "strasse", "ﬁrma" → "firma".
    case nfkcCasefold

    fileprivate func instance() throws -> OpaquePointer {
        var st = U_ZERO_ERROR
        let n: OpaquePointer?
        switch self {
        case .nfc: n = cicu_nfc(&st)
        case .nfkc: n = cicu_nfkc(&st)
        case .nfd: n = cicu_nfd(&st)
        case .nfkcCasefold: n = cicu_nfkc_casefold(&st)
        }
        try check(st, "unorm2_get\(rawValue)Instance")
        guard let n else { throw ICUError(call: "unorm2_get\(rawValue)Instance", code: "NULL") }
        return n
    }
}

/// Normalises strings with ICU. The instances are process-wide singletons owned by ICU; this is cheap to create.
public struct ICUNormalizer: Sendable {
    public let form: NormalizationForm
    public init(_ form: NormalizationForm) { self.form = form }

    public func callAsFunction(_ s: String) throws -> String {
        let n = try form.instance()
        let src = Array(s.utf16)
        var st = U_ZERO_ERROR
        let normalized = src.withUnsafeBufferPointer { cicu_unorm2_isNormalized(n, $0.baseAddress, Int32($0.count), &st) }
        try check(st, "unorm2_isNormalized")
        if normalized != 0 { return s }
        var cap = src.count * 2 + 16
        while true {
            var dest = [UInt16](repeating: 0, count: cap)
            st = U_ZERO_ERROR
            let len = src.withUnsafeBufferPointer { s in
                dest.withUnsafeMutableBufferPointer { d in
                    cicu_unorm2_normalize(n, s.baseAddress, Int32(s.count), d.baseAddress, Int32(cap), &st)
                }
            }
            if st == U_BUFFER_OVERFLOW_ERROR { cap = Int(len) + 1; continue }
            try check(st, "unorm2_normalize")
            return String(decoding: dest[0..<Int(len)], as: UTF16.self)
        }
    }
}

/// Full Unicode case folding (ICU `u_strFoldCase`, default options): locale-independent lower case for matching.
public func icuFoldCase(_ s: String) throws -> String {
    let src = Array(s.utf16)
    var cap = src.count + 8
    while true {
        var dest = [UInt16](repeating: 0, count: cap)
        var st = U_ZERO_ERROR
        let len = src.withUnsafeBufferPointer { s in
            dest.withUnsafeMutableBufferPointer { d in
                cicu_u_strFoldCase(d.baseAddress, Int32(cap), s.baseAddress, Int32(s.count), &st)
            }
        }
        if st == U_BUFFER_OVERFLOW_ERROR { cap = Int(len) + 1; continue }
        try check(st, "u_strFoldCase")
        return String(decoding: dest[0..<Int(len)], as: UTF16.self)
    }
}

/// ICU's general category of a scalar is a nonspacing mark (Mn): what diacritic folding removes after NFD.
public func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
    cicu_u_charType(Int32(bitPattern: scalar.value)) == Int8(U_NON_SPACING_MARK.rawValue)
}
