import XCTest
@testable import Themes

/// The TF-IDF and naive Bayes arithmetic on examples small enough to compute by hand (the numbers in the comments).
final class ArithmeticTests: XCTestCase {
    let plain = VectorizerConfiguration(fields: [FieldWeight("text", 1)], bigrams: false, minDocumentFrequency: 1,
                                        maxDocumentFrequencyRatio: 1.0)

    func testTfidfByHand() throws {
        // d0 = a a b, d1 = b, d2 = c.  n = 3; df a = 1, b = 2, c = 1.
        // idf a = ln(4/2) + 1 = 1.693147, idf b = ln(4/3) + 1 = 1.287682.
        // d0: tf a = 1 + ln 2 = 1.693147, tf b = 1 → a = 2.866747, b = 1.287682, |d0| = 3.142669
        //     → a = 0.912202, b = 0.409742.
        let (v, x) = try TfidfVectorizer.fitTransform([[["a", "a", "b"]], [["b"]], [["c"]]], configuration: plain)
        XCTAssertEqual(v.vocabulary, ["a", "b", "c"])
        XCTAssertEqual(v.documentFrequency, [1, 2, 1])
        XCTAssertEqual(v.idf[0], 1.693147, accuracy: 1e-6)
        XCTAssertEqual(v.idf[1], 1.287682, accuracy: 1e-6)
        XCTAssertEqual(x[0].indices, [0, 1])
        XCTAssertEqual(x[0].values[0], 0.912202, accuracy: 1e-6)
        XCTAssertEqual(x[0].values[1], 0.409742, accuracy: 1e-6)
        XCTAssertEqual(x[1], SparseVector(indices: [1], values: [1.0]))
        // transform of a new document agrees with fitting, and unknown terms are ignored
        XCTAssertEqual(v.transform([["b", "zzz", "a", "a"]]).values[0], 0.912202, accuracy: 1e-6)
        XCTAssertTrue(v.transform([["zzz"]]).isEmpty)
    }

    func testBigramsFieldWeightsAndPruning() throws {
        var cfg = plain
        cfg.bigrams = true
        cfg.fields = [FieldWeight("text", 1), FieldWeight("justification", 0.5)]
        cfg.minDocumentFrequency = 2
        // "klub senior" occurs in two documents (the second time in the justification), "klub" in three,
        // "dom" and "dom klub" once: pruned.
        let docs: [FieldTerms] = [[["klub", "senior"], []], [["dom", "klub"], ["klub", "senior"]], [["klub"], []]]
        let (v, x) = try TfidfVectorizer.fitTransform(docs, configuration: cfg)
        XCTAssertEqual(v.vocabulary, ["klub", "klub senior", "senior"])
        // d1: klub has tf 1 (text) + 0.5 (justification) = 1.5; "klub senior" and senior 0.5 each.
        // idf klub = ln(4/4) + 1 = 1; idf of the others = ln(4/3) + 1 = 1.287682.
        let raw = [1.5, 0.5 * 1.287682, 0.5 * 1.287682]
        let norm = (raw.map { $0 * $0 }.reduce(0, +)).squareRoot()
        XCTAssertEqual(x[1].indices, [0, 1, 2])
        for i in 0..<3 { XCTAssertEqual(x[1].values[i], raw[i] / norm, accuracy: 1e-6) }
        // a bigram is not formed across an unknown term
        XCTAssertEqual(v.transform([["klub", "xyz", "senior"], []]).indices, [0, 2])
        XCTAssertEqual(v.transform([["klub", "senior"], []]).indices, [0, 1, 2])
        // the buffer-reusing transform gives the same vectors
        let scratch = TfidfVectorizer.Scratch()
        for d in docs + [[["klub", "senior", "klub"], ["dom", "klub", "senior"]]] {
            XCTAssertEqual(v.transform(d, scratch: scratch), v.transform(d))
        }
        // the stored state rebuilds the same vectoriser
        let data = try JSONEncoder().encode(v)
        let back = try JSONDecoder().decode(TfidfVectorizer.self, from: data)
        XCTAssertEqual(back.transform(docs[1]), x[1])
    }

