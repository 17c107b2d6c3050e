import Corpus
import Foundation
import PolishText

/// The index file, format version 1 (documented in docs/similarity.md). Little-endian, 8-byte aligned sections:
///
///     magic "PSIMIDX\0" · u32 version · u32 header length H · H bytes of JSON header · pad
///     vocabulary:  u64 offsets[V+1] · UTF-8 bytes · pad
///     postulates:  i32 year[N] (INT32_MIN = none) · pad · u64 offsets[6N+1] · UTF-8 bytes · pad
///                  (fields per postulate: id, meeting, organisation, text, response, respondent)
///     vectors:     u64 start[N+1] · u32 term[P] · pad · f32 count[P] · pad
///     u64 checksum of every byte before it
///
/// Only primary data is stored (weighted term counts); postings, idf and norms are rebuilt on load in one pass,
/// which keeps the file small and the "add then save" and "rebuild then save" paths one code path. The whole
/// file is read at once; the checksum turns a truncated or damaged file into a clear error instead of nonsense.
enum IndexFile {
    static let magic: [UInt8] = Array("PSIMIDX\0".utf8)
    static let version: UInt32 = 1

    struct Header: Codable {
        var format: String
        var analyzer: AnalyzerConfiguration
        var analyzerHash: String
        var settings: SimilarityIndexSettings
        var postulates: Int
        var terms: Int
        var entries: Int
    }

