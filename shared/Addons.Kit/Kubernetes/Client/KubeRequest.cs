namespace Addons.Kit.Kubernetes.Client;

/// <summary>One REST call: what to send and how to name it in errors, logs and metrics.</summary>
internal readonly record struct KubeRequest(
    HttpMethod Method,
    string PathAndQuery,
    string Verb,
    string Resource,
    string? Name = null,
    ReadOnlyMemory<byte>? Body = null,
    string? ContentType = null);
