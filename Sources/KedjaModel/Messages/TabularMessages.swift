import Tabular

// The Swedish texts of the errors the file layer (Tabular) throws. Tabular knows no language: its `description` is
// the English text, kept as it is, and the Swedish one is here, where the language is known.

/// How a Swedish message names a place in a file: `PATH, rad N` (a line of a CSV file and a worksheet's row alike).
func swedishPlace(_ path: String, line: Int?) -> String {
    line.map { "\(path), rad \($0)" } ?? path
}

extension CSVError: Bilingual {
    public func text(_ language: Language) -> String {
        guard language == .sv else { return description }
        let place = swedishPlace(path, line: line)
        switch kind {
        case .cannotOpen(let reason):
            return "\(path): filen kan inte öppnas (\(reason)). Kontrollera sökvägen och att du får läsa filen."
        case .empty:
            return "\(path): filen är tom. Exportera reskontran igen, eller ange rätt fil."
        case .notText(let finding):
            let detail =
                switch finding {
                case .startsLike(.zip): "den börjar som ett ZIP-arkiv (en .xlsx-arbetsbok?)"
                case .startsLike(.xls): "den börjar som en gammal Excel-arbetsbok (.xls)"
                case .startsLike(.pdf): "den börjar som ett PDF-dokument"
                case .startsLike(.gzip): "den börjar som ett gzip-arkiv"
                case .nulBytes: "den innehåller NUL-byte"
                case .controlCharacters: "mer än 1 % av dess byte är styrtecken"
                }
            return "\(path): det här är ingen textfil (CSV): \(detail). Spara den som CSV (UTF-8 eller "
                + "Windows-1252), eller använd en .xlsx-fil direkt."
        case .unterminatedQuote:
            return "\(place): ett fält inom citattecken börjar här och avslutas aldrig. Stäng citatet (\"…\") "
                + "eller ta bort det och kör igen."
        case .malformedQuote:
            return "\(place): ett fält inom citattecken fortsätter efter det avslutande citattecknet. Dubblera "
                + "citattecken inne i citerad text (\"\"), eller citera hela fältet, och kör igen."
        case .outOfMemory:
            return "\(place): minnet tog slut när ett fält lästes."
        }
    }
}

extension XlsxReadError: Bilingual {
    public func text(_ language: Language) -> String {
        guard language == .sv else { return description }
        let place = sheet.map { "\(path), blad '\($0)'" } ?? path
        return "\(place): \(swedishExplanation)"
    }

