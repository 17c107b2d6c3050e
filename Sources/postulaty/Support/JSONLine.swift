import Corpus

/// One-line JSON output for the commands, written with Corpus's `JSONValue` (the project's one JSON spelling:
/// keys in the given order, UTF-8 kept), so output is byte-identical across runs.
extension JSONValue {
    static func int(_ i: Int) -> JSONValue { .number(String(i)) }
    /// Non-finite numbers have no JSON spelling; they are written as null.
    static func double(_ d: Double) -> JSONValue { d.isFinite ? .number(String(d)) : .null }
}

enum JSONLine {
    static func object(_ fields: [(String, JSONValue)]) -> String { JSONValue.object(fields).jsonText }
    static func render(_ v: JSONValue) -> String { v.jsonText }
}
