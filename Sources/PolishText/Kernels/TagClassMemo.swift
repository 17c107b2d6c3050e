import Foundation

/// The reading classes of a tag node's right language, remembered per node: a bounded open-addressing table
/// from an automaton node to a 64-bit class set, shared by every thread that uses the lemmatiser (under a lock).
///
/// Why: a form's lexicon entries end in long tag strings ("subst:pl:acc:n2+subst:pl:nom:n2+…", 50–100 bytes),
/// and only the part of speech of each "+"-joined alternative decides the lemma. The automaton is minimal, so
/// every lemma with the same tag string shares one tag node: the classes are read from that node's subtree
/// once and then looked up, instead of walking the tag bytes again for every form (15k tag nodes in PoliMorf).
/// Values depend only on the automaton, so what the table holds never changes a result, only its speed.
final class TagClassMemo: @unchecked Sendable {
    private let lock = NSLock()
    /// `node + 1`, 0 marks an empty slot.
    private(set) var keys: [Int32]
    private(set) var values: [UInt64]
    private(set) var count = 0
    private(set) var mask: Int
    /// Entries kept at most; past it, answers are computed each time (a guard against an odd dictionary).
    let limit: Int

    init(capacity: Int = 1 << 12, limit: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [Int32](repeating: 0, count: size)
        values = [UInt64](repeating: 0, count: size)
        mask = size - 1
        self.limit = limit
    }

    @inline(__always)
    static func home(_ node: Int, _ mask: Int) -> Int { Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: node) &* 0x9E37_79B1) & mask }

    /// The class set of `node`, computed by `compute` (outside the lock) the first time.
    @inline(__always)
    func classes(of node: Int, compute: (Int) -> UInt64) -> UInt64 {
        if let v = lookup(node) { return v }
        let v = compute(node)
        insert(node, v)
        return v
    }

    func lookup(_ node: Int) -> UInt64? {
        guard node >= 0, node < Int(Int32.max) else { return nil }
        let key = Int32(node + 1)
        lock.lock()
        defer { lock.unlock() }
        let mask = self.mask
        var s = Self.home(node, mask)
        return keys.withUnsafeBufferPointer { keys in
            while true {
                let k = keys[s]
                if k == key { return values[s] }
                if k == 0 { return nil }
                s = (s + 1) & mask
            }
        }
    }

    func insert(_ node: Int, _ value: UInt64) {
        guard node >= 0, node < Int(Int32.max) else { return }
        lock.lock()
        defer { lock.unlock() }
        guard count < limit else { return }
        if (count + 1) * 2 > mask + 1 { grow() }
        if place(Int32(node + 1), value) { count += 1 }
    }

    /// Stores the pair unless the key is there already (another thread computed it first); true when stored.
    private func place(_ key: Int32, _ value: UInt64) -> Bool {
        var s = Self.home(Int(key) - 1, mask)
        while keys[s] != 0 {
            if keys[s] == key { return false }
            s = (s + 1) & mask
        }
        keys[s] = key
        values[s] = value
        return true
    }

    private func grow() {
        let oldKeys = keys, oldValues = values
        let size = (mask + 1) * 2
        keys = [Int32](repeating: 0, count: size)
        values = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for i in oldKeys.indices where oldKeys[i] != 0 { _ = place(oldKeys[i], oldValues[i]) }
    }

    /// Every stored (node, classes), for the invariant check.
    func entries() -> [(node: Int, classes: UInt64)] {
        lock.lock()
        defer { lock.unlock() }
        return keys.indices.filter { keys[$0] != 0 }.map { (Int(keys[$0]) - 1, values[$0]) }
    }
}

/// A broken invariant of `TagClassMemo`, found by `checkInvariants` (called by the tests).
struct TagClassMemoInvariantViolation: Error, CustomStringConvertible {
    var description: String
}

extension TagClassMemo {
    /// Checks: a power-of-two table at most half full, `count` its occupied slots and at most `limit`; every key
    /// reachable from its home slot without an empty slot between, found by `lookup`, and its value what
    /// `recompute` gives for its node now.
    func checkInvariants(recompute: (Int) -> UInt64) throws {
        func expect(_ c: Bool, _ m: @autoclosure () -> String) throws {
            if !c { throw TagClassMemoInvariantViolation(description: "TagClassMemo: " + m()) }
        }
        let (keys, values, count, mask) = { lock.lock(); defer { lock.unlock() }; return (self.keys, self.values, self.count, self.mask) }()
        try expect(keys.count == mask + 1 && keys.count & mask == 0 && values.count == keys.count,
                   "\(keys.count) keys, \(values.count) values, mask \(mask)")
        try expect(count * 2 <= keys.count && count <= limit, "\(count) entries in \(keys.count) slots (limit \(limit))")
        var occupied = 0
        for (slot, key) in keys.enumerated() where key != 0 {
            occupied += 1
            try expect(key > 0, "slot \(slot): key \(key)")
            let node = Int(key) - 1
            var s = Self.home(node, mask)
            while s != slot {
                try expect(keys[s] != 0, "slot \(slot): empty slot \(s) between it and its home")
                try expect(keys[s] != key, "slot \(slot): node \(node) stored twice")
                s = (s + 1) & mask
            }
            try expect(lookup(node) == values[slot], "slot \(slot): node \(node) not found by lookup")
            try expect(recompute(node) == values[slot], "node \(node): stored classes differ from its subtree's")
        }
        try expect(occupied == count, "count \(count), \(occupied) slots occupied")
    }
}