    private var swedishExplanation: String {
        switch reason {
        case .fileUnreadable(let why):
            return "filen kan inte öppnas: \(why)"
        case .notAZipArchive:
            return "ingen XLSX-arbetsbok (filen är inget ZIP-arkiv; .xls och lösenordsskyddade arbetsböcker kan "
                + "inte läsas: spara den som .xlsx utan lösenord)"
        case .missingPart(let part):
            return "ingen XLSX-arbetsbok: delen '\(part)' saknas"
        case .sheetNotFound(let name, let available):
            guard !available.isEmpty else { return "arbetsboken har inga kalkylblad" }
            let names = available.map { "'\($0)'" }.joined(separator: ", ")
            return "inget kalkylblad heter '\(name)'; arbetsboken har \(names)"
        case .notAWorksheet(let name):
            return "'\(name)' är ett diagram- eller dialogblad och har inga celler"
        case .entryTooLarge(let entry, let limit):
            return "delen '\(entry)' blir större än \(limit) byte uppackad (XlsxLimits.maxEntryBytes)"
        case .compressionRatioTooHigh(let entry, let limit):
            let ratio = limit == limit.rounded() && abs(limit) < 1e15 ? String(Int64(limit)) : String(limit)
            return "delen '\(entry)' är komprimerad mer än \(ratio):1, vilket tyder på en zip-bomb "
                + "(XlsxLimits.maxCompressionRatio)"
        case .tooManySharedStrings(let limit):
            return "tabellen med delade strängar har fler än \(limit) poster (XlsxLimits.maxSharedStrings)"
        case .sharedStringsTooLarge(let limit):
            return "tabellen med delade strängar rymmer mer än \(limit) byte text (XlsxLimits.maxSharedStringBytes)"
        case .tooManyRows(let row, let limit):
            return "rad \(row) ligger bortom gränsen på \(limit) rader (XlsxLimits.maxRows)"
        case .tooManyColumns(let cell, let limit):
            return "cell \(cell) ligger bortom gränsen på \(limit) kolumner (XlsxLimits.maxColumns)"
        case .malformedXML(let entry, let detail):
            return "delen '\(entry)' är inte välformad XML: \(detail)"
        case .malformedCell(let cell, let detail):
            return "cell \(cell): \(detail)"
        case .corruptEntry(let entry, let detail):
            return "delen '\(entry)' är skadad och kan inte packas upp: \(detail)"
        case .duplicateEntry(let entry):
            return "filen har två delar som heter '\(entry)', och program läser olika av dem, så siffrorna skulle bero "
                + "på programmet; öppna arbetsboken i Excel eller LibreOffice och spara den igen"
        case .rowOutOfOrder(let row, let previous):
            let order = row == previous ? "en gång till" : "efter rad \(previous)"
            return "rad \(row) kommer \(order); varje rad ska komma en gång, i stigande ordning, annars läser program "
                + "olika siffror; öppna arbetsboken i Excel eller LibreOffice och spara den igen"
        case .cellOutOfOrder(let cell, let previous):
            let order = cell == previous ? "en gång till" : "efter \(previous)"
            return "cell \(cell) kommer \(order); varje cell i en rad ska komma en gång, från vänster till höger, "
                + "annars läser program olika siffror; öppna arbetsboken i Excel eller LibreOffice och spara den igen"
        case .csvTooLarge(let cell, let width, let limit):
            return
                "som CSV skulle bladet ta mer än \(XlsxReadError.size(limit).replacingOccurrences(of: "bytes", with: "byte")): varje post blir lika bred "
                + "som den bredaste raden, och cell \(cell) gör den \(width) kolumner bred; ta bort det som ligger "
                + "utanför tabellen (eller kopiera tabellen till ett nytt blad) och spara arbetsboken igen"
        }
    }
}

extension OutputError: Bilingual {
    /// The framing in `language`; the reason is the system's or the file layer's own text.
    public func text(_ language: Language) -> String {
        guard language == .sv else { return description }
        let reason: String =
            switch problem {
            case .system(let text), .text(let text): text
            case .alsoAnInput(let input):
                "den är också en indata (\(input)); välj en annan sökväg för utdata så att indata inte skrivs över"
            case .folder: "det är en mapp; ange sökvägen till en fil i den"
            case .alreadyComplete: "filen är redan klar"
            case .missingFolder(let folder): "mappen \(folder) finns inte; skapa den först"
            case .privateFolder(let why): "en privat mapp kan inte skapas (\(why))"
            case .damagedTemporaryFile: "den läses tillbaka annorlunda än Kedja skrev den; kör kommandot igen"
            }
        let sentence = reason.hasSuffix(".") ? reason : reason + "."
        let advice: String? =
            switch self.advice {
            case .space(let temporary?):
                "frigör utrymme i den tillfälliga mappen \(temporary), eller sätt TMPDIR till en mapp med plats"
            case .space(nil): "frigör utrymme, eller välj en mapp med plats (--out-dir / -o)"
            case .permission(_?): "sätt TMPDIR till en mapp du får skriva i"
            case .permission(nil): "välj en mapp du får skriva i (--out-dir / -o)"
            case nil: nil
            }
        let place = isTemporaryFile ? "en tillfällig fil i \(path)" : path
        return "\(place): utdata kan inte skrivas: \(sentence)" + (advice.map { " För att gå vidare: \($0)." } ?? "")
    }
}

extension XlsxError: Bilingual {
    /// The framing in `language`; the detail is libxlsxwriter's or the writer's own text.
    public func text(_ language: Language) -> String {
        guard language == .sv else { return description }
        return "arbetsboken kan inte skrivas: \(description)"
    }
}

extension CellText {
    /// The marker that ends a text cut to Excel's cell limit, in `language` (``Workbook/cutMarker``):
    /// `… [kapad: 7278 tecken]`, `… [cut: 7278 characters]`.
    public static func cutMarker(removed: Int, _ language: Language) -> String {
        language == .sv ? "… [kapad: \(removed) tecken]" : cutMarker(removed: removed)
    }
}
