using Addons.Kit.Testing;

namespace Addons.Footprint;

/// <summary>Runs a short-lived external command to completion (the shared <see cref="ToolProcess"/>), capturing its output.</summary>
internal static class CommandRunner
{
    /// <summary>The result of a command: exit code and stdout followed by stderr.</summary>
    public readonly record struct Result(int ExitCode, string Output);

    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/> in <paramref name="workdir"/>, bounded by <paramref name="timeout"/>.</summary>
    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, string workdir, TimeSpan timeout, CancellationToken ct)
    {
        var result = await ToolProcess.RunAsync(file, args, workingDirectory: workdir, timeout: timeout, cancellationToken: ct).ConfigureAwait(false);
        return new Result(result.ExitCode, result.Output);
    }
}
