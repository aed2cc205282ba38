// The mocha globals the browser tests use (the test runner provides mocha; @types/mocha is not installed).
declare function describe(title: string, fn: (this: unknown) => void): void;
declare function it(title: string, fn?: (this: { timeout(ms: number): void }) => void | Promise<unknown>): void;
declare function before(fn: (this: { timeout(ms: number): void }) => void | Promise<unknown>): void;
declare function after(fn: () => void | Promise<unknown>): void;
declare function beforeEach(fn: () => void | Promise<unknown>): void;
declare function afterEach(fn: () => void | Promise<unknown>): void;
declare namespace describe {
  function skip(title: string, fn: () => void): void;
  function only(title: string, fn: () => void): void;
}
declare namespace it {
  function skip(title: string, fn?: () => void | Promise<unknown>): void;
  function only(title: string, fn?: () => void | Promise<unknown>): void;
}
