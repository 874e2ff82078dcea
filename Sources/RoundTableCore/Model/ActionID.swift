/// Action ids as people type them ("A1", "A2", …) over the per-series number the state keys on:
/// the one form of an id, which the records reader and the store both hold ids to.
public enum ActionID {
    /// The id shown for an action number.
    public static func text(_ number: Int) -> String { "A\(number)" }

    /// The largest action number: far above any series' actions, and far enough below Int's
    /// limit that the next number never overflows, whatever a records file imported.
    public static let largest = 999_999_999

    /// The form, as messages name it: "A1, A2, … (up to A999999999)".
    public static let form = "A1, A2, … (up to \(text(largest)))"

    /// The number behind an id, or nil unless it is exactly `A` and a number from 1 to `largest`
    /// without leading zeros: "A01" and "a1" would otherwise name A1 under a second spelling.
    public static func number(_ id: String) -> Int? {
        guard id.hasPrefix("A"), id.utf8.count <= 10, let number = Int(id.dropFirst()), (1...largest).contains(number),
              text(number) == id else {
            return nil
        }
        return number
    }
}
