/** Browser bundle entry for bench-speed.ts: exposes runSpeedBench to the page. */
import { runSpeedBench } from './speed';

(globalThis as { runSpeedBench?: typeof runSpeedBench }).runSpeedBench = runSpeedBench;
