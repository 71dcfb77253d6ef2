using System.Diagnostics;
using System.Text.Json.Nodes;
using Addons.Kit.Testing.Aws;

namespace Addons.Aws.Tests.Cli;

/// <summary>
/// Runs the real AWS CLI v2 (Debian's <c>awscli</c>, installed by .ci/install-deps) against an emulator:
/// isolated HOME, no config or credentials files, no instance metadata, no pager, credentials and region
/// from the environment, <c>--endpoint-url</c> on every call. The EKS model is extended with the
/// operations newer than CLI 2.9.19 (testassets/cli/eks-model-additions.json).
/// </summary>
internal sealed class AwsCli : IDisposable
{
    private const string DebianDataDir = "/usr/lib/python3/dist-packages/awscli/botocore/data/eks";
    private readonly string _home = Directory.CreateTempSubdirectory("aws-cli-home-").FullName;
    private readonly AwsEmulator _aws;

    public AwsCli(AwsEmulator aws)
    {
        _aws = aws;
        Binary = Locate();
        ExtendEksModel(_home);
    }

    public string Binary { get; }

    public string AccessKeyId { get; set; } = "";

    public string SecretAccessKey { get; set; } = "";

    public string? SessionToken { get; set; }

    public static string Locate()
    {
        var path = Environment.GetEnvironmentVariable("ADDONS_AWS_CLI") is { Length: > 0 } fromEnv ? fromEnv : "/usr/bin/aws";
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"AWS CLI v2 not found at {path}: run .ci/install-deps (Debian package awscli), or set ADDONS_AWS_CLI");
        }

        return path;
    }

    /// <summary>Runs <c>aws ARGS --endpoint-url … --region … --output json</c>; returns exit code, stdout, stderr.</summary>
    public async Task<(int Exit, string Stdout, string Stderr)> RunAsync(CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in new[] { "--endpoint-url", _aws.Endpoint, "--region", _aws.Region, "--output", "json" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["HOME"] = _home;
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(_home, "no-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_home, "no-credentials");
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_ACCESS_KEY_ID"] = AccessKeyId.Length > 0 ? AccessKeyId : _aws.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey.Length > 0 ? SecretAccessKey : _aws.SecretAccessKey;
        if (SessionToken is not null)
        {
            start.Environment["AWS_SESSION_TOKEN"] = SessionToken;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs and parses stdout as JSON; a non-zero exit fails the test with stderr.</summary>
    public async Task<JsonNode> JsonAsync(CancellationToken ct, params string[] args)
    {
        var (exit, stdout, stderr) = await RunAsync(ct, args);
        Assert.True(exit == 0, $"aws {string.Join(' ', args)} exited {exit}: {stderr}");
        return JsonNode.Parse(stdout) ?? throw new InvalidOperationException("aws printed nothing");
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private static void ExtendEksModel(string home)
    {
        var versionDir = Directory.GetDirectories(DebianDataDir).Order(StringComparer.Ordinal).Last();
        var model = JsonNode.Parse(File.ReadAllText(Path.Combine(versionDir, "service-2.json")))!.AsObject();
        var paginators = JsonNode.Parse(File.ReadAllText(Path.Combine(versionDir, "paginators-1.json")))!.AsObject();
        var additions = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testassets", "cli", "eks-model-additions.json")))!.AsObject();
        foreach (var (section, target) in new[] { ("operations", model["operations"]!.AsObject()), ("shapes", model["shapes"]!.AsObject()), ("paginators", paginators["pagination"]!.AsObject()) })
        {
            foreach (var (name, value) in additions[section]!.AsObject())
            {
                target[name] = value!.DeepClone();
            }
        }

        foreach (var (name, value) in additions["clusterMembers"]!.AsObject())
        {
            model["shapes"]!["Cluster"]!["members"]![name] = value!.DeepClone();
        }

        var dir = Path.Combine(home, ".aws", "models", "eks", Path.GetFileName(versionDir));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "service-2.json"), model.ToJsonString());
        File.WriteAllText(Path.Combine(dir, "paginators-1.json"), paginators.ToJsonString());
    }
}
