import CXlsxWriter

extension CellStyle {
    /// libxlsxwriter copies a number format into a 128-byte buffer and silently cuts anything longer.
    static let numberFormatByteLimit = 127
    /// Excel's limit on a font name.
    static let fontNameLimit = 31

    /// Refuses values that libxlsxwriter would silently cut or that Excel would reject on opening.
    func validate(subject: @autoclosure () -> String) throws {
        if let fontName {
            try TextRules.requireNoNul(fontName, subject: subject(), what: "the font name")
            guard !fontName.isEmpty else {
                throw XlsxError(.invalidParameter, subject: subject(), detail: "the font name is empty")
            }
            try TextRules.requireLength(
                fontName, atMost: CellStyle.fontNameLimit, code: .invalidParameter, subject: subject(),
                what: "the font name")
        }
        if let fontSize, !(fontSize.isFinite && fontSize >= 1 && fontSize <= 409) {
            throw XlsxError(
                .invalidParameter, subject: subject(), detail: "font size \(fontSize) is outside Excel's 1–409 points")
        }
        if let numberFormat {
            try TextRules.requireNoNul(numberFormat, subject: subject(), what: "the number format")
            guard numberFormat.utf8.count <= CellStyle.numberFormatByteLimit else {
                throw XlsxError(
                    .invalidParameter, subject: subject(),
                    detail:
                        "the number format '\(numberFormat)' is longer than \(CellStyle.numberFormatByteLimit) bytes")
            }
        }
    }

    /// Sets every part of this style on a fresh library format; `validate` has run.
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if let fontName { fontName.withCString { format_set_font_name(format, $0) } }
        if let fontSize { format_set_font_size(format, fontSize) }
        if let fontColor { format_set_font_color(format, LXW.color(fontColor)) }
        // A background colour without a pattern is a solid fill, in cell formats and in conditional formats alike.
        if let fillColor { format_set_bg_color(format, LXW.color(fillColor)) }
        if let border {
            format_set_border(format, LXW.byte(border.libraryStyle))
            if let borderColor { format_set_border_color(format, LXW.color(borderColor)) }
        }
        if wrapText { format_set_text_wrap(format) }
        if unlocked { format_set_unlocked(format) }
        if let horizontalAlignment { format_set_align(format, LXW.byte(horizontalAlignment.libraryAlignment)) }
        if let verticalAlignment { format_set_align(format, LXW.byte(verticalAlignment.libraryAlignment)) }
        if let numberFormat, !numberFormat.isEmpty { numberFormat.withCString { format_set_num_format(format, $0) } }
    }
}

extension BorderStyle {
    var libraryStyle: lxw_format_borders {
        switch self {
        case .thin: LXW_BORDER_THIN
        case .medium: LXW_BORDER_MEDIUM
        case .thick: LXW_BORDER_THICK
        case .dashed: LXW_BORDER_DASHED
        case .dotted: LXW_BORDER_DOTTED
        case .double: LXW_BORDER_DOUBLE
        case .hair: LXW_BORDER_HAIR
        }
    }
}

extension HorizontalAlignment {
    var libraryAlignment: lxw_format_alignments {
        switch self {
        case .left: LXW_ALIGN_LEFT
        case .center: LXW_ALIGN_CENTER
        case .right: LXW_ALIGN_RIGHT
        case .justify: LXW_ALIGN_JUSTIFY
        case .centerAcross: LXW_ALIGN_CENTER_ACROSS
        }
    }
}

extension VerticalAlignment {
    var libraryAlignment: lxw_format_alignments {
        switch self {
        case .top: LXW_ALIGN_VERTICAL_TOP
        case .center: LXW_ALIGN_VERTICAL_CENTER
        case .bottom: LXW_ALIGN_VERTICAL_BOTTOM
        }
    }
}
