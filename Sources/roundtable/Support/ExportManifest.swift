import Foundation
import RoundTableCore
#if canImport(Glibc)
import Glibc
#endif

/// What `export --dir` wrote into an organisation's feed folder: for each series, the
/// `FeedFingerprint` of what its feeds were made of and each feed file as it was left (size,
/// modification time, inode, status-change time). A series whose fingerprint and files are all found again is not
/// built: its feeds would come out the same.
///
/// Kept as `.roundtable-export` at the top of the folder given to `--dir` (beside the series'
/// subfolders, never inside one), rather than in the state: the feeds and what they were made of
/// stay together (a folder copied, emptied or served from another machine cannot be mistaken for
/// the one recorded), exporting needs no write access to a state shared by several coordinators,
/// and the state needs no migration. A dot-file is left out of a web server's listings and has
/// no `.ics` ending, so no client takes it for a feed. It holds hashes, file names (the ids of
/// the schedule) and sizes: nothing a feed does not already show.
///
/// Anything unexpected (no file, another format, a line that does not parse) reads as an empty
/// manifest: every series is then built and compared with its files, as without one.
struct ExportManifest {
    /// The file's name in the folder given to `--dir`.
    static let fileName = ".roundtable-export"

    /// The first line; another one (an earlier or later format) is not read, so a manifest of
    /// format 1 (without ctime) makes the next run build and compare every series once.
    private static let header = "roundtable export manifest 2"

    /// A feed file as it was left: any edit, deletion or replacement changes one of these.
    /// An edit in place that keeps the size and sets the modification time back (`touch -d`,
    /// `rsync -t`) still changes the status-change time, which no unprivileged program can set.
    struct FileStamp: Equatable {
        let size: Int64
        /// Modification time, as seconds and nanoseconds.
        let modified: String
        let inode: UInt64
        /// Status-change time (ctime), as seconds and nanoseconds.
        let changed: String

        /// The file's stamp now; nil when it is not there (or cannot be examined).
        static func of(_ path: String) -> FileStamp? {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return FileStamp(size: Int64(info.st_size), modified: "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)",
                             inode: UInt64(info.st_ino), changed: "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)")
        }
    }

    /// One series: its fingerprint, and its feed files by name, in the order written.
    struct Entry {
        let fingerprint: String
        let files: [(name: String, stamp: FileStamp)]

        /// Whether the series' feeds, named `names` in `folder`, are the files recorded here,
        /// untouched since, and what they were made of has the fingerprint `fingerprint`.
        func stillDescribes(fingerprint: String, names: [String], in folder: String) -> Bool {
            guard fingerprint == self.fingerprint, names.elementsEqual(files.map(\.name)) else { return false }
            return files.allSatisfy { FileStamp.of((folder as NSString).appendingPathComponent($0.name)) == $0.stamp }
        }
    }

    /// By series id.
    var series: [String: Entry] = [:]

    /// The manifest in `folder`; empty when there is none or its text is not a manifest (it is
    /// written anew). One that cannot be read at all, such as a FIFO in its place, is refused (66):
    /// writing over it would fail too, or block.
    static func read(in folder: String) throws(TextFileError) -> ExportManifest {
        let path = (folder as NSString).appendingPathComponent(fileName)
        let text: String
        do {
            text = try TextFile.read(path)
        } catch .unreadable(let path, let reason) {
            throw .unreadable(path: path, reason: reason)
        } catch {
            return ExportManifest()
        }
        return parse(text) ?? ExportManifest()
    }

    /// Lines of `<series> <fingerprint> <name>:<size>:<modified>:<inode>:<changed>…`; ids and file names hold
    /// no space or colon (`check` keeps ids to letters, digits, `-` and `_`). Split as bytes:
    /// an organisation's manifest is half a megabyte, and splitting it into Characters cost as much
    /// as fingerprinting every series.
    private static func parse(_ text: String) -> ExportManifest? {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, first.elementsEqual(header.utf8), lines.last?.isEmpty == true else { return nil }
        lines.removeFirst()
        lines.removeLast()
        var manifest = ExportManifest()
        for line in lines {
            let words = line.split(separator: UInt8(ascii: " ")).map { String(Substring($0)) }
            guard words.count >= 2, manifest.series[words[0]] == nil else { return nil }
            var files: [(name: String, stamp: FileStamp)] = []
            for word in words.dropFirst(2) {
                let parts = word.utf8.split(separator: UInt8(ascii: ":")).map { Substring($0) }
                guard parts.count == 5, let size = Int64(parts[1]), let inode = UInt64(parts[3]) else { return nil }
                files.append((String(parts[0]), FileStamp(size: size, modified: String(parts[2]), inode: inode, changed: String(parts[4]))))
            }
            manifest.series[words[0]] = Entry(fingerprint: words[1], files: files)
        }
        return manifest
    }

    /// The file's text, series in id order so that the same manifest is always the same bytes.
    var text: String {
        var text = Self.header + "\n"
        for (id, entry) in series.sorted(by: { $0.key < $1.key }) {
            text += id + " " + entry.fingerprint
            for file in entry.files {
                text += " \(file.name):\(file.stamp.size):\(file.stamp.modified):\(file.stamp.inode):\(file.stamp.changed)"
            }
            text += "\n"
        }
        return text
    }

    /// Writes the manifest into `folder` (through a temporary file and a rename), unless the file
    /// there already says the same: an unchanged run changes nothing in the folder.
    func write(in folder: String) throws {
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        let text = text
        if let old = try? TextFile.read(path), old == text { return }
        try TextFile.write(text, to: path, what: "the export manifest")
    }
}
