import ArgumentParser
import Foundation

extension RoundTable {
    /// `roundtable serve`: runs `roundtable-serve`, the web server, installed beside this
    /// program. The server is a program of its own so that SwiftNIO and Hummingbird add nothing to
    /// the start-up or the size of the commands cron runs; this command only finds the schedule
    /// and the state as every command does and hands them over.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the series' page, each member's page and the calendar feeds over HTTP.",
            discussion: """
                Runs roundtable-serve, installed beside roundtable, on the schedule and the state the other commands use. \
                The feeds are at /feeds/<series>.ics and /feeds/<member>.ics, the bytes 'export --dir' writes, with \
                ETag and Last-Modified so that calendar clients polling them get 304 while nothing changed. \
                SIGTERM stops it gracefully. Behind a reverse proxy, give --base-url with the address people use.
                """)

        @OptionGroup var options: CommonOptions
        @OptionGroup var writeupFolder: WriteupOptions

        @Option(help: ArgumentHelp("The address and port to listen on.", valueName: "host:port"))
        var listen = "127.0.0.1:8080"

        @Option(name: .customLong("base-url"), help: ArgumentHelp(
            "The address the pages are reached at from outside, such as https://example.org/roundtable (default: from each request).",
            valueName: "url"))
        var baseURL: String?

        func run() throws {
            let schedule = try CommonOptions.schedulePath(given: options.schedule)
            guard !FileManager.default.isFolder(schedule) else {
                throw ValidationError("'\(schedule)' is a folder. serve works on one series: pass -s with its schedule file.")
            }
            let server = Self.serverPath()
            guard FileManager.default.isExecutableFile(atPath: server) else {
                throw RoundTableError.programMissing("'roundtable serve' runs roundtable-serve, which is not installed beside roundtable "
                    + "(looked for '\(server)'). Install both with 'make install'.")
            }
            // Refuses a state that is not there with the message every command gives.
            _ = try options.openStore()
            let arguments = [server, "--schedule", schedule, "--state", options.statePath, "--listen", listen,
                             "--writeups", WriteupOptions.folder(given: writeupFolder.writeups, schedulePath: schedule)]
                + (baseURL.map { ["--base-url", $0] } ?? [])
            var argv = arguments.map { strdup($0) } + [nil]
            execv(server, &argv)
            throw RoundTableError.programMissing("roundtable-serve at '\(server)' cannot be run (\(String(cString: strerror(errno)))).")
        }

        /// `roundtable-serve` in the folder this program was run from.
        private static func serverPath() -> String {
            let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            return me.deletingLastPathComponent().appendingPathComponent("roundtable-serve").path
        }
    }
}
