import Foundation
import Testing
import TestSupport

/// The templates built into the binary, a folder that replaces some of them, and the
/// `templates` commands, run from a folder that holds nothing but what each test puts there.
@Suite struct TemplatesCommandTests {
    private let workspace: Workspace
    /// An empty working folder: nothing of the project's checkout is found from it.
    private let empty: URL

    init() throws {
        // A copy of the schedule in a folder of its own, so no templates/ sits beside it.
        workspace = try Workspace(["ROUNDTABLE_SCHEDULE": try scheduleCopy(replacing: [])])
        empty = try temporaryDirectory()
    }

    private func rt(_ arguments: [String], _ extra: [String: String] = [:]) throws -> Run {
        try roundtable(arguments, environment: workspace.env.merging(extra) { $1 }, currentDirectory: empty)
    }

    @Test func everyTemplateIsBuiltInAndListedSo() throws {
        let run = try rt(["templates", "list"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            ask-again.subject.mustache  built in
            ask-again.txt.mustache      built in
            cancel.subject.mustache     built in
            cancel.txt.mustache         built in
            due.mustache                built in (partial)
            findings.subject.mustache   built in
            findings.txt.mustache       built in
            invite.subject.mustache     built in
            invite.txt.mustache         built in
            reminder.subject.mustache   built in
            reminder.txt.mustache       built in
            report.md.mustache          built in
            task.mustache               built in (partial)
            writeup.md.mustache         built in

            """)
        let writeup = try rt(["writeup", "rt4", "-o", "-"])
        #expect(writeup.status == 0, "\(writeup.stderr)")
        #expect(writeup.stdout.contains("### Political and economic issues"))
    }

    @Test func aFolderHoldingOneTemplateChangesOnlyThatOne() throws {
        let folder = workspace.folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: TEXT}}\nHello {{recipient}}, from our own words.\n"
            .write(to: folder.appendingPathComponent("reminder.txt.mustache"), atomically: true, encoding: .utf8)
        let list = try rt(["templates", "list", "--templates", folder.path])
        #expect(list.stdout.contains("reminder.txt.mustache       \(folder.path)/reminder.txt.mustache\n"), "\(list.stdout)")
        #expect(list.stdout.contains("invite.txt.mustache         built in\n"))

        let outbox = workspace.folder.appendingPathComponent("outbox")
        let remind = try rt(["remind", "--as-of", "2012-03-02", "--outbox", outbox.path], ["ROUNDTABLE_TEMPLATES": folder.path])
        #expect(remind.status == 0, "\(remind.stderr)")
        let invite = try rt(["invite", "inaugural", "--outbox", outbox.path], ["ROUNDTABLE_TEMPLATES": folder.path,
                                                                               "ROUNDTABLE_NOW": "2012-01-20T09:00:00Z"])
        #expect(invite.status == 0, "\(invite.stderr)")
        let mails = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(atPath: outbox.path)
            .filter { $0.hasSuffix(".eml") }.map { outbox.appendingPathComponent($0) })
        let reminders = mails.filter { $0.method == nil }, invitations = mails.filter { $0.method == "REQUEST" }
        #expect(!reminders.isEmpty && !invitations.isEmpty)
        #expect(reminders.allSatisfy { $0.plain?.contains("from our own words") == true })
        #expect(invitations.allSatisfy { $0.plain?.contains("from our own words") == false })
    }

    @Test func exportWritesTheBuiltInsAndKeepsWhatIsThere() throws {
        let folder = workspace.folder.appendingPathComponent("exported")
        let run = try rt(["templates", "export", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let project = repositoryRoot.appendingPathComponent("templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == names)
        for name in names {
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == Data(contentsOf: project.appendingPathComponent(name)))
        }
        #expect(run.stdout == names.map { "wrote \(folder.path)/\($0)\n" }.joined())

        let again = try rt(["templates", "export", folder.path])
        #expect(again.status == 65)
        #expect(again.stderr == "roundtable: error: '\(folder.path)/\(names[0])' already exists (and \(names.count - 1) more); "
            + "it may hold reworded text. Use --force to replace the templates in '\(folder.path)'.\n")
        #expect(try rt(["templates", "export", folder.path, "--force"]).status == 0)
    }

    @Test func aTemplatesFolderThatIsNotThereIsNamed() throws {
        let missing = workspace.folder.appendingPathComponent("nowhere").path
        let run = try rt(["writeup", "rt4", "-o", "-", "--templates", missing])
        #expect(run.status == 66)
        #expect(run.stderr == "roundtable: error: The templates folder '\(missing)' (--templates) does not exist or is not a folder.\n")
    }
}
