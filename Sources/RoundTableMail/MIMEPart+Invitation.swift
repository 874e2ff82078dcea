extension MIMEPart {
    /// The iMIP layout (RFC 6047) that Outlook, Google and Apple Mail all act on: multipart/mixed of
    /// { multipart/alternative { `text`, text/calendar with METHOD }, invite.ics }. The calendar
    /// goes twice because some clients act only on the inline part and others only on the file;
    /// `calendar` is CRLF iCalendar text and `method` its METHOD (REQUEST, CANCEL).
    public static func invitation(text: String, calendar: String, method: String) -> MIMEPart {
        .multipart(subtype: "mixed", parts: [
            .multipart(subtype: "alternative", parts: [
                .text(text),
                .text(calendar, subtype: "calendar", parameters: [("method", method)]),
            ]),
            .attachment(filename: "invite.ics", contentType: "application/ics", data: Array(calendar.utf8)),
        ])
    }
}
