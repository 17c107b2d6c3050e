import Messages
import Foundation
import ZIPFoundation

/// A Morfologik morphological dictionary (CFSA2 automaton + `.info` metadata), read natively: no Java.
///
/// Lookups walk the automaton bytes. `readings(of:…)` can match a lower-cased input against capitalised entries
/// ("kraków" → "Kraków", "nato" → "NATO") and restore Polish letters ("mlodziezy" → "młodzieży") in one
/// depth-first walk: the automaton prunes impossible spellings after a letter or two, so no separate index is built.
public final class MorfologikDictionary: @unchecked Sendable {
    public let automaton: CFSA2Automaton
    public let metadata: DictionaryMetadata
    /// FNV-1a 64 of the automaton and metadata, as hex: part of the analyzer identifier.
    public let contentHash: String
    /// Where it was read from (for messages).
    public let source: String

    /// One analysis of a form: the lexicon's spelling of the form, its lemma and its tag (Morfologik's tag string;
    /// alternatives joined by "+").
    public struct Reading: Sendable, Equatable {
        public var surface: String
        public var lemma: String
        public var tag: String
    }

    public init(automaton: CFSA2Automaton, metadata: DictionaryMetadata, source: String = "memory") {
        self.automaton = automaton
        self.metadata = metadata
        self.source = source
        var h = FNV64()
        h.value = automaton.arcsHash  // FNV-1a is a running state: the same as hashing the arcs here
        h.add(metadata.encoding.rawValue)
        h.add([metadata.separator])
        contentHash = h.hex
    }

