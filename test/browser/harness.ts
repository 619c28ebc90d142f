/**
 * The browser test's host: builds the add-in, serves it from 127.0.0.1 with Office.js swapped for
 * the local stub, and launches Debian's Chromium through playwright-core.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as path from "path";
import { Browser, chromium } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");
export const OFFICE_CDN_TAG =
  '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>';
/** The tag as written and as a production build minifies it (attribute quotes dropped). */
const OFFICE_CDN_SCRIPT =
  /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>/;

/**
 * Builds what ships (production: minified, split as users load it; `--env local` keeps localhost
 * URLs) into its own folder, so that a build of dist/ running at the same time cannot interfere.
 */
export function buildAddin(outDir: string): void {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const args = [cli, "--mode", "production", "--env", "local", "--output-path", outDir];
  execFileSync(process.execPath, args, {
    cwd: ROOT,
    stdio: "pipe",
    timeout: 170_000,
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
  ".map": "application/json",
};

export interface Server {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `dir`; taskpane.html gets the stub in place of the Office.js CDN tag (the production file
 * must carry that tag), and `extra` maps further URL paths to local files (the stub, axe-core).
 */
export async function serve(dir: string, extra: Record<string, string>): Promise<Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file =
      extra[url.pathname] ??
      path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) && !Object.values(extra).includes(file)) {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404).end();
        return;
      }
      let content: Buffer | string = body;
      if (url.pathname === "/taskpane.html") {
        const html = body.toString("utf8");
        if (!OFFICE_CDN_SCRIPT.test(html)) {
          response.writeHead(500).end("taskpane.html does not load Office.js from the CDN");
          return;
        }
        content = html.replace(OFFICE_CDN_SCRIPT, '<script src="office-stub.js"></script>');
      }
      response.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-store",
      });
      response.end(content);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}
