/** Dates the separation agreement sets: notice periods, option expiry, election and transfer deadlines. */
import { holidaySet, businessDaysAfter } from "../businessDays";
import { formatPercent } from "../decimal";
import { MAX_SERIAL, edate, serialToIso } from "../dates";
import { Amount, dateArg, notAfter, notBefore, toDecimal } from "../inputs";
import { Outcome, Trace, calculate, invalid, noAnswer } from "../outcome";
import { termDecimal, termNumber } from "../terms";
import { DEFAULT_STREAM, Stream, feeEnd } from "./fees";
import { SEP4, TerminationType } from "./sep4";

/**
 * The last notice date whose EDATE still falls on or before `end`. EDATE clamps to month ends, so
 * stepping back from `end` can land short: EDATE(2007-03-31, 3) is 2007-06-30, not EDATE(2007-06-30, -3).
 */
function latestNoticeFor(end: number, months: number): number {
  let latest = edate(end, -months);
  while (edate(latest + 1, months) <= end) latest += 1;
  return latest;
}

export function terminationDate(
  noticeDate: number,
  type: TerminationType,
  stream: Stream = DEFAULT_STREAM
): Outcome<number> {
  return calculate(() => {
    const notice = dateArg(noticeDate, "SEP 4", "the notice date");
    const trace = new Trace();
    const rule = SEP4[type];
    if (rule.takesEffect.on === "notice date") {
      const clause = rule.clause.consulting;
      notBefore(notice, termNumber("sep.agreement_date"), clause, "The notice date");
      notAfter(notice, feeEnd(), clause, "The notice date");
      const effect = rule.takesEffect.rule;
      return trace
        .step(
          "Termination date",
          () => serialToIso(notice),
          clause,
          () => `${effect} The termination date is the notice date.`
        )
        .done(notice);
    }
    const parts = stream === "both" ? (["consulting", "chairman"] as const) : ([stream] as const);
    if (rule.window.from !== "notice")
      throw new Error(`SEP4.${type}: a notice-months type needs a notice window`);
    const noticeFrom = rule.window.noticeFrom;
    // `both` must satisfy both windows, so the later start governs.
    const governing = parts.reduce((a, b) =>
      termNumber(noticeFrom[a]) >= termNumber(noticeFrom[b]) ? a : b
    );
    const clause = rule.clause[governing];
    const windowStart = termNumber(noticeFrom[governing]);
    if (notice < windowStart) {
      invalid(
        clause,
        `notice given on ${serialToIso(notice)} precedes the window: notice may be given beginning on ${serialToIso(windowStart)}${stream === "both" ? " (both periods)" : ""}.`
      );
    }
    const months = termNumber("sep.notice_months");
    const effective = edate(notice, months);
    if (effective > feeEnd()) {
      invalid(
        clause,
        `notice on ${serialToIso(notice)} would take effect on ${serialToIso(effective)}, after the periods end on ${serialToIso(feeEnd())}; give notice by ${serialToIso(latestNoticeFor(feeEnd(), months))}.`
      );
    }
    return trace
      .step(
        "Notice window opens",
        () => serialToIso(windowStart),
        clause,
        `Notice may be given beginning on this date.`
      )
      .step(
        "Termination date",
        () => serialToIso(effective),
        clause,
        () =>
          `${months} months' prior written notice: notice date + ${months} calendar months (Excel EDATE).`
      )
      .done(effective);
  });
}

/** A last exercise date past 9999-12-31 cannot be shown as a date. */
function lastExerciseDate(serial: number): number {
  if (serial > MAX_SERIAL)
    invalid(
      "SEP 3(c)(iv)(A)",
      `the last exercise date would fall after ${serialToIso(MAX_SERIAL)}, Excel's last date; use an earlier termination or vest date.`
    );
  return serial;
}

