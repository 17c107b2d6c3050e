/// Compact JSON output: keys in the value's order, numbers as stored, UTF-8 kept as is (Polish letters stay
/// readable in a text editor), only `"`, `\` and control characters escaped (`JSONBytes.escaped`). One spelling, so re-writing a file
/// the project wrote gives the same bytes.
enum JSONWriter {
    static func append(_ v: JSONValue, to out: inout [UInt8]) {
        switch v {
        case .string(let s): appendString(s, to: &out)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (k, x) in a.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                append(x, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            for (k, (key, x)) in o.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(x, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `s` quoted and escaped by the project's one escaper (`JSONBytes.string`).
    static func appendString(_ s: String, to out: inout [UInt8]) { JSONBytes.string(s, to: &out) }
}
