// Under mutation testing every surviving mutant reruns the property tests that cover it: fewer
// generated cases per property keep a run within an afternoon. The hand-worked cases still run in
// full; `npm test` keeps fast-check's default of 100 runs.
import fc from 'fast-check';

fc.configureGlobal({ numRuns: 25 });
