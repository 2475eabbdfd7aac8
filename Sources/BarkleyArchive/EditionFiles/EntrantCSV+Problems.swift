import Foundation

/// How an entrants spreadsheet's problems are told: in the spreadsheet's own terms (its column
/// names and physical lines, in line order), and the mistakes that only a spreadsheet makes (a
/// file saved with `;` between columns, a file of one year imported as another).
extension EntrantCSV {
    /// `problems` of an edition read from a spreadsheet, with each entrant field named by its
    /// column (`entrants[3].times[0].elapsed` → `loop_4`, `entrants[3].cite[1]` → `cite`) and
    /// sorted by line (the file's own problems, without a line, first).
    ///
    /// The checks after reading (the validator's, the archive's) name fields as edition-file
    /// paths; the person holding the spreadsheet sees columns.
    static func inSpreadsheetTerms(_ problems: [ImportProblem], of parsed: ParsedEdition) -> [ImportProblem] {
        problems.map { problem in
            var problem = problem
            problem.field = column(of: problem.field, in: parsed.edition)
            return problem
        }
        .enumerated()
        .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
        .map(\.element)
    }

    /// The column holding the entrant field at `path`, or `path` itself when it is not an entrant's.
    static func column(of path: String, in edition: Edition) -> String {
        guard path.hasPrefix("entrants["), let close = path.firstIndex(of: "]"),
              let index = Int(path[path.index(path.startIndex, offsetBy: 9)..<close]) else { return path }
        var rest = path[path.index(after: close)...]
        guard rest.first == "." else { return "name" }  // the entrant as a whole: its row, found by name
        rest = rest.dropFirst()
        let field = rest.prefix { $0 != "." && $0 != "[" }
        guard field == "times" else { return String(field) }
        // times[j]...: the column of that time's loop.
        let after = rest.dropFirst(field.count)
        guard after.first == "[", let end = after.firstIndex(of: "]"), let position = Int(after.dropFirst().prefix(upTo: end)),
              index < edition.entrants.count, position < edition.entrants[index].times.count else { return "loop_1…loop_N" }
        return "loop_\(edition.entrants[index].times[position].loop)"
    }

    /// The year a file name gives (`entrants-2024.csv`, `2024_barkley.csv`): the one number of
    /// four digits from 1900 to 2199 standing apart from other digits; nil when there is none, or
    /// more than one.
    static func year(inFileName name: String) -> Int? {
        let stem = (name as NSString).deletingPathExtension
        var years = Set<Int>()
        var digits = ""
        for character in stem + " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if digits.count == 4, let year = Int(digits), (1900...2199).contains(year) { years.insert(year) }
            digits = ""
        }
        return years.count == 1 ? years.first : nil
    }

    /// A problem when the header is one column holding the expected names separated by `;`: the
    /// file was saved by a spreadsheet set to a language that writes decimal commas.
    static func semicolonProblem(header: [String], fileName: String) -> ImportProblem? {
        guard header.count == 1, header[0].contains(";"),
              header[0].split(separator: ";").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "name" }) else { return nil }
        return ImportProblem(file: fileName, line: 1, field: "-", rule: .syntax,
                             message: "the columns are separated by ';', as spreadsheets set to a European language save CSV; "
                                 + "save the file again with ',' as the field separator (LibreOffice: Save As, 'Edit filter settings'; "
                                 + "Excel: 'CSV (Comma delimited)' with ',' as the list separator)")
    }
}
