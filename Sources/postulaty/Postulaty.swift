import ArgumentParser

/// The command-line tool: thin. Each subcommand parses its options, calls the libraries and prints.
@main
struct Postulaty: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postulaty",
        abstract: "Polish civic-consultation postulates: analyse, tag by theme, find similar demands, report.",
        subcommands: [
            AnalyzeCommand.self, StemCommand.self,
            ImportCommand.self, CorpusCommand.self,
            TrainCommand.self, TagCommand.self, EvalCommand.self,
            IndexCommand.self, SimilarCommand.self, DedupeCommand.self,
            ReportCommand.self,
        ]
    )
}
