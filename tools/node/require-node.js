// First step of `npm start` and `npm test`, in plain JavaScript so that any Node.js runs it: the
// scripts need the Node.js 22 that `npm install` brings (the root devDependency `node`), and say
// so in one sentence when it is missing instead of failing on the first TypeScript file.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `Coworking Commons runs on Node.js 22.18 or newer, and npm ran this script with Node.js ${process.versions.node}: ` +
      'run `npm install` first (it brings Node.js 22 for the scripts), then run this command again.\n',
  );
  process.exit(1);
}
