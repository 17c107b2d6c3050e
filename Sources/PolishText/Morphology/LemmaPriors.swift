/// How common each (lemma, reading class) is in Polish text: the tie-breaker between a form's lemmas.
///
/// Why: "lat" is a form of both "rok" and "lato", "mają" of "mieć", "maić" and "maja"; the lexicon alone cannot
/// say which is meant, but lemma frequency can, and the most frequent lemma is the best single guess for a form
/// seen without context. The table (`Models/lemma-priors.tsv`, `lemma<TAB>class<TAB>score`) is computed by
/// `Benchmarks/lemma/train-models.py` from word-form frequencies (the `wordfreq` package's Polish list): each
/// form's frequency is shared equally among the (lemma, class) pairs that can produce it, and summed per pair.
/// Scores are those sums in units of 10⁻⁹; pairs never seen score 0.
public final class LemmaPriors: @unchecked Sendable {
    private let table: SortedTable
    /// The same keys hashed: the first-sight path (`LemmaChooser`) looks a prior up in one or two memory reads.
    private let index: KeyHashIndex
    public var contentHash: String { table.contentHash }
    public var count: Int { table.count }

    public init(path: String) throws {
        table = try SortedTable(path: path, keyFields: 2)
        index = KeyHashIndex(table)
    }

    /// The score of (lemma, class) by hash: `lemmaHash` is `KeyHashIndex.hash(lemma)`, `classSuffix` the bytes
    /// "\t" + class. Same answers as `score(lemma:cls:)`.
    @inline(__always)
    func score(lemma: UnsafeBufferPointer<UInt8>, lemmaHash: UInt32, classSuffix: UnsafeBufferPointer<UInt8>,
               key: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let n = lemma.count + classSuffix.count
        guard n <= key.count else { return score(lemma: lemma, cls: String(decoding: classSuffix.dropFirst(), as: UTF8.self)) }
        var h = lemmaHash
        for i in 0..<lemma.count { key[i] = lemma[i] }
        for i in 0..<classSuffix.count { key[lemma.count + i] = classSuffix[i]; h = KeyHashIndex.hash(byte: classSuffix[i], from: h) }
        let k = UnsafeBufferPointer(rebasing: key[0..<n])
        return table.bytes.withUnsafeBufferPointer { p in
            guard let end = index.find(k, hash: h, in: p) else { return 0 }
            return KeyHashIndex.int(after: end, in: p) ?? 0
        }
    }

    /// The score of `lemma` read as `cls`, 0 when unseen.
    public func score(lemma: String, cls: String) -> Int {
        var lemma = lemma
        return lemma.withUTF8 { score(lemma: $0, cls: cls) }
    }

    /// The same from the lemma's UTF-8 bytes, building the key on the stack.
    public func score(lemma: UnsafeBufferPointer<UInt8>, cls: String) -> Int {
        var cls = cls
        return cls.withUTF8 { c in
            let n = lemma.count + 1 + c.count
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { key in
                for i in 0..<lemma.count { key[i] = lemma[i] }
                key[lemma.count] = 0x09
                for i in 0..<c.count { key[lemma.count + 1 + i] = c[i] }
                return table.lookupInt(UnsafeBufferPointer(key)) ?? 0
            }
        }
    }
}
