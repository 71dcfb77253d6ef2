namespace Addons.Gss.Configuration;

/// <summary>Where the report goes (<c>PUBLISHER_TYPE</c>).</summary>
internal enum PublisherType
{
    /// <summary>A table on stdout.</summary>
    Console,

    /// <summary>Replace a Slack canvas with a Markdown report.</summary>
    SlackCanvas,

    /// <summary>A Block Kit summary to an incoming webhook.</summary>
    SlackWebhook,

    /// <summary>The full report as JSON on stdout.</summary>
    Json,

    /// <summary>The full report as Markdown on stdout.</summary>
    Markdown,
}
