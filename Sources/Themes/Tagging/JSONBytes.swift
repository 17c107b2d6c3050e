/// Appends the output fields of `tag` as JSON bytes directly (no intermediate values or strings): on 100 000
/// records the generic JSON path cost more than the classification itself. The record's own fields still go through
/// Corpus's writer; this only writes strings, fixed-point numbers and the few shapes of our added fields.
enum JSONBytes {
    static func string(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(0x22)
    }

    /// `v` with exactly `decimals` decimals ("0.9120"), locale-free; the same digits as `fixed(_:_:)`.
    static func fixed(_ v: Double, _ decimals: Int, to out: inout [UInt8]) {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        guard v.isFinite, abs(v) < 1e15 else { out += Array("0".utf8); return }
        let r = Int((v * Double(scale)).rounded())
        var a = r
        if a < 0 { out.append(UInt8(ascii: "-")); a = -a }
        appendInt(a / scale, to: &out)
        if decimals > 0 {
            out.append(UInt8(ascii: "."))
            var frac = a % scale, digits = [UInt8](repeating: 0x30, count: decimals)
            for i in stride(from: decimals - 1, through: 0, by: -1) { digits[i] = 0x30 + UInt8(frac % 10); frac /= 10 }
            out += digits
        }
    }

    static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v < 10 { out.append(0x30 + UInt8(v)); return }
        appendInt(v / 10, to: &out)
        out.append(0x30 + UInt8(v % 10))
    }

    static func literal(_ s: StaticString, to out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// The one-line reason of `LabelEvidence.why`, written as a JSON string.
    static func why(_ e: LabelEvidence, to out: inout [UInt8]) {
        var s: [UInt8] = []
        fixed(e.score, 3, to: &s)
        if e.assigned {
            literal(e.score >= e.threshold ? " ≥ " : " < ", to: &s)
            fixed(e.threshold, 3, to: &s)
            if e.score < e.threshold { literal(", closest label", to: &s) }
            for (i, t) in e.terms.enumerated() {
                literal(i == 0 ? ": " : ", ", to: &s)
                s += Array(t.term.utf8)
                literal(" (", to: &s)
                fixed(t.weight, 3, to: &s)
                literal(")", to: &s)
            }
        } else if e.score < e.threshold {
            literal(" < ", to: &s); fixed(e.threshold, 3, to: &s)
        } else {
            literal(" ≥ ", to: &s); fixed(e.threshold, 3, to: &s); literal(", other labels stronger", to: &s)
        }
        string(String(decoding: s, as: UTF8.self), to: &out)
    }
}
