import Foundation
import RoundTableStore

/// The store reads neither the clock nor the environment (the CLI passes both down); the store
/// tests open states as the program would at this moment, in this process's environment.
extension StateStore {
    convenience init(path: String, password: String? = nil, caFile: String? = nil, ifMissing opening: MissingState = .create) throws(StoreError) {
        try self.init(path: path, password: password, caFile: caFile, ifMissing: opening,
                      now: Int(Date().timeIntervalSince1970), environment: ProcessInfo.processInfo.environment)
    }

    static func inMemory() throws(StoreError) -> StateStore {
        try inMemory(now: Int(Date().timeIntervalSince1970))
    }
}
