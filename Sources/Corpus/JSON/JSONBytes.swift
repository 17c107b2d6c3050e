/// JSON written straight as bytes: strings, fixed-point numbers and literals, appended to a byte buffer (no
/// intermediate values or strings). The project's one JSON string escaper: `JSONWriter` (every record the project
/// writes) and `tag`'s added output fields (Themes' `Tagger`, where on 100 000 records the generic JSON path cost
/// more than the classification itself) both go through `string`/`escaped`, so a string has one spelling.
public enum JSONBytes {
    /// `s` as a JSON string, quoted.
    @inlinable
    public static func string(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        escaped(s, to: &out)
        out.append(0x22)
    }

    /// The string's bytes with JSON escapes, without quotes: UTF-8 kept as is (Polish letters stay readable in a
    /// text editor), only `"`, `\` and control characters escaped (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00XX`).
    /// A bulk copy when nothing needs escaping, the common case.
    @inlinable
    public static func escaped(_ s: String, to out: inout [UInt8]) {
        // Scanned as a buffer (`withUTF8` gives one for small strings too, which have no contiguous storage:
        // stepping their UTF8View instead cost `tag` more than copying the bytes).
        var s = s
        s.withUTF8 { b in
            for u in b where u < 0x20 || u == 0x22 || u == 0x5C {
                escapedByByte(b, to: &out)
                return
            }
            out.append(contentsOf: b)
        }
    }

    @usableFromInline
    static func escapedByByte(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        for b in utf8 {
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(0x5C); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(0x5C); out.append(UInt8(ascii: "f"))
            case 0..<0x20:
                out.append(0x5C); out.append(UInt8(ascii: "u")); out.append(0x30); out.append(0x30)
                out.append(hexDigit(b >> 4)); out.append(hexDigit(b & 15))
            default: out.append(b)
            }
        }
    }

    @inline(__always) static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

    /// `v` with exactly `decimals` decimals ("0.9120"), locale-free, rounded half away from zero; a value that is
    /// not finite or not below 10¹⁵ (a damaged model's score) is written "0", never a trap. The one fixed-decimal
    /// rule of the project (`fixed(_:_:)` is its String form).
    @inlinable
    public static func fixed(_ v: Double, _ decimals: Int, to out: inout [UInt8]) {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        guard v.isFinite, abs(v) < 1e15 else { out.append(0x30); return }
        var a = Int((v * Double(scale)).rounded())
        if a < 0 { out.append(UInt8(ascii: "-")); a = -a }
        appendInt(a / scale, to: &out)
        guard decimals > 0 else { return }
        out.append(UInt8(ascii: "."))
        var frac = a % scale, div = scale / 10
        while div > 0 { out.append(0x30 + UInt8(frac / div)); frac %= div; div /= 10 }
    }

    /// A non-negative integer's decimal digits.
    @inlinable
    public static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v >= 10 { appendInt(v / 10, to: &out) }
        out.append(0x30 + UInt8(v % 10))
    }

    @inlinable
    public static func literal(_ s: StaticString, to out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}

/// A number with exactly `decimals` decimals, locale-free ("0.9120"): `JSONBytes.fixed` as a String (a non-finite
/// value is "0"). What scores, reasons and the CLI's figures are written with.
public func fixed(_ v: Double, _ decimals: Int) -> String {
    var out: [UInt8] = []
    JSONBytes.fixed(v, decimals, to: &out)
    return String(decoding: out, as: UTF8.self)
}
