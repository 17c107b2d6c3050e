import ArgumentParser

// PLACEHOLDER: replaced by the module's owner.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "(not implemented yet)")
    func run() throws { throw ValidationError("'tag' is not implemented yet") }
}
