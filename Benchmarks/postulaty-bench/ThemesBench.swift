import Corpus
import Foundation
import PolishText
import Themes

/// The Swift side of Benchmarks/themes/speed.py: the theme engine alone, in process, on the same documents the
/// script gives scikit-learn; thread CPU time (the shared 2-core machine makes wall time noisy).
///
/// usage: postulaty-bench themes TRAIN.jsonl TAG.jsonl [--labels categories] [--fields text] [--pretokenized]
///        [--runs 3] [--train-once] [--profile STAGE [--model FILE]]
/// (`--train-once`: the full training is timed once, the other figures --runs times; for quick profiling.
/// `--profile core|tag`: only that stage from text, --runs times, for a profiler; `--model FILE` takes the
/// model from a file instead of training one first.)
/// Prints one JSON line: analysis time (raw text only), core fit (TF-IDF fit + one naive Bayes fit: what
/// scikit-learn's pipeline.fit does), full train (core fit + variant/α choice by 5-fold CV, calibration,
/// thresholds), tag-probabilities (transform + calibrated scores: what predict_proba does), tag-full (+ decisions
/// and evidence terms, read in place as `postulaty tag` writes them: `ThemeModel.withPrediction`), each the median
/// of --runs, and the peak RSS. The `_text_s` figures do the same from the
/// records' text (terms streamed from the analyzer, as `postulaty tag` does): like scikit-learn's, they include
/// turning text into terms; the others start from terms analysed beforehand.
enum ThemesBench {
    static func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

