import { css } from 'lit';
import { stateStyles } from '../states/states.ts';
import { controlStyles, themeStyles } from '../theme/theme.ts';

// Written compactly: Lit's css`` text ships as it is written (nothing minifies it), and the
// widget has a byte budget. The checkout (loaded later) adds `checkoutStyles`.
export const bookingStyles = [
  themeStyles,
  controlStyles,
  stateStyles,
  css`
:host{container-type:inline-size}
.booking,.times-panel,.resource,.resource-body{display:flex;flex-direction:column;gap:var(--_s3);min-width:0}
.booking{padding:var(--_s3)}
.top,.notice{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:var(--_s1) var(--_s3)}
.chosen .link{margin-inline-start:var(--_s2)}
cowork-booking-checkout{max-width:42em}
h4{margin:0;font-size:1em;font-weight:650}
.actions,.amenities{display:flex;flex-wrap:wrap;gap:var(--_s2);list-style:none;padding:0}
.filter,#duration{max-width:20em}
.quantity{max-width:12em}
.resources{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,17em),1fr));gap:var(--_s3)}
.resource{gap:var(--_s2)}
.resource-body{gap:var(--_s2);flex:1}
.resource img{display:block;width:calc(100% + 2*var(--_s3));max-width:none;margin:calc(-1*var(--_s3)) calc(-1*var(--_s3)) 0;height:auto;aspect-ratio:3/2;object-fit:cover;border-radius:var(--_radius) var(--_radius) 0 0}
.resource .button{align-self:flex-start}
.description{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}
.amenities{gap:var(--_s1)}
.amenities li{padding:0 var(--_s2);border:1px solid var(--_border);border-radius:1em;font-size:.875em}
.prices,.notice{font-weight:600}
.offer{display:inline-block;max-width:100%}
.when{display:grid;gap:var(--_s4)}
@container (min-width:40em){.when{grid-template-columns:minmax(17em,22em) 1fr;align-items:start}}
.calendar-nav{display:flex;align-items:center;justify-content:space-between;margin-bottom:var(--_s2)}
.month{font-weight:650}
.month,th{text-transform:capitalize}
.button.icon{padding:0;min-width:2.5em;min-height:2.5em;font-size:1.4em;line-height:1}
table{width:100%;border-collapse:collapse;table-layout:fixed}
th{font-size:.8em;font-weight:600;color:var(--_muted);padding-bottom:var(--_s1)}
.day{height:2.5em;padding:2px;cursor:pointer;font-variant-numeric:tabular-nums}
.day>[aria-hidden]{display:flex;align-items:center;justify-content:center;height:100%;border-radius:var(--_radius)}
.day:hover>[aria-hidden]{background:var(--_raised)}
.day:focus-visible{outline-offset:-2px;border-radius:var(--_radius)}
.today>[aria-hidden]{box-shadow:inset 0 0 0 1px var(--_border);font-weight:700}
.unavailable,.outside{cursor:default;color:var(--_muted)}
.unavailable>[aria-hidden]{background:none!important}
.closed>[aria-hidden],.full>[aria-hidden]{text-decoration:line-through}
.selected>[aria-hidden]{background:var(--_accent)!important;color:var(--_on-accent);font-weight:700}
.time-list{display:grid;grid-template-columns:repeat(auto-fill,minmax(6.5em,1fr));gap:var(--_s2)}
.time span{white-space:nowrap}
.time{position:relative;display:flex;align-items:center;justify-content:center;min-height:2.75em;border:1px solid var(--_border);border-radius:var(--_radius);cursor:pointer;font-variant-numeric:tabular-nums}
.time input{position:absolute;inset:0;opacity:0;margin:0;width:100%;height:100%;min-height:0;cursor:pointer}
.time:hover{background:var(--_raised)}
.time:has(:checked){background:var(--_accent);border-color:var(--_accent);color:var(--_on-accent)}
.time:has(:focus-visible){outline:3px solid var(--_focus);outline-offset:2px}
.hint-box{padding:var(--_s3);border:1px dashed var(--_border);border-radius:var(--_radius)}
.notice{align-items:center;padding:var(--_s2) var(--_s3);border-radius:var(--_radius);background:var(--_raised);border-inline-start:4px solid var(--_accent)}
.notice.error{border-color:var(--_danger)}
`,
];

/** What only the checkout (review, form, confirmation) needs. */
export const checkoutStyles = css`
fieldset{margin:0;padding:0;border:0;min-width:0}
legend{padding:0;margin-bottom:var(--_s2);font-weight:600}
textarea{resize:vertical}
.summary{display:grid;gap:var(--_s2);padding:var(--_s3);border-radius:var(--_radius);background:var(--_raised)}
.summary>div{display:grid;grid-template-columns:8em 1fr;gap:var(--_s2)}
@container (max-width:30em){.summary>div{grid-template-columns:1fr;gap:0}}
.summary dt{color:var(--_muted)}
.summary dd{min-width:0;overflow-wrap:anywhere}
.total{display:flex;justify-content:space-between;align-items:baseline;font-size:1.15em}
.lines{list-style:none;padding:0;font-size:.9em}
.confirmed .step-heading,.pending .step-heading{color:var(--_success)}
code{font:.9em ui-monospace,monospace}
`;
