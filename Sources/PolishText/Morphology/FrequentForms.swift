import Messages
import Foundation

/// The lemmatiser's answers for the most frequent Polish word forms, computed once and shipped
/// (`Models/forms.table`): a form's first sight is then one hash probe instead of a walk of the automaton.
///
/// Why: a form met for the first time cost ≈ 10k instructions in the lexicon walk, and short texts (titles, a
/// day's postulates) are mostly first sights. `PolishLemmatizer.lemma(of:)` is a function of the form and the
/// lemmatiser's data alone, so its answers for the frequent forms can be stored. The table is made by
/// `Benchmarks/lemma/make-forms-table.sh` (wordfreq's most frequent Polish forms, each run through the live
/// lemmatiser) and records the lemmatiser identifier it was made with; a table made with other data is ignored
/// with a note on stderr, and a damaged one refused with an error naming the file. A miss falls back to the walk.
///
/// Layout (little-endian; all offsets from the file's start):
///
///     0   magic "PLFORMS\0"        8   version (UInt32)      12  entries (UInt32)    16  bucket bits (UInt32)
///     20  pool bytes (UInt32)      24  identifier bytes (UInt32)                     28  reserved (0)
///     32  checksum of every byte from 40 on (UInt64, `checksum(_:)`)
///     40  the lemmatiser identifier (UTF-8), zero-padded to a multiple of 4
///         bucket starts: 2^bits + 1 UInt32 (entry index; the last is the entry count)
///         entries, 12 bytes each: key offset, lemma offset (UInt32, into the pool), key length, lemma length,
///         source (0 lexicon, 1 diacritics, 2 guesser, 3 identity), name readings (`nameFlags`; 0: not stored)
///         pool: the keys' and lemmas' UTF-8 bytes
///
/// A key's bucket is the top `bits` bits of `bucketHash(key)`; a bucket's entries are sorted by key bytes. Read
/// with one bulk read; on load the header, the sizes and the checksum are checked (a damaged file is refused),
/// each lookup checks the few offsets it reads, and `checkInvariants` (the tests, the generator) the rest.
public final class FrequentForms: @unchecked Sendable {
    public static let fileName = "forms.table"
    static let magic: [UInt8] = Array("PLFORMS".utf8) + [0]
    static let version: UInt32 = 1
    static let headerSize = 40
    static let entrySize = 12

    public let path: String
    /// The lemmatiser identifier the table was made with (`PolishLemmatizer.identifier`).
    public let identifier: String
    public let count: Int
    private let base: UnsafeMutableRawPointer
    private let size: Int
    private let bits: Int
    private let bucketsAt: Int
    private let entriesAt: Int
    private let poolAt: Int
    private let poolSize: Int

    deinit { base.deallocate() }

    /// What loading found.
    public enum Loaded {
        case table(FrequentForms)
        /// No file at the path.
        case absent
        /// A sound table made with another lemmatiser (dictionary, priors, guesser or choice rules); the note
        /// says so, naming the file.
        case stale(note: String)
    }

    /// Reads the table at `path` for the lemmatiser `expected` (its identifier).
    /// - Throws: `LexiconError.formTable` naming the file when it is unreadable, truncated or damaged.
    public static func load(path: String, expected: String) throws -> Loaded {
        guard FileManager.default.fileExists(atPath: path) else { return .absent }
        let table = try FrequentForms(path: path)
        guard table.identifier == expected else {
            return .stale(note: tr("\(path): tablica częstych form powstała dla innych danych lematyzatora (\(table.identifier)); "
                                   + "pominięta, formy idą przez słownik. Odtwórz ją: Benchmarks/lemma/make-forms-table.sh",
                                   "\(path): the table of frequent forms was made for other lemmatiser data (\(table.identifier)); "
                                   + "ignored, forms go through the lexicon. Regenerate it: Benchmarks/lemma/make-forms-table.sh"))
        }
        return .table(table)
    }

