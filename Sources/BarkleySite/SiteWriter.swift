import BarkleyArchive
import BarkleyPresentation
import BarkleyQueries
import Foundation

/// Writes the archive as a static website: plain files with relative links, so the site opens
/// from the file system or any static host, with no server and no build step.
///
/// Pages are written as they are made: the writer reads the archive and builds page models on
/// the calling thread, and a ``PagePool`` renders and writes them on one worker a core, with
/// at most that many pages in hand. Besides those it holds each runner's name, slug and first
/// year (for links and the search index) and each edition's format (for the cutoffs on runner
/// pages). The files are the same whatever order the workers finish in.
///
/// ```swift
/// let summary = try SiteWriter(history: History(archive: archive)).write(to: URL(filePath: "out"))
/// print(summary.pages)
/// ```
public struct SiteWriter {
    public let history: History
    private let templates: Templates

    /// What was written.
    public struct Summary: Sendable, Hashable {
        public var pages: Int
        public var editions: Int
        public var runners: Int
        /// Every file written (pages, styles, scripts, the search index), in bytes.
        public var bytes: Int
    }

    /// - Throws: ``SiteError/template(name:reason:)`` when an embedded template does not parse.
    public init(history: History) throws {
        self.history = history
        templates = try Templates()
    }

    /// Writes every page under `directory`, creating it when missing; files already there
    /// with the same names are replaced, others are left alone.
    ///
    /// - Throws: ``SiteError/cannotWrite(path:reason:)`` when a file cannot be written;
    ///   the archive's and the queries' errors when it cannot be read.
    public func write(to directory: URL) throws -> Summary {
        var output = SiteFiles(directory: directory)
        let pool = PagePool()
        // A failure here leaves no worker writing after the caller has the error.
        defer { pool.drain() }
        let templates = templates
        func page(_ model: some Sendable, with template: String, to path: String) throws {
            let file = try output.place(path)
            try pool.submit { try SiteFiles.writeFile(try templates.render(model, with: template), to: file) }
        }
        let years = try history.archive.editionKeys().filter { $0.race == history.race }.map(\.year).sorted()

        // Pass 1: names, first years and spellings (links and search), formats (cutoffs), sources.
        var firstYears: [String: Int] = [:]
        var spellings: [String: Set<String>] = [:]
        var formats: [Int: RaceFormat] = [:]
        var sourceRows: [[CellModel]] = []
        for year in years {
            guard let edition = try history.archive.edition(year: year, race: history.race) else { continue }
            formats[year] = edition.format
            for entrant in edition.entrants {
                if firstYears[entrant.name] == nil { firstYears[entrant.name] = year }
                if let listed = entrant.listedAs { spellings[entrant.name, default: []].insert(listed) }
            }
            for source in edition.sources {
                let isLink = source.citation.hasPrefix("https://") || source.citation.hasPrefix("http://")
                sourceRows.append([CellModel("\(year)", href: "../editions/\(year)/index.html"), CellModel(source.key),
                                   CellModel(source.citation, href: isLink ? source.citation : nil)])
            }
        }
        let runners = RunnerDirectory(firstYears: firstYears)
        let slugs = runners.slugs

        try output.write(templates.render(GeneralPage(title: "", root: ""), with: "style.css"), to: "assets/style.css")
        try output.write(templates.render(GeneralPage(title: "", root: ""), with: "search.js"), to: "assets/search.js")
        let index = runners.names.map { name in
            SearchEntry(n: name, s: slugs[name] ?? "", k: ([name] + (spellings[name] ?? []).sorted()).map(Self.fold).joined(separator: " | "))
        }
        // Keys sorted: JSONEncoder's order otherwise changes from run to run, and the same
        // archive should make the same files.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(index)
        try output.write(json, to: "search-index.json")
        try output.write(Data("window.barkleyRunners = ".utf8) + json + Data(";\n".utf8), to: "assets/search-index.js")

        let lists = ListPages(history: history) { "../runners/\(slugs[$0] ?? RunnerDirectory.slug($0))/index.html" }
        try page(lists.home(editionYears: years), with: "page", to: "index.html")
        try page(lists.finishers(), with: "page", to: "finishers/index.html")
        try page(lists.funRuns(), with: "page", to: "fun-runs/index.html")
        try page(lists.records(), with: "page", to: "records/index.html")
        try page(lists.firsts(), with: "page", to: "firsts/index.html")
        try page(lists.countries(), with: "page", to: "countries/index.html")
        var sourcesPage = GeneralPage(title: "Sources", root: "../", intro: "Every source the archive cites, by edition.")
        sourcesPage.tables = [TableModel(heading: "Sources", columns: [ColumnModel("Year"), ColumnModel("Key"), ColumnModel("Citation")], rows: sourceRows)]
        try page(sourcesPage, with: "page", to: "sources/index.html")
        sourceRows = []
        let runnersPage = RunnersPage(title: "Runners", root: "../",
                                      intro: "Every runner the sources name (\(runners.names.count)), in the order they first started. The search box above finds a name.",
                                      runners: runners.names.map { name in
                                          RunnersPage.Entry(name: name, href: "\(slugs[name] ?? "")/index.html", years: firstYears[name].map { "from \($0)" } ?? "")
                                      })
        try page(runnersPage, with: "runners", to: "runners/index.html")

        // Pass 2: one page an edition, each written before the next is read.
        for (position, year) in years.enumerated() {
            guard let edition = try history.archive.edition(year: year, race: history.race) else { continue }
            let editionPage = EditionPage(edition: edition, attrition: try history.attrition(year: year), runnerSlugs: slugs,
                                          previousYear: position > 0 ? years[position - 1] : nil,
                                          nextYear: position + 1 < years.count ? years[position + 1] : nil)
            try page(editionPage, with: "edition", to: "editions/\(year)/index.html")
        }
        // Pass 3: one page a runner.
        try history.careers(of: runners.names) { name, career in
            let slug = slugs[name] ?? RunnerDirectory.slug(name)
            try page(RunnerPage(career: career, slug: slug, formats: formats), with: "runner", to: "runners/\(slug)/index.html")
        }
        let written = try pool.finish()
        return Summary(pages: written.pages, editions: years.count, runners: runners.names.count,
                       bytes: output.bytes + written.bytes)
    }

    /// Lower case without accents, as the search script folds what is typed.
    static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}

/// One runner in the search index: name, slug, and the folded spellings searched (`n`, `s`,
/// `k`: short keys keep the index small).
struct SearchEntry: Codable {
    var n: String
    var s: String
    var k: String
}

/// `runners/index.html`: every runner, linked, so search works with scripts off too.
struct RunnersPage {
    struct Entry {
        var name: String
        var href: String
        var years: String
    }

    var title: String
    var root: String
    var intro: String
    var runners: [Entry]
}
