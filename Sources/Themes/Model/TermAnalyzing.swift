import PolishText

/// What turns a text field into terms: the Polish `Analyzer` in normal use, or `WhitespaceTerms` for text that is
/// already analysed (benchmarks feed both this engine and scikit-learn the same tokens that way). Either way its
/// configuration is stored in the model, and a model refuses a different one.
public protocol TermAnalyzing: AnyObject {
    var configuration: AnalyzerConfiguration { get }
    func terms(_ text: String) -> [String]
}

extension Analyzer: TermAnalyzing {}

/// Pre-tokenised text: terms are the text's space-separated pieces, taken as they are.
public final class WhitespaceTerms: TermAnalyzing {
    public let configuration = AnalyzerConfiguration(lemmatizer: "pretokenized:whitespace", stopWords: nil,
                                                     keepNumbers: true, foldTermDiacritics: false, minTermLength: 1)
    public init() {}
    public func terms(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }
}
