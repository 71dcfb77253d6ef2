namespace Addons.Kit.Testing.GitHub;

/// <summary>What <see cref="GitHubOrgGenerator"/> produced, for assertions and benchmark reports.</summary>
/// <param name="Repositories">Repositories created (archived included).</param>
/// <param name="Archived">Archived repositories.</param>
/// <param name="WithoutWorkflows">Repositories without any workflow.</param>
/// <param name="Workflows">Workflows in all repositories.</param>
/// <param name="Scheduled">Workflows with a valid <c>on.schedule</c> in repositories that are not archived.</param>
/// <param name="BrokenYaml">Workflows whose YAML does not parse.</param>
public sealed record GitHubOrgProfile(int Repositories, int Archived, int WithoutWorkflows, int Workflows, int Scheduled, int BrokenYaml);
