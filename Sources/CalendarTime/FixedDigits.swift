/// Reads the numbers of a fixed-width ISO 8601 form (`2012-10-26`, `2012-10-26T10:30:00`) byte by
/// byte. Dates are read by the thousand (every record in the state, every date in an organisation's
/// schedules), and splitting Strings into Characters to read them cost twenty times as much.
enum FixedDigits {
    /// The numbers in `text` when it has exactly the shape of `shape`, where `9` stands for one
    /// ASCII digit and any other character for itself; nil otherwise.
    ///
    /// `text` is made a String once and its bytes read from contiguous storage: through the
    /// generic `some StringProtocol`, which callers in other modules reach unspecialised, every
    /// byte was a call through the protocol's witness table, 4,600 instructions a date.
    static func numbers(in text: some StringProtocol, shape: StaticString) -> [Int]? {
        var string = String(text)
        return string.withUTF8 { numbers(in: $0, shape: shape) }
    }

    private static func numbers(in bytes: UnsafeBufferPointer<UInt8>, shape: StaticString) -> [Int]? {
        let pattern = UnsafeBufferPointer(start: shape.utf8Start, count: shape.utf8CodeUnitCount)
        guard bytes.count == pattern.count else { return nil }
        var numbers: [Int] = []
        numbers.reserveCapacity(pattern.count / 2)
        var current: Int?
        for (byte, expected) in zip(bytes, pattern) {
            if expected == UInt8(ascii: "9") {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                current = (current ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                guard byte == expected else { return nil }
                if let number = current { numbers.append(number) }
                current = nil
            }
        }
        if let number = current { numbers.append(number) }
        return numbers
    }
}
