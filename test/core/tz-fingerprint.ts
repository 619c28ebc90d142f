/**
 * A few core results whose values are fixed by TERMS.md or worked out by hand (hand-worked.test.ts).
 * tz.test.ts compares them in this process and in child processes started under other time zones.
 */
import * as core from "../../src/core";

export function fingerprint(): unknown[] {
  const value = <T>(outcome: core.Outcome<T>) => (outcome.ok ? outcome.value : outcome.code);
  return [
    core.serialOf(2005, 3, 31),
    core.serialToIso(38442),
    value(core.terminationDate(38169, "board")), // notice 2004-07-01
    value(core.electionDeadline(38341)), // 2004-12-20
    value(core.noticeEffective(38344, "courier")), // 2004-12-23
    value(core.optionExpiry(38442, "board")), // 2005-03-31
    value(core.facilityTerminationDate()),
    value(core.feeSchedule("consulting"))[0],
    String(value(core.consultingLump(38442, "voluntary"))),
  ];
}

/** 2005-03-31, 2004-10-01, 2005-01-21, 2004-12-27, 2006-03-31, 2007-05-31, first pay row, a lump. */
export const EXPECTED = [
  38442,
  "2005-03-31",
  38261,
  38373,
  38348,
  38807,
  39233,
  [37816, 7803.28],
  "427896.63",
];
