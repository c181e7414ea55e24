#!/usr/bin/env python3
"""Describe an .xlsx workbook as ONE JSON object on stdout, for tests that check what a writer produced.

Usage:
    python3 Tests/Support/xlsx_probe.py BOOK.xlsx [--max-rows N]

The workbook is read with openpyxl (an independent reader, so a test does not check our writer with our own
reader). openpyxl does not read charts, so charts are found in the zip: each sheet's drawing relationships
lead to its xl/charts/chartN.xml parts, which are summarised (type, title, axis titles, series).

Output shape (keys are always present; values may be null or empty):
{
  "sheets": [ {                                  # in workbook order
      "name", "dimensions", "max_row", "max_column", "freeze_panes", "auto_filter",
      "tables": [{"name", "ref", "style", "columns": [...]}],
      "data_validations": [{"type", "formula1", "sqref", "allow_blank", "error"}],
      "conditional_formats": [{"range", "rules": [{"type", "operator", "formula": [...], "text",
                               "stop_if_true", "fill", "font_color", "bold", "color_scale": [...]}]}],
      "column_widths": [{"min", "max", "width"}],   # only columns given a width
      "row_heights": {"ROW": height},               # rows from 1, only rows given a height
      "merged": ["A1:D1", ...],
      "print": {"orientation", "paperSize", "fitToWidth", "fitToHeight", "fitToPage", "print_title_rows",
                "print_area", "margins": {"left", "right", "top", "bottom"}, "header", "footer"},
      "tab_color", "zoom", "show_gridlines",
      "charts": [{"part", "type", "bar_dir", "grouping", "title", "category_axis_title", "value_axis_title",
                  "legend", "series": [{"name", "categories", "values", "color", "point_colors",
                                        "labels": {"value", "category", "series_name", "percent", "num_format"}}]}],
      "cells": [[{"v": value, "t": "n"|"s"|"d"|"b"|"f"|"e"|"blank", "fmt": number_format, ...style}]]
  } ],
  "chart_files": N,                              # count of xl/charts/chart*.xml in the zip
  "cell_format_count": N,                        # cell formats in xl/styles.xml, the default one included
  "properties": {"title", "subject", "creator", "keywords", "description", "created", "company"},
  "custom_properties": {"NAME": value}
}
Cells: rows from the first, up to --max-rows; dates (t "d") as ISO strings, formulas (t "f") as their text
("=SUM(A1:A3)"); empty cells have t "blank". Style keys appear only when set: "bold", "italic", "font_color",
"fill", "wrap", "align", "valign", "border".
"""
import argparse
import datetime
import json
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}


def json_value(value):
    """A cell or property value as JSON can hold it."""
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    return value


# ---------------------------------------------------------------- zip parts (charts, raw header/footer)

def rels_of(archive, part):
    """Relationships of a part: {Id: (Type, resolved target path)}."""
    folder, name = posixpath.split(part)
    rels_path = posixpath.join(folder, "_rels", name + ".rels")
    if rels_path not in archive.namelist():
        return {}
    root = ET.fromstring(archive.read(rels_path))
    result = {}
    for rel in root.findall("rel:Relationship", NS):
        target = rel.get("Target")
        if rel.get("TargetMode") == "External":
            resolved = target
        elif target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        result[rel.get("Id")] = (rel.get("Type"), resolved)
    return result


def sheet_parts(archive):
    """Sheet name → worksheet part path, from xl/workbook.xml and its relationships."""
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = rels_of(archive, "xl/workbook.xml")
    parts = {}
    for sheet in workbook.findall("main:sheets/main:sheet", NS):
        rel_id = sheet.get("{%s}id" % NS["r"])
        if rel_id in rels:
            parts[sheet.get("name")] = rels[rel_id][1]
    return parts


