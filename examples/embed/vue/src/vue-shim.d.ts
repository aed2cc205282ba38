// Lets plain `tsc` import .vue files (vue-tsc, if you use it, types them fully).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
