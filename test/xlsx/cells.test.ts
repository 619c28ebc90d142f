/**
 * A formula cell's new cached value written into hand-written sheet XML: only the value and its type
 * change, the formula and the cell's other attributes stay as written, with or without a prefix.
 */
import { applyEdits, cachedValueEdit, scanSheet } from "../../src/xlsx";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The cell's XML after its cached value is set to `value`, and how much of the text the edit replaced. */
function withValue(cellXml: string, value: number | string, prefix = "") {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const head = `<${p}worksheet ${ns}><${p}sheetData><${p}row r="1">`;
  const tail = `</${p}row></${p}sheetData></${p}worksheet>`;
  const xml = head + cellXml + tail;
  const scanned = scanSheet(xml, "xl/worksheets/sheet1.xml");
  const edit = cachedValueEdit(scanned, 0, value);
  const out = applyEdits(xml, [edit]);
  return {
    cell: out.slice(head.length, out.length - tail.length),
    replaced: xml.slice(edit.start, edit.end),
  };
}

describe("a formula cell's new cached value", () => {
  it("replaces only the digits where a number takes a number's place", () => {
    expect(withValue('<c r="A1" s="2"><f>1+1</f><v>3</v></c>', 2)).toEqual({
      cell: '<c r="A1" s="2"><f>1+1</f><v>2</v></c>',
      replaced: "3",
    });
    expect(withValue('<x:c r="A1"><x:f>1</x:f><x:v>0</x:v></x:c>', 1.5, "x")).toEqual({
      cell: '<x:c r="A1"><x:f>1</x:f><x:v>1.5</x:v></x:c>',
      replaced: "0",
    });
  });

  it("rewrites the cell where the type changes or was written out", () => {
    expect(withValue('<c r="A1" t="str"><f>"a"</f><v>a</v></c>', 5).cell).toBe(
      '<c r="A1"><f>"a"</f><v>5</v></c>'
    );
    expect(withValue('<c r="A1" t="n"><f>1</f><v>0</v></c>', 1).cell).toBe(
      '<c r="A1"><f>1</f><v>1</v></c>'
    );
    expect(withValue('<c r="A1"><f>A2&amp;"b"</f><v>7</v></c>', "a&b").cell).toBe(
      '<c t="str" r="A1"><f>A2&amp;"b"</f><v>a&amp;b</v></c>'
    );
  });

  it("adds a value where the cell had none, and writes a number Excel cannot hold as #NUM!", () => {
    expect(withValue('<c r="A1"><f>1</f></c>', 7).cell).toBe('<c r="A1"><f>1</f><v>7</v></c>');
    expect(withValue('<c r="A1"><f>1/0</f><v>1</v></c>', Infinity).cell).toBe(
      '<c t="e" r="A1"><f>1/0</f><v>#NUM!</v></c>'
    );
  });
});