    /// Reads and checks the file (not its identifier: see `load`).
    public convenience init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw LexiconError.formTable(path: path, reason: tr("nie można otworzyć pliku", "cannot open the file"))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw LexiconError.formTable(path: path, reason: tr("nie można odczytać rozmiaru pliku", "cannot read the file's size"))
        }
        let n = Int(st.st_size)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(n, 1), alignment: 8)
        var got = 0
        while got < n {
            let r = read(fd, buffer + got, n - got)
            if r <= 0 { break }
            got += r
        }
        guard got == n else {
            buffer.deallocate()
            throw LexiconError.formTable(path: path, reason: tr("błąd odczytu", "read error"))
        }
        do { try self.init(path: path, taking: buffer, size: n) } catch { buffer.deallocate(); throw error }
    }

    /// The table in `bytes` (as written by `encode`); for tests and the generator's own check.
    public convenience init(bytes: [UInt8], path: String = "memory") throws {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        do { try self.init(path: path, taking: buffer, size: bytes.count) } catch { buffer.deallocate(); throw error }
    }

    /// Takes ownership of `buffer` only when it succeeds.
    private init(path: String, taking buffer: UnsafeMutableRawPointer, size n: Int) throws {
        func fail(_ pl: String, _ en: String) -> LexiconError { .formTable(path: path, reason: tr(pl, en)) }
        let raw = UnsafeRawBufferPointer(start: buffer, count: n)
        @inline(__always) func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        guard n >= Self.headerSize, Array(raw[0..<8]) == Self.magic else {
            throw fail("to nie jest tablica częstych form (brak nagłówka PLFORMS)", "not a table of frequent forms (no PLFORMS header)")
        }
        guard u32(8) == Int(Self.version) else {
            throw fail("nieobsługiwana wersja \(u32(8)) (czytana jest \(Self.version))", "unsupported version \(u32(8)) (this build reads \(Self.version))")
        }
        let count = u32(12), bits = u32(16), poolSize = u32(20), idLength = u32(24)
        guard bits >= 1, bits <= 30 else { throw fail("złe pole bitów kubełków (\(bits))", "bad bucket bits field (\(bits))") }
        let bucketsAt = Self.headerSize + (idLength + 3) / 4 * 4
        let entriesAt = bucketsAt + 4 * ((1 << bits) + 1)
        let poolAt = entriesAt + Self.entrySize * count
        guard poolAt + poolSize == n else {
            throw fail("plik ma \(n) bajtów, nagłówek zapowiada \(poolAt + poolSize) (ucięty albo uszkodzony)",
                       "the file has \(n) bytes, its header says \(poolAt + poolSize) (truncated or damaged)")
        }
        let stored = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 32, as: UInt64.self))
        guard Self.checksum(UnsafeRawBufferPointer(rebasing: raw[Self.headerSize...])) == stored else {
            throw fail("suma kontrolna się nie zgadza (plik uszkodzony)", "checksum mismatch (the file is damaged)")
        }
        self.path = path
        identifier = String(decoding: raw[Self.headerSize..<(Self.headerSize + idLength)], as: UTF8.self)
        self.count = count
        base = buffer
        size = n
        self.bits = bits
        self.bucketsAt = bucketsAt
        self.entriesAt = entriesAt
        self.poolAt = poolAt
        self.poolSize = poolSize
    }

    static let sources: [LemmaSource] = [.lexicon, .diacriticsRestored, .guesser, .identity]

    /// FNV-1a 32 of the key, spread by a multiply so that its top bits pick the bucket.
    @inline(__always)
    static func bucketHash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in key { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h &* 0x9E37_79B1
    }

    /// The stored lemma of `form`, or nil when the table does not hold it.
    @inline(__always)
    public func lemma(of form: String) -> Lemma? {
        var form = form
        return form.withUTF8 { lemma(utf8: $0) }
    }

    @inline(__always)
    func lemma(utf8 key: UnsafeBufferPointer<UInt8>) -> Lemma? {
        guard let e = entry(key) else { return nil }
        let lemmaOffset = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: e + 4, as: UInt32.self)))
        let lemmaLength = Int(base.load(fromByteOffset: e + 9, as: UInt8.self))
        let source = Int(base.load(fromByteOffset: e + 10, as: UInt8.self))
        let text = String(decoding: UnsafeRawBufferPointer(start: base + poolAt + lemmaOffset, count: lemmaLength)
            .bindMemory(to: UInt8.self), as: UTF8.self)
        return Lemma(text, source: Self.sources[source])
    }

    /// The stored name readings of `form` (what `PolishLemmatizer.nameReadings(of:)` answers), or nil when the
    /// table does not hold the form or holds no name readings for it (a table made before they were stored, or a
    /// form whose proper lemmas it cannot spell: `nameFlags`).
    @inline(__always)
    func nameReadings(utf8 key: UnsafeBufferPointer<UInt8>) -> NameReadings? {
        guard let e = entry(key) else { return nil }
        let flags = base.load(fromByteOffset: e + 11, as: UInt8.self)
        guard flags & Self.namesStored != 0 else { return nil }
        var r = NameReadings(common: flags & Self.namesCommon != 0, commonAdjective: flags & Self.namesCommonAdjective != 0)
        if flags & Self.namesProperIsLemma != 0 {
            let lemmaOffset = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: e + 4, as: UInt32.self)))
            let lemmaLength = Int(base.load(fromByteOffset: e + 9, as: UInt8.self))
            let lemma = UnsafeRawBufferPointer(start: base + poolAt + lemmaOffset, count: lemmaLength).bindMemory(to: UInt8.self)
            guard let proper = Self.capitalised(lemma) else { return nil }
            r.properLemmas = [proper]
        }
        return r
    }

    /// Byte 11 of an entry: `namesStored` when the name readings are stored, then `namesCommon`,
    /// `namesCommonAdjective`, and `namesProperIsLemma` when the one proper lemma is the stored lemma with its first
    /// letter capitalised ("krakowie": kraków → Kraków). Forms with other proper lemmas (several, or spelt
    /// otherwise: "rakowie" → Rak, Raków) are not stored (0) and go through the lexicon walk.
    static let namesStored: UInt8 = 0x80, namesCommon: UInt8 = 0x01, namesCommonAdjective: UInt8 = 0x02,
               namesProperIsLemma: UInt8 = 0x04

    /// The flags byte for a form whose name readings are `r` and whose stored lemma is `lemma` (0: not stored).
    public static func nameFlags(_ r: NameReadings, lemma: String) -> UInt8 {
        guard r.consulted else { return 0 }
        var f = namesStored
        if r.common { f |= namesCommon }
        if r.commonAdjective { f |= namesCommonAdjective }
        switch r.properLemmas.count {
        case 0: break
        case 1:
            var l = lemma
            guard l.withUTF8({ capitalised($0) }) == r.properLemmas[0] else { return 0 }
            f |= namesProperIsLemma
        default: return 0
        }
        return f
    }

    /// `lemma` with its first letter upper case, when that letter is a–z or one of ą ć ę ł ń ó ś ź ż; else nil.
    static func capitalised(_ lemma: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = lemma.first else { return nil }
        if first >= 0x61 && first <= 0x7A {
            return String(unsafeUninitializedCapacity: lemma.count) { out in
                _ = out.initialize(from: lemma)
                out[0] = first - 0x20
                return lemma.count
            }
        }
        guard lemma.count >= 2 else { return nil }
        let second = lemma[1]
        let upper: UInt8
        switch UInt16(first) << 8 | UInt16(second) {
        case 0xC485, 0xC487, 0xC499, 0xC582, 0xC584, 0xC59B, 0xC5BA, 0xC5BC: upper = second - 1  // ą ć ę ł ń ś ź ż
        case 0xC3B3: upper = 0x93  // ó
        default: return nil
        }
        return String(unsafeUninitializedCapacity: lemma.count) { out in
            _ = out.initialize(from: lemma)
            out[1] = upper
            return lemma.count
        }
    }

    /// The name flags of every entry, in file order (for the tests and the generator's check).
    public func forEachNameFlags(_ body: (String, UInt8) -> Void) {
        for i in 0..<count {
            let e = entriesAt + Self.entrySize * i
            body(string(at: u32(e), length: Int(byte(e + 8))), byte(e + 11))
        }
    }

    /// The byte offset of the entry whose key is `key`, or nil. Bounds are checked here rather than for every
    /// entry at load (which cost more than the rest of loading): a damaged bucket or offset reads as a miss.
    @inline(__always)
    private func entry(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard key.count > 0, key.count < 256 else { return nil }
        let bucket = Int(Self.bucketHash(key) >> UInt32(32 - bits))
        let at = bucketsAt + 4 * bucket
        var i = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
        let end = min(Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self))), count)
        let pool = base + poolAt
        while i < end {
            let e = entriesAt + Self.entrySize * i
            if Int(base.load(fromByteOffset: e + 8, as: UInt8.self)) == key.count {
                let keyOffset = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: e, as: UInt32.self)))
                if keyOffset <= poolSize - key.count, memcmp(pool + keyOffset, key.baseAddress!, key.count) == 0 {
                    let lemmaOffset = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: e + 4, as: UInt32.self)))
                    let lemmaLength = Int(base.load(fromByteOffset: e + 9, as: UInt8.self))
                    guard lemmaOffset <= poolSize - lemmaLength, base.load(fromByteOffset: e + 10, as: UInt8.self) < 4 else { return nil }
                    return e
                }
            }
            i += 1
        }
        return nil
    }

    /// Every (key, lemma) in the table, in file order (for the tests and the generator's check).
    public func forEach(_ body: (String, Lemma) -> Void) {
        for i in 0..<count {
            let e = entriesAt + Self.entrySize * i
            body(string(at: u32(e), length: Int(byte(e + 8))),
                 Lemma(string(at: u32(e + 4), length: Int(byte(e + 9))), source: Self.sources[min(Int(byte(e + 10)), 3)]))
        }
    }

    private func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
    private func byte(_ at: Int) -> UInt8 { base.load(fromByteOffset: at, as: UInt8.self) }
    /// The pool's bytes at `offset` as a String ("" when they would lie outside the pool: a damaged table).
    private func string(at offset: Int, length: Int) -> String {
        guard offset + length <= poolSize else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: base + poolAt + offset, count: length).bindMemory(to: UInt8.self), as: UTF8.self)
    }

    /// The file's size in bytes.
    public var fileSize: Int { size }

    /// Checks what `init` leaves to the lookups (bucket starts, offsets inside the pool) and what a correct table has
    /// besides: each key in its own bucket,
    /// keys sorted by bytes within a bucket (so unique), keys and lemmas valid UTF-8, every key found by lookup.
    public func checkInvariants() throws {
        func fail(_ m: String) -> LexiconError { .formTable(path: path, reason: m) }
        // Bucket starts rise from 0 to the entry count; every key and lemma lies inside the pool.
        var previous = 0
        for b in 0...(1 << bits) {
            let s = u32(bucketsAt + 4 * b)
            guard s >= previous, s <= count, b > 0 || s == 0 else { throw fail("bucket \(b): bad start \(s)") }
            previous = s
        }
        guard previous == count else { throw fail("buckets end at \(previous), entries are \(count)") }
        for i in 0..<count {
            let e = entriesAt + Self.entrySize * i
            guard u32(e) + Int(byte(e + 8)) <= poolSize, u32(e + 4) + Int(byte(e + 9)) <= poolSize, byte(e + 10) < 4 else {
                throw fail("entry \(i) points outside the pool or has a bad source")
            }
            let flags = byte(e + 11)
            let known = Self.namesStored | Self.namesCommon | Self.namesCommonAdjective | Self.namesProperIsLemma
            guard flags & ~known == 0, flags == 0 || flags & Self.namesStored != 0 else {
                throw fail("entry \(i): bad name flags \(flags)")
            }
            if flags & Self.namesProperIsLemma != 0 {
                let lemma = UnsafeRawBufferPointer(start: base + poolAt + u32(e + 4), count: Int(byte(e + 9))).bindMemory(to: UInt8.self)
                guard Self.capitalised(lemma) != nil else { throw fail("entry \(i): a proper lemma that cannot be spelt") }
            }
        }
        for b in 0..<(1 << bits) {
            let start = u32(bucketsAt + 4 * b), end = u32(bucketsAt + 4 * b + 4)
            var previous: [UInt8]? = nil
            for i in start..<end {
                let e = entriesAt + Self.entrySize * i
                let key = Array(UnsafeRawBufferPointer(start: base + poolAt + u32(e), count: Int(byte(e + 8))))
                guard !key.isEmpty else { throw fail("entry \(i): empty key") }
                let home = key.withUnsafeBufferPointer { Int(Self.bucketHash($0) >> UInt32(32 - bits)) }
                guard home == b else { throw fail("entry \(i): key in bucket \(b), its hash says \(home)") }
                if let previous { guard previous.lexicographicallyPrecedes(key) else { throw fail("entry \(i): keys of bucket \(b) not sorted or repeated") } }
                previous = key
                guard String(validating: key, as: UTF8.self) != nil,
                      String(validating: Array(UnsafeRawBufferPointer(start: base + poolAt + u32(e + 4), count: Int(byte(e + 9)))), as: UTF8.self) != nil
                else { throw fail("entry \(i): not UTF-8") }
                guard key.withUnsafeBufferPointer({ entry($0) }) == e else { throw fail("entry \(i): not found by lookup") }
            }
        }
    }

    /// A checksum of whole 8-byte words (and the tail), cheap enough to run on every load.
    static func checksum(_ p: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(p.count)
        var i = 0
        while i + 8 <= p.count {
            h = (h ^ UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        while i < p.count { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3; i += 1 }
        return h
    }

    /// The file's bytes for `entries` (key → the lemmatiser's answer), made with the lemmatiser `identifier`.
    /// Keys must be non-empty, distinct and at most 255 bytes, lemmas at most 255 bytes (the generator skips
    /// others). Deterministic: the same entries in any order give the same bytes.
    /// `names`: each entry's name flags (`nameFlags`), or empty for none stored.
    public static func encode(_ entries: [(key: String, lemma: Lemma)], names: [UInt8] = [], identifier: String) -> [UInt8] {
        precondition(names.isEmpty || names.count == entries.count, "FrequentForms.encode: one name flags byte per entry")
        let count = entries.count
        var bits = 1
        while (1 << bits) < count { bits += 1 }
        let keys = entries.map { Array($0.key.utf8) }
        let hashes = keys.map { k in k.withUnsafeBufferPointer { Int(bucketHash($0) >> UInt32(32 - bits)) } }
        let order = (0..<count).sorted { a, b in
            hashes[a] != hashes[b] ? hashes[a] < hashes[b] : keys[a].lexicographicallyPrecedes(keys[b])
        }
        // Pool: every key, then each lemma that is not a key's bytes (lemmas equal to a key share its bytes).
        var pool: [UInt8] = []
        var keyOffset = [Int](repeating: 0, count: count)
        var offsetOf: [[UInt8]: Int] = [:]
        for i in order {
            keyOffset[i] = pool.count
            if offsetOf[keys[i]] == nil { offsetOf[keys[i]] = pool.count }
            pool += keys[i]
        }
        var lemmaOffset = [Int](repeating: 0, count: count)
        for i in order {
            let l = Array(entries[i].lemma.text.utf8)
            if let o = offsetOf[l] { lemmaOffset[i] = o } else { offsetOf[l] = pool.count; lemmaOffset[i] = pool.count; pool += l }
        }
        var out: [UInt8] = []
        func put32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out += $0 } }
        let id = Array(identifier.utf8)
        out += magic
        put32(Int(version)); put32(count); put32(bits); put32(pool.count); put32(id.count); put32(0)
        out += [UInt8](repeating: 0, count: 8)  // checksum, filled below
        out += id
        while out.count % 4 != 0 { out.append(0) }
        var b = 0
        for (position, i) in order.enumerated() {
            while b <= hashes[i] { put32(position); b += 1 }
        }
        while b <= (1 << bits) { put32(count); b += 1 }
        for i in order {
            put32(keyOffset[i]); put32(lemmaOffset[i])
            let source: UInt8
            switch entries[i].lemma.source {
            case .lexicon: source = 0
            case .diacriticsRestored: source = 1
            case .guesser: source = 2
            case .identity: source = 3
            }
            out += [UInt8(keys[i].count), UInt8(entries[i].lemma.text.utf8.count), source, names.isEmpty ? 0 : names[i]]
        }
        out += pool
        let sum = out.withUnsafeBytes { checksum(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        withUnsafeBytes(of: sum.littleEndian) { for k in 0..<8 { out[32 + k] = $0[k] } }
        return out
    }
}
