import CalendarTime

/// The years a date may fall in, wherever a person or a file gives one (schedule, records,
/// `--as-of`, `--on`, `--due`, `ROUNDTABLE_NOW`).
///
/// A series of meetings lives in years near our own; a year like 9999 is a typo, and keeping
/// every input date inside this range (and every duration under `ISODuration.longest`) keeps
/// every date the rules compute far from any overflow and every loop over days short.
public enum SupportedYears {
    public static let range = 1900...2200

    /// The last day of the range: an as-of day before which every supported date lies.
    public static let lastDay = LocalDate(year: range.upperBound, month: 12, day: 31)!

    /// Whether `date` may be used.
    public static func contains(_ date: LocalDate) -> Bool { range.contains(date.year) }

    /// The message for a date outside the range, naming what it was.
    public static func refusal(_ what: String, _ value: some CustomStringConvertible) -> String {
        "\(what) \(value) is outside the years \(range.lowerBound)–\(range.upperBound) roundtable plans in."
    }
}
