import ArgumentParser
/// `--chart` / `--no-chart`: whether a command draws its bar chart.
///
/// By default a chart is drawn in the table format on a terminal, and never into a pipe or a
/// file; `--chart` draws it anyway (the table format only), `--no-chart` never.
struct ChartOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Draw a bar chart under the table (default: on a terminal, in the table format).")
    var chart: Bool?

    /// True when the chart is to be drawn for output in `format`.
    func draws(in format: OutputFormat) -> Bool {
        guard format == .table else { return false }
        return chart ?? Terminal.stdoutIsTerminal
    }
}
