import ArgumentParser

// PLACEHOLDER: replaced by the module's owner.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "(not implemented yet)")
    func run() throws { throw ValidationError("'import' is not implemented yet") }
}
