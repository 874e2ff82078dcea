import Foundation

extension StateStore {
    /// Where the state lives when `--state` is not given: $ROUNDTABLE_STATE, else
    /// $XDG_STATE_HOME/roundtable/state.sqlite, else ~/.local/state/roundtable/state.sqlite.
    ///
    /// The environment is a parameter so the choice is testable. Empty values count as unset, and
    /// a relative $XDG_STATE_HOME is ignored, as the XDG Base Directory specification requires.
    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = environment["ROUNDTABLE_STATE"], !explicit.isEmpty {
            return explicit
        }
        let stateHome: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            stateHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            stateHome = (home as NSString).appendingPathComponent(".local/state")
        }
        return (stateHome as NSString).appendingPathComponent("roundtable/state.sqlite")
    }
}