    /// A word-at-a-time FNV-1a variant: cheap enough for hundreds of megabytes, enough to catch damage.
    static func checksum(_ b: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let words = b.count / 8
        for i in 0..<words { h = (h ^ b.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x0000_0100_0000_01B3 }
        for i in (words * 8)..<b.count { h = (h ^ UInt64(b[i])) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

/// Appends little-endian values to a byte buffer.
struct ByteBuffer {
    var bytes: [UInt8] = []
    mutating func append<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }
    mutating func append(_ f: Float) { append(f.bitPattern) }
    mutating func pad() { while bytes.count % 8 != 0 { bytes.append(0) } }
    mutating func appendStrings(_ strings: [String]) {
        var offset: UInt64 = 0
        append(offset)
        for s in strings { offset += UInt64(s.utf8.count); append(offset) }
        for s in strings { bytes.append(contentsOf: s.utf8) }
        pad()
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

extension SimilarityIndex {
    /// The file's bytes: live postulates in insertion order, terms in use only (ids renumbered, order kept).
    public func serialized() -> [UInt8] {
        var used = [Int32](repeating: -1, count: vocabulary.count)
        var terms: [String] = []
        for t in 0..<vocabulary.count where df[t] > 0 { used[t] = Int32(terms.count); terms.append(vocabulary.terms[t]) }
        let slots = docs.indices.filter { alive[$0] }
        let entries = slots.reduce(0) { $0 + docStart[$1 + 1] - docStart[$1] }
        let header = IndexFile.Header(format: "postulaty-similarity-index", analyzer: analyzer.configuration,
                                      analyzerHash: analyzer.configuration.hash, settings: settings,
                                      postulates: slots.count, terms: terms.count, entries: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = Array((try? encoder.encode(header)) ?? Data())

        var b = ByteBuffer()
        b.bytes.append(contentsOf: IndexFile.magic)
        b.append(IndexFile.version)
        b.append(UInt32(json.count))
        b.bytes.append(contentsOf: json)
        b.pad()
        b.appendStrings(terms)
        for s in slots { b.append(years[s]) }
        b.pad()
        var fields: [String] = []
        fields.reserveCapacity(slots.count * 6)
        for s in slots {
            let d = docs[s]
            fields += [d.id, d.meeting, d.organisation, d.text, d.response, d.respondent]
        }
        b.appendStrings(fields)
        var start: UInt64 = 0
        b.append(start)
        for s in slots { start += UInt64(docStart[s + 1] - docStart[s]); b.append(start) }
        for s in slots { for k in docStart[s]..<docStart[s + 1] { b.append(UInt32(used[Int(docTerms[k])])) } }
        b.pad()
        for s in slots { for k in docStart[s]..<docStart[s + 1] { b.append(docCounts[k]) } }
        b.pad()
        let sum = b.bytes.withUnsafeBytes { IndexFile.checksum($0) }
        b.append(sum)
        return b.bytes
    }

    /// Writes the index to `path` (temporary file, then rename).
    public func save(to path: String) throws {
        refresh()
        do { try AtomicFile.write(serialized(), to: path) } catch let e as CorpusError {
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
        guard raw.count >= 16, Array(raw[0..<8]) == IndexFile.magic else { throw SimilarityError.notAnIndex(path: path) }
        var c = ByteCursor(base: raw, path: path, offset: 8)
        let version = try c.read(UInt32.self, "version")
        guard version == IndexFile.version else {
            throw SimilarityError.unsupportedVersion(path: path, found: version, supported: IndexFile.version)
        }
        guard raw.count >= 24 else { throw c.corrupted("truncated") }
        let stored = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
        guard IndexFile.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 8)])) == stored else {
            throw c.corrupted(tr("suma kontrolna (checksum) się nie zgadza: plik jest urwany lub uszkodzony",
                                 "checksum mismatch (the file is truncated or damaged)"))
        }
        let body = UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 8)])
        c = ByteCursor(base: body, path: path, offset: 12)
        let headerLength = Int(try c.read(UInt32.self, "header length"))
        let json = try c.bytes(headerLength, "header")
        let header: IndexFile.Header
        do { header = try JSONDecoder().decode(IndexFile.Header.self, from: Data(json)) } catch {
            throw c.corrupted("unreadable header")
        }
        c.pad()
        let differences = analyzer.configuration.differences(from: header.analyzer)
        if !differences.isEmpty || analyzer.configuration.hash != header.analyzerHash {
            throw SimilarityError.analyzerMismatch(
                path: path, differences: differences.isEmpty ? ["configuration hash differs"]
                    : differences.map { "\($0) (this tool vs the index)" })
        }
        let n = header.postulates, v = header.terms, p = header.entries
        guard n >= 0, v >= 0, p >= 0 else { throw c.corrupted("negative counts in header") }
        // Each counted item takes at least a byte of the file: larger counts are damage (and `6 * n`, `n + 1`
        // below must not overflow).
        guard n <= raw.count, v <= raw.count, p <= raw.count else {
            throw c.corrupted(tr("liczby w nagłówku przekraczają rozmiar pliku", "counts in header exceed the file's size"))
        }
        let terms = try c.strings(count: v, "vocabulary")
        let years = try c.array(Int32.self, count: n, "years")
        c.pad()
        let fields = try c.strings(count: 6 * n, "postulates")
        let start = try c.array(UInt64.self, count: n + 1, "vector offsets")
        let termIDs = try c.array(UInt32.self, count: p, "vector terms")
        c.pad()
        let countBits = try c.array(UInt32.self, count: p, "vector counts")
        guard start.first == 0, start.last == UInt64(p), zip(start, start.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw c.corrupted("bad vector offsets")
        }
        guard termIDs.allSatisfy({ Int($0) < v }) else { throw c.corrupted("term id out of range") }
        // Weighted counts are finite and not negative; an infinite, NaN or negative one trapped in the weighting
        // (`TermWeighting.fixedSquare`: a Double too large for UInt64).
        guard countBits.allSatisfy({ let f = Float(bitPattern: $0); return f.isFinite && f >= 0 }) else {
            throw c.corrupted(tr("liczba wystąpień terminu nie jest skończoną liczbą nieujemną",
                                 "a term count is not a finite non-negative number"))
        }

        for i in 0..<n {
            let range = Int(start[i])..<Int(start[i + 1])
            guard zip(termIDs[range], termIDs[range].dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw c.corrupted("terms of postulate \(i + 1) not in ascending order")
            }
        }
        // Bulk assembly (not `add` one by one): postings by a counting sort over the vectors.
        let index = SimilarityIndex(analyzer: analyzer, settings: header.settings)
        index.vocabulary = Vocabulary(terms: terms)
        var docs: [IndexedPostulate] = []
        docs.reserveCapacity(n)
        var slotByID: [String: Int] = [:]
        slotByID.reserveCapacity(n)
        var meetingOf = [Int32](repeating: -1, count: n)
        var meetingIDs: [String: Int32] = [:]
        for i in 0..<n {
            let b = 6 * i
            let doc = IndexedPostulate(id: fields[b], year: years[i] == SimilarityIndex.noYear ? nil : Int(years[i]),
                                       meeting: fields[b + 1], organisation: fields[b + 2], text: fields[b + 3],
                                       response: fields[b + 4], respondent: fields[b + 5])
            guard slotByID.updateValue(i, forKey: doc.id) == nil else { throw c.corrupted("duplicate id \"\(doc.id)\"") }
            if !doc.meeting.isEmpty {
                if let m = meetingIDs[doc.meeting] { meetingOf[i] = m } else {
                    let m = Int32(meetingIDs.count); meetingIDs[doc.meeting] = m; meetingOf[i] = m
                }
            }
            docs.append(doc)
        }
        var df = [Int32](repeating: 0, count: v)
        for t in termIDs { df[Int(t)] += 1 }
        var offset = [Int](repeating: 0, count: v + 1)
        for t in 0..<v { offset[t + 1] = offset[t] + Int(df[t]) }
        var flat = [UInt32](repeating: 0, count: p)
        var fill = offset
        for i in 0..<n {
            for k in Int(start[i])..<Int(start[i + 1]) {
                let t = Int(termIDs[k])
                flat[fill[t]] = UInt32(i)
                fill[t] += 1
            }
        }
        index.postings = (0..<v).map { Array(flat[offset[$0]..<offset[$0 + 1]]) }
        index.postingWeights = (0..<v).map { [Float](repeating: 0, count: Int(df[$0])) }
        index.df = df
        index.docs = docs
        index.alive = [Bool](repeating: true, count: n)
        index.years = years
        index.meetingOf = meetingOf
        index.meetingIDs = meetingIDs
        index.slotByID = slotByID
        index.docStart = start.map { Int($0) }
        index.docTerms = termIDs
        index.docCounts = countBits.map { Float(bitPattern: $0) }
        index.setLoaded(count: n)
        index.refresh()
        return index
    }
}
