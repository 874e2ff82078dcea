import Foundation

/// A zone's names as its TZif file (RFC 8536) records them: the table of local time types with
/// their abbreviations, the transitions between them, and the POSIX TZ footer that names the
/// times after the last transition.
///
/// Read from the file itself rather than by setting `TZ` and asking the C library: `TZ` is
/// process-wide, so setting it races every thread that reads the environment (glibc's `getenv`
/// is not safe against `setenv`), and `export --dir` names times on many threads at once.
struct ZoneInfoFile: Sendable {
    /// Where Debian's tzdata installs the TZif files (the same files `date` and glibc read).
    static let folder = "/usr/share/zoneinfo"

    private struct LocalTimeType: Sendable {
        let offset: Int
        let abbreviation: String
    }

    /// Instants (seconds since the epoch) at which the type changes, ascending.
    private let transitions: [Int]
    /// For each transition, the index of the type in force from it on.
    private let typeAfter: [Int]
    private let types: [LocalTimeType]
    /// The footer's standard and daylight names with their offsets east of UTC; nil without one.
    private let footer: PosixZone?

    /// Reads `folder/identifier`; nil when there is no such file or it is not TZif version 2 or
    /// later (the 64-bit data and the footer are what make dates after 2038 right).
    init?(identifier: String, folder: String = ZoneInfoFile.folder) {
        guard let data = FileManager.default.contents(atPath: folder + "/" + identifier) else { return nil }
        self.init(bytes: [UInt8](data))
    }

    init?(bytes: [UInt8]) {
        var reader = ByteReader(bytes: bytes)
        guard let v1 = reader.header(), v1.version >= 2, reader.skip(v1.dataLength(timeSize: 4)),
              let v2 = reader.header() else { return nil }
        guard let times = reader.integers(count: v2.timeCount, size: 8),
              let indices = reader.integers(count: v2.timeCount, size: 1) else { return nil }
        var rawTypes: [(offset: Int, nameAt: Int)] = []
        for _ in 0..<v2.typeCount {
            guard let offset = reader.integers(count: 1, size: 4)?.first, reader.skip(1),
                  let nameAt = reader.integers(count: 1, size: 1)?.first else { return nil }
            rawTypes.append((Int(Int32(truncatingIfNeeded: offset)), nameAt))
        }
        guard let names = reader.take(v2.charCount),
              reader.skip(v2.leapCount * 12 + v2.standardCount + v2.universalCount),
              !rawTypes.isEmpty, indices.allSatisfy({ $0 < rawTypes.count }) else { return nil }
        types = rawTypes.map { type in
            let tail = names.dropFirst(type.nameAt)
            return LocalTimeType(offset: type.offset, abbreviation: String(decoding: tail.prefix { $0 != 0 }, as: UTF8.self))
        }
        transitions = times
        typeAfter = indices
        footer = reader.footer().flatMap(PosixZone.init)
    }

    /// The abbreviation in force at `instant`, given the zone's UTC offset then (`offset`, which
    /// only decides between the footer's two names after the last transition).
    func abbreviation(at instant: Int, offset: Int) -> String {
        if let footer, let last = transitions.last, instant >= last {
            return footer.name(forOffset: offset)
        }
        if transitions.isEmpty, let footer { return footer.name(forOffset: offset) }
        // The last transition at or before the instant; before the first, type 0 (RFC 8536 §3.2).
        var low = 0, high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= instant { low = mid + 1 } else { high = mid }
        }
        return types[low == 0 ? 0 : typeAfter[low - 1]].abbreviation
    }
}

/// The names and offsets of a POSIX TZ string such as `GMT0BST,M3.5.0/1,M10.5.0` or `<+03>-3`.
/// Its rules are not needed here: the zone's offset at an instant says which name applies.
private struct PosixZone: Sendable {
    let standard: (name: String, offset: Int)
    let daylight: (name: String, offset: Int)?

    init?(_ text: String) {
        var rest = Substring(text)
        guard let standardName = Self.name(&rest), let standardOffset = Self.offset(&rest) else { return nil }
        standard = (standardName, standardOffset)
        if let daylightName = Self.name(&rest) {
            daylight = (daylightName, Self.offset(&rest) ?? standardOffset + 3600)
        } else {
            daylight = nil
        }
    }

    func name(forOffset offset: Int) -> String {
        if let daylight, daylight.offset == offset { return daylight.name }
        return standard.name
    }

    /// `<…>` or a run of letters.
    private static func name(_ rest: inout Substring) -> String? {
        if rest.first == "<" {
            guard let close = rest.firstIndex(of: ">") else { return nil }
            let name = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
            return String(name)
        }
        let letters = rest.prefix { $0.isLetter }
        guard letters.count >= 3 else { return nil }
        rest = rest.dropFirst(letters.count)
        return String(letters)
    }

    /// `[+-]hh[:mm[:ss]]`, hours west of UTC as POSIX writes them, returned as seconds east.
    private static func offset(_ rest: inout Substring) -> Int? {
        var sign = -1
        if let first = rest.first, first == "+" || first == "-" {
            if first == "-" { sign = 1 }
            rest = rest.dropFirst()
        }
        var seconds = 0, scale = 3600, parts = 0
        while parts < 3 {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let value = Int(digits) else { break }
            seconds += value * scale
            scale /= 60
            parts += 1
            rest = rest.dropFirst(digits.count)
            guard rest.first == ":" else { break }
            rest = rest.dropFirst()
        }
        return parts == 0 ? nil : sign * seconds
    }
}

/// Big-endian reads through a TZif file, each failing (nil or false) past its end.
private struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    struct Header {
        let version: Int
        let universalCount, standardCount, leapCount, timeCount, typeCount, charCount: Int

        func dataLength(timeSize: Int) -> Int {
            timeCount * (timeSize + 1) + typeCount * 6 + charCount + leapCount * (timeSize + 4)
                + standardCount + universalCount
        }
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, position + count <= bytes.count else { return nil }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func skip(_ count: Int) -> Bool { take(count) != nil }

    /// Unsigned for sizes under 8; an 8-byte value comes out two's complement, as TZif stores it.
    mutating func integers(count: Int, size: Int) -> [Int]? {
        guard let raw = take(count * size) else { return nil }
        return (0..<count).map { i in
            raw.dropFirst(i * size).prefix(size).reduce(0) { $0 << 8 | Int($1) }
        }
    }

    /// "TZif", the version, 15 reserved bytes, then six counts.
    mutating func header() -> Header? {
        guard let magic = take(4), Array(magic) == Array("TZif".utf8), let version = take(1)?.first,
              skip(15), let counts = integers(count: 6, size: 4) else { return nil }
        let number = version == 0 ? 1 : Int(version) - Int(UInt8(ascii: "0"))
        return Header(version: number, universalCount: counts[0], standardCount: counts[1], leapCount: counts[2],
                      timeCount: counts[3], typeCount: counts[4], charCount: counts[5])
    }

    /// The TZ string between two newlines after the version 2 data; nil when empty or absent.
    mutating func footer() -> String? {
        guard take(1)?.first == UInt8(ascii: "\n") else { return nil }
        let text = bytes[position...].prefix { $0 != UInt8(ascii: "\n") }
        return text.isEmpty ? nil : String(decoding: text, as: UTF8.self)
    }
}
