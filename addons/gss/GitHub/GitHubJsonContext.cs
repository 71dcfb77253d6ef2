using System.Text.Json.Serialization;

namespace Addons.Gss.GitHub;

/// <summary>Source-generated JSON for the GitHub REST models (NativeAOT, no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(List<Repository>))]
[JsonSerializable(typeof(WorkflowPage))]
[JsonSerializable(typeof(ContentFile))]
[JsonSerializable(typeof(RunPage))]
[JsonSerializable(typeof(List<CommitItem>))]
[JsonSerializable(typeof(Account))]
[JsonSerializable(typeof(Meta))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
