#!/usr/bin/python3
"""check_html.py FILE: parse an HTML page with html5lib's strict parser (any parse error is a
failure, exit 1, each error on standard error with its line and column) and print what a test
checks as JSON:

- "body": the tags of the body's children, in order;
- "sections": per <section>, its heading, the captions of its tables, the texts of its lists'
  items with the items nested under each, and its text;
- "svg": the role, title and description of each inline SVG;
- "captions": every table's caption; "facts": the rows of the timeline's table, as text;
- "scripts": how many <script> elements and on* attributes the page holds;
- "text": the page's whole text.
"""
import json
import sys

import html5lib


def text(element):
    return " ".join("".join(element.itertext()).split())


def own_text(item):
    """An item's text without the lists nested in it."""
    parts = [item.text or ""]
    for child in item:
        if child.tag not in ("ul", "ol"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def items(list_element):
    return [{"text": own_text(li), "nested": [own_text(n) for sub in li if sub.tag in ("ul", "ol") for n in sub if n.tag == "li"]}
            for li in list_element if li.tag == "li"]


def main():
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    with open(sys.argv[1], "rb") as f:
        document = parser.parse(f)
    if parser.errors:
        for (line, column), code, data in parser.errors:
            print(f"{sys.argv[1]}:{line}:{column}: {code} {data}", file=sys.stderr)
        sys.exit(1)
    body = document.find("body")
    sections = []
    nested = {id(sub) for li in document.iter("li") for sub in li if sub.tag in ("ul", "ol")}
    for section in document.iter("section"):
        heading = next((h for h in section.iter() if h.tag in ("h2", "h3")), None)
        sections.append({
            "heading": text(heading) if heading is not None else "",
            "tables": [text(c) for t in section.iter("table") for c in t.iter("caption")],
            "tableCount": len(list(section.iter("table"))),
            "lists": [items(l) for l in section.iter() if l.tag in ("ul", "ol") and id(l) not in nested],
            "text": text(section),
        })
    svg = "{http://www.w3.org/2000/svg}"
    svgs = [{"role": s.get("role"), "title": text(s.find(svg + "title")) if s.find(svg + "title") is not None else None,
             "desc": text(s.find(svg + "desc")) if s.find(svg + "desc") is not None else None}
            for s in document.iter(svg + "svg")]
    handlers = sum(1 for e in document.iter() for name in e.attrib if name.lower().startswith("on"))
    captions = [text(c) for t in document.iter("table") for c in t.iter("caption")]
    facts = [text(row) for t in document.iter("table") if "timeline-facts" in (t.get("class") or "")
             for row in t.iter("tr")]
    print(json.dumps({"body": [child.tag for child in body], "sections": sections, "svg": svgs,
                      "captions": captions, "facts": facts,
                      "scripts": len(list(document.iter("script"))) + handlers, "text": text(body)}))


if __name__ == "__main__":
    main()
