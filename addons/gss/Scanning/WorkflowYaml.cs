using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Addons.Gss.Scanning;

/// <summary>
/// Reads <c>on.schedule[].cron</c> from a workflow file. A workflow is scheduled only when <c>on</c> is
/// a mapping whose <c>schedule</c> is a non-empty list of entries with a <c>cron</c> string; <c>on</c>
/// given as a string or a list has no schedule.
/// </summary>
internal static class WorkflowYaml
{
    /// <summary>The crons, an empty list when the workflow is not scheduled; false with an error when the YAML does not parse.</summary>
    public static bool TryReadCrons(string yaml, out IReadOnlyList<string> crons, out string? error)
    {
        crons = [];
        error = null;
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            error = e.Message;
            return false;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return true;
        }

        // YAML 1.1 readers turn a bare `on` key into `true`; GitHub reads it as the string "on".
        var on = Child(root, "on") ?? Child(root, "true");
        if (on is not YamlMappingNode triggers || Child(triggers, "schedule") is not YamlSequenceNode schedule)
        {
            return true;
        }

        var list = new List<string>();
        foreach (var entry in schedule.Children)
        {
            if (entry is YamlMappingNode map && Child(map, "cron") is YamlScalarNode { Value: { Length: > 0 } cron })
            {
                list.Add(cron.Trim());
            }
        }

        crons = list;
        return true;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
