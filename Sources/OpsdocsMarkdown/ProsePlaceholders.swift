// `docker rmi <image_id>`, `-o jsonpath=<template>` in a sentence: ops notes write fill-ins as
// tags. An inline "tag" whose name is no HTML element (`<image_id>`, `<node-name>`, `<src>`) is
// such a placeholder and is shown as text, escaped, whether raw HTML is allowed or not — a
// browser would show nothing for it, and the sentence would stop mid-command.

enum ProsePlaceholders {
    /// The inline HTML is one opening or closing tag whose name no HTML element has.
    static func isPlaceholder(_ html: String) -> Bool {
        guard html.hasPrefix("<"), html.hasSuffix(">"), !html.hasPrefix("<!"), !html.hasPrefix("<?") else { return false }
        var name = html.dropFirst()
        if name.first == "/" { name = name.dropFirst() }
        let tag = name.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }
        guard let first = tag.first, first.isLetter else { return false }
        return !elements.contains(tag.lowercased())
    }

    /// HTML's elements (and the SVG/MathML roots a note might embed).
    static let elements: Set<String> = [
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body", "br",
        "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del",
        "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input",
        "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "math", "menu", "meta", "meter", "nav",
        "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q", "rp",
        "rt", "ruby", "s", "samp", "script", "search", "section", "select", "slot", "small", "source", "span", "strike",
        "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th",
        "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "big", "frame", "frameset",
        "marquee", "nobr", "noframes", "plaintext", "xmp",
    ]
}
