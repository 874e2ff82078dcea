import ArgumentParser
import Foundation
import RoundTableCore
import RoundTableStore

/// Tab completion of the ids a series knows (sessions, members, actions, a session's stages), read
/// from the schedule and state the command line being completed would use: its `-s`/`--state`
/// if it has them, else the environment and defaults, as the command itself would.
///
/// A completion never fails and never writes: a schedule that cannot be read or a state that does
/// not exist offers nothing, and a state is opened only if it is already there.
enum Completions {
    /// The session ids of the schedule, in schedule order.
    static let sessions = CompletionKind.custom { words, _, prefix in
        offer(schedule(words)?.sessions.map(\.id), prefix)
    }

    /// The member ids of the schedule.
    static let members = CompletionKind.custom { words, _, prefix in
        offer(schedule(words)?.members.map(\.id), prefix)
    }

    /// The ids of the series' actions in the state, open ones first.
    static let actions = CompletionKind.custom { words, _, prefix in
        guard let schedule = schedule(words), let store = existingStore(words),
              let actions = try? store.records(series: schedule.series.id, ledger: false).actions else { return [] }
        return offer(actions.filter(\.isOpen).map(\.id) + actions.filter { !$0.isOpen }.map(\.id), prefix)
    }

    /// The stages of the session named earlier on the line (every stage when it names none).
    static let stages = CompletionKind.custom { words, index, prefix in
        let named = schedule(words).flatMap { schedule in
            words[..<min(index, words.count)].lazy.compactMap(schedule.session).first
        }
        return offer((named?.stages ?? Stage.allCases).map(\.rawValue), prefix)
    }

    private static func offer(_ candidates: [String]?, _ prefix: String) -> [String] {
        (candidates ?? []).filter { $0.hasPrefix(prefix) }
    }

    /// The value of an option on the line: `--state X`, `--state=X`, `-s X`.
    private static func value(of names: [String], in words: [String]) -> String? {
        for (i, word) in words.enumerated() {
            if names.contains(word), i + 1 < words.count { return words[i + 1] }
            for name in names where name.hasPrefix("--") && word.hasPrefix(name + "=") { return String(word.dropFirst(name.count + 1)) }
        }
        return nil
    }

    /// The one schedule the line names (a folder or an unreadable file: none).
    private static func schedule(_ words: [String]) -> Schedule? {
        guard let path = try? CommonOptions.schedulePath(given: value(of: ["-s", "--schedule"], in: words)),
              !FileManager.default.isFolder(path), let text = try? TextFile.read(path) else { return nil }
        return ScheduleLoader.load(text, file: path).0?.schedule
    }

    private static func existingStore(_ words: [String]) -> StateStore? {
        let environment = Environment.process
        let path = value(of: ["--state"], in: words) ?? StateStore.defaultPath(environment: environment.variables)
        guard StateStore.isServer(path) || FileManager.default.fileExists(atPath: path) else { return nil }
        return try? StateStore(path: path, password: environment.value("ROUNDTABLE_STATE_PASSWORD"),
                               now: Clock.process.now(), environment: environment.variables)
    }
}
