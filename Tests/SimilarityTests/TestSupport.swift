import Corpus
import PolishText
@testable import Similarity

/// Seeded generator (SplitMix64): random corpora are the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

enum Fixtures {
    /// An analyzer whose terms are lower-cased words: the tests must hold whatever the lemmatiser is.
    static func analyzer() -> Analyzer { try! Analyzer(lemmatizer: IdentityLemmatizer()) }

    /// Pseudo-words of letters only ("kabe", "tolu"…), never Polish stop words.
    static func word(_ i: Int) -> String {
        let consonants = Array("bdfgklmnprstwz"), vowels = Array("aeiouy")
        var s = "", x = i
        repeat {
            s.append(consonants[x % consonants.count]); x /= consonants.count
            s.append(vowels[x % vowels.count]); x /= vowels.count
        } while x > 0
        return "q" + s
    }

    /// Random postulates with a Zipf-like word choice (shared frequent words, rare distinctive ones), years and
    /// meetings, some duplicated with small edits so that near-duplicates exist.
    static func corpus(size: Int, vocabulary: Int = 80, seed: UInt64) -> [Postulate] {
        var rng = SplitMix64(seed: seed)
        var out: [Postulate] = []
        for i in 0..<size {
            var words: [String]
            if i > 0 && rng.int(4) == 0 {
                words = out[rng.int(out.count)].text.split(separator: " ").map(String.init)
                if words.count > 2 { words.remove(at: rng.int(words.count)) }
                words.append(word(rng.int(vocabulary)))
            } else {
                let length = 2 + rng.int(9)
                words = (0..<length).map { _ in word(min(rng.int(vocabulary), rng.int(vocabulary))) }
            }
            let justification = rng.int(2) == 0 ? "" : (0..<(1 + rng.int(6))).map { _ in word(rng.int(vocabulary)) }.joined(separator: " ")
            let year = 2018 + rng.int(8)
            out.append(Postulate(id: "p\(i)", year: rng.int(20) == 0 ? nil : year, meeting: "m\(year)-\(rng.int(3))",
                                 organisation: "org\(rng.int(5))", text: words.joined(separator: " "),
                                 justification: justification, response: "odp \(i)"))
        }
        return out
    }

    static func queries(count: Int, vocabulary: Int = 80, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<(1 + rng.int(6))).map { _ in word(min(rng.int(vocabulary), rng.int(vocabulary))) }.joined(separator: " ")
        }
    }
}
