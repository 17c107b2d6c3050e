/// The context stage of the analysis chain: terms that depend on the neighbouring tokens, which the per-form
/// cache cannot give. Runs after each token's own analysis, holding back at most one token.
///
/// * **Identifiers.** A number after "nr"/"numer" gives `nr:N` (the marker itself gives no term then); after an
///   all-capitals code ("SP 114", "SP114", "ZSP nr 3") `sp:114`, `zsp:3` (the code keeps its own term); after a name
///   (a street: "ul. Mirowskiej 12", "Długa 7a") `nr:12`; a year 1900–2100 standing alone `rok:2020`. Other numbers
///   stay out unless `keepNumbers`; amounts are `money` tokens with no term.
/// * **Names.** A capitalised word is a name when it follows ul., al., pl., os., park, skwer, osiedle, rondo, im.
///   (`WordShape.triggers`) or is hyphenated to a name ("Bielsko-Biała"); when the lexicon
///   does not know it; or when the lexicon lists it as a proper name (mid-sentence; at a sentence's start, where
///   every word has a capital, one with a common reading too is held back and is the name unless lower-case text
///   follows it after a space: "Grabówka" alone, as a district field holds it, or "Grabówka - plac zabaw" is the
///   name that "na Grabówce" inflects; "Budowa placu" stays common). A capitalised adjective right
///   before a name belongs to it ("Stare Polesie", "Nowa Huta"). A name gives one term for all its case forms
///   (`NameKey`), never the common word it resembles ("Stare" is not `stary`, "Rakowie" not `rak`).
/// Lower-case text and single lower-case words (UD's tokens, `postulaty stem` of them) are analysed as before.
struct ContextTerms {
    struct Item {
        var token: Token
        var form: Analyzer.CachedForm
        /// A sentence starts at this token (the text's first, or after . ! ? ; or a line break).
        var sentenceStart: Bool
        /// Only spaces or a hyphen between this token and the one before.
        var joined: Bool
        /// Only spaces between this token and the one before (no hyphen, no punctuation).
        var spaced: Bool = false
    }

    enum Pending { case marker(code: String?), adjective, initial }

    let keepNumbers: Bool
    private var pending: (item: Item, why: Pending)?
    private var lastName = false
    private var lastTrigger = false
    private var lastCode: String?

    init(keepNumbers: Bool) { self.keepNumbers = keepNumbers }

    mutating func push(_ item: Item, _ emit: (Item, String?) -> Void) {
        if let (held, why) = pending {
            pending = nil
            switch why {
            case .marker(let code):
                if item.joined, let value = Self.identifierValue(item) {
                    emit(held, nil)
                    emit(item, "\(code ?? "nr"):\(value)")
                    reset()
                    return
                }
                emit(held, held.form.term)
                reset()
            case .initial:
                // A sentence's first word that is both a proper name and a common word: the common word when a
                // lower-case word follows it after a space, as running text goes on ("Rak rzeczny", "Budowa placu";
                // in a title typed in capitals, any word so typed: "MUZYKA DLA SMYKA"; a stop word, whatever its
                // case: "Muzyka Dla Smyka"), else the name: a label
                // alone ("Grabówka", "Raków": a district field), before a dash, colon or comma ("Grabówka - plac
                // zabaw"), or before another capitalised word ("Raków Zacisze").
                let next = item.form.shape
                let lowerNext = item.token.kind == .word && item.spaced
                    && (next.letterCase == .lower || item.form.isStop
                        || (held.form.shape.capitals && (next.capitals || next.letterCase == .upper)))
                if lowerNext {
                    emit(held, held.form.term)
                    reset()
                    lastTrigger = held.form.shape.nameTrigger
                } else {
                    emit(held, held.form.shape.nameTerm)
                    reset()
                    lastName = true
                    lastTrigger = held.form.shape.nameTrigger
                }
            case .adjective:
                if item.joined && isName(item, afterName: false) {
                    emit(held, held.form.shape.nameTerm)
                    reset()
                    lastName = true
                } else {
                    emit(held, held.form.term)
                    reset()
                }
            }
        }
        decide(item, emit)
    }

    mutating func finish(_ emit: (Item, String?) -> Void) {
        if let (held, why) = pending {
            if case .initial = why { emit(held, held.form.shape.nameTerm) } else { emit(held, held.form.term) }
        }
        pending = nil
        reset()
    }

