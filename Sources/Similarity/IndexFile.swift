import Corpus
import Foundation
import PolishText

/// The index file, format version 2 (documented in docs/similarity.md). Little-endian, 8-byte aligned sections:
///
///     magic "PSIMIDX\0" · u32 version · u32 header length H · H bytes of JSON header · pad
///     vocabulary:  u64 offsets[V+1] · UTF-8 bytes · pad
///     postulates:  i32 year[N] (INT32_MIN = none) · pad · u64 offsets[7N+1] · UTF-8 bytes · pad
///                  (fields per postulate: id, meeting, organisation, text, response, respondent, and the
///                  record's extra fields as one compact JSON object, "" when it has none)
///     vectors:     u64 start[N+1] · u32 term[P] · pad · f32 count[P] · pad
///     u64 checksum of every byte before it
///
/// Only primary data is stored, a `SimilarityIndex.Storage` (weighted term counts, no postings): the file is read
/// into one (`storage(_:path:expected:)`) and written from one (`bytes(_:)`), and the index is built from it, so
/// "add then save" and "rebuild then save" are one code path. The whole file is read at once; the checksum turns a
/// truncated or damaged file into a clear error instead of nonsense; what `Storage` refuses is reported as damage.
enum IndexFile {
    static let magic: [UInt8] = Array("PSIMIDX\0".utf8)
    static let version: UInt32 = 2
    /// Strings stored per postulate.
    static let fieldsPerPostulate = 7

    struct Header: Codable {
        var format: String
        var analyzer: AnalyzerConfiguration
        var analyzerHash: String
        var settings: SimilarityIndexSettings
        var postulates: Int
        var terms: Int
        var entries: Int
    }

    static func checksum(_ b: UnsafeRawBufferPointer) -> UInt64 { IndexChecksum.of(b) }
}

