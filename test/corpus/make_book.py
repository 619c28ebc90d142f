#!/usr/bin/python3
"""Builds one test workbook with Debian's openpyxl, from a JSON spec, the way Excel saves it.

openpyxl writes formulas without cached values and asks for a full recalculation on load; Excel
writes each formula's last value and no such flag. So after openpyxl saves, the package is edited
with Python's zipfile to carry the cached values the spec gives (as Excel would have computed
them), and the parts openpyxl cannot create (a VBA project, custom document properties) are added
as Excel lays them out.

Usage: make_book.py SPEC.json OUT.xlsx
"""
import json
import re
import sys
import zipfile
from xml.sax.saxutils import escape

import openpyxl
import openpyxl.utils.datetime
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, NamedStyle
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.hyperlink import Hyperlink


def build(spec, out):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    cached = {}  # (sheet index, address) -> cached value
    for index, sheet_spec in enumerate(spec["sheets"]):
        ws = wb.create_sheet(sheet_spec["name"])
        for address, value in sheet_spec.get("cells", {}).items():
            if isinstance(value, dict):
                ws[address] = "=" + value["f"]
                if "array" in value:
                    ws.formula_attributes[address] = {"t": "array", "ref": value["array"]}
                if "v" in value:
                    cached[(index, address)] = value["v"]
            else:
                ws[address] = value
        for address, number_format in sheet_spec.get("formats", {}).items():
            ws[address].number_format = number_format
        for address, target in sheet_spec.get("links", {}).items():
            ws[address].hyperlink = Hyperlink(ref=address, location=target)
        if "password" in sheet_spec:
            ws.protection.sheet = True
            ws.protection.password = sheet_spec["password"]
        table = sheet_spec.get("table")
        if table:
            t = Table(displayName=table["name"], ref=table["ref"])
            t._initialise_columns()
            for column, formula in table.get("calculated", {}).items():
                for tc in t.tableColumns:
                    if tc.name == column:
                        tc.calculatedColumnFormula = formula
            if table.get("style", True):
                t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
            ws.add_table(t)
        chart = sheet_spec.get("chart")
        if chart:
            bar = BarChart()
            bar.title = chart.get("title", "Chart")
            bar.add_data(Reference(ws, range_string=f"'{ws.title}'!{chart['data']}"), titles_from_data=False)
            ws.add_chart(bar, chart.get("anchor", "H2"))
    chartsheet = spec.get("chartsheet")
    if chartsheet:
        sheet = wb.create_chartsheet(chartsheet["name"])
        bar = BarChart()
        source = wb[chartsheet["sheet"]]
        bar.add_data(Reference(source, range_string=f"'{source.title}'!{chartsheet['data']}"), titles_from_data=False)
        sheet.add_chart(bar)
    if spec.get("named_style"):
        style = NamedStyle(name="Input figure", font=Font(bold=True, color="1F4E79"))
        wb.add_named_style(style)
        for index, sheet_spec in enumerate(spec["sheets"]):
            for address in sheet_spec.get("styled", []):
                wb.worksheets[index][address].style = "Input figure"
    for name in spec.get("names", []):
        defined = DefinedName(name["name"], attr_text=name["text"])
        if name.get("sheet") is not None:
            defined.localSheetId = name["sheet"]
        wb.defined_names.append(defined)
    if spec.get("date1904"):
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    if spec.get("iterate"):
        wb.calculation.iterate = True
        wb.calculation.iterateCount = 100
    if spec.get("protect_workbook"):
        wb.security = WorkbookProtection(workbookPassword="btu", lockStructure=True)
    wb.save(out)
    finish(out, spec, cached)


def value_xml(value):
    """`t` attribute and `<v>` text of a cached value, as Excel writes them."""
    if isinstance(value, bool):
        return ' t="b"', "1" if value else "0"
    if isinstance(value, (int, float)):
        return "", repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, dict):
        return ' t="e"', escape(value["error"])
    return ' t="str"', escape(value)


def finish(out, spec, cached):
    with zipfile.ZipFile(out) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    sheet_parts = {}
    workbook_rels = next(data for info, data in parts if info.filename == "xl/_rels/workbook.xml.rels").decode()
    workbook = next(data for info, data in parts if info.filename == "xl/workbook.xml").decode()
    for index, rid in enumerate(re.findall(r'<sheet [^>]*r:id="([^"]+)"', workbook)):
        target = re.search(r'Id="%s"[^>]*Target="([^"]+)"' % rid, workbook_rels) or re.search(r'Target="([^"]+)"[^>]*Id="%s"' % rid, workbook_rels)
        sheet_parts["xl/" + target.group(1).lstrip("/").replace("xl/", "")] = index
    vba = spec.get("vba")
    written = []
    for info, data in parts:
        name = info.filename
        if name in sheet_parts:
            text = data.decode()
            index = sheet_parts[name]
            def fill(match):
                address = match.group(2)
                if (index, address) not in cached:
                    return match.group(0)
                t, v = value_xml(cached[(index, address)])
                return "%s%s>%s<v>%s</v></c>" % (match.group(1), t, match.group(3), v)
            text = re.sub(r'(<c r="([A-Z]+[0-9]+)"[^>]*?)>(<f[^>]*>.*?</f>|<f[^>]*/>)<v\s*/?>(?:</v>)?</c>', fill, text)
            data = text.encode()
        elif name == "xl/workbook.xml":
            data = data.decode().replace(' fullCalcOnLoad="1"', "").encode()
        elif name == "[Content_Types].xml":
            text = data.decode()
            if vba:
                text = text.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                text = text.replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            if spec.get("custom_props"):
                text = text.replace("</Types>", '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
            data = text.encode()
        elif name == "xl/_rels/workbook.xml.rels" and vba:
            data = data.decode().replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>').encode()
        elif name == "_rels/.rels" and spec.get("custom_props"):
            data = data.decode().replace("</Relationships>", '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>').encode()
        written.append((name, data))
    if vba:
        # Not a real VBA project (none can be made without Office); its bytes only have to come back unchanged.
        written.append(("xl/vbaProject.bin", bytes(range(256)) * 8))
    if spec.get("custom_props"):
        props = "".join(
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="%s"><vt:lpwstr>%s</vt:lpwstr></property>' % (i + 2, escape(k), escape(v))
            for i, (k, v) in enumerate(spec["custom_props"].items())
        )
        written.append(("docProps/custom.xml", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">%s</Properties>' % props).encode()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in written:
            target.writestr(zipfile.ZipInfo(name, date_time=(2004, 1, 28, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        build(json.load(f), sys.argv[2])
