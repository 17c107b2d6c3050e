import Messages
import Foundation

/// A tab-separated table sorted by its key (the first `keyFields` fields, compared as UTF-8 bytes), searched in
/// place by binary search.
///
/// Why not a dictionary: the model tables hold hundreds of thousands of lines; hashing them all at start-up would
/// cost more than the few hundred lookups a short command needs. Reading the file and indexing its line starts
/// costs a few milliseconds; each lookup is ~20 byte comparisons. Lines starting with "#" are comments.
final class SortedTable: @unchecked Sendable {
    let path: String
    let bytes: [UInt8]
    /// Start offset of each data line.
    let lineStarts: [Int32]
    /// End offset (exclusive) of each data line's key, so a binary-search step compares without scanning.
    let keyEnds: [Int32]
    let keyFields: Int
    /// FNV-1a 64 of the file, as hex.
    let contentHash: String

    init(path: String, keyFields: Int) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError.unreadable(path: path, reason: tr("brak pliku modelu albo nie można go odczytać (odtwórz go skryptem Benchmarks/lemma/train-models.sh)",
                                                                 "model file missing or unreadable (regenerate it with Benchmarks/lemma/train-models.sh)"))
        }
        self.path = path
        bytes = [UInt8](data)
        self.keyFields = keyFields
        let (starts, ends, hash) = bytes.withUnsafeBufferPointer { Self.scan($0, keyFields: keyFields) }
        lineStarts = starts
        keyEnds = ends
        contentHash = hash.hex
        try validateOrder()
    }

    /// One pass over the file: its FNV-1a 64, each data line's start (a line that is not empty and does not start
    /// with "#") and the end of its key (before the `keyFields`-th tab, else at the line's end). Why one pass: the
    /// three used to be three byte loops, a tenth of loading the lemmatiser; here the hash's multiply chain sets
    /// the pace and the rest of the work fits beside it.
    static func scan(_ p: UnsafeBufferPointer<UInt8>, keyFields: Int) -> (starts: [Int32], ends: [Int32], hash: FNV64) {
        var starts: [Int32] = [], ends: [Int32] = []
        starts.reserveCapacity(p.count / 16)
        ends.reserveCapacity(p.count / 16)
        var h = FNV64().value
        let n = p.count
        var i = 0
        while i < n {
            let start = i
            let data = p[start] != 0x0A && p[start] != 0x23
            var tabs = 0, keyEnd = -1
            // To the line's end: hash every byte; note the key's end at the keyFields-th tab of a data line.
            while i < n {
                let c = p[i]
                h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
                if c <= 0x0A {
                    if c == 0x0A { break }
                    if c == 0x09 { tabs += 1; if tabs == keyFields && keyEnd < 0 { keyEnd = i } }
                }
                i += 1
            }
            if data {
                starts.append(Int32(start))
                ends.append(Int32(keyEnd >= 0 ? keyEnd : i))
            }
            if i < n { i += 1 }  // the newline (already hashed)
        }
        var hash = FNV64()
        hash.value = h
        return (starts, ends, hash)
    }

    var count: Int { lineStarts.count }

    /// Checks the sort order once, so a hand-edited file fails loudly (with its line) instead of missing keys.
    /// Compares each key with the one before, both known from `keyEnds` (memcmp; no rescan of the lines).
    private func validateOrder() throws {
        guard lineStarts.count > 1 else { return }
        try bytes.withUnsafeBufferPointer { p in
            let base = p.baseAddress!
            for i in 1..<lineStarts.count {
                let a = Int(lineStarts[i - 1]), aEnd = Int(keyEnds[i - 1])
                let b = Int(lineStarts[i]), bEnd = Int(keyEnds[i])
                let la = aEnd - a, lb = bEnd - b
                let c = memcmp(base + a, base + b, min(la, lb))
                if c > 0 || (c == 0 && la >= lb) {
                    throw LexiconError.model(path: path, line: lineNumber(ofOffset: b),
                                             reason: tr("wiersze muszą być posortowane według klucza (jako bajty UTF-8) i bez powtórzeń",
                                                        "lines must be sorted by key (as UTF-8 bytes) without duplicates"))
                }
            }
        }
    }

    private func lineNumber(ofOffset offset: Int) -> Int {
        bytes[0..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// The fields after the key of the line whose key equals `key` (fields joined by tabs), or nil.
    func lookup(_ key: [UInt8]) -> ArraySlice<Substring>? {
        bytes.withUnsafeBufferPointer { p -> ArraySlice<Substring>? in
            guard let r = find(p, key) else { return nil }
            var end = r.upperBound
            while end < p.count && p[end] != 0x0A { end += 1 }
            let restStart = min(r.upperBound + 1, end)
            let line = String(decoding: UnsafeBufferPointer(rebasing: p[restStart..<end]), as: UTF8.self)
            return ArraySlice(line.split(separator: "\t", omittingEmptySubsequences: false))
        }
    }

    /// The first two fields after a key that ends at `keyEnd` (a key found by `KeyHashIndex`) as byte ranges: the
    /// first two of what `lookup` gives, nil when it gives fewer than two (no String, no split).
    func firstTwoFields(afterKeyEnd keyEnd: Int) -> (Range<Int>, Range<Int>)? {
        bytes.withUnsafeBufferPointer { p in
            var end = keyEnd
            while end < p.count && p[end] != 0x0A { end += 1 }
            let restStart = min(keyEnd + 1, end)
            var tab = restStart
            while tab < end && p[tab] != 0x09 { tab += 1 }
            guard tab < end else { return nil }
            var second = tab + 1
            while second < end && p[second] != 0x09 { second += 1 }
            return (restStart..<tab, (tab + 1)..<second)
        }
    }

    /// The bytes `r` of the table as a String.
    func string(_ r: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
    }

    /// The first field after the key parsed as a non-negative integer (no allocation), or nil when the key is
    /// absent or the field is not a number. The hot path of the lemma priors.
    func lookupInt(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { p -> Int? in
            guard let r = find(p, key) else { return nil }
            var i = r.upperBound + 1, value = 0, digits = 0
            while i < p.count, p[i] >= 0x30, p[i] <= 0x39 {
                value = value &* 10 &+ Int(p[i] - 0x30)
                digits += 1
                i += 1
            }
            return digits > 0 ? value : nil
        }
    }

    /// True when a line's key equals `key` (no allocation).
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { find($0, key) != nil }
    }

    private func find(_ p: UnsafeBufferPointer<UInt8>, _ key: [UInt8]) -> Range<Int>? {
        key.withUnsafeBufferPointer { find(p, $0) }
    }

    /// The key range of the line whose key equals `key`.
    private func find(_ p: UnsafeBufferPointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let r = Int(lineStarts[mid])..<Int(keyEnds[mid])
            var c = 0
            let n = min(r.count, key.count)
            var k = 0
            while k < n {
                let x = p[r.lowerBound + k], y = key[k]
                if x != y { c = x < y ? -1 : 1; break }
                k += 1
            }
            if c == 0 { c = r.count == key.count ? 0 : (r.count < key.count ? -1 : 1) }
            if c == 0 { return r }
            if c < 0 { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }
}
