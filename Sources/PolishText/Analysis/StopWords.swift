/// The project's own Polish stop-word list (documented in docs/stopwords.md).
///
/// Why lemmas: the list is checked against the lemma as well as the form, so one entry ("być") removes every
/// inflected form ("jest", "były", "będzie"). It holds function words (pronouns, prepositions, conjunctions,
/// particles, auxiliary verbs) and the boilerplate of consultation documents that says nothing about the theme
/// ("postulat", "uwaga", "wydział", "gmina", "kraków", "program", "współpraca" is NOT here: it carries the networking theme).
public enum StopWords {
    public static let version = "pl-2026.1"

    public static let functionWords: Set<String> = [
        // pronouns
        "ja", "ty", "on", "ona", "ono", "my", "wy", "oni", "one", "mnie", "mi", "mną", "cię", "ciebie", "ci", "tobą",
        "go", "jego", "niego", "mu", "jemu", "niemu", "nim", "ją", "jej", "niej", "nią", "nas", "nam", "nami",
        "was", "wam", "wami", "ich", "nich", "im", "nimi", "je", "się", "siebie", "sobie", "sobą",
        "mój", "twój", "swój", "nasz", "wasz", "ten", "ta", "to", "tamten", "ów", "taki", "tak", "tyle",
        "który", "jaki", "kto", "co", "czyj", "ktoś", "coś", "ktokolwiek", "cokolwiek", "jakiś", "któryś",
        "każdy", "wszystek", "wszyscy", "wszystko", "żaden", "nic", "nikt", "inny", "sam", "sama", "samo",
        "tu", "tutaj", "tam", "gdzie", "kiedy", "wtedy", "teraz", "dziś", "dzisiaj", "jak", "jako", "dlaczego",
        "czemu", "skąd", "dokąd", "stąd", "tamtędy", "zawsze", "nigdy", "czasem", "często",
        // prepositions
        "w", "we", "z", "ze", "na", "do", "od", "o", "u", "po", "przy", "przez", "przed", "za", "nad", "pod",
        "między", "dla", "bez", "ku", "około", "obok", "wśród", "poza", "wobec", "według", "dzięki", "mimo",
        "oprócz", "spod", "znad", "zza", "sprzed", "ponad", "poprzez", "wokół", "względem", "naprzeciw", "koło",
        "pomiędzy", "śród", "wzdłuż", "podczas",
        // conjunctions and particles
        "i", "a", "oraz", "lub", "albo", "czy", "ani", "ale", "lecz", "jednak", "natomiast", "zaś", "więc",
        "bo", "bowiem", "ponieważ", "że", "żeby", "aby", "by", "gdy", "gdyby", "jeśli", "jeżeli", "choć",
        "chociaż", "także", "też", "również", "nawet", "tylko", "jeszcze", "już", "nie", "tak", "no", "czyli",
        "zatem", "np", "tj", "tzn", "tzw", "itd", "itp", "ww", "m.in", "ok", "ponadto", "jednocześnie",
        "zarówno", "jak", "niż", "aż", "ależ", "li", "że", "iż", "który", "oto", "właśnie", "przede", "wszystkim",
        "bardzo", "bardziej", "najbardziej", "mniej", "więcej", "dużo", "wiele", "kilka", "trochę",
        // auxiliaries and the most general verbs
        "być", "zostać", "mieć", "móc", "musieć", "powinien", "należeć", "chcieć", "mieć", "bywać", "zostawać",
        "można", "trzeba", "należy", "warto",
    ]

    /// Words of the consultation genre itself, frequent in every postulate whatever its theme.
    public static let genreWords: Set<String> = [
        "postulat", "postulować", "uwaga", "uzasadnienie", "stanowisko", "proponować", "propozycja",
        "rok", "r", "dotyczyć", "ramy", "zakres", "zadanie", "realizacja", "realizować", "ramach",
    ]

    public static let all: Set<String> = functionWords.union(genreWords)

    /// `all` asked by bytes (`ByteWordSet`): the analyzer asks this of every new form and lemma.
    static let allBytes = ByteWordSet(all)

    public static func contains(_ word: String) -> Bool { allBytes.contains(word) }
}
