/// Appends the output fields of `tag` as JSON bytes directly (no intermediate values or strings): on 100 000
/// records the generic JSON path cost more than the classification itself. The record's own fields still go through
/// Corpus's writer; this only writes strings, fixed-point numbers and the few shapes of our added fields.
enum JSONBytes {
    static func string(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        escaped(s, to: &out)
        out.append(0x22)
    }

    /// The string's bytes with JSON escapes, without quotes (bulk copy when nothing needs escaping).
    static func escaped(_ s: String, to out: inout [UInt8]) {
        let utf8 = s.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { out.append(contentsOf: utf8); return }
        for b in utf8 {
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
    }

    /// `v` with exactly `decimals` decimals ("0.9120"), locale-free; the same digits as `fixed(_:_:)`.
    static func fixed(_ v: Double, _ decimals: Int, to out: inout [UInt8]) {
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

    static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v >= 10 { appendInt(v / 10, to: &out) }
        out.append(0x30 + UInt8(v % 10))
    }

    static func literal(_ s: StaticString, to out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// The one-line reason of `LabelEvidence.why` for label `l` of `p`, written as a JSON string (read from the
    /// view: no `LabelEvidence` is built).
    static func why(_ p: PredictionView, label l: Int, to out: inout [UInt8]) {
        let score = p.scores[l], threshold = p.threshold(l)
        out.append(0x22)
        fixed(score, 3, to: &out)
        if let range = p.evidenceRange(label: l) {
            literal(score >= threshold ? " ≥ " : " < ", to: &out)
            fixed(threshold, 3, to: &out)
            if score < threshold { literal(", closest label", to: &out) }
            let total = p.evidence[range.lowerBound].weight
            for i in (range.lowerBound + 1)..<range.upperBound {
                let t = p.evidence[i]
                literal(i == range.lowerBound + 1 ? ": " : ", ", to: &out)
                escaped(p.vocabulary[Int(t.feature)], to: &out)
                out.append(0x20)
                fixed(LabelEvidence.share(t.weight, of: total), 0, to: &out)
                out.append(UInt8(ascii: "%"))
            }
        } else if score < threshold {
            literal(" < ", to: &out); fixed(threshold, 3, to: &out)
        } else {
            literal(" ≥ ", to: &out); fixed(threshold, 3, to: &out); literal(", other labels stronger", to: &out)
        }
        out.append(0x22)
    }
}
