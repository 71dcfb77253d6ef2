namespace Addons.Kit.Testing.GitHub;

/// <summary>Options of a <see cref="GitHubEmulator"/>; every default is GitHub's own behaviour.</summary>
public sealed class GitHubEmulatorOptions
{
    /// <summary>The token every API call except <c>/meta</c> must carry; null accepts any token (or none).</summary>
    /// <value>The default value is null.</value>
    public string? Token { get; init; }

    /// <summary>The largest <c>per_page</c> honoured; smaller values force paging in tests.</summary>
    /// <value>The default value is 100, GitHub's maximum.</value>
    public int MaxPerPage { get; init; } = 100;

    /// <summary>Primary rate-limit budget per window (<c>X-RateLimit-Limit</c>).</summary>
    /// <value>The default value is 5000, GitHub's budget for a personal access token.</value>
    public int RateLimit { get; init; } = 5000;

    /// <summary>Length of a rate-limit window; the budget refills when it ends (<c>X-RateLimit-Reset</c>).</summary>
    /// <value>The default value is one hour, as on GitHub.</value>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The clock of the rate-limit windows.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    /// <value>The default value is 0.</value>
    public int Port { get; init; }

    /// <summary>The GitHub Enterprise Server version <c>/meta</c> reports.</summary>
    /// <value>The default value is <c>3.14.0</c>.</value>
    public string InstalledVersion { get; init; } = "3.14.0";
}
