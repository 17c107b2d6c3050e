import Foundation

/// The Polish lemmatiser: Morfologik's PoliMorf lexicon, a frequency prior to choose among a form's lemmas,
/// diacritic restoration for text typed without Polish letters, and a suffix guesser for unknown words.
///
/// Order of attempts for a lower-cased NFC form:
/// 1. agglutinate forms ("em", "śmy", "bym"), which the lexicon lacks as separate words;
/// 2. the lexicon, letters as typed, any letter may be upper case there ("kraków" → Kraków);
/// 3. the lexicon with Polish letters restored ("mlodziezy" → młodzież), only when 2 found nothing;
/// 4. the suffix guesser; 5. the form itself.
///
/// The choice among readings is deterministic: function-word readings first (see `ReadingClass.tier`),
/// abbreviation readings last, then the most frequent (lemma, class) by `LemmaPriors`, then the class order,
/// then the lemma's bytes. Participles and gerunds carry the verb's infinitive as lemma in PoliMorf, and
/// comparatives the positive, which is what UD expects; a lexicalised noun or adjective with the same spelling
/// ("mieszkanie", "zamknięty") competes as its own candidate and wins only when it is more frequent.
public final class PolishLemmatizer: Lemmatizing, @unchecked Sendable {
    public let dictionary: MorfologikDictionary
    public let priors: LemmaPriors?
    public let guesser: SuffixGuesser?
    public let identifier: String
    /// The automaton's first two levels as tables (`AutomatonHead`), for the first-sight walk.
    let head: AutomatonHead
    /// The class sets of the tag nodes met so far (`tagClassSet`), shared by every analyzer using this lemmatiser.
    let tagClasses = TagClassMemo()

    /// Bump when the choice rules change.
    static let methodVersion = 2

    public static let priorsFileName = "lemma-priors.tsv"
    public static let guesserFileName = "guesser-pl.tsv"

    /// The stored answers for frequent forms (`FrequentForms`), when a table made with this lemmatiser's data was
    /// found: probed before the automaton, same answers.
    public let frequentForms: FrequentForms?

    /// - Parameter frequentForms: used only when it was made with this lemmatiser's data (same `identifier`);
    ///   otherwise ignored.
    public init(dictionary: MorfologikDictionary, priors: LemmaPriors?, guesser: SuffixGuesser?,
                frequentForms: FrequentForms? = nil) {
        self.dictionary = dictionary
        self.priors = priors
        self.guesser = guesser
        head = AutomatonHead(dictionary.automaton)
        identifier = Self.identifier(dictionary: dictionary, priors: priors, guesser: guesser)
        self.frequentForms = frequentForms?.identifier == identifier ? frequentForms : nil
    }

    /// The identifier of a lemmatiser made from these data: what answers it gives depends on nothing else.
    public static func identifier(dictionary: MorfologikDictionary, priors: LemmaPriors?, guesser: SuffixGuesser?) -> String {
        "morfologik-pl:\(dictionary.contentHash)+priors:\(priors?.contentHash ?? "none")"
            + "+guesser:\(guesser?.contentHash ?? "none")+choice:v\(methodVersion)"
    }

    /// Loads the dictionary (see `LexiconLocation`) and the model tables from `modelsDirectory`, with the table of
    /// frequent forms when there is one (a table made with other data is skipped with a note on stderr).
    public static func load(modelsDirectory: String = "Models", dictionaryPath: String? = nil) throws -> PolishLemmatizer {
        let dictionary = try MorfologikDictionary(path: LexiconLocation.resolve(dictionaryPath))
        let priors = try LemmaPriors(path: modelsDirectory + "/" + priorsFileName)
        let guesser = try SuffixGuesser(path: modelsDirectory + "/" + guesserFileName)
        var forms: FrequentForms?
        switch try FrequentForms.load(path: modelsDirectory + "/" + FrequentForms.fileName,
                                      expected: identifier(dictionary: dictionary, priors: priors, guesser: guesser)) {
        case .table(let table): forms = table
        case .absent: forms = nil
        case .stale(let note): FileHandle.standardError.write(Data((note + "\n").utf8))
        }
        return PolishLemmatizer(dictionary: dictionary, priors: priors, guesser: guesser, frequentForms: forms)
    }

