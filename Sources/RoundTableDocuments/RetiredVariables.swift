/// Variables a template was once given and is given no longer, with what to use instead: an
/// override written for an earlier version that names one is refused where it names it, rather
/// than rendering a blank where the member would have read a date.
enum RetiredVariables {
    /// By template, each retired name and what replaced it.
    static let byTemplate: [String: [String: String]] = [
        Templates.Name.reminder.rawValue: [
            "asOf": "a digest no longer names the day it was computed; each date says how far it is ({{relative}})",
            "reason": "use {{> due}}, or {{due}}, {{relative}} and {{late}}",
            "others": "use {{#lateWithOthers}}, whose items are tasks like {{#owed}}'s ({{> task}}, {{who}}, {{> due}}, {{ref}})",
            "othersNotShown": "use {{#moreLate}}{{moreLate}} more{{/moreLate}}",
        ],
    ]

    /// The first retired variable `text` (the file of template `name`) uses: its name, what
    /// replaced it, and its line and column (from 1).
    static func firstUse(in text: String, of name: String) -> (variable: String, instead: String, line: Int, column: Int)? {
        guard let retired = byTemplate[name] else { return nil }
        var line = 1, column = 1
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            for character in rest[..<open.lowerBound] {
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else { return nil }
            let tag = afterOpen[..<close.lowerBound].drop { "#^/&{ ".contains($0) }
            let variable = String(tag.prefix { !" .}|(".contains($0) })
            if let instead = retired[variable] { return (variable, instead, line, column) }
            for character in rest[open.lowerBound..<close.upperBound] {
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            rest = afterOpen[close.upperBound...]
        }
        return nil
    }
}
