// The rehab programme (science.md §7): the exercise library, the sessions per stage, and the
// progression of each exercise from the logged sessions.
export * from './exercise.ts';
export * from './exercise-library.ts';
export * from './exercise-dose.ts';
export * from './progress-exercise.ts';
export * from './replay-progression.ts';
export * from './heavy-hip-flexion.ts';
export * from './session-templates.ts';
export * from './recommend-programme.ts';
export * from './compute-adherence.ts';
export * from './next-strength-session.ts';
export * from './week-session-keys.ts';
