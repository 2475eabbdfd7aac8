import Mustache

// Template lookups by name without reflection: swift-mustache falls back to `Mirror` for a
// value that is not a `MustacheParent`, which took three quarters of the time of writing a
// site. A nil answer means "not here", and the template looks further up its context stack.

extension CellModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "href": href
        case "unknown": unknown
        case "numeric": numeric
        case "columnLabel": columnLabel
        case "disputes": disputes
        default: nil
        }
    }
}

extension FactModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        case "unknown": unknown
        case "refs": refs
        case "disputes": disputes
        default: nil
        }
    }
}

extension DisputeLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "mark": mark
        default: nil
        }
    }
}

extension ColumnModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "numeric": numeric
        default: nil
        }
    }
}

extension RowModel: MustacheParent {
    func child(named name: String) -> Any? { name == "cells" ? cells : nil }
}

extension TableModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "note": note
        case "columns": columns
        case "rows": rows
        case "emptyMessage": emptyMessage
        case "hasRows": hasRows
        case "stacked": stacked
        default: nil
        }
    }
}

extension LinkModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "href": href
        default: nil
        }
    }
}

extension ChartModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "svg": svg
        case "summary": summary
        default: nil
        }
    }
}

extension GeneralPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "root": root
        case "intro": intro
        case "facts": facts
        case "hasFacts": hasFacts
        case "chart": chart
        case "tables": tables
        default: nil
        }
    }
}

extension EditionPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "root": root
        case "facts": facts
        case "hasFacts": hasFacts
        case "chart": chart
        case "chartDisputes": chartDisputes
        case "hasChartDisputes": hasChartDisputes
        case "loopHeaders": loopHeaders
        case "entrants": entrants
        case "hasEntrants": hasEntrants
        case "emptyMessage": emptyMessage
        case "notes": notes
        case "hasNotes": !notes.isEmpty
        case "sources": sources
        case "hasSources": hasSources
        case "disputes": disputes
        case "hasDisputes": hasDisputes
        case "citedEdition": citedEdition
        case "hasCitedEdition": hasCitedEdition
        case "previous": previous
        case "next": next
        default: nil
        }
    }
}

extension EditionPage.SourceModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "key": key
        case "citation": citation
        case "isLink": isLink
        default: nil
        }
    }
}

extension EditionPage.RefModel: MustacheParent {
    func child(named name: String) -> Any? { name == "number" ? number : nil }
}

extension EditionPage.TimeModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "cumulative": cumulative
        case "split": split
        case "unknown": unknown
        case "unofficial": unofficial
        case "disputes": disputes
        default: nil
        }
    }
}

extension EditionPage.EntrantModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "position": position
        case "name": self.name
        case "href": href
        case "listedAs": listedAs
        case "note": note
        case "country": country
        case "sex": sex
        case "loops": loops
        case "outcome": outcome
        case "outcomeDisputes": outcomeDisputes
        case "nameDisputes": nameDisputes
        case "times": times
        case "refs": refs
        default: nil
        }
    }
}

extension RunnerPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "root": root
        case "facts": facts
        case "hasFacts": hasFacts
        case "tables": tables
        case "charts": charts
        case "hasCharts": hasCharts
        default: nil
        }
    }
}

extension RunnerPage.YearChart: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "year": year
        case "editionHref": editionHref
        case "chart": chart
        default: nil
        }
    }
}

extension RunnersPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "root": root
        case "intro": intro
        case "runners": runners
        default: nil
        }
    }
}

extension RunnersPage.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        case "years": years
        default: nil
        }
    }
}
