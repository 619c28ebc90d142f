/**
 * manifest.xml checked offline (office-addin-manifest validate needs a web service): namespace BTU,
 * every resid defined and of the right kind, one shared runtime used by the functions and the task
 * pane, only https URLs, and icons that exist at the sizes they claim.
 */
import * as fs from "fs";
import * as path from "path";
import { parseStringPromise } from "xml2js";

const ROOT = path.join(__dirname, "..", "..");

/** A parsed element: attributes under `$`, children by tag name (namespace prefixes removed). */
interface XmlNode {
  $?: Record<string, string>;
  [child: string]: XmlNode[] | Record<string, string> | undefined;
}

let root: XmlNode;

beforeAll(async () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const parsed: { OfficeApp: XmlNode } = await parseStringPromise(xml, {
    tagNameProcessors: [(name: string) => name.replace(/^\w+:/, "")],
  });
  root = parsed.OfficeApp;
});

function children(node: XmlNode, tag: string): XmlNode[] {
  return (node[tag] as XmlNode[] | undefined) ?? [];
}

/** Every element under `node` (itself included) with its tag name. */
function walk(node: XmlNode, tag = "OfficeApp"): { tag: string; node: XmlNode }[] {
  const found = [{ tag, node }];
  for (const [name, value] of Object.entries(node)) {
    if (name === "$" || name === "_" || !Array.isArray(value)) continue;
    for (const child of value) if (typeof child === "object") found.push(...walk(child, name));
  }
  return found;
}

const attribute = (node: XmlNode, name: string) => node.$?.[name];

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

function resources(): Map<string, { kind: ResourceKind; value: string }> {
  const found = new Map<string, { kind: ResourceKind; value: string }>();
  const [overrides] = children(root, "VersionOverrides");
  const [section] = children(overrides, "Resources");
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"] as const) {
    for (const group of children(section, kind)) {
      for (const item of [
        ...children(group, "Image"),
        ...children(group, "Url"),
        ...children(group, "String"),
      ]) {
        const id = attribute(item, "id")!;
        expect(found.has(id)).toBe(false);
        found.set(id, { kind, value: attribute(item, "DefaultValue")! });
      }
    }
  }
  return found;
}

/** What each element with a resid must point at. */
const KIND_OF: Record<string, ResourceKind> = {
  Image: "Images",
  SourceLocation: "Urls",
  Runtime: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Namespace: "ShortStrings",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

const withResid = () => walk(root).filter(({ node }) => attribute(node, "resid") !== undefined);

test("is a task pane add-in for Excel workbooks", () => {
  expect(attribute(root, "xsi:type")).toBe("TaskPaneApp");
  expect(children(children(root, "Hosts")[0], "Host").map((h) => attribute(h, "Name"))).toEqual([
    "Workbook",
  ]);
  expect(children(root, "Id")[0]).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
  );
});

test("declares the custom functions in namespace BTU", () => {
  const [point] = walk(root).filter(
    ({ tag, node }) => tag === "ExtensionPoint" && attribute(node, "xsi:type") === "CustomFunctions"
  );
  expect(point).toBeDefined();
  const namespace = attribute(children(point.node, "Namespace")[0], "resid")!;
  expect(resources().get(namespace)?.value).toBe("BTU");
});

test("every resid resolves to a resource of the right kind", () => {
  const defined = resources();
  const used = withResid();
  expect(used.length).toBeGreaterThan(10);
  for (const { tag, node } of used) {
    const resid = attribute(node, "resid")!;
    expect({ tag, resid, kind: defined.get(resid)?.kind }).toEqual({
      tag,
      resid,
      kind: KIND_OF[tag],
    });
  }
});

test("every resource is used, and strings fit Office's limits", () => {
  const used = new Set(withResid().map(({ node }) => attribute(node, "resid")));
  for (const [id, { kind, value }] of resources()) {
    expect({ id, used: used.has(id) }).toEqual({ id, used: true });
    if (kind === "ShortStrings") expect(value.length).toBeLessThanOrEqual(125);
    if (kind === "LongStrings") expect(value.length).toBeLessThanOrEqual(250);
  }
});

