import Foundation

/// What a theme model removes from a field's text before analysis (`VectorizerConfiguration.textFilter`).
/// Stored in the model, so tagging reads text exactly as training did; a model without it (older ones, the stance
/// model) reads the text whole.
public enum TextFilter: String, Codable, Hashable, Sendable {
    /// `FormBoilerplate.strip`: cost tables, budget lines and the application form's headings.
    case formBoilerplate = "form-boilerplate"

    public func apply(_ text: String) -> String {
        switch self {
        case .formBoilerplate: return FormBoilerplate.strip(text)
        }
    }
}

extension Optional where Wrapped == TextFilter {
    /// The text as a model with this filter (or none) reads it.
    @inline(__always)
    func apply(_ text: String) -> String {
        switch self {
        case .some(let f): return f.apply(text)
        case .none: return text
        }
    }
}

/// Recognises the parts of a participatory-budget application that are form, not content: the cost table
/// ("Lp. Elementy składowe Koszt szacunkowy 1. Projekt 20 000 zł …"), budget lines ("Szacunkowy koszt realizacji
/// projektu: 150 000 zł", "Koszt całkowity", "Razem") and the form's headings ("Uzasadnienie:", "Opis projektu:").
///
/// Why: the taxonomy says a project's own costs are not `funding`, yet every application carries such lines, so
/// their words ("koszt", "szacunkowy", "kwota") became evidence for `funding` on every record that had them, and
/// the headings repeat on every record whatever its theme. Removed before analysis, they give no term at all.
/// What stays is the description itself (a cost line's item names are dropped with it: they sit inside the table).
public enum FormBoilerplate {
    /// Returns `text` without its cost tables, budget lines and form headings (whitespace between the kept parts
    /// collapsed to one space per removed part). Text without any of them is returned unchanged.
    public static func strip(_ text: String) -> String {
        guard mayMatch(text), mayContain(text) else { return text }
        // The patterns' own matching, without NSRegularExpression, wherever the text's scalars allow
        // (`BoilerplateMatcher`; the same result, checked against the patterns in `BoilerplateMatcherTests`).
        return BoilerplateMatcher.strip(text) ?? byPatterns(text)
    }

    /// `strip` without the byte scan's first look and without the matcher (what the tests compare it with).
    static func stripByPatterns(_ text: String) -> String {
        guard mayContain(text) else { return text }
        return byPatterns(text)
    }

    /// The two regular expressions' replacements, without any first look.
    static func byPatterns(_ text: String) -> String {
        guard let costLine, let heading else { return text }
        // A cost table or budget line: from its opening phrase to the last amount that follows on the same line
        // (a table pasted as one line keeps its rows on it), or to the end of the phrase and a number after it.
        return replace(heading, in: replace(costLine, in: text))
    }

    /// Whether either pattern can match `text` at all (`BoilerplateScan`): most texts that `mayContain` lets
    /// through hold a marker as a plain word ("koszty", "opisać") and no pattern can match them.
    static func mayMatch(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { BoilerplateScan.mayMatch($0) }
    }

    /// A cheap first look, on the bytes with ASCII letters lower-cased: most texts (titles) hold none of the word
    /// beginnings every pattern needs, and tagging must not pay for the patterns on them.
    static func mayContain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2 else { return false }
            for i in 0..<(bytes.count - 1) {
                let b = bytes[i] | 0x20
                guard b >= 0x61 && b <= 0x7A else { continue }
                for m in markers where m[0] == b && i + m.count <= bytes.count {
                    var j = 1
                    while j < m.count && (bytes[i + j] < 0x80 ? bytes[i + j] | 0x20 : bytes[i + j]) == m[j] { j += 1 }
                    if j == m.count { return true }
                }
            }
            return false
        }
    }

    /// Beginnings of every pattern's words, as lower-case UTF-8 ("tytu" for "tytuł", "budże" for "budżet").
    private static let markers: [[UInt8]] = ["koszt", "lp", "element", "składow", "razem", "kwot", "uzasadn", "opis",
                                             "lokaliz", "tytu", "suma", "warto", "budże", "cel", "benef",
                                             "odbior", "rodzaj", "kategor"].map { Array($0.utf8) }

    /// An amount: digits (thousands grouped by spaces, dots or commas), optionally "tys."/"mln", then a currency.
    private static let amount = #"\d[\d\u00A0 .,]*\s*(?:tys\.?|mln|tysięcy)?\s*(?:zł(?:otych)?|pln)\b\.?"#

    /// Opening phrases of a cost table or budget line.
    private static let costOpening = #"(?:\blp\.?\s+(?:elementy?|nazwa|opis|składow|koszt|zadani|rodzaj)\w*"#
        + #"|\belementy?\s+składowe?\w*|\bskładowe\s+(?:projektu|zadania)"#
        + #"|\b(?:szacunkowy|szacowany|przewidywany|całkowity|łączny|zweryfikowany|planowany)\s+koszt\w*"#
        + #"|\bkoszt\w*\s+(?:szacunkow|całkowit|łączn|realizacji|brutto|netto|utrzymania|zadania|projektu)\w*"#
        + #"|\bkosztorys\w*|\bwartość\s+(?:projektu|zadania|brutto|netto)|\bbudżet\s+projektu"#
        + #"|\b(?:razem|suma|kwota)\s*(?:brutto|netto)?\s*:?\s*(?=\d))"#

    /// (The patterns are constants; `try?` only because the initialiser throws: a pattern that failed to compile
    /// would leave text unfiltered, which `FormBoilerplateTests` would catch.)
    /// From an opening phrase to the last amount on the line (lazy run of anything but a line break up to an
    /// amount, repeated), else the phrase with a following colon and number.
    static let costLine = try? NSRegularExpression(
        pattern: costOpening + #"(?:[^\n]*?"# + amount + #")+|"# + costOpening + #"\s*:?\s*[\d\u00A0 .,]*"#,
        options: [.caseInsensitive])

    /// A form heading: at the start of a line (or the text), a heading word or phrase, then a colon or a line end.
    static let heading = try? NSRegularExpression(
        pattern: #"(?m)^[ \t]*(?:uzasadnienie(?:\s+projektu)?|(?:krótki|skrócony|szczegółowy)?\s*opis(?:\s+projektu)?"#
            + #"|lokalizacja(?:\s+projektu)?|tytuł(?:\s+projektu)?|cel(?:\s+projektu)?|beneficjenci|odbiorcy projektu"#
            + #"|rodzaj projektu|kategoria projektu)[ \t]*(?::|$)"#,
        options: [.caseInsensitive])

    private static func replace(_ regex: NSRegularExpression, in text: String) -> String {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.stringByReplacingMatches(in: text, options: [], range: range, withTemplate: " ")
    }
}
