import ArgumentParser
import Corpus
import Reporting

// The closed sets of option values, as swift-argument-parser intends: `--help` lists each set, and a value
// outside it is refused by the parser (its message, exit status 64) before a command runs.

/// `--delimiter`: the CSV output delimiter, by name (`,`, `;` or `tab`; a tab character, `TAB` and `\t` are
/// accepted for tab, as `CSVOptions.delimiter(named:)` reads them).
enum DelimiterName: String, CaseIterable, ExpressibleByArgument {
    case comma = ","
    case semicolon = ";"
    case tab

    init?(argument: String) {
        switch CSVOptions.delimiter(named: argument) {
        case ","?: self = .comma
        case ";"?: self = .semicolon
        case "\t"?: self = .tab
        default: return nil
        }
    }

    var character: Character {
        switch self {
        case .comma: ","
        case .semicolon: ";"
        case .tab: "\t"
        }
    }
}

/// `tag --format`: the output format.
enum TagOutputFormat: String, CaseIterable, ExpressibleByArgument {
    case jsonl, csv

    var corpusFormat: CorpusFormat { self == .csv ? .csv : .jsonl }
}

/// `tag --input-format`: how the input is read (`text`: one postulate a line).
enum TagInputFormat: String, CaseIterable, ExpressibleByArgument {
    case jsonl, csv, text
}

/// `train`/`eval --stop-words`: the project's list, or none (words such as "nie", "już" kept).
enum StopWordsChoice: String, CaseIterable, ExpressibleByArgument {
    case `default`, none
}

/// `report --lang`: the report's language.
extension ReportLanguage: ExpressibleByArgument {}