export function optionExpiry(
  terminationDateInput: number,
  type: TerminationType,
  vestDateInput?: number
): Outcome<number> {
  return calculate(() => {
    const clause = "SEP 3(c)(iv)(A)";
    const termination = dateArg(terminationDateInput, clause, "the termination date");
    const vest =
      vestDateInput === undefined ? undefined : dateArg(vestDateInput, clause, "the vest date");
    const vested = vest === undefined || vest <= termination;
    const oneYear = edate(termination, termNumber("sep.option_exercise_months"));
    const trace = new Trace().step(
      "Tranche at termination",
      () => (vested ? "vested" : `unvested (vests ${serialToIso(vest!)})`),
      clause,
      "No vest date, or one on or before the termination date, means vested at termination."
    );
    const lastDate = (label: string, serial: number, rule: string) =>
      trace.step(label, () => serialToIso(serial), clause, rule).done(lastExerciseDate(serial));
    switch (SEP4[type].options) {
      case "accelerate":
        return lastDate(
          "Last exercise date",
          oneYear,
          "4(d)/4(e): all outstanding options vest at once and remain exercisable for one year from termination."
        );
      case "continue":
        if (vested)
          return lastDate(
            "Last exercise date",
            oneYear,
            "4(b)/4(f)/4(g)/4(h): vested options remain exercisable for one year from termination."
          );
        return lastDate(
          "Last exercise date",
          vest! + termNumber("sep.option_post_vest_days"),
          `Unvested options keep vesting and are exercisable for ${termNumber("sep.option_post_vest_days")} days from vesting.`
        );
      case "forfeit unvested": {
        if (!vested)
          noAnswer(
            clause,
            `after a termination under 4(a) or 4(c) all unvested options are forfeited; this tranche vests on ${serialToIso(vest!)}, after the termination date.`
          );
        const days = termNumber("sep.option_forfeit_exercise_days");
        return lastDate(
          "Last exercise date",
          termination + days,
          `4(a)/4(c): ${days} days to exercise options vested at termination.`
        );
      }
    }
  });
}

function deadline(
  startInput: number,
  holidays: readonly number[] | undefined,
  daysTerm: string,
  clause: string,
  startName: string,
  label: string
): Outcome<number> {
  return calculate(() => {
    const start = dateArg(startInput, clause, startName);
    const trace = new Trace();
    return trace.done(
      businessDaysAfter(
        start,
        termNumber(daysTerm),
        holidaySet(holidays, clause),
        clause,
        trace,
        label
      )
    );
  });
}

/** 21 business days from the Board's duress notification to choose 4(c)(i)(A) or (B). */
export function electionDeadline(
  notificationDate: number,
  holidays?: readonly number[]
): Outcome<number> {
  return deadline(
    notificationDate,
    holidays,
    "sep.election_business_days",
    "SEP 4(c)(i)",
    "the notification date",
    "Election deadline"
  );
}

/** Shares under 4(c)(i)(B) are transferred within 10 business days of the election. */
export function shareTransferDeadline(
  electionDate: number,
  holidays?: readonly number[]
): Outcome<number> {
  return deadline(
    electionDate,
    holidays,
    "sep.share_transfer_business_days",
    "SEP 4(c)(i)",
    "the election date",
    "Share transfer deadline"
  );
}

export function disabilityNoticeDate(firstDayDisabled: number): Outcome<number> {
  return calculate(() => {
    const clause = "SEP 4(h)";
    const first = dateArg(firstDayDisabled, clause, "the first day disabled");
    notBefore(first, termNumber("sep.separation_date"), clause, "The first day of disability");
    const days = termNumber("sep.disability_days");
    const notice = first + days;
    if (notice > feeEnd()) {
      noAnswer(
        clause,
        `${days} consecutive days from ${serialToIso(first)} end after the Consulting Period (${serialToIso(feeEnd())}); 4(h) gives no right to terminate for this disability.`
      );
    }
    return new Trace()
      .step(
        "First day notice is allowed",
        () => serialToIso(notice),
        clause,
        () => `After ${days} consecutive calendar days of disability (first day + ${days}).`
      )
      .done(notice);
  });
}

export function changeOfControl(votingPowerFraction: Amount): Outcome<boolean> {
  return calculate(() => {
    const clause = "SEP 7(b)";
    const fraction = toDecimal(votingPowerFraction, clause, "the voting power fraction");
    if (fraction.isNegative() || fraction.greaterThan(1)) {
      invalid(
        clause,
        `the voting power fraction ${fraction.toString()} must be between 0 and 1 (e.g. 0.51 or 51%).`
      );
    }
    const threshold = termDecimal("sep.change_of_control_threshold");
    const result = fraction.greaterThan(threshold);
    return new Trace()
      .step(
        "Voting power acquired",
        () => formatPercent(fraction),
        clause,
        () =>
          `Change of Control when a person or group becomes beneficial owner of more than ${formatPercent(threshold)} of the combined voting power.`
      )
      .step(
        "Change of Control",
        () => (result ? "yes" : "no"),
        clause,
        "Limbs (ii) sale of substantially all assets and (iii) a merger the Company does not survive are facts, not figures."
      )
      .done(result);
  });
}