    static func run(_ args: [String]) throws {
        var positional: [String] = []
        var labels = "categories", fields = "text", pretokenized = false, runs = 3, trainOnce = false
        var profile: String?, modelPath: String?
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--labels": i += 1; labels = args[i]
            case "--fields": i += 1; fields = args[i]
            case "--pretokenized": pretokenized = true
            case "--runs": i += 1; runs = Int(args[i]) ?? 3
            case "--train-once": trainOnce = true
            case "--profile": i += 1; profile = args[i]
            case "--model": i += 1; modelPath = args[i]
            default: positional.append(args[i])
            }
            i += 1
        }
        guard positional.count == 2 else { throw ThemesError.invalidTrainingData("usage: themes TRAIN.jsonl TAG.jsonl [options]") }
        let weights = fields.split(separator: ",").map { FieldWeight(String($0), 1) }
        let analyzer: any TermAnalyzing = pretokenized ? WhitespaceTerms() : try DefaultAnalyzer.make()
        let trainRecords = try CorpusReader.read(path: positional[0])
        let tagRecords = try CorpusReader.read(path: positional[1])
        var checksum = 0.0
        var t = cpu()
        let train = try LabelledCorpus.make(records: trainRecords, labelField: labels, fields: weights, analyzer: analyzer)
        let tagDocs = tagRecords.map { FieldText.terms(of: $0, fields: weights, analyzer: analyzer) }
        let analysis = cpu() - t
        let options = TrainingOptions(vectorizer: VectorizerConfiguration(fields: weights))
        if let profile {
            // For a profiler: one stage from text, --runs times, nothing else.
            let model = try modelPath.map { try ModelFile.load(path: $0) }
                ?? ThemeTrainer.train(documents: train.documents, labels: train.labels.values, mode: train.labels.mode,
                                      labelField: labels, analyzer: analyzer.configuration, options: options)
            let scratch = ThemeModel.Scratch()
            var times: [Double] = []
            for _ in 0..<runs {
                switch profile {
                case "core":
                    t = cpu()
                    let docs = TermDocuments(records: trainRecords, fields: weights, analyzer: analyzer)
                    checksum += try ThemeTrainer.coreFit(documents: docs, labels: train.labels.values, mode: train.labels.mode,
                                                         options: options, variant: model.variant, alpha: model.alpha).1.bias[0]
                default:
                    let records = OwnedRecords(tagRecords)
                    t = cpu()
                    for i in 0..<records.count {
                        let record = records.take(i)
                        checksum += Double(model.withPrediction(record: record, analyzer: analyzer, scratch: scratch) { $0.assignedCount })
                    }
                }
                times.append(cpu() - t)
            }
            // The median, and the least (on a shared machine the run least disturbed by others).
            print("profile \(profile): \(String(format: "%.3f", median(times))) s a run, least \(String(format: "%.4f", times.min() ?? 0)) s (checksum \(checksum))")
            return
        }

        var core: [Double] = [], full: [Double] = [], probs: [Double] = [], tagFull: [Double] = []
        // From text: the same work from the records' text, terms streamed from the analyzer (the split of
        // pre-tokenised text, or the Polish analysis) as `postulaty tag` does; scikit-learn's figures include its
        // tokenising likewise.
        var coreText: [Double] = [], probsText: [Double] = [], tagText: [Double] = []

        var model: ThemeModel!
        for run in 0..<runs {
            if run == 0 || !trainOnce {
                t = cpu()
                model = try ThemeTrainer.train(documents: train.documents, labels: train.labels.values, mode: train.labels.mode,
                                               labelField: labels, analyzer: analyzer.configuration, options: options)
                full.append(cpu() - t)
            }
            let m: ThemeModel = model
            /// CPU time of a core fit from the documents `make` gives (made inside the timing), which must be the
            /// trained model's vectoriser and final scorer, bit for bit.
            func timedCoreFit(_ what: String, _ make: () -> TermDocuments) throws -> Double {
                let t = cpu()
                let (v, scorer) = try ThemeTrainer.coreFit(documents: make(), labels: train.labels.values, mode: train.labels.mode,
                                                           options: options, variant: m.variant, alpha: m.alpha)
                let elapsed = cpu() - t
                guard scorer == m.scorer && v.vocabulary == m.vectorizer.vocabulary && v.idf == m.vectorizer.idf else {
                    throw ThemesError.invalidTrainingData("core fit \(what) differs from the trained model")
                }
                return elapsed
            }
            core.append(try timedCoreFit("from terms") { TermDocuments(train.documents) })
            coreText.append(try timedCoreFit("from text") { TermDocuments(records: trainRecords, fields: weights, analyzer: analyzer) })
            let scratch = ThemeModel.Scratch()
            // Each record is taken as its own value (`OwnedRecords`), as `postulaty tag` has it from its line.
            var records = OwnedRecords(tagRecords)
            t = cpu()
            for i in 0..<records.count {
                let record = records.take(i)
                checksum += model.probabilities(record: record, analyzer: analyzer, scratch: scratch)[0]
            }
            probsText.append(cpu() - t)
            records = OwnedRecords(tagRecords)
            t = cpu()
            for i in 0..<records.count {
                let record = records.take(i)
                checksum += Double(model.withPrediction(record: record, analyzer: analyzer, scratch: scratch) { $0.assignedCount })
            }
            tagText.append(cpu() - t)
            t = cpu()
            for d in tagDocs { checksum += model.probabilities(d, scratch: scratch)[0] }
            probs.append(cpu() - t)
            t = cpu()
            for d in tagDocs { checksum += Double(model.withPrediction(d, scratch: scratch) { $0.assignedCount }) }
            tagFull.append(cpu() - t)
        }
        let out: [(String, String)] = [
            ("train_documents", String(train.labelledCount)), ("tag_documents", String(tagDocs.count)),
            ("pretokenized", String(pretokenized)), ("analysis_s", String(format: "%.3f", analysis)),
            ("core_fit_text_s", String(format: "%.3f", median(coreText))),
            ("tag_probabilities_text_s", String(format: "%.3f", median(probsText))),
            ("tag_full_text_s", String(format: "%.3f", median(tagText))),
            ("core_fit_s", String(format: "%.3f", median(core))), ("full_train_s", String(format: "%.3f", median(full))),
            ("tag_probabilities_s", String(format: "%.3f", median(probs))), ("tag_full_s", String(format: "%.3f", median(tagFull))),
            ("features", String(model.vectorizer.featureCount)), ("variant", "\"\(model.variant.rawValue)\""),
            ("alpha", String(model.alpha)), ("peak_rss_mib", String(format: "%.0f", peakMiB())),
            ("checksum", String(format: "%.3f", checksum)),
        ]
        print("{" + out.map { "\"\($0.0)\":\($0.0 == "variant" ? $0.1 : ($0.1 == "true" || $0.1 == "false" ? $0.1 : $0.1))" }.joined(separator: ",") + "}")
    }
}

/// Records to be tagged, each taken out once as its own value. Why: `postulaty tag` tags each record as parsed from
/// its line and frees it after writing; taking `tagRecords[i]` out of an array instead copies the record
/// (retaining every string in it), 5–10 % of the tagging loop and work the command never does. The copies are
/// made when this is built, outside the timings; each `take` moves one out, and it is freed after use, as the
/// command frees its records.
final class OwnedRecords {
    private let base: UnsafeMutablePointer<Postulate>
    let count: Int
    private var taken = 0

    init(_ records: [Postulate]) {
        count = records.count
        base = .allocate(capacity: max(1, records.count))
        records.withUnsafeBufferPointer { base.initialize(from: $0.baseAddress!, count: records.count) }
    }

    /// Record `i`, moved out; records are taken in order, each once.
    func take(_ i: Int) -> Postulate {
        precondition(i == taken, "records are taken in order, each once")
        taken += 1
        return (base + i).move()
    }

    deinit {
        (base + taken).deinitialize(count: count - taken)
        base.deallocate()
    }
}
