import Corpus

/// A model's fixed strings as `tag` writes them, made once per tagger: every label's name as a quoted JSON string
/// and every feature's term escaped for one (`JSONBytes`, the project's one escaper, so the same bytes). Why: each
/// row names every label three times and its evidence terms twice; escaping those Strings again for each of a
/// million rows cost more than scoring the record.
public final class TagOutputBytes: Sendable {
    private let labels: [[UInt8]]
    /// The features' escaped terms one after another; feature f's are `terms[starts[f]..<starts[f + 1]]`.
    private let terms: [UInt8]
    private let starts: [Int]

    public init(labels names: [String], vocabulary: [String]) {
        labels = names.map { name in
            var out: [UInt8] = []
            JSONBytes.string(name, to: &out)
            return out
        }
        var terms: [UInt8] = [], starts = [0]
        starts.reserveCapacity(vocabulary.count + 1)
        for term in vocabulary {
            JSONBytes.escaped(term, to: &terms)
            starts.append(terms.count)
        }
        self.terms = terms
        self.starts = starts
    }

    /// `JSONBytes.string(labels[l])`.
    @inline(__always)
    func appendLabel(_ l: Int, to out: inout [UInt8]) {
        labels.withUnsafeBufferPointer { $0[l].withUnsafeBufferPointer { out.append(contentsOf: $0) } }
    }

    /// `JSONBytes.escaped(vocabulary[f])` (without quotes).
    @inline(__always)
    func appendEscapedFeature(_ f: Int, to out: inout [UInt8]) {
        terms.withUnsafeBufferPointer { t in
            starts.withUnsafeBufferPointer { s in
                out.append(contentsOf: UnsafeBufferPointer(rebasing: t[s[f]..<s[f + 1]]))
            }
        }
    }
}
