/// A count with its noun as English writes it: "1 day", "3 days", "1 reply", "2 replies".
///
/// The one place every message, table and log line makes a plural, so none says "1 days" or
/// "day(s)".
public enum Plural {
    /// "1 day", "0 days", "3 days"; `plural` for a noun that does not just take an "s".
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(noun(n, singular, plural))"
    }

    /// The noun alone, as the count `n` wants it: "day" for 1, "days" otherwise.
    public static func noun(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        n == 1 || n == -1 ? singular : plural ?? singular + "s"
    }
}