def rich_text(element):
    """The text of a chart title or name element (rich text runs or a cached string)."""
    if element is None:
        return None
    runs = [t.text or "" for t in element.iter("{%s}t" % NS["a"])]
    if runs:
        return "".join(runs)
    values = [v.text or "" for v in element.iter("{%s}v" % NS["c"])]
    if values:
        return "".join(values)
    formulas = [f.text or "" for f in element.iter("{%s}f" % NS["c"])]
    return ("=" + formulas[0]) if formulas else None


def srgb(element):
    """The RRGGBB of a solid fill under element, if any."""
    if element is None:
        return None
    color = element.find("a:solidFill/a:srgbClr", NS)
    return color.get("val") if color is not None else None


def flag(parent, tag):
    element = parent.find("c:" + tag, NS) if parent is not None else None
    return element is not None and element.get("val", "1") in ("1", "true")


def describe_chart(archive, part):
    root = ET.fromstring(archive.read(part))
    chart = root.find("c:chart", NS)
    plot = chart.find("c:plotArea", NS)
    kinds = [child for child in plot if child.tag.endswith("Chart")]
    main = kinds[0] if kinds else None
    info = {
        "part": part,
        "type": main.tag.split("}")[1] if main is not None else None,
        "bar_dir": None,
        "grouping": None,
        "title": rich_text(chart.find("c:title", NS)),
        "category_axis_title": rich_text(plot.find("c:catAx/c:title", NS)),
        "value_axis_title": rich_text(plot.find("c:valAx/c:title", NS)),
        "legend": None,
        "series": [],
    }
    legend = chart.find("c:legend", NS)
    if legend is not None:
        position = legend.find("c:legendPos", NS)
        info["legend"] = position.get("val") if position is not None else "r"
    if main is not None:
        bar_dir = main.find("c:barDir", NS)
        grouping = main.find("c:grouping", NS)
        info["bar_dir"] = bar_dir.get("val") if bar_dir is not None else None
        info["grouping"] = grouping.get("val") if grouping is not None else None
        for ser in main.findall("c:ser", NS):
            sp_pr = ser.find("c:spPr", NS)
            color = srgb(sp_pr)
            if color is None and sp_pr is not None:
                color = srgb(sp_pr.find("a:ln", NS))
            labels = ser.find("c:dLbls", NS)
            label_info = None
            if labels is not None:
                num_fmt = labels.find("c:numFmt", NS)
                label_info = {
                    "value": flag(labels, "showVal"),
                    "category": flag(labels, "showCatName"),
                    "series_name": flag(labels, "showSerName"),
                    "percent": flag(labels, "showPercent"),
                    "num_format": num_fmt.get("formatCode") if num_fmt is not None else None,
                }
            cat = ser.find("c:cat", NS)
            val = ser.find("c:val", NS)
            info["series"].append({
                "name": rich_text(ser.find("c:tx", NS)),
                "categories": next((f.text for f in cat.iter("{%s}f" % NS["c"])), None) if cat is not None else None,
                "values": next((f.text for f in val.iter("{%s}f" % NS["c"])), None) if val is not None else None,
                "color": color,
                "point_colors": [srgb(p.find("c:spPr", NS)) for p in ser.findall("c:dPt", NS)],
                "labels": label_info,
            })
    return info


def charts_of_sheet(archive, sheet_part):
    charts = []
    for rel_type, target in rels_of(archive, sheet_part).values():
        if not rel_type.endswith("/drawing"):
            continue
        for chart_type, chart_part in rels_of(archive, target).values():
            if chart_type.endswith("/chart"):
                charts.append(describe_chart(archive, chart_part))
    return charts


def raw_header_footer(archive, sheet_part):
    root = ET.fromstring(archive.read(sheet_part))
    header = root.find("main:headerFooter/main:oddHeader", NS)
    footer = root.find("main:headerFooter/main:oddFooter", NS)
    return (header.text if header is not None else None, footer.text if footer is not None else None)


