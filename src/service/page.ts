/**
 * GET /: a page where a person drops a model file, picks a language and output format, and downloads the SDK.
 * It talks to the same API as any client (POST /generate, then polls the job, then downloads), and needs no
 * outside resource: the HTML, style and script are this one string.
 */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pygen: generate an SDK</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
  h1 { font-size: 1.5rem; }
  #drop { border: 2px dashed #8a96a3; border-radius: 8px; padding: 2rem; text-align: center; cursor: pointer; }
  #drop.over { background: #eef4fb; border-color: #2f6fb3; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  select, input[type=password], input[type=text] { font: inherit; padding: 0.3rem; width: 100%; box-sizing: border-box; }
  button { margin-top: 1.2rem; font: inherit; padding: 0.5rem 1.2rem; }
  #status { margin-top: 1rem; white-space: pre-wrap; }
  .error { color: #b3261e; }
</style>
</head>
<body>
<h1>Generate an SDK from a data model</h1>
<p>Drop a data model file (YAML or JSON with inline views, as <code>pygen</code> reads it), choose a language, and download the SDK.</p>
<div id="drop" tabindex="0">Drop a model file here, or click to choose one<br><span id="file-name"></span></div>
<input id="file" type="file" accept=".yaml,.yml,.json" hidden>
<label for="language">Language</label>
<select id="language"><option value="python">Python</option></select>
<label for="format">Download as</label>
<select id="format"><option value="zip">zip</option><option value="tarball">tar.gz</option></select>
<label for="package">Package name (optional)</label>
<input id="package" type="text" placeholder="from the model's external id">
<label for="key">API key (if the service asks for one)</label>
<input id="key" type="password" autocomplete="off">
<button id="generate" disabled>Generate</button>
<div id="status" role="status"></div>
<script>
const $ = (id) => document.getElementById(id);
let modelText = null;
let fileName = "";
function show(text, isError) { $("status").textContent = text; $("status").className = isError ? "error" : ""; }
function pick(file) {
  if (!file) return;
  fileName = file.name;
  file.text().then((text) => { modelText = text; $("file-name").textContent = file.name; $("generate").disabled = false; show("Ready."); });
}
$("drop").addEventListener("click", () => $("file").click());
$("drop").addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") $("file").click(); });
$("file").addEventListener("change", () => pick($("file").files[0]));
$("drop").addEventListener("dragover", (event) => { event.preventDefault(); $("drop").classList.add("over"); });
$("drop").addEventListener("dragleave", () => $("drop").classList.remove("over"));
$("drop").addEventListener("drop", (event) => { event.preventDefault(); $("drop").classList.remove("over"); pick(event.dataTransfer.files[0]); });
fetch("/version").then((r) => r.json()).then((info) => {
  $("language").replaceChildren(...info.languages.map((name) => { const o = document.createElement("option"); o.value = name; o.textContent = name; return o; }));
}).catch(() => {});
function headers() {
  const h = { "content-type": "application/json" };
  if ($("key").value) h.authorization = "Bearer " + $("key").value;
  return h;
}
async function call(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new Error(body && body.error ? body.error.message + (body.error.details ? "\\n" + body.error.details.join("\\n") : "") : "HTTP " + response.status);
  }
  return response;
}
$("generate").addEventListener("click", async () => {
  $("generate").disabled = true;
  try {
    const options = $("package").value ? { top_level_package: $("package").value } : {};
    show("Uploading " + fileName + " …");
    const accepted = await (await call("/generate", { method: "POST", headers: headers(),
      body: JSON.stringify({ model: modelText, language: $("language").value, output_format: $("format").value, options }) })).json();
    let job;
    for (;;) {
      job = await (await call("/generate/" + accepted.job_id, { headers: headers() })).json();
      show("Job " + job.job_id + ": " + job.status + " …");
      if (job.status === "completed" || job.status === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    if (job.status === "failed") throw new Error(job.errors.map((e) => e.message).join("\\n"));
    const response = await call(job.download_url, { headers: headers() });
    const blob = await response.blob();
    const disposition = response.headers.get("content-disposition") || "";
    const name = (/filename="([^"]+)"/.exec(disposition) || [])[1] || "sdk.zip";
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    const warnings = job.warnings.length ? "\\n" + job.warnings.length + " warning(s): " + job.warnings.slice(0, 5).map((w) => w.code + " " + w.location).join(", ") : "";
    show("Done: " + name + " (" + job.summary.files + " files, " + job.summary.lines + " lines)." + warnings);
  } catch (error) {
    show(error.message, true);
  } finally {
    $("generate").disabled = false;
  }
});
</script>
</body>
</html>
`;
