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
        var starts: [Int32] = []
        starts.reserveCapacity(bytes.count / 16)
        var h = FNV64()
        bytes.withUnsafeBufferPointer { p in
            h.add(p)
            var i = 0
            let n = p.count
            while i < n {
                let start = i
                while i < n && p[i] != 0x0A { i += 1 }
                if i > start && p[start] != 0x23 { starts.append(Int32(start)) }
                i += 1
            }
        }
        lineStarts = starts
        var ends: [Int32] = []
        ends.reserveCapacity(starts.count)
        bytes.withUnsafeBufferPointer { p in
            for start in starts {
                var i = Int(start), tabs = 0
                while i < p.count && p[i] != 0x0A {
                    if p[i] == 0x09 { tabs += 1; if tabs == keyFields { break } }
                    i += 1
                }
                ends.append(Int32(i))
            }
        }
        keyEnds = ends
        contentHash = h.hex
        try validateOrder()
    }

    var count: Int { lineStarts.count }

    /// Checks the sort order once, so a hand-edited file fails loudly (with its line) instead of missing keys.
    private func validateOrder() throws {
        guard lineStarts.count > 1 else { return }
        try bytes.withUnsafeBufferPointer { p in
            var prev = keyRange(p, Int(lineStarts[0]))
            for i in 1..<lineStarts.count {
                let cur = keyRange(p, Int(lineStarts[i]))
                if compare(p, prev, cur) >= 0 {
                    throw LexiconError.model(path: path, line: lineNumber(ofOffset: Int(lineStarts[i])),
                                             reason: tr("wiersze muszą być posortowane według klucza (jako bajty UTF-8) i bez powtórzeń",
                                                        "lines must be sorted by key (as UTF-8 bytes) without duplicates"))
                }
                prev = cur
            }
        }
    }

    private func lineNumber(ofOffset offset: Int) -> Int {
        bytes[0..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    @inline(__always) private func keyRange(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Range<Int> {
        var i = start, tabs = 0
        while i < p.count && p[i] != 0x0A {
            if p[i] == 0x09 { tabs += 1; if tabs == keyFields { break } }
            i += 1
        }
        return start..<i
    }

    @inline(__always) private func compare(_ p: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int {
        let n = min(a.count, b.count)
        for k in 0..<n {
            let x = p[a.lowerBound + k], y = p[b.lowerBound + k]
            if x != y { return x < y ? -1 : 1 }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
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
