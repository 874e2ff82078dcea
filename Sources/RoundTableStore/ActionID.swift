/// Action ids as people type them ("A1", "A2", …) over the per-series number the table keys on.
enum ActionID {
    /// The id shown for an action number.
    static func text(_ number: Int) -> String { "A\(number)" }

    /// The number behind an id, or nil unless it is exactly `A` and a positive number without
    /// leading zeros: "A01" and "a1" would otherwise name A1 under a second spelling.
    static func number(_ id: String) -> Int? {
        guard id.hasPrefix("A"), let number = Int(id.dropFirst()), number > 0, text(number) == id else {
            return nil
        }
        return number
    }
}
