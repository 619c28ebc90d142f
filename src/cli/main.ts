/**
 * The `btu` command: evaluate formulas, recalculate or audit .xlsx models, and run the demo, all
 * without Excel. Exit codes: 0 done, 1 wrong usage, 2 a problem with a file.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the workbook commands require the
   package layer and the audit when they run, so that `btu eval` starts faster without them; each
   require names its module, so that bin/btu.js's bundler follows it. */
import { FileProblem, defaultOutput } from "../headless/files";
import { Evaluator, formulasFromText, jsonLine, plainText } from "./eval";

export const USAGE = `Usage:
  btu eval [--json] [FORMULA …]      evaluate formulas (with or without "="); none: one per line from stdin
  btu recalc IN.xlsx [-o OUT.xlsx] [--json] [--in-place]
                                     recompute every formula; OUT defaults to IN.recalc.xlsx
  btu audit IN.xlsx [-o OUT.xlsx] [--json]
                                     auditor's copy (IN.audit.xlsx): BTU cells as values + an Audit sheet
  btu calendar [IN.xlsx] [--from DATE] [--to DATE] [--ics FILE] [--json]
                                     the agreements' fixed dates (and IN's EVENT_DEADLINES cells),
                                     printed and written as an iCalendar file; DATE as YYYY-MM-DD
  btu demo                           recalculate the bundled sample model and show its key results`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
}

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  json: boolean;
  inPlace: boolean;
  output?: string;
  /** Options that take a value: --from, --to, --ics. */
  values: Record<string, string>;
}

function parse(args: string[], allowed: Set<string>): Parsed {
  const parsed: Parsed = { positional: [], json: false, inPlace: false, values: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      parsed.positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-" || /^-[0-9.]/.test(arg)) {
      parsed.positional.push(arg);
      continue;
    }
    const name = arg.startsWith("--") ? arg.slice(2).split("=")[0] : arg;
    if (!allowed.has(name)) throw new UsageError(`unknown option ${arg}`);
    if (name === "json") parsed.json = true;
    else if (name === "in-place") parsed.inPlace = true;
    else {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[++i];
      if (!value) throw new UsageError(`${arg} needs a value`);
      if (name === "-o" || name === "output") parsed.output = value;
      else parsed.values[name] = value;
    }
  }
  return parsed;
}

async function runEval(args: string[], io: Io): Promise<number> {
  const { positional, json } = parse(args, new Set(["json"]));
  const formulas = positional.length ? positional : formulasFromText(await io.readStdin());
  const evaluator = new Evaluator();
  const lines = formulas.map((formula) => {
    const result = evaluator.evaluate(formula);
    return json ? jsonLine(result) : plainText(result);
  });
  if (lines.length) io.out(lines.join("\n") + "\n");
  return 0;
}

function singleInput(parsed: Parsed, command: string): string {
  if (parsed.positional.length !== 1)
    throw new UsageError(`btu ${command} takes one workbook (got ${parsed.positional.length})`);
  return parsed.positional[0];
}

async function runRecalc(args: string[], io: Io): Promise<number> {
  const parsed = parse(args, new Set(["json", "in-place", "-o", "output"]));
  const input = singleInput(parsed, "recalc");
  const { recalcFile } = require("../headless/recalc") as typeof import("../headless/recalc");
  const { recalcJson, recalcReport } = require("./report") as typeof import("./report");
  const summary = await recalcFile(
    input,
    { output: parsed.output, inPlace: parsed.inPlace },
    defaultOutput(input, "recalc")
  );
  io.out((parsed.json ? recalcJson(summary) : recalcReport(summary)) + "\n");
  return 0;
}

async function runAudit(args: string[], io: Io): Promise<number> {
  const parsed = parse(args, new Set(["json", "-o", "output"]));
  const input = singleInput(parsed, "audit");
  const { auditFile } = require("../headless/audit") as typeof import("../headless/audit");
  const { auditJson, auditReport } = require("./report") as typeof import("./report");
  const summary = await auditFile(input, parsed.output, defaultOutput(input, "audit"));
  io.out((parsed.json ? auditJson(summary) : auditReport(summary)) + "\n");
  return 0;
}

async function runCalendar(args: string[], io: Io): Promise<number> {
  const parsed = parse(args, new Set(["json", "from", "to", "ics"]));
  if (parsed.positional.length > 1)
    throw new UsageError(
      `btu calendar takes at most one workbook (got ${parsed.positional.length})`
    );
  const { calendar, calendarReport, isoOption } =
    require("./calendar") as typeof import("./calendar");
  const dateOption = (name: string): number | undefined => {
    const text = parsed.values[name];
    if (text === undefined) return undefined;
    const serial = isoOption(text);
    if (serial === undefined)
      throw new UsageError(`--${name} takes a date as YYYY-MM-DD, not "${text}"`);
    return serial;
  };
  const from = dateOption("from");
  const to = dateOption("to");
  if (from !== undefined && to !== undefined && from > to)
    throw new UsageError(
      `--from ${parsed.values.from} is after --to ${parsed.values.to}; swap them`
    );
  const result = await calendar({
    from,
    to,
    ics: parsed.values.ics,
    workbook: parsed.positional[0],
  });
  io.out((parsed.json ? JSON.stringify(result) : calendarReport(result)) + "\n");
  return 0;
}

async function runDemo(args: string[], io: Io): Promise<number> {
  parse(args, new Set());
  const { demo } = require("./demo") as typeof import("./demo");
  io.out((await demo()) + "\n");
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  eval: runEval,
  recalc: runRecalc,
  audit: runAudit,
  calendar: runCalendar,
  demo: runDemo,
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    io.out(USAGE + "\n");
    return command ? 0 : 1;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`btu: unknown command "${command}"\n${USAGE}\n`);
    return 1;
  }
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`btu ${command}: ${error.message}\n${USAGE}\n`);
      return 1;
    }
    if (error instanceof FileProblem) {
      io.err(`btu ${command}: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on("data", (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

/** Runs the command line of this process and sets its exit code. */
export function run(): void {
  const io: Io = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readStdin,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(
        `btu: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      );
      process.exitCode = 1;
    }
  );
}
