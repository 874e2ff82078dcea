import Foundation
import TestSupport

/// What Python's email package makes of some messages (Peers/check_mail.py).
struct ReceivedMail: Decodable {
    let file: String
    let from: String
    let to: String
    let subject: String
    let message_id: String
    let auto_submitted: String?
    let tree: [String]
    let method: String?
    let plain: String?
    let calendar: String?
    let attendees: [String]?
    let sequence: Int?
    let organizer: String?
    /// The VEVENT's STATUS, when it has one.
    let status: String?
    let problems: [String]
    /// The top-level header field names, in order.
    let headers: [String]
    /// [display name, addr-spec] as Python's address parser reads them.
    let from_address: [String]
    let to_address: [String]

    static func read(_ files: [URL]) throws -> [ReceivedMail] {
        guard !files.isEmpty else { return [] }
        let run = try peer("/usr/bin/python3", [peerScript("check_mail.py")] + files.map(\.path))
        return try JSONDecoder().decode([ReceivedMail].self, from: Data(run.stdout.utf8))
    }
}
