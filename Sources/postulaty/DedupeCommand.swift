import ArgumentParser

// PLACEHOLDER: replaced by the module's owner.
struct DedupeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dedupe", abstract: "(not implemented yet)")
    func run() throws { throw ValidationError("'dedupe' is not implemented yet") }
}
