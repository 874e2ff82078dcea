import Foundation

/// The rules of one IANA time zone, read from the system's zoneinfo, in whole seconds.
///
/// Local times in a schedule are wall-clock times; this is where they meet real instants. Both
/// the VTIMEZONE we publish and the DST checks of `check` are derived from here, so a calendar
/// client and the system agree on every instant.
public struct ZoneRules: Sendable, Hashable {
    /// The IANA name, as it appears in TZID parameters.
    public let identifier: String
    private let zone: TimeZone

    /// How a wall-clock time maps to instants in this zone.
    public enum Resolution: Equatable, Sendable {
        /// Exactly one instant (seconds since the epoch).
        case unique(Int)
        /// The clocks jump over this time (spring forward): it never happens.
        case gap
        /// The clocks pass this time twice (fall back): earlier and later instants.
        case overlap(Int, Int)
    }

    /// One change of UTC offset.
    public struct Transition: Equatable, Sendable {
        /// The instant of the change, seconds since the epoch.
        public let instant: Int
        public let offsetBefore: Int
        public let offsetAfter: Int
        /// Whether the offset after the change is summer (daylight) time.
        public let isDaylight: Bool
        public let abbreviation: String?
    }

    /// Reads a zone; throws for names the system does not know. Only IANA names pass: Foundation
    /// also accepts offsets and abbreviations ("GMT+5", "EST") that no calendar client resolves.
    public init(identifier: String) throws(UnknownTimeZone) {
        let isIANAShaped = identifier == "UTC" || identifier.contains("/") && !identifier.contains(",")
        guard isIANAShaped, let zone = TimeZone(identifier: identifier), zone.identifier == identifier else {
            throw UnknownTimeZone(identifier)
        }
        self.identifier = identifier
        self.zone = zone
    }

    /// Coordinated Universal Time: a fixed offset, needing no zoneinfo.
    public static let utc = ZoneRules(identifier: "UTC", zone: TimeZone(secondsFromGMT: 0) ?? .gmt)

    private init(identifier: String, zone: TimeZone) {
        self.identifier = identifier
        self.zone = zone
    }

    /// Two rules are the same zone when they have the same IANA name: both read the same zoneinfo.
    public static func == (a: ZoneRules, b: ZoneRules) -> Bool { a.identifier == b.identifier }

    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    /// Seconds east of UTC at an instant.
    public func offset(at instant: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// The wall-clock time at an instant.
    public func localTime(at instant: Int) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: instant + offset(at: instant))
    }

    /// Maps a wall-clock time to the instants it names.
    public func resolve(_ local: LocalDateTime) -> Resolution {
        let wall = local.secondsSinceEpoch
        let offsets = Set([offset(at: wall - 86_400), offset(at: wall + 86_400)])
        let instants = offsets.map { wall - $0 }.filter { offset(at: $0) == wall - $0 }.sorted()
        switch instants.count {
        case 0: return .gap
        case 1: return .unique(instants[0])
        default: return .overlap(instants[0], instants[instants.count - 1])
        }
    }

    /// The instant a wall-clock time names, taking the earlier one in an overlap and moving a
    /// time in a gap forward by the jump, as RFC 5545 §3.3.5 asks of calendar clients.
    public func instant(of local: LocalDateTime) -> Int {
        switch resolve(local) {
        case .unique(let t), .overlap(let t, _): return t
        case .gap: return local.secondsSinceEpoch - offset(at: local.secondsSinceEpoch - 86_400)
        }
    }

    /// The zone's own abbreviation at an instant, as tzdata names it ("BST", "GMT", "EDT",
    /// "AEDT"; "+03"-like where tzdata has no letters): what people read after a time.
    ///
    /// Foundation on Linux asks ICU, which names most offsets only "GMT+1", so the name is read
    /// from the zone's TZif file (`ZoneInfoFile`), the file `date` reads. A zone without one
    /// (none on a system with tzdata) is named by its offset, "+0530".
    public func abbreviation(at instant: Int) -> String {
        let offset = offset(at: instant)
        if let file = Self.file(for: identifier) { return file.abbreviation(at: instant, offset: offset) }
        let minutes = abs(offset) / 60, hours = minutes / 60, rest = minutes % 60
        return (offset < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + "\(hours)" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// Each zone's TZif file, read once by the first thread that needs it.
    private static func file(for identifier: String) -> ZoneInfoFile? {
        lock.lock()
        defer { lock.unlock() }
        if let known = files[identifier] { return known }
        let file = ZoneInfoFile(identifier: identifier)
        files[identifier] = .some(file)
        return file
    }

    /// Where the zones' TZif files are: what a zone's names and a feed's fingerprint are read from.
    public static var zoneinfoFolder: String { ZoneInfoFile.folder }

    /// Guards `files`.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var files: [String: ZoneInfoFile?] = [:]

    /// Every offset change between two instants, found by stepping half a day and bisecting to
    /// the second, so it sees any change zoneinfo records, not only those ICU labels DST.
    public func transitions(from start: Int, to end: Int) -> [Transition] {
        var found: [Transition] = []
        var previous = start
        var previousOffset = offset(at: start)
        var t = start
        while t < end {
            t = min(t + 43_200, end)
            let current = offset(at: t)
            if current != previousOffset {
                var low = previous, high = t
                while high - low > 1 {
                    let mid = low + (high - low) / 2
                    if offset(at: mid) == previousOffset { low = mid } else { high = mid }
                }
                let date = Date(timeIntervalSince1970: TimeInterval(high))
                found.append(Transition(
                    instant: high, offsetBefore: previousOffset, offsetAfter: current,
                    isDaylight: zone.isDaylightSavingTime(for: date),
                    abbreviation: abbreviation(at: high)))
                previousOffset = current
            }
            previous = t
        }
        return found
    }
}