    /// Reads the dictionary from `path`: a Morfologik jar (the entry `morfologik/dictionaries/pl.dict` and its
    /// `pl.info`), or a `.dict` file with its `.info` beside it.
    public convenience init(path: String, dictionaryEntry: String = "morfologik/dictionaries/pl.dict") throws {
        guard FileManager.default.fileExists(atPath: path) else { throw LexiconError.missing(path: path) }
        let dictBytes: [UInt8]
        let infoText: String
        if path.hasSuffix(".dict") {
            guard let d = FileManager.default.contents(atPath: path) else { throw LexiconError.unreadable(path: path, reason: tr("błąd odczytu", "cannot read")) }
            dictBytes = [UInt8](d)
            let infoPath = String(path.dropLast(5)) + ".info"
            guard let i = FileManager.default.contents(atPath: infoPath) else {
                throw LexiconError.unreadable(path: infoPath, reason: tr("plik .info musi leżeć obok pliku .dict", "the .info file must lie beside the .dict file"))
            }
            infoText = String(decoding: i, as: UTF8.self)
        } else {
            let archive: Archive
            do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
                throw LexiconError.unreadable(path: path, reason: tr("to nie jest czytelne archiwum jar/zip (\(error))", "not a readable jar/zip archive (\(error))"))
            }
            let infoEntry = String(dictionaryEntry.dropLast(5)) + ".info"
            dictBytes = try Self.extract(archive, entry: dictionaryEntry, path: path)
            infoText = String(decoding: try Self.extract(archive, entry: infoEntry, path: path), as: UTF8.self)
        }
        let metadata: DictionaryMetadata
        do { metadata = try DictionaryMetadata(infoText: infoText) } catch {
            throw LexiconError.unreadable(path: path, reason: "\(error)")
        }
        let automaton: CFSA2Automaton
        do { automaton = try CFSA2Automaton(bytes: dictBytes) } catch {
            throw LexiconError.unreadable(path: path, reason: "\(error)")
        }
        self.init(automaton: automaton, metadata: metadata, source: path)
    }

    private static func extract(_ archive: Archive, entry name: String, path: String) throws -> [UInt8] {
        guard let entry = archive[name] else {
            throw LexiconError.unreadable(path: path, reason: tr("w archiwum nie ma pozycji \(name)", "the archive has no entry \(name)"))
        }
        var out: [UInt8] = []
        out.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: true) { chunk in out.append(contentsOf: chunk) }
        } catch {
            throw LexiconError.unreadable(path: path, reason: tr("nie można rozpakować \(name) (\(error))", "cannot inflate \(name) (\(error))"))
        }
        return out
    }

    // MARK: lookup

    /// How far a lookup may stray from the letters typed.
    public struct Matching: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// A letter may match its upper-case form in the lexicon (proper names, acronyms).
        public static let caseInsensitive = Matching(rawValue: 1)
        /// a, c, e, l, n, o, s, z may match ą, ć, ę, ł, ń, ó, ś, ź/ż.
        public static let restoreDiacritics = Matching(rawValue: 2)
    }

    /// Every reading of `form` under `matching`, grouped by lexicon spelling in automaton order. At most
    /// `maxSurfaces` spellings are considered (a guard against pathological inputs).
    public func readings(of form: String, matching: Matching = [], maxSurfaces: Int = 32) -> [Reading] {
        var out: [Reading] = []
        forEachReading(of: form, matching: matching, maxSurfaces: maxSurfaces) { surface, lemma, tag in
            out.append(Reading(surface: String(decoding: surface, as: UTF8.self),
                               lemma: String(decoding: lemma, as: UTF8.self),
                               tag: String(decoding: tag, as: UTF8.self)))
        }
        return out
    }

    /// The lexicon spellings that `form` matches, without decoding readings.
    public func surfaces(of form: String, matching: Matching = [], maxSurfaces: Int = 32) -> [String] {
        let alternatives = Self.alternatives(of: form, matching: matching)
        return automaton.withWalker { w in
            matchSurfaces(alternatives, walker: w, limit: maxSurfaces).map { String(decoding: $0.surface, as: UTF8.self) }
        }
    }

    /// Streams (surface, lemma, tag) byte views for each reading; the views are valid only during the call.
    public func forEachReading(of form: String, matching: Matching = [], maxSurfaces: Int = 32,
                               _ body: (UnsafeBufferPointer<UInt8>, [UInt8], UnsafeBufferPointer<UInt8>) -> Void) {
        let alternatives = Self.alternatives(of: form, matching: matching)
        let sep = metadata.separator
        let encoding = metadata.encoding
        automaton.withWalker { w in
            for match in matchSurfaces(alternatives, walker: w, limit: maxSurfaces) {
                match.surface.withUnsafeBufferPointer { surface in
                    w.forEachSequence(from: match.node) { seq in
                        let cut = seq.firstIndex(of: sep) ?? seq.count
                        let encoded = UnsafeBufferPointer(rebasing: seq[0..<cut])
                        let tag = cut < seq.count ? UnsafeBufferPointer(rebasing: seq[(cut + 1)...])
                                                  : UnsafeBufferPointer(rebasing: seq[seq.count...])
                        if let lemma = encoding.decode(form: surface, encoded: encoded) { body(surface, lemma, tag) }
                        return true
                    }
                }
            }
        }
    }

    /// Walks every (form, lemma, tag) of the dictionary in automaton order (for exports and model training).
    public func forEachEntry(_ body: (UnsafeBufferPointer<UInt8>, [UInt8], UnsafeBufferPointer<UInt8>) -> Void) {
        let sep = metadata.separator
        let encoding = metadata.encoding
        automaton.withWalker { w in
            w.forEachSequence(from: automaton.root) { seq in
                guard let first = seq.firstIndex(of: sep) else { return true }
                let rest = seq[(first + 1)...]
                let second = rest.firstIndex(of: sep) ?? seq.count
                let form = UnsafeBufferPointer(rebasing: seq[0..<first])
                let encoded = UnsafeBufferPointer(rebasing: seq[(first + 1)..<second])
                let tag = second < seq.count ? UnsafeBufferPointer(rebasing: seq[(second + 1)...])
                                             : UnsafeBufferPointer(rebasing: seq[seq.count...])
                if let lemma = encoding.decode(form: form, encoded: encoded) { body(form, lemma, tag) }
                return true
            }
        }
    }

    // MARK: matching

    struct SurfaceMatch {
        var surface: [UInt8]
        /// The node after the separator arc: the start of the encoded lemma and tag sequences.
        var node: Int
    }

    /// One spelling of one input letter: up to 4 UTF-8 bytes.
    struct Spelling {
        var bytes: (UInt8, UInt8, UInt8, UInt8)
        /// The length in one byte: five bytes a spelling, so the first-sight walk's buffer of them stays small.
        private var length: UInt8
        var count: Int {
            get { Int(length) }
            set { length = UInt8(truncatingIfNeeded: newValue) }
        }
        init(bytes: (UInt8, UInt8, UInt8, UInt8), count: Int) {
            self.bytes = bytes
            length = UInt8(truncatingIfNeeded: count)
        }
        init(_ u: Unicode.Scalar) {
            var b: [UInt8] = []
            UTF8.encode(u) { b.append($0) }
            let n = b.count
            length = UInt8(n)
            bytes = (b[0], n > 1 ? b[1] : 0, n > 2 ? b[2] : 0, n > 3 ? b[3] : 0)
        }
        @inline(__always) subscript(i: Int) -> UInt8 {
            switch i { case 0: return bytes.0; case 1: return bytes.1; case 2: return bytes.2; default: return bytes.3 }
        }
    }

    /// The spellings of each input letter, flattened: letter `i` has `spellings[starts[i]..<starts[i+1]]`.
    struct Alternatives {
        var spellings: [Spelling] = []
        var starts: [Int] = [0]
        var count: Int { starts.count - 1 }
    }

    /// For each input scalar, the spellings it may match in the lexicon (the scalar itself first).
    static func alternatives(of form: String, matching: Matching) -> Alternatives {
        var out = Alternatives()
        out.spellings.reserveCapacity(form.utf8.count * 3)
        out.starts.reserveCapacity(form.utf8.count + 1)
        let table = matching.contains(.restoreDiacritics)
            ? (matching.contains(.caseInsensitive) ? restoreAnyCase : restoreSameCase)
            : (matching.contains(.caseInsensitive) ? anyCase : [:])
        for u in form.unicodeScalars {
            if let known = table[u] { out.spellings.append(contentsOf: known) } else { out.spellings.append(Spelling(u)) }
            out.starts.append(out.spellings.count)
        }
        return out
    }

    /// Letters typed without their Polish diacritic.
    static let diacriticVariants: [Unicode.Scalar: [Unicode.Scalar]] = [
        "a": ["ą"], "c": ["ć"], "e": ["ę"], "l": ["ł"], "n": ["ń"], "o": ["ó"], "s": ["ś"], "z": ["ź", "ż"],
    ]

    /// Spelling tables for the Latin letters (U+0000–U+024F), built once: computing upper-case forms per lookup
    /// would allocate strings on the hot path. Other scalars match only themselves.
    private static func spellingTable(restore: Bool, anyCase: Bool) -> [Unicode.Scalar: [Spelling]] {
        var table: [Unicode.Scalar: [Spelling]] = [:]
        for v in UInt32(0x41)...UInt32(0x24F) {
            guard let u = Unicode.Scalar(v), u.properties.isAlphabetic else { continue }
            var scalars: [Unicode.Scalar] = [u]
            if restore, let extra = diacriticVariants[u] { scalars += extra }
            if anyCase {
                for s in scalars {
                    let up = String(s).uppercased().unicodeScalars
                    if up.count == 1, let first = up.first, first != s, !scalars.contains(first) { scalars.append(first) }
                }
            }
            if scalars.count > 1 { table[u] = scalars.map(Spelling.init) }
        }
        return table
    }
    static let anyCase = spellingTable(restore: false, anyCase: true)
    static let restoreSameCase = spellingTable(restore: true, anyCase: false)
    static let restoreAnyCase = spellingTable(restore: true, anyCase: true)

    private func matchSurfaces(_ alts: Alternatives, walker w: CFSA2Automaton.Walker, limit: Int) -> [SurfaceMatch] {
        var found: [SurfaceMatch] = []
        let sep = metadata.separator
        // A form containing the separator ("kot+…") would walk into the encoded lemmas and tags: no match.
        guard alts.count > 0, !alts.spellings.contains(where: { $0.count == 1 && $0[0] == sep }) else { return found }
        var surface: [UInt8] = []
        surface.reserveCapacity(alts.count * 2 + 4)
        func go(_ pos: Int, _ node: Int) {
            if found.count >= limit { return }
            if pos == alts.count {
                let arc = w.arc(of: node, label: sep)
                if arc > 0 {
                    let dest = w.destination(ofArc: arc)
                    if dest > 0 { found.append(SurfaceMatch(surface: surface, node: dest)) }
                }
                return
            }
            for k in alts.starts[pos]..<alts.starts[pos + 1] {
                let spelling = alts.spellings[k]
                var next = node
                var i = 0
                while i < spelling.count && next > 0 {
                    let arc = w.arc(of: next, label: spelling[i])
                    next = arc > 0 ? w.destination(ofArc: arc) : -1
                    i += 1
                }
                guard next > 0 else { continue }
                let mark = surface.count
                for b in 0..<spelling.count { surface.append(spelling[b]) }
                go(pos + 1, next)
                surface.removeSubrange(mark...)
            }
        }
        go(0, automaton.root)
        return found
    }
}

