/// The coarse class of a Morfologik (NKJP-style) tag, used to rank a form's readings.
///
/// Why coarse: the choice between readings is between lemmas, and the tag's detail (case, number, gender) does not
/// change which lemma is meant. Verb forms, gerunds, participles, adjectives and nouns each form one class, so
/// that a gerund ("mieszkanie" ← mieszkać) and a lexicalised noun ("mieszkanie") stay distinct candidates; every
/// other part of speech is its own class. The class names are the ones in `Models/lemma-priors.tsv`.
public enum ReadingClass {
    /// The class of one tag alternative (the part before the first ":" decides).
    public static func of(tagAlternative tag: Substring) -> String {
        of(pos: String(tag.prefix { $0 != ":" }))
    }

    /// The class of a part-of-speech name (the first field of a tag).
    public static func of(pos: String) -> String {
        switch pos {
        case "verb", "fin", "praet", "inf", "impt", "imps", "bedzie", "aglt", "winien", "pcon", "pant": return "V"
        case "ger": return "G"
        case "pact", "ppas": return "P"
        case "adj", "adja", "adjp", "adjc": return "A"
        case "subst", "depr": return "N"
        default: return pos
        }
    }

    /// The distinct classes of a tag string whose alternatives are joined by "+", in first-seen order.
    public static func classes(ofTag tag: String) -> [String] {
        var out: [String] = []
        for alt in tag.split(separator: "+") {
            let c = of(tagAlternative: alt)
            if !out.contains(c) { out.append(c) }
        }
        return out
    }

    /// Calls `body` with the class of each "+"-joined alternative of a tag given as UTF-8 bytes (repeats included).
    /// Allocation-free for the short part-of-speech names of the NKJP tag set: the hot path of every lookup.
    @inline(__always)
    static func forEachClass(ofTag tag: UnsafeBufferPointer<UInt8>, _ body: (String) -> Void) {
        var start = 0
        let n = tag.count
        while start < n {
            var end = start, colon = -1
            while end < n && tag[end] != 0x2B {
                if colon < 0 && tag[end] == 0x3A { colon = end }
                end += 1
            }
            let posEnd = colon < 0 ? end : colon
            body(of(pos: String(decoding: UnsafeBufferPointer(rebasing: tag[start..<posEnd]), as: UTF8.self)))
            start = end + 1
        }
    }

    /// Function words first (uninflected ones, then pronouns): a form that can be "nie", "to", "w" or "może" is that
    /// function word in running text far more often than an inflected form of a content word; corpus frequencies of
    /// forms cannot show this, since they do not say which reading was meant.
    public static func tier(_ cls: String) -> Int {
        switch cls {
        case "prep", "conj", "qub", "comp": return 0
        case "ppron12", "ppron3", "siebie": return 1
        default: return 2
        }
    }

    /// Abbreviation readings ("w" = wiek, "m" = metr) come after every other reading.
    public static func isAbbreviation(_ cls: String) -> Bool { cls == "brev" }

    /// Tie-break between equally likely readings of different classes. Verb-derived readings (participle, gerund)
    /// come before an adjective or noun spelled the same: PoliMorf gives both the same forms, so frequencies tie,
    /// and UD's convention is that participles and gerunds take the verb's infinitive ("zatrzymany",
    /// "zatrzymanie" → zatrzymać), which also keeps a verb's forms together.
    public static func rank(_ cls: String) -> Int {
        switch cls {
        case "prep": return 0
        case "conj": return 1
        case "qub": return 2
        case "ppron12": return 3
        case "ppron3": return 4
        case "siebie": return 5
        case "comp": return 6
        case "pred": return 7
        case "adv": return 8
        case "num": return 9
        case "interj": return 10
        case "V": return 11
        case "P": return 12
        case "G": return 13
        case "A": return 14
        case "N": return 15
        case "brev": return 16
        case "burk": return 17
        default: return 50
        }
    }
}
