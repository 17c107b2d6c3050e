/// Polish plural forms, as a count is spoken: 1 postulat, 2–4 postulaty, 5–21 postulatów, 22–24 postulaty,
/// 12–14 postulatów, 112–114 postulatów; 0 postulatów.
public enum PolishPlural {
    public enum Form: Sendable, Equatable { case one, few, many }

    /// The form a count takes: `one` for exactly 1; `few` when it ends in 2–4 but not in 12–14; `many` otherwise.
    public static func form(_ n: Int) -> Form {
        let a = n.magnitude
        if a == 1 { return .one }
        let last = a % 10, lastTwo = a % 100
        if (2...4).contains(last) && !(12...14).contains(lastTwo) { return .few }
        return .many
    }

    /// "\(n) \(word)" with the word in the form the count takes.
    public static func count(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        switch form(n) {
        case .one: return "\(n) \(one)"
        case .few: return "\(n) \(few)"
        case .many: return "\(n) \(many)"
        }
    }
}

/// A count with its noun in the run's language: `counted(3, pl: ("postulat", "postulaty", "postulatów"),
/// en: ("postulate", "postulates"))` → "3 postulaty" or "3 postulates".
public func counted(_ n: Int, pl: (String, String, String), en: (String, String)) -> String {
    switch MessageLanguage.current {
    case .pl: return PolishPlural.count(n, pl.0, pl.1, pl.2)
    case .en: return "\(n) \(n == 1 ? en.0 : en.1)"
    }
}
