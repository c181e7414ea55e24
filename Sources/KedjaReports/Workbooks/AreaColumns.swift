import KedjaModel

/// The left-to-right columns of a table with one risk-level column per area (in `RiskArea.allCases` order) and the
/// overall level after them: the register, the heat map and the top-risks table name their columns once, here,
/// and a new area adds its column to each.
struct ColumnOrder<Column: Hashable & Sendable>: Sendable {
    /// Every column, left to right.
    let columns: [Column]
    /// The columns coloured by risk level: every area, then the overall level when the table has one.
    let levelColumns: ClosedRange<Int>
    private let indices: [Column: Int]

    init(leading: [Column], area: (RiskArea) -> Column, overall: Column?, trailing: [Column]) {
        let levels = RiskArea.allCases.map(area) + (overall.map { [$0] } ?? [])
        columns = leading + levels + trailing
        levelColumns = leading.count...(leading.count + levels.count - 1)
        indices = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
    }

    /// The zero-based sheet column of `column`.
    func index(of column: Column) -> Int { indices[column] ?? 0 }
}

/// A table's columns laid out by a ``ColumnOrder``.
protocol AreaColumns: Hashable, Sendable {
    static var order: ColumnOrder<Self> { get }
}

extension AreaColumns {
    /// Every column, left to right.
    static var allCases: [Self] { order.columns }
    /// The columns coloured by risk level: every area, then the overall level when the table has one.
    static var levelColumns: ClosedRange<Int> { order.levelColumns }
    /// The zero-based sheet column.
    var index: Int { Self.order.index(of: self) }
}
