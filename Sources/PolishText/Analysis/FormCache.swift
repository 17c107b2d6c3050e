/// A hash table from a token's written bytes (plus its kind) to an index, without building a String per lookup.
///
/// Why: in running text most tokens repeat; the analyzer's per-token cost is dominated by turning bytes into a
/// String and hashing it. This table hashes the UTF-8 bytes in place (FNV-1a) and compares them with the bytes kept
/// in one arena, so a repeated word costs one hash and one memcmp. Open addressing, linear probing, power-of-two size.
struct FormCache {
    private var arena: [UInt8] = []
    /// Per slot: arena offset, length, kind tag, value; `value == -1` marks an empty slot.
    private var offsets: [Int32]
    private var lengths: [Int32]
    private var kinds: [UInt8]
    private var values: [Int32]
    private var hashes: [UInt32]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        offsets = [Int32](repeating: 0, count: size)
        lengths = [Int32](repeating: 0, count: size)
        kinds = [UInt8](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        hashes = [UInt32](repeating: 0, count: size)
        mask = size - 1
        arena.reserveCapacity(size * 8)
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ kind: UInt8) -> UInt32 {
        var h: UInt32 = 2_166_136_261 ^ UInt32(kind)
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    /// The value stored for `bytes` of `kind`, or nil.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, kind: UInt8, hash h: UInt32) -> Int? {
        var slot = Int(h) & mask
        return arena.withUnsafeBufferPointer { a in
            while true {
                let v = values[slot]
                if v < 0 { return nil }
                if hashes[slot] == h && kinds[slot] == kind && Int(lengths[slot]) == bytes.count {
                    let off = Int(offsets[slot])
                    if bytes.count == 0 || memcmpBytes(a.baseAddress! + off, bytes.baseAddress!, bytes.count) { return Int(v) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, kind: UInt8, hash h: UInt32, value: Int) {
        if (count + 1) * 2 > mask + 1 { grow() }
        let off = arena.count
        arena.append(contentsOf: bytes)
        place(offset: Int32(off), length: Int32(bytes.count), kind: kind, hash: h, value: Int32(value))
        count += 1
    }

    mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        for i in values.indices { values[i] = -1 }
        count = 0
    }

    private mutating func place(offset: Int32, length: Int32, kind: UInt8, hash h: UInt32, value: Int32) {
        var slot = Int(h) & mask
        while values[slot] >= 0 { slot = (slot + 1) & mask }
        offsets[slot] = offset; lengths[slot] = length; kinds[slot] = kind; hashes[slot] = h; values[slot] = value
    }

    private mutating func grow() {
        let old = (offsets, lengths, kinds, hashes, values)
        let size = (mask + 1) * 2
        offsets = [Int32](repeating: 0, count: size)
        lengths = [Int32](repeating: 0, count: size)
        kinds = [UInt8](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        hashes = [UInt32](repeating: 0, count: size)
        mask = size - 1
        for i in old.4.indices where old.4[i] >= 0 {
            place(offset: old.0[i], length: old.1[i], kind: old.2[i], hash: old.3[i], value: old.4[i])
        }
    }
}

@inline(__always)
private func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i + 8 <= n {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
        i += 8
    }
    while i < n { if a[i] != b[i] { return false }; i += 1 }
    return true
}