# ---------------------------------------------------------------- openpyxl parts

def rgb(color):
    if color is None or color.type != "rgb" or not isinstance(color.rgb, str):
        return None
    return color.rgb


def cell_json(cell):
    value = cell.value
    if value is None:
        entry = {"v": None, "t": "blank"}
    elif cell.data_type == "f" or (isinstance(value, str) and cell.data_type == "f"):
        entry = {"v": str(value), "t": "f"}
    elif isinstance(value, bool):
        entry = {"v": value, "t": "b"}
    elif isinstance(value, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        entry = {"v": json_value(value), "t": "d"}
    elif isinstance(value, (int, float)):
        entry = {"v": value, "t": "n"}
    elif cell.data_type == "e":
        entry = {"v": str(value), "t": "e"}
    else:
        entry = {"v": str(value), "t": "s"}
    entry["fmt"] = cell.number_format
    font = cell.font
    if font is not None:
        if font.b:
            entry["bold"] = True
        if font.i:
            entry["italic"] = True
        if rgb(font.color):
            entry["font_color"] = rgb(font.color)
    fill = cell.fill
    if fill is not None and fill.fill_type == "solid":
        entry["fill"] = rgb(fill.fgColor) or rgb(fill.bgColor)
    alignment = cell.alignment
    if alignment is not None:
        if alignment.wrap_text:
            entry["wrap"] = True
        if alignment.horizontal:
            entry["align"] = alignment.horizontal
        if alignment.vertical:
            entry["valign"] = alignment.vertical
    if cell.border is not None and cell.border.left is not None and cell.border.left.style:
        entry["border"] = cell.border.left.style
    return entry


def conditional_formats(ws):
    result = []
    for cf_range in ws.conditional_formatting:
        rules = []
        for rule in cf_range.rules:
            dxf = rule.dxf
            fill = None
            font_color = None
            bold = None
            if dxf is not None:
                if dxf.fill is not None:
                    fill = rgb(dxf.fill.bgColor) or rgb(dxf.fill.fgColor)
                if dxf.font is not None:
                    font_color = rgb(dxf.font.color)
                    bold = bool(dxf.font.b) if dxf.font.b is not None else None
            scale = None
            if rule.colorScale is not None:
                scale = [rgb(color) for color in rule.colorScale.color]
            rules.append({
                "type": rule.type,
                "operator": rule.operator,
                "formula": list(rule.formula or []),
                "text": rule.text,
                "stop_if_true": bool(rule.stopIfTrue),
                "fill": fill,
                "font_color": font_color,
                "bold": bold,
                "color_scale": scale,
            })
        result.append({"range": str(cf_range.sqref), "rules": rules})
    return result


def describe_sheet(ws, archive, part, max_rows):
    max_row = ws.max_row
    max_column = ws.max_column
    rows = []
    last_row = max_row if max_rows is None else min(max_row, max_rows)
    if last_row >= 1:
        for row in ws.iter_rows(min_row=1, max_row=last_row, min_col=1, max_col=max_column):
            rows.append([cell_json(cell) for cell in row])

    setup = ws.page_setup
    margins = ws.page_margins
    header, footer = raw_header_footer(archive, part) if part else (None, None)
    page_setup_pr = ws.sheet_properties.pageSetUpPr
    tab_color = ws.sheet_properties.tabColor
    return {
        "name": ws.title,
        "dimensions": ws.dimensions,
        "max_row": max_row,
        "max_column": max_column,
        "freeze_panes": ws.freeze_panes,
        "auto_filter": ws.auto_filter.ref,
        "tables": [
            {
                "name": table.name,
                "ref": table.ref,
                "style": table.tableStyleInfo.name if table.tableStyleInfo is not None else None,
                "columns": [column.name for column in table.tableColumns],
            }
            for table in ws.tables.values()
        ],
        "data_validations": [
            {
                "type": dv.type,
                "formula1": dv.formula1,
                "sqref": str(dv.sqref),
                "allow_blank": bool(dv.allow_blank),
                "error": dv.error,
            }
            for dv in ws.data_validations.dataValidation
        ],
        "conditional_formats": conditional_formats(ws),
        "column_widths": [
            {"min": dim.min, "max": dim.max, "width": dim.width}
            for dim in ws.column_dimensions.values()
            if dim.customWidth
        ],
        "row_heights": {str(index): dim.ht for index, dim in ws.row_dimensions.items() if dim.ht is not None},
        "merged": sorted(str(rng) for rng in ws.merged_cells.ranges),
        "print": {
            "orientation": setup.orientation,
            "paperSize": int(setup.paperSize) if setup.paperSize is not None else None,
            # An absent fitToWidth/fitToHeight means 1 (the OOXML default), not "unset".
            "fitToWidth": int(setup.fitToWidth) if setup.fitToWidth is not None else 1,
            "fitToHeight": int(setup.fitToHeight) if setup.fitToHeight is not None else 1,
            "fitToPage": bool(page_setup_pr.fitToPage) if page_setup_pr is not None else False,
            "print_title_rows": ws.print_title_rows,
            "print_area": ws.print_area,
            "margins": {
                "left": margins.left,
                "right": margins.right,
                "top": margins.top,
                "bottom": margins.bottom,
            },
            "header": header,
            "footer": footer,
        },
        "tab_color": rgb(tab_color) if tab_color is not None else None,
        "zoom": ws.sheet_view.zoomScale,
        "show_gridlines": ws.sheet_view.showGridLines is not False,
        "charts": charts_of_sheet(archive, part) if part else [],
        "cells": rows,
    }


def document_properties(wb, archive):
    props = wb.properties
    company = None
    if "docProps/app.xml" in archive.namelist():
        app = ET.fromstring(archive.read("docProps/app.xml"))
        element = app.find("ep:Company", NS)
        company = element.text if element is not None else None
    return {
        "title": props.title,
        "subject": props.subject,
        "creator": props.creator,
        "keywords": props.keywords,
        "description": props.description,
        "created": props.created.isoformat() if props.created else None,
        "company": company,
    }


def cell_format_count(archive):
    """How many cell formats (xf records) styles.xml holds, the default one included."""
    styles = ET.fromstring(archive.read("xl/styles.xml"))
    cell_xfs = styles.find("main:cellXfs", NS)
    return len(cell_xfs.findall("main:xf", NS)) if cell_xfs is not None else 0


def custom_properties(wb):
    custom = getattr(wb, "custom_doc_props", None)
    if custom is None:
        return {}
    return {prop.name: json_value(prop.value) for prop in custom.props}


def main():
    parser = argparse.ArgumentParser(description="Describe an .xlsx workbook as one JSON object.")
    parser.add_argument("book")
    parser.add_argument("--max-rows", type=int, default=None, help="cells of at most this many rows per sheet")
    args = parser.parse_args()

    try:
        archive = zipfile.ZipFile(args.book)
        wb = openpyxl.load_workbook(args.book)
    except Exception as error:  # the test shows this text when a workbook does not open
        print(f"xlsx_probe: cannot open {args.book}: {error}", file=sys.stderr)
        return 2

    with archive:
        parts = sheet_parts(archive)
        report = {
            "sheets": [describe_sheet(ws, archive, parts.get(ws.title), args.max_rows) for ws in wb.worksheets],
            "chart_files": sum(
                1 for name in archive.namelist()
                if name.startswith("xl/charts/chart") and name.endswith(".xml")
            ),
            "cell_format_count": cell_format_count(archive),
            "properties": document_properties(wb, archive),
            "custom_properties": custom_properties(wb),
        }
    sys.stdout.reconfigure(encoding="utf-8")
    json.dump(report, sys.stdout, ensure_ascii=False, default=json_value)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