    /// The fit's own vectors (keys counted per field in one sort by feature and field) against `transform` of the
    /// same documents, bit for bit: two weighted fields, terms repeated within and across fields, pruned features.
    func testFitVectorsEqualTransformBitForBit() throws {
        var cfg = plain
        cfg.bigrams = true
        cfg.fields = [FieldWeight("text", 1), FieldWeight("justification", 0.3), FieldWeight("response", 2.5)]
        cfg.minDocumentFrequency = 2
        var generator = SeededGenerator(state: 5)
        // Terms longer than the lookup slot's 16-byte head, and some documents longer than the scratch's first
        // buffers (64 terms), are looked up through the kept bytes and grown buffers when transforming.
        let words = ["klub", "senior", "dom", "kultury", "park", "ławka", "miasto", "grant",
                     "przeciwpowodziowego", "międzypokoleniowych", "rewitalizacyjnymi", "a"]
        let docs: [FieldTerms] = (0..<300).map { d in
            (0..<3).map { _ in
                (0..<Int.random(in: 0...(d % 50 == 0 ? 90 : 9), using: &generator)).map { _ in words.randomElement(using: &generator)! }
            }
        }
        let (v, x) = try TfidfVectorizer.fitTransform(docs, configuration: cfg)
        let scratch = TfidfVectorizer.Scratch()
        for (d, doc) in docs.enumerated() {
            let t = v.transform(doc, scratch: scratch)
            XCTAssertEqual(x[d].indices, t.indices, "document \(d)")
            XCTAssertEqual(x[d].values.map(\.bitPattern), t.values.map(\.bitPattern), "document \(d)")
        }
        XCTAssertNoThrow(try scratch.checkInvariants(), "after growing its buffers")
        // document frequencies count documents, not occurrences
        for (f, feature) in v.vocabulary.enumerated() {
            let parts = feature.split(separator: " ").map(String.init)
            let holding = docs.filter { doc in
                doc.contains { terms in
                    parts.count == 1 ? terms.contains(parts[0])
                        : zip(terms, terms.dropFirst()).contains { $0 == parts[0] && $1 == parts[1] }
                }
            }.count
            XCTAssertEqual(v.documentFrequency[f], holding, feature)
        }
    }

    /// The statistics summed label by label (the fit's) equal those summed document by document, bit for bit,
    /// with several labels per document, a label given twice and documents with none.
    func testNaiveBayesStatisticsByLabelEqualByDocument() {
        var generator = SeededGenerator(state: 9)
        let V = 40, L = 4
        var vectors: [SparseVector] = [], labels: [[Int]] = [], rows = SparseRows()
        for _ in 0..<200 {
            let ids = Array(Set((0..<Int.random(in: 0...12, using: &generator)).map { _ in Int32.random(in: 0..<Int32(V), using: &generator) })).sorted()
            let values = ids.map { _ in Double.random(in: 0.01...1, using: &generator) }
            vectors.append(SparseVector(indices: ids, values: values))
            rows.indices += ids; rows.values += values; rows.offsets.append(rows.indices.count)
            var l = (0..<Int.random(in: 0...2, using: &generator)).map { _ in Int.random(in: 0..<L, using: &generator) }
            if Int.random(in: 0..<10, using: &generator) == 0, let first = l.first { l.append(first) }
            labels.append(l)
        }
        var offsets = [0]
        for l in labels { offsets.append(offsets.last! + l.count) }
        let byDocument = NaiveBayesStatistics(vectors: vectors, labels: labels, rows: 0..<200, labelCount: L, featureCount: V)
        let byLabel = NaiveBayesStatistics(rows: rows, labelOffsets: offsets, labelValues: labels.flatMap { $0 },
                                           labelCount: L, featureCount: V)
        XCTAssertEqual(byLabel.labelTotals.map(\.bitPattern), byDocument.labelTotals.map(\.bitPattern))
        XCTAssertEqual(byLabel.totals.map(\.bitPattern), byDocument.totals.map(\.bitPattern))
        XCTAssertEqual(byLabel.labelDocuments, byDocument.labelDocuments)
        XCTAssertEqual(byLabel.documents, byDocument.documents)
    }

    func testNaiveBayesByHand() {
        // x0 = (1, 0) label A; x1 = (0, 1) label B; x2 = (1, 1) label A.  α = 1, V = 2.
        let x = [SparseVector(indices: [0], values: [1]), SparseVector(indices: [1], values: [1]),
                 SparseVector(indices: [0, 1], values: [1, 1])]
        let y = [[0], [1], [0]]
        let stats = NaiveBayesStatistics(vectors: x, labels: y, rows: 0..<3, labelCount: 2, featureCount: 2)
        XCTAssertEqual(stats.labelTotals, [2, 1, 0, 1])
        // θ_A = (3/5, 2/5); θ_¬A = (1/3, 2/3) → w_A = (ln 1.8, ln 0.6) = (0.587787, −0.510826);
        // prior log-odds ln(3/2) = 0.405465; score of x0 = 0.405465 + 0.587787 = 0.993252.
        let ovr = stats.scorer(.multinomialOneVsRest, alpha: 1)
        XCTAssertEqual(ovr.weight(feature: 0, label: 0), 0.587787, accuracy: 1e-6)
        XCTAssertEqual(ovr.weight(feature: 1, label: 0), -0.510826, accuracy: 1e-6)
        XCTAssertEqual(ovr.bias[0], 0.405465, accuracy: 1e-6)
        XCTAssertEqual(ovr.scores(x[0])[0], 0.993252, accuracy: 1e-6)
        // Complement NB: B's complement is {x0, x2}: θ = (3/5, 2/5) → −log θ = (0.510826, 0.916291); A's is {x1}:
        // θ = (1/3, 2/3) → (1.098612, 0.405465). Centred across labels per term (means 0.804719, 0.660878):
        // w_B = (−0.293893, 0.255413), w_A = (0.293893, −0.255413).
        let cnb = stats.scorer(.complement, alpha: 1)
        XCTAssertEqual(cnb.weight(feature: 0, label: 1), -0.293893, accuracy: 1e-6)
        XCTAssertEqual(cnb.weight(feature: 1, label: 1), 0.255413, accuracy: 1e-6)
        XCTAssertEqual(cnb.weight(feature: 0, label: 0), 0.293893, accuracy: 1e-6)
        XCTAssertEqual(cnb.bias, [0, 0])
        // Multinomial: w_A = ln θ_A = (−0.510826, −0.916291), bias ln(3/5).
        let mnb = stats.scorer(.multinomial, alpha: 1)
        XCTAssertEqual(mnb.weight(feature: 1, label: 0), -0.916291, accuracy: 1e-6)
        XCTAssertEqual(mnb.bias[0], -0.510826, accuracy: 1e-6)
        // Statistics subtract: all minus {x1} is the statistics of {x0, x2}.
        let part = NaiveBayesStatistics(vectors: x, labels: y, rows: [1], labelCount: 2, featureCount: 2)
        let rest = NaiveBayesStatistics(vectors: x, labels: y, rows: [0, 2], labelCount: 2, featureCount: 2)
        XCTAssertEqual((stats - part).labelTotals, rest.labelTotals)
        XCTAssertEqual((stats - part).labelDocuments, rest.labelDocuments)
    }