    /// The same lemmatiser without its table of frequent forms (for the generator, the tests and the A/B).
    public func withoutFrequentForms() -> PolishLemmatizer {
        PolishLemmatizer(dictionary: dictionary, priors: priors, guesser: guesser)
    }

    public func lemma(of form: String) -> Lemma {
        if let frequentForms, let stored = frequentForms.lemma(of: form) { return stored }
        return computedLemma(of: form)
    }

    /// `lemma(of:)` by the lexicon walk, the guesser and the rest, without the table of frequent forms: what the
    /// table stores.
    public func computedLemma(of form: String) -> Lemma {
        guard !form.isEmpty else { return Lemma(form, source: .identity) }
        if form.utf8.count <= Agglutinates.longest, let be = Agglutinates.lemma[form] { return Lemma(be, source: .lexicon) }
        if let lemma = lexiconLemma(of: form, matching: .caseInsensitive) {
            return Lemma(Self.term(lemma), source: .lexicon)
        }
        if Self.mayLackDiacritics(form),
           let lemma = lexiconLemma(of: form, matching: [.caseInsensitive, .restoreDiacritics]) {
            return Lemma(Self.term(lemma), source: .diacriticsRestored)
        }
        if let guessed = guesser?.guess(form), guessed != form, !isKnownWord(guessed) {
            return Lemma(guessed, source: .guesser)
        }
        return Lemma(form, source: .identity)
    }

    /// The best lexicon lemma of `form`: the allocation-free first-sight walk (`LemmaChooser`), or the reference
    /// path where that walk declines.
    func lexiconLemma(of form: String, matching: MorfologikDictionary.Matching) -> String? {
        var copy = form
        switch copy.withUTF8({ firstSight($0, matching: matching) }) {
        case .lemma(let lemma): return lemma
        case .none: return nil
        case .fallback: return bestCandidate(of: form, matching: matching)?.lemma
        }
    }

    /// The lemma by the reference path alone (candidates built, sorted, first taken): what the first-sight walk
    /// must reproduce; kept for the tests that compare the two and for the benchmark's A/B in one binary.
    public func referenceLemma(of form: String) -> Lemma {
        guard !form.isEmpty else { return Lemma(form, source: .identity) }
        if let be = Agglutinates.lemma[form] { return Lemma(be, source: .lexicon) }
        if let best = bestCandidate(of: form, matching: .caseInsensitive) {
            return Lemma(Self.referenceTerm(best.lemma), source: .lexicon)
        }
        if form.unicodeScalars.contains(where: { MorfologikDictionary.diacriticVariants[$0] != nil }),
           let best = bestCandidate(of: form, matching: [.caseInsensitive, .restoreDiacritics]) {
            return Lemma(Self.referenceTerm(best.lemma), source: .diacriticsRestored)
        }
        if let guessed = guesser?.guess(form), guessed != form, !isKnownWord(guessed) {
            return Lemma(guessed, source: .guesser)
        }
        return Lemma(form, source: .identity)
    }

    /// Why guesses that are known words are refused: PoliMorf lists whole paradigms, so a word it lacks is not an
    /// inflected form of a lemma it has; a guess landing on a known word ("lili" → "lić", "bowie" → "b") would
    /// wrongly merge an unknown name with a known lemma.
    func isKnownWord(_ word: String) -> Bool {
        var copy = word
        if let known = copy.withUTF8({ hasSurface($0, matching: .caseInsensitive) }) { return known }
        return referenceIsKnownWord(word)
    }

    /// `isKnownWord` by the allocating `surfaces` walk: what `hasSurface` must reproduce (tests).
    func referenceIsKnownWord(_ word: String) -> Bool {
        !dictionary.surfaces(of: word, matching: .caseInsensitive, maxSurfaces: 1).isEmpty
    }

    /// A candidate lemma of a form, with what ranks it.
    public struct Candidate: Equatable, Sendable {
        public var lemma: String
        public var cls: String
        public var score: Int
    }

