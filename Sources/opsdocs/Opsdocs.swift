// The opsdocs command line: argument parsing only; every subcommand calls the library.

import ArgumentParser

@main
struct Opsdocs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsdocs",
        abstract: "Compile a folder of ops notes into an offline site.",
        subcommands: [Build.self, Serve.self, Snippets.self, Search.self, New.self],
        defaultSubcommand: Build.self)
}
