import Foundation
import Testing
import TestSupport

/// Where `make test` installed roundtable (`make install` into a scratch DESTDIR) before the tests ran.
private let installedPrefix: URL? = ProcessInfo.processInfo.environment["ROUNDTABLE_INSTALLED"]
    .flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }

/// The installed roundtable as a server would have it: run from an empty folder, with the schedule
/// elsewhere and no Swift toolchain on the PATH; its man pages and completions.
@Suite(.enabled(if: installedPrefix != nil, "run by `make test`, which installs roundtable under ROUNDTABLE_INSTALLED first"))
struct InstallTests {
    private let prefix = installedPrefix ?? URL(fileURLWithPath: "/nonexistent")
    private var binary: String { prefix.appendingPathComponent("bin/roundtable").path }
    private let folder: URL
    /// An empty working folder, as cron's would be.
    private let empty: URL
    private let environment: [String: String]

    init() throws {
        folder = try temporaryDirectory()
        empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        // The toolchain (/opt/swift/usr/bin) off the PATH, and nothing of the developer's own set-up.
        environment = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "ROUNDTABLE_STATE": folder.appendingPathComponent("state.sqlite").path,
                       "ROUNDTABLE_NOW": "2012-11-26T09:00:00Z"]
    }

    /// The installed binary, run from the empty folder.
    private func installed(_ arguments: [String], _ extra: [String: String] = [:]) throws -> Run {
        let run = try peer("/usr/bin/env", ["-i"] + environment.merging(extra) { $1 }.map { "\($0)=\($1)" }.sorted()
            + ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", empty.path, binary] + arguments)
        return run
    }

    /// A copy of the AJC schedule at `path` inside the test's folder.
    private func schedule(at path: String) throws -> String {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: bundledSchedule, toPath: url.path)
        return url.path
    }

    @Test func theBinaryHoldsSwiftsLibrariesAndNamesItsCommit() throws {
        let libraries = try peer("/usr/bin/ldd", [binary]).stdout
        for swift in ["libswift", "libFoundation", "libdispatch", "libBlocksRuntime", "/opt/swift"] {
            #expect(!libraries.contains(swift), "\(swift) in\n\(libraries)")
        }
        let version = try installed(["--version"])
        #expect(version.status == 0, "\(version.stderr)")
        #expect(version.stdout.wholeMatch(of: /1\.0\.0 \(commit [0-9a-f]{40}\)\n/) != nil, "\(version.stdout)")
    }

    @Test func theServerIsInstalledBesideItWithSwiftsLibrariesInside() throws {
        let server = prefix.appendingPathComponent("bin/roundtable-serve").path
        let libraries = try peer("/usr/bin/ldd", [server]).stdout
        for swift in ["libswift", "libFoundation", "/opt/swift"] { #expect(!libraries.contains(swift), "\(swift) in\n\(libraries)") }
        // The CLI carries none of the server: no SwiftNIO in its symbols' names.
        let cli = try String(decoding: Data(contentsOf: URL(fileURLWithPath: binary)), as: UTF8.self)
        #expect(!cli.contains("NIOPosix") && !cli.contains("Hummingbird"))
        // `roundtable serve` finds it beside itself (without it: 69), then refuses the state that is not there.
        let run = try installed(["serve", "-s", try schedule(at: "srv/plan.yaml")])
        #expect(run.status == 66, "\(run.stderr)")
    }

    @Test func everyCommandWorksFromAnEmptyFolderWithTheBuiltInTemplates() throws {
        let plan = try schedule(at: "srv/plan.yaml")
        let s = ["-s", plan]
        #expect(try installed(["check"] + s).status == 0)
        #expect(try installed(["import", bundledSeeds] + s).status == 0)
        #expect(try installed(["export", "-o", folder.appendingPathComponent("ajc.ics").path] + s).status == 0)
        #expect(try installed(["templates", "list"] + s).stdout.split(separator: "\n").allSatisfy { $0.contains(" built in") })

        let invite = try installed(["invite", "rt5"] + s)
        #expect(invite.status == 0, "\(invite.stderr)")
        let remind = try installed(["remind"] + s)
        #expect(remind.status == 0, "\(remind.stderr)")
        #expect(remind.stderr.hasPrefix("remind: "), "\(remind.stderr)")
        let outbox = empty.appendingPathComponent("outbox")
        let mails = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(atPath: outbox.path)
            .filter { $0.hasSuffix(".eml") }.map { outbox.appendingPathComponent($0) })
        #expect(mails.contains { $0.method == "REQUEST" } && mails.contains { $0.method == nil })
        #expect(mails.allSatisfy { $0.plain?.hasPrefix("Dear ") == true })

        let writeup = try installed(["writeup", "rt4"] + s)
        #expect(writeup.status == 0, "\(writeup.stderr)")
        let file = folder.appendingPathComponent("srv/writeups/rt4.md")
        let skeleton = try String(contentsOf: file, encoding: .utf8)
        try skeleton.replacingOccurrences(of: "### Technical issues\n\n- \n", with: "### Technical issues\n\n- Shared data standards cut duplicate assessments\n")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try installed(["advance", "rt4", "writeup", "--on", "2012-11-26"] + s).status == 0)
        let disseminate = try installed(["disseminate", "rt4", "--allow-empty"] + s)
        #expect(disseminate.status == 0, "\(disseminate.stderr)")
        let report = try installed(["report"] + s)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Shared data standards cut duplicate assessments"))
    }

    @Test func aTemplatesFolderBesideTheSchedulesReplacesOnlyItsFiles() throws {
        let plan = try schedule(at: "org/schedules/plan.yaml")
        let templates = folder.appendingPathComponent("org/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: TEXT}}\nHello {{recipient}}, in the organisation's own words.\n"
            .write(to: templates.appendingPathComponent("reminder.txt.mustache"), atomically: true, encoding: .utf8)
        let list = try installed(["templates", "list", "-s", plan])
        let folderShown = (plan as NSString).deletingLastPathComponent + "/../templates"
        #expect(list.stdout.contains("reminder.txt.mustache       \(folderShown)/reminder.txt.mustache\n"), "\(list.stdout)")
        #expect(list.stdout.split(separator: "\n").count { $0.contains(" built in") } == 13, "the other thirteen stay built in")

        #expect(try installed(["init", "-s", plan]).status == 0)
        #expect(try installed(["remind", "--as-of", "2012-03-02", "-s", plan]).status == 0)
        let outbox = empty.appendingPathComponent("outbox")
        let mails = try ReceivedMail.read(try FileManager.default.contentsOfDirectory(atPath: outbox.path)
            .filter { $0.hasSuffix(".eml") }.map { outbox.appendingPathComponent($0) })
        #expect(!mails.isEmpty && mails.allSatisfy { $0.plain?.contains("in the organisation's own words") == true })
        #expect(try installed(["writeup", "rt4", "-o", "-", "-s", plan]).stdout.contains("## Discussion and learning points"))
    }

    @Test func everyCommandHasAManPageThatAnswersQuestionsAndLintsClean() throws {
        let man1 = prefix.appendingPathComponent("share/man/man1")
        let pages = try FileManager.default.contentsOfDirectory(atPath: man1.path).sorted()
        for page in ["roundtable.1", "roundtable-publish.1", "roundtable-remind.1", "roundtable-templates.1",
                     "roundtable-templates-list.1", "roundtable-templates-export.1", "roundtable-action-add.1"] {
            #expect(pages.contains(page), "\(page) in \(pages)")
        }
        #expect(!pages.contains { $0.hasPrefix("roundtable.") && $0 != "roundtable.1" }, "no page named the parser's way: \(pages)")
        let all = pages.map { man1.appendingPathComponent($0).path }
            + [prefix.appendingPathComponent("share/man/man5/roundtable-schedule.5").path]
        for path in all {
            let page = (path as NSString).lastPathComponent
            let run = try peer("/usr/bin/env", ["MANWIDTH=80", "MANPAGER=cat", "/usr/bin/man", "-l", path])
            #expect(run.status == 0 && run.stdout.contains("NAME"), "\(page): \(run.stderr)")
            let lint = try peer("/usr/bin/mandoc", ["-T", "lint", "-W", "warning", path])
            #expect(lint.status == 0 && lint.stdout.isEmpty && lint.stderr.isEmpty, "\(page): \(lint.stdout)\(lint.stderr)")
            let groff = try peer("/usr/bin/groff", ["-ww", "-z", page.hasSuffix(".5") ? "-man" : "-mandoc", path])
            #expect(groff.status == 0 && groff.stderr.isEmpty, "\(page): \(groff.stderr)")
            guard page.hasSuffix(".1") else { continue }
            for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "ENVIRONMENT", "FILES", "EXIT STATUS"] {
                #expect(run.stdout.contains("\n\(section)\n"), "\(page) has no \(section)")
            }
            // Each command's examples are a file of their own: a new command needs one.
            #expect(run.stdout.contains("\nEXAMPLES\n"), "\(page) has no EXAMPLES: add docs/man/examples/\(page.dropLast(2)).txt")
        }
    }

    @Test func manFindsThePagesByTheNamesPeopleType() throws {
        let manpath = "MANPATH=" + prefix.appendingPathComponent("share/man").path
        let remind = try peer("/usr/bin/env", [manpath, "MANWIDTH=80", "MANPAGER=cat", "/usr/bin/man", "roundtable-remind"])
        #expect(remind.status == 0, "\(remind.stderr)")
        #expect(remind.stdout.contains("roundtable remind"))
        #expect(remind.stdout.contains("ROUNDTABLE_SMTP_URL"), "the transport's environment is on the page of a command that sends")
        #expect(remind.stdout.contains("0 7 * * *"), "its examples include the cron line")
        let schedule = try peer("/usr/bin/env", [manpath, "MANWIDTH=80", "MANPAGER=cat", "/usr/bin/man", "5", "roundtable-schedule"])
        #expect(schedule.status == 0, "\(schedule.stderr)")
        let words = schedule.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("papers-before-seminar") && words.contains("Unknown status 'off'"), "\(schedule.stdout)")
        for document in ["json.md", "schedule.md"] {
            #expect(try String(contentsOf: prefix.appendingPathComponent("share/doc/roundtable/\(document)"), encoding: .utf8)
                == String(contentsOf: repositoryRoot.appendingPathComponent("docs/\(document)"), encoding: .utf8))
        }
    }

    @Test func theInstalledBinaryIsStripped() throws {
        let sections = try peer("/usr/bin/readelf", ["-S", "--wide", binary])
        #expect(sections.status == 0, "\(sections.stderr)")
        #expect(!sections.stdout.contains(".symtab") && !sections.stdout.contains(".debug_info"), "\(sections.stdout)")
    }

    @Test func theCompletionsLoad() throws {
        let bash = prefix.appendingPathComponent("share/bash-completion/completions/roundtable").path
        let run = try peer("/bin/bash", ["-c", """
            source "$0" && complete -p roundtable
            COMP_WORDS=(roundtable tem); COMP_CWORD=1; COMP_LINE="roundtable tem"; COMP_POINT=${#COMP_LINE}
            _roundtable roundtable tem roundtable; echo "${COMPREPLY[*]}"
            COMPREPLY=(); COMP_WORDS=(roundtable publish --c); COMP_CWORD=2; COMP_LINE="roundtable publish --c"; COMP_POINT=${#COMP_LINE}
            _roundtable roundtable --c publish; echo "${COMPREPLY[*]}"
            """, bash])
        #expect(run.stdout == "complete -o filenames -F _roundtable roundtable\ntemplates\n--create --caldav\n", "\(run.stderr)")
        let zsh = try String(contentsOf: prefix.appendingPathComponent("share/zsh/site-functions/_roundtable"), encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef roundtable"))
        let fish = try String(contentsOf: prefix.appendingPathComponent("share/fish/vendor_completions.d/roundtable.fish"), encoding: .utf8)
        #expect(fish.contains("complete -c 'roundtable'") || fish.contains("complete -c roundtable"))
    }

    /// What bash offers for `words` (the last being the word under the cursor), through the
    /// installed completion script and binary, in the installed environment.
    private func completions(_ words: [String], _ extra: [String: String] = [:]) throws -> [String] {
        let bash = prefix.appendingPathComponent("share/bash-completion/completions/roundtable").path
        let env = environment.merging(extra) { $1 }.merging(["PATH": prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"]) { $1 }
        let run = try peer("/usr/bin/env", ["-i"] + env.map { "\($0)=\($1)" }.sorted() + ["/bin/bash", "-c", """
            source "$1"; shift
            COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            _roundtable roundtable "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """, "bash", bash] + words)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        return run.stdout.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesTheIdsOfTheSeriesInUse() throws {
        let plan = try schedule(at: "srv/plan.yaml")
        let env = ["ROUNDTABLE_SCHEDULE": plan]
        let sessions = ["inaugural", "rt1", "rt2", "rt3", "rt4", "rt5", "seminar"]
        #expect(try completions(["roundtable", "status", ""], env) == sessions)
        #expect(try completions(["roundtable", "status", "rt"], env) == ["rt1", "rt2", "rt3", "rt4", "rt5"])
        #expect(try completions(["roundtable", "advance", "seminar", ""], env) == ["plan", "hold"], "a seminar's own stages")
        #expect(try completions(["roundtable", "action", "add", "--owner", "s"], env) == ["sam"])
        #expect(try completions(["roundtable", "action", "done", ""], env).isEmpty, "no state yet: nothing, and no state made")
        #expect(!FileManager.default.fileExists(atPath: environment["ROUNDTABLE_STATE"]!))
        #expect(try installed(["import", bundledSeeds, "-s", plan]).status == 0)
        #expect(try completions(["roundtable", "action", "done", ""], env) == ["A4", "A5", "A6", "A1", "A2", "A3"], "open ones first")
        // The schedule on the line is the one completed from, as the command would use it.
        let other = folder.appendingPathComponent("other.yaml")
        try String(contentsOfFile: plan, encoding: .utf8).replacingOccurrences(of: "rt5", with: "rt5b")
            .write(to: other, atomically: true, encoding: .utf8)
        #expect(try completions(["roundtable", "writeup", "-s", other.path, "rt5"], env) == ["rt5b"])
    }

    @Test func uninstallRemovesEverythingInstallPut() throws {
        let destination = folder.appendingPathComponent("destdir")
        try FileManager.default.createDirectory(at: destination.appendingPathComponent("usr"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: prefix, to: destination.appendingPathComponent("usr/local"))
        #expect(try String(contentsOf: destination.appendingPathComponent("usr/local/share/doc/roundtable/README.md"), encoding: .utf8)
            == String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8))
        #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent(
            "usr/local/share/doc/roundtable/contrib/systemd/system/roundtable-remind.timer").path))
        let run = try peer("/usr/bin/make", ["-s", "-C", repositoryRoot.path, "uninstall", "DESTDIR=\(destination.path)", "PREFIX=/usr/local"])
        #expect(run.status == 0, "\(run.stderr)")
        let left = try peer("/usr/bin/find", [destination.path, "-type", "f"]).stdout
        #expect(left.isEmpty, "\(left)")
    }
}
