import ArgumentParser

// PLACEHOLDER: replaced by the module's owner.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "corpus", abstract: "(not implemented yet)")
    func run() throws { throw ValidationError("'corpus' is not implemented yet") }
}
