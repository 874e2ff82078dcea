import Foundation

/// One self-contained HTML page: the Markdown report converted by `MarkdownHTML`, the timeline picture
/// inline, and the styles in the page, so it can be mailed or opened from a USB stick.
public enum ReportPage {
    public static func html(title: String, markdown: String, timelineSVG: String) -> String {
        let body = MarkdownHTML.html(from: markdown)
        let picture = timelineSVG.split(separator: "\n").filter { !$0.hasPrefix("<?xml") }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body { font-family: Helvetica, Arial, sans-serif; max-width: 1140px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
        h1 { font-size: 1.6em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
        table { border-collapse: collapse; margin: .5em 0; } td, th { border: 1px solid #ccc; padding: .25em .6em; text-align: left; }
        figure { margin: 1.5em 0; overflow-x: auto; } svg { max-width: 100%; height: auto; }
        </style>
        </head>
        <body>
        <figure>
        \(picture)
        </figure>
        \(body)
        </body>
        </html>

        """
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