/// The checksum that closes an index file: a word-at-a-time FNV-1a variant, cheap enough for hundreds of megabytes,
/// enough to catch damage. Public so the fuzz harness can re-seal a mutated file and reach the parser behind the
/// check, with the same function rather than a copy.
public enum IndexChecksum {
    public static func of(_ b: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let words = b.count / 8
        for i in 0..<words { h = (h ^ b.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x0000_0100_0000_01B3 }
        for i in (words * 8)..<b.count { h = (h ^ UInt64(b[i])) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

/// Writes the file's little-endian values in order, in chunks, summing the checksum as it goes: the file is
/// streamed to its destination (`emit`) rather than built whole in memory first (221 MB for a million titles).
struct ByteSink {
    private var chunk: [UInt8] = []
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    /// Bytes written so far (for padding).
    private(set) var count = 0
    private let capacity: Int
    private let emit: ([UInt8]) throws -> Void

    init(capacity: Int = 1 << 20, emit: @escaping ([UInt8]) throws -> Void) {
        self.capacity = max(8, capacity)  // more than what `flush` keeps back, so every append makes room
        self.emit = emit
        chunk.reserveCapacity(capacity)
    }

    mutating func append<T: FixedWidthInteger>(_ v: T) throws {
        try withUnsafeBytes(of: v.littleEndian) { try append(raw: $0) }
    }
    mutating func append(_ f: Float) throws { try append(f.bitPattern) }
    /// Appends every element, in bulk when the host is little-endian (as the file).
    mutating func append<T: FixedWidthInteger>(contentsOf a: [T]) throws {
        if 1.littleEndian == 1 { try a.withUnsafeBytes { try append(raw: $0) } } else { for v in a { try append(v) } }
    }
    mutating func append(contentsOf a: [Float]) throws {
        if 1.littleEndian == 1 { try a.withUnsafeBytes { try append(raw: $0) } } else { for f in a { try append(f) } }
    }
    mutating func append(raw b: UnsafeRawBufferPointer) throws {
        var from = 0
        while from < b.count {
            let n = min(b.count - from, capacity - chunk.count)
            chunk.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[from..<(from + n)]))
            from += n
            count += n
            if chunk.count >= capacity { try flush() }
        }
    }
    mutating func append(utf8 s: String) throws {
        var s = s
        try s.withUTF8 { try append(raw: UnsafeRawBufferPointer($0)) }
    }
    mutating func pad() throws { while count % 8 != 0 { try append(UInt8(0)) } }

    /// Hands on the whole 8-byte words of the chunk (the checksum is summed a word at a time), keeping the rest.
    private mutating func flush() throws {
        let whole = chunk.count & ~7
        chunk.withUnsafeBytes { b in
            var h = hash
            for i in 0..<(whole / 8) { h = (h ^ b.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x0000_0100_0000_01B3 }
            hash = h
        }
        if whole == chunk.count {
            try emit(chunk)
            chunk.removeAll(keepingCapacity: true)
        } else {
            try emit(Array(chunk[0..<whole]))
            chunk.removeFirst(whole)
        }
    }

    /// Writes the checksum of every byte so far (`IndexChecksum.of`) and hands on the rest.
    mutating func finish() throws {
        try flush()
        for byte in chunk { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let sum = hash
        withUnsafeBytes(of: sum.littleEndian) { chunk.append(contentsOf: $0) }
        count += 8
        try emit(chunk)
        chunk = []
    }
}

/// Reads sections back with bounds checks; any overrun is reported as corruption.
struct ByteCursor {
    let base: UnsafeRawBufferPointer
    let path: String
    var offset = 0

    func corrupted(_ why: String) -> SimilarityError { .corrupted(path: path, reason: why) }

    mutating func read<T: FixedWidthInteger>(_: T.Type, _ what: String) throws -> T {
        guard offset + MemoryLayout<T>.size <= base.count else { throw corrupted("truncated in \(what)") }
        let v = T(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: T.self))
        offset += MemoryLayout<T>.size
        return v
    }
    mutating func array<T: FixedWidthInteger>(_: T.Type, count: Int, _ what: String) throws -> [T] {
        // Compared by division: a count read from the file may be large enough to overflow `count * size`.
        guard count >= 0, count <= (base.count - offset) / MemoryLayout<T>.size else { throw corrupted("truncated in \(what)") }
        let size = count * MemoryLayout<T>.size
        var out = [T](repeating: 0, count: count)
        out.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: base[offset..<(offset + size)])) }
        if T.self != UInt8.self && 1.littleEndian != 1 { out = out.map { T(littleEndian: $0) } }
        offset += size
        return out
    }
    mutating func bytes(_ count: Int, _ what: String) throws -> UnsafeRawBufferPointer {
        guard count >= 0, count <= base.count - offset else { throw corrupted("truncated in \(what)") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: base[offset..<(offset + count)])
    }
    mutating func pad() { offset = (offset + 7) & ~7 }
    mutating func strings(count: Int, _ what: String) throws -> [String] {
        let offsets = try array(UInt64.self, count: count + 1, "\(what) offsets")
        // Offsets are checked as read (UInt64) before they become Ints: one past Int.max must not trap.
        guard let total = offsets.last, offsets.first == 0, total <= UInt64(base.count) else {
            throw corrupted("bad \(what) offsets")
        }
        let blob = try bytes(Int(total), what)
        var out: [String] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            guard offsets[i] <= offsets[i + 1], offsets[i + 1] <= UInt64(blob.count) else { throw corrupted("bad \(what) offsets") }
            let a = Int(offsets[i]), b = Int(offsets[i + 1])
            out.append(String(decoding: UnsafeRawBufferPointer(rebasing: blob[a..<b]), as: UTF8.self))
        }
        pad()
        return out
    }
}

extension IndexFile {
    /// The file's bytes for `storage`.
    /// `chunk`: bytes handed on at a time (the tests make it small and odd).
    static func bytes(_ storage: SimilarityIndex.Storage, chunk: Int = 1 << 20) -> [UInt8] {
        var out: [UInt8] = []
        var sink = ByteSink(capacity: chunk) { out.append(contentsOf: $0) }
        // Appending to an array cannot fail.
        try? write(storage, to: &sink)
        return out
    }

