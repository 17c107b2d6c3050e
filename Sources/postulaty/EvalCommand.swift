import ArgumentParser

// PLACEHOLDER: replaced by the module's owner.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "(not implemented yet)")
    func run() throws { throw ValidationError("'eval' is not implemented yet") }
}
