// The chat platforms' own validators over what DiagBot sends, the way tests/conformance runs the AWS SDK for
// JavaScript against the sandbox. Usage: node validate.mjs <dir>, where <dir> holds what
// tests/DiagBot.Bot.Tests/Validators/PlatformValidatorTests.cs rendered: slack/*.json (chat.postMessage bodies),
// teams/*.json (Adaptive Cards). It also checks deploy/teams/manifest.json and deploy/slack/manifest.yml.
// Prints one line per problem and exits 1 when there is any; prints a summary line either way.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { checkSlackMessage } from './slack-limits.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const input = resolve(process.argv[2] ?? join(root, 'artifacts', 'validators'));
const require = createRequire(import.meta.url);
// The package's ESM build imports without file extensions, which Node refuses; its UMD bundle is the same library.
const AdaptiveCards = require('adaptivecards/dist/adaptivecards.js');
const { AppManifestUtils } = require('@microsoft/app-manifest');
const problems = [];
const counts = { slack: 0, teams: 0 };

// Teams: about 28 KB for a bot's card, data URIs included (Microsoft Q&A, "Question About Image Size in Adaptive Cards").
const TeamsCardLimitBytes = 28 * 1024;

const read = (sub) => {
  let names = [];
  try { names = readdirSync(join(input, sub)).filter((n) => n.endsWith('.json')).sort(); } catch { /* none */ }
  return names.map((name) => ({ name, value: JSON.parse(readFileSync(join(input, sub, name), 'utf8')) }));
};

const checkCard = ({ name, value: card }) => {
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  const parsed = new AdaptiveCards.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`teams/${name}: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents ?? []) problems.push(`teams/${name}: ${event.message}`);
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (bytes > TeamsCardLimitBytes) problems.push(`teams/${name}: ${bytes} bytes, over Teams' ${TeamsCardLimitBytes}`);
  counts.teams++;
};

// @slack/types: every message's blocks as KnownBlock[], and the Slack manifest as @slack/web-api's Manifest, checked by tsc.
const typeCheck = (slackMessages, slackManifest) => {
  // Inside this package, so tsc finds its node_modules; .gitignore keeps it out of the repository.
  const dir = join(here, '.typecheck');
  mkdirSync(dir, { recursive: true });
  const lines = [
    "import type { KnownBlock } from '@slack/types';",
    "import type { AppsManifestCreateArguments } from '@slack/web-api';",
    `export const manifest: AppsManifestCreateArguments['manifest'] = ${JSON.stringify(slackManifest)};`,
    ...slackMessages.map(({ value }, i) => `export const m${i}: KnownBlock[] = ${JSON.stringify(value.blocks ?? [])};`),
  ];
  writeFileSync(join(dir, 'messages.ts'), lines.join('\n') + '\n');
  const tsc = join(here, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext',
      '--moduleResolution', 'nodenext', join(dir, 'messages.ts')],
    { cwd: here, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const names = slackMessages.map(({ name }) => name);
    for (const line of `${error.stdout}${error.stderr}`.split('\n').filter((l) => l.trim())) {
      const at = /messages\.ts\((\d+),/.exec(line);
      const which = at ? (Number(at[1]) <= 3 ? 'deploy/slack/manifest.yml' : `slack/${names[Number(at[1]) - 4] ?? '?'}`) : 'tsc';
      problems.push(`${which}: ${line.trim()}`);
    }
  }
};

const slack = read('slack');
for (const message of slack) { problems.push(...checkSlackMessage(message)); counts.slack++; }
read('teams').forEach(checkCard);

const teamsManifest = JSON.parse(readFileSync(join(root, 'deploy', 'teams', 'manifest.json'), 'utf8'));
const version = /\/v(\d+\.\d+)\//.exec(teamsManifest.$schema)?.[1];
const schemaPath = join(here, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
for (const error of await AppManifestUtils.validateAgainstSchema(teamsManifest, schema)) problems.push(`deploy/teams/manifest.json: ${error}`);

const slackManifest = YAML.parse(readFileSync(join(root, 'deploy', 'slack', 'manifest.yml'), 'utf8'));
typeCheck(slack, slackManifest);

for (const problem of problems) console.log(problem);
console.log(`validated ${counts.slack} Slack messages, ${counts.teams} Adaptive Cards, the Teams manifest (schema v${version}) and the Slack manifest: ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
