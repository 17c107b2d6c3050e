/// Anything that turns text into terms and says how (its `AnalyzerConfiguration`, stored in every model and index
/// so a file built one way is never read another way). `Analyzer` is the real one; tests and benchmarks may pass
/// their own. Similarity takes `any TextAnalyzing`, as the tagger takes Themes' `TermAnalyzing` (which adds term
/// keys for the vectoriser's tables).
public protocol TextAnalyzing: AnyObject {
    var configuration: AnalyzerConfiguration { get }
    /// Calls `body` with each term of `text`, in order.
    func forEachTerm(in text: String, _ body: (String) -> Void)
    /// Calls `body` with each term of `text` and the UTF-8 byte range of the word it came from (what a page marks
    /// to show why two postulates match).
    func forEachTermSpan(in text: String, _ body: (String, Range<Int>) -> Void)
}

extension TextAnalyzing {
    /// The terms of `text`, in order.
    public func terms(_ text: String) -> [String] {
        var out: [String] = []
        forEachTerm(in: text) { out.append($0) }
        return out
    }
}

extension Analyzer: TextAnalyzing {
    public func forEachTermSpan(in text: String, _ body: (String, Range<Int>) -> Void) {
        for t in analyze(text) { if let term = t.term { body(term, t.token.start..<t.token.end) } }
    }
}
