// The host page's own script (www/embed.html): fetches a transcript object and mounts a
// second viewer with it through the JavaScript API. The viewer's handle is kept on
// `window.hostViewer` (its `destroy()` removes it).
import { ready, mount } from "./transcript-viewer-element.js";

const url = "transcripts/russian-belarusian-talks-2022-02-18.json";

async function start() {
  const [response] = await Promise.all([fetch(url), ready]);
  const data = await response.json();
  window.hostViewer = mount(document.getElementById("viewer-mounted"), {
    data,
    showSettings: false,
  });
}

start();
