/// Every setting that changes which terms the analyzer produces. Saved models and indexes store it with its hash
/// and refuse to load against a different one (`differences(from:)` names the setting).
public struct AnalyzerConfiguration: Codable, Hashable, Sendable {
    /// Bump when the analysis chain changes in a way that changes terms. 2: names, identifiers and amounts
    /// (`ContextTerms`, `money` tokens). 3: name keys drop a mobile "e" and keep "-om", a sentence's first word
    /// that is also a proper name is the name unless lower-case text follows.
    public var chainVersion: Int = 3
    /// The lemmatiser's identifier (method and data hashes), e.g. "morfologik-pl:…+guesser:…".
    public var lemmatizer: String
    /// The stop-word list's version; nil disables stop words.
    public var stopWords: String? = StopWords.version
    /// Keep number tokens as terms ("2025", "100 000,00"); off by default: amounts and years drift between
    /// resubmissions and say nothing about the theme.
    public var keepNumbers: Bool = false
    /// Fold diacritics in the emitted terms (ą→a…), on top of lemmatisation.
    public var foldTermDiacritics: Bool = false
    /// Terms shorter than this (in characters) are dropped, unless they are numbers kept by `keepNumbers`.
    public var minTermLength: Int = 2

    public init(lemmatizer: String, stopWords: String? = StopWords.version, keepNumbers: Bool = false,
                foldTermDiacritics: Bool = false, minTermLength: Int = 2) {
        self.lemmatizer = lemmatizer
        self.stopWords = stopWords
        self.keepNumbers = keepNumbers
        self.foldTermDiacritics = foldTermDiacritics
        self.minTermLength = minTermLength
    }

    /// A canonical one-line description: the input to `hash`, in a fixed order.
    public var canonicalDescription: String {
        "chain=\(chainVersion);lemmatizer=\(lemmatizer);stopWords=\(stopWords ?? "none");keepNumbers=\(keepNumbers);"
            + "foldTermDiacritics=\(foldTermDiacritics);minTermLength=\(minTermLength)"
    }

    /// FNV-1a 64 of `canonicalDescription`, as 16 hex digits: stable across runs and platforms.
    public var hash: String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonicalDescription.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The settings that differ, as "name: ours vs theirs" lines; empty when equal.
    public func differences(from other: AnalyzerConfiguration) -> [String] {
        let mine = canonicalDescription.split(separator: ";"), theirs = other.canonicalDescription.split(separator: ";")
        var out: [String] = []
        for (a, b) in zip(mine, theirs) where a != b {
            let name = a.split(separator: "=", maxSplits: 1).first ?? ""
            let va = a.dropFirst(name.count + 1), vb = b.dropFirst(name.count + 1)
            out.append("\(name): \(va) vs \(vb)")
        }
        return out
    }
}
