namespace Addons.Gss.Service;

/// <summary>gss's documented exit codes.</summary>
internal static class GssExitCodes
{
    /// <summary>Scanned every repository and published.</summary>
    public const int Success = 0;

    /// <summary>GitHub unreachable, the organization could not be listed, or publishing failed.</summary>
    public const int Failure = 1;

    /// <summary>A setting is missing or invalid; no network call was made.</summary>
    public const int Configuration = 2;

    /// <summary>Published, but some repositories could not be scanned (named in the report and the log).</summary>
    public const int Incomplete = 3;
}
