// Machine-read outputs: the Atom feed, sitemap.xml and alias redirect pages. Times come
// from the notes (never the clock), so two builds write the same bytes.

import OpsdocsMarkdown

struct Feeds {
    let model: SiteModel
    let context: TemplateContext

    private var absoluteBase: String { model.config.origin + model.config.basePath }

    private func absolute(_ url: String) -> String { model.config.origin + context.href(url) }

    /// The pages the Atom feed carries (with their full text): the newest dated notes.
    static func entries(_ model: SiteModel) -> ArraySlice<Int> {
        model.byDate.filter { model.pages[$0].page.date != nil }.prefix(model.config.feedLimit)
    }

    func atom() -> String {
        let config = model.config
        let entries = Self.entries(model)
        let updated = entries.compactMap { i in model.pages[i].page.lastmod ?? model.pages[i].page.date }.max()
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTMLEscaping.escape(config.language))">
          <title>\(HTMLEscaping.escape(config.title))</title>
          <link href="\(HTMLEscaping.escape(absoluteBase))"/>
          <link rel="self" href="\(HTMLEscaping.escape(absoluteBase + "atom.xml"))"/>
          <id>\(HTMLEscaping.escape(absoluteBase))</id>
          <updated>\(updated?.rfc3339 ?? "1970-01-01T00:00:00Z")</updated>
          <generator>opsdocs</generator>

        """
        if !config.author.isEmpty { xml += "  <author><name>\(HTMLEscaping.escape(config.author))</name></author>\n" }
        for index in entries {
            let built = model.pages[index]
            let link = HTMLEscaping.escape(absolute(built.url))
            let published = built.page.date?.rfc3339 ?? ""
            xml += """
              <entry>
                <title>\(HTMLEscaping.escape(built.title))</title>
                <link href="\(link)"/>
                <id>\(link)</id>
                <published>\(published)</published>
                <updated>\((built.page.lastmod ?? built.page.date)?.rfc3339 ?? published)</updated>

            """
            for author in built.page.authors { xml += "    <author><name>\(HTMLEscaping.escape(author))</name></author>\n" }
            for name in built.page.terms.keys.sorted().flatMap({ built.page.terms[$0] ?? [] }) {
                xml += "    <category term=\"\(HTMLEscaping.escape(name))\"/>\n"
            }
            xml += "    <summary>\(HTMLEscaping.escape(built.summary))</summary>\n"
            xml += "    <content type=\"html\">\(HTMLEscaping.escape(built.rendered.html))</content>\n  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// `urls`: site-relative URL → last modification, for every HTML page of the site.
    func sitemap(_ urls: [(String, String?)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (url, lastmod) in urls.sorted(by: { $0.0 < $1.0 }) {
            xml += "  <url><loc>\(HTMLEscaping.escape(absolute(url)))</loc>"
            if let lastmod { xml += "<lastmod>\(lastmod)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// A page at an old address that sends readers to the new one.
    func redirect(to url: String) -> String {
        let target = HTMLEscaping.escape(context.href(url))
        return """
        <!DOCTYPE html>
        <html lang="\(HTMLEscaping.escape(model.config.language))">
        <head><meta charset="utf-8"><title>\(target)</title><link rel="canonical" href="\(target)">
        <meta http-equiv="refresh" content="0; url=\(target)"></head>
        <body><p>此页已移动到 <a href="\(target)">\(target)</a>。</p></body>
        </html>

        """
    }
}
