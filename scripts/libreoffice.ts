/**
 * LibreOffice headless as the tests and the bench run it: a private profile (never the user's) that
 * recalculates every formula when a file is opened, so it computes like a spreadsheet without the add-in.
 */
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";

/** Makes the profile under `dir` and returns the `-env:UserInstallation=…` argument that selects it. */
export function libreOfficeProfile(dir: string): string {
  const user = path.join(dir, "user");
  mkdirSync(user, { recursive: true });
  const always = (key: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${key}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${always("OOXMLRecalcMode")}${always("ODFRecalcMode")}</oor:items>`
  );
  return `-env:UserInstallation=file://${dir}`;
}
