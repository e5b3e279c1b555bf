/**
 * The rulebook's only style sheet, inlined: system fonts, no images, so the file stands alone
 * (offline, in an email, in a records system). Printed, each rule stays on one page where it
 * fits, links show their address, and the contents are dropped in favour of page flow.
 */
export const RULEBOOK_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --soft: #f4f4f1; --accent: #0b5394; --warn: #8a4b00; --bad: #a40000; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 2rem 1.5rem 4rem; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.9rem; margin: 0 0 1rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 1rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.2rem; margin: 2rem 0 .6rem; }
h4 { font-size: 1.05rem; margin: 0 0 .5rem; }
a { color: var(--accent); }
code { font: .9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: var(--soft); padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
.pack th { width: 8rem; }
.sign-off td { height: 3.2rem; }
.banner { border: 2px solid var(--warn); color: var(--warn); padding: .6rem .8rem; font-weight: 600; margin: 1rem 0; }
nav ul { list-style: none; padding-left: 1.1rem; margin: .2rem 0; }
nav > ul { padding-left: 0; }
.rule, .component, .source { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.1rem; margin: 1rem 0; }
.rule h3, .component h3, .source h3 { margin-top: 0; }
h3 code, th code, .facts code { white-space: nowrap; }
.rule.inactive { border-style: dashed; background: #fafaf7; }
.contraindication { border-left: 3px solid var(--bad); padding: .2rem 0 .2rem .9rem; margin: .8rem 0; }
.guards { font-weight: 600; }
.sentence { font-size: 1.06rem; font-weight: 600; margin: .3rem 0 .6rem; }
.sentence ul { font-weight: 500; margin: .2rem 0; }
.facts { color: var(--muted); font-size: .88rem; margin: 0 0 .6rem; }
.facts span { white-space: nowrap; margin-right: .9rem; }
.note { font-style: italic; color: var(--muted); }
.slot { color: var(--accent); background: #eaf1f9; border-radius: 3px; padding: 0 .15em; }
.label { font-weight: 600; margin: .7rem 0 .2rem; }
ul.plain { margin: .2rem 0; padding-left: 1.3rem; }
.status { font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; padding: .05rem .4rem; border-radius: 3px; background: var(--soft); color: var(--warn); }
.outcome-failed, .outcome-invalid, .never { color: var(--bad); font-weight: 600; }
.untested { color: var(--warn); }
.applies-no { color: var(--muted); }
@media print {
  @page { margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav#contents { display: none; }
  h2 { break-before: page; }
  #how-to-read, #sign-off { break-before: auto; }
  h2, h3, h4 { break-after: avoid; }
  .rule, .component, .source, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; color: var(--muted); overflow-wrap: anywhere; }
}
`;
