// Fails fast when an npm script runs under a Node older than the project needs.
// The project's own devDependency `node` puts Node 22 first on the PATH of npm scripts.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 14)) {
  console.error(
    `ReviewDesk needs Node >= 22.14, but this script runs under ${process.version}.\n` +
      'Run it through npm (npm test, npm start) so the project\'s own Node 22 is used, ' +
      'or run `npm ci` first if node_modules is missing.',
  );
  process.exit(1);
}
