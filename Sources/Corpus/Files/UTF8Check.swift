/// Whether bytes are UTF-8, as `String(validating:as: UTF8.self)` judges them (no overlong forms, no surrogates,
/// nothing above U+10FFFF), in one pass: ASCII runs eight bytes at a time, each multi-byte character by its lead
/// byte's ranges (Unicode's table 3-7), re-entering the eight-byte loop after it.
///
/// Why: `tag`'s reading thread checks every line before the workers parse it; Polish text has a non-ASCII letter
/// every few words, and handing the rest of the line to the standard library at the first one cost eight thousand
/// instructions a record there. `UTF8CheckTests` compare it with the standard library on every two-byte sequence,
/// every lead and second byte of the longer ones, and random lines.
enum UTF8Check {
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = b.baseAddress else { return true }
        let n = b.count
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i < n {
            while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { return true }
            let c = p[i]
            if c < 0x80 { i += 1; continue }
            @inline(__always) func continuation(_ k: Int) -> Bool { p[k] & 0xC0 == 0x80 }
            if c < 0xC2 { return false }  // a continuation byte, or an overlong two-byte form
            if c < 0xE0 {
                guard i + 1 < n, continuation(i + 1) else { return false }
                i += 2
                continue
            }
            if c < 0xF0 {
                guard i + 2 < n, continuation(i + 2) else { return false }
                let c1 = p[i + 1]
                switch c {
                case 0xE0: guard c1 >= 0xA0 && c1 <= 0xBF else { return false }  // no overlong forms
                case 0xED: guard c1 >= 0x80 && c1 <= 0x9F else { return false }  // no surrogates
                default: guard continuation(i + 1) else { return false }
                }
                i += 3
                continue
            }
            guard c < 0xF5, i + 3 < n, continuation(i + 2), continuation(i + 3) else { return false }
            let c1 = p[i + 1]
            switch c {
            case 0xF0: guard c1 >= 0x90 && c1 <= 0xBF else { return false }  // no overlong forms
            case 0xF4: guard c1 >= 0x80 && c1 <= 0x8F else { return false }  // nothing above U+10FFFF
            default: guard continuation(i + 1) else { return false }
            }
            i += 4
        }
        return true
    }
}