    func testPlattAndTemperature() {
        // Noisy but increasing: the fitted map must increase and stay inside (0, 1).
        let scores: [Double] = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5]
        let pos = [false, false, false, true, false, true, false, true, true, true]
        let platt = PlattScaling.fit(scores: scores, positives: pos)
        XCTAssertGreaterThan(platt.a, 0)
        XCTAssertLessThan(platt.probability(-2), 0.3)
        XCTAssertGreaterThan(platt.probability(2.5), 0.7)
        // At the optimum the mean probability equals the mean of Platt's smoothed targets (here 0.5).
        let mean = scores.map(platt.probability).reduce(0, +) / 10
        XCTAssertEqual(mean, 0.5, accuracy: 1e-4)
        let t = TemperatureScaling.fit(scores: [[2, 0], [0, 2], [1, 0], [0, 1]], gold: [0, 1, 0, 1])
        let p = t.probabilities([2, 0])
        XCTAssertEqual(p.reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertGreaterThan(p[0], 0.9)  // always right on these scores: a sharp temperature
    }

    func testThresholdSearchAndMetrics() {
        let best = ThresholdSearch.best(probabilities: [0.9, 0.8, 0.3, 0.2], positives: [true, true, false, false])
        XCTAssertEqual(best.threshold, 0.55, accuracy: 1e-12)
        XCTAssertEqual(best.f1, 1)
        XCTAssertGreaterThan(ThresholdSearch.best(probabilities: [0.4, 0.3], positives: [false, false]).threshold, 1)
        let r = EvaluationReport.compute(gold: [[0], [1], [0, 1], []], predicted: [[0], [0], [0], [1]], labels: ["a", "b"])
        // a: tp 2, predicted 3, support 2 → F1 0.8; b: tp 0 → 0. micro: tp 2, predicted 4, support 4 → 0.5
        XCTAssertEqual(r.perLabel[0].f1, 0.8, accuracy: 1e-12)
        XCTAssertEqual(r.macroF1, 0.4, accuracy: 1e-12)
        XCTAssertEqual(r.microF1, 0.5, accuracy: 1e-12)
        XCTAssertEqual(r.exactMatch, 0.25, accuracy: 1e-12)
        XCTAssertTrue(r.confusions.contains(Confusion(gold: "b", predicted: "a", count: 1)))
        XCTAssertTrue(r.confusions.contains(Confusion(gold: "(none)", predicted: "b", count: 1)))
        XCTAssertTrue(r.confusions.contains(Confusion(gold: "b", predicted: "(none)", count: 1)))
    }

    func testFoldsAreStratifiedDeterministicAndKeepGroupsTogether() {
        // 40 documents, label 1 rare (8 documents); groups of 4 consecutive documents
        let labels: [[Int]] = (0..<40).map { $0 % 5 == 0 ? [1] : [0] }
        let groups: [String?] = (0..<40).map { $0 < 36 ? "g\($0 / 4)" : nil }
        let plain = Folds.assign(labels: labels, labelCount: 2, folds: 4, seed: 3)
        XCTAssertEqual(plain, Folds.assign(labels: labels, labelCount: 2, folds: 4, seed: 3))
        for f in 0..<4 { XCTAssertEqual(plain.indices.filter { plain[$0] == f && labels[$0] == [1] }.count, 2) }
        let grouped = Folds.assign(labels: labels, labelCount: 2, folds: 4, seed: 3, groups: groups)
        for g in 0..<9 { XCTAssertEqual(Set((4 * g..<4 * g + 4).map { grouped[$0] }).count, 1, "group g\(g) split") }
        XCTAssertEqual(Set(grouped).count, 4)
    }
}