test("functions and task pane share one long-lived runtime", () => {
  const runtimes = walk(root).filter(({ tag }) => tag === "Runtime");
  expect(runtimes).toHaveLength(1);
  const runtime = runtimes[0].node;
  expect(attribute(runtime, "lifetime")).toBe("long");
  const shared = attribute(runtime, "resid");
  expect(resources().get(shared!)?.value).toBe("https://localhost:3000/taskpane.html");

  const [functionsPoint] = walk(root).filter(
    ({ tag, node }) => tag === "ExtensionPoint" && attribute(node, "xsi:type") === "CustomFunctions"
  );
  const page = children(children(functionsPoint.node, "Page")[0], "SourceLocation")[0];
  expect(attribute(page, "resid")).toBe(shared);
  const [showTaskpane] = walk(root).filter(
    ({ tag, node }) => tag === "Action" && attribute(node, "xsi:type") === "ShowTaskpane"
  );
  expect(attribute(children(showTaskpane.node, "SourceLocation")[0], "resid")).toBe(shared);
  const [functionFile] = walk(root).filter(({ tag }) => tag === "FunctionFile");
  expect(attribute(functionFile.node, "resid")).toBe(shared);
});

test("requires the SharedRuntime and CustomFunctionsRuntime requirement sets", () => {
  const sets = walk(children(root, "Requirements")[0], "Requirements").filter(
    ({ tag }) => tag === "Set"
  );
  const byName = Object.fromEntries(
    sets.map(({ node }) => [attribute(node, "Name"), attribute(node, "MinVersion")])
  );
  // Messages on #VALUE!/#N/A need CustomFunctionsRuntime 1.2; the pane reads spills (ExcelApi 1.12).
  expect(byName).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2", ExcelApi: "1.12" });
});

test("puts a Show Taskpane button on the Home tab", () => {
  const [tab] = walk(root).filter(({ tag }) => tag === "OfficeTab");
  expect(attribute(tab.node, "id")).toBe("TabHome");
  expect(
    walk(tab.node, "OfficeTab").some(
      ({ tag, node }) => tag === "Action" && attribute(node, "xsi:type") === "ShowTaskpane"
    )
  ).toBe(true);
});

test("every URL is https, on the dev origin the build rewrites, and names a file the build emits", () => {
  const emitted = new Set([
    "functions.js",
    "functions.json",
    "taskpane.html",
    "help/functions.html",
    ...fs.readdirSync(path.join(ROOT, "assets")).map((f) => `assets/${f}`),
  ]);
  const urls = walk(root)
    .map(({ node }) => attribute(node, "DefaultValue"))
    .filter((value): value is string => value !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(value));
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) {
    expect(url).toMatch(/^https:\/\/localhost:3000\//);
    expect(emitted.has(url.replace("https://localhost:3000/", ""))).toBe(true);
  }
  expect(children(root, "AppDomains")).toEqual([]);
});

test("icons exist as PNGs of the sizes the manifest states", () => {
  const images = walk(root).filter(
    ({ tag, node }) => tag === "Image" && attribute(node, "DefaultValue")
  );
  const files = [
    ...images.map(({ node }) => attribute(node, "DefaultValue")!),
    attribute(children(root, "IconUrl")[0], "DefaultValue")!,
    attribute(children(root, "HighResolutionIconUrl")[0], "DefaultValue")!,
  ];
  for (const url of files) {
    const file = path.join(ROOT, url.replace("https://localhost:3000/", ""));
    const png = fs.readFileSync(file);
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    );
    const size = Number(/icon-(\d+)\.png$/.exec(file)![1]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
  for (const size of [16, 32, 64, 80, 128])
    expect(fs.existsSync(path.join(ROOT, "assets", `icon-${size}.png`))).toBe(true);
});
