/**
 * SEP 4 as one table: for each way the Consulting and Chairmanship Periods can end, its clause, how
 * the termination date follows the notice, the window of permitted dates, what each part pays, and
 * what happens to stock options. Termination payments and dates, option expiry, the audit's native
 * formulas and the explanations all read this table; nothing else says which type pays what.
 */
import { Serial, edate, serialToIso } from "../dates";
import { termNumber } from "../terms";

export type TerminationType =
  | "cause"
  | "board"
  | "voluntary"
  | "good_reason"
  | "change_of_control"
  | "not_elected"
  | "death"
  | "disability";
export type Part = "consulting" | "chairman";
export type DiscountMethod = "simple" | "pv";

/** What a termination pays on one part. */
export type Pays = "nothing" | "remainder" | "discounted remainder" | "disability share" | "death";

/**
 * The first permitted termination date: the agreement's date, the Separation Date when the clause
 * ends the periods "in" them, or the day three months after a notice window opens.
 */
export type WindowStart =
  | { from: "agreement" }
  | { from: "periods" }
  | { from: "notice"; noticeFrom: Record<Part, string> };

/**
 * What happens to a stock option tranche (SEP 3(c)(iv)(A)): "accelerate" vests everything,
 * exercisable for the exercise months; "continue" keeps vesting, vested options exercisable for the
 * exercise months and later ones for the post-vest days; "forfeit unvested" keeps only the vested,
 * exercisable for the forfeit days.
 */
export type OptionRule = "accelerate" | "continue" | "forfeit unvested";

export interface TerminationRule {
  /** In the words of the reader: "for Cause". */
  label: string;
  clause: Record<Part, string>;
  /** Accepted instead of the keyword: the clause id and the agreement's own phrases. */
  synonyms: readonly string[];
  /** "notice": the termination date is the notice date plus the notice months; "immediate": the notice date itself. */
  takesEffect: { on: "notice months" } | { on: "notice date"; rule: string };
  window: WindowStart;
  /** The last permitted termination date, by term id, where it is earlier than the end of the periods. */
  before?: Record<Part, string>;
  pays: Record<Part, Pays>;
  options: OptionRule;
  note?: Partial<Record<Part, string>>;
}

const both = <T>(value: T): Record<Part, T> => ({ consulting: value, chairman: value });

export const SEP4: Readonly<Record<TerminationType, TerminationRule>> = {
  cause: {
    label: "for Cause",
    clause: both("SEP 4(a)"),
    synonyms: ["4(a)", "for_cause"],
    takesEffect: { on: "notice date", rule: "Termination for Cause takes effect upon notice." },
    window: { from: "agreement" },
    pays: both("nothing"),
    options: "forfeit unvested",
    note: both(
      "After notice of termination for Cause the Company owes only fees earned but not paid through the notice date (inputs of your model)."
    ),
  },
  board: {
    label: "by the Board, other than for Cause",
    clause: { consulting: "SEP 4(b)(i)", chairman: "SEP 4(b)(ii)" },
    synonyms: ["4(b)", "by_the_company", "other_than_for_cause"],
    takesEffect: { on: "notice months" },
    window: {
      from: "notice",
      noticeFrom: {
        consulting: "sep.board_consulting_notice_from",
        chairman: "sep.board_chairman_notice_from",
      },
    },
    pays: both("remainder"),
    options: "continue",
    note: {
      chairman:
        "4(b)(ii): the Board may end the Chairmanship Period only if it has simultaneously or previously ended the Consulting Period; this figure assumes it has.",
    },
  },
  voluntary: {
    label: "by the Executive, other than for Good Reason",
    clause: { consulting: "SEP 4(c)(i)", chairman: "SEP 4(c)(ii)" },
    synonyms: ["4(c)", "resignation", "other_than_for_good_reason"],
    takesEffect: { on: "notice months" },
    window: {
      from: "notice",
      noticeFrom: {
        consulting: "sep.voluntary_consulting_notice_from",
        chairman: "sep.voluntary_chairman_notice_from",
      },
    },
    pays: both("discounted remainder"),
    options: "forfeit unvested",
  },
  good_reason: {
    label: "by the Executive for Good Reason",
    clause: both("SEP 4(d)"),
    synonyms: ["4(d)", "for_good_reason"],
    takesEffect: {
      on: "notice date",
      rule: "Termination for Good Reason takes effect upon notice.",
    },
    window: { from: "agreement" },
    before: {
      consulting: "sep.good_reason_consulting_before",
      chairman: "sep.good_reason_chairman_before",
    },
    pays: both("remainder"),
    options: "accelerate",
  },
  change_of_control: {
    label: "on a Change of Control",
    clause: both("SEP 4(e)"),
    synonyms: ["4(e)", "coc"],
    takesEffect: {
      on: "notice date",
      rule: "The benefits are provided immediately prior to the Change of Control.",
    },
    window: { from: "periods" },
    pays: both("remainder"),
    options: "accelerate",
    note: both("Paid immediately before the Change of Control, in lieu of any other payments."),
  },
  not_elected: {
    label: "on failure to be elected a director",
    clause: both("SEP 4(f)"),
    synonyms: ["4(f)", "failure_to_be_elected"],
    takesEffect: {
      on: "notice date",
      rule: "The periods terminate immediately when the shareholders fail to elect.",
    },
    window: { from: "periods" },
    pays: both("remainder"),
    options: "continue",
  },
  death: {
    label: "on death",
    clause: both("SEP 4(g)"),
    synonyms: ["4(g)"],
    takesEffect: { on: "notice date", rule: "The periods terminate immediately on death." },
    window: { from: "agreement" },
    pays: both("death"),
    options: "continue",
  },
  disability: {
    label: "for disability",
    clause: both("SEP 4(h)"),
    synonyms: ["4(h)"],
    takesEffect: {
      on: "notice date",
      rule: "The Company may terminate the Consulting Period upon notice.",
    },
    window: { from: "periods" },
    pays: { consulting: "disability share", chairman: "nothing" },
    options: "continue",
    note: {
      consulting: "Continuing payments, not a lump sum: the figure is their total.",
      chairman:
        "4(h) ends only the Consulting Period; the Chairman Fee continues and no chairman payment is due.",
    },
  },
};

/** The keyword table of the type parameter: each type and its synonyms. */
export const TERMINATION_TYPES: Record<TerminationType, readonly string[]> = Object.fromEntries(
  Object.entries(SEP4).map(([type, rule]) => [type, rule.synonyms])
) as Record<TerminationType, readonly string[]>;

export const DISCOUNT_METHODS: Record<DiscountMethod, readonly string[]> = {
  simple: ["literal", "straight"],
  pv: ["present_value", "compound"],
};

/** The first termination date a notice-based type allows: three months after its notice window opens. */
export function windowStart(rule: TerminationRule, part: Part): { from: Serial; reason: string } {
  const window = rule.window;
  if (window.from === "agreement") {
    const agreement = termNumber("sep.agreement_date");
    return { from: agreement, reason: `the agreement is dated ${serialToIso(agreement)}` };
  }
  if (window.from === "periods") {
    const start = termNumber("sep.separation_date");
    return {
      from: start,
      reason: `the Consulting Period begins on the Separation Date, ${serialToIso(start)}`,
    };
  }
  const opens = termNumber(window.noticeFrom[part]);
  return {
    from: edate(opens, termNumber("sep.notice_months")),
    reason: `notice of ${termNumber("sep.notice_months")} months may be given from ${serialToIso(opens)}`,
  };
}
