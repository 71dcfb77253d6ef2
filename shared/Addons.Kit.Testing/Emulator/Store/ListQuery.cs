using Addons.Kit.Testing.Emulator.Selectors;

namespace Addons.Kit.Testing.Emulator.Store;

/// <summary>The filters and paging of a list or watch request.</summary>
internal sealed record ListQuery(string? Namespace, LabelSelector Labels, FieldSelector Fields, int Limit = 0, string? Continue = null)
{
    public static ListQuery All(string? ns = null) => new(ns, LabelSelector.Everything, FieldSelector.Everything);

    public bool Matches(System.Text.Json.Nodes.JsonObject obj) =>
        Labels.Matches(Json.Meta.Labels(obj)) && Fields.Matches(obj);
}
