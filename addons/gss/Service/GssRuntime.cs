namespace Addons.Gss.Service;

/// <summary>What a run takes from outside besides settings: the clock, the HTTP stack, where text goes. Tests replace parts.</summary>
internal sealed record GssRuntime
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The handler every HTTP client uses; null = a pooled <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>First retry delay of GitHub requests. The default value is 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The report (console, json, markdown).</summary>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>Logs and configuration errors.</summary>
    public TextWriter Errors { get; init; } = Console.Error;
}
