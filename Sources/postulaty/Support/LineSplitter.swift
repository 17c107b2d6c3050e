/// Splits a byte buffer into lines on "\n", dropping one trailing "\r" per line; a final line without "\n" counts.
enum LineSplitter {
    static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var start = 0
        let n = bytes.count
        var i = 0
        while i < n {
            if bytes[i] == 0x0A {
                var end = i
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                try body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                start = i + 1
            }
            i += 1
        }
        if start < n {
            var end = n
            if bytes[end - 1] == 0x0D { end -= 1 }
            try body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }
}

/// True when `bytes` are valid UTF-8 (ASCII takes a fast path).
func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes.allSatisfy({ $0 < 0x80 }) { return true }
    var it = bytes.makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&it) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}

extension String {
    /// A string from UTF-8 bytes, or nil when they are not valid UTF-8 (no replacement characters).
    init?(validatingUTF8Bytes bytes: UnsafeBufferPointer<UInt8>) {
        guard isValidUTF8(bytes) else { return nil }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
