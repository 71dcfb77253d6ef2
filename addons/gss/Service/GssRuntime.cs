namespace Addons.Gss.Service;

/// <summary>What an in-process run (<see cref="GssProgram"/>: tests, the benchmark) takes from outside besides settings.</summary>
internal sealed record GssRuntime
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>First retry delay of GitHub and Slack requests. The default value is 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The report (console, json, markdown).</summary>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>Logs and configuration errors.</summary>
    public TextWriter Errors { get; init; } = Console.Error;
}