    /// Streams the file of `storage` into `sink`, checksum included.
    static func write(_ storage: SimilarityIndex.Storage, to b: inout ByteSink) throws {
        let n = storage.postulates.count
        let header = Header(format: "postulaty-similarity-index", analyzer: storage.analyzer,
                            analyzerHash: storage.analyzer.hash, settings: storage.settings,
                            postulates: n, terms: storage.terms.count, entries: storage.vectorTerms.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = Array((try? encoder.encode(header)) ?? Data())

        try b.append(contentsOf: magic)
        try b.append(version)
        try b.append(UInt32(json.count))
        try b.append(contentsOf: json)
        try b.pad()
        try appendStrings(storage.terms.count, 1, { i, _ in storage.terms[i] }, to: &b)
        var years = [Int32]()
        years.reserveCapacity(n)
        for p in storage.postulates { years.append(p.year.map { Int32(clamping: $0) } ?? SimilarityIndex.noYear) }
        try b.append(contentsOf: years)
        years = []
        try b.pad()
        // The extra fields as JSON once (most records have none); the other fields are the records' own strings.
        var extras: [Int: String] = [:]
        for (i, d) in storage.postulates.enumerated() where !d.extra.isEmpty { extras[i] = JSONValue.object(d.extra).jsonText }
        let ps = storage.postulates
        try appendStrings(n, fieldsPerPostulate, { i, field in
            switch field {
            case 0: return ps[i].id
            case 1: return ps[i].meeting
            case 2: return ps[i].organisation
            case 3: return ps[i].text
            case 4: return ps[i].response
            case 5: return ps[i].respondent
            default: return extras.isEmpty ? "" : extras[i] ?? ""
            }
        }, to: &b)
        try b.append(contentsOf: storage.vectorStart.map { UInt64($0) })
        try b.append(contentsOf: storage.vectorTerms)
        try b.pad()
        try b.append(contentsOf: storage.vectorCounts)
        try b.pad()
        try b.finish()
    }

    /// `count × fields` strings (`string(i, field)`, fields of one item together): u64 offsets (from 0), then
    /// their UTF-8 bytes, then padding. Offsets go out a block at a time.
    private static func appendStrings(_ count: Int, _ fields: Int, _ string: (Int, Int) -> String,
                                      to b: inout ByteSink) throws {
        var offsets: [UInt64] = [0]
        offsets.reserveCapacity(1 << 13)
        var offset: UInt64 = 0
        for i in 0..<count {
            for f in 0..<fields {
                offset += UInt64(string(i, f).utf8.count)
                offsets.append(offset)
            }
            if offsets.count >= 1 << 13 {
                try b.append(contentsOf: offsets)
                offsets.removeAll(keepingCapacity: true)
            }
        }
        try b.append(contentsOf: offsets)
        for i in 0..<count {
            for f in 0..<fields {
                let s = string(i, f)
                if !s.isEmpty { try b.append(utf8: s) }
            }
        }
        try b.pad()
    }

    /// Reads a file's bytes into a `Storage`, refusing a file that is not an index, of another version, damaged
    /// (checksum, truncation, offsets, counts: `SimilarityError.corrupted`, as `Storage` reports what it refuses)
    /// or built with another analyzer configuration than `expected` (checked before the data is read).
    static func storage(_ raw: UnsafeRawBufferPointer, path: String, expected: AnalyzerConfiguration) throws -> SimilarityIndex.Storage {
        guard raw.count >= 16, Array(raw[0..<8]) == magic else { throw SimilarityError.notAnIndex(path: path) }
        var c = ByteCursor(base: raw, path: path, offset: 8)
        let version = try c.read(UInt32.self, "version")
        guard version == Self.version else {
            throw SimilarityError.unsupportedVersion(path: path, found: version, supported: Self.version)
        }
        guard raw.count >= 24 else { throw c.corrupted("truncated") }
        let stored = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
        guard checksum(UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 8)])) == stored else {
            throw c.corrupted(tr("suma kontrolna (checksum) się nie zgadza: plik jest urwany lub uszkodzony",
                                 "checksum mismatch (the file is truncated or damaged)"))
        }
        let body = UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 8)])
        c = ByteCursor(base: body, path: path, offset: 12)
        let headerLength = Int(try c.read(UInt32.self, "header length"))
        let json = try c.bytes(headerLength, "header")
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: Data(json)) } catch {
            throw c.corrupted("unreadable header")
        }
        c.pad()
        let differences = expected.differences(from: header.analyzer)
        if !differences.isEmpty || expected.hash != header.analyzerHash {
            throw SimilarityError.analyzerMismatch(
                path: path, differences: differences.isEmpty ? ["configuration hash differs"]
                    : differences.map { "\($0) (this tool vs the index)" })
        }
        let n = header.postulates, v = header.terms, p = header.entries
        guard n >= 0, v >= 0, p >= 0 else { throw c.corrupted("negative counts in header") }
        // Each counted item takes at least a byte of the file: larger counts are damage (and `7 * n`, `n + 1`
        // below must not overflow).
        guard n <= raw.count, v <= raw.count, p <= raw.count else {
            throw c.corrupted(tr("liczby w nagłówku przekraczają rozmiar pliku", "counts in header exceed the file's size"))
        }
        let terms = try c.strings(count: v, "vocabulary")
        let years = try c.array(Int32.self, count: n, "years")
        c.pad()
        let fields = try c.strings(count: Self.fieldsPerPostulate * n, "postulates")
        let start = try c.array(UInt64.self, count: n + 1, "vector offsets")
        let termIDs = try c.array(UInt32.self, count: p, "vector terms")
        c.pad()
        let countBits = try c.array(UInt32.self, count: p, "vector counts")
        // Offsets become Ints only when they fit; larger ones are damage (`Storage` checks the rest).
        var vectorStart: [Int] = []
        vectorStart.reserveCapacity(n + 1)
        for o in start {
            guard o <= UInt64(p) else { throw c.corrupted("bad vector offsets") }
            vectorStart.append(Int(o))
        }
        var postulates: [IndexedPostulate] = []
        postulates.reserveCapacity(n)
        for i in 0..<n {
            let b = Self.fieldsPerPostulate * i
            var extra: [(String, JSONValue)] = []
            if !fields[b + 6].isEmpty {
                guard let object = try? JSONValue.parse(fields[b + 6]).objectValue else {
                    throw c.corrupted("extra fields of postulate \(i + 1) are not a JSON object")
                }
                extra = object
            }
            postulates.append(IndexedPostulate(id: fields[b], year: years[i] == SimilarityIndex.noYear ? nil : Int(years[i]),
                                               meeting: fields[b + 1], organisation: fields[b + 2], text: fields[b + 3],
                                               response: fields[b + 4], respondent: fields[b + 5], extra: extra))
        }
        do {
            return try SimilarityIndex.Storage(analyzer: header.analyzer, settings: header.settings, terms: terms,
                                               postulates: postulates, vectorStart: vectorStart, vectorTerms: termIDs,
                                               vectorCounts: countBits.map { Float(bitPattern: $0) })
        } catch {
            throw c.corrupted(error.reason)
        }
    }
}

