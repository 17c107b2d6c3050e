import Foundation
import PolishText

/// Lemmatiser tools for training and checking (see docs/lemmatiser.md):
/// - `lemma-dump [DICT]`: every (form, lemma, tag) of the Morfologik dictionary as TSV on stdout, in automaton
///   order (the input of Benchmarks/lemma/train-models.py, and comparable line for line with Morfologik's Java
///   iterator);
/// - `lemma-explain WORD…`: each word's candidates with their class and prior, and the chosen lemma; with no words,
///   reads one word a line on stdin and prints `word<TAB>lemma<TAB>source` (lexicon, diacritics, guesser,
///   identity) — Benchmarks/lemma/eval.sh uses it to score the forms the lexicon does not know.
enum LemmaBench {
    static func dump(_ args: [String]) throws {
        let dict = try MorfologikDictionary(path: LexiconLocation.resolve(args.first))
        var out: [UInt8] = []
        out.reserveCapacity(1 << 22)
        dict.forEachEntry { form, lemma, tag in
            out.append(contentsOf: form)
            out.append(0x09)
            out.append(contentsOf: lemma)
            out.append(0x09)
            out.append(contentsOf: tag)
            out.append(0x0A)
            if out.count > 1 << 22 {
                FileHandle.standardOutput.write(Data(out))
                out.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data(out))
    }

    static func explain(_ args: [String]) throws {
        let lemmatizer = try DefaultAnalyzer.lemmatizer()
        if args.isEmpty {
            var out = ""
            while let line = readLine() {
                let l = lemmatizer.lemma(of: line)
                out += "\(line)\t\(l.text)\t\(l.source.rawValue)\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
            return
        }
        for word in args {
            let chosen = lemmatizer.lemma(of: word)
            print("\(word) → \(chosen.text) [\(chosen.source.rawValue)]")
            for c in lemmatizer.candidates(of: word) { print("    \(c.lemma)\t\(c.cls)\t\(c.score)") }
        }
    }
}