    private mutating func reset() { lastName = false; lastTrigger = false; lastCode = nil }

    private mutating func decide(_ item: Item, _ emit: (Item, String?) -> Void) {
        let shape = item.form.shape
        switch item.token.kind {
        case .word, .abbreviation:
            if shape.numberMarker {
                let code = item.joined ? lastCode : nil
                reset()
                pending = (item, .marker(code: code))
                return
            }
            if let code = shape.code {
                emit(item, item.form.term)
                reset()
                lastCode = code
                return
            }
            if shape.houseNumber, item.joined, lastName || lastCode != nil {
                emit(item, "\(lastCode ?? "nr"):\(item.form.normalized)")
                reset()
                return
            }
            if shape.letterCase == .title {
                if item.form.term == nil {
                    // A capitalised stop word inside a street name ("ul. Na Skarpie") keeps the name going.
                    emit(item, nil)
                    if !lastTrigger { reset() }
                    return
                }
                if isName(item, afterName: lastName) {
                    emit(item, shape.nameTerm)
                    reset()
                    lastName = true
                    lastTrigger = shape.nameTrigger
                    return
                }
                if item.sentenceStart && shape.readings.isProper && shape.readings.common && !shape.nameTrigger {
                    reset()
                    pending = (item, .initial)
                    return
                }
                if shape.readings.commonAdjective {
                    reset()
                    pending = (item, .adjective)
                    return
                }
            }
            emit(item, item.form.term)
            reset()
            lastTrigger = shape.nameTrigger
        case .number:
            let value = item.form.normalized
            var term: String?
            if item.joined, let code = lastCode {
                term = "\(code):\(value)"
            } else if Self.isYear(value) {
                term = "rok:\(value)"
            } else if item.joined, lastName, value.utf8.count <= 4, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                term = "nr:\(value)"
            } else {
                term = keepNumbers ? value : nil
            }
            emit(item, term)
            reset()
        case .url, .email, .money:
            emit(item, item.form.term)
            reset()
        }
    }

    /// Whether a capitalised word is a name where it stands (see the type's comment).
    private func isName(_ item: Item, afterName: Bool) -> Bool {
        let shape = item.form.shape
        guard shape.letterCase == .title, item.form.term != nil, shape.nameTerm != nil else { return false }
        let r = shape.readings
        if lastTrigger && item.joined {
            return !Self.notNamesAfterTrigger.contains(item.form.normalized)
        }
        // After a name, a capitalised common word stays common ("Krakowskiej Radzie Seniorów" keeps `senior`), unless
        // it is joined by a hyphen ("Bielsko-Biała") or is a name itself.
        if afterName && item.joined && item.token.afterHyphen { return true }
        // A sentence's first word typed without Polish letters ("Mieszkancy zglaszaja…") is the common word the
        // lexicon gives once the letters are restored, not an unknown name.
        if r.isUnknown { return !(item.sentenceStart && item.form.source == .diacriticsRestored) }
        if r.isProper { return !item.sentenceStart || !r.common }
        return false
    }

    /// "Plac Zabaw" is a playground, not a square named Zabawy.
    static let notNamesAfterTrigger: Set<String> = ["zabaw"]

    /// The value of a number (or a house number written as a word) that an identifier takes.
    static func identifierValue(_ item: Item) -> String? {
        if item.token.kind == .number { return item.form.normalized }
        if item.token.kind == .word && item.form.shape.houseNumber { return item.form.normalized }
        return nil
    }

    /// Four digits from 1900 to 2100.
    static func isYear(_ s: String) -> Bool {
        guard s.utf8.count == 4, let y = Int(s) else { return false }
        return (1900...2100).contains(y)
    }
}

/// What lies between two tokens: a sentence boundary, or only spaces and hyphens (the tokens are joined).
enum TokenGap {
    static func classify(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (sentenceStart: Bool, joined: Bool, spaced: Bool) {
        if from < 0 { return (true, false, false) }
        var joined = true, spaced = true
        for k in from..<max(from, to) {
            switch b[k] {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), 0x0A:
                return (true, false, false)
            case 0x20:
                continue
            case UInt8(ascii: "-"):
                spaced = false
            default:
                joined = false; spaced = false
            }
        }
        return (false, joined, spaced)
    }
}
