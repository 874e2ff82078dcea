import Foundation

/// The process's environment variables, read once, at the first use, and passed down from there
/// (`Context.environment`, the options): the one place the program reads its environment.
///
/// A snapshot rather than `getenv` at each use: every part of a run sees the same values, and
/// nothing reads the C library's environment while another thread might change it.
struct Environment: Sendable {
    /// Every variable, as the process was started with it.
    let variables: [String: String]

    /// The process's own, read the first time it is asked for.
    static let process = Environment(variables: ProcessInfo.processInfo.environment)

    /// The value of `name`; nil when it is unset or empty, which every variable of ours treats alike.
    func value(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }
}
