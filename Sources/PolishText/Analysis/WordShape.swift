/// What the context stage (`ContextTerms`) needs to know of a written form, computed once per distinct form and
/// cached with its analysis: its letter case, what the lexicon says of it as a name, and whether it announces a
/// name ("ul.", "park") or a number ("nr").
struct WordShape: Sendable, Equatable {
    enum LetterCase: UInt8 { case lower, title, upper, other }

    var letterCase: LetterCase = .other
    /// Title-case words: the lexicon's readings and the term the word gives as a name (`NameKey`).
    var readings = NameReadings(consulted: false)
    var nameTerm: String?
    /// The next capitalised word is a name: after ul., al., pl., os., park, skwer, osiedle, rondo, im. …
    var nameTrigger = false
    /// The next number identifies something: "nr 9", "numer 9".
    var numberMarker = false
    /// An all-capitals code of 2–5 letters ("SP", "ZSP", "OSP") that a number may follow: its lower-case letters.
    var code: String?
    /// "19a", "12b": a house number written as a word.
    var houseNumber = false
    /// Typed in capitals and judged as a capitalised word ("KLECINIE"): beside another such word, its capital
    /// says nothing of a name.
    var capitals = false

    static let plain = WordShape()

    /// Terms (lemmas) after which a capitalised word is a name.
    static let triggers: Set<String> = [
        "ulica", "aleja", "plac", "osiedle", "park", "skwer", "rondo", "bulwar", "imię", "dzielnica", "os",
        "ul", "al", "pl",
    ]
    /// Written forms that mark a following number as an identifier.
    static let markers: Set<String> = ["nr", "nr.", "numer", "numeru", "numerze", "no.", "nry"]
    /// The two lists asked by bytes (`ByteWordSet`): every new form asks both.
    static let triggerBytes = ByteWordSet(triggers), markerBytes = ByteWordSet(markers)

    /// The shape of a written form with its normalised form and term (nil for stop words).
    static func of(written: String, normalized: String, term: String?, kind: TokenKind,
                   names: NameLexicon?) -> WordShape {
        var s = WordShape()
        if kind == .abbreviation {
            s.numberMarker = markerBytes.contains(normalized)
            if let term { s.nameTrigger = triggerBytes.contains(term) }
            return s
        }
        guard kind == .word else { return s }
        s.letterCase = letterCase(written)
        s.numberMarker = markerBytes.contains(normalized)
        if let term { s.nameTrigger = triggerBytes.contains(term) }
        // A word in capitals that is not a code ("ŻELECHOWA", "KLECINIE" in a title typed in capitals) is judged
        // as a capitalised word: the same name whatever the typing.
        let asTitle = s.letterCase == .title || (s.letterCase == .upper && !isCode(written, term: term))
        if s.letterCase == .upper && asTitle { s.letterCase = .title; s.capitals = true }
        switch s.letterCase {
        case .title:
            let form = normalized
            s.readings = names?.nameReadings(of: form) ?? NameReadings(consulted: false)
            s.nameTerm = NameKey.of(written: written, properLemmas: s.readings.properLemmas)
        case .upper:
            s.code = normalized
        case .lower, .other:
            s.houseNumber = isHouseNumber(normalized)
        }
        return s
    }

    /// Title: an upper-case letter, then a lower-case one ("Obłuże"; "NGO's" is not). Upper: letters only, all
    /// upper case. Lower: a lower-case first letter.
    static func letterCase(_ written: String) -> LetterCase {
        if let ascii = asciiLetterCase(written) { return ascii }
        return scalarLetterCase(written)
    }

    /// `letterCase` by Unicode properties: the general path (and what the ASCII path must equal).
    static func scalarLetterCase(_ written: String) -> LetterCase {
        let u = Array(written.unicodeScalars)
        guard let first = u.first, first.properties.isAlphabetic else { return .other }
        if first.properties.isLowercase { return .lower }
        guard first.properties.isUppercase, u.count >= 2 else { return .other }
        if u[1].properties.isLowercase { return .title }
        return u.allSatisfy({ $0.properties.isUppercase }) ? .upper : .other
    }

    /// `letterCase` from the bytes when the scalars it looks at are ASCII (A–Z upper, a–z lower, other ASCII neither
    /// and not alphabetic); nil when it must look at a non-ASCII scalar.
    static func asciiLetterCase(_ written: String) -> LetterCase? {
        let b = written.utf8
        guard let f = b.first, f < 0x80 else { return nil }
        if f >= 0x61 && f <= 0x7A { return .lower }
        guard f >= 0x41 && f <= 0x5A else { return .other }
        guard b.count >= 2 else { return .other }
        let second = b[b.index(after: b.startIndex)]
        guard second < 0x80 else { return nil }
        if second >= 0x61 && second <= 0x7A { return .title }
        for x in b {
            if x >= 0x80 { return nil }
            if x < 0x41 || x > 0x5A { return .other }
        }
        return .upper
    }

    /// A code: 2–5 ASCII capitals with a term ("SP", "ZSP", "OSP"; not "NA", a stop word).
    static func isCode(_ written: String, term: String?) -> Bool {
        term != nil && (2...5).contains(written.unicodeScalars.count) && written.unicodeScalars.allSatisfy { $0.isASCII }
    }

    /// "12a", "7B" lower-cased: 1–4 digits and one letter.
    static func isHouseNumber(_ s: String) -> Bool {
        // Every scalar must be ASCII, so the bytes are the scalars: 1–4 digits (the only ASCII with a numeric type)
        // and one a–z (the only ASCII lower case).
        let b = s.utf8
        let n = b.count
        guard n >= 2, n <= 5 else { return false }
        var k = 0
        for x in b {
            k += 1
            if k == n { return x >= 0x61 && x <= 0x7A }
            if x < 0x30 || x > 0x39 { return false }
        }
        return false
    }
}
