namespace Addons.Kit.Shutdown;

/// <summary>The documented process exit codes of every addon host.</summary>
public static class ExitCodes
{
    /// <summary>Clean exit: a graceful stop finished inside the shutdown timeout, or <c>--version</c>.</summary>
    public const int Clean = 0;

    /// <summary>Runtime failure: a background loop failed, leadership was lost unintentionally, or the shutdown deadline passed.</summary>
    public const int Failure = 1;

    /// <summary>Configuration error: a setting is missing or invalid; nothing was started.</summary>
    public const int Configuration = 2;
}
