import ArgumentParser
import Corpus
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command-line tool: thin. Each subcommand parses its options, calls the libraries and prints.
@main
struct Postulaty: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postulaty",
        abstract: "Polish civic-consultation postulates: analyse, tag by theme, find similar demands, report.",
        version: ToolVersion.text,
        subcommands: [
            AnalyzeCommand.self, StemCommand.self,
            ImportCommand.self, CorpusCommand.self,
            TrainCommand.self, TagCommand.self, EvalCommand.self,
            IndexCommand.self, SimilarCommand.self, DedupeCommand.self,
            ReportCommand.self, ServeCommand.self, StoreCommand.self,
        ]
    )

    /// "Błąd: " or "Error: " before a message that ends the run, in the run's language.
    static var _errorPrefix: String { tr("Błąd: ", "Error: ") }

    /// Chooses the run's message language before any command runs (`--lang` wins over the environment), so
    /// every message of the run, from the libraries too, is in one language.
    ///
    /// Output safety (docs/reliability.md): SIGPIPE is ignored, so a closed pipe is an EPIPE error the writers
    /// handle (`StandardOutput`); SIGINT, SIGTERM and SIGHUP remove the run's temporary files and lock files before
    /// the run dies of the signal (`TemporaryFiles`); output printed through stdio is checked at exit.
    static func main() {
        MessageLanguage.use(MessageLanguage.fromArguments(CommandLine.arguments) ?? .fromEnvironment())
        signal(SIGPIPE, SIG_IGN)
        TemporaryFiles.removeOnSignals()
        StandardOutput.checkStdioAtExit()
        main(nil)
    }
}

extension MessageLanguage {
    /// `--lang en` or `--lang=en` anywhere in the arguments (before a lone `--`).
    static func fromArguments(_ args: [String]) -> MessageLanguage? {
        var i = 1
        while i < args.count, args[i] != "--" {
            if args[i] == "--lang", i + 1 < args.count { return MessageLanguage(prefix: args[i + 1]) }
            if args[i].hasPrefix("--lang=") { return MessageLanguage(prefix: String(args[i].dropFirst(7))) }
            i += 1
        }
        return nil
    }
}
