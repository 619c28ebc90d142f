// The floor of the load-time measurement: the pane's markup and CSS with none of its scripts, and
// the first explanation's heading put in at once, so that only the browser's own work is left.
document.addEventListener("DOMContentLoaded", () => {
  const heading = document.createElement("h2");
  heading.className = "call-name";
  heading.setAttribute("elementtiming", "explanation");
  heading.textContent = "BTU.CONSULTING_LUMP";
  document.getElementById("cell-view").replaceChildren(heading);
});
