import CXlsxwriter
import Foundation

/// Writes ledger sheets as an .xlsx workbook with libxlsxwriter: the only file that knows the library
/// exists. Chinese headers in a frozen first row, columns as wide as their text, dates as dates,
/// numbers as numbers, a totals row; the same sheets give the same bytes (the workbook's date is fixed).
public enum LedgerWorkbook {
    public enum Failure: Error {
        case library(String)
    }

    /// The workbook's bytes.
    public static func data(_ sheets: [LedgerSheet], title: String, year: Int) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-ledger-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try write(sheets, title: title, year: year, to: file.path)
        return try Data(contentsOf: file)
    }

    /// Writes the workbook at `path`. A failure is thrown, never printed: the library's own English
    /// messages (`[ERROR] workbook_close(): Error creating …`) are kept off the terminal, so the caller
    /// can say what went wrong in Chinese.
    public static func write(_ sheets: [LedgerSheet], title: String, year: Int, to path: String) throws {
        try LibraryMessages.silenced { try unsilencedWrite(sheets, title: title, year: year, to: path) }
    }

    private static func unsilencedWrite(_ sheets: [LedgerSheet], title: String, year: Int, to path: String) throws {
        guard let workbook = workbook_new(path) else { throw Failure.library("workbook_new") }
        var properties = lxw_doc_properties()
        let titleText = strdup(title)
        defer { free(titleText) }
        properties.title = titleText
        // 1 January of the next year, 00:00 UTC: a fixed date, so a rebuild writes the same bytes.
        properties.created = time_t(EntryDate(year: year + 1, month: 1, day: 1).dayNumber * 86_400)
        workbook_set_properties(workbook, &properties)
        let formats = Formats(workbook)
        var used = Set<String>()
        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, sheetName(sheet.name, used: &used)) else { continue }
            fill(worksheet, with: sheet, formats: formats)
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else { throw Failure.library(String(cString: lxw_strerror(status))) }
    }

    private struct Formats {
        let header: UnsafeMutablePointer<lxw_format>?
        let date: UnsafeMutablePointer<lxw_format>?
        let total: UnsafeMutablePointer<lxw_format>?

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            header = workbook_add_format(workbook)
            format_set_bold(header)
            format_set_bg_color(header, 0xF3E3C4)
            format_set_bottom(header, UInt8(LXW_BORDER_THIN.rawValue))
            date = workbook_add_format(workbook)
            format_set_num_format(date, "yyyy-mm-dd")
            total = workbook_add_format(workbook)
            format_set_bold(total)
            format_set_top(total, UInt8(LXW_BORDER_THIN.rawValue))
        }
    }

    private static func fill(_ worksheet: UnsafeMutablePointer<lxw_worksheet>, with sheet: LedgerSheet, formats: Formats) {
        var widths = sheet.headers.map(displayWidth)
        for (column, header) in sheet.headers.enumerated() { worksheet_write_string(worksheet, 0, UInt16(column), header, formats.header) }
        for (offset, row) in sheet.rows.enumerated() {
            let line = UInt32(offset + 1)
            for (column, cell) in row.enumerated() {
                let at = UInt16(column)
                switch cell {
                case let .text(text):
                    worksheet_write_string(worksheet, line, at, text, nil)
                    widths[column] = max(widths[column], displayWidth(text))
                case let .number(number):
                    worksheet_write_number(worksheet, line, at, number, nil)
                    widths[column] = max(widths[column], displayWidth(CardMaker.format(number)))
                case let .date(date):
                    var value = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day), hour: 0, min: 0, sec: 0)
                    worksheet_write_datetime(worksheet, line, at, &value, formats.date)
                    widths[column] = max(widths[column], 10)
                case .empty:
                    break
                }
            }
        }
        writeTotals(worksheet, sheet: sheet, formats: formats)
        for (column, width) in widths.enumerated() {
            worksheet_set_column(worksheet, UInt16(column), UInt16(column), Double(min(60, max(6, width + 2))), nil)
        }
        worksheet_freeze_panes(worksheet, 1, 0)
    }

    /// 合计: the number of rows, and the sum of each summed column (a formula with its value).
    private static func writeTotals(_ worksheet: UnsafeMutablePointer<lxw_worksheet>, sheet: LedgerSheet, formats: Formats) {
        let line = UInt32(sheet.rows.count + 1)
        worksheet_write_string(worksheet, line, 0, "合计 \(sheet.rows.count) 条", formats.total)
        for column in sheet.summed.sorted() {
            let sum = sheet.rows.reduce(0.0) { total, row in
                if case let .number(number) = row[column] { return total + number }
                return total
            }
            let letter = columnName(column)
            worksheet_write_formula_num(worksheet, line, UInt16(column), "=SUM(\(letter)2:\(letter)\(line))", formats.total, sum)
        }
    }

    /// A, B … Z, AA …
    static func columnName(_ index: Int) -> String {
        var name = ""
        var number = index + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// Excel's sheet names: at most 31 characters, none of []:*?/\, unique.
    static func sheetName(_ name: String, used: inout Set<String>) -> String {
        let clean = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(28))
        var candidate = clean.isEmpty ? "Sheet" : clean
        var counter = 2
        while !used.insert(candidate).inserted {
            candidate = "\(clean)\(counter)"
            counter += 1
        }
        return candidate
    }

    /// Columns as wide as the text: a Chinese character counts two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (CJKCharacters.isWideUnspaced($1) || $1.value > 0x2E80 ? 2 : 1) }
    }
}

/// libxlsxwriter reports problems with `fprintf(stderr, …)`. While a workbook is written, C's `stderr`
/// points at /dev/null (one workbook at a time, so the real one is always put back); the program's own
/// messages go to file descriptor 2 directly and are not affected.
enum LibraryMessages {
    private static let lock = NSLock()

    static func silenced<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock {
            guard let sink = fopen("/dev/null", "w") else { return try body() }
            let real = dangjian_swap_stderr(sink)
            defer {
                _ = dangjian_swap_stderr(real)
                fclose(sink)
            }
            return try body()
        }
    }
}
