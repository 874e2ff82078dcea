import Foundation
import Testing
import TestSupport

/// The mail a coordinator's mailbox holds for the mailbox tests: every real client's reply to
/// rt5 (read where they sit, `../shared/samples/imip-replies/replies`, never copied into the
/// repository), a Nextcloud-style relayed reply, a forged reply, and mail that is not a reply.
enum MailboxFixture {
    /// Beside the clone, as CI has it (see RealClientReplyTests).
    static let samples = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/samples/imip-replies/replies")
    static let relay = "invitations-noreply@cloud.example.org"

    /// The bundled schedule listing the relay: the schedule every mailbox test reads with.
    static func schedule() throws -> String {
        try scheduleCopy(replacing: [("\nmembers:", "\nmail:\n  relays: [\(relay)]\n\nmembers:")])
    }

    /// rt5 sent to every member on 6 November 2012 (SEQUENCE 0); mail read on 1 January 2018,
    /// after the newest sample's DTSTAMP.
    static func workspace() throws -> Workspace {
        let workspace = try Workspace(["ROUNDTABLE_NOW": "2018-01-01T00:00:00Z", "ROUNDTABLE_SCHEDULE": try schedule()])
        let invite = try workspace.rt(["invite", "rt5", "--outbox", workspace.folder.appendingPathComponent("outbox").path],
                                      ["ROUNDTABLE_NOW": "2012-11-06T09:00:00Z"])
        #expect(invite.status == 0, "\(invite.stderr)")
        return workspace
    }

    /// Members' addresses by id, for the bare samples' emails.
    private static let addresses = [
        "dan": "dan.hughes@services.example.org", "tom": "tom.whitfield@council.example.org", "helen": "helen.price@outsource.example.org",
        "priya": "priya.shah@probation.example.org", "ruth": "ruth.evans@mentoring.example.org", "grace": "grace.okafor@justice.example.org",
        "sam": "sam.patel@charity.example.org", "eoin": "eoin.byrne@housing.example.org", "zoe": "zoe.lindqvist@consult.example.org",
    ]

    /// A message and what reading it should come to.
    struct Message {
        /// A Maildir file name: `<time>.<name>.test`, in arrival order.
        let name: String
        let text: String
    }

    /// Every message, in arrival order.
    static func messages() throws -> [Message] {
        var messages: [Message] = []
        func add(_ label: String, _ text: String) { messages.append(Message(name: "\(1_500_000_000 + messages.count).\(label).test", text: text)) }
        add("newsletter", "From: news@example.org\r\nTo: alex.morgan@ajc.example.org\r\nSubject: News\r\n\r\nNothing to do with rt5.\r\n")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted() {
            // As RealClientReplyTests: Apple's email still says SEQUENCE 7, which rt5 never was.
            let text = String(decoding: try Data(contentsOf: samples.appendingPathComponent(name)), as: UTF8.self)
                .replacing(/SEQUENCE:\d+/, with: "SEQUENCE:0")
            if name.hasSuffix(".eml") {
                add(name, text)
            } else {
                // A bare calendar, sent as clients send one: the whole body, From: its attendee.
                let member = name.split(separator: ".")[1]
                add(name, "From: \(addresses[String(member)]!)\r\nTo: alex.morgan@ajc.example.org\r\nSubject: Reply\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/calendar; method=REPLY; charset=UTF-8\r\n\r\n" + text)
            }
        }
        add("invitation", ReplyFile(method: "REQUEST").email(from: ["Alex Morgan <alex.morgan@ajc.example.org>"]))
        add("relayed", ReplyFile(events: [ReplyFile.Event(attendees: [(addresses["zoe"]!, "ACCEPTED")])])
                .email(from: ["\"Zoë Lindqvist via Nextcloud\" <\(relay)>"], headers: ["Reply-To: \(addresses["zoe"]!)"]))
        add("forged", ReplyFile(events: [ReplyFile.Event(stamp: "20171231T000000Z", attendees: [(addresses["helen"]!, "DECLINED")])])
                .email(from: ["Helen Price <mallory@evil.example.org>"]))
        return messages
    }

    /// The names of the messages that are not replies, which must be left as they were.
    static let others: Set<String> = ["newsletter", "invitation"]

    /// What the first run prints, in arrival order.
    static let recordedLines = [
        "rt5: Dan Hughes accepted", "rt5: Tom Whitfield accepted", "rt5: Helen Price accepted", "rt5: Priya Shah accepted",
        "rt5: Ruth Evans tentative", "rt5: Grace Okafor accepted", "rt5: Sam Patel declined", "rt5: Eoin Byrne accepted",
        "rt5: Zoë Lindqvist accepted",
    ]

    /// rt5's answers once every reply is read: everyone but Sam (declined) and Ruth (tentative)
    /// accepted, the organiser included; the forged decline of Helen's is not among them.
    static let answers = ["accepted": 8, "declined": 1, "tentative": 1, "noAnswer": 0, "answeredEarlierVersion": 0]

    /// The label of a message's file name (`<time>.<label>.test`, flags aside).
    static func label(of file: String) -> String {
        let base = file.split(separator: ":")[0]
        return String(base.split(separator: ".", maxSplits: 1)[1].dropLast(".test".count))
    }
}
