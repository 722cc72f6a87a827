/// Tells data tables from layout tables, as Readability does, and reads a table's rows.
enum HTMLTable {
    /// Whether `table` holds data (shown as a table) rather than laying out the page (shown as
    /// the blocks in its cells): a caption, header cells or structure, or enough rows and columns.
    static func isData(_ table: HTMLNode) -> Bool {
        if table["role"] == "presentation" || table["datatable"] == "0" { return false }
        if table["summary"] != nil { return true }
        let inside = table.descendants(["caption", "thead", "tfoot", "colgroup", "col", "th", "table"])
        if inside.contains(where: { $0.tag != "table" && ($0.tag != "caption" || !$0.children.isEmpty) }) { return true }
        if inside.contains(where: { $0.tag == "table" }) { return false }
        let rows = self.rows(table)
        let columns = rows.map { $0.reduce(0) { $0 + max(1, Int($1["colspan"] ?? "") ?? 1) } }.max() ?? 0
        if rows.count == 1 || columns == 1 { return false }
        if rows.count >= 10 || columns > 4 { return true }
        return rows.count * columns > 10
    }

    /// Whether a table can be shown as columns: it holds data, and its cells hold only short inline
    /// content (no nested tables, headings, lists, quotes or code), as a layout table's do not.
    static func isGrid(_ table: HTMLNode) -> Bool {
        guard isData(table) else { return false }
        let blocks: Set<String> = ["table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "pre",
                                   "article", "section", "form"]
        if !table.descendants(blocks).isEmpty { return false }
        return rows(table).allSatisfy { $0.allSatisfy { ArticleExtractor.measure($0).length <= 600 } }
    }

    /// The cells of each row, in order; rows of nested tables are not its own.
    static func rows(_ table: HTMLNode) -> [[HTMLNode]] {
        var rows: [[HTMLNode]] = []
        var stack = Array(table.children.reversed())
        while let node = stack.popLast() {
            if node.isHidden || node.tag == "table" { continue }
            if node.tag == "tr" {
                rows.append(node.children.filter { $0.tag == "td" || $0.tag == "th" })
            } else {
                stack.append(contentsOf: node.children.reversed())
            }
        }
        return rows
    }
}
