import ArgumentParser

// PLACEHOLDER: replaced by the module's owner.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "similar", abstract: "(not implemented yet)")
    func run() throws { throw ValidationError("'similar' is not implemented yet") }
}