    /// The distinct (lemma, class) candidates of `form`, best first.
    public func candidates(of form: String, matching: MorfologikDictionary.Matching = .caseInsensitive) -> [Candidate] {
        var out: [Candidate] = []
        dictionary.forEachReading(of: form, matching: matching) { _, lemmaBytes, tagBytes in
            let lemma = String(decoding: lemmaBytes, as: UTF8.self)
            ReadingClass.forEachClass(ofTag: tagBytes) { cls in
                guard !out.contains(where: { $0.cls == cls && $0.lemma == lemma }) else { return }
                let score = lemmaBytes.withUnsafeBufferPointer { priors?.score(lemma: $0, cls: cls) ?? 0 }
                out.append(Candidate(lemma: lemma, cls: cls, score: score))
            }
        }
        out.sort(by: Self.ranksBefore)
        return out
    }

    func bestCandidate(of form: String, matching: MorfologikDictionary.Matching) -> Candidate? {
        candidates(of: form, matching: matching).first
    }

    /// The total order on candidates (see the type's comment).
    static func ranksBefore(_ a: Candidate, _ b: Candidate) -> Bool {
        let ta = ReadingClass.tier(a.cls), tb = ReadingClass.tier(b.cls)
        if ta != tb { return ta < tb }
        let ba = ReadingClass.isAbbreviation(a.cls), bb = ReadingClass.isAbbreviation(b.cls)
        if ba != bb { return !ba }
        if a.score != b.score { return a.score > b.score }
        let ra = ReadingClass.rank(a.cls), rb = ReadingClass.rank(b.cls)
        if ra != rb { return ra < rb }
        return a.lemma.utf8.lexicographicallyPrecedes(b.lemma.utf8)
    }

    /// The indexed spelling of a lemma: lower case ("Kraków" → "kraków"), spaces joined ("na przykład").
    /// Lemmas already in lower case without spaces (nearly all) are returned as they are: `lowercased()` would
    /// give the same bytes, only slower.
    static func term(_ lemma: String) -> String {
        if isPlainLowercase(lemma) { return lemma }
        return referenceTerm(lemma)
    }

    static func referenceTerm(_ lemma: String) -> String {
        var t = lemma.lowercased()
        if t.utf8.contains(0x20) { t = t.replacingSpaces() }  // bytes: String.contains(String) goes through Foundation
        return t
    }

    /// True when every scalar is ASCII other than A–Z and space, or one of ą ć ę ł ń ó ś ź ż: text that
    /// `lowercased()` leaves unchanged and that has no space to join.
    static func isPlainLowercase(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            var i = 0
            while i < b.count {
                let x = b[i]
                if x < 0x80 {
                    if (x >= 0x41 && x <= 0x5A) || x == 0x20 { return false }
                    i += 1
                    continue
                }
                guard i + 1 < b.count else { return false }
                let pair = UInt16(x) << 8 | UInt16(b[i + 1])
                switch pair {
                case 0xC485, 0xC487, 0xC499, 0xC582, 0xC584, 0xC3B3, 0xC59B, 0xC5BA, 0xC5BC: i += 2
                default: return false
                }
            }
            return true
        }
    }

    /// True when the form has a letter that could stand for a Polish one (a, c, e, l, n, o, s, z). Those letters
    /// are ASCII, so a byte test answers as the scalar table would.
    static func mayLackDiacritics(_ form: String) -> Bool {
        form.utf8.contains { b in
            switch b {
            case 0x61, 0x63, 0x65, 0x6C, 0x6E, 0x6F, 0x73, 0x7A: return true
            default: return false
            }
        }
    }
}

/// Agglutinate forms of "być" and of the conditional "by", which UD-style tokenisation splits off
/// ("zrobił|em", "by|śmy") and which PoliMorf does not list as words.
enum Agglutinates {
    static let lemma: [String: String] = [
        "m": "być", "em": "być", "ś": "być", "eś": "być", "śmy": "być", "eśmy": "być", "ście": "być", "eście": "być",
        "bym": "by", "byś": "by", "byśmy": "by", "byście": "by",
    ]
    /// The longest key in bytes: longer forms skip the hash lookup.
    static let longest = lemma.keys.map(\.utf8.count).max() ?? 0
}

extension String {
    fileprivate func replacingSpaces() -> String {
        String(unicodeScalars.map { $0 == " " ? "_" : Character($0) })
    }
}
