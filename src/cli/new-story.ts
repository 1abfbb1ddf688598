/** `npm run new-story -- <slug>`: a new story folder with story.md and a first step. */
import { main, newStory } from './scaffold';

await main(newStory);
