import Foundation
import Testing
import TestSupport

/// Where output goes and what is read: a full disk or a full standard output is never a silent
/// success (74, saying what was lost), a device or FIFO named with `-o` stays what it is, and a
/// FIFO where a file should be read is refused at once instead of blocking cron for ever.
@Suite struct OutputPathTests {
    private let workspace: Workspace
    private var folder: URL { workspace.folder }

    init() throws {
        workspace = try Workspace()
        #expect(try workspace.seed().status == 0)
    }

    /// A command and the name its output goes by in the message.
    static let outputs: [([String], String)] = [
        (["dump"], "the dump"),
        (["export"], "the calendar"),
        (["report", "--as-of", "2012-11-26"], "the report"),
        (["report", "--html", "--as-of", "2012-11-26"], "the report"),
    ]

    /// `roundtable ARGS` with standard output sent to `target` by the shell, as `> file` would.
    private func runWithStandardOutput(_ arguments: [String], to target: String) throws -> Run {
        try roundtable(arguments, environment: workspace.env, wrapper: ["/bin/sh", "-c", "exec \"$0\" \"$@\" > '\(target)'"])
    }

    @Test(arguments: outputs + [(["status", "--as-of", "2012-11-26"], "the status")])
    func aFullStandardOutputIsAnIOErrorSayingWhatWasLost(arguments: [String], output: String) throws {
        let run = try runWithStandardOutput(arguments, to: "/dev/full")
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr == "roundtable: error: \(output) was not written completely to standard output: no space left on device.\n")
    }

    @Test(arguments: outputs)
    func aFullOutputFileIsAnIOErrorSayingWhatWasLost(arguments: [String], output: String) throws {
        let run = try workspace.rt(arguments + ["-o", "/dev/full"])
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr == "roundtable: error: \(output) was not written completely to '/dev/full': no space left on device.\n")
    }

    @Test func anOutputPathThatCannotBeOpenedIsRefusedWith73() throws {
        let file = folder.appendingPathComponent("plain.txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let run = try workspace.rt(["dump", "-o", file.appendingPathComponent("backup.yaml").path])
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("roundtable: error: cannot write '\(file.path)/backup.yaml': "))
    }

    @Test func aDumpToStandardOutputStillWritesAll() throws {
        let backup = folder.appendingPathComponent("backup.yaml").path
        #expect(try runWithStandardOutput(["dump"], to: backup).status == 0)
        #expect(try String(contentsOfFile: backup, encoding: .utf8) == workspace.rt(["dump"]).stdout)
    }

    /// `-o NAME` without a folder writes into the working folder, and `-o` over a file replaces it.
    @Test func aBareFileNameIsWrittenInTheWorkingFolder() throws {
        for _ in 0..<2 {
            let run = try roundtable(["dump", "-o", "backup.yaml"], environment: workspace.env, currentDirectory: folder)
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("backup.yaml"), encoding: .utf8) == workspace.rt(["dump"]).stdout)
    }

    /// On a null device of the test's own (the same device as /dev/null, made with mknod as root,
    /// as CI runs): were the device replaced, the machine's /dev/null would be left a file for
    /// every test after this one.
    @Test func aReportToANullDeviceLeavesItACharacterDevice() throws {
        let null = folder.appendingPathComponent("null").path
        // Device 1:3 as glibc encodes a small major and minor (makedev is a macro Swift does not import).
        #expect(mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0, "mknod needs root, as CI runs")
        let run = try workspace.rt(["report", "--html", "-o", null, "--as-of", "2012-11-26"])
        #expect(run.status == 0, "\(run.stderr)")
        let type = try FileManager.default.attributesOfItem(atPath: null)[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial)
    }

    @Test func aFIFONoProgramReadsIsRefusedRatherThanWaitedFor() throws {
        let fifo = try makeFIFO("report.md")
        let run = try roundtable(["report", "-o", fifo, "--as-of", "2012-11-26"], environment: workspace.env,
                                 wrapper: hardLimits(addressSpaceMiB: 4096, seconds: 20))
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr == "roundtable: error: cannot write '\(fifo)': it is a FIFO that no program reads from\n")
        #expect(isFIFO(fifo), "the FIFO is still a FIFO")
    }

    @Test func aFIFOAProgramReadsGetsTheWholeReport() throws {
        let fifo = try makeFIFO("report.md")
        let copy = folder.appendingPathComponent("copy.md").path
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "exec cat '\(fifo)' > '\(copy)'"]
        try reader.run()
        // The writer's open fails at once until cat has opened its end: wait for that.
        var run = try workspace.rt(["report", "-o", fifo, "--as-of", "2012-11-26"])
        for _ in 0..<100 where run.status == 73 {
            usleep(50_000)
            run = try workspace.rt(["report", "-o", fifo, "--as-of", "2012-11-26"])
        }
        reader.waitUntilExit()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == workspace.rt(["report", "--as-of", "2012-11-26"]).stdout)
        #expect(isFIFO(fifo))
    }

    @Test func aLinkToStandardOutputIsWrittenThroughAndStaysALink() throws {
        let link = folder.appendingPathComponent("out.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
        let run = try roundtable(["report", "-o", link, "--as-of", "2012-11-26"], environment: workspace.env,
                                 wrapper: ["/bin/sh", "-c", "\"$0\" \"$@\" | cat"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# AJC pilot learning group"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/proc/self/fd/1")
    }

    @Test func aFIFOInPlaceOfTheExportManifestIsRefusedAtOnce() throws {
        let dir = folder.appendingPathComponent("feeds")
        let schedules = folder.appendingPathComponent("schedules")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: schedules, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: bundledSchedule, toPath: schedules.appendingPathComponent("ajc.yaml").path)
        let manifest = try makeFIFO("feeds/.roundtable-export")
        let run = try roundtable(["export", "-s", schedules.path, "--dir", dir.path], environment: workspace.env,
                                 wrapper: hardLimits(addressSpaceMiB: 4096, seconds: 20))
        #expect(run.status == 66, "\(run.stderr)")
        #expect(run.stderr == "roundtable: error: '\(manifest)' cannot be read: it is a FIFO, not a regular file "
                + "(check the path and its permissions).\n")
    }

    @Test func aFIFOInPlaceOfATemplateIsRefusedAtOnce() throws {
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let template = try makeFIFO("templates/reminder.txt.mustache")
        for arguments in [["templates", "list"], ["remind", "--as-of", "2012-11-26", "--dry-run"]] {
            let run = try roundtable(arguments, environment: workspace.env.merging(["ROUNDTABLE_TEMPLATES": templates.path]) { $1 },
                                     wrapper: hardLimits(addressSpaceMiB: 4096, seconds: 20))
            #expect(run.status == 66, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("'\(template)' cannot be read: it is a FIFO, not a regular file"), "\(run.stderr)")
        }
    }

    private func makeFIFO(_ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        #expect(mkfifo(path, 0o600) == 0)
        return path
    }

    private func isFIFO(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
    }
}
