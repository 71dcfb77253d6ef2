using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Addons.Kit.Kubernetes.Config;

/// <summary>Runs a client.authentication.k8s.io exec plugin and caches its token until <c>expirationTimestamp</c>.</summary>
/// <remarks>Guarantees: one plugin run at a time; a token without expiry is kept until the server rejects it (401);
/// a plugin that fails, hangs past 1 minute or prints no usable ExecCredential is a <see cref="KubeCredentialException"/>
/// (one line: kubeconfig, command, exit code, first stderr line).
/// Caveat: plugins that return client certificates instead of a token are not supported (an error says so).</remarks>
internal sealed class ExecCredentials(ExecConfig config, TimeProvider time) : KubeCredentials
{
    private static readonly TimeSpan PluginTimeout = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim gate = new(1, 1);
    private AuthenticationHeaderValue? header;
    private DateTimeOffset? expiresAt;

    public override async ValueTask<AuthenticationHeaderValue?> GetAuthorizationAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (header is not null && (expiresAt is null || time.GetUtcNow() < expiresAt))
            {
                return header;
            }

            var (token, expiry) = Parse(await RunAsync(cancellationToken));
            header = new AuthenticationHeaderValue("Bearer", token);
            expiresAt = expiry;
            return header;
        }
        finally
        {
            gate.Release();
        }
    }

    public override void Invalidate()
    {
        // Racing a running refresh is harmless: the next caller simply runs the plugin again.
        header = null;
    }

    private async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(config.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in config.Args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in config.Env)
        {
            start.Environment[name] = value;
        }

        start.Environment["KUBERNETES_EXEC_INFO"] =
            "{\"apiVersion\":\"" + config.ApiVersion + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new KubeConfigException($"{config.Source}: could not start '{config.Command}'");
        }
        catch (Win32Exception e)
        {
            throw new KubeConfigException($"{config.Source}: could not start '{config.Command}': {e.Message}. {config.InstallHint}".TrimEnd(), e);
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PluginTimeout);
            try
            {
                var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                var output = await stdout;
                var errors = await stderr;
                if (process.ExitCode != 0)
                {
                    // stderr of a credential plugin describes the failure, not secrets; keep only its first line.
                    var firstLine = errors.Split('\n', 2)[0].Trim();
                    throw new KubeCredentialException($"{config.Source}: exec plugin '{config.Command}' exited with code {process.ExitCode}: {firstLine}".TrimEnd(' ', ':'));
                }

                return output;
            }
            catch (OperationCanceledException e)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new KubeCredentialException($"{config.Source}: exec plugin '{config.Command}' did not finish within {PluginTimeout.TotalSeconds:0}s", e);
            }
        }
    }

    private (string Token, DateTimeOffset? Expiry) Parse(string output)
    {
        try
        {
            using var doc = JsonDocument.Parse(output);
            if (!doc.RootElement.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object)
            {
                throw new KubeCredentialException($"{config.Source}: exec plugin output has no status");
            }

            if (!status.TryGetProperty("token", out var token) || token.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(token.GetString()))
            {
                throw new KubeConfigException($"{config.Source}: exec plugin returned no status.token (client certificates from exec plugins are not supported)");
            }

            DateTimeOffset? expiry = null;
            if (status.TryGetProperty("expirationTimestamp", out var exp) && exp.ValueKind == JsonValueKind.String)
            {
                expiry = DateTimeOffset.Parse(exp.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            }

            return (token.GetString()!, expiry);
        }
        catch (JsonException e)
        {
            throw new KubeCredentialException($"{config.Source}: exec plugin output is not an ExecCredential JSON document", e);
        }
        catch (FormatException e)
        {
            throw new KubeCredentialException($"{config.Source}: exec plugin status.expirationTimestamp is not RFC 3339", e);
        }
    }
}
