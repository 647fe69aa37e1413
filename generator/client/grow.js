// Text boxes grown to their answers, for browsers whose CSS can't (instrument.js, GROWS): loaded
// only there. All boxes are read, then all written: the page is laid out twice, not twice a box
// (an 8-tje of six partners has over a hundred; one by one they blocked a phone for 0.3 s).

/** Grow these boxes, all read and then all written. */
const growShown = (boxes) => {
  for (const textarea of boxes) textarea.style.height = "auto";
  const heights = boxes.map((textarea) => textarea.scrollHeight);
  boxes.forEach((textarea, i) => (textarea.style.height = `${heights[i] + 2}px`));
};

// A hidden box has no height to measure: it is grown once it shows, which gives it a size (a
// partner the 8-tje shows a frame after restoring, a column chosen again).
const untilShown = new ResizeObserver((entries) => {
  const shown = entries.map(({ target }) => target).filter((textarea) => textarea.offsetParent !== null);
  for (const textarea of shown) untilShown.unobserve(textarea);
  if (shown.length) growShown(shown);
});

export const grow = (textareas) => {
  const filled = [...textareas].filter((textarea) => textarea.value);
  for (const textarea of filled) if (textarea.offsetParent === null) untilShown.observe(textarea);
  growShown(filled.filter((textarea) => textarea.offsetParent !== null));
};
