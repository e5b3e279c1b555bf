/**
 * The synthetic cohort's population, in one table: adults with low back pain in primary care.
 * Every figure says where it comes from. Band edges that are clinical cut-offs come from
 * `shared/clinical/reference.md` (§ given); the weights and rates are **plausible, unsourced**:
 * the cohort exists to show what a rule edit changes across realistic variety, not to estimate
 * prevalence. Change a figure here and every generated assessment follows.
 *
 * Two latent traits, drawn once per patient as quantiles in [0, 1), tie measures together:
 * `distress` (psychosocial: STarT Back items 5–9, PHQ-9, GAD-7, FABQ, TSK, short sleep) and
 * `severity` (physical: pain intensity, STarT Back items 1–4, ODI). A measure with `follows: f`
 * takes its quantile from its trait with probability f, else from a fresh draw, so its own
 * distribution stays exactly the one written here while measures of one trait correlate.
 */

/** `[min, max, weight]`: a value in `[min, max]` (integers, times `step`) with relative weight `weight`. */
export type Band = readonly [min: number, max: number, weight: number];

/** `[value, weight]`: one answer and its relative weight. */
export type Choice<T> = readonly [value: T, weight: number];

/** A number drawn from bands. */
export interface Measure {
  readonly bands: readonly Band[];
  /** Probability the answer is not recorded. */
  readonly missing: number;
  /** Probability the measure follows its latent trait (see above); 0 for none. */
  readonly follows: number;
  /** The unit of the bands' integers (0.1: one decimal place); 1 when absent. */
  readonly step?: number;
}

/** A yes/no answer: true with probability `chance`, unrecorded with probability `missing`. */
export interface YesNo {
  readonly chance: number;
  readonly missing: number;
}

/** One of several answers. */
export interface OneOf<T extends string> {
  readonly choices: readonly Choice<T>[];
  readonly missing: number;
}

/**
 * One of several answers weighted by age group: each group's `choices` apply from its `fromAge`
 * until the next group's (the first group also below its own).
 */
export interface OneOfByAge<T extends string> {
  readonly groups: readonly (readonly [fromAge: number, choices: readonly Choice<T>[]])[];
  readonly missing: number;
}

/** A yes/no answer more often true from an age on: `older` from `fromAge`, else `younger`. */
export interface YesNoByAge {
  readonly fromAge: number;
  readonly younger: number;
  readonly older: number;
  readonly missing: number;
}

const RED_FLAG_RATE = {
  // Cauda equina and cord compression signs are the rarest (plausible, unsourced).
  saddleAnaesthesia: 0.003,
  bladderOrBowelDysfunction: 0.003,
  bilateralLegSymptoms: 0.008,
  progressiveNeurologicalDeficit: 0.003,
  historyOfCancer: 0.03,
  unexplainedWeightLoss: 0.015,
  constantNightPain: 0.02,
  fever: 0.008,
  ivDrugUse: 0.005,
  immunosuppression: 0.015,
  recentTrauma: 0.03,
  contusionOrAbrasion: 0.008,
  osteoporosis: 0.025,
  prolongedCorticosteroidUse: 0.015,
} as const;

