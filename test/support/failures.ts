/**
 * What a call that must fail threw, typed for assertions on its fields; the test fails if it did not throw,
 * or — when an error class is given — if it threw something else.
 */
export type Failure = Error & Record<string, unknown>;
type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

function checked<E extends Error>(error: unknown, expected: ErrorClass<E> | undefined): E {
  if (expected && !(error instanceof expected)) throw new Error(`expected a ${expected.name}, got: ${String(error)}`);
  return error as E;
}

export function thrown(run: () => unknown): Failure;
export function thrown<E extends Error>(run: () => unknown, expected: ErrorClass<E>): E;
export function thrown<E extends Error>(run: () => unknown, expected?: ErrorClass<E>): E | Failure {
  try {
    run();
  } catch (error) {
    return checked(error, expected);
  }
  throw new Error("expected the call to throw");
}

export async function rejected(call: Promise<unknown>): Promise<Failure>;
export async function rejected<E extends Error>(call: Promise<unknown>, expected: ErrorClass<E>): Promise<E>;
export async function rejected<E extends Error>(call: Promise<unknown>, expected?: ErrorClass<E>): Promise<E | Failure> {
  try {
    await call;
  } catch (error) {
    return checked(error, expected);
  }
  throw new Error("expected the call to fail");
}
