// Faults injected by tests: the next `times` requests matching a path (and method) get an error
// status, hang until the client gives up, or answer late.
import type { FaultSpec } from './types.ts';

export interface Faults {
  inject(fault: FaultSpec): void;
  clear(): void;
  /** The fault for this request, counted as used; undefined when none matches. */
  take(method: string, path: string): FaultSpec | undefined;
}

export function createFaults(onInjected: () => void): Faults {
  let faults: (FaultSpec & { left: number })[] = [];
  return {
    inject(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    clear() {
      faults = [];
    },
    take(method, path) {
      const fault = faults.find(
        (f) =>
          f.left > 0 &&
          (f.method === undefined || f.method.toUpperCase() === method) &&
          (typeof f.path === 'string' ? f.path === path : f.path.test(path)),
      );
      if (fault === undefined) return undefined;
      fault.left--;
      faults = faults.filter((f) => f.left > 0);
      onInjected();
      return fault;
    },
  };
}
