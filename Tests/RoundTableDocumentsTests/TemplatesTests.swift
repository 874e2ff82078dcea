import Foundation
import RoundTableDocuments
import Testing
import TestSupport

/// The built-in templates and a folder that replaces them file by file.
@Suite struct TemplatesTests {
    /// Fails when the binary's templates are not the files of templates/ (the build plugin
    /// missed a change, or a file was added that it does not pick up).
    @Test func theBuiltInTemplatesAreTheFilesOfTheTemplatesFolder() throws {
        let folder = repositoryRoot.appendingPathComponent("templates")
        var files: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(Templates.fileExtension) {
            files[String(file.dropLast(Templates.fileExtension.count))] = try String(
                contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        #expect(Set(files.keys).isSuperset(of: Templates.Name.allCases.map(\.rawValue)))
        #expect(Templates.builtIn == files)
    }

    @Test func aFolderReplacesOnlyTheTemplatesItHolds() throws {
        let templates = try Templates(folder: "/srv/t", overrides: ["reminder.txt": "{{% CONTENT_TYPE: TEXT}}\nHello {{recipient}}\n"])
        #expect(templates.origins["reminder.txt"] == .file(path: "/srv/t/reminder.txt.mustache"))
        for name in Templates.Name.allCases where name != .reminder {
            #expect(templates.origins[name.rawValue] == .builtIn, "\(name)")
        }
        #expect(templates.render(.reminder, ["recipient": "Ann & Bo"]) == "Hello Ann & Bo\n")
        #expect(try Templates().render(.reminder, ["recipient": "Ann"]).contains("Dear Ann,"))
    }

    @Test func aReplacementMayIncludeAPartialOfItsFolder() throws {
        let templates = try Templates(folder: "/srv/t", overrides: [
            "invite.txt": "{{% CONTENT_TYPE: TEXT}}\n{{> footer}}", "footer": "{{% CONTENT_TYPE: TEXT}}\n-- the coordinator\n",
        ])
        #expect(templates.origins["footer"] == .file(path: "/srv/t/footer.mustache"))
        #expect(templates.render(.invite, [:]) == "-- the coordinator\n")
    }

    /// A folder's file that is a built-in template byte for byte is not parsed when the folder is
    /// read (only when it is rendered), so the built-in ones must pass every check a file gets:
    /// each is given here with one more line, which makes it a file to check.
    @Test(arguments: Templates.builtIn.keys.sorted())
    func everyBuiltInTemplatePassesTheChecksAFileGets(name: String) throws {
        _ = try Templates(folder: "/srv/t", overrides: [name: Templates.builtIn[name]! + "\n"])
    }

    /// A reminder written for the earlier digest names `asOf` and `reason`, no longer given: it
    /// is refused at the first of them, with what to use instead, not rendered with blanks.
    @Test func anOverrideUsingARetiredVariableIsRefusedWhereItUsesIt() throws {
        let old = "{{% CONTENT_TYPE: TEXT}}\nDear {{recipient}},\n\nAs of {{asOf}}:\n{{#owed}}\n  - {{text}}: {{reason}}\n{{/owed}}\n"
        #expect(throws: TemplateError.self) { try Templates(folder: "/srv/t", overrides: ["reminder.txt": old]) }
        do {
            _ = try Templates(folder: "/srv/t", overrides: ["reminder.txt": old])
        } catch {
            #expect(error.description.hasPrefix("/srv/t/reminder.txt.mustache:4:7: The template uses 'asOf', which roundtable no longer gives"),
                    "\(error)")
        }
        let current = "{{% CONTENT_TYPE: TEXT}}\n{{#owed}}{{> task}}, {{> due}}{{/owed}} {{asOfficial}}\n"
        _ = try Templates(folder: "/srv/t", overrides: ["reminder.txt": current])
        _ = try Templates(folder: "/srv/t", overrides: ["invite.txt": old.replacingOccurrences(of: "{{reason}}", with: "")])
    }

    /// What `templates export` writes out renders as the built-in templates do, a partial of
    /// a changed file included.
    @Test func aFolderOfTheBuiltInTemplatesRendersAsTheBuiltInOnes() throws {
        let context: [String: Any] = ["recipient": "Ann", "group": "AJC", "hasOwed": true, "organiser": "Jo",
                                      "owed": [["action": true, "text": "Notes", "due": "Mon 26 Nov", "relative": "today", "late": false, "ref": "A1"]]]
        let exported = try Templates(folder: "/srv/t", overrides: Templates.builtIn)
        #expect(exported.render(.reminder, context) == (try Templates()).render(.reminder, context))
        #expect(exported.render(.reminder, context).contains("  - Notes\n    due Mon 26 Nov (today) (ref A1)\n"))

        let including = try Templates(folder: "/srv/t", overrides: Templates.builtIn.merging(["invite.txt": "{{> reminder.txt}}"]) { $1 })
        #expect(including.render(.invite, context) == exported.render(.reminder, context))
    }

    /// Sections over a list nested in each other repeat it at every level (2^30 times here):
    /// the rendering stops at its budget, in bounded time, and says so.
    @Test func sectionsThatMultiplyStopAtTheBudgetAndSaySo() throws {
        let nested = String(repeating: "{{#owed}}", count: 30) + "{{text}} " + String(repeating: "{{/owed}}", count: 30)
        let templates = try Templates(folder: "/srv/t", overrides: ["reminder.txt": "{{% CONTENT_TYPE: TEXT}}\n" + nested])
        let start = ContinuousClock.now
        let text = templates.render(.reminder, ["owed": [["text": "a"], ["text": "b"]]])
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(text.utf8.count < Templates.maxRenderedSize)
        #expect(text.hasSuffix("[The template reminder.txt.mustache repeats its sections past 16 MiB; the rest was left out.]\n"))
        #expect(text.hasPrefix("a b a b "))
    }

    @Test(arguments: [
        (["reminder.txt": "{{> missing}}"], TemplateError.unknownPartial(path: "/srv/t/reminder.txt.mustache", partial: "missing")),
        (["reminder.txt": "{{> ../reminder.txt}}"], TemplateError.unknownPartial(path: "/srv/t/reminder.txt.mustache", partial: "../reminder.txt")),
        (["reminder.txt": "{{=<% %>=}}"], TemplateError.invalid(path: "/srv/t/reminder.txt.mustache", reason: "set-delimiter tags ({{=…=}}) are not supported")),
        (["reminder.txt": "{{recipient}}\n{{>  footer  }}{{>missing}}", "footer": "-- {{recipient}}"], TemplateError.unknownPartial(path: "/srv/t/reminder.txt.mustache", partial: "missing")),
        (["a": "{{> b}}", "b": "{{> a}}"], TemplateError.invalid(path: "/srv/t/a.mustache", reason: "it includes itself ({{> a}} → {{> b}} → {{> a}})")),
        (["reminder.txt": String(repeating: "{{#a}}", count: 3000) + String(repeating: "{{/a}}", count: 3000)],
         TemplateError.tooDeep(path: "/srv/t/reminder.txt.mustache", depth: 3000, limit: 32)),
        (["reminder.txt": String(repeating: "{{#a}}", count: 20) + "{{> footer}}" + String(repeating: "{{/a}}", count: 20),
          "footer": String(repeating: "{{^b}}", count: 20) + String(repeating: "{{/b}}", count: 20)],
         TemplateError.tooDeep(path: "/srv/t/reminder.txt.mustache", depth: 41, limit: 32)),
        (["reminder.txt": "{{> p0}}", "p0": "{{> p1}}{{> p1}}", "p1": "{{> p2}}{{> p2}}", "p2": String(repeating: "x", count: 300_000)],
         TemplateError.tooLarge(path: "/srv/t/p0.mustache", limit: 1 << 20)),
    ])
    func aBrokenReplacementIsRefusedNamingItsFile(overrides: [String: String], error: TemplateError) {
        #expect(throws: error) { try Templates(folder: "/srv/t", overrides: overrides) }
    }
}
