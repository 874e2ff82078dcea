import Foundation

/// What a person wrote with her answer, as the organiser should read it: the words she typed,
/// not the calendar client's notice, the message she answered (quoted below) or her signature.
///
/// A note is outside text that reaches terminals, digests and the records file, so it is kept
/// to one line with its control characters escaped (`Excerpt`) and to `limit` characters: a
/// sentence or two, which is what a note to an invitation is.
public enum ReplyNote {
    /// The longest note kept, in Unicode scalars, escapes and ellipsis included.
    public static let limit = 500

    /// The note of an answer: the COMMENT of its VEVENT and the top of the email's text, each
    /// cleaned, joined when both say something (and not the same thing).
    public static func of(comment: String?, emailText: String?) -> String {
        let parts = [comment.map(Self.flattened) ?? "", emailText.map(Self.top) ?? ""].filter { !$0.isEmpty }
        let unique = parts.count == 2 && parts[0] == parts[1] ? [parts[0]] : parts
        return Excerpt.of(unique.joined(separator: " / "), limit: limit)
    }

    /// What the person wrote above what she quoted and above her signature, on one line; empty
    /// when the text is a client's own notice of the answer ("Sam has accepted your invitation").
    public static func top(of text: String) -> String {
        var kept: [String] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if endsTheNote(line, raw: String(raw)) { break }
            kept.append(line)
        }
        let note = flattened(kept.joined(separator: "\n"))
        return isClientNotice(note) ? "" : note
    }

    /// Lines joined with a space, blank ones dropped: a note is read on one line.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// Whether a line starts what the person did not write here: a quoted line, the line
    /// introducing a quotation ("On Tue, … Ann wrote:"), a forwarded or original message's
    /// separator, or a signature ("-- " by RFC 3676 §4.3, or a phone's "Sent from my …").
    static func endsTheNote(_ line: String, raw: String) -> Bool {
        if line.hasPrefix(">") || raw == "-- " || line == "--" { return true }
        if line.hasPrefix("-----") && line.lowercased().contains("original message") { return true }
        if line.hasPrefix("________________") { return true }
        if line.lowercased().hasPrefix("sent from my ") { return true }
        let lower = line.lowercased()
        if lower.hasSuffix("wrote:") || lower.hasSuffix("schrieb:") || lower.hasSuffix("a écrit :") || lower.hasSuffix("a écrit:") { return true }
        // Outlook's quoted header block: "From: Ann <ann@…>" after the typed text.
        if lower.hasPrefix("from: ") && line.contains("@") { return true }
        return false
    }

    /// Whether the text is a calendar client's own line about the answer, written for the
    /// person rather than by her: "Priya Shah has accepted this invitation.", "plugh xyzzy has
    /// accepted your iCal event invitation …", "… hat Ihre Termineinladung abgelehnt."
    static func isClientNotice(_ text: String) -> Bool {
        let lower = text.lowercased()
        let answered = ["has accepted", "has declined", "has tentatively", "have accepted", "have declined",
                        "angenommen", "akzeptiert", "abgelehnt", "zugesagt", "abgesagt", "a accepté", "a refusé"]
        let invitation = ["invitation", "einladung", "event", "meeting", "termin"]
        return answered.contains(where: lower.contains) && invitation.contains(where: lower.contains)
    }
}
