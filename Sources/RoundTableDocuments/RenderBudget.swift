import Mustache

/// What one rendering may repeat: sections over lists are where a template's output multiplies
/// (`{{#owed}}` nested in `{{#owed}}` iterates the outer list again, so 32 levels over two
/// actions would be 2^32 repetitions). Every list in the context is handed to the renderer as a
/// `BudgetedList` drawing on one budget, charged for each item as if the whole template were
/// written out again, and ending the list once it is spent: the output of one rendering stays
/// within `bytes` (plus the values the coordinator's own data puts in it), whatever the template.
final class RenderBudget: @unchecked Sendable {
    // One rendering, on one thread: the budget is made, spent and read inside `Templates.render`.
    private var left: Int
    private let cost: Int
    /// Whether a list was cut short because the budget was spent.
    private(set) var spent = false

    /// A budget of `bytes`, each repetition costing `cost` (at least 1 KiB, so a tiny template
    /// cannot repeat millions of times either).
    init(bytes: Int, cost: Int) {
        left = bytes
        self.cost = max(cost, 1 << 10)
    }

    /// Whether one more repetition may be rendered; charges it.
    func charge() -> Bool {
        guard left >= cost else {
            spent = true
            return false
        }
        left -= cost
        return true
    }

    /// `value` with every list in it, at any depth, drawing on this budget.
    func wrapping(_ value: Any) -> Any {
        switch value {
        case let dictionary as [String: Any]: return dictionary.mapValues(wrapping)
        case let list as [Any]: return BudgetedList(items: list.map(wrapping), budget: self)
        default: return value
        }
    }
}

/// A list of a rendering's context whose items stop coming once its `RenderBudget` is spent.
struct BudgetedList: MustacheSequence {
    let items: [Any]
    let budget: RenderBudget

    func makeIterator() -> Iterator { Iterator(items: items.makeIterator(), budget: budget) }

    /// The items, each charged to the budget as it is rendered.
    struct Iterator: IteratorProtocol {
        var items: IndexingIterator<[Any]>
        let budget: RenderBudget

        mutating func next() -> Any? {
            guard let item = items.next(), budget.charge() else { return nil }
            return item
        }
    }
}
