// The unit of search: one section of one page (the page cut at every heading from h2 down),
// so a hit links to `page/#heading`. Page title, tags and description belong to every section.

public struct SearchDocument: Sendable, Equatable {
    /// Site-relative URL with the section's anchor (`k8s/sysctl-guide/#tcp-相关`).
    public var url: String
    public var pageTitle: String
    /// The section heading (`""` for the page's opening text).
    public var heading: String
    /// What a result shows: the h2/h3 the heading sits under, then the heading (`TCP › tcp_fin_timeout`).
    public var headingPath: String
    public var tags: String
    public var body: String
    public var code: String

    public init(url: String, pageTitle: String, heading: String, headingPath: String? = nil, tags: String, body: String, code: String) {
        self.url = url
        self.pageTitle = pageTitle
        self.heading = heading
        self.headingPath = headingPath ?? heading
        self.tags = tags
        self.body = body
        self.code = code
    }

    /// Fields in index order: title, heading, tags, body, code.
    var fields: [String] { [pageTitle, heading, tags, body, code] }
}

/// BM25F parameters shared by the index builder and both rankers (Swift and JavaScript).
public enum SearchWeights {
    /// title > section heading > tags > body > code
    public static let field: [Double] = [5.0, 3.0, 2.5, 1.0, 0.6]
    /// Length normalisation per field (titles are short and alike: little normalisation).
    public static let b: [Double] = [0.3, 0.3, 0.3, 0.75, 0.75]
    public static let k1 = 1.2
    /// A document that contains every query term gets this factor.
    public static let allTermsBoost = 1.5
    /// A document's score is multiplied by (the idf of the query terms it holds / the idf of
    /// all of them) to this power: covering the query beats repeating part of it.
    public static let coverageExponent = 1
    /// A page's score is its best section's plus this share of its second best: a page about
    /// the query (the HPA page for 自动扩缩容) has more than one section on it.
    public static let secondSectionWeight = 0.2
    /// A shown result whose title, heading or stored section text holds the whole query gets this factor.
    public static let phraseBoost = 1.3
    /// Postings kept per token (the best-scoring ones); df still counts them all.
    public static let maxPostings = 600
    /// Postings kept beyond the cap (not published) so updates stay exact: each edit that
    /// removes a published posting of a capped token uses one; when they run out, the
    /// index is built again.
    public static let reservePostings = 32
}
