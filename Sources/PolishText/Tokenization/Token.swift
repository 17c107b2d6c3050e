/// What a token is. Programs read these codes (`analyze` prints them).
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    /// Letters (possibly with digits, inner apostrophes or dots, as ICU joins them: "19a", "NGO's", "krakow.pl").
    case word
    /// Digits, with decimal commas, dotted dates and thousands groups joined: "3,5", "12.03.2024", "100 000,00".
    case number
    /// A known abbreviation with its dot(s): "np.", "m.in.", "ul.", "art.".
    case abbreviation
    /// A web address: "https://co.krakow.pl/", "www.ngo.pl/wiadomosci?id=5".
    case url
    /// An e-mail address: "biuro@ngo.org.pl".
    case email
    /// An amount of money, the number and its currency as one token: "8 000,00 zł", "1.500 zł", "20 tys. zł",
    /// "300 PLN". It gives no term: an amount says nothing about a demand's theme and drifts between
    /// resubmissions, so themes and similarity both leave it out on purpose (`analyze` shows it).
    case money
}

/// One token of a text: its UTF-8 byte range in the source, its kind, and whether a hyphen joins it to the
/// previous token ("pro-sąsiedzkie" gives "pro" and then "sąsiedzkie" with `afterHyphen`), so callers can show the
/// compound whole and still index both halves.
public struct Token: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var kind: TokenKind
    public var afterHyphen: Bool

    public init(start: Int, end: Int, kind: TokenKind, afterHyphen: Bool = false) {
        self.start = start; self.end = end; self.kind = kind; self.afterHyphen = afterHyphen
    }

    /// The token's text in `source` (the same string the offsets came from).
    public func text(in source: String) -> String {
        let u = source.utf8
        return String(decoding: u[u.index(u.startIndex, offsetBy: start)..<u.index(u.startIndex, offsetBy: end)], as: UTF8.self)
    }
}
