using Addons.Gss.Scanning;

namespace Addons.Gss.Publishing;

/// <summary>The status emoji of the Slack and Markdown reports.</summary>
internal static class StatusEmoji
{
    public static string For(string status) => status switch
    {
        "success" => "✅",
        "failure" => "❌",
        "cancelled" => "🚫",
        ScheduledWorkflow.NeverRun => "⏸️",
        _ => "❓",
    };
}
