// Compress your own text: the library's Compressor on the page's text, in the worker; gzip from the browser.
import { call, fixed } from "./lab.js";

const $ = (id) => document.getElementById(id);
const stripCharacters = 3000;   // the strip shows the start of the text: a few thousand characters read well
let bytes = null;               // the current input, as UTF-8 (or a dropped file's own bytes)
let characters = 0;             // characters in the current input (bytes when a file is not UTF-8 text)
let fileName = "text";

function setInputFromText() {
  const text = $("text").value;
  bytes = new TextEncoder().encode(text);
  characters = [...text].length;
  fileName = "text";
}

async function setInputFromFile(file) {
  bytes = new Uint8Array(await file.arrayBuffer());
  let text;
  try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch { text = null; }
  characters = text === null ? bytes.length : [...text].length;
  fileName = file.name;
  $("text").value = text === null ? `(${file.name}: ${bytes.length} bytes of binary data)` : text;
  $("status").textContent = `${file.name}: ${bytes.length} bytes, ${characters} characters.`;
}

async function gzipSize(data) {
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

function addRow(name, size, roundTrip, ms) {
  const row = document.createElement("tr");
  const cells = [name, String(size), fixed(8 * size / bytes.length), fixed(8 * size / characters), roundTrip, ms === null ? "" : fixed(ms, 0)];
  for (const text of cells) {
    const cell = document.createElement("td");
    cell.textContent = text;
    row.appendChild(cell);
  }
  row.dataset.compressor = name;
  row.dataset.bytes = String(size);
  $("results").tBodies[0].appendChild(row);
  $("results").hidden = false;
}

async function compressWith(models) {
  if (bytes === null || bytes.length === 0) { $("status").textContent = "There is nothing to compress: type or drop some text."; return; }
  $("compress").disabled = $("compare").disabled = true;
  $("results").tBodies[0].replaceChildren();
  try {
    addRow("gzip (your browser)", await gzipSize(bytes), "", null);
    let last = null;
    for (const model of models) {
      $("status").textContent = `Compressing ${bytes.length} bytes with ${model}…`;
      const { result } = await call("roundTrip", bytes, model);
      addRow(model, result.compressed.length, result.same ? "✔ identical" : "✘ differs", result.compressMs);
      last = { model, ...result };
    }
    const url = URL.createObjectURL(new Blob([last.compressed], { type: "application/octet-stream" }));
    $("download").href = url;
    $("download").download = fileName.replace(/\.[^.]*$/, "") + ".itpc";
    $("download-line").hidden = false;
    $("status").textContent = `Done: ${bytes.length} bytes, ${characters} characters. ${last.model} took ${fixed(last.compressMs, 0)} ms to compress.`;
    $("status").dataset.compressMs = String(last.compressMs);
    await drawStrip(last.model);
    document.body.dataset.state = "compressed";
  } catch (error) {
    $("status").textContent = "Could not compress: " + error.message;
  } finally {
    $("compress").disabled = $("compare").disabled = false;
  }
}

// Shades the first characters by their surprisal: a character's bits are the sum over its UTF-8 bytes.
async function drawStrip(model) {
  const text = $("text").value;
  const shown = [...text].slice(0, stripCharacters);
  const prefix = new TextEncoder().encode(shown.join(""));
  const { result: bits } = await call("surprisals", prefix, model);
  const strip = $("strip");
  strip.replaceChildren();
  const scaleMax = 12;
  let at = 0, total = 0;
  for (const character of shown) {
    const width = new TextEncoder().encode(character).length;
    let b = 0;
    for (let i = 0; i < width; i++) b += bits[at + i];
    at += width;
    total += b;
    const span = document.createElement("span");
    span.textContent = character;
    span.title = `${JSON.stringify(character)}: ${fixed(b, 2)} bits`;
    span.style.background = `rgba(204, 51, 17, ${Math.min(b / scaleMax, 1).toFixed(3)})`;
    strip.appendChild(span);
  }
  const mean = shown.length === 0 ? 0 : total / shown.length;
  $("strip-key").textContent = `Model ${model}, first ${shown.length} characters: ${fixed(mean)} bits per character on average ` +
    `(full colour = ${scaleMax} bits or more).`;
}

async function start() {
  $("status").textContent = "Starting the course library…";
  const text = $("text");
  text.addEventListener("input", setInputFromText);
  text.addEventListener("dragover", (e) => { e.preventDefault(); text.classList.add("dragging"); });
  text.addEventListener("dragleave", () => text.classList.remove("dragging"));
  text.addEventListener("drop", async (e) => {
    e.preventDefault();
    text.classList.remove("dragging");
    if (e.dataTransfer.files.length > 0) await setInputFromFile(e.dataTransfer.files[0]);
  });
  $("file").addEventListener("change", async (e) => { if (e.target.files.length > 0) await setInputFromFile(e.target.files[0]); });
  setInputFromText();

  const started = performance.now();
  const { result: models } = await call("models");
  for (const line of models.split("\n")) {
    const [name, description] = line.split("\t");
    if (name === "uniform") continue;
    const option = new Option(`${name} · ${description}`, name, false, name === "cm");
    $("model").add(option);
  }
  $("compress").addEventListener("click", () => compressWith([$("model").value]));
  $("compare").addEventListener("click", () => compressWith([...$("model").options].map((o) => o.value)));
  $("compress").disabled = $("compare").disabled = false;
  $("status").textContent = `Ready (the course library started in ${fixed(performance.now() - started, 0)} ms).`;
  document.body.dataset.ready = String(performance.now());
}

start().catch((error) => { $("status").textContent = "The lab could not start: " + error.message; });
