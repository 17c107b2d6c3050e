/// Polish abbreviations written with a dot, as they occur in municipal and NGO texts, with the word each stands for
/// (its lemma). An empty expansion marks a function abbreviation ("np." = for example) that is a stop word.
///
/// Why a list and not a rule: a word before a dot is usually a sentence end; only listed abbreviations keep the dot.
public enum Abbreviations {
    public static let expansions: [String: String] = [
        "np": "", "tj": "", "tzn": "", "tzw": "", "ww": "", "itd": "", "itp": "", "m.in": "", "ok": "",
        "jw": "", "wg": "", "pt": "", "pn": "", "ds": "", "zob": "", "por": "", "ew": "", "odp": "", "br": "",
        "ul": "ulica", "al": "aleja", "pl": "plac", "os": "osiedle",
        "art": "artykuł", "ust": "ustęp", "pkt": "punkt", "par": "paragraf", "poz": "pozycja",
        "r": "rok", "rr": "rok", "godz": "godzina", "min": "minuta", "tys": "tysiąc", "mln": "milion", "mld": "miliard",
        "nr": "numer", "str": "strona", "tel": "telefon", "wyd": "wydanie", "dz.u": "dziennik",
        "dr": "doktor", "hab": "habilitowany", "prof": "profesor", "inż": "inżynier", "mgr": "magister",
        "św": "święty", "im": "imię", "gm": "gmina", "woj": "województwo", "pow": "powiat",
        "zł": "złoty", "gr": "grosz", "proc": "procent",
    ]

    /// Two-part abbreviations that ICU splits when a space follows the first dot: "m. in." is "m.in.".
    public static let twoPart: Set<String> = ["m.in", "p.o", "j.w", "t.j", "b.r", "u.s", "dz.u"]

    public static func isAbbreviation(_ lowercased: String) -> Bool { expansions[lowercased] != nil }
}
