/**
 * The story page's stylesheets (also the embed page's), one per component, in cascade
 * order. Imported one by one rather than with CSS @import so that each goes through the
 * build's custom-media step (src/styles/breakpoints.ts). Tokens come with base.css.
 */
import './story/header.css';
import './story/layout.css';
import './story/map.css';
import './story/map-bar.css';
import './story/legend.css';
import './story/step.css';
import './story/static-map.css';
import './story/sources.css';
import './story/embed.css';
import './story/embed-dialog.css';
import './story/print.css';
