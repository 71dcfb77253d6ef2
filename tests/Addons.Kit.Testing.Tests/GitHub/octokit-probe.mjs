// Drives the GitHub emulator with the real @octokit/rest client, the way a scanner would, and prints
// what it saw as one JSON line. Usage: node octokit-probe.mjs <apiUrl> <org> <token> <repo>
// OCTOKIT_REST: path of @octokit/rest's ES module entry (.tools/npm/node_modules/@octokit/rest/dist-src/index.js).
import { pathToFileURL } from 'node:url';

const { Octokit } = await import(pathToFileURL(process.env.OCTOKIT_REST).href);
const [baseUrl, org, token, repo] = process.argv.slice(2);
const octokit = new Octokit({ baseUrl, auth: token, log: { debug() {}, info() {}, warn() {}, error() {} } });
const out = {};

const meta = await octokit.rest.meta.get();
out.meta = meta.data.installed_version;

let repoPages = 0;
out.repos = [];
for await (const page of octokit.paginate.iterator(octokit.rest.repos.listForOrg, { org, per_page: 100 })) {
  repoPages++;
  out.repos.push(...page.data.map(r => ({ name: r.name, archived: r.archived })));
}
out.repoPages = repoPages;

const workflows = await octokit.paginate(octokit.rest.actions.listRepoWorkflows, { owner: org, repo, per_page: 100 });
out.workflows = workflows.map(w => ({ id: w.id, name: w.name, path: w.path }));

const first = workflows[0];
const content = await octokit.rest.repos.getContent({ owner: org, repo, path: first.path });
out.encoding = content.data.encoding;
out.content = Buffer.from(content.data.content, 'base64').toString('utf8');

const runs = await octokit.rest.actions.listWorkflowRuns({ owner: org, repo, workflow_id: first.id, per_page: 1 });
out.runs = { total: runs.data.total_count, conclusion: runs.data.workflow_runs[0]?.conclusion ?? null };

const commits = await octokit.rest.repos.listCommits({ owner: org, repo, path: first.path, per_page: 1 });
out.author = commits.data[0]?.author?.login ?? null;
out.rateLimit = {
  limit: commits.headers['x-ratelimit-limit'],
  remaining: commits.headers['x-ratelimit-remaining'],
  reset: commits.headers['x-ratelimit-reset'],
};

try {
  await octokit.rest.repos.listCommits({ owner: org, repo, path: first.path, per_page: 1, headers: { 'if-none-match': commits.headers.etag } });
  out.conditional = 200;
} catch (e) {
  out.conditional = e.status;
}

const user = await octokit.rest.users.getByUsername({ username: out.author });
out.user = user.data.login;
try {
  await octokit.rest.users.getByUsername({ username: 'deleted-account' });
  out.deletedUser = 200;
} catch (e) {
  out.deletedUser = e.status;
}

console.log(JSON.stringify(out));
