/// The one term of a name, whatever its case form: the name folded to ASCII letters, lower-cased, its inflectional
/// ending cut, with a capital first letter, which marks it as a name (every other term is lower case; `TermKind`).
/// The lexicon's proper lemmas confirm it (`of(written:properLemmas:)`): the key of the word as written is used
/// when one of them has the same key ("Rakowie" is Raków, not Rak the surname); when none has, the first lemma's
/// key is used only if it is not a shorter stem of the written key ("Piątkowie" is Piątkowo, not Piątek).
///
/// Why a crude ending cut rather than a guessed lemma: consistency matters more than a pretty lemma. Every case
/// form of one name must give one term, and a lemma guesser trained on common words maps place names onto common
/// nouns ("Zawodziu" → zawód, "Redłowie" → redł). The longest ending of `endings` is cut while at least three
/// letters stay, then a softening "i" after a consonant ("Zawodzia" → zawodzi → zawodz), the mobile "e" of a form
/// without an ending (`dropMobileE`: Lisiniec, Lisińcu → Lisint), then the final consonant's alternation class
/// (`canonicalFinalConsonant`): Obłuże, Obłużu → Obluz; Redłowo, Redłowie → Redlow; Zawodzie,
/// Zawodziu, Zawodzia → Zawod; Raków, Rakowie → Rakow; Stare, Starym → Star; Cisowa, Cisowej → Cisow but
/// Cisowskie → Cisowst.
public enum NameKey {
    /// Noun and adjective endings of Polish declension, ASCII-folded, longest first. Not the dative plural "om":
    /// place names end so in the nominative (Bytom, Radom, Stradom / Stradomiu), and titles rarely use that case.
    static let endings: [String] = [
        "iego", "iemu", "ego", "emu", "ami", "ach", "ych", "ich", "ymi", "imi", "owi", "iem",
        "ie", "iu", "ej", "em", "ym", "im", "a", "e", "i", "o", "u", "y",
    ]
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// The consonant alternations of the locative and dative ("Parkitka" / "na Parkitce", "Huta" / "w Hucie",
    /// "Praga" / "w Pradze", "Woda" / "Wodzie", "Góra" / "Górze") end the stem with one consonant of a class: k, c
    /// and t are written t; g, d and dz are written d; rz is written r. The key is not a lemma, only the same for
    /// every form ("Parkitt", "Hut", "Prad").
    static func canonicalFinalConsonant(_ stem: String) -> String {
        guard stem.count >= 3 else { return stem }
        var s = stem
        if s.hasSuffix("dz") { s.removeLast(2); return s + "d" }
        if s.hasSuffix("rz") { s.removeLast(2); return s + "r" }
        switch s.last {
        case "c", "k": s.removeLast(); return s + "t"
        case "g": s.removeLast(); return s + "d"
        default: return s
        }
    }

    /// The mobile "e" of a form without an ending: Lisiniec / Lisińca, Sosnowiec / Sosnowca, Ochojec / Ochojca,
    /// Grabówek / Grabówku, and the genitive plural Pustek / Pustki. A final "iec" after a consonant loses "ie", a
    /// final "ec" or "ek" after a consonant loses "e", while three letters stay; only where no ending was cut, since
    /// there the vowel is the one the other forms drop ("Kielce" → kielc keeps its stem).
    static func dropMobileE(_ stem: String) -> String {
        let c = Array(stem)
        let n = c.count
        if n >= 5, c[n - 3] == "i", c[n - 2] == "e", c[n - 1] == "c", !vowels.contains(c[n - 4]) {
            return String(c[0..<(n - 3)]) + "c"
        }
        if n >= 4, c[n - 2] == "e", c[n - 1] == "c" || c[n - 1] == "k", !vowels.contains(c[n - 3]) {
            return String(c[0..<(n - 2)]) + String(c[n - 1])
        }
        return stem
    }

    /// The key of a written word given the lexicon's proper lemmas for it.
    public static func of(written: String, properLemmas: [String]) -> String {
        let own = of(written)
        guard let first = properLemmas.first, !properLemmas.contains(where: { of($0) == own }) else { return own }
        let lexical = of(first)
        // "Rak" for "Rakowie", "Piątek" for "Piątkowie" (Piątkowo): a shorter stem of the written key (up to the
        // final consonant's class) would merge the place with another name.
        if own.hasPrefix(lexical) { return own }
        if lexical.utf8.count < own.utf8.count, own.hasPrefix(lexical.dropLast()) { return own }
        return lexical
    }

    /// The key of one word: by bytes when its letters allow (`byteKey`), else by Characters (`referenceKey`).
    public static func of(_ name: String) -> String {
        byteKey(name) ?? referenceKey(name)
    }

    /// The key by Characters: the general path, and what `byteKey` must equal.
    static func referenceKey(_ name: String) -> String {
        let folded = DiacriticFolding.fold(name.lowercased())
        var stem = folded
        var cut = false
        for e in endings where stem.count - e.count >= 3 && stem.hasSuffix(e) {
            stem.removeLast(e.count)
            cut = true
            break
        }
        if stem.count > 3, stem.last == "i", let before = stem.dropLast().last, !vowels.contains(before) {
            stem.removeLast()
        }
        if !cut { stem = dropMobileE(stem) }
        stem = canonicalFinalConsonant(stem)
        guard let first = stem.first else { return name }
        return first.uppercased() + stem.dropFirst()
    }
}

/// What a term is, read from its spelling: identifiers are `prefix:value` ("nr:9", "sp:114", "rok:2020"), names
/// start with a capital ("Obluz"), every other term is a lower-case word. Consumers choose what to use: themes
/// leave identifiers out, similarity uses all and compares names and identifiers (`SimilarityIndex`).
public enum TermKind: Sendable, Equatable {
    case word, name, identifier

    public static func of(_ term: String) -> TermKind {
        guard let first = term.unicodeScalars.first else { return .word }
        if first.properties.isUppercase { return .name }
        return identifierParts(term) != nil ? .identifier : .word
    }

    /// "sp:114" → ("sp", "114"): a prefix of 1–8 ASCII lower-case letters, a colon, a value starting with a digit.
    public static func identifierParts(_ term: String) -> (prefix: Substring, value: Substring)? {
        guard let colon = term.firstIndex(of: ":") else { return nil }
        let prefix = term[..<colon], value = term[term.index(after: colon)...]
        guard (1...8).contains(prefix.count), prefix.allSatisfy({ $0.isASCII && $0.isLowercase }),
              let v = value.first, v.isASCII, v.isNumber,
              value.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLowercase || $0 == "," || $0 == ".") }) else { return nil }
        return (prefix, value)
    }

    /// Years are identifiers that drift between resubmissions ("Festyn 2019", "Festyn 2020"): kept as terms, never
    /// a mismatch.
    public static func isYear(_ term: String) -> Bool { term.hasPrefix("rok:") }

    /// Words that announce a place's name (ulica, park, osiedle, …: the terms after which a capitalised word is a
    /// name). A pair that shares only these and names shares a place, not an object (dedupe's `OtherObject`).
    public static var placeWords: Set<String> { WordShape.triggers }
}
