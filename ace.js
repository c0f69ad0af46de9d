/*
| JavaScript entrypoint for running ace commands. TypeScript is compiled on the fly by ts-node (swc).
*/
import 'ts-node-maintained/register/esm'
await import('./bin/console.js')
