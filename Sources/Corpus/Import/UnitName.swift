/// Names of city units as the answers write them ("Stanowisko Wydziału Dialogu…") in the nominative
/// ("Wydział Dialogu…"), so one unit is counted once however a document inflects it. Only the head words
/// inflect; the rest of the name is already a genitive complement and stays as written. An unknown head is
/// kept as written.
enum UnitName {
    static let heads: [(String, String)] = [
        ("Miejskiego Ośrodka", "Miejski Ośrodek"), ("Miejskiego Zarządu", "Miejski Zarząd"),
        ("Miejskiego Centrum", "Miejskie Centrum"), ("Miejskiego Urzędu", "Miejski Urząd"),
        ("Wydziału", "Wydział"), ("Biura", "Biuro"), ("Zespołu", "Zespół"), ("Urzędu", "Urząd"), ("Działu", "Dział"),
        ("Referatu", "Referat"), ("Ośrodka", "Ośrodek"), ("Zarządu", "Zarząd"), ("Kancelarii", "Kancelaria"),
        ("Pełnomocnika", "Pełnomocnik"), ("Straży", "Straż"), ("Komendy", "Komenda"), ("Centrum", "Centrum"),
        ("Rzecznika", "Rzecznik"), ("Departamentu", "Departament"),
        // The same typed without Polish letters.
        ("Wydzialu", "Wydzial"), ("Zespolu", "Zespol"), ("Urzedu", "Urzad"), ("Dzialu", "Dzial"),
        ("Osrodka", "Osrodek"), ("Zarzadu", "Zarzad"), ("Strazy", "Straz"), ("Pelnomocnika", "Pelnomocnik"),
        ("Miejskiego Osrodka", "Miejski Osrodek"),
    ]

    /// Where a unit name starts in `text` (the first head word), if anywhere.
    static func start(in text: String) -> String.Index? {
        var best: String.Index?
        for (g, _) in heads {
            var search = text.startIndex..<text.endIndex
            while let r = text.range(of: g, range: search) {
                let atWord = r.lowerBound == text.startIndex || !text[text.index(before: r.lowerBound)].isLetter
                let endWord = r.upperBound == text.endIndex || !text[r.upperBound].isLetter
                if atWord && endWord {
                    if best == nil || r.lowerBound < best! { best = r.lowerBound }
                    break
                }
                search = r.upperBound..<text.endIndex
            }
        }
        return best
    }

    static func nominative(_ genitive: String) -> String {
        var s = genitive
        while let l = s.last, l == ":" || l == "." || l == "-" || l == "–" || l.isWhitespace { s.removeLast() }
        for (g, n) in heads where s.hasPrefix(g + " ") || s == g {
            return n + s.dropFirst(g.count)
        }
        return s
    }
}
