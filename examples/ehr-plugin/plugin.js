/* global document, fetch */
// backplan in an EHR page: pack.json and the bundled engine in, a plan with its reasons, evidence,
// withheld components and data gaps out. Runs under `script-src 'self'`: no inline script, no
// eval, and every value reaches the page as text (never as HTML).
import * as backplan from "./backplan.js";

const byId = (id) => document.getElementById(id);

/** An element holding `children` (strings become text nodes, so nothing is parsed as HTML). */
function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** The assessment in the input: a FHIR Bundle goes through the intake when this build has it. */
function assessmentOf(data) {
  if (data === null || typeof data !== "object" || data.resourceType !== "Bundle") return { ok: true, value: data };
  if (typeof backplan.bundleToAssessment !== "function") {
    return { ok: false, issues: [{ path: "", message: "this build of backplan has no FHIR intake" }] };
  }
  const intake = backplan.bundleToAssessment(data);
  return intake.ok ? { ok: true, value: intake.value.assessment } : intake;
}

function showProblems(issues) {
  byId("problems").replaceChildren(...issues.map((issue) => element("li", {}, backplan.formatIssue(issue))));
}

function showPlan(plan) {
  byId("status").replaceChildren(`Status: ${plan.status}`);
  byId("status").dataset.status = plan.status;
  const { name, version, digest } = plan.ruleset;
  byId("stamp").replaceChildren(`${name} ${version} (${digest.slice(0, 19)}…), profile ${plan.profile}`);
  byId("components").replaceChildren(
    ...plan.components.map((component) =>
      element(
        "article",
        { class: `component ${component.category}`, "data-id": component.id },
        element("h3", {}, component.title, " ", element("span", { class: "category" }, component.category)),
        ...(component.details.urgency === undefined
          ? []
          : [element("p", { class: "urgency" }, `Urgency: ${component.details.urgency}`)]),
        element(
          "ul",
          { class: "reasons" },
          ...component.reasons.map((reason) => element("li", { "data-rule": reason.rule }, reason.text)),
        ),
        element("ul", { class: "evidence" }, ...component.evidence.map(evidenceItem)),
      ),
    ),
  );
  byId("withheld").replaceChildren(
    ...plan.withheld.map((w) => element("li", { "data-id": w.id }, `${w.id}: ${w.reason} (rule ${w.rule})`)),
  );
  byId("gaps").replaceChildren(
    ...plan.dataGaps.map((gap) => element("li", { "data-fact": gap.fact }, `${gap.fact}: ${gap.reason}`)),
  );
}

function evidenceItem(source) {
  const citation = source.link === undefined ? source.citation : element("a", { href: source.link, rel: "noreferrer" }, source.citation);
  return element("li", { "data-id": source.id }, citation, ` (${source.certainty})`);
}

function makePlan(engine) {
  let data;
  try {
    data = JSON.parse(byId("input").value);
  } catch (error) {
    showProblems([{ path: "", message: `the input is not JSON: ${error.message}` }]);
    return;
  }
  const assessment = assessmentOf(data);
  const plan = assessment.ok ? engine.safeRecommend(assessment.value, { profile: byId("profile").value }) : assessment;
  showProblems(plan.ok ? plan.warnings : plan.issues);
  if (plan.ok) showPlan(plan.value);
  document.body.dataset.state = plan.ok ? "planned" : "refused";
}

async function start() {
  const loaded = backplan.rulesetFromJson(await fetchJson("pack.json"));
  if (!loaded.ok) {
    showProblems(loaded.issues);
    document.body.dataset.state = "refused";
    return;
  }
  const engine = backplan.createEngine(loaded.value);
  byId("profile").replaceChildren(
    ...loaded.value.profiles.map((p) => element("option", { value: p.id }, p.title)),
  );
  byId("profile").value = loaded.value.defaultProfile;
  byId("input").value = JSON.stringify(await fetchJson("example.json"), null, 2);
  byId("form").addEventListener("submit", (event) => {
    event.preventDefault();
    makePlan(engine);
  });
  makePlan(engine);
}

start().catch((error) => {
  showProblems([{ path: "", message: String(error) }]);
  document.body.dataset.state = "failed";
});
