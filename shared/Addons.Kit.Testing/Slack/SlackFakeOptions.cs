namespace Addons.Kit.Testing.Slack;

/// <summary>Options of a <see cref="SlackFake"/>.</summary>
public sealed class SlackFakeOptions
{
    /// <summary>The bot token Web API calls must carry (<c>Authorization: Bearer …</c>); null accepts any.</summary>
    /// <value>The default value is null.</value>
    public string? Token { get; init; }

    /// <summary>Canvas ids that exist; empty accepts any id (otherwise <c>canvas_not_found</c>).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyCollection<string> Canvases { get; init; } = [];

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    /// <value>The default value is 0.</value>
    public int Port { get; init; }
}
