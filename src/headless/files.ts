/**
 * File handling shared by every command: a problem with a file is one line and exit code 2, and an
 * output appears only complete (written beside its destination, then renamed over it). A temporary
 * file is removed if the process is interrupted, and one left by a killed run is recognised by its
 * name (`.NAME.btu-PID.tmp`) and removed by the next run once its process is gone.
 */
import { promises as fs, rmSync } from "fs";
import * as path from "path";

/** A missing, unreadable, corrupt or protected file, or an output that would replace the input. */
export class FileProblem extends Error {
  readonly exitCode = 2;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Compound File Binary: Office's container for password-protected workbooks and legacy .xls. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export async function readInputFile(file: string): Promise<Buffer> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileProblem(`${file}: no such file`);
    if (code === "EISDIR") throw new FileProblem(`${file}: is a directory, not an .xlsx file`);
    throw new FileProblem(`${file}: cannot be read (${code ?? String(error)})`);
  }
  if (buffer.subarray(0, 4).equals(CFB_MAGIC)) {
    throw new FileProblem(
      `${file}: is password-protected (encrypted) or a legacy .xls; save an unprotected copy as .xlsx`
    );
  }
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC))
    throw new FileProblem(`${file}: is not an .xlsx workbook`);
  return buffer;
}

/** The default output beside the input: `model.xlsx` → `model.<suffix>.xlsx` (an .xlsm stays .xlsm). */
export function defaultOutput(input: string, suffix: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}.${suffix}${ext || ".xlsx"}`);
}

/** Refuses to overwrite the input unless asked to. */
export function checkOutput(input: string, output: string, inPlace: boolean): void {
  if (!inPlace && path.resolve(input) === path.resolve(output)) {
    throw new FileProblem(`${output}: is the input file; use --in-place to replace it`);
  }
}

const TEMP_NAME = /^\.(.+)\.btu-([0-9]+)\.tmp$/;
const pending = new Set<string>();
let handlersInstalled = false;

function removePending(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

/** On Ctrl-C or a kill, the half-written file goes before the process does. */
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      removePending();
      process.kill(process.pid, signal);
    });
  }
  process.once("exit", removePending);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Temporary files of this output left by runs that were killed outright (SIGKILL, power loss). */
async function removeStale(dir: string, base: string): Promise<void> {
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    const m = TEMP_NAME.exec(entry);
    if (m && m[1] === base && Number(m[2]) !== process.pid && !alive(Number(m[2])))
      await fs.rm(path.join(dir, entry), { force: true });
  }
}

/** Writes the whole file beside its destination, then renames it into place. */
export async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  const temp = path.join(dir, `.${base}.btu-${process.pid}.tmp`);
  installHandlers();
  await removeStale(dir, base);
  pending.add(temp);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileProblem(`${file}: cannot be written (${code ?? String(error)})`);
  } finally {
    pending.delete(temp);
  }
}
