/// A set of ASCII strings by their bytes (FNV-1a 64, open addressing, linear probing), remembering for each the
/// position it was added at: what `CorpusLoad.requireIDs` asks of every record's id.
///
/// Why: a `[String: Origin]` hashes each id with SipHash and copies an origin per record (≈ 2.4k instructions a
/// record on the 22k titles). Only ASCII keys are taken: two Swift Strings are equal when canonically equivalent
/// (U+212A KELVIN SIGN equals "K"), which byte comparison would not see; among ASCII strings equality is the bytes.
struct ASCIIKeySet {
    private var slots: [Int32]
    private var hashes: [UInt64]
    /// The keys' bytes one after another; key k is `arena[starts[k]..<starts[k + 1]]`.
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
        starts.reserveCapacity(capacity + 1)
        arena.reserveCapacity(capacity * 16)
    }

    var count: Int { starts.count - 1 }

    @inline(__always)
    private func key(_ k: Int, equals b: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = starts[k], to = starts[k + 1]
        guard to - from == b.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            for x in 0..<b.count where a[from + x] != b[x] { return false }
            return true
        }
    }

    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in b { h = (h ^ UInt64(x)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// Adds `key` (ASCII bytes); returns the position the same key was added at before, or nil when it is new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        if (count + 1) * 2 > slots.count { grow() }
        let h = Self.hash(key)
        var s = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let e = Int(slots[s])
            if e < 0 { break }
            if hashes[s] == h && self.key(e, equals: key) { return e }
            s = (s + 1) & mask
        }
        slots[s] = Int32(count)
        hashes[s] = h
        arena.append(contentsOf: key)
        starts.append(arena.count)
        return nil
    }

    /// Twice the slots, every key placed again (at most half the slots are ever in use).
    private mutating func grow() {
        let size = slots.count * 2
        var newSlots = [Int32](repeating: -1, count: size), newHashes = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        for (s, e) in slots.enumerated() where e >= 0 {
            var t = Int(truncatingIfNeeded: (hashes[s] &* 0x9E37_79B9_7F4A_7C15) >> 32) & newMask
            while newSlots[t] >= 0 { t = (t + 1) & newMask }
            newSlots[t] = e
            newHashes[t] = hashes[s]
        }
        slots = newSlots
        hashes = newHashes
        mask = newMask
    }

    /// Every key is in the slot its probe sequence reaches first, once, with its hash.
    func checkInvariants() throws {
        var found = [Bool](repeating: false, count: count)
        for (s, e) in slots.enumerated() where e >= 0 {
            let k = Array(arena[starts[Int(e)]..<starts[Int(e) + 1]])
            let h = k.withUnsafeBufferPointer { Self.hash($0) }
            guard hashes[s] == h, !found[Int(e)] else { throw InvariantError("slot \(s): wrong hash or key stored twice") }
            found[Int(e)] = true
            var t = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while t != s {
                guard slots[t] >= 0 else { throw InvariantError("slot \(s): an empty slot before it on its probe sequence") }
                t = (t + 1) & mask
            }
        }
        guard found.allSatisfy({ $0 }) else { throw InvariantError("a key without a slot") }
    }

    struct InvariantError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
