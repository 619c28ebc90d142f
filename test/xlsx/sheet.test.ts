/**
 * The worksheet scan on hand-written sheet XML: each cell's place, type, value and formula, with or
 * without a namespace prefix, in the plain `<v>` form and in every other form a cell may take.
 */
import { scanSheet } from "../../src/xlsx/sheet";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function sheet(prefix: string, rows: string): string {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0"?><${p}worksheet ${ns}><${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;
}

describe.each(["", "x"])("a sheet whose prefix is '%s'", (prefix) => {
  const p = prefix ? `${prefix}:` : "";
  const xml = sheet(
    prefix,
    `<${p}row r="2"><${p}c r="B2"><${p}v>1007919</${p}v></${p}c>` +
      `<${p}c r="C2" t="s" s="3"><${p}v>4</${p}v></${p}c>` +
      `<${p}c r="D2" t="str"><${p}f>A1&amp;"x"</${p}f><${p}v>a &lt;b&gt; &#x41;</${p}v></${p}c>` +
      `<${p}c r='E2' t='b'><${p}v>1</${p}v></${p}c>` +
      `<${p}c r="F2" t="inlineStr"><${p}is><${p}t>in</${p}t><${p}r><${p}t>line</${p}t></${p}r></${p}is></${p}c>` +
      `<${p}c r="G2" s="1"></${p}c><${p}c r="h2"/></${p}row>`
  );
  const scanned = scanSheet(xml, "xl/worksheets/sheet1.xml");
  const cells = Object.fromEntries(
    [...scanned.cells].map((cell) => [`${cell.row},${cell.col}`, cell])
  );

  it("reads a plain number cell and where its value lies", () => {
    const b2 = cells["1,1"];
    expect(b2.value).toBe("1007919");
    expect(b2.type).toBeUndefined();
    expect(xml.slice(b2.vStart, b2.vEnd)).toBe(`<${p}v>1007919</${p}v>`);
    expect(xml.slice(b2.start, b2.end)).toBe(`<${p}c r="B2"><${p}v>1007919</${p}v></${p}c>`);
  });

  it("reads types, entities, formulas, inline text and empty cells", () => {
    expect(cells["1,2"]).toMatchObject({ type: "s", value: "4" });
    expect(cells["1,3"]).toMatchObject({
      type: "str",
      value: "a <b> A",
      formula: { text: 'A1&"x"', kind: "normal" },
    });
    expect(xml.slice(cells["1,3"].vStart, cells["1,3"].vEnd)).toBe(
      `<${p}v>a &lt;b&gt; &#x41;</${p}v>`
    );
    expect(cells["1,4"]).toMatchObject({ type: "b", value: "1" });
    expect(cells["1,5"]).toMatchObject({ type: "inlineStr", inline: "inline" });
    expect(cells["1,6"].value).toBeUndefined();
    expect(cells["1,7"].value).toBeUndefined();
  });

  it("keeps the row's place and its cells", () => {
    expect(scanned.rows).toHaveLength(1);
    expect(scanned.rows[0]).toMatchObject({ row: 1, firstCell: 0, cellCount: 7 });
  });
});

describe("addresses a scan refuses", () => {
  it.each([
    ["not an A1 address", "B2C", /"B2C" that is not an A1 address/],
    ["a column past XFD", "XFE1", /cell XFE1 beyond Excel's grid/],
    ["a row past 1,048,576", "A1048577", /cell A1048577 beyond Excel's grid/],
    ["four letters", "ABCD1", /"ABCD1" that is not an A1 address/],
    ["row 0", "A0", /cell A0 beyond Excel's grid/],
  ])("%s", (_, ref, message) => {
    const xml = sheet("", `<row r="1"><c r="${ref}"><v>1</v></c></row>`);
    expect(() => scanSheet(xml, "xl/worksheets/sheet1.xml")).toThrow(message);
  });
});

describe("the scan's table of cells", () => {
  // 700 rows of three cells: past the table's first sizes, so every column has grown twice.
  const rows = Array.from(
    { length: 700 },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 3}</v></c>` +
      `<c r="B${i + 1}" t="x-custom"><v xml:space="preserve"> ${i} </v></c><c r="C${i + 1}"><v/></c></row>`
  ).join("");
  const xml = sheet("", rows);
  const { cells } = scanSheet(xml, "xl/worksheets/sheet1.xml");

  it("keeps every cell's address and value as the table grows", () => {
    expect(cells.length).toBe(2100);
    expect([cells.row(0), cells.col(0), cells.value(0)]).toEqual([0, 0, "0"]);
    expect([cells.row(300), cells.col(300), cells.value(300)]).toEqual([100, 0, "300"]);
    const last = cells.length - 3;
    expect([cells.row(last), cells.col(last), cells.value(last)]).toEqual([699, 0, "2097"]);
    expect(cells.cell(last)).toMatchObject({ row: 699, col: 0, value: "2097" });
    expect(xml.slice(cells.start(last), cells.cell(last).end)).toBe('<c r="A700"><v>2097</v></c>');
  });

  it("keeps a type it has no code for, a value element with attributes, and an empty value", () => {
    const b = cells.cell(3 * 250 + 1);
    expect(b).toMatchObject({ row: 250, col: 1, type: "x-custom", value: " 250 " });
    expect(xml.slice(b.vStart, b.vEnd)).toBe('<v xml:space="preserve"> 250 </v>');
    const c = cells.cell(3 * 250 + 2);
    expect(c.value).toBe("");
    expect(xml.slice(c.vStart, c.vEnd)).toBe("<v/>");
  });
});
