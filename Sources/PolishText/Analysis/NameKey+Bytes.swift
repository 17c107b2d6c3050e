/// `NameKey` on the bytes of a word, without building Strings on the way (one for the key itself).
///
/// Why: every capitalised word of a text meets `NameKey` at first sight (titles begin with capitals and hold many
/// names), and the Character path — `lowercased()`, folding, `count` and `hasSuffix` for each of 25 endings —
/// took ≈ 25k instructions a word. Here the word is folded into a stack buffer and cut there.
///
/// Where it applies: words made of printable ASCII and the 18 Polish letters (nearly every word of Polish text).
/// There each scalar is one Character (none of them combines with a neighbour; control characters, where CR LF
/// would be one Character, are declined), lower-casing and folding map each scalar to one ASCII letter, and the
/// Character path's counts, suffixes and first letter are those of the bytes. Anything else returns nil and takes
/// the Character path; the tests compare both on every word of the corpora, the UD dev text and the 22k titles.
extension NameKey {
    /// The endings of `endings`, as bytes, longest first (the same order).
    static let endingBytes: [[UInt8]] = endings.map { Array($0.utf8) }

    /// The key of `name` by bytes, or nil outside the byte path.
    static func byteKey(_ name: String) -> String? {
        let u = name.utf8
        if let r = u.withContiguousStorageIfAvailable({ byteKey(utf8: $0, name: name) }) { return r }
        return nil
    }

    static func byteKey(utf8 b: UnsafeBufferPointer<UInt8>, name: String) -> String? {
        guard b.count <= 255 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b.count + 1) { buf -> String? in
            // Lower case, folded: one ASCII byte per scalar.
            var n = 0, i = 0
            while i < b.count {
                let x = b[i]
                if x < 0x80 {
                    guard x >= 0x20, x != 0x7F else { return nil }
                    buf[n] = (x >= 0x41 && x <= 0x5A) ? x + 0x20 : x
                    i += 1
                } else {
                    guard i + 1 < b.count, let f = DiacriticFolding.polishByte(x, b[i + 1]) else { return nil }
                    buf[n] = (f >= 0x41 && f <= 0x5A) ? f + 0x20 : f
                    i += 2
                }
                n += 1
            }
            // The longest ending that leaves three letters.
            var cut = false
            for e in endingBytes where n - e.count >= 3 && hasSuffix(buf, n, e) {
                n -= e.count
                cut = true
                break
            }
            // A softening "i" after a consonant.
            if n > 3, buf[n - 1] == 0x69, !isVowel(buf[n - 2]) { n -= 1 }
            // The mobile "e" of a form without an ending (`dropMobileE`): "iec" → "c", "ec"/"ek" → "c"/"k".
            if !cut {
                if n >= 5, buf[n - 3] == 0x69, buf[n - 2] == 0x65, buf[n - 1] == 0x63, !isVowel(buf[n - 4]) {
                    buf[n - 3] = 0x63; n -= 2
                } else if n >= 4, buf[n - 2] == 0x65, buf[n - 1] == 0x63 || buf[n - 1] == 0x6B, !isVowel(buf[n - 3]) {
                    buf[n - 2] = buf[n - 1]; n -= 1
                }
            }
            // The final consonant's class (`canonicalFinalConsonant`).
            if n >= 3 {
                let last = buf[n - 1], before = buf[n - 2]
                if before == 0x64 && last == 0x7A { n -= 1; buf[n - 1] = 0x64 }        // dz → d
                else if before == 0x72 && last == 0x7A { n -= 1; buf[n - 1] = 0x72 }   // rz → r
                else if last == 0x63 || last == 0x6B { buf[n - 1] = 0x74 }             // c, k → t
                else if last == 0x67 { buf[n - 1] = 0x64 }                             // g → d
            }
            guard n > 0 else { return name }
            if buf[0] >= 0x61 && buf[0] <= 0x7A { buf[0] -= 0x20 }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[0..<n]), as: UTF8.self)
        }
    }

    @inline(__always)
    private static func hasSuffix(_ buf: UnsafeMutableBufferPointer<UInt8>, _ n: Int, _ e: [UInt8]) -> Bool {
        guard n >= e.count else { return false }
        var k = 0
        while k < e.count {
            if buf[n - e.count + k] != e[k] { return false }
            k += 1
        }
        return true
    }

    @inline(__always)
    private static func isVowel(_ x: UInt8) -> Bool {
        x == 0x61 || x == 0x65 || x == 0x69 || x == 0x6F || x == 0x75 || x == 0x79
    }
}
