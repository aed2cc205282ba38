// svelte-check reads the Svelte options here; the defaults suit this type test.
export default {};