extension SimilarityIndex {
    /// The file's bytes: live postulates in insertion order, terms in use only (ids renumbered, order kept).
    public func serialized() -> [UInt8] { IndexFile.bytes(storage) }

    /// Writes the index to `path` (temporary file, then rename).
    public func save(to path: String) throws {
        do {
            let storage = self.storage
            try AtomicFile.write(to: path) { w in
                var sink = ByteSink { try w.write($0) }
                try IndexFile.write(storage, to: &sink)
            }
        } catch let e as CorpusError {
            throw SimilarityError.io(path: path, reason: e.message)
        }
    }

    /// Loads an index written by `save`, refusing a damaged file or one built with another analyzer configuration.
    public static func load(path: String, analyzer: any TextAnalyzing) throws -> SimilarityIndex {
        // Only a regular file is read: a folder, FIFO or device is refused with what it is (`WholeFile`).
        let data: [UInt8]
        do { data = try WholeFile.read(path: path) } catch {
            throw SimilarityError.io(path: path, reason: tr("nie można odczytać pliku indeksu: \(error.message); ",
                                                            "cannot read the index file: \(error.message); ")
                                     + tr("zbuduj go poleceniem `postulaty index build`", "build it with `postulaty index build`"))
        }
        guard !data.isEmpty else {
            throw SimilarityError.corrupted(path: path, reason: tr("plik jest pusty (0 bajtów)", "the file is empty (0 bytes)"))
        }
        return try data.withUnsafeBytes { try load(bytes: $0, path: path, analyzer: analyzer) }
    }

    public static func load(bytes raw: UnsafeRawBufferPointer, path: String, analyzer: any TextAnalyzing) throws -> SimilarityIndex {
        SimilarityIndex(analyzer: analyzer, storage: try IndexFile.storage(raw, path: path, expected: analyzer.configuration))
    }
}
