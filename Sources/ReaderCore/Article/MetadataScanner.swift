import Foundation

/// Reads dates and bylines out of a page's head: `2024-09-29 13:24`, `2024年9月29日`,
/// `2024. 4. 3.`, `March 3, 2024`, `By Jane Doe`, `作者：张三`, `홍길동 기자`.
public enum MetadataScanner {
    static let months = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12]

    /// The first date in `line`, as `YYYY-MM-DD`.
    public static func date(in line: String) -> String? {
        if let date = eraDate(line) { return date }
        guard line.utf8.lazy.filter({ $0 >= 0x30 && $0 <= 0x39 }).count >= 4 else { return nil }
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if isASCIIDigit(scalars[i]), i == 0 || !isASCIIDigit(scalars[i - 1]) {
                if let date = numericDate(scalars, at: i) { return date }
            }
            i += 1
        }
        return englishDate(line)
    }

    private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    /// `YYYY-MM-DD`, zero-padded.
    static func isoDay(_ year: Int, _ month: Int, _ day: Int) -> String {
        let pad = { (n: Int, width: Int) in String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `YYYY-M-D`, `YYYY/M/D`, `YYYY.M.D`, `YYYY. M. D.`, `YYYY年M月D日` starting at `i`.
    private static func numericDate(_ scalars: [Unicode.Scalar], at start: Int) -> String? {
        var i = start
        func number(maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while i < scalars.count, digits < maxDigits, isASCIIDigit(scalars[i]) {
                value = value * 10 + Int(scalars[i].value - 0x30); digits += 1; i += 1
            }
            return digits > 0 ? value : nil
        }
        func separator() -> Bool {
            guard i < scalars.count, dateSeparators.contains(scalars[i]) else { return false }
            i += 1
            while i < scalars.count, scalars[i] == " " { i += 1 }
            return true
        }
        guard let year = number(maxDigits: 4), i - start == 4, (1990...2100).contains(year), separator(),
              let month = number(maxDigits: 2), (1...12).contains(month), separator(),
              let day = number(maxDigits: 2), (1...31).contains(day) else { return nil }
        if i < scalars.count, isASCIIDigit(scalars[i]) { return nil }
        return isoDay(year, month, day)
    }

    private static let dateSeparators = Set("-/.年월月".unicodeScalars)

    /// A Japanese era date: `令和6年10月8日` (Reiwa, from 2019), `平成30年1月5日` (Heisei, from 1989),
    /// with `元年` for an era's first year.
    private static func eraDate(_ line: String) -> String? {
        for (era, base) in [("令和", 2018), ("平成", 1988)] {
            guard line.includes(era), let range = line.range(of: era) else { continue }
            var rest = line[range.upperBound...].drop { $0 == " " }
            func number() -> Int? {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                rest = rest.dropFirst(digits.count)
                return Int(digits)
            }
            func take(_ mark: Character) -> Bool {
                guard rest.first == mark else { return false }
                rest = rest.dropFirst()
                return true
            }
            let year = take("元") ? 1 : number()
            guard let year, (1...99).contains(year), take("年"), let month = number(), (1...12).contains(month), take("月"),
                  let day = number(), (1...31).contains(day) else { continue }
            return isoDay(base + year, month, day)
        }
        return nil
    }

    /// `March 3, 2024`, `Mar 3 2024`, `3 March 2024`.
    private static func englishDate(_ line: String) -> String? {
        let words = line.lowercasedFast.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for (k, word) in words.enumerated() {
            guard word.count >= 3, let month = months[String(word.prefix(3))],
                  word.count == 3 || "january february march april may june july august september october november december sept".contains(word) else { continue }
            if k + 2 < words.count, let day = Int(words[k + 1]), let year = Int(words[k + 2]), (1...31).contains(day), (1990...2100).contains(year) {
                return isoDay(year, month, day)
            }
            if k >= 1, k + 1 < words.count, let day = Int(words[k - 1]), let year = Int(words[k + 1]), (1...31).contains(day), (1990...2100).contains(year) {
                return isoDay(year, month, day)
            }
        }
        return nil
    }

    /// Words that label a date rather than name a person.
    static let dateLabels: Set<String> = ["published", "updated", "posted", "입력", "수정", "发布于", "发布", "更新", "公開", "更新日", "投稿日", "原创"]

    /// The author named by a byline, if the line is one.
    public static func author(in line: String) -> String? {
        guard line.utf8.count <= 240, DisplayWidth.of(line) <= 80 else { return nil }
        let trimmed = line.trimmedSpaces
        let lower = trimmed.lowercasedFast
        for label in PageChrome.authorLabels where lower.utf8.starts(with: label.utf8) {
            let name = cleanName(String(trimmed.dropFirst(label.count)))
            if !name.isEmpty { return name }
        }
        // "新浪科技 作者：王小明": a labelled name after the site's.
        for label in midLineAuthorLabels {
            guard trimmed.includes(label), let range = trimmed.range(of: label) else { continue }
            let name = cleanName(String(trimmed[range.upperBound...]))
            if !name.isEmpty && !PageChrome.isInterfaceLine(name) { return name }
        }
        // "빵굽는곰 · 2024. 4. 3. 21:15": a name beside a date.
        if date(in: trimmed) != nil {
            for separator in [" · ", " | ", "｜", "　"] where trimmed.includes(separator) {
                let parts = trimmed.components(separatedBy: separator).map { $0.trimmedWhitespace }
                if let name = parts.first, date(in: name) == nil, !name.contains(where: \.isNumber), DisplayWidth.of(name) <= 20,
                   !name.isEmpty, !PageChrome.isInterfaceLine(name), !dateLabels.contains(name.lowercased()) {
                    return name
                }
            }
        }
        // Korean and Japanese bylines put the title after the name: "홍길동 기자", "山田太郎 記者".
        for suffix in [" 기자", " 記者", "記者"] where trimmed.includes(suffix) {
            if let range = trimmed.range(of: suffix) {
                let name = cleanName(String(trimmed[..<range.lowerBound]).components(separatedBy: CharacterSet(charactersIn: "|·/")).last ?? "")
                if !name.isEmpty && DisplayWidth.of(name) <= 20 { return name }
            }
        }
        return nil
    }

    /// The CJK author labels that may follow a site's name, with the space before them (" 作者：").
    private static let midLineAuthorLabels = PageChrome.authorLabels
        .filter { !$0.unicodeScalars.allSatisfy(\.isASCII) && $0.hasSuffix("：") }.map { " " + $0 }

    /// A name with dates, separators and trailing labels cut off.
    private static func cleanName(_ text: String) -> String {
        var name = text
        for cut in [" · ", " | ", "｜", " - ", " — ", "  ", "，", ", 20", " 20", "\t"] {
            if name.includes(cut), let range = name.range(of: cut) { name = String(name[..<range.lowerBound]) }
        }
        if let range = name.range(of: "·"), date(in: String(name[range.upperBound...])) != nil {
            name = String(name[..<range.lowerBound])
        }
        return name.trimmingCharacters(in: CharacterSet(charactersIn: " :：·|")).trimmedWhitespace
    }

    /// True when the line is mostly a date or time, with at most a few short words around it
    /// (a place, a section, "Published", "Updated", "입력").
    public static func isDateLine(_ line: String) -> Bool {
        guard line.utf8.count <= 180, DisplayWidth.of(line) <= 60, date(in: line) != nil || timeOnly(line) else { return false }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "·" || $0 == "|" })
        // "2024. 4. 3." ends in a period that is part of the date, not a sentence.
        return words.count <= 8 && !PageChrome.endsSentence(line, countingPeriods: false)
    }

    private static func timeOnly(_ line: String) -> Bool {
        let t = line.trimmedWhitespace
        return t.count <= 8 && t.contains(":") && t.allSatisfy { $0.isNumber || $0 == ":" }
    }

    /// The name a source line gives without a URL ("来源：江城晨报", "Source: Reuters"): the site
    /// or paper the article comes from.
    public static func sourceName(in line: String) -> String? {
        guard line.utf8.count <= 120, DisplayWidth.of(line) <= 60 else { return nil }
        let trimmed = line.trimmedSpaces
        guard let first = trimmed.utf8.first, sourceLabelFirstBytes.contains(first | 0x20) else { return nil }
        let lower = trimmed.lowercasedFast
        for label in PageChrome.sourceLabels where label.hasSuffix("：") || label.hasSuffix(":") {
            guard lower.hasPrefix(label) else { continue }
            // A line with a URL is a source link (`source(in:)`), not a name.
            guard URLScanner.urls(in: line).isEmpty else { return nil }
            let name = cleanName(String(trimmed.dropFirst(label.count)))
            return name.isEmpty || DisplayWidth.of(name) > 30 || PageChrome.isInterfaceLine(name) ? nil : name
        }
        return nil
    }

    /// The first bytes of the source labels, lowercased (`| 0x20` folds ASCII case).
    private static let sourceLabelFirstBytes = Set(PageChrome.sourceLabels.compactMap { $0.utf8.first.map { $0 | 0x20 } })

    /// The URL of a source line ("来源：https://…", "Source: https://…"), if the line is one.
    public static func source(in line: String) -> String? {
        guard let first = line.utf8.first, sourceLabelFirstBytes.contains(first | 0x20) else { return nil }
        let lower = line.utf8Prefix(24).lowercasedFast.trimmedSpaces
        guard PageChrome.sourceLabels.contains(where: { lower.utf8.starts(with: $0.utf8) }) else { return nil }
        return URLScanner.urls(in: line).first?.url
    }
}
