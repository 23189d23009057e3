// Shannon's guessing game: the reader guesses, the library's model guesses too (GamePlay in the worker), and
// the library's GuessingGame.ShannonBounds turns both rank sequences into bounds after every character.
import { call, fetchBytes, fixed } from "./lab.js";

const $ = (id) => document.getElementById(id);
const passageLength = 300;
const contextLength = 60000;   // how much of the book the model reads before the passage
const modelName = "order4";   // a byte model: it ranks all 256 bytes at each step (the context-mixing model predicts bits)
const shownGuesses = 5;
const passageStarts = [0.12, 0.3, 0.5, 0.7, 0.9];   // where in the book each passage begins (then the next sentence)

const game = { book: "", context: "", passage: "", modelRanks: [], modelGuesses: [], ranks: [], wrong: new Set(), keyMs: [] };
window.labGame = game;   // for the curious (and the tests): the passage, the context and both rank sequences

// The book as one line: runs of whitespace become one space, so a guess is never a line break.
const normalise = (text) => text.replace(/\s+/g, " ");

function passageAt(fraction) {
  let start = Math.floor(game.book.length * fraction);
  const sentence = game.book.indexOf(". ", start);
  if (sentence > 0) start = sentence + 2;
  return { start, context: game.book.slice(Math.max(0, start - contextLength), start), passage: game.book.slice(start, start + passageLength) };
}

// The reader can start at once; the model plays the passage in the worker meanwhile and joins when it is done.
async function choosePassage(index) {
  const { context, passage } = passageAt(passageStarts[index]);
  const round = { context, passage, ranks: [], wrong: new Set(), modelRanks: [], modelGuesses: [], modelReady: false };
  Object.assign(game, round);
  $("guess").disabled = false;
  $("guess").focus();
  $("model-guess").textContent = "";
  draw();
  await updateBounds();
  document.body.dataset.state = "playing";
  $("status").textContent = "Type your first guess. The model is reading the book up to the passage…";

  const encode = (s) => new TextEncoder().encode(s);
  const { result, ms } = await call("gamePlay", encode(context), encode(passage), modelName, shownGuesses);
  if (game.passage !== passage) return;   // another passage was chosen meanwhile
  for (let i = 0; i < passage.length; i++) {
    const row = result.slice(i * (shownGuesses + 1), (i + 1) * (shownGuesses + 1));
    game.modelRanks.push(row[0]);
    game.modelGuesses.push(row.slice(1).map((b) => String.fromCharCode(b)));
  }
  game.modelReady = true;
  $("status").textContent = `The model read ${context.length} characters and played the passage in ${fixed(ms, 0)} ms.`;
  draw();
  await updateBounds();
  document.body.dataset.model = "ready";
}

function draw() {
  const text = $("text");
  text.replaceChildren();
  const done = game.ranks.length;
  for (let i = 0; i < done; i++) {
    const span = document.createElement("span");
    span.textContent = game.passage[i];
    span.className = "done " + (game.ranks[i] === 1 ? "rank1" : game.ranks[i] === 2 ? "rank2" : "rank3");
    span.title = `you: ${game.ranks[i]} guess(es)` + (game.modelReady ? ` · the model: ${game.modelRanks[i]}` : "");
    text.appendChild(span);
  }
  if (done < game.passage.length) {
    const cursor = document.createElement("span");
    cursor.className = "cursor";
    cursor.textContent = "?";
    text.appendChild(cursor);
  }
  $("wrong").textContent = game.wrong.size === 0 ? "" : `not: ${[...game.wrong].map((c) => (c === " " ? "␣" : c)).join(" ")}`;
  if (done > 0 && game.modelReady) {
    const last = done - 1;
    const shown = game.modelGuesses[last].map((c) => (c === " " ? "␣" : c)).join(" ");
    $("model-guess").textContent = `Last character “${game.passage[last]}”: you needed ${game.ranks[last]} guess(es); ` +
      `the model's guesses were ${shown} …, so it needed ${game.modelRanks[last]}.`;
  }
}

async function updateBounds() {
  const n = game.ranks.length;
  const rows = game.modelReady ? [["you", game.ranks], ["model", game.modelRanks.slice(0, n)]] : [["you", game.ranks]];
  for (const [row, ranks] of rows) {
    const cells = $(row);
    cells.querySelector(".n").textContent = String(n);
    if (n === 0) continue;
    const { result: [lower, upper] } = await call("bounds", ranks);
    cells.querySelector(".first").textContent = `${ranks.filter((r) => r === 1).length} of ${n}`;
    cells.querySelector(".lower").textContent = fixed(lower);
    cells.querySelector(".upper").textContent = fixed(upper);
    cells.dataset.lower = String(lower);
    cells.dataset.upper = String(upper);
  }
}

async function onGuess(event) {
  const input = $("guess");
  const guess = input.value;
  input.value = "";
  if (guess.length !== 1 || game.ranks.length >= game.passage.length) return;
  const started = performance.now();
  const actual = game.passage[game.ranks.length];
  if (guess !== actual) {
    game.wrong.add(guess);
    draw();
    return;
  }
  game.ranks.push(game.wrong.size + 1);
  game.wrong = new Set();
  draw();
  await updateBounds();
  game.keyMs.push(performance.now() - started);
  document.body.dataset.played = String(game.ranks.length);
  if (game.ranks.length === game.passage.length) $("status").textContent = "You played the whole passage.";
}

async function start() {
  $("status").textContent = "Starting the course library…";
  const bookPromise = fetchBytes("data/pride-and-prejudice.txt");
  call("models").catch(() => {});   // starts the runtime while the book downloads (the reader need not wait for it)
  game.book = normalise(new TextDecoder().decode(await bookPromise));
  passageStarts.forEach((fraction, i) => $("passage").add(new Option(`${i + 1} (${Math.round(fraction * 100)}% into the book)`, String(i))));
  $("passage").addEventListener("change", () => choosePassage(Number($("passage").value)));
  $("guess").addEventListener("input", onGuess);
  const playing = choosePassage(0);
  document.body.dataset.ready = String(performance.now());   // ms after navigation: the reader can type
  await playing;
}

start().catch((error) => { $("status").textContent = "The lab could not start: " + error.message; });
