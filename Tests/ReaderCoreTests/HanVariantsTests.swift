import Foundation
import Testing
@testable import ReaderCore

/// The Traditional-Simplified table search folds with is ICU's, as its transliterator says now.
@Suite struct HanVariantsTests {
    @Test func theTableIsWhatICUsTransliteratorSays() throws {
        let icu = HanVariants.transliterated()
        #expect(icu.count == HanVariants.range.count)
        let place = { (character: Unicode.Scalar) in Int(character.value - HanVariants.range.lowerBound) }
        #expect(icu[place("圖")] == UInt16(("图" as Unicode.Scalar).value))
        if ProcessInfo.processInfo.environment["RECORD_HAN_VARIANTS"] != nil {
            let file = TestSupport.repositoryRoot.appendingPathComponent("Sources/ReaderCore/Search/HanVariants+Table.swift")
            try Self.source(of: icu).write(to: file, atomically: true, encoding: .utf8)
            Issue.record("wrote \(file.path); build and run again without RECORD_HAN_VARIANTS")
            return
        }
        let differing = HanVariants.range.filter {
            icu[Int($0 - HanVariants.range.lowerBound)] != HanVariants.simplified[Int($0 - HanVariants.range.lowerBound)]
        }
        #expect(differing.isEmpty, "\(differing.count) characters differ, the first U+\(String(differing.first ?? 0, radix: 16))")
    }

    @Test func foldingFindsEitherForm() {
        #expect(TextFolder.fold("圖書館 東京 臺灣") == TextFolder.fold("图书馆 东京 台湾"))
        #expect(HanVariants.simplify(("書" as Unicode.Scalar).value) == ("书" as Unicode.Scalar).value)
        #expect(HanVariants.simplify(("书" as Unicode.Scalar).value) == ("书" as Unicode.Scalar).value)
    }

    /// The text of `HanVariants+Table.swift` for `table`: each character that changes, then its form.
    static func source(of table: [UInt16]) -> String {
        let range = HanVariants.range
        var lines: [String] = [], line = ""
        for (offset, form) in table.enumerated() where UInt32(form) != range.lowerBound + UInt32(offset) {
            line.unicodeScalars.append(Unicode.Scalar(range.lowerBound + UInt32(offset))!)
            line.unicodeScalars.append(Unicode.Scalar(UInt32(form))!)
            if line.unicodeScalars.count == 56 { lines.append(line); line = "" }
        }
        if !line.isEmpty { lines.append(line) }
        return """
            // Written by the tests (RECORD_HAN_VARIANTS=1) from ICU's Traditional-Simplified transliterator.
            extension HanVariants {
                /// Each Traditional character that changes, followed by its Simplified form (`simplified`).
                static let pairs = \"\"\"
            \(lines.map { "        " + $0 }.joined(separator: "\n"))
                    \"\"\"
            }

            """
    }
}
