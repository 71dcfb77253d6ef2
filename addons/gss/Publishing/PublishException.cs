namespace Addons.Gss.Publishing;

/// <summary>Publishing failed (exit 1); the message names the publisher and the cause (Slack's <c>error</c>, a status).</summary>
internal sealed class PublishException(string message, Exception? inner = null) : Exception(message, inner);
