/// A JSON value that keeps object keys in their original order, so unknown fields survive a round trip
/// byte for byte and output is deterministic.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    /// A number kept as written in the source ("2025", "0.5"), so re-writing it changes nothing.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var intValue: Int? {
        switch self {
        case .number(let n): return Int(n)
        case .string(let s): return Int(s)
        default: return nil
        }
    }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o.first { $0.0 == key }?.1 }
        return nil
    }
}

extension JSONValue {
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var objectValue: [(String, JSONValue)]? { if case .object(let o) = self { return o }; return nil }
    public var isNull: Bool { if case .null = self { return true }; return false }

    /// Parses one complete JSON text (an object, array or scalar), keeping key order and numbers as written.
    public static func parse(_ text: String) throws -> JSONValue {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buf in
            try JSONParser.parse(UnsafeBufferPointer(buf))
        }
    }

    /// `jsonText`'s bytes appended to `out` (no String made).
    public func appendJSON(to out: inout [UInt8]) {
        JSONWriter.append(self, to: &out)
    }

    /// Compact JSON (no spaces, UTF-8 kept as is): the one spelling every writer of the project uses.
    public var jsonText: String {
        var out: [UInt8] = []
        JSONWriter.append(self, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