/** The population. Laid out by hand, one measure a line, to read as a table. */
// prettier-ignore
export const population = {
  /**
   * How thoroughly an assessment is recorded, `[scale, weight]`: the scale multiplies every
   * `missing` rate below (a structured intake leaves little out, a rushed visit much more).
   * Plausible, unsourced.
   */
  recording: [[0.2, 55], [1, 35], [2.5, 10]],
  patient: {
    /** Adults, most 30–60 (plausible, unsourced). */
    age: { bands: [[18, 29, 14], [30, 44, 30], [45, 60, 32], [61, 74, 16], [75, 90, 8]], missing: 0, follows: 0 },
    sex: { choices: [["female", 55], ["male", 43], ["other", 1], ["unknown", 1]], missing: 0.02 },
    pregnancy: {
      /** Only women of these ages are ever pregnant here (plausible). */
      childbearingAges: [18, 45],
      /** How often the question is recorded: for women of childbearing age, for anyone else but men. */
      asked: { childbearing: 0.85, otherwise: 0.5 },
      /** Pregnant, of the women of childbearing age asked (plausible, unsourced). */
      pregnant: 0.04,
      gestationWeeks: { bands: [[6, 40, 1]], missing: 0.1, follows: 0 },
    },
  },
  pain: {
    /**
     * Weeks, to a tenth: acute < 6, subacute 6–< 12, chronic ≥ 12 (cut-offs: reference.md §1,
     * chronicity); about 45% acute, 20% subacute, 35% chronic (plausible, unsourced).
     */
    durationWeeks: {
      bands: [[3, 59, 45], [60, 119, 20], [120, 259, 14], [260, 519, 9], [520, 5200, 12]],
      missing: 0, follows: 0, step: 0.1,
    },
    /** NPRS 0–10, centred on 5–6 (plausible, unsourced); follows severity. */
    intensity: { bands: [[0, 2, 7], [3, 4, 20], [5, 6, 35], [7, 8, 28], [9, 10, 10]], missing: 0.05, follows: 0.8 },
    legPain: { choices: [["none", 55], ["above-knee", 25], ["below-knee", 20]], missing: 0.05 },
    /** Sudden (a moment the patient can name) about 40% (plausible, unsourced). */
    onset: { choices: [["sudden", 40], ["gradual", 60]], missing: 0.15 },
    /** Over the last two weeks (plausible, unsourced). */
    course: { choices: [["improving", 40], ["stable", 40], ["worsening", 20]], missing: 0.15 },
  },
  history: {
    missing: 0.05,
    previousEpisodes: { bands: [[0, 0, 35], [1, 2, 35], [3, 5, 20], [6, 20, 10]], missing: 0.1, follows: 0 },
    /** Each course failed, by chronicity (plausible, unsourced). */
    failedTreatments: {
      missing: 0.15,
      chronic: { exercise: 0.2, "manual-therapy": 0.15, psychological: 0.05, medication: 0.3, injection: 0.05 },
      notChronic: { exercise: 0.06, "manual-therapy": 0.05, psychological: 0.01, medication: 0.12, injection: 0.01 },
    },
    /** Any previous lumbar spine surgery, about 5% (plausible, unsourced). */
    lumbarSurgery: { chance: 0.05, missing: 0.1 },
    /**
     * Weeks since the most recent one, when there was one: a few recent, most months or years ago
     * (plausible, unsourced); never before age 16.
     */
    lumbarSurgeryWeeksAgo: { bands: [[1, 12, 15], [13, 52, 25], [53, 260, 35], [261, 1040, 25]], missing: 0.15, follows: 0 },
  },
  /** Each red flag 0.3–3% (plausible, unsourced). */
  redFlags: {
    missing: 0.05, answerMissing: 0.02, rate: RED_FLAG_RATE,
    /**
     * Major (high-energy) trauma: about 15% of recent trauma (plausible, unsourced). Without recent
     * trauma it is "no" by definition: half the screens record it anyway, the rest leave it out.
     */
    majorTrauma: { ofRecentTrauma: 0.15, recordedWithoutTrauma: 0.5 },
  },
  /**
   * Axial SpA features (NICE NG65, reference.md §1): asked mostly where they matter, in
   * persistent pain before 45 (plausible, unsourced).
   */
  inflammatory: {
    asked: { persistentUnder45: 0.85, otherwise: 0.3 },
    answerMissing: 0.05,
    /** Years the back pain began before the current episode (recurrent pain), 0 for most. */
    earlierOnsetYears: { bands: [[0, 5, 50], [6, 20, 35], [21, 40, 15]], missing: 0, follows: 0 },
    rate: {
      wakesSecondHalfOfNight: 0.12, alternatingButtockPain: 0.06, improvesWithMovement: 0.35,
      improvesWithNsaidsWithin48h: 0.15, firstDegreeRelativeWithSpa: 0.03,
      psoriasis: 0.03, enthesitis: 0.03, arthritis: 0.05,
    },
  },
  questionnaires: {
    missing: 0.03,
    /**
     * Keele STarT Back: the psychosocial subscore (items 5–9) follows distress, the physical
     * items (1–4) severity (scoring: reference.md §1); about 25% high risk (plausible, unsourced).
     */
    startBack: {
      missing: 0.08,
      psychosocial: { bands: [[0, 0, 22], [1, 1, 20], [2, 2, 18], [3, 3, 15], [4, 4, 13], [5, 5, 12]], missing: 0, follows: 0.8 },
      physical: { bands: [[0, 0, 20], [1, 1, 30], [2, 2, 25], [3, 3, 15], [4, 4, 10]], missing: 0, follows: 0.7 },
      /** Bothersomeness (item 9) when it scores (3–4) and when it does not (0–2). */
      bothersome: [[3, 65], [4, 35]],
      notBothersome: [[0, 20], [1, 40], [2, 40]],
      forms: [["items", 85], ["total-and-psychosocial", 10], ["total", 5]],
    },
    /** PHQ-9 total, most minimal or mild (band edges: Kroenke 2001, reference.md §1; weights plausible, unsourced). */
    phq9: {
      missing: 0.08,
      total: { bands: [[0, 4, 58], [5, 9, 27], [10, 14, 9], [15, 19, 4], [20, 27, 2]], missing: 0, follows: 0.7 },
      /** Item 9 (self-harm) above 0, `[min, max, rate]` by total (plausible, unsourced: about 2% overall). */
      item9Positive: [[0, 4, 0.002], [5, 9, 0.02], [10, 14, 0.08], [15, 19, 0.15], [20, 27, 0.3]],
      item9Value: [[1, 70], [2, 20], [3, 10]],
      forms: [["items", 75], ["total-and-item9", 20], ["total", 5]],
    },
    /** GAD-7 total (band edges: Spitzer 2006, reference.md §1; weights plausible, unsourced). */
    gad7: {
      missing: 0.1,
      total: { bands: [[0, 4, 62], [5, 9, 23], [10, 14, 10], [15, 21, 5]], missing: 0, follows: 0.7 },
      forms: [["items", 75], ["total", 25]],
    },
    /** ODI %, follows severity (bands: Ostelo 2008, reference.md §1; weights plausible, unsourced). */
    odi: {
      missing: 0.12,
      percent: { bands: [[0, 20, 40], [21, 40, 35], [41, 60, 18], [61, 80, 6], [81, 100, 1]], missing: 0, follows: 0.7 },
      /** One section left unanswered (never more: ODI needs 8 of 10). */
      unanswered: 0.1,
      forms: [["items", 80], ["percent", 15], ["items-and-percent", 5]],
    },
    /** FABQ, follows distress; PA > 14 and W < 19 are cut-offs (reference.md §1); weights plausible, unsourced. */
    fabq: {
      missing: 0.2,
      physicalActivity: { bands: [[0, 9, 35], [10, 14, 35], [15, 19, 22], [20, 24, 8]], missing: 0.05, follows: 0.5 },
      /** Not asked of people out of work more often (plausible, unsourced). */
      work: { bands: [[0, 18, 60], [19, 29, 25], [30, 42, 15]], missing: 0.2, follows: 0.5 },
    },
    /** TSK-17, follows distress; > 37 is the cut-off (reference.md §1); weights plausible, unsourced. */
    tsk: { bands: [[17, 30, 25], [31, 37, 40], [38, 44, 25], [45, 68, 10]], missing: 0.3, follows: 0.5 },
  },
  examination: {
    missing: 0.05,
    /** Luomajoki positive tests of 6; ≥ 2 is impairment (reference.md §1); weights plausible, unsourced. */
    movementControlPositive: {
      bands: [[0, 0, 25], [1, 1, 25], [2, 2, 20], [3, 3, 15], [4, 4, 8], [5, 5, 5], [6, 6, 2]],
      missing: 0.15, follows: 0,
    },
    directionalPreference: { choices: [["none", 55], ["extension", 30], ["flexion", 8], ["lateral-shift", 7]], missing: 0.15 },
    neurologicalDeficit: { chance: 0.05, missing: 0.05 },
    hipInternalRotationOver35: { chance: 0.4, missing: 0.15 },
    lumbarHypomobility: { chance: 0.5, missing: 0.15 },
    /** Spinal stenosis pattern, commoner with age: about 10% overall (plausible, unsourced). */
    neurogenicClaudication: { fromAge: 60, younger: 0.06, older: 0.22, missing: 0.1 },
  },
  medications: {
    /** Medicines not reviewed at this visit. */
    missing: 0.2,
    /** Warfarin, a DOAC or heparin: about 3% overall, mostly from 65 (plausible, unsourced). */
    anticoagulant: { fromAge: 65, younger: 0.015, older: 0.09, missing: 0.05 },
    /**
     * The kinds of medicine taken now, for the back pain or otherwise, each at its rate by
     * chronicity; an empty list is an answer (none). Estimates, unsourced, for a UK-like primary
     * care and physiotherapy caseload: NSAIDs and paracetamol about a third each, weak opioids
     * about 11% (18% in chronic pain), strong opioids about 3% (mostly chronic), gabapentinoids
     * about 6%, antidepressants about 12%, muscle relaxants and benzodiazepines a few %, oral
     * corticosteroids about 1–2%.
     */
    current: {
      missing: 0.1,
      notChronic: {
        nsaid: 0.38, paracetamol: 0.32, "weak-opioid": 0.08, "strong-opioid": 0.01, gabapentinoid: 0.04,
        antidepressant: 0.09, "muscle-relaxant": 0.04, benzodiazepine: 0.02, "oral-corticosteroid": 0.01,
      },
      chronic: {
        nsaid: 0.32, paracetamol: 0.3, "weak-opioid": 0.18, "strong-opioid": 0.06, gabapentinoid: 0.1,
        antidepressant: 0.18, "muscle-relaxant": 0.03, benzodiazepine: 0.04, "oral-corticosteroid": 0.015,
      },
      /** Gabapentinoids go with leg pain: the rate above times this, by leg pain (estimate). */
      gabapentinoidByLegPain: { none: 0.5, "above-knee": 1, "below-knee": 2, unrecorded: 1 },
      /**
       * NSAIDs are avoided, not always, with an anticoagulant, a GI bleed or ulcer, CKD,
       * cardiovascular disease or NSAID-sensitive asthma: the rate times this (estimate).
       */
      nsaidWithCaution: 0.4,
      /** Prolonged corticosteroid use (a red flag) mostly means an oral corticosteroid now (estimate). */
      oralCorticosteroidWithProlongedUse: 0.7,
    },
  },
  /**
   * Conditions that make NSAIDs unsafe or cautioned. Estimates, unsourced: CKD (eGFR < 60) and
   * cardiovascular disease rise steeply from 65; a GI bleed or ulcer history about 4%, more with
   * age; NSAID-sensitive asthma about 1.5%.
   */
  comorbidities: {
    /** Not asked at this visit. */
    missing: 0.2,
    gastrointestinalBleedOrUlcer: { fromAge: 65, younger: 0.03, older: 0.07, missing: 0.05 },
    chronicKidneyDisease: { fromAge: 65, younger: 0.02, older: 0.2, missing: 0.08 },
    cardiovascularDisease: { fromAge: 65, younger: 0.03, older: 0.22, missing: 0.05 },
    asthmaNsaidSensitive: { chance: 0.015, missing: 0.08 },
  },
  work: {
    /** Not asked at this visit. */
    missing: 0.15,
    /**
     * By age group (estimates, unsourced): students mostly under 25, retired mostly from 65, off
     * work because of the back pain about 11% of those of working age.
     */
    status: {
      missing: 0.08,
      groups: [
        [18, [["working", 50], ["modified-duties", 4], ["off-work", 6], ["not-employed", 10], ["student", 30]]],
        [25, [["working", 64], ["modified-duties", 8], ["off-work", 11], ["not-employed", 12], ["retired", 4], ["student", 1]]],
        [65, [["working", 14], ["modified-duties", 2], ["off-work", 2], ["not-employed", 4], ["retired", 78]]],
      ],
    },
    /** Weeks off work in this episode, never more than the episode's weeks (estimates, unsourced). */
    weeksOffWork: { bands: [[0, 2, 40], [3, 6, 27], [7, 12, 15], [13, 26, 10], [27, 104, 8]], missing: 0.1, follows: 0 },
    /**
     * Heavy lifting, sustained bending or whole-body vibration, asked of those with a job: about
     * 30%, more among those off work or on modified duties (estimates, unsourced).
     */
    physicallyDemanding: { rate: { working: 0.26, "modified-duties": 0.45, "off-work": 0.45 }, missing: 0.1 },
  },
  /**
   * Whether imaging matched the leg symptoms: recorded mostly in below-knee leg pain of 6 weeks or
   * more (where a decompression opinion comes up), whatever the intake's thoroughness (a form
   * does not ask it of everyone), and true for about half of those. Without leg pain there is
   * nothing to match: false. Estimates, unsourced.
   */
  investigations: {
    longerFromWeeks: 6,
    recorded: { longBelowKnee: 0.5, belowKnee: 0.1, otherwise: 0.03 },
    concordant: { "below-knee": 0.5, "above-knee": 0.15, none: 0, unrecorded: 0.15 },
  },
  lifestyle: {
    missing: 0.05,
    /** BMI to a tenth: WHO classes (reference.md §2.14 for ≥ 30); mix plausible, unsourced (~25% obese). */
    bmi: { bands: [[160, 184, 3], [185, 249, 35], [250, 299, 37], [300, 450, 25]], missing: 0.08, follows: 0, step: 0.1 },
    /** How the BMI is recorded: as a number, as height and weight, or both. */
    bmiForms: [["bmi", 60], ["height-and-weight", 30], ["both", 10]],
    /** Height in cm, women and everyone else (plausible, unsourced). */
    heightCm: {
      female: { bands: [[150, 175, 1]], missing: 0, follows: 0 },
      other: { bands: [[155, 190, 1]], missing: 0, follows: 0 },
    },
    /** Minutes a week; WHO's 150 (reference.md §2.14) is a band edge; about 55% below it (plausible, unsourced). */
    activityMinutesPerWeek: { bands: [[0, 59, 25], [60, 149, 30], [150, 299, 30], [300, 600, 15]], missing: 0.1, follows: 0 },
    sittingHoursPerDay: { bands: [[20, 120, 1]], missing: 0.2, follows: 0, step: 0.1 },
    smoker: { chance: 0.15, missing: 0.05 },
    /** Hours, to a tenth; 7 is the cut-off (reference.md §2.14); short sleep follows distress. */
    sleepHoursPerNight: { bands: [[40, 59, 10], [60, 69, 20], [70, 79, 40], [80, 100, 30]], missing: 0.1, follows: 0.4, step: 0.1 },
  },
  preferences: {
    missing: 0.1,
    /** Each activity enjoyed (plausible, unsourced); a free-text answer now and then. */
    activities: {
      missing: 0.1,
      rate: {
        walking: 0.5, swimming: 0.2, cycling: 0.15, yoga: 0.1, "tai-chi": 0.03, pilates: 0.08,
        gym: 0.15, dancing: 0.05, gardening: 0.2, running: 0.08, "bowls club": 0.01,
      },
    },
    setting: { choices: [["home", 35], ["clinic", 35], ["group", 15], ["remote", 15]], missing: 0.15 },
    requestedTreatments: {
      missing: 0.1,
      rate: { acupuncture: 0.08, massage: 0.12, "spinal-manipulation": 0.08, "yoga-or-tai-chi": 0.04, "group-exercise": 0.03 },
      /** Added in the second edition, drawn after the rest: imaging asked for most (estimates, unsourced). */
      added: {
        opioids: 0.03, imaging: 0.14, tens: 0.02, "lumbar-support": 0.02, traction: 0.01, "ultrasound-therapy": 0.01,
        "superficial-heat": 0.03,
      },
    },
    declinedTreatments: {
      missing: 0.15,
      rate: { acupuncture: 0.05, massage: 0.02, "spinal-manipulation": 0.06, "yoga-or-tai-chi": 0.03, "group-exercise": 0.05 },
      /** Added in the second edition, drawn after the rest: opioids declined most (estimates, unsourced). */
      added: {
        opioids: 0.06, imaging: 0.01, tens: 0.01, "lumbar-support": 0.01, traction: 0.01, "ultrasound-therapy": 0.005,
        "superficial-heat": 0.005, cbt: 0.04, "psychologically-informed-pt": 0.02, "physiotherapy-exercise": 0.02,
        "graded-activity": 0.02, "motor-control-training": 0.01, "directional-preference-exercise": 0.01,
        "mental-health-referral": 0.03, medication: 0.04,
      },
    },
  },
  /**
   * Follow-up visits of an episode (reference.md §6.10), drawn after every first-visit field: the
   * first-visit draws become the baseline (the pain, ODI and duration the patient had then) and
   * today's pain, ODI and duration follow a trajectory. Every figure here is an estimate,
   * unsourced, for a primary care and physiotherapy caseload.
   */
  followUp: {
    /** Share of assessments that are follow-up visits (estimate). */
    share: 0.3,
    /** Weeks since the first assessment: mostly 4–16 (estimate). */
    weeksSinceBaseline: { bands: [[2, 3, 8], [4, 8, 45], [9, 16, 37], [17, 52, 10]], missing: 0.04, follows: 0 },
    /**
     * How the episode went (estimate): responders reach the minimal important change (ODI ≥ 10
     * points or ≥ 30 % with 5; NPRS ≥ 2 points or ≥ 30 % with 1; Ostelo 2008, reference.md
     * §6.10), non-responders change less than it, and some are worse by at least it.
     */
    trajectory: [["responder", 50], ["non-responder", 35], ["worse", 15]],
    /**
     * Today's scores by trajectory. Responders: ODI down by a share of the baseline (and at least 6
     * points where the baseline allows), NPRS down by points. Non-responders: ODI within ± 3 points,
     * NPRS within ± 1 (0 below 4, where 1 point is 30 %). Worse: the function, the pain or both
     * worsen by the points given (the other changes little, never for the better).
     */
    responder: { odiShare: [0.35, 0.8], odiMinPoints: 6, nprsPoints: [1, 5] },
    nonResponder: { odiPoints: 3, nprsPoints: 1, nprsFrom: 4 },
    worse: {
      which: [["function", 30], ["pain", 30], ["both", 40]],
      odiPoints: [12, 22], nprsPoints: [2, 3],
      /** The measure that does not worsen: ODI up by 0–3 points, NPRS by 0 (never better). */
      otherOdiPoints: [0, 3],
    },
    /** Scores at the first assessment that were not recorded today: drawn as at a first visit. */
    baseline: {
      missing: 0.08,
      /** Each baseline score left out (the ODI most often: not every clinic gives it at intake). */
      odiPercentMissing: 0.15, painIntensityMissing: 0.04, startBackTotalMissing: 0.15, phq9TotalMissing: 0.2,
      /** The psychosocial scores then, against today's, by trajectory: `[min, max]` points higher then. */
      startBackHigherThen: { responder: [0, 2], "non-responder": [-1, 1], worse: [-2, 0] },
      phq9HigherThen: { responder: [0, 4], "non-responder": [-2, 2], worse: [-4, 0] },
    },
    /** Adherence to the home programme, by trajectory: poor more common without a response (estimate). */
    adherence: {
      missing: 0.1,
      byTrajectory: {
        responder: [["good", 60], ["partial", 30], ["poor", 10]],
        "non-responder": [["good", 30], ["partial", 35], ["poor", 35]],
        worse: [["good", 35], ["partial", 35], ["poor", 30]],
      },
    },
    /**
     * Supervised sessions attended: with supervised care in the last plan, about weekly up to
     * `maxPlanned` (three quarters of the weeks, at most 10), of which a share by adherence was
     * attended; none without supervised care. Never more than one a week.
     */
    sessions: {
      missing: 0.15, perWeek: 0.75, maxPlanned: 10,
      attended: { good: [0.75, 1], partial: [0.4, 0.75], poor: [0, 0.4] },
      /** The components of the bundled pack delivered in supervised sessions. */
      supervised: [
        "physiotherapy-exercise", "directional-preference-exercise", "graded-activity", "yoga-or-tai-chi",
        "motor-control-training", "psychologically-informed-pt", "cbt", "spinal-manipulation",
      ],
    },
    /**
     * The last plan's components: ids of the bundled pack's rules/components.yaml (the cohort does
     * no I/O, so they are listed here), in its catalog order, each with its rate (estimate). The
     * stratified-care core (education, self-management, follow-up) is in every plan; the rest
     * follow the baseline: `[id, rate]`, or `[id, rate when, rate otherwise, when]` (STarT Back
     * total 4 or more is medium or high risk, 6 or more mostly high; chronic: 12 weeks or more at
     * baseline; off work and smoker: today's answers).
     */
    previousComponents: {
      missing: 0.1,
      rates: [
        ["mental-health-referral", 0.6, 0.01, "phq9-10-or-more"],
        ["education-reassurance", 1],
        ["self-management-activity", 1],
        ["return-to-work", 0.3, 0, "off-work"],
        ["physiotherapy-exercise", 0.8, 0.35, "start-back-4-or-more"],
        ["directional-preference-exercise", 0.12],
        ["graded-activity", 0.1],
        ["yoga-or-tai-chi", 0.08, 0.01, "chronic"],
        ["motor-control-training", 0.12],
        ["psychologically-informed-pt", 0.45, 0.05, "start-back-6-or-more"],
        ["cbt", 0.15, 0.02, "chronic"],
        ["pain-medication-review", 0.15],
        ["activity-increase", 0.25],
        ["smoking-cessation", 0.5, 0, "smoker"],
        ["sleep-hygiene", 0.08],
        ["spinal-manipulation", 0.05],
        ["follow-up-reassessment", 1],
      ],
    },
  },
} as const;
