/** Runs the real `btu` command (bin/btu.js) in a child process, as `npx btu` does. */
import { spawnSync } from "child_process";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "btu.js");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function btu(args: string[], input?: string, cwd = ROOT): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input,
    encoding: "utf8",
    timeout: 60000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Excel's serial of a calendar date after 1900-03-01, counted independently of the code under test. */
export function serial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}
