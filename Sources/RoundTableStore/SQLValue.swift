/// A value bound to a statement or read from a row, the same on both backends, so the store's
/// SQL and its row readers are written once.
///
/// Only what roundtable writes has a case of its own: integers and text. Whatever else SQLite may
/// hold in a hand-edited file (a real, a blob) is `other`, read only to be refused by `Rows`.
enum SQLValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case text(String)
    case other
}

/// A Swift value that can be bound to a `?` and read back from a column.
protocol SQLValueConvertible {
    /// The value as bound to a statement.
    var sqlValue: SQLValue { get }
    /// The value read from a column; nil when the column holds something else (text in a number
    /// column, a NULL where one is not allowed), which `Rows` reports as corrupt.
    init?(sqlValue: SQLValue)
}

extension String: SQLValueConvertible {
    var sqlValue: SQLValue { .text(self) }
    init?(sqlValue: SQLValue) {
        guard case .text(let text) = sqlValue else { return nil }
        self = text
    }
}

extension Int: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(Int64(self)) }
    init?(sqlValue: SQLValue) {
        guard case .integer(let value) = sqlValue else { return nil }
        self = Int(value)
    }
}

extension Int64: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(self) }
    init?(sqlValue: SQLValue) {
        guard case .integer(let value) = sqlValue else { return nil }
        self = value
    }
}

/// Stored as 0 or 1 (the schema's CHECKs say so), as SQLite has no boolean.
extension Bool: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    init?(sqlValue: SQLValue) {
        guard case .integer(let value) = sqlValue else { return nil }
        self = value != 0
    }
}

/// NULL when nil; a column's NULL reads as nil rather than as a missing value.
extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
    init?(sqlValue: SQLValue) {
        if sqlValue == .null {
            self = .none
        } else if let value = Wrapped(sqlValue: sqlValue) {
            self = .some(value)
        } else {
            return nil
        }
    }
}