/// Why the lexicon could not be loaded; the message tells a clerk or an admin what to install or set.
public enum LexiconError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case model(path: String, line: Int, reason: String)
    /// The table of frequent forms (`FrequentForms`) is damaged.
    case formTable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            let env = LexiconLocation.environmentVariable
            return tr("brak słownika języka polskiego (Morfologik PoliMorf): \(path) nie istnieje. "
                      + "Zainstaluj pakiet Debiana libmorfologik-stemming-java (apt-get install libmorfologik-stemming-java) "
                      + "albo ustaw \(env) na plik morfologik-polish.jar lub pl.dict.",
                      "the Polish dictionary (Morfologik PoliMorf) is missing: \(path) does not exist. "
                      + "Install the Debian package libmorfologik-stemming-java (apt-get install libmorfologik-stemming-java), "
                      + "or set \(env) to a morfologik-polish.jar or a pl.dict file.")
        case .unreadable(let path, let reason):
            return tr("\(path): nie można odczytać słownika języka polskiego: \(reason)",
                      "\(path): cannot read the Polish dictionary: \(reason)")
        case .model(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .formTable(let path, let reason):
            return tr("\(path): uszkodzona tablica częstych form: \(reason). Odtwórz ją (Benchmarks/lemma/make-forms-table.sh) "
                      + "albo usuń: formy pójdą wtedy przez słownik.",
                      "\(path): the table of frequent forms is damaged: \(reason). Regenerate it (Benchmarks/lemma/make-forms-table.sh) "
                      + "or delete it: forms then go through the lexicon.")
        }
    }
}

/// FNV-1a 64: a stable content hash (no Foundation hashing, no per-process seed).
struct FNV64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var h = value
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        value = h
    }
    mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { add($0) } }
    mutating func add(_ s: String) { add(Array(s.utf8)) }
    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
