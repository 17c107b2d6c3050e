/// (Why here and not beside Themes' byte-keyed tables in `Sources/Themes/Kernels/`: PolishText sits below Themes,
/// so the cache could join them only in a target of its own under both, whose calls across the module boundary
/// would no longer be inlined on the analyzer's per-token path; its invariants are checked the same way,
/// `FormCache+Invariants.swift`.)
///
/// A hash table from a token's written bytes (plus its kind) to an index, without building a String per lookup.
///
/// Why: in running text most tokens repeat; the analyzer's per-token cost is dominated by turning bytes into a
/// String and hashing it. This table hashes the UTF-8 bytes in place (FNV-1a) and compares them with the bytes kept
/// in one arena, so a repeated word costs one hash and one memcmp. Open addressing, linear probing, power-of-two size.
struct FormCache {
    var arena: [UInt8] = []
    /// One slot: everything a probe compares, in 16 bytes (four slots to a cache line; the five parallel arrays this
    /// replaced cost a cache miss each on a probe). `value == -1` marks an empty slot.
    struct Slot {
        var offset: Int32
        var length: Int32
        var hash: UInt32
        /// The value (index), or −1 for an empty slot.
        var value: Int32
    }
    var slots: [Slot]
    /// Per slot, the kind tag (compared only when hash and length match, so it may live apart).
    var kinds: [UInt8]
    private(set) var count = 0
    var mask: Int

    init(capacity: Int = 1 << 14) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(offset: 0, length: 0, hash: 0, value: -1), count: size)
        kinds = [UInt8](repeating: 0, count: size)
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
            slots.withUnsafeBufferPointer { s in
                while true {
                    let e = s[slot]
                    if e.value < 0 { return nil }
                    if e.hash == h && Int(e.length) == bytes.count && kinds[slot] == kind {
                        if bytes.count == 0 || memcmpBytes(a.baseAddress! + Int(e.offset), bytes.baseAddress!, bytes.count) {
                            return Int(e.value)
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, kind: UInt8, hash h: UInt32, value: Int) {
        if (count + 1) * 2 > mask + 1 { grow() }
        let off = arena.count
        arena.append(contentsOf: bytes)
        place(Slot(offset: Int32(off), length: Int32(bytes.count), hash: h, value: Int32(value)), kind: kind)
        count += 1
    }

    mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i].value = -1 }
        count = 0
    }

    private mutating func place(_ e: Slot, kind: UInt8) {
        var slot = Int(e.hash) & mask
        while slots[slot].value >= 0 { slot = (slot + 1) & mask }
        slots[slot] = e
        kinds[slot] = kind
    }

    private mutating func grow() {
        let old = slots, oldKinds = kinds
        let size = (mask + 1) * 2
        slots = [Slot](repeating: Slot(offset: 0, length: 0, hash: 0, value: -1), count: size)
        kinds = [UInt8](repeating: 0, count: size)
        mask = size - 1
        for i in old.indices where old[i].value >= 0 { place(old[i], kind: oldKinds[i]) }
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
