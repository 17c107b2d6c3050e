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
    public func nameReadings(of form: String) -> NameReadings {
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
}
