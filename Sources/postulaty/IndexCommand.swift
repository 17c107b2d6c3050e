import ArgumentParser

// PLACEHOLDER: replaced by the module's owner.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "index", abstract: "(not implemented yet)")
    func run() throws { throw ValidationError("'index' is not implemented yet") }
}
