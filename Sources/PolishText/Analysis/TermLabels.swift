/// How terms read to people. Most terms are words ("oświetlenie"), but a name's term is a key made to match every
/// case form of the name ("Dlud" for "Długiej", "Obluz" for "Obłużu"; `NameKey`): right for matching, a typo to a
/// reader. Where terms are shown to people (`similar`'s text, the service's pages, the report) a name's key is
/// replaced by the word as the texts at hand write it: the most frequent spelling, the first seen on a tie; a
/// bigram's parts are replaced one by one. Programs keep the terms themselves (the JSON arrays `shared_terms`,
/// `differing_terms`, `tag`'s `evidence`), which are what matches across records.
public struct TermLabels: Sendable, Equatable {
    /// name key → the word shown for it
    public private(set) var words: [String: String] = [:]

    public init() {}

    /// Labels for the names among `terms`, read from `texts` with `analyzer` (the one that made the terms). Texts
    /// are analysed only when some term holds a name.
    public init(for terms: some Sequence<String>, in texts: some Sequence<String>, analyzer: any TextAnalyzing) {
        var wanted = Set<String>()
        for t in terms { for part in t.split(separator: " ") where TermKind.of(String(part)) == .name { wanted.insert(String(part)) } }
        guard !wanted.isEmpty else { return }
        // key → spelling → (count, first seen)
        var seen: [String: [String: (count: Int, order: Int)]] = [:]
        var order = 0
        for text in texts {
            let bytes = Array(text.utf8)
            analyzer.forEachTermSpan(in: text) { term, span in
                guard wanted.contains(term), span.lowerBound >= 0, span.upperBound <= bytes.count else { return }
                let word = String(decoding: bytes[span], as: UTF8.self)
                order += 1
                seen[term, default: [:]][word, default: (0, order)].count += 1
            }
        }
        for (key, spellings) in seen {
            if let best = spellings.min(by: { ($1.value.count, $0.value.order) < ($0.value.count, $1.value.order) }) {
                words[key] = best.key
            }
        }
    }

    /// The term as shown: a name's key replaced by its word (when the texts had it), every other term as it is.
    public func label(_ term: String) -> String {
        guard !words.isEmpty else { return term }
        if let w = words[term] { return w }
        guard term.contains(" ") else { return term }
        return term.split(separator: " ").map { words[String($0)] ?? String($0) }.joined(separator: " ")
    }

    public func labels(_ terms: [String]) -> [String] { terms.map(label) }
}
