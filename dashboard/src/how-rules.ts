// The text of the "How is this decided?" page: each rule and metric in plain words, with its
// sources. A section's id is the `rule` a reason names (GET /api/today), so a reason links to it.
import type { RuleId } from './api.ts';

export interface RuleSection {
  id: RuleId;
  title: string;
  /** Plain paragraphs. */
  body: string[];
  /** The arithmetic, for readers who want it (never on the decision card). */
  numbers?: string;
  sources: string[];
}

export const DECISION_ORDER: string[] = [
  'A warning sign that needs a clinician (a red flag), or a hold after surgery: no running until someone clears it.',
  'Red pain, or a morning that is not back to your baseline: rest or cross-train, and the stage drops.',
  'You ran yesterday and your stage wants a day off between runs: no run today.',
  'A big jump in distance in the last 3 days, amber pain after your last run, or a score of 3–5 on waking or at rest: no normal run today.',
  'Otherwise: your stage’s session.',
];

export const RULE_SECTIONS: RuleSection[] = [
  {
    id: 'red-flags',
    title: 'Warning signs that stop running',
    body: [
      'A few symptoms can mean more than an irritated hip: pain at night, pain when walking or putting weight on the leg, a limp, pain when hopping, deep groin pain that grows while you run (it can come from a stress fracture of the thigh bone’s neck), and the hip catching, locking or giving way.',
      'Tick any of them in a check-in and Hipcheck stops suggesting runs: have the hip examined by a sports physician or physiotherapist.',
      'Clicking, pain on the outside of the hip, stiffness that gets worse after exercise, and losing range when you lift the knee or turn the leg in are not red flags. They hold you on your stage and show up as cautions.',
    ],
    sources: ['Hipcheck’s rules: science.md §5, rule 1'],
  },
  {
    id: 'clearance',
    title: 'How a hold ends: a clinician’s clearance',
    body: [
      'A red flag never wears off by itself. Every day says “see a clinician” and the week holds no runs until you or your coach record that a clinician has examined the hip and allowed running again.',
      'Record the date of that visit and, if the clinician named one, the stage to restart at. Without a stage you restart one below the stage you were on before the red flag.',
      'Ticked a warning sign by mistake? Edit that day’s check-in. A “no” on a later day does not undo an earlier “yes”.',
    ],
    sources: ['science.md §5, rule 1'],
  },
  {
    id: 'pain-zones',
    title: 'Pain during and after a run: green, amber, red',
    body: [
      '0–2 out of 10 is green: carry on.',
      '3–5 is amber: the following day has no run, and your next run stays on the same stage.',
      '6 or more is red: one stage down, and three days or more without running, cross-training meanwhile.',
      'The pain-monitoring model used for tendons lets athletes train with up to 5/10. For the hip Hipcheck is more careful: amber already means “do not progress”.',
    ],
    sources: ['Silbernagel et al., Am J Sports Med 2007;35:897', 'science.md §3 and §4'],
  },
  {
    id: 'morning-pain',
    title: 'Pain on waking and at rest',
    body: [
      'How the hip feels when you wake up is the best check of how yesterday went. A morning score counts as the next-morning score of your last run, and as today’s pain.',
      'A score of 3 to 5 on waking or at rest keeps you off running today: cross-training or strength work instead. At 6 or above the day is for rest, and running resumes only after a morning that feels like your usual ones again.',
      'A score always counts, whichever day you log it on and whether or not you ran the day before.',
    ],
    sources: ['science.md §3: which day a score belongs to; today’s pain decides today'],
  },
  {
    id: 'baseline',
    title: 'Your own baseline',
    body: [
      '“Back to baseline” compares a morning with your usual mornings, never with an assumed zero.',
      'Your baseline is the middle value (median) of your first three morning scores; later, of your recent mornings after a day without running. Until three mornings are logged there is no baseline, and a morning of 0–2 counts as back to baseline.',
    ],
    sources: ['science.md §3'],
  },
  {
    id: 'pain-trend',
    title: 'A rising pain trend',
    body: [
      'A week that hurts more than the one before holds you on your stage, even if no single score left the green zone.',
      'Mornings are compared with mornings and runs with runs, using only days scored in both weeks; a day without a score counts as unknown, never as 0. Scores wobble by a point from day to day; on a 0–10 scale most people only notice a change of about two points.',
    ],
    sources: ['Farrar et al., Pain 2001;94:149', 'science.md §3'],
  },
  {
    id: 'spacing',
    title: 'Days without running between runs',
    body: [
      'Bone, cartilage and tendon adapt between runs, not during them.',
      'Up to stage 6, two runs are always separated by a day of rest, cross-training or strength work. From stage 7 two running days may follow each other, but never three, and a session with intensity never comes straight after another run.',
    ],
    sources: ['science.md §4'],
  },
  {
    id: 'spike',
    title: 'A run much longer than your recent ones',
    body: [
      'The clearest warning in the research on runners is one run that is much longer than anything in the past month. Each run is compared with your longest single run of the previous 30 days.',
      'Up to 10 % longer is fine; 10–30 % longer is a caution; 30–100 % is high; more than double is very high. After a high or very high spike, the next 72 hours are shortened or cross-trained.',
      'When the past 30 days hold no run to compare with, the stage’s own session becomes the yardstick.',
    ],
    numbers:
      'spike = this run’s distance ÷ longest single run of the previous 30 days − 1. In 5,205 runners (588,071 sessions), the three bands carried hazard ratios of 1.64, 1.52 and 2.28 against runs up to 10 % longer.',
    sources: ['Frandsen et al., Br J Sports Med 2025;59:1203, doi:10.1136/bjsports-2024-109380'],
  },
  {
    id: 'weekly-change',
    title: 'This week against last week',
    body: [
      'Your running distance of the last 7 days against the 7 days before. More than 30 % more is a caution.',
      'The evidence is modest, and the popular “10 % rule” did not prevent injuries in a randomised trial, so Hipcheck never presents it as a law.',
    ],
    numbers:
      'weekly change = distance of the last 7 days ÷ distance of the 7 days before − 1. Novice runners who increased by more than 30 % had a hazard ratio of 1.59 (95 % CI 0.96–2.66) for distance-related injuries.',
    sources: [
      'Nielsen et al., J Orthop Sports Phys Ther 2014;44:739',
      'Buist et al., Am J Sports Med 2008;36:33',
    ],
  },
  {
    id: 'acwr',
    title: 'Acute:chronic workload ratio (ACWR)',
    body: [
      'The load of the last week against the average weekly load of the last four. Hipcheck shows it as a trend, with the method named, once 28 days of history exist.',
      'The bands often quoted (0.8–1.3 as a “sweet spot”, 1.5 and above as “danger”) come from team sports and have been criticised; in runners a large study did not find them. The ratio is never the only reason for a warning.',
    ],
    numbers:
      'Rolling: last 7 days ÷ mean weekly load of days t−27…t (coupled) or t−27…t−7 (uncoupled). Exponentially weighted: EWMA with λ = 2/(N+1), N = 7 and 28.',
    sources: [
      'Gabbett, Br J Sports Med 2016;50:273',
      'Williams et al., Br J Sports Med 2017;51:209',
      'Lolli et al., Br J Sports Med 2019;53:921',
      'Impellizzeri et al., Sports Med 2020, doi:10.1007/s40279-020-01378-6',
    ],
  },
  {
    id: 'stage-beyond',
    title: 'A run beyond your stage',
    body: [
      'A run more than 10 % longer than your stage’s session, or any run while your stage is walking only, is flagged as a spike against the stage, with the same bands as above. It never counts silently as progress.',
    ],
    sources: ['science.md §4'],
  },
  {
    id: 'progression',
    title: 'The stages, and moving up',
    body: [
      'The way back is a ladder: brisk walking (stage 0), walk-run intervals (stages 1–4), continuous easy running (5–6), more volume (7), then intensity (8).',
      'You move up after completing your stage’s session at least twice with green pain during and after and a morning back at baseline. Amber repeats the stage; red, or a morning not back at baseline, drops one stage.',
      'Only one thing changes at a time: time first, then distance, then pace, then hills. Before stage 1 Hipcheck asks whether a 15-minute walk, ten single-leg squats and ten lateral step-downs are all pain-free; it asks, it does not test.',
    ],
    sources: [
      'Six-phase walk/run programme, Trials 2023, doi:10.1186/s13063-023-07502-x',
      'Kraeutler et al., J Hip Preserv Surg 2017;4:121',
      'Int J Sports Phys Ther 2022;17(6):1002, doi:10.26603/001c.38043',
    ],
  },
  {
    id: 'break',
    title: 'Coming back after a break',
    body: [
      'A gap of less than a week changes nothing. One to two weeks off costs one stage; two to four weeks, two stages. After four weeks or more you start again at the first walk-run stage and move on once two sessions there have gone well.',
    ],
    sources: ['Daniels, Daniels’ Running Formula (returning after time off)', 'science.md §4'],
  },
  {
    id: 'surgery',
    title: 'After hip surgery',
    body: [
      'After hip arthroscopy, running waits until your surgeon or physiotherapist has given the go-ahead and you pass the stage-1 checks. Unless a clinician says otherwise, jogging starts around ten weeks after the operation; the weeks before are for walking, an upright bike with a high saddle and your rehab exercises.',
      'Record the surgery date in Settings so the plan knows.',
    ],
    sources: [
      'Kraeutler et al., J Hip Preserv Surg 2017;4:121 (criteria-based)',
      'Post-arthroscopy trial protocol, Trials 2016, doi:10.1186/s13063-016-1222-7',
    ],
  },
  {
    id: 'week-shape',
    title: 'The shape of the week',
    body: [
      'Every week of the plan combines short, flat runs with cardio that spares the hip (an upright bike with a high saddle, swimming without the breaststroke kick, pool running), two or more strength sessions, a pilates- or yoga-style mobility day and a day of complete rest.',
      'Strong hips are what keeps the problem away in the long run: lifts that need little hip bending, exercises in every direction, and hip drills before runs.',
    ],
    sources: ['science.md §5'],
  },
  {
    id: 'monotony',
    title: 'Monotony and strain',
    body: [
      'A week where every day carries the same load is harder to absorb than one with easy and hard days. Monotony above 2 is a common rule of thumb, not a proven limit.',
    ],
    numbers:
      'monotony = mean ÷ standard deviation of the last 7 daily loads (rest days count as 0); strain = the week’s load × monotony.',
    sources: ['Foster, Med Sci Sports Exerc 1998;30:1164'],
  },
  {
    id: 'fitness',
    title: 'Fitness, fatigue and form',
    body: [
      'Fitness is a slow average of your daily load (about six weeks), fatigue a fast one (about a week), and form is yesterday’s fitness minus fatigue. They describe your training; they never decide today’s advice.',
      'Load is session effort: your effort from 0 to 10 times the minutes, or heart-rate and pace-based load where those exist.',
    ],
    numbers:
      'CTL(t) = CTL(t−1) + (load(t) − CTL(t−1)) / 42; ATL(t): the same with 7 in place of 42; form(t) = CTL(t−1) − ATL(t−1).',
    sources: [
      'Foster, Med Sci Sports Exerc 1998;30:1164 (session RPE)',
      'Banister’s impulse-response model, as used by TrainingPeaks-style tools',
    ],
  },
];

export const RULE_TITLE = Object.fromEntries(RULE_SECTIONS.map((s) => [s.id, s.title])) as Record<
  RuleId,
  string
>;
