/// What the lexicon says of a form that may be a name: the proper-name lemma it lists for it (PoliMorf spells
/// proper names with a capital: "Krakowie" → "Kraków", "Rakowie" → "Raków"), and whether it also has common
/// readings (lower-case lemmas: "rakowie" → "rak"), one of them an adjective ("Stare" → "stary"). Forms are
/// matched as typed (letter case aside), never with Polish letters restored: "Kacku" is not "kącki".
public struct NameReadings: Sendable, Equatable {
    /// Proper-name noun lemmas, best first ("rakowie": Rak the surname, Raków the district).
    public var properLemmas: [String]
    public var common: Bool
    public var commonAdjective: Bool
    /// False when no lexicon was asked (a lemmatiser without one): then nothing counts as unknown.
    public var consulted: Bool

    public init(properLemmas: [String] = [], common: Bool = false, commonAdjective: Bool = false, consulted: Bool = true) {
        self.properLemmas = properLemmas; self.common = common; self.commonAdjective = commonAdjective
        self.consulted = consulted
    }

    public var isProper: Bool { !properLemmas.isEmpty }
    /// Unknown to the lexicon.
    public var isUnknown: Bool { consulted && properLemmas.isEmpty && !common }
}

/// A lemmatiser that can say whether a form is a proper name (`Analyzer` asks it of capitalised words only).
public protocol NameLexicon: AnyObject {
    func nameReadings(of form: String) -> NameReadings
}

extension PolishLemmatizer: NameLexicon {
    /// The candidates of `form` (lower-cased) as `candidates(of:)` ranks them: the best proper-name lemma (a noun
    /// lemma with a capital), and whether any common lemma exists. Abbreviation readings do not count.
    /// Read by the first-sight walk (`forEachLexiconLemma`), which only proper-name lemmas leave as Strings; the
    /// reference path where the walk declines.
    /// Answered from the table of frequent forms when it stores them (`FrequentForms.nameReadings`).
    public func nameReadings(of form: String) -> NameReadings {
        var copy = form
        if let fast = copy.withUTF8({ frequentForms?.nameReadings(utf8: $0) ?? firstSightNameReadings($0) }) { return fast }
        return referenceNameReadings(of: form)
    }

    /// `nameReadings` without the table of frequent forms: what the table stores.
    public func computedNameReadings(of form: String) -> NameReadings {
        var copy = form
        if let fast = copy.withUTF8({ firstSightNameReadings($0) }) { return fast }
        return referenceNameReadings(of: form)
    }

    /// `nameReadings` from the sorted candidate list (what the first-sight answer must equal).
    func referenceNameReadings(of form: String) -> NameReadings {
        var out = NameReadings()
        for c in candidates(of: form, matching: .caseInsensitive) where !ReadingClass.isAbbreviation(c.cls) {
            if let first = c.lemma.unicodeScalars.first, first.properties.isUppercase {
                if c.cls == "N" && !out.properLemmas.contains(c.lemma) { out.properLemmas.append(c.lemma) }
            } else {
                out.common = true
                if c.cls == "A" { out.commonAdjective = true }
            }
        }
        return out
    }

    /// `nameReadings` in one walk: every (lemma, class) candidate is seen once; proper-name nouns are ranked as
    /// `ranksBefore` ranks candidates of one class (prior descending, then the lemma's bytes). Nil when the walk
    /// declines.
    func firstSightNameReadings(_ form: UnsafeBufferPointer<UInt8>) -> NameReadings? {
        let table = ReadingClassTable.shared
        let noun = UInt64(1) << UInt64(table.noun), adjective = UInt64(1) << UInt64(table.adjective)
        let abbreviation = UInt64(1) << UInt64(table.abbreviation)
        var out = NameReadings()
        var proper: [(lemma: String, score: Int)] = []
        let lemmaCap = 4 * form.count + 8 + Self.maxEncodedLemma
        let decided = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: lemmaCap) { key in
            forEachLexiconLemma(form, matching: .caseInsensitive, maxSurfaces: 32) { lemma, lemmaHash, set in
                let classes = set & ~abbreviation
                guard classes != 0 else { return }
                guard Self.startsUpperCase(UnsafeBufferPointer(lemma)) else {
                    out.common = true
                    if classes & adjective != 0 { out.commonAdjective = true }
                    return
                }
                guard classes & noun != 0 else { return }
                let name = String(decoding: lemma, as: UTF8.self)
                guard !proper.contains(where: { $0.lemma == name }) else { return }
                let score = priors.map { p in
                    table.classes[table.noun].keySuffix.withUnsafeBufferPointer { suffix in
                        p.score(lemma: UnsafeBufferPointer(lemma), lemmaHash: lemmaHash, classSuffix: suffix, key: key)
                    }
                } ?? 0
                proper.append((name, score))
            }
        }
        guard decided else { return nil }
        proper.sort { a, b in a.score != b.score ? a.score > b.score : a.lemma.utf8.lexicographicallyPrecedes(b.lemma.utf8) }
        out.properLemmas = proper.map(\.lemma)
        return out
    }

    /// Whether the first scalar of UTF-8 `bytes` is upper case (`Unicode.Scalar.Properties.isUppercase`); false
    /// when empty. ASCII from the byte, the rest decoded.
    static func startsUpperCase(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first < 0x80 { return first >= 0x41 && first <= 0x5A }
        var it = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let u) = decoder.decode(&it) else { return false }
        return u.properties.isUppercase
    }
}
