import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
// A CJK face shipped with the app, loaded per unicode range only when the device has no Chinese font of its own.
import "@fontsource/noto-sans-sc/400.css";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
