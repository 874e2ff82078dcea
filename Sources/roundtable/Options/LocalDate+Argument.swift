import ArgumentParser
import CalendarTime
import RoundTableCore

/// Date options (`--as-of`, `--on`, `--due`) are typed where they are declared
/// (`transform: LocalDate.argument`): a value that is not YYYY-MM-DD, or is outside
/// `SupportedYears`, is a usage error (exit 64) that says which, and commands get a `LocalDate`,
/// never text to parse again.
extension LocalDate {
    static func argument(_ text: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            throw ValidationError("'\(Excerpt.of(text))' is not a date; use YYYY-MM-DD, e.g. 2012-11-26.")
        }
        guard SupportedYears.contains(date) else { throw ValidationError(SupportedYears.refusal("The date", date)) }
        return date
    }
}
