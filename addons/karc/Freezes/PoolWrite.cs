using Addons.Karc.NodePools;

namespace Addons.Karc.Freezes;

/// <summary>A NodePool write: its budgets, the holders annotation (null removes it) and the Event action, if any.</summary>
internal sealed record PoolWrite(IReadOnlyList<Budget> Budgets, string? Annotation, string? Action);
