/**
 * Cell text as a file must hold it (ST_Xstring): XML's five specials as entities, the characters XML
 * 1.0 forbids as OOXML's `_xHHHH_`, a literal `_xHHHH_` protected by `_x005F_`, and everything else
 * (line breaks, tabs, non-ASCII) as it is. decodeXstring reads it back.
 */
import { decodeXml, decodeXstring, escapeXstring } from "../../src/xlsx/xml";

describe("cell text written for the file", () => {
  it.each([
    [
      "plain text",
      "Consulting lump — SEP 4(b)(i)\n2.249315 years",
      "Consulting lump — SEP 4(b)(i)\n2.249315 years",
    ],
    ["XML's specials", 'a < b & "c" > d', "a &lt; b &amp; &quot;c&quot; &gt; d"],
    ["a control character", "bell\u0007 and nul\u0000", "bell_x0007_ and nul_x0000_"],
    ["a literal escape", "code _x000D_ here", "code _x005F_x000D_ here"],
    ["a non-character", "end\uFFFF", "end_xFFFF_"],
  ])("%s", (_, text, written) => {
    expect(escapeXstring(text)).toBe(written);
    expect(decodeXstring(decodeXml(written))).toBe(text);
  });
});
