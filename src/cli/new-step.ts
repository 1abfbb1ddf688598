/** `npm run new-step -- <story> <name> [--after <step>]`: a new step file, numbered where it belongs. */
import { main, newStep } from './scaffold';

await main(newStep);
