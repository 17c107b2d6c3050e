/// Where a lemma came from: lets reports and `analyze` say how sure the analyzer is.
public enum LemmaSource: String, Sendable, Codable {
    /// The form is in the lexicon (PoliMorf via Morfologik).
    case lexicon
    /// The form was typed without Polish letters; its diacritics were restored from the lexicon.
    case diacriticsRestored = "diacritics"
    /// Unknown to the lexicon; the suffix guesser proposed the lemma.
    case guesser
    /// Nothing matched; the form itself is the term.
    case identity
}

/// A chosen lemma and its source.
public struct Lemma: Sendable, Equatable {
    public var text: String
    public var source: LemmaSource
    public init(_ text: String, source: LemmaSource) { self.text = text; self.source = source }
}

/// Maps one lower-cased, NFC word form to the single term the analyzer indexes.
/// Implementations must be deterministic: the same form always gives the same lemma.
public protocol Lemmatizing: AnyObject {
    /// A short identifier of the method and its data (dictionary and model hashes), recorded in the analyzer
    /// configuration so a model trained with one lemmatiser refuses to run with another.
    var identifier: String { get }
    func lemma(of form: String) -> Lemma
}

/// The trivial lemmatiser: every form is its own term. For tests and as a fallback that never fails.
public final class IdentityLemmatizer: Lemmatizing {
    public init() {}
    public var identifier: String { "identity" }
    public func lemma(of form: String) -> Lemma { Lemma(form, source: .identity) }
}
