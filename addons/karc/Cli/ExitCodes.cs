namespace Addons.Karc.Cli;

/// <summary>karc's process exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success, including when the user declines a prompt.</summary>
    public const int Success = 0;

    /// <summary>A runtime or API error.</summary>
    public const int Failure = 1;

    /// <summary>A usage or validation error (unknown flag, bad timezone, missing confirmation).</summary>
    public const int Usage = 2;

    /// <summary>A CLI command stopped by SIGINT or SIGTERM before it finished (the controller exits 0 instead: a stop
    /// is its normal end).</summary>
    public const int Interrupted = 130;
}
