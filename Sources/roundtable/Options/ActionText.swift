import ArgumentParser
import RoundTableCore

/// An action's text (or a drop's reason) as typed on the command line: not empty, and one line
/// of printable text, since it can end up in an email Subject.
enum ActionText {
    static func validate(_ text: String) throws {
        if text.allSatisfy(\.isWhitespace) { throw ValidationError("The text is empty.") }
        if let control = HeaderText.firstControl(in: text) {
            throw ValidationError("The text contains \(HeaderText.describe(control)); it can end up in an email header, "
                + "so it must be one line of printable text.")
        }
    }
}
