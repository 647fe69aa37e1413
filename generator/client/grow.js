// Text boxes grown to their answers, for browsers whose CSS can't (instrument.js, GROWS): loaded
// only there. A hidden box has no height to measure (it is measured again once it shows). All
// boxes are read, then all written: the page is laid out twice, not twice a box (an 8-tje of six
// partners has over a hundred; one by one they blocked a phone for 0.3 s).
export const grow = (textareas) => {
  const shown = [...textareas].filter((textarea) => textarea.value && textarea.offsetParent !== null);
  for (const textarea of shown) textarea.style.height = "auto";
  const heights = shown.map((textarea) => textarea.scrollHeight);
  shown.forEach((textarea, i) => (textarea.style.height = `${heights[i] + 2}px`));
};
