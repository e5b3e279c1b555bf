/**
 * The instrument registry: every scored instrument and derived measure. The fact catalog,
 * `deriveFacts` and the validator's consistency checks read this list; adding an instrument is
 * adding a file and a line here.
 */
import { activity } from "./activity.js";
import { axialSpa } from "./axial-spa.js";
import { bmi } from "./bmi.js";
import { chronicity } from "./chronicity.js";
import { flynnCpr } from "./flynn-cpr.js";
import { gad7 } from "./gad7.js";
import { odi } from "./odi.js";
import { phq9 } from "./phq9.js";
import { progress } from "./progress.js";
import { redFlags } from "./red-flags.js";
import { startBack } from "./start-back.js";
import type { Instrument } from "./types.js";

export type { Instrument } from "./types.js";

export const instruments: readonly Instrument[] = [
  chronicity,
  startBack,
  odi,
  phq9,
  gad7,
  redFlags,
  axialSpa,
  flynnCpr,
  bmi,
  activity,
  progress,
];
