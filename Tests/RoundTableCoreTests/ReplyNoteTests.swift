import Testing
@testable import RoundTableCore

/// What is kept of what a person wrote with her answer.
@Suite struct ReplyNoteTests {
    @Test func theTopOfAReplyIsKeptWithoutTheQuotationOrTheSignature() {
        let outlook = "Fine by me.\r\n\r\n________________________________\r\nFrom: Joanne <jo@rrc.example.org>\r\nSent: Tuesday\r\n"
        #expect(ReplyNote.top(of: outlook) == "Fine by me.")
        #expect(ReplyNote.top(of: "Yes\n> quoted\nmore") == "Yes")
        #expect(ReplyNote.top(of: "Late by 10 min\n-- \nPat") == "Late by 10 min")
        #expect(ReplyNote.top(of: "Late\n\nSent from my iPhone") == "Late")
        #expect(ReplyNote.top(of: "Ja.\nAm 1. Sep. schrieb:\n> x") == "Ja.")
        #expect(ReplyNote.top(of: "\n\n") == "")
    }

    @Test func aClientsOwnNoticeOfTheAnswerIsNoNote() {
        #expect(ReplyNote.top(of: "Priya Shah has accepted this invitation.") == "")
        #expect(ReplyNote.top(of: "External, Caldav <x@y> hat Ihre Termineinladung abgelehnt.") == "")
        #expect(ReplyNote.top(of: "Accepted, but I may be late.") == "Accepted, but I may be late.")
    }

    @Test func aNoteIsOneLineWithControlCharactersEscapedAndAtMost500Characters() {
        #expect(ReplyNote.of(comment: "a\u{1B}[2Jb", emailText: nil) == "a\\u{1B}[2Jb")
        let long = String(repeating: "x", count: 900)
        let note = ReplyNote.of(comment: long, emailText: nil)
        #expect(note.unicodeScalars.count == 500 && note.hasSuffix("…"))
        #expect(ReplyNote.of(comment: "Same", emailText: "Same") == "Same")
        #expect(ReplyNote.of(comment: "Rapporteur?", emailText: "Leaving at 12:45") == "Rapporteur? / Leaving at 12:45")
    }
}
